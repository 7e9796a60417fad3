"""Whatever is typed into a form is stored exactly (after trimming) or refused with a message.

Oversize text, control characters, emoji and other astral characters, bidi overrides, SQL-like strings and
dates out of range go through the patient and case services; what comes back must equal what went in.
"""

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import AppError, ValidationError

NASTY = [
    "'); DROP TABLE patients; --", "Robert'); DELETE FROM cases WHERE ('1'='1", "%", "_", "\\", "\"", "' OR 1=1 --",
    "😀👨‍⚕️🧬", "𠀀𪚥𰻞", "\u202e张三\u202c", "李\u200d四", "王\ufeff五", "Zoë Ångström", "ⅫⅪ", "\u3000张三\u3000",
    "　", "<script>alert(1)</script>", "${jndi:ldap://x}", "=HYPERLINK(\"http://x\")", "\\x00", "null", "NULL",
]
CONTROL = ["张\x00三", "张\x07三", "张\x1b[31m三", "张\r三", "张\n三", "\x7f", "张\x85三"]
ASTRAL_AND_SURROGATE = ["张\ud800三"]  # a lone surrogate: not text, cannot be stored as UTF-8


def _stored(ctx, patient_id: int, field: str):
    con = sqlite3.connect(ctx.data_dir.db_path)
    try:
        return con.execute(f"SELECT {field} FROM patients WHERE id=?", (patient_id,)).fetchone()[0]
    finally:
        con.close()


def _create_or_refuse(ctx, admin, **fields):
    try:
        return ctx.patients.create(admin, **{"name": "张三", "sex": "M", **fields})
    except ValidationError as e:
        assert e.localized() and e.field, e  # a message, and the field it is about
        return None


@pytest.mark.parametrize("text", NASTY)
def test_odd_but_printable_text_is_stored_exactly(ctx, admin, text):
    p = _create_or_refuse(ctx, admin, name=text, address_detail=text)
    if text.strip():
        assert p is not None, text
        assert _stored(ctx, p.id, "name") == text.strip() and _stored(ctx, p.id, "address_detail") == text.strip()
        assert ctx.patients.get(admin, p.id).name == text.strip()
        assert any(r.id == p.id for r in ctx.patients.search(admin, text.strip()[:20]))


@pytest.mark.parametrize("text", CONTROL + ASTRAL_AND_SURROGATE)
def test_control_characters_and_broken_text_are_refused_with_a_message(ctx, admin, text):
    with pytest.raises(ValidationError) as e:
        ctx.patients.create(admin, name=text, sex="M")
    assert e.value.field == "name" and e.value.localized()


def test_oversize_text_is_refused_not_cut(ctx, admin):
    with pytest.raises(ValidationError, match="too long"):
        ctx.patients.create(admin, name="张" * 10_000, sex="M")
    p = ctx.patients.create(admin, name="张三", sex="M")
    case = ctx.case_records.create(admin, p.id, tumour_type="lung", history="病史" * 10_000)  # 20,000: the limit
    assert len(ctx.case_records.get(admin, case.id).fields["history"]) == 20_000
    with pytest.raises(ValidationError, match="too long"):
        ctx.case_records.update(admin, case.id, history="病史" * 10_000 + "x")


@pytest.mark.parametrize("birth, ok", [
    (date.min, False), (date(1889, 12, 31), False), (date(1890, 1, 1), True), (date.today(), True),
    (date.today() + timedelta(days=1), False), (date.max, False),
])
def test_birth_dates_out_of_range_are_refused(ctx, admin, birth, ok):
    p = _create_or_refuse(ctx, admin, birth_date=birth)
    assert (p is not None) == ok
    if ok:
        assert ctx.patients.get(admin, p.id).birth_date == birth


@pytest.mark.parametrize("applied, ok", [(date.min, True), (date.today(), True), (date.max, False),
                                         ("2026-13-45", False), (20260101, False)])
def test_case_dates_out_of_range_or_of_the_wrong_type_are_refused(ctx, admin, applied, ok):
    p = ctx.patients.create(admin, name="张三", sex="M")
    try:
        case = ctx.case_records.create(admin, p.id, tumour_type="lung", applied_on=applied)
    except AppError as e:
        assert not ok and e.localized()
    else:
        assert ok and ctx.case_records.get(admin, case.id).fields["applied_on"] == applied


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          derandomize=True, database=None)
@given(text=st.text(st.characters(codec="utf-8"), max_size=300), multiline=st.booleans())
def test_any_text_in_a_case_field_is_stored_exactly_or_refused(ctx, admin, text, multiline):
    if not hasattr(test_any_text_in_a_case_field_is_stored_exactly_or_refused, "patient"):
        test_any_text_in_a_case_field_is_stored_exactly_or_refused.patient = {}
    cache = test_any_text_in_a_case_field_is_stored_exactly_or_refused.patient
    if id(ctx) not in cache:
        cache[id(ctx)] = ctx.patients.create(admin, name="张三", sex="M").id
    field = "question" if multiline else "icd10_name"
    try:
        case = ctx.case_records.create(admin, cache[id(ctx)], tumour_type="lung", **{field: text})
    except ValidationError as e:
        assert e.field == field and e.localized()
        return
    expected = text.strip()
    if multiline:
        expected = expected.replace("\r\n", "\n").replace("\r", "\n")
    assert ctx.case_records.get(admin, case.id).fields[field] == expected
