"""Smoke test of a frozen bundle: is every file and plug-in the code finds at run time really inside?

Runs when the environment has MDT_DESK_FROZEN_SELFTEST=1 (see packaging/entry.py), e.g.

    MDT_DESK_FROZEN_SELFTEST=1 QT_QPA_PLATFORM=offscreen dist/mdt-desk/mdt-desk-cli

Prints one line per check ("ok", "skip" or "FAIL") and exits 0 only when nothing failed. Things that are
easy to forget in build.spec are checked here: data read by path or importlib.resources, codecs found by
entry point, Qt plug-ins, translations and the bundled font.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ENV = "MDT_DESK_FROZEN_SELFTEST"


def _version() -> str:
    from importlib import metadata

    import app

    try:
        meta = metadata.version("mdt-desk")
    except metadata.PackageNotFoundError:
        if getattr(sys, "frozen", False):
            raise
        raise _Skip("not frozen and not installed: no metadata to compare with") from None
    assert app.__version__ == meta, f"app.__version__ {app.__version__} != metadata {meta}"
    return meta


def _migrations() -> str:
    from db.migrate import MIGRATIONS_DIR, head_revision, known_revisions

    assert MIGRATIONS_DIR.is_dir(), MIGRATIONS_DIR
    return f"head {head_revision()}, {len(known_revisions())} revision(s) in {MIGRATIONS_DIR}"


def _codes() -> str:
    if importlib.util.find_spec("app.domain.codes") is None:
        raise _Skip("app.domain.codes not present")
    from app.domain import codes

    return f"{len(codes.all_icd10())} ICD-10, {len(codes.all_icdo3())} ICD-O-3 codes"


def _pinyin() -> str:
    from app.domain.names import pinyin_keys

    keys = pinyin_keys("张三")
    assert keys == ("zhangsan", "zs"), keys
    return "张三 -> " + "/".join(keys)


def _argon2() -> str:
    from app.security.passwords import hash_password, verify_password

    h = hash_password("Selftest2026!")
    assert verify_password(h, "Selftest2026!") and not verify_password(h, "wrong"), "verify failed"
    return h.split("$")[1]


def _dicom() -> str:
    import numpy as np
    from pydicom.pixels.decoders.base import get_decoder
    from pydicom.uid import JPEG2000Lossless, JPEGBaseline8Bit, JPEGLSLossless, RLELossless

    missing = [uid.name for uid in (JPEGBaseline8Bit, JPEG2000Lossless, JPEGLSLossless, RLELossless)
               if not get_decoder(uid).is_available]
    assert not missing, f"no decoder for {missing}"
    plugins = sorted(get_decoder(JPEGLSLossless).available_plugins)
    return f"numpy {np.__version__}; JPEG/J2K/JPEG-LS/RLE decoders available (JPEG-LS via {plugins})"


def _decode_process() -> str:
    """The viewer's worker processes (spawn + freeze_support in entry.py) decode JPEG 2000 in the bundle."""
    import numpy as np
    import pydicom
    from pydicom.uid import JPEG2000Lossless, SecondaryCaptureImageStorage, generate_uid

    from app.imaging.decode_pool import DecodePool

    ds = pydicom.Dataset()
    ds.file_meta = pydicom.dataset.FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = generate_uid()
    ds.Rows = ds.Columns = 32
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.compress(JPEG2000Lossless, np.arange(32 * 32, dtype=np.uint16).reshape(32, 32), encoding_plugin="pylibjpeg")
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/j2k.dcm"
        ds.save_as(path, enforce_file_format=True)
        pool = DecodePool(processes=1)
        try:
            frame = pool.submit(path, 0, in_process=True).result(timeout=120)
        finally:
            pool.shutdown()
    assert int(frame.pixels[31, 31]) == 32 * 32 - 1, "wrong pixels from the worker"
    return "JPEG 2000 decoded in a spawned worker process"


def _pillow() -> str:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buf, "PNG")
    Image.new("RGB", (8, 8), "white").save(io.BytesIO(), "JPEG")
    return f"PNG {len(buf.getvalue())} bytes"


def _openslide() -> str:
    """The bundled OpenSlide library (openslide-bin) opens a pyramidal TIFF written by the app's own writer:
    whole-slide images are read through it, and it is a native library PyInstaller could leave behind."""
    import numpy as np
    import openslide

    from app.imaging.slides.pyramid import write_pyramid

    with tempfile.TemporaryDirectory() as tmp:
        path = write_pyramid(Path(tmp) / "slide.tif", 512, 512, [np.full((512, 512, 3), (200, 40, 90), np.uint8)],
                             mpp=0.25, tile=256)
        with openslide.OpenSlide(str(path)) as slide:
            r, g, b, _a = slide.read_region((256, 256), 0, (1, 1)).getpixel((0, 0))
            assert abs(r - 200) < 12 and abs(g - 40) < 12 and abs(b - 90) < 12, (r, g, b)
            levels = slide.level_count
    return f"OpenSlide {openslide.__library_version__}: {levels} level(s), pixel read back"


def _openpyxl() -> str:
    spec = importlib.util.find_spec("openpyxl")
    if spec is None or spec.origin is None:
        raise _Skip("openpyxl not bundled")
    from openpyxl import Workbook, load_workbook

    buf = io.BytesIO()
    wb = Workbook()
    wb.active.append(["姓名", "性别"])
    wb.save(buf)
    buf.seek(0)
    rows = list(load_workbook(buf, read_only=True).active.iter_rows(values_only=True))
    assert rows == [("姓名", "性别")], rows
    return "xlsx round trip"


