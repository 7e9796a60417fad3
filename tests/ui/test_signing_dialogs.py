"""The signing screens with the real services: enrol a handwritten signature, sign, verify, check a code,
and the certificates dialog (hospital CA, requests, export of the root certificate)."""

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from shots import save_shot

from ui import ops
from ui.session import Session
from ui.signing.credentials_dialog import CredentialsDialog, grouped
from ui.signing.enrol_dialog import EnrolDialog
from ui.signing.sign_dialog import SignDialog
from ui.signing.verify_dialog import BAD, GOOD, VerifyDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))  # the decision factories live there
from meeting_factory import PASSWORD  # noqa: E402
from plan_factory import finalised_plan  # noqa: E402

CA_PASSPHRASE = "ca-passphrase-1"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    monkeypatch.setattr("app.signing.secret_box.TIME_COST", 1)
    monkeypatch.setattr("app.signing.secret_box.MEMORY_KIB", 64)


def _scribble(pad, y=120):
    def send(kind, x, buttons):
        QApplication.sendEvent(pad, QMouseEvent(kind, QPointF(x, y + (x % 60)), QPointF(pad.mapToGlobal(QPoint(x, y))),
                                                Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier))

    send(QMouseEvent.Type.MouseButtonPress, 40, Qt.MouseButton.LeftButton)
    for x in range(50, 560, 15):
        send(QMouseEvent.Type.MouseMove, x, Qt.MouseButton.LeftButton)
    send(QMouseEvent.Type.MouseButtonRelease, 560, Qt.MouseButton.NoButton)


def _show(qtbot, dialog, name):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def world(ctx, admin, monkeypatch, tmp_path):
    """A finalised decision whose document waits for its signers; all but the chair have signed."""
    plan = finalised_plan(ctx, admin, monkeypatch, tmp_path, key_images=0)
    ctx.credentials.create_hospital_ca(admin, CA_PASSPHRASE)
    doc = ctx.documents.start_signing(plan.h.chair, plan.decision.id)
    by_id = {a.user_id: a for a in plan.h.actors.values()}
    signers = [by_id[g.user_id] for g in doc.signatures]
    for actor in signers:
        ctx.credentials.request(actor, PASSWORD)
    ctx.credentials.issue_pending(admin, CA_PASSPHRASE)
    for actor in signers[:-1]:
        ctx.handwriting.enrol(actor, PASSWORD, _png())
        doc = ctx.documents.sign(actor, doc.id, PASSWORD)
    plan.document, plan.last = doc, signers[-1]
    return plan


def _png():
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(10, 100), (80, 20), (150, 100), (290, 30)], fill=(20, 20, 160, 255), width=10)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_enrolling_needs_ink_and_the_right_password(qtbot, sample_ctx, doctor_actor):
    ctx, chair = sample_ctx, doctor_actor
    dialog = _show(qtbot, EnrolDialog(Session(ctx, chair, ctx.setup.info())), "enrol")
    dialog.save()
    assert dialog.error.isVisible() and not dialog.enrolled  # the pad is empty
    _scribble(dialog.pad)
    assert dialog.undo_button.isEnabled()
    dialog.password.setText("wrong-password")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert dialog.error.isVisible() and not ctx.handwriting.has(chair.user_id)
    dialog.password.setText("Doctor2026!")
    save_shot(dialog, "enrol.png")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.enrolled and ctx.handwriting.has(chair.user_id)


