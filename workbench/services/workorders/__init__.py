"""Work orders (工单): report, advance, log, sign off, amend; and their read models.

Every function takes the caller's session (one transaction per user action) and returns
plain frozen dataclasses. The rules of statuses and numbers are in
:mod:`workbench.domain.workorders`, the clock and penalties in :mod:`workbench.domain.sla`;
the contract's SLA and penalty terms come from the stored contract, never from code.

A signed order is immutable: every function that would change it refuses with a
:class:`WorkbenchError`; corrections are amendments (:func:`amend_work_order`, chained
like the order itself) and amending log entries (:func:`append_log` with ``amends_id``).

The package's modules follow the use cases: :mod:`.read_models` (what callers get back),
:mod:`.lifecycle` (report, change, advance), :mod:`.worklog`, :mod:`.signoff` (sign-off,
amendments, the chain's content), :mod:`.listing` (pages, counts, deadlines) and
:mod:`.documents` (one order's detail and printed form); their shared helpers are in
:mod:`._helpers`. Callers import from the package.
"""

from workbench.domain.workorders import LogEntryView, WorkOrderRow
from workbench.services.signing import Signatures, Strokes
from workbench.services.workorders._helpers import TEXT_LIMITS
from workbench.services.workorders.documents import (
    check_scanned_record,
    contract_header,
    detail,
    document,
    qr_payload,
    row,
)
from workbench.services.workorders.lifecycle import (
    advance,
    create_work_order,
    mark_finding,
    update_work_order,
)
from workbench.services.workorders.listing import (
    count_work_orders,
    entered_late,
    list_work_orders,
    next_deadline,
    signed_numbers,
)
from workbench.services.workorders.read_models import (
    AMENDABLE_FIELDS,
    AMENDMENT_RECORD_TYPE,
    CLOCK_TOLERANCE,
    EDITABLE_FIELDS,
    RECORD_TYPE,
    SORT_KEYS,
    AmendmentView,
    EventView,
    ScanCheck,
    UpcomingDeadline,
    WorkOrderDetail,
    WorkOrderFilter,
    WorkOrderPage,
)
from workbench.services.workorders.signoff import (
    amend_work_order,
    amendment_content,
    sign_off,
    work_order_content,
)
from workbench.services.workorders.worklog import append_log, list_log

__all__ = [
    "AMENDABLE_FIELDS",
    "AMENDMENT_RECORD_TYPE",
    "CLOCK_TOLERANCE",
    "EDITABLE_FIELDS",
    "RECORD_TYPE",
    "SORT_KEYS",
    "TEXT_LIMITS",
    "AmendmentView",
    "EventView",
    "LogEntryView",
    "ScanCheck",
    "Signatures",
    "Strokes",
    "UpcomingDeadline",
    "WorkOrderDetail",
    "WorkOrderFilter",
    "WorkOrderPage",
    "WorkOrderRow",
    "advance",
    "amend_work_order",
    "amendment_content",
    "append_log",
    "check_scanned_record",
    "contract_header",
    "count_work_orders",
    "create_work_order",
    "detail",
    "document",
    "entered_late",
    "list_log",
    "list_work_orders",
    "mark_finding",
    "next_deadline",
    "qr_payload",
    "row",
    "sign_off",
    "signed_numbers",
    "update_work_order",
    "work_order_content",
]