def _reportlab() -> str:
    # Imported by name: this check must not be what pulls reportlab into the bundle.
    spec = importlib.util.find_spec("reportlab")
    if spec is None or spec.origin is None:  # absent, or only a data folder (namespace package)
        raise _Skip("reportlab not bundled (nothing imports it yet)")
    pdfmetrics = importlib.import_module("reportlab.pdfbase.pdfmetrics")
    ttfonts = importlib.import_module("reportlab.pdfbase.ttfonts")
    canvas = importlib.import_module("reportlab.pdfgen.canvas")

    from ui.resources_path import resource

    font = next(resource("fonts").glob("*.tt[fc]"))
    pdfmetrics.registerFont(ttfonts.TTFont("SelftestCJK", str(font)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("SelftestCJK", 12)
    c.drawString(72, 720, "多学科诊疗")
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "MDT Desk")
    # The plan's verification QR code: reportlab's barcode package imports its codes from strings.
    barcode = importlib.import_module("reportlab.graphics.barcode")
    qr = barcode.createBarcodeDrawing("QR", value="MDT-2026-0001-01", barWidth=60, barHeight=60)
    assert qr.width > 0
    c.save()
    return f"PDF {len(buf.getvalue())} bytes with {font.name}, QR code drawn"


def _pdfium() -> str:
    """pypdfium2 (print preview, QR read-back) renders a PDF page: its native library ships in the bundle."""
    import pypdfium2
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(200, 100))
    c.setFillColorRGB(0, 0, 0)
    c.rect(0, 0, 100, 100, fill=1)
    c.save()
    page = pypdfium2.PdfDocument(buf.getvalue())[0]
    image = page.render(scale=1).to_pil().convert("L")
    assert image.getpixel((10, 50)) < 60 and image.getpixel((190, 50)) > 200, "the page was not drawn"
    return f"pdfium rendered a {image.width}×{image.height} page"


def _signing() -> str:
    """A PAdES signature made and verified by the app's own signing code (cryptography, pyHanko and its
    certificate validator, argon2 for the sealed keys): the signed treatment plan depends on all of them."""
    from datetime import UTC, datetime

    from reportlab.pdfgen import canvas

    from app.signing import ca, pades_sign, pades_verify, user_keys

    root = ca.create_root("自检医院", "selftest-passphrase")
    request = user_keys.make_request(1, "自检医生", "selftest-password")
    cert = ca.issue(root.cert_pem, ca.open_root_key(root.key_sealed, "selftest-passphrase"), request.request_pem,
                    common_name="自检医生", organisation="自检医院", user_id=1)
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "MDT Desk self-test")
    c.save()
    pdf = pades_sign.add_fields(buf.getvalue(), [pades_sign.FieldSpec("Signer1", 0, (72, 72, 272, 152), "自检医生")])
    key = pades_sign.SignerKey(user_keys.open_key_der(1, request.key_sealed, "selftest-password"),
                               (cert, root.cert_pem))
    signed = pades_sign.sign(pdf, field_name="Signer1", key=key, name="自检医生", signed_at=datetime.now(UTC),
                             handwriting_png=None, certify=False)
    report = pades_verify.verify(signed, [root.cert_pem])
    assert report.ok, report.problems
    return f"signed and verified ({len(signed)} bytes)"


def _qt() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QFontDatabase, QImageReader
    from PySide6.QtWidgets import QApplication

    from ui.resources_path import resource

    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    fonts = list(resource("fonts").glob("*.tt[fc]"))
    assert fonts, "no font in resources/fonts"
    fid = QFontDatabase.addApplicationFont(str(fonts[0]))
    assert fid >= 0, f"Qt cannot load {fonts[0]}"
    families = QFontDatabase.applicationFontFamilies(fid)
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    assert {"png", "jpg", "svg"} <= formats, f"image formats: {sorted(formats)}"
    icons = list(resource("icons").glob("*.svg"))
    for qm in resource("i18n").glob("*.qm"):
        assert QTranslator().load(str(qm)), f"cannot load {qm.name}"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert QTranslator().load("qtbase_zh_CN", qt_dir), f"qtbase_zh_CN.qm not in {qt_dir}"
    del qapp
    return f"platform ok, font {families}, {len(icons)} svg icon(s), formats {len(formats)}"


def _styles() -> str:
    from ui.resources_path import resource

    sheets = list(resource("styles").glob("*.qss"))
    return f"{len(sheets)} stylesheet(s)"


class _Skip(Exception):
    pass


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("version", _version), ("migrations", _migrations), ("codes", _codes), ("pinyin", _pinyin),
    ("argon2", _argon2), ("dicom", _dicom), ("decode_process", _decode_process), ("pillow", _pillow), ("openslide", _openslide),
    ("openpyxl", _openpyxl),
    ("reportlab", _reportlab), ("pdfium", _pdfium), ("signing", _signing), ("qt", _qt), ("styles", _styles),
]


def run() -> int:
    frozen = getattr(sys, "frozen", False)
    print(f"frozen: {frozen}; bundle: {getattr(sys, '_MEIPASS', '-')}; temp: {tempfile.gettempdir()}")
    failed = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except _Skip as s:
            print(f"skip {name}: {s}")
        except Exception as e:  # report every failure, not only the first
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
        else:
            print(f"ok   {name}: {detail}")
    print("selftest: " + ("all ok" if not failed else f"{failed} failed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run())
