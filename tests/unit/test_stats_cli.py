"""`python -m app stats`: the same numbers as the service, as JSON, Excel, CSV (BOM) and a Chinese PDF."""

import json
import subprocess

import pytest
from cli_helpers import run_cli
from openpyxl import load_workbook
from stats_world import END, START, TODAY, build

from app.closed_loop_records import StatsFilter
from app.documents.stats_tables import sheets

PERIOD = ("--from", START.isoformat(), "--to", END.isoformat())


@pytest.fixture
def world(ctx, admin):
    w = build(ctx)
    w.report = ctx.statistics.report(admin, StatsFilter(START, END), today=TODAY)
    w.lung = ctx.statistics.report(admin, StatsFilter(START, END, team_id=w.teams["lung"]), today=TODAY)
    return w


def test_json_gives_the_service_numbers(ctx, world):
    r = run_cli("stats", *PERIOD, "--json", "--data-dir", str(ctx.data_dir.root))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    got = {i["key"]: (i["numerator"], i["denominator"], i["value"]) for i in data["indicators"]}
    assert got == {i.key: (i.numerator, i.denominator, i.value) for i in world.report.indicators}
    assert [(m["key"], m["count"]) for m in data["per_month"]] == [("2026-03", 2), ("2026-04", 2), ("2026-05", 3)]
    assert data["filter"] == {"from": "2026-03-01", "to": "2026-05-31", "team_id": None, "tumour_type": ""}
    team = run_cli("stats", *PERIOD, "--team", "肺癌MDT", "--json", "--data-dir", str(ctx.data_dir.root))
    assert [m["count"] for m in json.loads(team.stdout)["per_month"]] == [2, 0, 3]


def test_excel_has_a_sheet_per_table_and_the_definitions(ctx, world, tmp_path):
    out = tmp_path / "统计.xlsx"
    r = run_cli("stats", *PERIOD, "--team", str(world.teams["lung"]), "--out", str(out),
                "--data-dir", str(ctx.data_dir.root))
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == [s.title for s in sheets(world.lung)]
    assert wb.sheetnames[0] == "质量指标" and "指标定义" in wb.sheetnames
    rows = {row[0]: row for row in wb["质量指标"].iter_rows(min_row=2, values_only=True)}
    local = rows["本院治疗率"]
    assert local[1:] == (0.75, 3, 4, 0.8)  # A, B and K here; E referred out
    assert wb["质量指标"]["B2"].number_format == "0.0%"
    assert [r for r in wb["每月讨论病例数"].iter_rows(min_row=2, values_only=True)] == [
        ("2026-03", 2), ("2026-04", 0), ("2026-05", 3)]
    definitions = {row[0]: row[1] for row in wb["指标定义"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert "转出患者计为非本院治疗" in definitions["本院治疗率"]


def test_csv_is_utf8_with_bom_and_pdf_is_chinese_with_the_figures(ctx, world, tmp_path):
    csv_out, pdf_out = tmp_path / "stats.csv", tmp_path / "stats.pdf"
    for out in (csv_out, pdf_out):
        r = run_cli("stats", *PERIOD, "--out", str(out), "--data-dir", str(ctx.data_dir.root))
        assert r.returncode == 0, r.stderr
    raw = csv_out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "本院治疗率,75.0%,3,4,80%" in text and "申请至讨论天数（中位数）,8 天,6,6" in text
    pdf_text = subprocess.run(["pdftotext", "-layout", str(pdf_out), "-"], capture_output=True, text=True,
                              check=True).stdout
    for needle in ("MDT质量统计报告", "测试县人民医院", "本院治疗率", "75.0%", "每月讨论病例数", "陈主任（肿瘤科）",
                   "指标定义", "2026-03-01"):
        assert needle in pdf_text, needle
    fonts = subprocess.run(["pdffonts", str(pdf_out)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYiMicroHei" in fonts and "Helvetica" not in fonts


def test_usage_and_failures(ctx, world, tmp_path):
    d = ("--data-dir", str(ctx.data_dir.root))
    assert run_cli("stats", *PERIOD, *d).returncode == 2  # neither --out nor --json
    assert run_cli("stats", *PERIOD, "--out", str(tmp_path / "x.docx"), *d).returncode == 2
    assert run_cli("stats", "--from", "2026-13-01", "--to", "2026-05-31", "--json", *d).returncode == 2
    assert run_cli("stats", "--from", "2026-05-31", "--to", "2026-03-01", "--json", *d).returncode == 2
    r = run_cli("stats", *PERIOD, "--team", "不存在的团队", "--json", *d)
    assert r.returncode == 1 and "肺癌MDT" in r.stderr
