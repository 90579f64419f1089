"""Inspection rounds (巡检): due devices, rounds, device checklists, sign-off, forms.

Every function takes the caller's session (one transaction per user action) and returns
plain frozen dataclasses. The checklist rules are in :mod:`workbench.domain.checklists`,
the schedule in :mod:`workbench.domain.schedules`, the round's states in
:mod:`workbench.domain.inspections`.

A round fixes its scope when it starts. Recording a device saves all its items at once
(every item defaults to pass, numbers to the last measured value); a failed item opens a
linked work order of type ``inspection_finding`` through the work-order service. A
finished round is signed by the engineer (PIN and signature) and the client
representative (signature); then it is locked and its content is hashed into the chain
of signed records that ``workbench verify`` checks.

The package's modules follow the use cases: :mod:`.read_models` (what callers get back),
:mod:`.schedule` (due devices, a round's scope), :mod:`.rounds` (start, pause, resume,
finish, read), :mod:`.recording` (one device's checklist), :mod:`.signoff` (signing, the
chain's content), :mod:`.history` and :mod:`.forms` (printed forms); their shared helpers
are in :mod:`._helpers`. Callers import from the package.
"""

from workbench.services.inspections.forms import blank_form, check_scanned_round, round_form
from workbench.services.inspections.history import asset_history
from workbench.services.inspections.read_models import (
    ATTACHMENT_FOLDER,
    RECORD_TYPE,
    AssetHistory,
    AttachmentView,
    DeviceForm,
    DueRow,
    HistoryEntry,
    HistoryResult,
    LocationProgress,
    NumericSeries,
    RecordedInspection,
    RoundAssetRow,
    RoundDetail,
    RoundSummary,
)
from workbench.services.inspections.recording import device_form, display_value, record_inspection
from workbench.services.inspections.rounds import (
    active_round,
    finish_round,
    in_scope,
    list_rounds,
    pause_round,
    resume_round,
    round_detail,
    start_round,
)
from workbench.services.inspections.schedule import due_devices
from workbench.services.inspections.signoff import round_content, sign_round
from workbench.services.signing import Signatures, Strokes

__all__ = [
    "ATTACHMENT_FOLDER",
    "RECORD_TYPE",
    "AssetHistory",
    "AttachmentView",
    "DeviceForm",
    "DueRow",
    "HistoryEntry",
    "HistoryResult",
    "LocationProgress",
    "NumericSeries",
    "RecordedInspection",
    "RoundAssetRow",
    "RoundDetail",
    "RoundSummary",
    "Signatures",
    "Strokes",
    "active_round",
    "asset_history",
    "blank_form",
    "check_scanned_round",
    "device_form",
    "display_value",
    "due_devices",
    "finish_round",
    "in_scope",
    "list_rounds",
    "pause_round",
    "record_inspection",
    "resume_round",
    "round_content",
    "round_detail",
    "round_form",
    "sign_round",
    "start_round",
]
