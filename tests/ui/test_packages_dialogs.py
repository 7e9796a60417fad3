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
    export,
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
    save_shot(wrong, "package-import-wrong-passphrase.png")

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

    # A second package about the same patient: the dialog asks before adding the case to them.
    second = tmp_path / "again.mdtpkg"
    export(ctx, cc, second)
    again = _import(qtbot, rx, receiver.admin, second)
    asked = []
    again.ask_merge = lambda match: asked.append(match) or False
    before = counts(rx)
    again.start_import()
    assert [m.patient_id for m in asked] == [result.patient_id] and counts(rx) == before
    assert again.status.text() == "未导入任何内容。"
    again.ask_merge = lambda match: True
    with qtbot.waitSignal(again.importDone, timeout=60_000) as done:
        again.start_import()
    assert done.args[0].merged and done.args[0].patient_id == result.patient_id
    assert counts(rx)["Patient"] == before["Patient"] and counts(rx)["Case"] == before["Case"] + 1


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
    from ui.meetings.meeting_record import MeetingRecordView

    record_view = MeetingRecordView()
    qtbot.addWidget(record_view)
    record_view.show_record(ctx.meetings.record(admin, w.meeting.id),
                            advice={w.case.id: ctx.packages.external_opinions(admin, w.case.id)})
    record_text = record_view.case_text.toPlainText()
    assert "上级医院会诊意见（参考）" in record_text and ADVICE in record_text and "省人民医院" in record_text

    # The finalised (and possibly signed) version keeps its record; a new version carries the advice.
    before = ctx.plan_content.for_decision(admin, w.decision.id)
    assert before.external_opinions == ()
    draft = ctx.decisions.amend(w.h.chair, w.decision.id, "纳入上级医院会诊意见")
    pdf = ctx.documents.draft_pdf(w.h.chair, draft.id)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    flat = "".join(text.decode("utf-8").split())
    assert "上级医院会诊意见（参考）" in flat and "省人民医院" in flat and "孙教授" in flat
    assert "仅供参考" in flat and "胸腔镜右肺上叶切除" in flat
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "WenQuanYi" in fonts and "Helvetica" not in fonts
    from app.services.plan_content import canonical_record

    record = canonical_record(ctx.plan_content.for_decision(admin, draft.id)).decode("utf-8")
    assert ADVICE in record and "孙教授" in record  # the signature's record covers the advice


def test_the_case_list_opens_the_package_dialogs(qtbot, plain_county):
    from ui.cases.case_list import CaseListView

    ctx, cc = plain_county.ctx, plain_county.cc
    view = CaseListView(ctx, cc.sender)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and view.model.is_block_loaded(0), timeout=20_000)
    actions = view.package_actions
    assert actions.export_action.text() == "导出会诊包…" and actions.import_button.isVisible()
    view.table.selectRow(0)
    actions.export_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    assert dialog.preview.case_no == cc.case_no
    dialog.close()
    actions.import_action.trigger()
    assert isinstance(actions.dialog, ImportDialog)
    actions.dialog.close()
    reader = actor(ctx.users.create(plain_county.admin, "reader", "阅读者", "viewer", PASSWORD,
                                    must_change_password=False))
    other = CaseListView(ctx, reader)  # a viewer neither exports nor imports
    qtbot.addWidget(other)
    other.show()
    assert not other.package_actions.import_button.isVisible()
    assert not other.package_actions.export_action.isVisible()
