"""Bad input for the import paths: valid seed files of each type, mutations of them, and one import call.

Shared by tests/unit/test_fuzz_short.py (hypothesis chooses the mutations) and tests/bench/fuzz_import.py
(10,000+ files from a seeded random generator).
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from functools import cache
from pathlib import Path

import pydicom

from app.errors import AppError

DICOM_DIR = Path(pydicom.__file__).parent / "data" / "test_files"
DICOM_SEEDS = ("CT_small.dcm", "MR_small.dcm", "SC_rgb_jpeg_dcmtk.dcm", "MR_small_RLE.dcm", "SC_rgb_small_odd.dcm",
               "ExplVR_LitEndNoMeta.dcm")
TYPES = ("dicom", "jpeg", "png", "tiff", "pdf", "csv", "xlsx")
SUFFIX = {"dicom": ".dcm", "jpeg": ".jpg", "png": ".png", "tiff": ".tif", "pdf": ".pdf", "csv": ".csv",
          "xlsx": ".xlsx"}
PATIENT_LISTS = ("csv", "xlsx")
INTERESTING = (b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\xff\xff\xff\x7f",
               b"\x00\x00\x01\x00", b"%PDF-", b"\r\n", b"\"", b",", b"\x89PNG", b"DICM")


def _image(fmt: str, seed: int) -> bytes:
    from PIL import Image

    rng = random.Random(seed)
    w, h = rng.randint(4, 40), rng.randint(4, 40)
    mode = rng.choice(("RGB", "L"))
    im = Image.frombytes(mode, (w, h), rng.randbytes(w * h * len(mode)))
    buf = io.BytesIO()
    options = {"TIFF": {"compression": rng.choice((None, "tiff_lzw", "tiff_adobe_deflate", "packbits"))}}
    im.save(buf, fmt, **options.get(fmt, {}))
    return buf.getvalue()


def _pdf(seed: int) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, f"Pathology report {seed}")
    c.save()
    return buf.getvalue()


def _rows(seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    rows = [["姓名", "性别", "出生日期", "身份证号", "住院号", "电话", "地址", "医保类型"]]
    for i in range(rng.randint(1, 3)):
        rows.append([f"测试{seed}-{i}", rng.choice(("男", "女")), f"19{rng.randint(30, 99)}-0{rng.randint(1, 9)}-1"
                     f"{rng.randint(0, 9)}", "", f"FZ{seed}-{i}", f"138{rng.randint(10**7, 10**8 - 1)}",
                     "河南省郑州市中原区建设路1号", "城镇职工"])
    return rows


def _csv(seed: int) -> bytes:
    return "\n".join(",".join(r) for r in _rows(seed)).encode(random.Random(seed).choice(("utf-8", "gb18030")))


def _xlsx(seed: int) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for r in _rows(seed):
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@cache
def seeds(kind: str) -> tuple[bytes, ...]:
    """A few valid files of `kind` (each one imports cleanly)."""
    if kind == "dicom":
        return tuple((DICOM_DIR / n).read_bytes() for n in DICOM_SEEDS)
    if kind in ("jpeg", "png", "tiff"):
        return tuple(_image(kind.upper(), s) for s in range(4))
    if kind == "pdf":
        return (_pdf(1),)
    if kind == "csv":
        return tuple(_csv(s) for s in range(3))
    return tuple(_xlsx(s) for s in range(2))


def mutate(data: bytes, rng: random.Random, donors: tuple[bytes, ...] = ()) -> bytes:
    """1-4 random edits: bit flips, interesting values, cuts, repeats, inserts, splices with a donor."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not b:
            b = bytearray(rng.randbytes(rng.randint(1, 64)))
        op = rng.randrange(8)
        at = rng.randrange(len(b))
        if op == 0:
            b[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            v = rng.choice(INTERESTING)
            b[at:at + len(v)] = v
        elif op == 2:
            del b[rng.randrange(len(b)):]  # truncate
        elif op == 3:
            n = rng.randint(1, min(4096, len(b) - at))
            b[at:at] = b[at:at + n] * rng.randint(1, 8)  # repeat a chunk
        elif op == 4:
            b[at:at] = rng.randbytes(rng.randint(1, 256))
        elif op == 5:
            n = rng.randint(1, min(1024, len(b) - at))
            del b[at:at + n]
        elif op == 6 and donors:
            d = rng.choice(donors)
            cut = rng.randrange(len(d))
            b = b[:at] + d[cut:cut + rng.randint(1, 4096)]
        else:
            for _ in range(rng.randint(1, 32)):
                b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def mutate_zip_member(data: bytes, rng: random.Random) -> bytes:
    """For XLSX: damage one XML part inside a valid zip, so the mutation reaches the spreadsheet parser."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    victim = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            content = src.read(n)
            if n == victim:
                content = mutate(content, rng)
            z.writestr(n, content)
    return out.getvalue()


def mutate_text(data: bytes, rng: random.Random) -> bytes:
    """For CSV: edits that keep it text-like (quotes, delimiters, huge fields, odd characters, encodings)."""
    text = data.decode("utf-8", errors="replace")
    pieces = ['"', '""', ",", ";", "\t", "\n", "\r", "\x00", "\u202e", "😀", "'; DROP TABLE patients; --",
              "9999-99-99", "0000-00-00", "1800-01-01", "男" * 5000, "x" * 100_000, "\ufeff", "=cmd|' /C calc'!A0"]
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(pieces) + text[at + rng.randint(0, 3):]
    return text.encode(rng.choice(("utf-8", "gb18030", "utf-16")), errors="replace")


def fix_png_crcs(data: bytes) -> bytes:
    """Recompute every chunk's CRC, so a mutation inside a chunk reaches the decoder instead of the CRC check."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data
    out, at = bytearray(data[:8]), 8
    while at + 12 <= len(data):
        n = int.from_bytes(data[at:at + 4], "big")
        end = at + 8 + n
        if end + 4 > len(data):
            break
        body = data[at + 4:end]
        out += data[at:end] + zlib.crc32(body).to_bytes(4, "big")
        at = end + 4
    return bytes(out + data[at:])


def fuzzed(kind: str, rng: random.Random) -> bytes:
    base = rng.choice(seeds(kind))
    donors = tuple(s for k in TYPES for s in seeds(k)[:1])
    if kind == "xlsx" and rng.random() < 0.6:
        return mutate_zip_member(base, rng)
    if kind == "csv" and rng.random() < 0.6:
        return mutate_text(base, rng)
    data = mutate(base, rng, donors)
    return fix_png_crcs(data) if kind == "png" and rng.random() < 0.7 else data


def import_one(ctx, actor, case_id: int, kind: str, path: Path) -> tuple[str, str]:
    """Through the real import path: ("accepted" | "rejected", reason). Anything else raises (a crash)."""
    if kind in PATIENT_LISTS:
        try:
            report = ctx.patient_import.import_file(actor, path)
        except AppError as e:
            return "rejected", e.localized()
        bad = [r.reason for r in report.rows if r.status == "rejected"]
        if report.rows and len(bad) == len(report.rows):
            return "rejected", bad[0]
        return "accepted", f"{report.count('created')} created, {report.count('duplicate')} duplicate"
    [result] = ctx.attachment_import.import_paths(actor, case_id, [path])
    if result.status == "rejected":
        assert result.reason, "a rejection without a reason"
        return "rejected", result.reason
    return "accepted", result.status
