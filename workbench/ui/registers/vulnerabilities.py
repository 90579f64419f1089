"""The 漏洞登记 tab: each finding of the sites' scans, its fix and its rescan (一、5).

A finding closes (关闭…) only after a clean rescan on or after the fix: the service
refuses otherwise and the page says why. Every read and write goes through
:mod:`workbench.services.registers.vulnerabilities`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMessageBox

from workbench import i18n
from workbench.domain import vulnerabilities as rules
from workbench.domain.messages import QT_TRANSLATE_NOOP, UserError
from workbench.services.registers import vulnerabilities as service
from workbench.ui.common.rows_model import Column
from workbench.ui.registers.page import Field, RegisterPage, RegisterSpec

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Row = service.VulnerabilityRow
STATE_COLOURS = {
    "overdue": "#b00020",
    "rescan_failed": "#b00020",
    "awaiting_rescan": "#8a4b00",
    "closed": "#5f6b7a",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("registers", text)


def _choices(labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(key, _tr(label)) for key, label in labels.items()]


class VulnerabilitiesPage(RegisterPage[Row]):
    AREA = "vulnerabilities"
    KEY = "vulnerabilities"
    TITLE = QT_TRANSLATE_NOOP("registers", "Vulnerabilities")
    closed = Signal(str)
    refused = Signal(str)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.close_button = self.add_action(self.tr("Close after rescan…"), self.close_finding)
        self.close_button.setToolTip(
            self.tr("A fixed finding closes only after a clean rescan (一、5)")
        )

    def spec(self) -> RegisterSpec[Row]:
        def date(value: Any) -> str:
            return value.isoformat() if value else ""

        return RegisterSpec(
            columns=[
                Column(self.tr("Site"), lambda r: r.site_code, tooltip=lambda r: r.site_name),
                Column(self.tr("Finding"), lambda r: r.title),
                Column(self.tr("Severity"), lambda r: _tr(rules.SEVERITY_LABELS[r.severity])),
                Column(self.tr("Found on"), lambda r: date(r.found_on)),
                Column(self.tr("Fix due"), lambda r: date(r.fix_due)),
                Column(self.tr("Fixed on"), lambda r: date(r.fixed_on)),
                Column(
                    self.tr("Rescan"),
                    lambda r: (
                        date(r.rescan_on)
                        + (" ✓" if r.rescan_clean else " ✗" if r.rescan_on else "")
                    ),
                ),
                Column(
                    self.tr("State"),
                    lambda r: _tr(rules.STATE_LABELS[r.state]),
                    colour=lambda r: STATE_COLOURS.get(r.state),
                ),
                Column(
                    self.tr("Age (days)"),
                    lambda r: str(r.age_days),
                    sort=lambda r: r.age_days,
                    numeric=True,
                ),
            ],
            fields=[
                Field(
                    "site", self.tr("Site"), "choice", required=True, choices=service.site_choices
                ),
                Field(
                    "title",
                    self.tr("Finding"),
                    required=True,
                    max_length=200,
                    placeholder=self.tr("e.g. jQuery 1.8 cross-site scripting (CVE-2020-11022)"),
                ),
                Field(
                    "severity",
                    self.tr("Severity"),
                    "choice",
                    required=True,
                    choices=lambda _s: _choices(rules.SEVERITY_LABELS),
                ),
                Field("found_on", self.tr("Found on"), "date", required=True),
                Field(
                    "fix_due",
                    self.tr("Fix due"),
                    "date",
                    help=self.tr("The date agreed with the client; the contract sets none."),
                ),
                Field(
                    "owner",
                    self.tr("Who fixes"),
                    "choice",
                    required=True,
                    choices=lambda _s: _choices(rules.OWNER_LABELS),
                ),
                Field("fixed_on", self.tr("Fixed on"), "date"),
                Field(
                    "rescan_on",
                    self.tr("Rescan on"),
                    "date",
                    help=self.tr("The scan before the site goes back live (一、5)."),
                ),
                Field("rescan_clean", self.tr("Rescan clean"), "bool"),
                Field("rescan_report", self.tr("Rescan report"), max_length=255),
                Field("note", self.tr("Note"), "multiline"),
            ],
            list_rows=lambda s, text: service.list_findings(s, text),
            row_id=lambda r: r.id,
            values_of=lambda r: {
                "site": r.site_code,
                "title": r.title,
                "severity": r.severity,
                "found_on": r.found_on,
                "fix_due": r.fix_due,
                "owner": r.owner,
                "fixed_on": r.fixed_on,
                "rescan_on": r.rescan_on,
                "rescan_clean": r.rescan_clean,
                "rescan_report": r.rescan_report,
                "note": r.note,
            },
            create=lambda s, values: service.create(s, values),
            update=lambda s, row_id, values: service.update(s, row_id, values),
            delete=service.delete,
            export=lambda s, path: service.export_xlsx(s, path, i18n.translate),
            export_name="漏洞登记.xlsx",
            editable=lambda r: not r.closed,
            widths=(110, 280, 60, 90, 90, 90, 110, 170, 70),
        )

    def _update_buttons(self) -> None:
        super()._update_buttons()
        button = getattr(self, "close_button", None)
        if button is not None:
            row = self.selected()
            button.setEnabled(row is not None and not row.closed)

    def close_finding(self, row: Row) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Close finding"),
            self.tr("Close “{title}” on {site} as fixed and rescanned clean?").format(
                title=row.title, site=row.site_code
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        finding_id = row.id

        def job(session: Session) -> Row:
            return service.close(session, finding_id)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                text = i18n.render(exc)
                self.ctx.messages.error(text, self.tr("Close finding"))
                self.refused.emit(text)
            else:
                self.ctx.messages.exception(exc)

        self.ctx.write(self.AREA, job, lambda _r: self.closed.emit(finding_id), failed)
