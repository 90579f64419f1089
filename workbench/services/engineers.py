"""Engineers (运维工程师): accounts, signing keys, PINs and the PIN lock-out.

Each engineer who signs has an Ed25519 key (:class:`workbench.data.models.EngineerKey`,
:mod:`workbench.domain.keys`) whose private half is sealed under the PIN. Signing needs
the key unsealed, :func:`unlock`, which only the right PIN does: that is the check of the
PIN too (there is no other PIN hash once the engineer has a key). A store from before
keys keeps each engineer's old PIN hash until their next sign-in, which makes the key.

Every key is registered in the signing chain, signed by itself; an engineer's first key
in a store that already has keys, and the new key after a forgotten PIN, need a second
engineer's approval (their PIN), which the key's record carries as a signature. Changing a
PIN needs the old one. Five wrong PINs in a row lock signing for five minutes; the count
and the lock live in the engineer's row.

A wrong PIN usually ends the caller's transaction with an error, which rolls it back:
the failure is then written again in a transaction of its own right after the rollback,
so that no one can guess PINs by letting each attempt fail. PINs are never logged.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, NoReturn

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from workbench.data.models import Engineer, EngineerKey
from workbench.data.store import read_store_uuid
from workbench.domain import hashing, keys, pins
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.domain.timeutil import fmt_local
from workbench.domain.timeutil import now as utc_now
from workbench.services import signing
from workbench.services._common import checked_text

log = logging.getLogger("workbench.services.engineers")

KEY_RECORD_TYPE = "engineer_key"
_PENDING_KEY = "workbench.pin_failures"
_LISTENING_KEY = "workbench.pin_listener"


@dataclass(frozen=True)
class EngineerRow:
    id: str
    name: str
    phone: str
    active: bool
    has_pin: bool
    locked_until: dt.datetime | None
    failed_attempts: int
    fingerprint: str = ""  # the active key's (empty: no key yet)


@dataclass(frozen=True)
class SigningKey:
    """An engineer's unsealed key, for one unit of work: what signing takes.

    Only :func:`unlock` (with the PIN) and the key-making functions here make one, so no
    service function can sign for an engineer without their secret."""

    engineer_id: str
    engineer_name: str
    key_id: str
    fingerprint: str
    private: keys.Ed25519PrivateKey = field(repr=False)

    def sign(self, message: bytes) -> str:
        return keys.sign(self.private, message)


def active_key(session: Session, engineer_id: str) -> EngineerKey | None:
    return session.scalar(
        select(EngineerKey)
        .where(EngineerKey.engineer_id == engineer_id, EngineerKey.retired_at.is_(None))
        .order_by(EngineerKey.created_at.desc())
        .limit(1)
    )


def _row(engineer: Engineer, key: EngineerKey | None = None) -> EngineerRow:
    return EngineerRow(
        id=engineer.id,
        name=engineer.name,
        phone=engineer.phone,
        active=engineer.active,
        has_pin=key is not None or bool(engineer.pin_hash),
        locked_until=engineer.pin_locked_until,
        failed_attempts=engineer.failed_pin_attempts,
        fingerprint=key.fingerprint if key is not None else "",
    )


def _row_of(session: Session, engineer: Engineer) -> EngineerRow:
    return _row(engineer, active_key(session, engineer.id))


def _check_pin_format(pin: str) -> None:
    if not keys.is_valid_pin(pin):
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "A PIN is 6 to 12 digits."))


def _any_key(session: Session) -> bool:
    return session.scalar(select(EngineerKey.id).limit(1)) is not None


def _register_key(
    session: Session,
    engineer: Engineer,
    pin: str,
    *,
    now: dt.datetime,
    approver: SigningKey | None,
    replaces: EngineerKey | None = None,
) -> SigningKey:
    """Make, store and chain a new key for ``engineer`` sealed under ``pin``."""
    if approver is not None and approver.engineer_id == engineer.id:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "A second engineer must approve, not {name}."),
            name=engineer.name,
        )
    store_uuid = read_store_uuid(session.connection()) or ""
    made = keys.new_key(pin, keys_kdf())
    approval = ""
    if approver is not None:
        approval = approver.sign(
            hashing.approval_message(
                store_uuid=store_uuid,
                engineer=engineer.name,
                fingerprint=made.fingerprint,
                replaces=replaces.fingerprint if replaces else "",
            )
        )
    if replaces is not None:
        replaces.retired_at = now
    row = EngineerKey(
        engineer_id=engineer.id,
        public_key=made.public_hex,
        fingerprint=made.fingerprint,
        sealed_private=made.sealed,
        created_at=now,
        store_uuid=store_uuid,
        replaces_fingerprint=replaces.fingerprint if replaces else "",
        approver_fingerprint=approver.fingerprint if approver else "",
        approval_signature=approval,
    )
    session.add(row)
    # The old PIN hash goes: from now on only the sealed key proves the PIN.
    engineer.pin_hash = ""
    engineer.failed_pin_attempts = 0
    engineer.pin_locked_until = None
    session.flush()
    key = SigningKey(engineer.id, engineer.name, row.id, row.fingerprint, made.private)
    signing.append_to_chain(session, KEY_RECORD_TYPE, row.id, signer=key, signed_at=now)
    log.info("engineer %s has a new key %s", engineer.id, row.fingerprint[:16])
    return key


def _needs_approval(session: Session, engineer: Engineer) -> bool:
    """Whether a first key for ``engineer`` needs a second engineer's approval: yes once
    the store has any key, except for an engineer who still has a PIN from before keys
    (their key comes at their next sign-in, proven by that PIN)."""
    return _any_key(session) and not engineer.pin_hash


def _require_approver(session: Session, engineer: Engineer, approver: SigningKey | None) -> None:
    if approver is None and _needs_approval(session, engineer):
        raise WorkbenchError(NEEDS_APPROVAL, name=engineer.name)


NEEDS_APPROVAL = QT_TRANSLATE_NOOP(
    "messages", "A new signing key for {name} needs a second engineer's approval with their PIN."
)


def create_engineer(
    session: Session,
    name: str,
    phone: str = "",
    pin: str = "",
    *,
    approver: SigningKey | None = None,
    now: dt.datetime | None = None,
) -> EngineerRow:
    """Add an engineer; with ``pin``, also their signing key (which needs ``approver``,
    an unlocked key of another engineer, unless the store has no key yet)."""
    return register_engineer(session, name, phone, pin, approver=approver, now=now)[0]


def register_engineer(
    session: Session,
    name: str,
    phone: str = "",
    pin: str = "",
    *,
    approver: SigningKey | None = None,
    now: dt.datetime | None = None,
) -> tuple[EngineerRow, SigningKey | None]:
    """:func:`create_engineer`, also giving the new engineer's unlocked key (when a PIN
    was given), so that whoever set the PIN can sign without unsealing it again."""
    name = name.strip()
    if not name:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The engineer needs a name."))
    checked_text(name, Engineer.name, Message(QT_TRANSLATE_NOOP("messages", "The name")))
    checked_text(
        phone.strip(), Engineer.phone, Message(QT_TRANSLATE_NOOP("messages", "The phone number"))
    )
    if session.scalar(select(Engineer.id).where(Engineer.name == name)) is not None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "An engineer named {name} already exists."), name=name
        )
    if pin:
        _check_pin_format(pin)
        if approver is None and _any_key(session):
            raise WorkbenchError(NEEDS_APPROVAL, name=name)
    engineer = Engineer(name=name, phone=phone.strip(), pin_hash="")
    session.add(engineer)
    session.flush()
    log.info("engineer %s created", engineer.id)
    key = None
    if pin:
        key = _register_key(session, engineer, pin, now=now or utc_now(), approver=approver)
    return _row_of(session, engineer), key


def list_engineers(session: Session, include_inactive: bool = False) -> list[EngineerRow]:
    query = select(Engineer).order_by(Engineer.name)
    if not include_inactive:
        query = query.where(Engineer.active.is_(True))
    active = {
        k.engineer_id: k
        for k in session.scalars(
            select(EngineerKey)
            .where(EngineerKey.retired_at.is_(None))
            .order_by(EngineerKey.created_at)
        )
    }
    return [_row(e, active.get(e.id)) for e in session.scalars(query)]


def get_engineer(session: Session, engineer_id: str) -> Engineer:
    engineer = session.get(Engineer, engineer_id)
    if engineer is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No such engineer."))
    return engineer


def find_engineer(session: Session, name: str) -> EngineerRow | None:
    engineer = session.scalar(select(Engineer).where(Engineer.name == name.strip()))
    return _row_of(session, engineer) if engineer else None


def set_first_pin(
    session: Session,
    engineer_id: str,
    new_pin: str,
    *,
    approver: SigningKey | None = None,
    now: dt.datetime | None = None,
) -> SigningKey:
    """Give an engineer who has no PIN yet their first PIN and key (approved by a second
    engineer unless the store has no key yet)."""
    _check_pin_format(new_pin)
    engineer = get_engineer(session, engineer_id)
    if active_key(session, engineer_id) is not None or engineer.pin_hash:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{name} already has a PIN: changing it needs the old one, "
                "a forgotten one a second engineer.",
            ),
            name=engineer.name,
        )
    _require_approver(session, engineer, approver)
    return _register_key(session, engineer, new_pin, now=now or utc_now(), approver=approver)


def change_pin(
    session: Session,
    engineer_id: str,
    old_pin: str,
    new_pin: str,
    now: dt.datetime | None = None,
) -> None:
    """Change a PIN: the old PIN unseals the key, which is sealed again under the new one
    (the key stays the same). A PIN from before keys makes the engineer's key instead."""
    _check_pin_format(new_pin)
    now = now or utc_now()
    engineer = get_engineer(session, engineer_id)
    key = active_key(session, engineer_id)
    if key is None and engineer.pin_hash:
        _require_legacy_pin(session, engineer, old_pin, now)
        _register_key(session, engineer, new_pin, now=now, approver=None)
        return
    unlocked = unlock(session, engineer_id, old_pin, now)
    row = session.get(EngineerKey, unlocked.key_id)
    assert row is not None
    row.sealed_private = keys.seal(unlocked.private, new_pin, keys_kdf())
    session.flush()
    log.info("engineer %s changed their PIN", engineer_id)


