"""The audience window never shows the patient's identity while masking is on (issue 5, item 4)."""

from datetime import date

import pytest
import test_presentation_support as support
from PySide6.QtCore import Qt

from app.records import PatientRow
from ui.presentation.masking import mask_digits, mask_name, scrub


@pytest.fixture
def demo_session(tmp_path_factory, tmp_path):
    with support.demo_session(tmp_path_factory, tmp_path) as session:
        yield session


def _identifiers(p: PatientRow) -> dict[str, str]:
    found = {"name": p.name, "id_number": p.id_number, "phone": p.phone, "address": p.address,
             "address_detail": p.address_detail, "hospital_number": p.hospital_number}
    return {k: v for k, v in found.items() if v}


def _viewer_loaded(audience) -> bool:
    if audience.viewer is None:
        return False
    loaded = audience.viewer.is_loaded  # a property or a method, depending on the viewer's version
    return bool(loaded() if callable(loaded) else loaded)


def _leaks(widget, p: PatientRow) -> list[str]:
    texts = support.all_texts(widget)
    return [f"{what}={value!r} in {t!r}" for what, value in _identifiers(p).items() for t in texts if value in t]


def test_masks_names_and_numbers():
    assert mask_name("张三丰") == "张*丰"
    assert mask_name("欧阳春华") == "欧*华"
    assert mask_name("张三") == "张*"
    assert mask_digits("110101199001011234", 3, 4) == "110***********1234"
    assert mask_digits("13812345678", 3, 4) == "138****5678"
    p = PatientRow(1, "张三丰", "M", date(1960, 1, 1), "110101199001011234", "ZY0001", "13812345678",
                   "北京市东城区某街1号")
    text = scrub("患者张三丰，电话13812345678，身份证110101199001011234，住院号ZY0001，住北京市东城区某街1号", p, True)
    for secret in ("张三丰", "13812345678", "110101199001011234", "ZY0001", "北京市东城区某街1号"):
        assert secret not in text
    assert "张*丰" in text and "138****5678" in text


def test_every_audience_screen_hides_identity_until_unmasked(qtbot, demo_session):
    meeting = support.live_meeting(demo_session)
    console = support.open_console(qtbot, demo_session, meeting.id)
    audience = console.audience
    audience.resize(1280, 720)
    audience.show()
    show = console.show_data
    patient = show.case.patient
    assert len(_identifiers(patient)) >= 5, "the demo patient should carry every kind of identifier"
    assert show.pictures, "the demo meeting's first case has a key image"
    assert mask_name(patient.name) in audience.patient.text()
    seen = []

    def check() -> None:
        seen.append(audience.screen_name())
        assert _leaks(audience, patient) == []
        assert patient.name not in " ".join(support.all_texts(console))  # a mirrored laptop screen shows it too

    check()  # the case page
    for _ in show.pictures:  # each key image
        qtbot.keyClick(console, Qt.Key.Key_Right)
        assert not audience.picture.pixmap().isNull()
        check()
    qtbot.keyClick(console, Qt.Key.Key_V)  # the full viewer
    qtbot.waitUntil(lambda: _viewer_loaded(audience), timeout=15_000)
    check()
    qtbot.keyClick(console, Qt.Key.Key_B)  # blank
    check()
    assert seen == ["case", *["image"] * len(show.pictures), "viewer", "blank"]

    console.confirm_unmask = lambda: False  # the presenter says no: still masked
    qtbot.keyClick(console, Qt.Key.Key_U)
    assert audience.masked
    qtbot.keyClick(console, Qt.Key.Key_B)
    qtbot.keyClick(console, Qt.Key.Key_V)
    qtbot.keyClick(console, Qt.Key.Key_Left)
    assert audience.screen_name() in ("case", "image")
    console.confirm_unmask = lambda: True
    qtbot.keyClick(console, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: not audience.masked, timeout=5_000)  # once the audit entry is stored
    assert patient.name in audience.patient.text()
    # Even unmasked, the room never sees the numbers or the address.
    texts = " ".join(support.all_texts(audience))
    for what in ("id_number", "phone", "address", "hospital_number"):
        assert _identifiers(patient)[what] not in texts
    qtbot.keyClick(console, Qt.Key.Key_U)  # masking again needs no confirmation
    assert audience.masked and _leaks(audience, patient) == []
    console.close()
