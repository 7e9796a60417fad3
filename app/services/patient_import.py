"""Importing a patient list (CSV or Excel) with a result for every row.

Headers may be Chinese or English; UTF-8 (with or without BOM) and GB18030 files both work. Each row is
its own transaction: a bad row is reported and the rest goes on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path

from app.domain.address import split_address
from app.errors import AppError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services.base import Service
from app.services.patients import DuplicatePatient

COLUMNS = {
    "name": ("姓名", "name", "患者姓名"),
    "sex": ("性别", "sex", "gender"),
    "birth_date": ("出生日期", "birth_date", "birthdate", "date_of_birth", "生日"),
    "id_number": ("身份证号", "id_number", "身份证", "身份证号码", "id"),
    "hospital_number": ("住院号", "hospital_number", "inpatient_number"),
    "outpatient_number": ("门诊号", "outpatient_number"),
    "phone": ("电话", "phone", "联系电话", "手机", "手机号"),
    "address": ("地址", "address", "住址", "家庭住址"),
    "insurance": ("医保类型", "insurance", "医保"),
}
_LOOKUP = {alias.strip().lower(): key for key, aliases in COLUMNS.items() for alias in aliases}
SEX_WORDS = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F", "": "U", "未知": "U", "u": "U"}
MAX_ROWS = 100_000


@dataclass(frozen=True)
class RowResult:
    row: int  # 1-based line in the file, the header being row 1
    status: str  # created | duplicate | rejected
    patient_id: int | None = None
    name: str = ""
    reason: str = ""


@dataclass(frozen=True)
class ImportReport:
    rows: tuple[RowResult, ...]
    unknown_columns: tuple[str, ...]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def _decode(raw: bytes) -> str:
    try:
        if raw.startswith(b"\xef\xbb\xbf"):
            return raw[3:].decode("utf-8")
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
            return raw.decode("utf-16")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("gb18030")
    except UnicodeDecodeError as e:
        raise ValidationError(N("errors", "The file is not text in UTF-8 or GB18030 (byte {at} cannot be read). "
                                          "Save it again as CSV and retry."), at=e.start) from e


def _read_rows(path: Path) -> Iterator[list[str]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        import zipfile

        from openpyxl import load_workbook

        # Read whole before the first row is imported: a file damaged half-way is refused, not half imported.
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
            try:
                rows = [["" if v is None else (v.date().isoformat() if isinstance(v, datetime) else
                         v.isoformat() if isinstance(v, date) else str(v)) for v in values]
                        for values in islice(wb.active.iter_rows(values_only=True), MAX_ROWS + 2)]
            finally:
                wb.close()
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
            raise ValidationError(N("errors", "The Excel file cannot be read: {reason}"), reason=str(e)) from e
        except Exception as e:  # noqa: BLE001 - damaged XML inside the zip: openpyxl lets lxml/expat errors through
            raise ValidationError(N("errors", "The Excel file cannot be read: {reason}"),
                                  reason=f"{type(e).__name__}: {e}") from e
        yield from rows
    elif suffix in (".csv", ".txt"):
        text = _decode(path.read_bytes())
        sample = text[:4096]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(io.StringIO(text), dialect)
        try:
            rows = list(islice(reader, MAX_ROWS + 2))
        except csv.Error as e:  # a stray quote or NUL, a field over the csv module's limit
            raise ValidationError(N("errors", "The CSV file cannot be read at line {line}: {reason}"),
                                  line=reader.line_num, reason=str(e)) from e
        yield from rows
    else:
        raise ValidationError(N("errors", "Patient lists are read from .csv or .xlsx files."))


def _parse_date(text: str) -> date | None:
    t = text.strip().replace("/", "-").replace(".", "-")
    if not t:
        return None
    t = t.split(" ")[0].split("T")[0]
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.strptime(t, fmt).date()
        except ValueError:
            pass
    raise ValidationError(N("errors", "The date {value} is not in the form YYYY-MM-DD."), value=text)


def row_fields(values: dict[str, str]) -> dict:
    sex_word = values.get("sex", "").strip().lower()
    if sex_word not in SEX_WORDS:
        raise ValidationError(N("errors", "The sex {value} is not 男/女/M/F."), value=values.get("sex", ""))
    addr = split_address(values.get("address", ""))
    return {
        "name": values.get("name", ""),
        "sex": SEX_WORDS[sex_word],
        "birth_date": _parse_date(values.get("birth_date", "")),
        "id_number": values.get("id_number", "").strip() or None,
        "hospital_number": values.get("hospital_number", "").strip() or None,
        "outpatient_number": values.get("outpatient_number", "").strip() or None,
        "phone": values.get("phone", ""),
        "province": addr.province, "city": addr.city, "county": addr.county, "township": addr.township,
        "address_detail": addr.detail,
        "insurance": values.get("insurance", ""),
    }


class PatientImportService(Service):
    def import_file(self, actor: Actor, path: Path, progress=None) -> ImportReport:
        self.require(actor, "patient.create")
        rows = _read_rows(path)
        header = next(rows, None)
        if not header:
            raise ValidationError(N("errors", "The file is empty: the first row must name the columns."))
        keys: list[str | None] = []
        unknown: list[str] = []
        for h in header:
            key = _LOOKUP.get(str(h).strip().lstrip("\ufeff").lower())
            keys.append(key)
            if key is None and str(h).strip():
                unknown.append(str(h).strip())
        if "name" not in keys:
            raise ValidationError(N("errors", "No name column (姓名 or name) in the first row."))
        results: list[RowResult] = []
        for line, values in enumerate(rows, start=2):
            if line > MAX_ROWS + 1:
                results.append(RowResult(line, "rejected", reason="too many rows; the rest was not read"))
                break
            if not any(str(v).strip() for v in values):
                continue
            mapped = {k: str(v) for k, v in zip(keys, values, strict=False) if k}
            name = mapped.get("name", "").strip()
            try:
                row = self.ctx.patients.create(actor, **row_fields(mapped))
                results.append(RowResult(line, "created", row.id, row.name))
            except DuplicatePatient as e:
                results.append(RowResult(line, "duplicate", e.existing.id, name, e.localized()))
            except AppError as e:
                results.append(RowResult(line, "rejected", None, name, e.localized()))
            if progress:
                progress(line)
        return ImportReport(tuple(results), tuple(unknown))
