"""The statistics as Excel (a sheet per table plus the definitions) and as CSV (UTF-8 with a BOM, so Excel
on a Chinese Windows opens it without mojibake)."""

from __future__ import annotations

import csv
from pathlib import Path

from app.closed_loop_records import StatsReport
from app.documents.stats_tables import WORDS, Sheet, filter_line, sheets, value_text, zh


def _text_row(r: StatsReport, sheet: Sheet, n: int) -> list:
    """CSV cells are text: shares as percentages, medians with their unit, as the screen shows them."""
    row = ["" if v is None else v for v in sheet.rows[n]]
    if sheet.key == "indicators":
        ind = r.indicators[n]
        row[1] = value_text(ind)
        row[4] = "" if ind.target is None else f"{ind.target * 100:.0f}%"
    return row


def write_csv(r: StatsReport, path: Path, team_name: str = "") -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([zh(WORDS["title"]), filter_line(r, team_name)])
        for sheet in sheets(r):
            w.writerow([])
            w.writerow([sheet.title])
            w.writerow(sheet.headers)
            for n in range(len(sheet.rows)):
                w.writerow(_text_row(r, sheet, n))


def write_xlsx(r: StatsReport, path: Path, team_name: str = "") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    kinds = [i.kind for i in r.indicators]
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets(r):
        ws = wb.create_sheet(sheet.title[:31])
        ws.append(list(sheet.headers))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for n, row in enumerate(sheet.rows):
            ws.append(list(row))
            if sheet.key == "indicators":
                value, target = ws.cell(n + 2, 2), ws.cell(n + 2, 5)
                value.number_format = "0.0%" if kinds[n] == "share" else "0.0" if kinds[n] == "median" else "0"
                target.number_format = "0%"
        widths = {"indicators": (42, 10, 10, 10, 8), "definitions": (42, 110)}.get(sheet.key, (36, 14))
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[chr(64 + col)].width = width
        if sheet.key == "definitions":
            for row in ws.iter_rows(min_row=2):
                row[1].alignment = Alignment(wrap_text=True, vertical="top")
            ws.append([])
            ws.append([zh(WORDS["title"]), filter_line(r, team_name)])
            ws.append(["", zh(WORDS["cases_note"])])
    wb.save(path)
