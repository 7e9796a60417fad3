"""Password boxes and the printed verification code, without a database."""

import pytest
from signing_world import cheap_kdf  # noqa: F401

from app.signing import secret_box, verification_code


def test_a_box_opens_only_with_its_password_and_purpose():
    box = secret_box.seal("Right2026!", b"secret key", b"user-signing-key:7")
    assert secret_box.open_box("Right2026!", box, b"user-signing-key:7") == b"secret key"
    with pytest.raises(secret_box.WrongPassword):
        secret_box.open_box("Wrong2026!", box, b"user-signing-key:7")
    with pytest.raises(secret_box.WrongPassword):  # moved to another user's row
        secret_box.open_box("Right2026!", box, b"user-signing-key:8")
    tampered = box[:-1] + bytes([box[-1] ^ 1])
    with pytest.raises(secret_box.WrongPassword):
        secret_box.open_box("Right2026!", tampered, b"user-signing-key:7")


def test_reseal_moves_a_box_to_the_new_password():
    box = secret_box.reseal("Old2026!x", "New2026!x", secret_box.seal("Old2026!x", b"png", b"p"), b"p")
    assert secret_box.open_box("New2026!x", box, b"p") == b"png"


def test_the_qr_payload_is_signed_and_the_short_code_is_typable():
    private, public = verification_code.new_key()
    digest = "ab" * 32
    payload, code = verification_code.make(private, "MDT-2026-0007-01", 2, digest)
    assert len(payload) < 200 and "|" in payload
    p = verification_code.parse(payload)
    assert (p.doc_no, p.version, p.record_hash) == ("MDT-2026-0007-01", 2, digest)
    assert verification_code.authentic(public, p)
    assert verification_code.short_code(p.signature) == code
    assert verification_code.normalise_code(code.lower().replace("-", " ")) == code
    forged = verification_code.parse(payload.replace("|2|", "|3|"))
    assert not verification_code.authentic(public, forged)
    _other_private, other_public = verification_code.new_key()
    assert not verification_code.authentic(other_public, p)
    assert verification_code.parse("hello") is None and verification_code.normalise_code("12") is None
