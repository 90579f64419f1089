"""Engineers (运维工程师): accounts, PINs and the PIN lock-out.

A PIN is checked with :func:`check_pin` (or :func:`require_pin`, which raises). Five wrong
PINs in a row lock signing for five minutes; the count and the lock live in the
engineer's row. A wrong PIN usually ends the caller's transaction with an error, which
rolls it back: the failure is then written again in a transaction of its own right after
the rollback, so that no one can guess PINs by letting each attempt fail.
PINs are never logged.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from workbench.data.models import Engineer
from workbench.domain import pins
from workbench.domain.messages import QT_TRANSLATE_NOOP, WorkbenchError
from workbench.domain.timeutil import fmt_local
from workbench.domain.timeutil import now as utc_now

log = logging.getLogger("workbench.services.engineers")

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


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    locked_until: dt.datetime | None = None
    attempts_left: int = 0


def _row(engineer: Engineer) -> EngineerRow:
    return EngineerRow(
        id=engineer.id,
        name=engineer.name,
        phone=engineer.phone,
        active=engineer.active,
        has_pin=bool(engineer.pin_hash),
        locked_until=engineer.pin_locked_until,
        failed_attempts=engineer.failed_pin_attempts,
    )


def _check_pin_format(pin: str) -> None:
    if not pins.is_valid_pin(pin):
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "A PIN is 4 to 12 digits."))


def create_engineer(session: Session, name: str, phone: str = "", pin: str = "") -> EngineerRow:
    name = name.strip()
    if not name:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "The engineer needs a name."))
    if session.scalar(select(Engineer.id).where(Engineer.name == name)) is not None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "An engineer named {name} already exists."), name=name
        )
    if pin:
        _check_pin_format(pin)
    engineer = Engineer(name=name, phone=phone.strip(), pin_hash=pins.hash_pin(pin) if pin else "")
    session.add(engineer)
    session.flush()
    log.info("engineer %s created", engineer.id)
    return _row(engineer)


def list_engineers(session: Session, include_inactive: bool = False) -> list[EngineerRow]:
    query = select(Engineer).order_by(Engineer.name)
    if not include_inactive:
        query = query.where(Engineer.active.is_(True))
    return [_row(e) for e in session.scalars(query)]


def get_engineer(session: Session, engineer_id: str) -> Engineer:
    engineer = session.get(Engineer, engineer_id)
    if engineer is None:
        raise WorkbenchError(QT_TRANSLATE_NOOP("messages", "No such engineer."))
    return engineer


def find_engineer(session: Session, name: str) -> EngineerRow | None:
    engineer = session.scalar(select(Engineer).where(Engineer.name == name.strip()))
    return _row(engineer) if engineer else None


def set_pin(session: Session, engineer_id: str, new_pin: str) -> None:
    """Set a new PIN (also lifts a lock). Whoever calls this has checked the right to."""
    _check_pin_format(new_pin)
    engineer = get_engineer(session, engineer_id)
    engineer.pin_hash = pins.hash_pin(new_pin)
    engineer.failed_pin_attempts = 0
    engineer.pin_locked_until = None
    session.flush()


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


def check_pin(
    session: Session,
    engineer_id: str,
    pin: str,
    now: dt.datetime | None = None,
    policy: pins.LockoutPolicy = pins.DEFAULT_POLICY,
) -> PinCheck:
    """Check an engineer's PIN, counting failures and locking after too many."""
    now = now or utc_now()
    engineer = get_engineer(session, engineer_id)
    state = pins.PinState(engineer.failed_pin_attempts, engineer.pin_locked_until)
    if state.is_locked(now):
        return PinCheck(False, state.locked_until, 0)
    if engineer.pin_hash and pins.verify_pin(pin, engineer.pin_hash):
        if engineer.failed_pin_attempts or engineer.pin_locked_until is not None:
            engineer.failed_pin_attempts = 0
            engineer.pin_locked_until = None
        return PinCheck(True)
    new_state = _apply_failure(engineer, now)
    session.flush()
    _remember_failure(session, engineer.id, now)
    log.info("wrong PIN for engineer %s", engineer.id)
    left = 0 if new_state.locked_until else policy.max_attempts - new_state.failed_attempts
    return PinCheck(False, new_state.locked_until, left)


def require_pin(
    session: Session, engineer_id: str, pin: str, now: dt.datetime | None = None
) -> Engineer:
    """Check the PIN and raise a :class:`WorkbenchError` saying why when it is refused."""
    engineer = get_engineer(session, engineer_id)
    if not engineer.active:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{name} is no longer an active engineer."),
            name=engineer.name,
        )
    if not engineer.pin_hash:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "{name} has no PIN yet; set one first."),
            name=engineer.name,
        )
    result = check_pin(session, engineer_id, pin, now)
    if result.ok:
        return engineer
    if result.locked_until is not None and result.attempts_left == 0:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages", "Too many wrong PINs: signing is locked for {name} until {until}."
            ),
            name=engineer.name,
            until=fmt_local(result.locked_until, seconds=True),
        )
    raise WorkbenchError(
        QT_TRANSLATE_NOOP("messages", "Wrong PIN. {left} attempts left before signing locks."),
        left=result.attempts_left,
    )
