"""Engineer PINs from before signing keys (a slow salted hash, scrypt N=2**14, checked
once at the next sign-in, which makes the key: workbench.domain.keys), and the lock-out rule.

The stored form carries its own parameters, so that they can be raised later without
invalidating PINs already set: ``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``.
A PIN is never logged and never stored in the clear.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from dataclasses import dataclass

SCHEME = "scrypt"
DEFAULT_N = 2**14
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 12


@dataclass(frozen=True)
class LockoutPolicy:
    """``max_attempts`` wrong PINs in a row lock signing for ``lock_minutes``."""

    max_attempts: int = 5
    lock_minutes: int = 5


DEFAULT_POLICY = LockoutPolicy()


def is_valid_pin(pin: str) -> bool:
    """A PIN is 4 to 12 ASCII digits."""
    return pin.isascii() and pin.isdigit() and PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES, maxmem=256 * 1024**2
    )


def hash_pin(
    pin: str,
    *,
    n: int = DEFAULT_N,
    r: int = DEFAULT_R,
    p: int = DEFAULT_P,
    salt: bytes | None = None,
) -> str:
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _derive(pin, salt, n, r, p)
    return f"{SCHEME}${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash (constant-time comparison)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = bytes.fromhex(parts[4])
        expected = bytes.fromhex(parts[5])
    except ValueError:
        return False
    return hmac.compare_digest(_derive(pin, salt, n, r, p), expected)


@dataclass(frozen=True)
class PinState:
    failed_attempts: int
    locked_until: dt.datetime | None

    def is_locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def after_failure(
    state: PinState, now: dt.datetime, policy: LockoutPolicy = DEFAULT_POLICY
) -> PinState:
    """The state after one more wrong PIN: the ``max_attempts``-th locks, and the count
    starts again once the lock has passed."""
    attempts = state.failed_attempts + 1
    if attempts >= policy.max_attempts:
        return PinState(0, now + dt.timedelta(minutes=policy.lock_minutes))
    return PinState(attempts, state.locked_until)