def test_the_last_signer_signs_in_the_dialog_and_the_file_verifies(qtbot, ctx, world, tmp_path):
    chair = world.last
    ctx.handwriting.enrol(chair, PASSWORD, _png())
    dialog = _show(qtbot, SignDialog(Session(ctx, chair, ctx.setup.info())), "sign")
    qtbot.waitUntil(lambda: dialog.documents.count() == 1 and bool(dialog.pages.page_labels()), timeout=15000)
    assert world.document.doc_no in dialog.documents.item(0).text()
    dialog.password.setText("wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert ctx.documents.get(chair, world.document.id).status == "signing", "a wrong password changes nothing"
    save_shot(dialog, "sign.png")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.signed, timeout=20000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.documents.count() == 0, timeout=10000)
    assert ctx.documents.get(chair, world.document.id).signed

    pdf = ctx.documents.pdf_bytes(chair, world.document.id)
    good, bad = tmp_path / "signed.pdf", tmp_path / "changed.pdf"
    good.write_bytes(pdf)
    cut = pdf.rindex(b"/Contents <") + 20  # one byte inside the last signature value
    bad.write_bytes(pdf[:cut] + (b"0" if pdf[cut:cut + 1] != b"0" else b"1") + pdf[cut + 1:])
    verify = _show(qtbot, VerifyDialog(Session(ctx, chair, ctx.setup.info())), "verify")
    verify.verify_file(good)
    qtbot.waitUntil(lambda: verify.signers.rowCount() == len(world.document.signatures), timeout=20000)
    assert verify.verdict.styleSheet() == GOOD
    names = {verify.signers.item(r, 0).text() for r in range(verify.signers.rowCount())}
    assert chair.display_name in names
    save_shot(verify, "verify.png")
    verify.verify_file(bad)
    qtbot.waitUntil(lambda: verify.verdict.styleSheet() == BAD, timeout=20000)

    import pypdfium2 as pdfium

    text = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
    code = re.search(r"验证码[：:]\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})", text).group(1)
    verify.tabs.setCurrentIndex(1)
    verify.code.setText(code)
    qtbot.keyClick(verify.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: verify.code_result.styleSheet() == GOOD, timeout=10000)
    assert world.document.doc_no in verify.code_result.text()
    save_shot(verify, "verify-code.png")
    verify.code.setText("ZZZZ-ZZZZ-ZZZZ")
    verify.check_code()
    qtbot.waitUntil(lambda: verify.code_result.styleSheet() == BAD, timeout=10000)

    # The Documents menu's print entries open the preview: the case's signed decision, or a meeting's batch.
    from ui.printing.print_preview import PrintPreviewDialog
    from ui.signing.actions import print_case, print_meeting

    def previews():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()]

    session = Session(ctx, chair, ctx.setup.info())
    print_case(session, None, world.document.case_no)
    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=20000)
    [case_preview] = previews()
    assert [i.signed for i in case_preview.items] == [True]
    case_preview.close()
    print_meeting(session, None, world.meeting.id)
    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=20000)
    [meeting_preview] = previews()
    assert [i.kind for i in meeting_preview.items] == ["agenda", "plan"]
    qtbot.waitUntil(lambda: meeting_preview.preview_ready(), timeout=20000)
    meeting_preview.close()


def test_the_administrator_creates_the_ca_and_exports_the_root(qtbot, sample_ctx, admin_actor, doctor_actor,
                                                              tmp_path, monkeypatch):
    doctor = _show(qtbot, CredentialsDialog(Session(sample_ctx, doctor_actor, sample_ctx.setup.info())), "mine")
    assert doctor.hospital is None and doctor.mine is not None
    qtbot.waitUntil(lambda: bool(doctor.my_state.text()))
    doctor.my_password.setText("Doctor2026!")
    doctor.request_button.click()
    qtbot.waitUntil(lambda: not doctor.request_button.isEnabled(), timeout=10000)
    assert sample_ctx.credentials.status(doctor_actor.user_id).state == "pending"

    dialog = _show(qtbot, CredentialsDialog(Session(sample_ctx, admin_actor, sample_ctx.setup.info())), "ca")
    assert dialog.mine is None and dialog.hospital is not None
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled())
    dialog.passphrase.setText("a-long-passphrase")
    dialog.passphrase_again.setText("another-passphrase")
    dialog.create_button.click()
    assert dialog.error.isVisible()
    dialog.passphrase_again.setText("a-long-passphrase")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=20000)
    dialog.passphrase.setText("a-long-passphrase")
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: "1" in dialog.result.text() and ops.is_idle(), timeout=20000)
    assert sample_ctx.credentials.status(doctor_actor.user_id).state == "active"
    target = tmp_path / "root.crt"
    monkeypatch.setattr(dialog, "ask_save_path", lambda: str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: str(target) in dialog.result.text() or dialog.error.text() != "", timeout=10000)
    assert not dialog.error.text()
    assert target.read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert grouped(sample_ctx.credentials.root_fingerprint()) in dialog.result.text()
    save_shot(dialog, "credentials.png")


def test_the_documents_menu_offers_what_the_role_may_do(qtbot, sample_ctx, admin_actor, doctor_actor):
    from ui.main_window import MainWindow

    for actor, may_sign in ((doctor_actor, True), (admin_actor, False)):
        window = MainWindow(Session(sample_ctx, actor, sample_ctx.setup.info()))
        qtbot.addWidget(window)
        actions = {a.objectName(): a for a in window.document_actions}
        assert actions["signAction"].isEnabled() is may_sign
        assert actions["credentialsAction"].isEnabled() and actions["printCaseAction"].isEnabled()
        assert actions["printCaseAction"].shortcut().toString() == "Ctrl+P"
        if not may_sign:
            assert actions["signAction"].toolTip()
        actions["verifyAction"].trigger()
        dialog = window.findChild(VerifyDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.close()
