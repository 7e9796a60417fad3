"""The meeting agenda PDF from a real scheduled meeting: cases in order, question, presenter, minutes, total."""

import subprocess

import pytest
from meeting_factory import hospital, scheduled_meeting

from app.documents.agenda_pdf import build_agenda_pdf
from app.errors import NotFound

LONG_QUESTION = "".join(f"第{i}问：术后复发，是否再次手术？" for i in range(1, 101))  # ~1,500 characters


@pytest.fixture
def meeting(ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=4)
    ctx.case_records.update(admin, h.cases[2].id, question=LONG_QUESTION)
    m = scheduled_meeting(ctx, h)
    ids = [i.id for i in m.agenda]
    ctx.agenda.reorder(h.secretary, m.id, [ids[3], ids[0], ids[1], ids[2]])  # the paper follows the order
    return h, ctx.meetings.get(h.secretary, m.id)


def test_agenda_lists_the_cases_in_order_with_the_total_time(ctx, admin, meeting, tmp_path):
    h, m = meeting
    content = ctx.plan_content.agenda(h.secretary, m.id)
    assert [e.case_no for e in content.entries] == [i.case_no for i in m.agenda]
    assert content.entries[0].patient_name == "患者3"
    assert content.total_minutes == m.total_minutes == 60
    path = tmp_path / "agenda.pdf"
    path.write_bytes(build_agenda_pdf(content))
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("WenQuanYiMicroHei" in r[0] and r[-5] == "yes" for r in rows), fonts
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    flat = "".join(text.split())
    assert "多学科诊疗（MDT）讨论会议程" in flat and "肺癌MDT" in flat and "四楼会议室" in flat
    assert "预计讨论时间合计60分钟" in flat
    pages = text.count("\f")
    assert pages >= 2 and f"第{pages}页/共{pages}页" in flat  # the long question continues over pages
    positions = [flat.index(i.case_no) for i in m.agenda]
    assert positions == sorted(positions)  # printed in agenda order
    for i in m.agenda:
        assert i.patient_name in flat
    assert flat.count("手术还是同步放化疗？") == 3
    # nothing of the long question is clipped: read its column alone, page after page
    x, w = (18 + 10 + 27 + 20 + 33) * 72 / 25.4, (174 - 130) * 72 / 25.4
    column = subprocess.run(["pdftotext", "-r", "72", "-x", str(int(x)), "-y", "0", "-W", str(int(w)), "-H",
                             "842", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert LONG_QUESTION in "".join(column.split()).replace("提请讨论的问题", "")
    assert "陈主任" in flat and "刘秘书" in flat and "管理员" in flat  # chair, recorder, presenter


def test_unknown_meeting_is_refused(ctx, admin):
    with pytest.raises(NotFound):
        ctx.plan_content.agenda(admin, 999)
