"""The detail pane of one work order: its clock, timeline, work log, signatures.

The pane shows a ``WorkOrderDetail`` read model and exposes its buttons; the view wires
them to service calls. Once signed, every editing control is read-only and the pane says
so; only amendments (new linked records) remain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain import clocks as clock_rules
from workbench.domain import sla as sla_rules
from workbench.domain import workorders as rules
from workbench.domain.documents import AssetLine
from workbench.domain.timeutil import fmt_local, to_local
from workbench.domain.timeutil import now as utc_now
from workbench.domain.workorders import LogEntryView, WorkOrderRow
from workbench.services.workorders import ScanCheck, WorkOrderDetail
from workbench.ui.common.flow import FlowLayout
from workbench.ui.common.signature_pad import SignaturePad
from workbench.ui.workorders.model import (
    STATE_COLOURS,
    domain_name,
    reevaluate,
    sla_text,
    sla_tooltip,
)

# The common steps and their shortcuts (the view binds them).
STEP_SHORTCUTS = {
    "responded": "Ctrl+1",
    "onsite": "Ctrl+2",
    "restored": "Ctrl+3",
    "closed": "Ctrl+4",
}

BANNER_STYLES = {
    "ok": "background: #e3f4e6; color: #1b5e20; border: 1px solid #9ccc9f;",
    "warning": "background: #fff1cc; color: #7a4a00; border: 1px solid #e0c070;",
    "error": "background: #fbe0e0; color: #a00000; border: 1px solid #e09a9a;",
    "info": "background: #e8f0fb; color: #0d3c84; border: 1px solid #a9c1e8;",
}


def _short(value: dt.datetime) -> str:
    """``11-20 10:53`` in Beijing time: the clocks' dates, kept short."""
    return to_local(value).strftime("%m-%d %H:%M")


