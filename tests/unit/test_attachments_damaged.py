"""`attachments.add_file` (the one-file path the case editor and the demo use) with damaged files: each is
stored whole, or refused with a message naming the file and the reason, and then nothing is stored (no
row, no audit event, no file in the store). Header fields are damaged where pydicom reads them lazily."""

import random
import sqlite3

import pytest
from fuzz_inputs import DICOM_DIR, SUFFIX, TYPES, fuzzed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError

# (group, element) of header fields dicom_fields reads, as they sit in explicit-VR little-endian files
FIELDS = {"SeriesNumber": b"\x20\x00\x11\x00", "InstanceNumber": b"\x20\x00\x13\x00",
          "ImagePositionPatient": b"\x20\x00\x32\x00", "ImageOrientationPatient": b"\x20\x00\x37\x00",
          "Rows": b"\x28\x00\x10\x00", "Columns": b"\x28\x00\x11\x00", "SOPClassUID": b"\x08\x00\x16\x00",
          "PatientName": b"\x10\x00\x10\x00", "Modality": b"\x08\x00\x60\x00",
          "SpecificCharacterSet": b"\x08\x00\x05\x00", "NumberOfFrames": b"\x28\x00\x08\x00"}
SEEDS = ("CT_small.dcm", "MR_small.dcm", "SC_rgb_rle_2frame.dcm", "rtdose_rle.dcm")
JUNK = (b"M ", b"\xff\xfe", b"1\\2", b"NaN", b"-1", b"9" * 12, b"\x00" * 4, b"1.2.3\\x", b"ZHANG^^^^^", b"  ")


def damaged_field(data: bytes, rng: random.Random) -> bytes:
    """One header element's VR, length or value overwritten (the element stays where it was)."""
    out = bytearray(data)
    present = [tag for tag in FIELDS.values() if out.find(tag, 132) > 0]
    at = out.find(rng.choice(present), 132)
    what = rng.randrange(3)
    if what == 0:  # an unknown or wrong VR
        out[at + 4:at + 6] = rng.choice([b"\x4c\x92", b"SQ", b"OB", b"UN", b"ZZ", b"US"])
    elif what == 1:  # a length that runs past the element (or the file)
        out[at + 6:at + 8] = rng.randrange(0, 65536).to_bytes(2, "little")
    else:  # a value of the right length but no sense
        length = int.from_bytes(out[at + 6:at + 8], "little")
        junk = (rng.choice(JUNK) * 8)[:max(1, min(length, 16))]
        out[at + 8:at + 8 + len(junk)] = junk
    return bytes(out)


def _stored(ctx) -> tuple[int, int, int]:
    con = sqlite3.connect(ctx.data_dir.db_path)
    try:
        rows = con.execute("select (select count(*) from attachments), (select count(*) from audit_events)"
                           ).fetchone()
    finally:
        con.close()
    return rows[0], rows[1], sum(1 for p in ctx.data_dir.blobs.rglob("*") if p.is_file())


@pytest.fixture
def add(ctx, admin, tmp_path):
    case_id = ctx.case_records.create(admin, ctx.patients.create(admin, name="张三", sex="M").id,
                                      tumour_type="lung").id
    counter = iter(range(10**9))

    def run(data: bytes, suffix: str = ".dcm") -> str:
        path = tmp_path / f"f{next(counter)}{suffix}"
        path.write_bytes(data)
        before = _stored(ctx)
        try:
            attachment_id = ctx.attachments.add_file(admin, case_id, path, "imaging")
        except ValidationError as e:
            assert path.name in e.localized() and _stored(ctx) == before, e.localized()
            return "refused"
        assert attachment_id and _stored(ctx)[0] >= before[0]
        return "stored"

    return run


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          derandomize=True, database=None)
@given(seed=st.integers(0, 2**32 - 1), name=st.sampled_from(SEEDS))
def test_damaged_header_fields_are_stored_or_refused_with_a_reason(add, seed, name):
    add(damaged_field((DICOM_DIR / name).read_bytes(), random.Random(seed)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          derandomize=True, database=None)
@given(kind=st.sampled_from(TYPES), seed=st.integers(0, 2**32 - 1))
def test_mutated_files_of_every_kind_never_escape_as_another_error(add, kind, seed):
    add(fuzzed(kind, random.Random(seed)), SUFFIX[kind])


def test_the_fields_that_once_escaped_are_refused_by_name(add):
    ct = (DICOM_DIR / "CT_small.dcm").read_bytes()
    at = ct.find(FIELDS["SeriesNumber"], 132)
    not_a_number = ct[:at + 8] + b"M " + ct[at + 10:]
    assert add(not_a_number) == "refused"
    at = ct.find(FIELDS["SOPClassUID"], 132)
    unknown_vr = ct[:at + 4] + b"\x4c\x92" + ct[at + 6:]
    assert add(unknown_vr) == "refused"
    assert add(ct) == "stored"  # the undamaged file still goes in


def test_a_missing_file_is_refused_by_name(ctx, admin, tmp_path):
    case_id = ctx.case_records.create(admin, ctx.patients.create(admin, name="李四", sex="F").id,
                                      tumour_type="lung").id
    with pytest.raises(ValidationError) as e:
        ctx.attachments.add_file(admin, case_id, tmp_path / "gone.dcm")
    assert "gone.dcm" in e.value.localized()
