"""Bad files through the real import paths: each is accepted, or rejected with a reason; nothing crashes.

The long run (10,000+ files, with a time bound per file) is `tests/bench/fuzz_import.py`. Here hypothesis
picks the types and mutations, and the files that crashed an importer once are kept as regressions.
"""

import io
import random
import zipfile

import pytest
from fuzz_inputs import DICOM_DIR, SUFFIX, TYPES, fuzzed, import_one, seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.fixture
def target(ctx, admin, tmp_path):
    p = ctx.patients.create(admin, name="张三", sex="M", hospital_number="FZ0")
    case_id = ctx.case_records.create(admin, p.id, tumour_type="lung").id
    folder = tmp_path / "in"
    folder.mkdir()
    counter = iter(range(10**9))

    def run(kind: str, data: bytes) -> tuple[str, str]:
        path = folder / f"f{next(counter)}{SUFFIX[kind]}"
        path.write_bytes(data)
        outcome, reason = import_one(ctx, admin, case_id, kind, path)
        assert outcome in ("accepted", "rejected") and reason
        return outcome, reason

    return run


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          derandomize=True, database=None)
@given(kind=st.sampled_from(TYPES), seed=st.integers(0, 2**32 - 1))
def test_mutated_files_are_accepted_or_rejected_with_a_reason(target, kind, seed):
    target(kind, fuzzed(kind, random.Random(seed)))


def test_the_seed_files_themselves_are_accepted(target):
    for kind in TYPES:
        assert target(kind, seeds(kind)[0])[0] == "accepted", kind


def _xlsx_with_broken_sheet() -> bytes:
    src = zipfile.ZipFile(io.BytesIO(seeds("xlsx")[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in src.namelist():
            data = src.read(n)
            z.writestr(n, data.replace(b"<row", b"<row x='1", 1) if n.endswith("sheet1.xml") else data)
    return out.getvalue()


def _dicom_with(name: str, at_pixel_data: int | None = None, value: int = 0, tag_text: bytes = b"",
                sop_class_vr: bytes = b"") -> bytes:
    data = bytearray((DICOM_DIR / name).read_bytes())
    if sop_class_vr:  # (0008,0016) SOP Class UID with an unknown VR: raises only when the element is read
        at = data.find(b"\x08\x00\x16\x00UI")
        data[at + 4:at + 6] = sop_class_vr
    if at_pixel_data is not None:  # a byte inside the first fragment of the encapsulated pixel data
        import pydicom

        start = data.find(pydicom.dcmread(DICOM_DIR / name).PixelData[:16])
        data[start + at_pixel_data] = value
    if tag_text:  # (0020,0011) Series Number, IS: its 2-character value replaced
        at = data.find(b"\x20\x00\x11\x00")
        data[at + 8:at + 8 + len(tag_text)] = tag_text
    return bytes(data)


@pytest.mark.parametrize("kind, data, reason", [
    # bytes neither UTF-8 nor GB18030 (UnicodeDecodeError escaped the importer)
    ("csv", "姓名,性别\n".encode() + b"\x81\x20\xff,\xe7\n", "UTF-8"),
    # csv.Error escaped: a bare carriage return inside a field, a field over the csv module's limit
    ("csv", "姓名,性别\r\n张\r三,男\r\n".encode(), "line"),
    ("csv", ("姓名\n" + "x" * 200_000 + "\n").encode(), "field limit"),
    # damaged XML inside a valid zip (lxml's XMLSyntaxError escaped)
    ("xlsx", _xlsx_with_broken_sheet(), "Excel"),
    # a Series Number that is no number (pydicom's ValueError while reading the header fields escaped)
    ("dicom", _dicom_with("CT_small.dcm", tag_text=b"M "), "damaged DICOM header"),
    # an unknown VR in the SOP Class UID (NotImplementedError from pydicom's lazy element parsing escaped)
    ("dicom", _dicom_with("CT_small.dcm", sop_class_vr=b"\x4c\x92"), "damaged DICOM header"),
    # pylibjpeg-rle panics (a pyo3 PanicException, which is a BaseException) on a bad RLE segment table
    ("dicom", _dicom_with("MR_small_RLE.dcm", at_pixel_data=28, value=43), "cannot be decoded"),
])
def test_files_that_once_crashed_an_importer_are_rejected_with_a_reason(target, kind, data, reason):
    outcome, why = target(kind, data)
    assert outcome == "rejected" and reason in why, why
