"""The tray icon that watches the work orders' clocks while the window is out of sight.

Every :data:`POLL_MS` the open orders are read through the background read path
(``ctx.read``: off the GUI thread, never a write). ``clock_warnings.ClockWatch`` (domain)
decides which warnings are due; while the main window is minimised or not the active
window, each is shown as a tray notification with a beep. The icon's tooltip always names
the nearest deadline. ``now`` is injectable so that tests can run the clocks on fake time.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from workbench import i18n
from workbench.domain import clock_warnings as rules
from workbench.domain import workorders as wo_rules
from workbench.domain.timeutil import now as utc_now
from workbench.domain.timeutil import to_local
from workbench.ui.common.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("workbench.ui.tray")

POLL_MS = 20_000  # a 10-minute warning is at most 20 s late
MESSAGE_MS = 15_000


def open_clocks(session: Session, now: dt.datetime) -> list[rules.RunningClock]:
    """The running clocks of every open order, from the work-order list's read model."""
    from workbench.services import workorders as wo

    page = wo.list_work_orders(
        session, wo.WorkOrderFilter(status=wo_rules.OPEN_STATUSES), limit=None, now=now
    )
    return rules.running_clocks(page.rows)


def _minutes(delta: dt.timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


class ClockTray(QObject):
    """The tray icon; ``window`` is the main window whose visibility decides."""

    # Used when the desktop has no tray (Linux): the freedesktop notification command.
    desktop_command: str | None = "notify-send" if sys.platform.startswith("linux") else None

    warned = Signal(str, str)  # title, text: a notification was shown
    polled = Signal()  # the clocks were read and checked

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        *,
        now: Callable[[], dt.datetime] = utc_now,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.now = now
        self.watch = rules.ClockWatch()
        self.clocks: list[rules.RunningClock] = []
        self.icon = QSystemTrayIcon(self)
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            self.icon.setIcon(app_icon)
        else:
            self.icon.setIcon(
                window.style().standardIcon(window.style().StandardPixmap.SP_ComputerIcon)
            )
        self.icon.setToolTip(self.tr("No deadline running."))
        self.icon.activated.connect(lambda _reason: self._raise_window())
        self.icon.messageClicked.connect(self._raise_window)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        ctx.events.dataChanged.connect(self._data_changed)

    # -- polling ---------------------------------------------------------------------
    def _data_changed(self, area: str) -> None:
        if area in ("workorders", "all"):
            self.poll()

    def poll(self) -> None:
        if not self.ctx.ready:
            return
        at = self.now()
        self.ctx.read(
            self,
            "clocks",
            lambda session: open_clocks(session, at),
            self._show,
            lambda exc: log.warning("clocks: %s", exc),
        )

    def _show(self, clocks: list[rules.RunningClock]) -> None:
        self.clocks = clocks
        at = self.now()
        self.icon.setToolTip(self.tooltip(at))
        warnings = self.watch.check(clocks, at)
        if warnings and self.out_of_sight():
            self.notify(warnings, at)
        self.polled.emit()

    def out_of_sight(self) -> bool:
        window = self.window_
        return window.isMinimized() or not window.isVisible() or not window.isActiveWindow()

    # -- texts -----------------------------------------------------------------------
    @staticmethod
    def clock_name(key: str) -> str:
        return i18n.translate("workorders", wo_rules.SLA_NAMES.get(key, key))

    def tooltip(self, at: dt.datetime) -> str:
        clock = rules.nearest(self.clocks, at)
        if clock is None:
            return self.tr("No deadline running.")
        return self.tr("Next deadline: {number} {clock} at {time} ({minutes} min left)").format(
            number=clock.number,
            clock=self.clock_name(clock.key),
            time=to_local(clock.deadline).strftime("%H:%M"),
            minutes=_minutes(clock.deadline - at),
        )

    def notify(self, warnings: list[rules.ClockWarning], at: dt.datetime) -> None:
        lines = []
        for w in warnings:
            if w.kind == rules.BREACHED:
                lines.append(
                    self.tr("{number}: {clock} deadline passed at {time}").format(
                        number=w.number,
                        clock=self.clock_name(w.key),
                        time=to_local(w.deadline).strftime("%H:%M"),
                    )
                )
            else:
                lines.append(
                    self.tr("{number}: {clock} due at {time}, {minutes} min left").format(
                        number=w.number,
                        clock=self.clock_name(w.key),
                        time=to_local(w.deadline).strftime("%H:%M"),
                        minutes=_minutes(w.left(at)),
                    )
                )
        breached = any(w.kind == rules.BREACHED for w in warnings)
        title = self.tr("Deadline passed") if breached else self.tr("Deadline in 10 minutes")
        text = "\n".join(lines)
        level = (
            QSystemTrayIcon.MessageIcon.Critical
            if breached
            else QSystemTrayIcon.MessageIcon.Warning
        )
        self.show_notification(title, text, level)
        QApplication.beep()
        log.info("clock warning: %s", text.replace("\n", "; "))
        self.warned.emit(title, text)

    def show_notification(self, title: str, text: str, level: QSystemTrayIcon.MessageIcon) -> None:
        """The tray's balloon; without a tray (a Linux desktop with none, e.g. GNOME
        without AppIndicator) the desktop's notification daemon through ``notify-send``,
        started detached so nothing waits for it."""
        if QSystemTrayIcon.isSystemTrayAvailable() or not self.desktop_command:
            self.icon.showMessage(title, text, level, MESSAGE_MS)
            return
        urgency = "critical" if level == QSystemTrayIcon.MessageIcon.Critical else "normal"
        args = [
            f"--app-name={QApplication.applicationDisplayName()}",
            f"--urgency={urgency}",
            f"--expire-time={MESSAGE_MS}",
            title,
            text,
        ]
        started, _pid = QProcess.startDetached(self.desktop_command, args)
        if not started:
            log.warning(
                "no tray and no %s: the clock warning stays in the log", self.desktop_command
            )
            self.icon.showMessage(title, text, level, MESSAGE_MS)

    def _raise_window(self) -> None:
        self.window_.showNormal()
        self.window_.raise_()
        self.window_.activateWindow()

    def stop(self) -> None:
        self.timer.stop()
        self.icon.hide()