class SlaClock(QFrame):
    """One SLA target at a glance: its name, time left or overdue in words, and colour."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.item: sla_rules.SlaItem | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel(domain_name(rules.SLA_NAMES, key), self)
        self.value = QLabel("—", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.value.setFont(font)
        self.deadline = QLabel("", self)
        self.deadline.setWordWrap(True)
        self.value.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.deadline)
        # As tall as the wrapped text needs at the width the card gets (a Fixed height
        # was the one-line hint's, and cut the deadline).
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.show_item(None, utc_now())

    def show_item(self, item: sla_rules.SlaItem | None, now: dt.datetime) -> None:
        self.item = item
        self.refresh(now)

    def refresh(self, now: dt.datetime) -> None:
        item = self.item
        if item is None:
            self.value.setText("—")
            self.deadline.setText(self.tr("No contract deadline"))
            self.setStyleSheet("SlaClock { background: #f4f4f4; }")
            self.setToolTip("")
            return
        current = reevaluate(item, now) if item.open else item
        self.value.setText(sla_text(current))
        state_name = domain_name(rules.SLA_STATE_NAMES, current.state)
        self.name.setText(f"{domain_name(rules.SLA_NAMES, self.key)} · {state_name}")
        if current.done_at is not None:
            self.deadline.setText(
                self.tr("Done {0}\ndue {1}").format(
                    _short(current.done_at), _short(current.deadline)
                )
            )
        else:
            self.deadline.setText(self.tr("Due {0}").format(_short(current.deadline)))
        background, foreground = STATE_COLOURS[current.state]
        self.setStyleSheet(
            f"SlaClock {{ background: {background}; border: 1px solid {foreground}; }}"
            f"SlaClock QLabel {{ color: {foreground}; background: transparent; }}"
        )
        self.setToolTip(sla_tooltip(current))


def device_line(a: AssetLine) -> str:
    """Code, name, model and place of a device; a model equal to the name (common in the
    contract's list: 小鸟分布式解码节点) is said once."""
    model = a.model if a.model != a.name else ""
    return "  ".join(x for x in (a.code, a.name, model, a.location) if x)


class WorkOrderDetailPane(QScrollArea):
    """Everything about one work order; buttons are wired by the view."""

    stepRequested = Signal(str)  # a target status, now
    stepAtRequested = Signal(str)  # a target status, at a time the user gives

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: WorkOrderDetail | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self._body = body
        self.setWidget(body)
        layout = QVBoxLayout(body)

        self.title = QLabel(self.tr("No work order selected"), body)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel("", body)
        self.subtitle.setWordWrap(True)
        self.banner = QLabel("", body)
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(8, 6, 8, 6)
        self.banner.hide()
        self.scan_banner = QLabel("", body)
        self.scan_banner.setWordWrap(True)
        self.scan_banner.setContentsMargins(8, 6, 8, 6)
        self.scan_banner.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.scan_banner)
        layout.addWidget(self.banner)

        clocks = QHBoxLayout()
        # The contract's three clocks, and a deadline the client set (shown when set).
        keys = (*sla_rules.SLA_KEYS, clock_rules.CLIENT_DEADLINE)
        self.clocks = {key: SlaClock(key, body) for key in keys}
        for clock in self.clocks.values():
            clocks.addWidget(clock)
        layout.addLayout(clocks)
        self.penalty = QLabel("", body)
        self.penalty.setWordWrap(True)
        layout.addWidget(self.penalty)
        self._build_actions(body, layout)
        self._build_facts(body, layout)
        self._build_history(body, layout)
        self._build_signatures(body, layout)
        layout.addStretch(1)
        for tree in (self.timeline, self.log, self.amendments):
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.header().setStretchLastSection(True)
        self.show_detail(None)

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the body's narrowest layout: with no horizontal scroll bar,
        a splitter that squeezed the pane below it cut the cards and buttons off."""
        hint = super().minimumSizeHint()
        body = self._body.minimumSizeHint().width()
        width = body + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def _build_actions(self, body: QWidget, layout: QVBoxLayout) -> None:
        # -- actions --------------------------------------------------------------
        # Rows that wrap: the pane is narrow at 1366×768 and a row of five buttons made it
        # wider than its viewport (clipped: "关闭工单 (Ctrl+4").
        steps = FlowLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for status, label in (
            ("responded", self.tr("Responded")),
            ("onsite", self.tr("On site")),
            ("restored", self.tr("Restored")),
            ("closed", self.tr("Close")),
            ("cancelled", self.tr("Cancel order")),
        ):
            shortcut = STEP_SHORTCUTS.get(status)
            button = QPushButton(f"{label} ({shortcut})" if shortcut else label, body)
            button.setToolTip(self.tr("Record this step now; right-click for another time"))
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.clicked.connect(lambda _c=False, s=status: self.stepRequested.emit(s))
            button.customContextMenuRequested.connect(
                lambda _p, s=status: self.stepAtRequested.emit(s)
            )
            self.step_buttons[status] = button
            steps.addWidget(button)
        layout.addLayout(steps)
        actions = FlowLayout()
        # An inspection finding: a fault affecting service, or a rectification date.
        self.finding_button = QPushButton(self.tr("Finding: affects service?…"), body)
        self.sign_button = QPushButton(self.tr("Sign off…"), body)
        self.amend_button = QPushButton(self.tr("Amend…"), body)
        self.preview_button = QPushButton(self.tr("Print preview"), body)
        self.print_button = QPushButton(self.tr("Print…"), body)
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"), body)
        for button in (
            self.finding_button,
            self.sign_button,
            self.amend_button,
            self.preview_button,
            self.print_button,
            self.save_pdf_button,
        ):
            actions.addWidget(button)
        layout.addLayout(actions)

    def _build_facts(self, body: QWidget, layout: QVBoxLayout) -> None:
        # -- facts ----------------------------------------------------------------
        facts = QGroupBox(self.tr("Work order"), body)
        form = QFormLayout(facts)
        self.devices = QLabel(body)
        self.devices.setWordWrap(True)
        self.devices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description = QLabel(body)
        self.description.setWordWrap(True)
        self.reporter = QLabel(body)
        self.handling = QLabel(body)
        form.addRow(self.tr("Devices"), self.devices)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Reported by"), self.reporter)
        form.addRow(self.tr("Handling"), self.handling)
        layout.addWidget(facts)

        result = QGroupBox(self.tr("Cause and result"), body)
        result_form = QFormLayout(result)
        self.cause = QPlainTextEdit(body)
        self.cause.setTabChangesFocus(True)
        self.cause.setMaximumHeight(70)
        self.resolution = QPlainTextEdit(body)
        self.resolution.setTabChangesFocus(True)
        self.resolution.setMaximumHeight(70)
        self.contractor_caused = QCheckBox(
            self.tr("Caused by the contractor (free fix; the service period extends)"), body
        )
        self.save_button = QPushButton(self.tr("Save"), body)
        self.save_button.setEnabled(False)
        for widget in (self.cause, self.resolution):
            widget.textChanged.connect(self._edited)
        self.contractor_caused.toggled.connect(self._edited)
        result_form.addRow(self.tr("Cause"), self.cause)
        result_form.addRow(self.tr("Result"), self.resolution)
        result_form.addRow(self.contractor_caused)
        result_form.addRow("", self.save_button)
        layout.addWidget(result)

    def _build_history(self, body: QWidget, layout: QVBoxLayout) -> None:
        timeline = QGroupBox(self.tr("Timeline"), body)
        timeline_layout = QVBoxLayout(timeline)
        self.timeline = QTreeWidget(body)
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels(
            [self.tr("Time"), self.tr("Step"), self.tr("By"), self.tr("Note")]
        )
        self.timeline.setMinimumHeight(110)
        timeline_layout.addWidget(self.timeline)
        layout.addWidget(timeline)

        log_box = QGroupBox(self.tr("Work log"), body)
        log_layout = QVBoxLayout(log_box)
        self.log = QTreeWidget(body)
        self.log.setRootIsDecorated(False)
        self.log.setHeaderLabels([self.tr("Time"), self.tr("Engineer"), self.tr("Entry")])
        self.log.setMinimumHeight(120)
        self.log.setWordWrap(True)
        log_buttons = QHBoxLayout()
        self.add_log_button = QPushButton(self.tr("Add entry…"), body)
        self.correct_log_button = QPushButton(self.tr("Correct entry…"), body)
        self.correct_log_button.setEnabled(False)
        self.log.currentItemChanged.connect(
            lambda current, _prev: self.correct_log_button.setEnabled(current is not None)
        )
        log_buttons.addWidget(self.add_log_button)
        log_buttons.addWidget(self.correct_log_button)
        log_buttons.addStretch(1)
        log_layout.addWidget(self.log)
        log_layout.addLayout(log_buttons)
        layout.addWidget(log_box)

    def _build_signatures(self, body: QWidget, layout: QVBoxLayout) -> None:
        signatures = QGroupBox(self.tr("Signatures"), body)
        grid = QGridLayout(signatures)
        self.engineer_signature = SignaturePad(body)
        self.client_signature = SignaturePad(body)
        self.engineer_signer = QLabel(body)
        self.client_signer = QLabel(body)
        for column, (caption, pad, signer) in enumerate(
            (
                (self.tr("Maintenance engineer"), self.engineer_signature, self.engineer_signer),
                (self.tr("Client representative"), self.client_signature, self.client_signer),
            )
        ):
            pad.setReadOnly(True)
            pad.setMinimumSize(150, 70)
            pad.setMaximumHeight(110)
            grid.addWidget(QLabel(caption, body), 0, column)
            grid.addWidget(pad, 1, column)
            grid.addWidget(signer, 2, column)
        layout.addWidget(signatures)

        amendments = QGroupBox(self.tr("Amendments"), body)
        amend_layout = QVBoxLayout(amendments)
        self.amendments = QTreeWidget(body)
        self.amendments.setRootIsDecorated(False)
        self.amendments.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Engineer"),
                self.tr("What"),
                self.tr("Correction"),
                self.tr("Reason"),
            ]
        )
        self.amendments.setMaximumHeight(110)
        amend_layout.addWidget(self.amendments)
        self.amendments_box = amendments
        layout.addWidget(amendments)

    # -- showing ------------------------------------------------------------------
    def _edited(self) -> None:
        d = self.detail
        if d is None or not d.editable:
            self.save_button.setEnabled(False)
            return
        changed = (
            self.cause.toPlainText().strip() != d.cause
            or self.resolution.toPlainText().strip() != d.resolution
            or self.contractor_caused.isChecked() != d.contractor_caused
        )
        self.save_button.setEnabled(changed)

    def edits(self) -> dict[str, object]:
        return {
            "cause": self.cause.toPlainText().strip(),
            "resolution": self.resolution.toPlainText().strip(),
            "contractor_caused": self.contractor_caused.isChecked(),
        }

    def has_unsaved_edits(self) -> bool:
        return self.save_button.isEnabled()

    def show_detail(self, d: WorkOrderDetail | None, now: dt.datetime | None = None) -> None:
        now = now or utc_now()
        same_order = d is not None and self.detail is not None and self.detail.number == d.number
        self.detail = d
        if not same_order:
            self.scan_banner.hide()
        self._body.setEnabled(d is not None)
        if d is None:
            self._show_nothing(now)
            return
        self._show_heading(d)
        self._show_banner(d.row)
        self._show_clocks(d.row.sla, now)
        self._show_penalty(d)
        self._show_buttons(d)
        self._show_facts(d)
        self._show_editing(d, same_order)
        self._show_timeline(d)
        self._show_log(d.log, d.editable)
        self._show_signatures(d)
        self._show_amendments(d)

    def _show_nothing(self, now: dt.datetime) -> None:
        self.title.setText(self.tr("No work order selected"))
        self.subtitle.setText(self.tr("Choose one in the list, or report a new one (Ctrl+N)."))
        self.banner.hide()
        self._show_clocks((), now)

    def _show_heading(self, d: WorkOrderDetail) -> None:
        r = d.row
        demo = self.tr("  [demo data]") if r.demo else ""
        self.title.setText(f"{r.number}  {domain_name(rules.TYPE_NAMES, r.type)}{demo}")
        self.subtitle.setText(
            self.tr("Status: {status} · Priority: {priority} · Contract {contract}").format(
                status=domain_name(rules.STATUS_NAMES, r.status),
                priority=domain_name(rules.PRIORITY_NAMES, r.priority),
                contract=d.contract_number,
            )
        )

    def _show_banner(self, r: WorkOrderRow) -> None:
        """Why a signed or cancelled order is read-only; nothing for an open one."""
        if r.status == "signed":
            self.banner.setText(
                self.tr("Signed on {0}: read-only. Corrections are recorded as amendments.").format(
                    fmt_local(r.signed_at)
                )
            )
            self.banner.setStyleSheet(BANNER_STYLES["ok"])
            self.banner.show()
        elif r.status == "cancelled":
            self.banner.setText(self.tr("Cancelled: read-only."))
            self.banner.setStyleSheet(BANNER_STYLES["info"])
            self.banner.show()
        else:
            self.banner.hide()

    def _show_clocks(self, sla: Iterable[sla_rules.SlaItem], now: dt.datetime) -> None:
        """Each clock its SLA item (or none, for a target this order does not have)."""
        items = {item.key: item for item in sla}
        for key, clock in self.clocks.items():
            clock.show_item(items.get(key), now)
            clock.setVisible(key in sla_rules.SLA_KEYS or key in items)

    def _show_buttons(self, d: WorkOrderDetail) -> None:
        status = d.row.status
        for target, button in self.step_buttons.items():
            button.setVisible(target in d.allowed_moves)
        self.finding_button.setVisible(d.row.type in clock_rules.FINDING_TYPES and d.editable)
        self.sign_button.setVisible(status in ("restored", "closed"))
        self.amend_button.setVisible(status == "signed")
        self.correct_log_button.setVisible(True)

    def _show_facts(self, d: WorkOrderDetail) -> None:
        r = d.row
        self.devices.setText("\n".join(device_line(a) for a in d.assets) or "—")
        self.description.setText(r.description)
        reporter = "  ".join(x for x in (r.reporter_name, d.reporter_phone) if x)
        self.reporter.setText(
            f"{reporter or '—'}  · {fmt_local(r.reported_at)} · "
            f"{domain_name(rules.CHANNEL_NAMES, r.channel)}"
        )
        self.handling.setText(r.engineer_name or self.tr("nobody yet"))

    def _show_editing(self, d: WorkOrderDetail, same_order: bool) -> None:
        for widget, text in ((self.cause, d.cause), (self.resolution, d.resolution)):
            if widget.toPlainText().strip() != text or not same_order:
                widget.setPlainText(text)
            widget.setReadOnly(not d.editable)
        self.contractor_caused.setChecked(d.contractor_caused)
        self.contractor_caused.setEnabled(d.editable)
        self.save_button.setVisible(d.editable)
        self._edited()

    def _show_amendments(self, d: WorkOrderDetail) -> None:
        r = d.row
        self.amendments.clear()
        for a in d.amendments:
            QTreeWidgetItem(
                self.amendments,
                [fmt_local(a.created_at), a.engineer_name, a.field or "—", a.new_value, a.reason],
            )
        self.amendments_box.setVisible(bool(d.amendments) or r.status == "signed")

    def _show_penalty(self, d: WorkOrderDetail) -> None:
        r = d.row
        if r.penalty_cny > 0:
            text = self.tr("Late by {days} day(s): penalty exposure ¥{amount:,.2f}").format(
                days=r.days_late, amount=r.penalty_cny
            )
            if r.termination_right:
                text += self.tr(" — more than the cap: the client may terminate")
            self.penalty.setText(text)
            self.penalty.setStyleSheet("color: #a00000; font-weight: bold;")
        else:
            self.penalty.setText("")
            self.penalty.setStyleSheet("")
        lines = [self.penalty.text()] if self.penalty.text() else []
        if r.client_deadline_exposure_cny > 0:
            # 八、5: the client's deadline was missed (its clause named with the amount).
            lines.append(
                self.tr("Client's deadline missed: exposure ¥{amount:,.2f} (clause 八、5)").format(
                    amount=r.client_deadline_exposure_cny
                )
            )
            self.penalty.setStyleSheet("color: #a00000; font-weight: bold;")
        if d.service_extension is not None:
            hours, rest = divmod(int(d.service_extension.total_seconds()) // 60, 60)
            lines.append(
                self.tr(
                    "Not repaired by the client's deadline: the service period extends by "
                    "{hours} h {minutes} min (clause 五、5.2.3)."
                ).format(hours=hours, minutes=rest)
            )
        self.penalty.setText("\n".join(lines))
        self.penalty.setVisible(bool(self.penalty.text()))

    def _show_timeline(self, d: WorkOrderDetail) -> None:
        self.timeline.clear()
        for e in d.events:
            step = domain_name(rules.STATUS_NAMES, e.to_status)
            who = e.engineer_name or e.actor
            QTreeWidgetItem(self.timeline, [fmt_local(e.at), step, who, e.note])

    def _show_log(self, entries: tuple[LogEntryView, ...], editable: bool) -> None:
        self.log.clear()
        for entry in entries:
            text = entry.text
            if entry.amends_at is not None:
                text = self.tr("[corrects {0}] {1}").format(fmt_local(entry.amends_at), text)
            item = QTreeWidgetItem(self.log, [fmt_local(entry.at), entry.engineer_name, text])
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(2, entry.text)
            if entry.amended:
                font = QFont()
                font.setStrikeOut(True)
                for column in range(3):
                    item.setFont(column, font)
                    item.setForeground(column, QBrush(QColor("#8a939d")))
                item.setToolTip(2, self.tr("Corrected by a later entry"))
        self.add_log_button.setEnabled(editable)
        self.correct_log_button.setEnabled(self.log.currentItem() is not None)

    def _show_signatures(self, d: WorkOrderDetail) -> None:
        by_role = {s.role: s for s in d.signatures}
        for role, pad, label in (
            ("engineer", self.engineer_signature, self.engineer_signer),
            ("client", self.client_signature, self.client_signer),
        ):
            sig = by_role.get(role)
            if sig is None:
                pad.setStrokes([], 3.0)
                label.setText(self.tr("Not signed yet"))
            else:
                pad.setStrokes([list(s) for s in sig.strokes], sig.aspect)
                label.setText(f"{sig.signer_name}  {fmt_local(sig.signed_at)}")

    def selected_log_entry(self) -> LogEntryView | None:
        item = self.log.currentItem()
        if item is None:
            return None
        entry = item.data(0, Qt.ItemDataRole.UserRole)
        return entry if isinstance(entry, LogEntryView) else None

    def scan_verdict(self, check: ScanCheck) -> tuple[str, str]:
        if check.state == "match":
            return "ok", self.tr("Scanned paper of {0} matches the signed record.").format(
                check.number
            )
        if check.state == "paper_mismatch":
            return "error", self.tr(
                "Scanned paper of {0} does NOT match the signed record: it is not the signed "
                "version (an old print or a changed copy)."
            ).format(check.number)
        if check.state == "record_altered":
            return "error", self.tr(
                "The stored record of {0} was changed after signing: it no longer matches its "
                "signature. Run 'workbench verify'."
            ).format(check.number)
        if check.state == "unsigned":
            return "warning", self.tr(
                "{0} is not signed in this store; the scanned paper is not a signed record."
            ).format(check.number)
        return "warning", check.state

    def show_scan_result(self, level: str, text: str) -> None:
        self.scan_banner.setText(text)
        self.scan_banner.setStyleSheet(BANNER_STYLES[level] + " font-weight: bold;")
        self.scan_banner.show()

    def tick(self, now: dt.datetime) -> None:
        for clock in self.clocks.values():
            if clock.item is not None and clock.item.open:
                clock.refresh(now)
