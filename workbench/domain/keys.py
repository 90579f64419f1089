"""Engineer signing keys: Ed25519 key pairs sealed under a key derived from the PIN.

An engineer's private key never leaves its sealed form except in memory, for one
sign-off: :func:`unseal` needs the PIN, and a wrong PIN fails the AEAD tag (there is no
separate PIN hash to attack). The sealed form carries its own parameters, so that they
can be raised later:

``scrypt-chacha20poly1305$<n>$<r>$<p>$<salt hex>$<nonce hex>$<ciphertext hex>``

The PIN is stretched with scrypt (``N=2**18, r=8, p=1``: 256 MiB and about 0.75 s per
try on the 2-core machine this was tuned on), the private key's 32 raw bytes sealed with
ChaCha20-Poly1305, with the public key as associated data, so that a sealed key cannot be
paired with another public key.

A key's fingerprint is SHA-256 over its 32 raw public bytes; people see its first 32 hex
digits in groups of four (:func:`display_fingerprint`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from nacl.bindings import (
    crypto_aead_chacha20poly1305_ietf_decrypt,
    crypto_aead_chacha20poly1305_ietf_encrypt,
)
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.signing import SigningKey, VerifyKey

# An engineer's private key, in memory only (see :func:`unseal`).
Ed25519PrivateKey = SigningKey

SCHEME = "scrypt-chacha20poly1305"
SALT_BYTES = 16
NONCE_BYTES = 12
DISPLAY_DIGITS = 32
PIN_MIN_LENGTH = 6
PIN_MAX_LENGTH = 12


@dataclass(frozen=True)
class KdfParams:
    """scrypt's cost parameters; memory is ``128 * n * r`` bytes."""

    n: int
    r: int = 8
    p: int = 1


# Tuned on the 2-core build machine (2026-12-04): N=2**17 took 0.36 s, N=2**18 0.75 s.
DEFAULT_KDF = KdfParams(n=2**18)
# The cheapest parameters :func:`unseal` accepts: a sealed key below them is refused, so
# that a planted weak key cannot stand in for a real one. Tests seal with these.
MIN_KDF = KdfParams(n=2**10, r=8, p=1)


class KeyFormatError(ValueError):
    """A sealed key or public key that is not in the expected form."""


def is_valid_pin(pin: str) -> bool:
    """A PIN is 6 to 12 ASCII digits."""
    return pin.isascii() and pin.isdigit() and PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH


def _derive(pin: str, salt: bytes, params: KdfParams) -> bytes:
    memory = 128 * params.n * params.r * params.p
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=32,
        maxmem=memory + 64 * 1024**2,
    )


def public_bytes(private: Ed25519PrivateKey) -> bytes:
    return bytes(private.verify_key.encode())


def fingerprint(public_hex: str) -> str:
    """SHA-256 (hex) over the raw public key."""
    return hashlib.sha256(_public_raw(public_hex)).hexdigest()


def display_fingerprint(fp: str) -> str:
    """The first 32 hex digits, upper case, in groups of four: what paper shows."""
    head = fp[:DISPLAY_DIGITS].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def _public_raw(public_hex: str) -> bytes:
    try:
        raw = bytes.fromhex(public_hex)
    except ValueError as exc:
        raise KeyFormatError("public key is not hex") from exc
    if len(raw) != 32:
        raise KeyFormatError("an Ed25519 public key has 32 bytes")
    return raw


@dataclass(frozen=True)
class NewKey:
    """A fresh key pair: the public key (hex), its fingerprint and the sealed private key."""

    public_hex: str
    fingerprint: str
    sealed: str
    private: Ed25519PrivateKey


def new_key(pin: str, params: KdfParams = DEFAULT_KDF) -> NewKey:
    """Make a key pair and seal its private half under ``pin``."""
    if not is_valid_pin(pin):
        raise ValueError("a PIN is 6 to 12 digits")
    private = Ed25519PrivateKey.generate()
    public = public_bytes(private)
    return NewKey(public.hex(), fingerprint(public.hex()), seal(private, pin, params), private)


def seal(private: Ed25519PrivateKey, pin: str, params: KdfParams = DEFAULT_KDF) -> str:
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    raw = bytes(private.encode())  # the 32-byte seed
    sealed = crypto_aead_chacha20poly1305_ietf_encrypt(
        raw, public_bytes(private), nonce, _derive(pin, salt, params)
    )
    return "$".join(
        (SCHEME, str(params.n), str(params.r), str(params.p), salt.hex(), nonce.hex(), sealed.hex())
    )


def sealed_params(sealed: str) -> KdfParams:
    parts = sealed.split("$")
    if len(parts) != 7 or parts[0] != SCHEME:
        raise KeyFormatError("not a sealed key")
    try:
        return KdfParams(int(parts[1]), int(parts[2]), int(parts[3]))
    except ValueError as exc:
        raise KeyFormatError("bad key parameters") from exc


def unseal(sealed: str, public_hex: str, pin: str) -> Ed25519PrivateKey | None:
    """The private key, or None when ``pin`` is wrong.

    Raises :class:`KeyFormatError` for a malformed sealed key, parameters below
    :data:`MIN_KDF`, or a private key that does not belong to ``public_hex``.
    """
    params = sealed_params(sealed)
    if params.n < MIN_KDF.n or params.r < MIN_KDF.r or params.p < MIN_KDF.p:
        raise KeyFormatError("key parameters below the minimum")
    if params.n > 2**22 or params.r > 32 or params.p > 16:
        raise KeyFormatError("key parameters above the maximum")
    parts = sealed.split("$")
    try:
        salt, nonce, body = (bytes.fromhex(part) for part in parts[4:7])
    except ValueError as exc:
        raise KeyFormatError("sealed key is not hex") from exc
    public = _public_raw(public_hex)
    try:
        raw = crypto_aead_chacha20poly1305_ietf_decrypt(
            body, public, nonce, _derive(pin, salt, params)
        )
    except CryptoError:
        return None
    if len(raw) != 32:
        raise KeyFormatError("a sealed Ed25519 key has 32 bytes")
    private = Ed25519PrivateKey(raw)
    if public_bytes(private) != public:
        raise KeyFormatError("the sealed key belongs to another public key")
    return private


def sign(private: Ed25519PrivateKey, message: bytes) -> str:
    return bytes(private.sign(message).signature).hex()


def verify(public_hex: str, message: bytes, signature_hex: str) -> bool:
    """Whether ``signature_hex`` is ``public_hex``'s signature over ``message``."""
    try:
        signature = bytes.fromhex(signature_hex)
        if len(signature) != 64:
            return False
        VerifyKey(_public_raw(public_hex)).verify(message, signature)
    except (BadSignatureError, KeyFormatError, ValueError):
        return False
    return True
