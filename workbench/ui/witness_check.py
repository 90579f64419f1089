"""At start-up: does the store extend what this laptop saw of it last?

The check (:func:`workbench.services.witness.check`) runs in the background once the
window is in use. A store that is behind (rolled back, cut short) or whose history was
rewritten gets a warning that names what is missing; the user can accept the state (a
restore made on purpose), which the audit trail then records, or keep the warning, which
comes back at every start and in ``workbench verify`` until someone accepts it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench import i18n
from workbench.domain.messages import Message
from workbench.services import verification, witness

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.ui.common.context import AppContext

log = logging.getLogger("workbench.ui.witness")


def check_witness(parent: QWidget, ctx: AppContext) -> None:
    """Check the store against the witness off the GUI thread; warn when it fails."""

    def job(session: Session) -> witness.Check:
        result = witness.check(session)
        if result.ok:
            witness.observe(session)
        return result

    def done(result: witness.Check) -> None:
        if not result.ok:
            warn(parent, ctx, result)

    def failed(exc: BaseException) -> None:
        log.error("the witness check failed: %s", exc)
        ctx.messages.exception(exc)

    ctx.read(parent, "witness", job, done, failed)


def warn(parent: QWidget, ctx: AppContext, result: witness.Check) -> QMessageBox:
    """The warning, left open (not blocking); returns the box (for tests)."""
    problem = verification.witness_problem(result)
    assert problem is not None
    log.warning("the store does not extend its witness: %s", result.status)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate("witness", "The database is not as this laptop last saw it")
    )
    box.setText(i18n.render(Message(problem[0], problem[1])))
    box.setInformativeText(
        QCoreApplication.translate(
            "witness",
            "If you restored an older backup on purpose, accept this state: the acceptance "
            "is written to the audit trail. Otherwise keep the warning and have the database "
            "checked (workbench verify): someone may have replaced or edited the file.",
        )
    )
    accept = box.addButton(
        QCoreApplication.translate("witness", "Accept this state"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("witness", "Keep the warning"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    store, actor = ctx.store, ctx.actor

    def finished(_result: int) -> None:
        if box.clickedButton() is accept:

            def accepted(_check: witness.Check) -> None:
                ctx.messages.info(
                    QCoreApplication.translate(
                        "witness", "Accepted. The audit trail records that this state was accepted."
                    ),
                    QCoreApplication.translate(
                        "witness", "The database is not as this laptop last saw it"
                    ),
                )

            ctx.tasks.run_write(
                lambda: witness.accept_and_reanchor(store, note="GUI", actor=actor),
                accepted,
                ctx.messages.exception,
            )
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box
