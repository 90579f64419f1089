"""QApplication set-up: font, translations, crash hook, store, main window.

Start-up paints the window first and opens the store in the background: SQLAlchemy and
any migration come after the first frame, the ORM and the rest of start-up after the
device list is on screen (:class:`Startup`).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench import __version__, config, i18n, logsetup
from workbench.config import Settings
from workbench.domain.messages import UserError
from workbench.services import startup
from workbench.ui.common.context import AppContext
from workbench.ui.common.messages import MessageBridge
from workbench.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from workbench.data.store import Store
    from workbench.ui.main_window import MainWindow
    from workbench.ui.wiring import Wiring

log = logging.getLogger("workbench.app")

FONT_FILE = "wqy-microhei.ttc"
BUNDLED_FAMILY = "WenQuanYi Micro Hei"
PREFERRED_SYSTEM_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    BUNDLED_FAMILY,  # the family we ship, installed on the system already
)


def register_bundled_font() -> list[str]:
    """Register the bundled CJK font with Qt (once); its family names."""
    font_id = QFontDatabase.addApplicationFont(str(config.resource_path("fonts", FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled font %s could not be loaded", FONT_FILE)
    return families


def setup_font(app: QApplication) -> str:
    """Choose the UI font: a CJK font of the system where there is one (Windows always
    has Microsoft YaHei), otherwise the bundled one, registered with Qt here. Loading the
    bundled file (5 MB) costs about a tenth of a cold start, so it is not loaded when the
    system's font is used. (The documents register it with reportlab on their own.)"""
    families = set(QFontDatabase.families())
    family = next((f for f in PREFERRED_SYSTEM_FONTS if f in families), None)
    bundled: list[str] = []
    if family is None:
        bundled = register_bundled_font()
        family = bundled[0] if bundled else None
    if family:
        font = QFont(family)
        font.setPointSize(max(app.font().pointSize(), 10))
        if bundled:
            font.setFamilies([family, *bundled])
        app.setFont(font)
    return family or ""


# How long a thread holding the interpreter keeps it from one that waits (see below).
GUI_SWITCH_INTERVAL_S = 0.001


def create_application(language: str | None = None, argv: list[str] | None = None) -> QApplication:
    # Qt's raster engine hands every fill taller than about 96 lines to a pool of
    # threads and waits for them. On a laptop's few cores, with the store's worker
    # thread busy, the hand-off costs more than the fill: a frame of the scrolled 工单
    # list took 6.5-7.9 ms with the pool and 3.8-4.8 ms without (benchmarks/RESULTS.md).
    # Read when the pool is first wanted, so it is set before anything paints.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    # A worker thread running Python (a page of the 工单 list being read) holds the
    # interpreter; a GUI-thread callback that wants it waits up to the switch interval,
    # 5 ms by default: a third of a frame, more than once a frame while the list scrolls.
    # At 1 ms the longest stall of the scroll benchmark stayed under 14.3 ms in nine runs
    # (9.7-14.3), against 9.1-23.6 ms at 5 ms, four of nine over a frame.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Workbench")
    app.setApplicationDisplayName("运维工作台" if (language or "zh_CN") == "zh_CN" else "Workbench")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Workbench")
    icon = QIcon()
    for png in sorted(config.resource_path("icons").glob("workbench-*.png")):
        icon.addFile(str(png))
    if not icon.isNull():
        app.setWindowIcon(icon)
    setup_font(app)
    i18n.load(language or i18n.DEFAULT_LANGUAGE)
    return app


def create_context(settings: Settings, store: Store | None = None) -> AppContext:
    return AppContext(settings, TaskRunner(), MessageBridge(), store)


def create_main_window(
    store: Store, settings: Settings | None = None, *, start_scanner: bool = True
) -> MainWindow:
    """A main window over an open store (used by the self-test and tests)."""
    from workbench.ui.main_window import MainWindow
    from workbench.ui.wiring import wire

    ctx = create_context(settings or Settings.load(), store)
    window = MainWindow(ctx)
    wire(window, start_scanner=start_scanner)
    return window