def reset_pin(
    session: Session,
    engineer_id: str,
    new_pin: str,
    *,
    approver_id: str,
    approver_pin: str,
    now: dt.datetime | None = None,
) -> SigningKey:
    """A forgotten PIN: a new key under ``new_pin``, approved by a second engineer's PIN.
    The old key is retired (what it signed still verifies); the audit trail and the chain
    say who approved."""
    _check_pin_format(new_pin)
    now = now or utc_now()
    engineer = get_engineer(session, engineer_id)
    if approver_id == engineer_id:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "A second engineer must approve, not {name}."),
            name=engineer.name,
        )
    approver = unlock(session, approver_id, approver_pin, now)
    return _register_key(
        session,
        engineer,
        new_pin,
        now=now,
        approver=approver,
        replaces=active_key(session, engineer_id),
    )


CHANGE, FORGOTTEN, FIRST = "change", "forgotten", "first"


@dataclass(frozen=True)
class PinChange:
    """A PIN to set: ``mode`` is :data:`FIRST` (no PIN yet), :data:`CHANGE` (with the old
    PIN) or :data:`FORGOTTEN` (a new key, approved by a second engineer with their PIN)."""

    mode: str
    new_pin: str
    old_pin: str = ""
    approver_id: str = ""
    approver_pin: str = ""


