"""The 免责登记 tab: breaches the contractor is not answerable for (十, 八、1).

A claim names a breached work order, the kind and reason, the times of the cause and a
file of evidence (附证据…); the client's representative confirms it by signing with the
engineer (甲方确认…), after which the row is locked and the order's breach carries no
penalty. Every read and write goes through :mod:`workbench.services.registers.excuses`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog

from workbench import i18n
from workbench.domain import excuses as rules
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.domain.timeutil import fmt_local
from workbench.domain.workorders import SLA_NAMES
from workbench.services.registers import excuses as service
from workbench.ui.common.rows_model import Column
from workbench.ui.registers.page import Field, RegisterPage, RegisterSpec

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.ui.common.signoff import SignOffDialog, SignOffInput

ExcuseRow = service.ExcuseRow


def _tr(text: str) -> str:
    return QCoreApplication.translate("registers", text)


class ExcusesPage(RegisterPage[ExcuseRow]):
    AREA = "excuses"
    KEY = "excuses"
    TITLE = QT_TRANSLATE_NOOP("registers", "Excused delays")
    evidence_attached = Signal(str)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sign_dialog: SignOffDialog | None = None
        self.evidence_button = self.add_action(self.tr("Attach evidence…"), self.choose_evidence)
        self.confirm_button = self.add_action(self.tr("Client confirms…"), self.open_confirm)
        self.confirm_button.setToolTip(
            self.tr("The engineer (PIN) and the client's representative sign the excuse")
        )

    def spec(self) -> RegisterSpec[ExcuseRow]:
        translate = i18n.translate

        def breaches(r: ExcuseRow) -> str:
            return "、".join(translate("workorders", SLA_NAMES.get(b, b)) for b in r.breaches)

        def kinds(_session: Session) -> list[tuple[str, str]]:
            return [
                (k, f"{_tr(rules.KIND_LABELS[k])}（{rules.KIND_CLAUSES[k]}）") for k in rules.KINDS
            ]

        return RegisterSpec(
            columns=[
                Column(self.tr("Work order"), lambda r: r.number),
                Column(self.tr("Reported"), lambda r: fmt_local(r.reported_at)),
                Column(self.tr("Breaches"), breaches),
                Column(self.tr("Kind"), lambda r: service.kind_label(r.kind, translate)),
                Column(
                    self.tr("Reason"),
                    lambda r: r.reason.replace("\n", " "),
                    tooltip=lambda r: r.reason,
                ),
                Column(self.tr("Evidence"), lambda r: r.evidence_name or self.tr("(none yet)")),
                Column(
                    self.tr("Status"),
                    lambda r: (
                        service.status_label(r.status, translate)
                        + (f" · {r.client_name}" if r.confirmed else "")
                    ),
                ),
                Column(
                    self.tr("Penalty (CNY)"),
                    lambda r: f"{r.penalty_cny:.2f}",
                    sort=lambda r: r.penalty_cny,
                    numeric=True,
                    tooltip=lambda r: self.tr("Strict reading: CNY {amount}").format(
                        amount=f"{r.penalty_worst_cny:.2f}"
                    ),
                ),
            ],
            fields=[
                Field(
                    "number",
                    self.tr("Work order"),
                    "choice",
                    required=True,
                    choices=lambda s: service.breached_orders(s, translate=i18n.translate),
                    help=self.tr(
                        "An order with a breach; the order cannot change after the claim."
                    ),
                ),
                Field("kind", self.tr("Kind"), "choice", required=True, choices=kinds),
                Field(
                    "reason",
                    self.tr("Reason"),
                    "multiline",
                    required=True,
                    placeholder=self.tr(
                        "What happened, and why the contractor could not be on time"
                    ),
                ),
                Field("cause_from", self.tr("Cause from"), "datetime"),
                Field("cause_until", self.tr("Cause until"), "datetime"),
                Field(
                    "client_notified_at",
                    self.tr("Client notified"),
                    "datetime",
                    help=self.tr(
                        "十: the other party is told at once; proof follows within 7 working days."
                    ),
                ),
            ],
            list_rows=lambda s, text: service.list_excuses(s, text),
            row_id=lambda r: r.id,
            values_of=lambda r: {
                "number": r.number,
                "kind": r.kind,
                "reason": r.reason,
                "cause_from": r.cause_from,
                "cause_until": r.cause_until,
                "client_notified_at": r.client_notified_at,
            },
            create=lambda s, values: service.claim(s, values),
            update=lambda s, row_id, values: service.update(s, row_id, values),
            delete=service.delete,
            export=lambda s, path: service.export_xlsx(s, path, i18n.translate),
            export_name="免责登记.xlsx",
            row_colour=lambda r: "#1b5e20" if r.confirmed else "#8a4b00",
            editable=lambda r: not r.confirmed,
            widths=(110, 120, 90, 150, 260, 140, 200, 90),
        )

    def _update_buttons(self) -> None:
        super()._update_buttons()
        row = self.selected()
        open_claim = row is not None and not row.confirmed
        for button in (
            getattr(self, "evidence_button", None),
            getattr(self, "confirm_button", None),
        ):
            if button is not None:
                button.setEnabled(open_claim)

    # -- evidence ----------------------------------------------------------------------
    def choose_evidence(self, row: ExcuseRow) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Evidence for {number}").format(number=row.number),
            str(Path.home()),
            self.tr("Documents and photos (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;All files (*)"),
        )
        if name:
            self.attach_evidence(row, Path(name))

    def attach_evidence(self, row: ExcuseRow, path: Path) -> None:
        self.write(
            lambda session: service.attach_evidence(session, row.id, path),
            lambda _r: self.evidence_attached.emit(row.id),
        )

    # -- the client's confirmation -----------------------------------------------------
    def open_confirm(self, row: ExcuseRow) -> SignOffDialog | None:
        from workbench.ui.common.signoff import SignOffDialog

        if row.confirmed:
            return None
        if not row.evidence_sha256:
            self.ctx.messages.error(
                self.tr("Attach the evidence before the client confirms the excuse."),
                self.tr("Evidence missing"),
            )
            return None
        excuse_id, version = row.id, row.version

        def sign(session: Session, data: SignOffInput) -> ExcuseRow:
            return service.confirm(
                session,
                excuse_id,
                data.signatures(),
                engineer_id=data.engineer_id,
                pin=data.pin,
                expected_version=version,
            )

        dialog = SignOffDialog(
            self.ctx,
            sign,
            area="all",  # the order's penalty changes: the work orders, dashboard, reports
            title=self.tr("Client confirms the excuse of {number}").format(number=row.number),
            record_label=self.tr(
                "Party A's representative confirms that the delay of {number} ({kind}) was not "
                "the contractor's doing: {reason}\nOnce signed, the breach carries no penalty "
                "(CNY {amount} under 八、1) and the excuse cannot change."
            ).format(
                number=row.number,
                kind=service.kind_label(row.kind, i18n.translate),
                reason=row.reason,
                amount=f"{row.penalty_cny:.2f}",
            ),
            parent=self,
        )
        dialog.signed.connect(lambda _r: self.saved.emit(excuse_id))
        self.sign_dialog = dialog
        dialog.open()
        return dialog