def freeze_startup_heap() -> None:
    """Keep what start-up built (modules, classes, the SQLAlchemy mappings: some 200,000
    objects) out of the garbage collector's full passes, and turn the collector on (the
    GUI starts with it off, ``workbench.cli.main``). Each full pass walked all of them,
    70-150 ms with the GUI thread stopped, and one would fall in the middle of a scroll
    or a scan. Nothing is collected first (that would be the same stall, now): the
    little garbage start-up left behind stays."""
    gc.freeze()
    gc.enable()


def offer_restore(parent: QWidget | None, exc: UserError) -> bool:
    """Tell the user what is wrong with the database and offer the newest backup.

    Returns True when a backup was restored (the caller opens the store again).
    """
    from workbench.data.backup import backup_to_offer, restore_hint
    from workbench.data.errors import StoreError

    text = exc.render(i18n.translate)
    backup_file = backup_to_offer(exc)  # looked up now: the error itself never does I/O
    db_path = exc.db_path if isinstance(exc, StoreError) else None
    if isinstance(exc, StoreError):
        hint = restore_hint(exc, i18n.translate, latest=backup_file)
        text = f"{text}\n{hint}" if hint else text
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("app", "Maintenance Workbench"),
        text,
        parent=parent,
    )
    restore = None
    if backup_file is not None and db_path is not None:
        restore = box.addButton(
            QCoreApplication.translate("app", "Restore the latest backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    from workbench.services.backups import restore as restore_backup

    assert backup_file is not None
    assert db_path is not None
    try:
        outcome = restore_backup(db_path, backup_file)
    except UserError as error:
        title = QCoreApplication.translate("app", "Restore failed")
        QMessageBox.critical(parent, title, error.render(i18n.translate))
        return False
    except OSError as error:
        text = str(error)
        QMessageBox.critical(parent, QCoreApplication.translate("app", "Restore failed"), text)
        return False
    log.info("restored %s from %s", outcome.database, outcome.restored_from)
    return True


# The background quick_check starts this long after the store is ready, so that it does
# not compete with the first view's query for the disk and the second core.
BACKGROUND_CHECK_DELAY_MS = 3000
# Start-up goes on after the first list is shown, or after this long without it.
SETTLE_AT_LATEST_MS = 5000


def end_session(window: QWidget, store: Store, exc: UserError, on_end: Callable[[], None]) -> None:
    """A storage problem once the window is in use: the same dialog as at open, offering
    the latest backup; then ``on_end`` ends the session (the store is disposed first, so
    that a restore can move the damaged file aside)."""
    store.dispose()
    # Restored or not, this session ends: the views hold the disposed store. The next
    # start opens the restored file.
    if offer_restore(window, exc):
        QMessageBox.information(
            window,
            QCoreApplication.translate("app", "Maintenance Workbench"),
            QCoreApplication.translate(
                "app", "The backup was restored. Start the workbench again to use it."
            ),
        )
    on_end()


def check_in_background(window: QWidget, ctx: AppContext, on_damaged: Callable[[], None]) -> None:
    """Run the store's full ``quick_check`` off the GUI thread (the open did only the cheap
    checks). A damaged file gets the same dialog as at open, offering the latest backup;
    then ``on_damaged`` ends the session (the store is disposed first, so that a restore
    can move the damaged file aside, :func:`end_session`)."""
    store = ctx.store
    if store.fully_checked:
        return

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            log.error("background check of the store failed: %s", exc)
            return
        log.error("the store failed its check: %s", exc)
        end_session(window, store, exc, on_damaged)

    ctx.tasks.run(store.quick_check, None, failed)


class Startup:
    """The GUI's start, in the order the user needs it: the window painted; the store
    opened in the background (``services.startup``: SQLAlchemy Core only, for a store in
    use); the device list
    queried and shown; then the rest (:meth:`settle`): the log file, the checklists
    brought up to date (this loads the ORM, on the write queue), the scanner, menus and
    status bar, the day's backup, the welcome wizard and the background check."""

    def __init__(
        self, app: QApplication, window: MainWindow, settings: Settings, db: str | None
    ) -> None:
        self.app = app
        self.window = window
        self.ctx = window.ctx
        self.settings = settings
        self.db = db or settings.database or None
        self.settled = False
        self.wiring: Wiring | None = None

    def open(self) -> None:
        self.ctx.tasks.run(lambda: startup.open_for_start(self.db), self.opened, self.failed)

    def opened(self, result: tuple[Store, bool]) -> None:
        store, prepared = result
        self.ctx.attach_store(store)  # the first view asks for its list now
        # The rest waits for that list: the two would share the one interpreter lock,
        # and the list is what the user is waiting for.
        first = self.window.created_views().get("assets")
        if first is None:
            QTimer.singleShot(0, lambda: self.settle(store, prepared))
            return

        def listed() -> None:
            first.loaded.disconnect(listed)  # type: ignore[attr-defined]
            QTimer.singleShot(0, lambda: self.settle(store, prepared))

        first.loaded.connect(listed)  # type: ignore[attr-defined]
        # Should the list fail (its view says why), start-up goes on regardless.
        QTimer.singleShot(SETTLE_AT_LATEST_MS, self.window, lambda: self.settle(store, prepared))

    def settle(self, store: Store, prepared: bool) -> None:
        """The rest of start-up, once the first list is on screen."""
        if self.settled:
            return
        self.settled = True
        logsetup.attach_file()
        if prepared:
            self.start_work(store)
        else:
            self.ctx.tasks.run_write(
                lambda: startup.prepare_store(store), lambda _r: self.start_work(store), self.lost
            )

    def start_work(self, store: Store) -> None:
        from workbench.ui.wiring import wire

        self.wiring = wire(self.window)
        log.info("ready on %s", store.safe_url)
        freeze_startup_heap()
        self.ctx.tasks.run(
            lambda: startup.take_daily_backup(store),
            None,
            lambda exc: log.error("daily backup failed: %s", exc),
        )
        if not self.settings.welcome_done:
            self.wiring.show_welcome()
        from workbench.ui.witness_check import check_witness

        check_witness(self.window, self.ctx)
        QTimer.singleShot(
            BACKGROUND_CHECK_DELAY_MS,
            self.window,  # no check once the window is gone
            lambda: check_in_background(self.window, self.ctx, lambda: self.app.exit(3)),
        )

    def failed(self, exc: BaseException) -> None:
        """The store could not be opened."""
        logsetup.attach_file()
        if isinstance(exc, UserError):
            if offer_restore(self.window, exc):
                self.open()  # the restored file, from the start
            else:
                self.app.exit(3)
        else:
            self._crashed(exc)

    def lost(self, exc: BaseException) -> None:
        """The store failed after the window was in use (bringing it up to date)."""
        if isinstance(exc, UserError):
            end_session(self.window, self.ctx.store, exc, lambda: self.app.exit(3))
        else:
            self._crashed(exc)

    def _crashed(self, exc: BaseException) -> None:
        """Not a storage problem: the crash report, and the session ends."""
        from workbench.ui import crash

        crash.handle(type(exc), exc, exc.__traceback__)
        self.app.exit(1)


def run(db: str | None = None, language: str | None = None) -> int:
    from workbench.config import database_url
    from workbench.ui import crash
    from workbench.ui.main_window import MainWindow
    from workbench.ui.single_instance import (
        SingleInstance,
        bring_to_front,
        hold_installer_mutex,
    )

    settings = Settings.load()
    language = language or settings.language or i18n.DEFAULT_LANGUAGE
    app = create_application(language)
    instance = SingleInstance(database_url(db or settings.database or None))
    if not instance.acquire():
        # Another window is open on this store: bring it forward instead of a second one.
        if instance.forward():
            log.info("the workbench already runs on this store: its window was raised")
            return 0
        instance.take_over()
    mutex = hold_installer_mutex()  # kept until the app ends
    crash.install()
    window = MainWindow(create_context(settings))
    instance.listen(lambda: bring_to_front(window))
    window.show()
    startup = Startup(app, window, settings, db)
    QTimer.singleShot(0, startup.open)
    status = app.exec()
    instance.release()
    del mutex
    gc.enable()  # should start-up have ended before it turned the collector on
    ctx = window.ctx
    if ctx.ready:
        ctx.store.interrupt_check()
    ctx.tasks.wait()
    if ctx.ready:
        ctx.store.dispose()
    return int(status)
