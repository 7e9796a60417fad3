"""The words the package dialogs show: the de-identification report, the burned-in text warning, a
package's content and its sender."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP as N
from app.packages.records import ExportChoice, PackageContent
from ui.packages.common import megabytes, tr


def planned_removals() -> list[str]:
    """What de-identification does, shown before anything is written (DICOM PS3.15 basic profile)."""
    return [
        tr(N("PackageDialogs", "De-identification will:")),
        tr(N("PackageDialogs", "• replace the name, ID number, phone, address and inpatient/outpatient numbers by "
                               "a package pseudonym, in the records and in every text field;")),
        tr(N("PackageDialogs", "• de-identify DICOM following PS3.15 (basic profile): patient and institution "
                               "attributes removed, dates shifted by one secret offset, UIDs remapped consistently, "
                               "private attributes removed;")),
        tr(N("PackageDialogs", "• strip EXIF, comments and GPS from photos;")),
        tr(N("PackageDialogs", "• leave out PDFs, slides and signed PDFs: their identity cannot be removed "
                               "reliably (the decision travels in the records).")),
    ]


def burned_in_lines(flagged: list[ExportChoice]) -> list[str]:
    if not flagged:
        return []
    out = ["", tr(N("PackageDialogs", "⚠ Burned-in text cannot be removed automatically. Check these images for "
                                      "names or numbers in the pixels before sending:"))]
    for c in flagged:
        out.append(f"  • {c.modality or c.kind} {c.title} ({c.burned_in})")
    return out


def removed_lines(report: dict) -> list[str]:
    """The service's report after a de-identified export."""
    out = [tr(N("PackageDialogs", "Removed or replaced:"))]
    out += [f"  • {what} × {n}" for what, n in (report.get("removed") or {}).items()]
    excluded = report.get("excluded") or []
    if excluded:
        out.append(tr(N("PackageDialogs", "Not included:")))
        out += [f"  • {x}" for x in excluded]
    return out


def trust_text(c: PackageContent) -> str:
    if c.trusted:
        return tr(N("PackageDialogs", "Signed by %1 of %2 — trusted by this installation (certificate %3)")) \
            .replace("%1", c.sender_name).replace("%2", c.sender_organisation or c.hospital) \
            .replace("%3", c.sender_fingerprint[:16])
    return tr(N("PackageDialogs", "Signed by %1 of %2, whose hospital is NOT trusted by this installation "
                                  "(certificate %3). Nothing can be imported until the administrator imports "
                                  "that hospital's root certificate.")) \
        .replace("%1", c.sender_name).replace("%2", c.sender_organisation or c.hospital) \
        .replace("%3", c.sender_fingerprint[:16])


def content_text(c: PackageContent) -> str:
    lines = [tr(N("PackageDialogs", "Signature and every file's SHA-256 verified.")), trust_text(c),
             tr(N("PackageDialogs", "Sent by %1 (%2) on %3 UTC")).replace("%1", c.hospital)
             .replace("%2", c.sender_user).replace("%3", c.created_at.replace("T", " "))]
    if c.kind == "opinion":
        lines += [tr(N("PackageDialogs", "An opinion package (advice on a case this hospital sent):")), c.opinion]
    else:
        kind = (tr(N("PackageDialogs", "de-identified")) if c.deidentified
                else tr(N("PackageDialogs", "identified")))
        lines.append(tr(N("PackageDialogs", "Patient %1, case %2 (%3)")).replace("%1", c.patient)
                     .replace("%2", c.case_no).replace("%3", kind))
        lines.append(tr(N("PackageDialogs", "Diagnosis: %1")).replace("%1", c.diagnosis or "-"))
        lines.append(tr(N("PackageDialogs", "%1 discussion(s), %2 file(s), %3")).replace("%1", str(c.discussions))
                     .replace("%2", str(c.files)).replace("%3", megabytes(c.total_size)))
    for m in c.matches:
        by = (tr(N("PackageDialogs", "ID number")) if m.by == "id_number"
              else tr(N("PackageDialogs", "inpatient number")))
        lines.append(tr(N("PackageDialogs", "Matches patient %1 here by %2.")).replace("%1", m.name).replace("%2", by))
    if c.already_imported_case:
        lines.append(tr(N("PackageDialogs", "Already imported here as case %1: importing again adds nothing."))
                     .replace("%1", c.already_imported_case))
    return "\n".join(lines)
