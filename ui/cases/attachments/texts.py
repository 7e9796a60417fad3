"""Words of the attachment screens: labels, kinds, import statuses, and the import service's reasons.

The import service states its reasons and warnings in English (they also go to the CLI's JSON). Until it
translates them itself, the sentences it is known to use are shown in the user's language here; the
technical detail after them (pydicom's own message) is kept as it is, and an unknown sentence is shown
unchanged rather than hidden.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP


def label_names() -> dict[str, str]:
    return {
        "imaging": QCoreApplication.translate("AttachmentTexts", "Imaging"),
        "pathology": QCoreApplication.translate("AttachmentTexts", "Pathology"),
        "report": QCoreApplication.translate("AttachmentTexts", "Report"),
        "other": QCoreApplication.translate("AttachmentTexts", "Other"),
    }


def kind_name(kind: str) -> str:
    return {
        "series": QCoreApplication.translate("AttachmentTexts", "DICOM series"),
        "dicom": QCoreApplication.translate("AttachmentTexts", "DICOM image"),
        "photo": QCoreApplication.translate("AttachmentTexts", "Photo"),
        "slide": QCoreApplication.translate("AttachmentTexts", "Whole-slide image"),
        "pdf": QCoreApplication.translate("AttachmentTexts", "PDF report"),
    }.get(kind) or QCoreApplication.translate("AttachmentTexts", "File")


def status_name(status: str) -> str:
    return {
        "imported": QCoreApplication.translate("AttachmentTexts", "Imported"),
        "duplicate": QCoreApplication.translate("AttachmentTexts", "Duplicate"),
        "rejected": QCoreApplication.translate("AttachmentTexts", "Not imported"),
    }.get(status, status)


def summary(imported: int, duplicate: int, rejected: int) -> str:
    return QCoreApplication.translate(
        "AttachmentTexts", "Imported {imported}, duplicates {duplicate}, not imported {rejected}"
    ).format(imported=imported, duplicate=duplicate, rejected=rejected)


_DICOMDIR = r"DICOMDIR index of the disc, not an image.*"
_UNSUPPORTED = r"not a DICOM file, photo .* or PDF"

# (the service's sentence, with named groups) -> the same sentence to translate, groups as placeholders
_REASONS = [
    (r"damaged DICOM file: (?P<detail>.*)",
     QT_TRANSLATE_NOOP("AttachmentTexts", "Damaged DICOM file: {detail}")),
    (_DICOMDIR,
     QT_TRANSLATE_NOOP("AttachmentTexts", "Index of the disc (DICOMDIR), not an image; the images it lists are "
                                          "imported")),
    (r"image cannot be decoded \((?P<syntax>[^)]*)\): (?P<detail>.*)",
     QT_TRANSLATE_NOOP("AttachmentTexts", "The image cannot be decoded ({syntax}): {detail}")),
    (r"image too large \((?P<pixels>[^)]*)\).*",
     QT_TRANSLATE_NOOP("AttachmentTexts", "Image too large ({pixels}): refused as a possibly harmful file")),
    (r"damaged or unsupported image: (?P<detail>.*)",
     QT_TRANSLATE_NOOP("AttachmentTexts", "Damaged or unsupported image: {detail}")),
    (r"not a PDF file.*",
     QT_TRANSLATE_NOOP("AttachmentTexts", "Not a PDF file (no PDF header)")),
    (r"not a file or not readable",
     QT_TRANSLATE_NOOP("AttachmentTexts", "Not a file, or it cannot be read")),
    (_UNSUPPORTED,
     QT_TRANSLATE_NOOP("AttachmentTexts", "Not a DICOM file, photo (JPEG/PNG/TIFF/BMP) or PDF")),
    (r"cannot read the file: (?P<detail>.*)",
     QT_TRANSLATE_NOOP("AttachmentTexts", "Cannot read the file: {detail}")),
    (r"patient in the file \((?P<name>.*), (?P<id>[^,]*)\) does not match the case",
     QT_TRANSLATE_NOOP("AttachmentTexts", "The patient in the file ({name}, ID {id}) is not the patient of this "
                                          "case")),
]


def is_not_material(reason: str) -> bool:
    """A file skipped because it is not an image, photo or PDF (a disc's index, its viewer program)."""
    return any(re.fullmatch(p, reason.strip(), re.S) for p in (_DICOMDIR, _UNSUPPORTED))


def reason_text(text: str) -> str:
    """A reason or warning from the import service, in the user's language where it is a known one."""
    for pattern, source in _REASONS:
        match = re.fullmatch(pattern, text.strip(), re.S)
        if match:
            return QCoreApplication.translate("AttachmentTexts", source).format(**match.groupdict())
    return text


def warnings_tooltip(warnings: tuple[str, ...], limit: int = 6) -> str:
    lines = [reason_text(w) for w in warnings[:limit]]
    if len(warnings) > limit:
        lines.append(QCoreApplication.translate("AttachmentTexts", "… and {n} more").format(
            n=len(warnings) - limit))
    return "\n".join(lines)
