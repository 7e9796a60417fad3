"""Patient lists from CSV (UTF-8, UTF-8 with BOM, GB18030) and Excel, with a result for every row."""

import json

import pytest
from cli_helpers import run_cli

from app.errors import ValidationError

HEADER = ["姓名", "性别", "出生日期", "身份证号", "住院号", "电话", "地址", "血型"]
ROWS = [
    ["张三", "男", "1990-03-07", "", "ZY001", "13800138000", "河南省周口市郸城县汲冢镇王庄村3组", "A"],
    ["李四", "女", "", "110101199003071230", "ZY002", "", "郸城县城关镇", "B"],  # bad check digit
    ["王芳", "女", "", "110101199003072308", "ZY003", "", "", ""],  # valid ID, birth date derived
    ["王五", "男", "2099-01-01", "", "ZY004", "", "", ""],  # future birth date
    ["张三", "男", "1990-03-07", "", "ZY001", "", "", ""],  # duplicate hospital number
]


def write_csv(path, encoding, sep=","):
    text = "\n".join(sep.join(r) for r in [HEADER, *ROWS]) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_import_reports_every_row(ctx, admin, tmp_path, encoding):
    report = ctx.patient_import.import_file(admin, write_csv(tmp_path / "list.csv", encoding))
    assert [(r.row, r.status) for r in report.rows] == [
        (2, "created"), (3, "rejected"), (4, "created"), (5, "rejected"), (6, "duplicate")]
    assert "check digit" in report.rows[1].reason
    assert "future" in report.rows[3].reason
    assert report.rows[4].patient_id == report.rows[0].patient_id
    assert report.unknown_columns == ("血型",)
    wang = ctx.patients.search(admin, "ZY003")[0]
    assert (str(wang.birth_date), wang.sex) == ("1990-03-07", "F")
    zhang = ctx.patients.search(admin, "zs")[0]
    assert zhang.address == "河南省周口市郸城县汲冢镇王庄村3组"


def test_xlsx_import_with_english_headers(ctx, admin, tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["name", "sex", "birth_date", "hospital_number", "phone", "address", "ward"])
    ws.append(["陈静", "F", datetime(1970, 5, 2), "ZY900", "13912345678", "郸城县宁平镇", "3"])
    ws.append(["刘伟", "X", None, "ZY901", "", "", ""])
    wb.save(tmp_path / "list.xlsx")
    report = ctx.patient_import.import_file(admin, tmp_path / "list.xlsx")
    assert [r.status for r in report.rows] == ["created", "rejected"]
    assert report.unknown_columns == ("ward",)
    row = ctx.patients.search(admin, "cj")[0]
    assert str(row.birth_date) == "1970-05-02"


def test_a_file_without_a_name_column_is_refused(ctx, admin, tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        ctx.patient_import.import_file(admin, tmp_path / "x.csv")
    assert "name column" in str(err.value)


def test_a_broken_excel_file_is_refused_with_a_message(ctx, admin, tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ValidationError):
        ctx.patient_import.import_file(admin, tmp_path / "x.xlsx")


def test_cli_import_then_search(tmp_path):
    d = str(tmp_path / "d")
    assert run_cli("init", "--hospital", "医院", "--admin", "admin", "--password-stdin", "--data-dir", d,
                   stdin="Admin2026!\n").returncode == 0
    f = write_csv(tmp_path / "list.csv", "gb18030")
    r = run_cli("import-patients", str(f), "--user", "admin", "--password-stdin", "--json", "--data-dir", d,
                stdin="Admin2026!\n")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert [row["status"] for row in result["rows"]] == ["created", "rejected", "created", "rejected", "duplicate"]
    r = run_cli("patients", "--search", "zs", "--json", "--data-dir", d)
    rows = json.loads(r.stdout)
    assert [(p["name"], p["hospital_number"]) for p in rows] == [("张三", "ZY001")]
    assert {"id", "name", "hospital_number"} <= set(rows[0])
    r = run_cli("import-patients", str(f), "--user", "admin", "--password-stdin", "--data-dir", d,
                stdin="wrong\n")
    assert r.returncode == 1 and "Wrong user name or password" in r.stderr
