"""The engineer registration form (人员备案表, contract 五.5.2.11): its read model.

The client approves the engineers who work under the contract; the form it signs names
the engineer and the key that the engineer signs records with (its fingerprint in full
and in the display form printed on every signed record, and the public key), when the
key was registered and which engineer's key approved it, and the store and its head at
the time the form was made.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from workbench.data.models import Engineer, EngineerKey
from workbench.data.models.workorders import WorkOrder
from workbench.data.store import read_store_uuid
from workbench.domain.documents import EngineerRegistrationDoc
from workbench.domain.keys import display_fingerprint
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.services import heads
from workbench.services._common import require_contract
from workbench.services.workorders import contract_header


def _approver(session: Session, key: EngineerKey) -> str:
    """``姓名 (XXXX XXXX …)`` of the engineer whose key approved ``key``; "" for none."""
    if not key.approver_fingerprint:
        return ""
    approver = session.scalar(
        select(Engineer.name)
        .join(EngineerKey, EngineerKey.engineer_id == Engineer.id)
        .where(EngineerKey.fingerprint == key.approver_fingerprint)
    )
    shown = display_fingerprint(key.approver_fingerprint)
    return f"{approver} ({shown})" if approver else shown


def registration_form(session: Session, name: str) -> EngineerRegistrationDoc:
    """The form of the engineer called ``name``, with the key in use now. Refused for an
    engineer without a key yet (the key is made at the first PIN)."""
    engineer = session.scalar(select(Engineer).where(Engineer.name == name.strip()))
    if engineer is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "No engineer is called {name}."), name=name.strip()
        )
    key = session.scalar(
        select(EngineerKey)
        .where(EngineerKey.engineer_id == engineer.id, EngineerKey.retired_at.is_(None))
        .order_by(EngineerKey.created_at.desc())
        .limit(1)
    )
    if key is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{name} has no signing key yet: it is made when the engineer first sets a PIN.",
            ),
            name=engineer.name,
        )
    contract = require_contract(session)
    demo = bool(session.scalar(select(exists().where(WorkOrder.demo.is_(True)))))
    return EngineerRegistrationDoc(
        contract=contract_header(contract),
        engineer_name=engineer.name,
        phone=engineer.phone,
        key_fingerprint=key.fingerprint,
        public_key=key.public_key,
        key_registered_at=key.created_at,
        approved_by=_approver(session, key),
        store_uuid=read_store_uuid(session.connection()) or key.store_uuid,
        head=heads.head_doc(session),
        demo=demo,
    )
