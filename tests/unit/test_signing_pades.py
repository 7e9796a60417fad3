"""PAdES signing and verification on real files: three signers in sequence, then every way to tamper."""

import pytest
from signing_world import cheap_kdf, hospital_root, replace_page_text, signed  # noqa: F401

from app.signing.pades_verify import verify


@pytest.fixture(scope="module")
def revisions():
    return signed(3)


def roots():
    return [hospital_root().cert_pem]


def test_three_signers_verify_as_valid_trusted_and_intact(revisions):
    report = verify(revisions[-1], roots())
    assert report.ok, report.problems
    assert [s.name for s in report.signers] == ["周海涛", "刘晓燕", "陈志远"]
    assert all(s.valid and s.trusted and s.intact and s.signed_at for s in report.signers)


def test_the_first_signature_certifies_and_later_signatures_keep_it_valid(revisions):
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.pdf_embedded import read_certification_data

    cert = read_certification_data(PdfFileReader(io.BytesIO(revisions[-1])))
    assert cert is not None and cert.author_sig.get_object()["/Name"] == "周海涛"
    assert verify(revisions[-1], roots()).signers[0].intact  # form filling by signers 2 and 3 is allowed


def test_one_changed_byte_fails(revisions):
    data = bytearray(revisions[-1])
    at = data.index(b"/Type /Page") + 20  # inside the first signed revision
    data[at] = ord("X") if data[at] != ord("X") else ord("Y")
    report = verify(bytes(data), roots())
    assert not report.ok
    assert report.problems


def test_a_removed_signature_shows_who_is_missing(revisions):
    """Cut back to the revision after two signatures: those two still verify, the third signer is reported."""
    report = verify(revisions[2], roots())
    assert not report.ok
    assert [s.name for s in report.signers] == ["周海涛", "刘晓燕"] and all(s.valid for s in report.signers)
    assert report.unsigned_fields == ("参会专家 陈志远",)
    assert any("陈志远" in p and "not signed" in p for p in report.problems)


def test_an_appended_update_replacing_the_page_fails_with_the_reason(revisions):
    report = verify(replace_page_text(revisions[-1]), roots())
    assert not report.ok
    assert all(not s.intact for s in report.signers)
    assert all(s.valid and s.trusted for s in report.signers)  # the bare signature check alone would pass
    assert any("modified after this signature" in p for p in report.problems)


def test_a_root_of_another_hospital_is_not_trusted(revisions):
    from app.signing import ca

    other = ca.create_root("别的医院", "another-passphrase")
    report = verify(revisions[-1], [other.cert_pem])
    assert not report.ok and not any(s.trusted for s in report.signers)
    assert any("not issued by a root this hospital trusts" in p for p in report.problems)


def test_garbage_is_reported_not_raised():
    report = verify(b"%PDF-1.7 nothing here", roots())
    assert not report.ok and report.problems


def test_the_stamp_uses_only_the_embedded_font(revisions, tmp_path):
    import subprocess

    path = tmp_path / "signed.pdf"
    path.write_bytes(revisions[-1])
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all(r[-5] == "yes" for r in rows), fonts
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "陈志远" in text
