"""QApplication set-up: font, translations, crash hook, store, main window.

Start-up paints the window first and opens the store in the background: the heavy
imports (SQLAlchemy, Alembic) and any migration happen after the first frame.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench import __version__, config, i18n, logsetup
from workbench.config import Settings
from workbench.domain.messages import WorkbenchError
from workbench.ui.context import AppContext
from workbench.ui.messages import MessageBridge
from workbench.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from workbench.data.store import Store, StoreError
    from workbench.ui.main_window import MainWindow

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


def create_application(language: str | None = None, argv: list[str] | None = None) -> QApplication:
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
    """Keep what start-up built (modules, classes, the SQLAlchemy mappings: some 100,000
    objects) out of the garbage collector's full passes. Each full pass walked all of
    them, 70-150 ms with the GUI thread stopped, and one would fall in the middle of a
    scroll or a scan. Nothing is collected first (that would be the same stall, now):
    the little garbage start-up left behind stays."""
    gc.freeze()


def open_and_fill(db: str | None, *, full_check: bool = True, backup: bool = True) -> Store:
    """Open (and migrate) the store; on first start, fill it with the contract; bring the
    checklists up to date; with ``backup``, take the day's backup if there is none yet.

    ``full_check=False`` leaves SQLite's page-by-page ``quick_check`` to the caller unless
    the file was not closed cleanly (see ``Store.check``): the GUI runs it after the
    window is ready (:func:`check_in_background`). The GUI also takes the day's backup
    itself, in the background once the store is open (:func:`take_daily_backup`): on a
    store of several years it takes tens of seconds, the first start of each day.
    """
    from workbench.data.store import open_store
    from workbench.services.setup import prepare

    store = open_store(db, full_check=full_check)
    with store.transaction("start") as session:
        prepare(session, load_contract=False)
    if backup:
        take_daily_backup(store)
    return store


def take_daily_backup(store: Store) -> None:
    """The day's backup if there is none yet; a full or read-only backup folder is logged,
    never in the way of the work."""
    from workbench.services.backups import daily_backup_if_due

    try:
        made = daily_backup_if_due(store)
    except OSError as exc:
        log.error("daily backup failed: %s", exc)
    else:
        if made is not None:
            log.info("daily backup %s", made)


def offer_restore(parent: QWidget | None, exc: StoreError) -> bool:
    """Tell the user what is wrong with the database and offer the newest backup.

    Returns True when a backup was restored (the caller opens the store again).
    """
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("app", "Maintenance Workbench"),
        exc.render(i18n.translate),
        parent=parent,
    )
    restore = None
    if exc.latest_backup is not None and exc.db_path is not None:
        restore = box.addButton(
            QCoreApplication.translate("app", "Restore the latest backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    from workbench.data.store import StoreError
    from workbench.services.backups import restore as restore_backup

    backup_file, db_path = exc.latest_backup, exc.db_path
    assert backup_file is not None
    assert db_path is not None
    try:
        outcome = restore_backup(db_path, backup_file)
    except (StoreError, WorkbenchError) as error:
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


def check_in_background(window: QWidget, ctx: AppContext, on_damaged: Callable[[], None]) -> None:
    """Run the store's full ``quick_check`` off the GUI thread (the open did only the cheap
    checks). A damaged file gets the same dialog as at open, offering the latest backup;
    then ``on_damaged`` ends the session (the store is disposed first, so that a restore
    can move the damaged file aside)."""
    store = ctx.store
    if store.fully_checked:
        return

    def failed(exc: BaseException) -> None:
        from workbench.data.store import StoreError

        if not isinstance(exc, StoreError):
            log.error("background check of the store failed: %s", exc)
            return
        log.error("the store failed its check: %s", exc)
        store.dispose()
        # Restored or not, this session ends: the views hold the disposed store. The
        # next start opens the restored file.
        if offer_restore(window, exc):
            QMessageBox.information(
                window,
                QCoreApplication.translate("app", "Maintenance Workbench"),
                QCoreApplication.translate(
                    "app", "The backup was restored. Start the workbench again to use it."
                ),
            )
        on_damaged()

    ctx.tasks.run(store.quick_check, None, failed)


def run(db: str | None = None, language: str | None = None) -> int:
    from workbench.ui import crash
    from workbench.ui.main_window import MainWindow

    settings = Settings.load()
    language = language or settings.language or i18n.DEFAULT_LANGUAGE
    app = create_application(language)
    crash.install()
    ctx = create_context(settings)
    window = MainWindow(ctx)
    window.show()

    def opened(store: Store) -> None:
        # Imported here, after the first frame: the wiring pulls in SQLAlchemy and the
        # services (the scan router), which the window does not need to paint.
        from workbench.ui.wiring import wire

        logsetup.attach_file()
        ctx.attach_store(store)
        wiring = wire(window)
        freeze_startup_heap()
        ctx.tasks.run(
            lambda: take_daily_backup(store),
            None,
            lambda exc: log.error("daily backup failed: %s", exc),
        )
        if not settings.welcome_done:
            wiring.show_welcome()
        QTimer.singleShot(
            BACKGROUND_CHECK_DELAY_MS,
            lambda: check_in_background(window, ctx, lambda: app.exit(3)),
        )

    def open_store() -> None:
        ctx.tasks.run(
            lambda: open_and_fill(db or settings.database or None, full_check=False, backup=False),
            opened,
            failed,
        )

    def failed(exc: BaseException) -> None:
        from workbench.data.store import StoreError

        logsetup.attach_file()
        if isinstance(exc, StoreError):
            if offer_restore(window, exc):
                open_store()  # the restored file, from the start
            else:
                app.exit(3)
        else:
            crash.handle(type(exc), exc, exc.__traceback__)
            app.exit(1)

    QTimer.singleShot(0, open_store)
    status = app.exec()
    if ctx.ready:
        ctx.store.interrupt_check()
    ctx.tasks.wait()
    if ctx.ready:
        ctx.store.dispose()
    return int(status)
