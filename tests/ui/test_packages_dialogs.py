"""The package dialogs with the real services and real files: a case exported through the export dialog
arrives through the import dialog in a fresh installation; a wrong passphrase is refused with its message;
the provincial hospital's opinion goes back through the opinion dialog and is shown as advisory on the
county's meeting screen and in the plan PDF."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from shots import save_shot

from app.packages.container import WRONG_PASSPHRASE
from app.packages.errors import PackageWrongPassphrase
from app.packages.snapshot import case_snapshot
from ui.packages.export_dialog import ExportDialog
from ui.packages.import_dialog import ImportDialog
from ui.packages.opinion_dialog import OpinionDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))  # the package worlds live there
from meeting_factory import PASSWORD, actor  # noqa: E402
from package_world import (  # noqa: E402, F401
    PASSPHRASE,
    cheap_package_kdf,
    counts,
    plain_county_fixture,
    receiver_fixture,
)
from signing_world import cheap_kdf  # noqa: E402, F401

ADVICE = "同意县医院方案：胸腔镜右肺上叶切除＋系统性淋巴结清扫；术后视病理决定辅助治疗。"


def _snapshot(ctx, case_no):
    from sqlalchemy import select

    from db.models import Case

    with ctx.db.read() as s:
        snap = case_snapshot(s, s.execute(select(Case).where(Case.case_no == case_no)).scalar_one())
    snap["case"].pop("case_no")
    return snap


def _export(qtbot, ctx, sender, case_no, out, *, deidentify=False, all_files=True):
    dialog = ExportDialog(ctx, sender, case_no=case_no)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    if all_files:
        dialog.set_all_files(True)
    dialog.deidentify.setChecked(deidentify)
    dialog.checked_pixels.setChecked(True)
    dialog.secrets.passphrase.setText(PASSPHRASE)
    dialog.secrets.repeat.setText(PASSPHRASE)
    dialog.secrets.password.setText(PASSWORD)
    dialog.file_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exportDone, timeout=60_000) as done:
        dialog.start()
    assert not isinstance(done.args[0], BaseException), done.args[0]
    return dialog


def _import(qtbot, ctx, who, path, passphrase=PASSPHRASE):
    dialog = ImportDialog(ctx, who, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.secrets.passphrase.setText(passphrase)
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.check()
    return dialog


def test_export_then_import_through_the_dialogs(qtbot, plain_county, tmp_path, receiver):
    ctx, cc = plain_county.ctx, plain_county.cc
    dialog = ExportDialog(ctx, cc.sender, case_no=cc.case_no)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    states = [dialog.choices.item(i).checkState() for i in range(dialog.choices.count())]
    keyed = [c.key_image for c in dialog.preview.choices]
    assert any(keyed) and not all(keyed)  # the CT series with key images preselected, the rest not
    assert states == [Qt.CheckState.Checked if k else Qt.CheckState.Unchecked for k in keyed]
    dialog.deidentify.setChecked(True)  # the report before writing; the burned-in warning once the photo is in
    assert "PS3.15" in dialog.report.toPlainText() and "⚠" not in dialog.report.toPlainText()
    dialog.set_all_files(True)
    assert "⚠" in dialog.report.toPlainText() and dialog.checked_pixels.isVisible()
    save_shot(dialog, "package-export-deidentify.png")
    dialog.deidentify.setChecked(False)
    assert cc.case_no in dialog.summary.text() and dialog.start_button.isEnabled()
    dialog.secrets.passphrase.setText("abcdefgh")  # long enough but one kind of character: refused
    dialog.secrets.repeat.setText("abcdefgh")
    dialog.secrets.password.setText(PASSWORD)
    out = tmp_path / "case.mdtpkg"
    dialog.file_edit.setText(str(out))
    dialog.start()
    assert dialog.error.isVisible() and "16" in dialog.error.text() and not out.exists()
    dialog.close()

    _export(qtbot, ctx, cc.sender, cc.case_no, out)
    assert out.is_file()

    rx = receiver.ctx
    untrusted = _import(qtbot, rx, receiver.admin, out)
    assert untrusted.content is not None and not untrusted.content.trusted
    assert not untrusted.import_button.isEnabled() and untrusted.error.isVisible()
    rx.packages.add_partner_root(receiver.admin, cc.root_pem, "测试县人民医院")

    wrong = _import(qtbot, rx, receiver.admin, out, passphrase="wrong-passphrase-9")
    assert wrong.error.text() == PackageWrongPassphrase(WRONG_PASSPHRASE).localized()
    assert wrong.content is None and not wrong.import_button.isEnabled() and counts(rx)["Case"] == 0

    good = _import(qtbot, rx, receiver.admin, out)
    text = good.details.toPlainText()
    assert cc.patient.name in text and cc.case_no in text and "测试县人民医院" in text
    assert good.import_button.isEnabled()
    save_shot(good, "package-import-content.png")
    with qtbot.waitSignal(good.importDone, timeout=60_000) as done:
        good.start_import()
    result = done.args[0]
    assert result.status == "imported" and result.case_no in good.status.text()
    assert _snapshot(rx, result.case_no) == _snapshot(ctx, cc.case_no)
    assert counts(rx)["Attachment"] == counts(ctx)["Attachment"]


def test_the_advisory_opinion_shows_on_the_meeting_screen_and_in_the_plan(qtbot, plain_county, tmp_path, receiver):
    from ui.meetings.capture.console import CaptureConsole
    from ui.session import Session

    ctx, admin, cc = plain_county.ctx, plain_county.admin, plain_county.cc
    sent = tmp_path / "case.mdtpkg"
    _export(qtbot, ctx, cc.sender, cc.case_no, sent, deidentify=True)
    rx = receiver.ctx
    rx.packages.add_partner_root(receiver.admin, cc.root_pem)
    got = rx.packages.import_package(receiver.admin, sent, PASSPHRASE)
    rx.credentials.create_hospital_ca(receiver.admin, "province-ca-pass-1")
    expert = actor(rx.users.create(receiver.admin, "sun", "孙教授", "physician", PASSWORD, title="chief",
                                   must_change_password=False))
    rx.credentials.request(expert, PASSWORD)
    rx.credentials.issue_pending(receiver.admin, "province-ca-pass-1")

    back = tmp_path / "opinion.mdtpkg"
    opinion = OpinionDialog(rx, expert, case_no=got.case_no)
    qtbot.addWidget(opinion)
    opinion.show()
    opinion.text.setPlainText(ADVICE)
    for field in (opinion.secrets.passphrase, opinion.secrets.repeat):
        field.setText(PASSPHRASE)
    opinion.secrets.password.setText(PASSWORD)
    opinion.file_edit.setText(str(back))
    save_shot(opinion, "package-opinion.png")
    with qtbot.waitSignal(opinion.exportDone, timeout=60_000) as done:
        opinion.start()
    assert not isinstance(done.args[0], BaseException), done.args[0]

    ctx.packages.add_partner_root(admin, rx.credentials.root_certificate_pem(), "省人民医院")
    arrived = _import(qtbot, ctx, cc.sender, back)
    assert ADVICE in arrived.details.toPlainText()
    with qtbot.waitSignal(arrived.importDone, timeout=60_000) as done:
        arrived.start_import()
    assert done.args[0].case_no == cc.case_no

    w = cc.world
    console = CaptureConsole(Session(ctx, w.h.secretary, ctx.setup.info()), w.meeting.id)
    qtbot.addWidget(console)
    console.resize(1280, 800)
    console.show()
    qtbot.waitUntil(lambda: console.advisory.isVisible(), timeout=20_000)
    shown = console.advisory.text()
    assert "上级医院会诊意见（参考）" in shown and "省人民医院" in shown and "孙教授" in shown and ADVICE in shown
    save_shot(console, "package-advisory-console.png")

    # The finalised (and possibly signed) version keeps its record; a new version carries the advice.
    before = ctx.plan_content.for_decision(admin, w.decision.id)
    assert before.external_opinions == ()
    draft = ctx.decisions.amend(w.h.chair, w.decision.id, "纳入上级医院会诊意见")
    pdf = ctx.documents.draft_pdf(w.h.chair, draft.id)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    flat = "".join(text.decode("utf-8").split())
    assert "上级医院会诊意见（参考）" in flat and "省人民医院" in flat and "孙教授" in flat
    assert "仅供参考" in flat and "胸腔镜右肺上叶切除" in flat
    from app.services.plan_content import canonical_record

    record = canonical_record(ctx.plan_content.for_decision(admin, draft.id)).decode("utf-8")
    assert ADVICE in record and "孙教授" in record  # the signature's record covers the advice
