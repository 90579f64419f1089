"""Every table of the store. Importing this package registers them all on ``Base``."""

from workbench.data.models import (
    audit,
    identity,
    inspections,
    registers,
    reporting,
    workorders,
)
from workbench.data.models.base import Base, UtcDateTime, new_uuid, utcnow
from workbench.data.models.core import (
    ASSET_STATUSES,
    Asset,
    AssetCategory,
    Contract,
    Engineer,
    EngineerKey,
    Location,
    PaymentMilestone,
    Signature,
    SignedRecord,
)

__all__ = [
    "ASSET_STATUSES",
    "Asset",
    "AssetCategory",
    "Base",
    "Contract",
    "Engineer",
    "EngineerKey",
    "Location",
    "PaymentMilestone",
    "Signature",
    "SignedRecord",
    "UtcDateTime",
    "audit",
    "identity",
    "inspections",
    "new_uuid",
    "registers",
    "reporting",
    "utcnow",
    "workorders",
]