def _approver(session: Session, approver_id: str, pin: str, now: dt.datetime) -> SigningKey | None:
    return unlock(session, approver_id, pin, now) if approver_id else None


def apply_pin_change(
    session: Session, engineer_id: str, change: PinChange, now: dt.datetime | None = None
) -> None:
    """Carry out what the PIN dialog asked."""
    now = now or utc_now()
    if change.mode == CHANGE:
        change_pin(session, engineer_id, change.old_pin, change.new_pin, now)
    elif change.mode == FORGOTTEN:
        reset_pin(
            session,
            engineer_id,
            change.new_pin,
            approver_id=change.approver_id,
            approver_pin=change.approver_pin,
            now=now,
        )
    elif change.mode == FIRST:
        approver = _approver(session, change.approver_id, change.approver_pin, now)
        set_first_pin(session, engineer_id, change.new_pin, approver=approver, now=now)
    else:
        raise ValueError(f"unknown PIN change {change.mode!r}")


def add_engineer(  # noqa: PLR0917 - the dialog's fields, in its order
    session: Session,
    name: str,
    phone: str,
    pin: str,
    approver_id: str = "",
    approver_pin: str = "",
    now: dt.datetime | None = None,
) -> EngineerRow:
    """A new engineer from the dialog: their key approved by ``approver_id``'s PIN."""
    now = now or utc_now()
    approver = _approver(session, approver_id, approver_pin, now)
    return create_engineer(session, name, phone, pin, approver=approver, now=now)


