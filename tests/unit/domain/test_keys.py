"""Engineer signing keys (workbench.domain.keys): sealing, unsealing, signatures."""

from __future__ import annotations

import pytest

from tests.conftest import PRODUCTION_KDF
from workbench.domain import keys


def test_the_production_kdf_is_the_tuned_one():
    # scrypt N=2**18, r=8, p=1: 256 MiB and 0.7-1.1 s a try on the 2-core build machine
    # (docs/security.md). Tests seal with MIN_KDF (tests/conftest.py).
    assert (PRODUCTION_KDF.n, PRODUCTION_KDF.r, PRODUCTION_KDF.p) == (2**18, 8, 1)


def test_seal_and_unseal():
    made = keys.new_key("12345678", keys.MIN_KDF)
    assert keys.fingerprint(made.public_hex) == made.fingerprint
    assert made.sealed.split("$")[:4] == ["scrypt-chacha20poly1305", "1024", "8", "1"]
    assert "12345678" not in made.sealed
    private = keys.unseal(made.sealed, made.public_hex, "12345678")
    assert private is not None
    assert keys.unseal(made.sealed, made.public_hex, "12345679") is None
    message = b"link"
    signature = keys.sign(private, message)
    assert keys.verify(made.public_hex, message, signature)
    assert not keys.verify(made.public_hex, b"other", signature)
    assert not keys.verify(made.public_hex, message, "00" * 64)
    assert not keys.verify("zz", message, signature)


def test_a_sealed_key_cannot_be_weakened_or_moved():
    made = keys.new_key("12345678", keys.MIN_KDF)
    other = keys.new_key("12345678", keys.MIN_KDF)
    weak = made.sealed.replace("$1024$", "$16$", 1)
    with pytest.raises(keys.KeyFormatError):
        keys.unseal(weak, made.public_hex, "12345678")
    # Sealed with the public key as associated data: not usable for another key.
    assert keys.unseal(made.sealed, other.public_hex, "12345678") is None
    with pytest.raises(keys.KeyFormatError):
        keys.unseal("scrypt$1$2", made.public_hex, "12345678")


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12a456", "１２３４５６", ""])
def test_pins_are_six_to_twelve_ascii_digits(pin):
    assert not keys.is_valid_pin(pin)
    with pytest.raises(ValueError, match="6 to 12 digits"):
        keys.new_key(pin, keys.MIN_KDF)


def test_display_fingerprint():
    assert keys.display_fingerprint("ab" * 32) == " ".join(["ABAB"] * 8)
