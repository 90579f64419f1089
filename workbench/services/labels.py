"""What goes on asset labels: read models for ``workbench.reports.labels``."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from workbench.domain.documents import LabelDoc
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.services.assets import AssetFilter, AssetRow, get_asset, list_assets
from workbench.services.setup import current_contract


def _label(row: AssetRow, client_short: str) -> LabelDoc:
    return LabelDoc(code=row.code, name=row.name, client_short=client_short, location=row.location)


def label_docs(
    session: Session, codes: Sequence[str] | None = None, *, kind: str | None = "device"
) -> list[LabelDoc]:
    """Labels for ``codes`` in the order given, or for every asset of ``kind`` (not retired).

    Unknown codes are refused together, by name, before anything is printed.
    """
    contract = current_contract(session)
    client_short = contract.client_short if contract else ""
    if codes is None:
        rows = list_assets(session, AssetFilter(kind=kind, include_retired=False))
        return [_label(r, client_short) for r in rows]
    found: list[LabelDoc] = []
    missing: list[str] = []
    for code in codes:
        row = get_asset(session, code)
        if row is None:
            missing.append(code)
        else:
            found.append(_label(row, client_short))
    if missing:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No asset with these codes: {codes}"),
            codes=", ".join(missing),
        )
    return found