def set_active(session: Session, engineer_id: str, active: bool) -> None:
    get_engineer(session, engineer_id).active = active
    session.flush()


def _apply_failure(engineer: Engineer, now: dt.datetime) -> pins.PinState:
    state = pins.after_failure(
        pins.PinState(engineer.failed_pin_attempts, engineer.pin_locked_until), now
    )
    engineer.failed_pin_attempts = state.failed_attempts
    engineer.pin_locked_until = state.locked_until
    return state


def _persist_after_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is not None or previous.nested:
        return
    pending: dict[str, list[dt.datetime]] | None = session.info.pop(_PENDING_KEY, None)
    if not pending:
        return
    bind = session.get_bind()
    side = type(session)(bind=bind)
    side.info["actor"] = session.info.get("actor", "")
    try:
        with side.begin():
            for engineer_id, times in pending.items():
                engineer = side.get(Engineer, engineer_id)
                if engineer is None:
                    continue
                for at in times:
                    _apply_failure(engineer, at)
    except Exception:  # the caller's error is the one to report
        log.exception("could not record a wrong PIN after a rollback")
    finally:
        side.close()


def _forget_after_commit(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


def _remember_failure(session: Session, engineer_id: str, at: dt.datetime) -> None:
    pending: dict[str, list[dt.datetime]] = session.info.setdefault(_PENDING_KEY, {})
    pending.setdefault(engineer_id, []).append(at)
    if not session.info.get(_LISTENING_KEY):
        event.listen(session, "after_soft_rollback", _persist_after_rollback)
        event.listen(session, "after_commit", _forget_after_commit)
        session.info[_LISTENING_KEY] = True


def keys_kdf() -> keys.KdfParams:
    """The KDF parameters new keys are sealed with (read at each use: tests lower them)."""
    return keys.DEFAULT_KDF


def _raise_refused(
    engineer: Engineer, state: pins.PinState, policy: pins.LockoutPolicy = pins.DEFAULT_POLICY
) -> NoReturn:
    if state.locked_until is not None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Too many wrong PINs: signing is locked for {name} until {until}."
            ),
            name=engineer.name,
            until=fmt_local(state.locked_until, seconds=True),
        )
    raise WorkbenchError(
        QT_TRANSLATE_NOOP("messages", "Wrong PIN. {left} attempts left before signing locks."),
        left=policy.max_attempts - state.failed_attempts,
    )


def _refuse(session: Session, engineer: Engineer, now: dt.datetime) -> NoReturn:
    """Count one wrong PIN (kept even when the caller's transaction rolls back), raise."""
    state = _apply_failure(engineer, now)
    session.flush()
    _remember_failure(session, engineer.id, now)
    log.info("wrong PIN for engineer %s", engineer.id)
    _raise_refused(engineer, state)


def _require_usable(engineer: Engineer, now: dt.datetime) -> None:
    if not engineer.active:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{name} is no longer an active engineer."),
            name=engineer.name,
        )
    state = pins.PinState(engineer.failed_pin_attempts, engineer.pin_locked_until)
    if state.is_locked(now):
        _raise_refused(engineer, state)


def _clear_failures(engineer: Engineer) -> None:
    if engineer.failed_pin_attempts or engineer.pin_locked_until is not None:
        engineer.failed_pin_attempts = 0
        engineer.pin_locked_until = None


def _require_legacy_pin(session: Session, engineer: Engineer, pin: str, now: dt.datetime) -> None:
    """Check a PIN from before keys against the engineer's old PIN hash."""
    _require_usable(engineer, now)
    if not pins.verify_pin(pin, engineer.pin_hash):
        _refuse(session, engineer, now)
    _clear_failures(engineer)


def unlock(
    session: Session, engineer_id: str, pin: str, now: dt.datetime | None = None
) -> SigningKey:
    """The engineer's signing key, unsealed by ``pin``: the check of the PIN.

    A wrong PIN raises and counts towards the lock-out (even though the caller's
    transaction then rolls back). An engineer with a PIN from before keys gets their key
    now, sealed under that PIN, if it has at least six digits."""
    now = now or utc_now()
    engineer = get_engineer(session, engineer_id)
    key = active_key(session, engineer_id)
    if key is None:
        if not engineer.pin_hash:
            _require_usable(engineer, now)
            raise WorkbenchError(
                QT_TRANSLATE_NOOP("messages", "{name} has no PIN yet; set one first."),
                name=engineer.name,
            )
        _require_legacy_pin(session, engineer, pin, now)
        if not keys.is_valid_pin(pin):
            raise WorkbenchError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The PIN of {name} has fewer than 6 digits: change it in Settings first.",
                ),
                name=engineer.name,
            )
        return _register_key(session, engineer, pin, now=now, approver=None)
    _require_usable(engineer, now)
    try:
        private = keys.unseal(key.sealed_private, key.public_key, pin)
    except keys.KeyFormatError as exc:
        log.error("the sealed key of engineer %s is unusable: %s", engineer.id, exc)
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "The signing key of {name} is damaged; a second engineer can give them a new one.",
            ),
            name=engineer.name,
        ) from exc
    if private is None:
        _refuse(session, engineer, now)
    _clear_failures(engineer)
    return SigningKey(engineer.id, engineer.name, key.id, key.fingerprint, private)


def signer_for(
    session: Session,
    engineer_id: str,
    *,
    pin: str = "",
    signer: SigningKey | None = None,
    now: dt.datetime | None = None,
) -> SigningKey:
    """The key that signs for ``engineer_id``: ``signer`` when the caller has unlocked it
    already (it must be that engineer's), else unlocked now with ``pin``."""
    if signer is None:
        return unlock(session, engineer_id, pin, now)
    if signer.engineer_id != engineer_id:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{name} cannot sign for another engineer."),
            name=signer.engineer_name,
        )
    _require_usable(get_engineer(session, engineer_id), now or utc_now())
    return signer


def key_content(session: Session, record_id: str) -> dict[str, Any]:
    """What a key registration's link covers: who, which key, approved by whom."""
    row = session.get(EngineerKey, record_id)
    if row is None:
        raise signing.RecordMissingError(record_id)
    engineer = session.get(Engineer, row.engineer_id)
    return {
        "record_type": KEY_RECORD_TYPE,
        "engineer_id": row.engineer_id,
        "engineer": engineer.name if engineer else "",
        "public_key": row.public_key,
        "fingerprint": row.fingerprint,
        "created_at": row.created_at,
        "store": row.store_uuid,
        "replaces": row.replaces_fingerprint,
        "approver": row.approver_fingerprint,
        "approval_signature": row.approval_signature,
    }


def _key_label(session: Session, record_id: str) -> str:
    row = session.get(EngineerKey, record_id)
    if row is None:
        raise signing.RecordMissingError(record_id)
    engineer = session.get(Engineer, row.engineer_id)
    name = engineer.name if engineer else row.engineer_id
    return f"{name} {keys.display_fingerprint(row.fingerprint)}"


def _key_signer(session: Session, record_id: str) -> str | None:
    row = session.get(EngineerKey, record_id)
    return row.engineer_id if row is not None else None


SIGNED_KEY = signing.SignedKind(KEY_RECORD_TYPE, key_content, label=_key_label, signer=_key_signer)
