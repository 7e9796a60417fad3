"""A hospital in which every mutating service call has something to act on, for the role x action tests.

Built once (through the services) into a template folder; each test works on a fresh copy, so a call that
succeeds for one role cannot change what the next role finds. `fingerprint` is the whole database as SQL
text, hashed: "nothing changed" means byte-for-byte the same rows.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cli_helpers import ADMIN_PASSWORD
from meeting_factory import PASSWORD, captured, hospital, make_case, running_meeting, scheduled_meeting
from PIL import Image

from app.config import DataDir
from app.context import open_context
from app.records import Actor

ROLES = ("admin", "chair", "physician", "secretary", "viewer")
USER_OF_ROLE = {"admin": "admin", "chair": "chen", "physician": "zhou", "secretary": "liu", "viewer": "guest"}


@dataclass(frozen=True)
class World:
    """Ids of the things the calls act on (the same in every copy)."""

    files: Path  # input files outside the data folder (a photo, a patient list)
    actors: dict[str, Actor]  # by role
    team_id: int
    member_id: int  # a core member (林秀英)
    spare_team_id: int  # a team without meetings
    patient_id: int
    draft_case_id: int  # a draft, complete enough to submit
    submitted_case_id: int  # waiting for approval
    planned_id: int  # a planned meeting tomorrow with two items, the team invited
    planned_items: tuple[int, int]
    guest_attendance_id: int  # the outside expert in the planned meeting, not signed in
    running_id: int  # a started meeting, everyone signed in
    pending_item_id: int  # not opened yet
    captured_item_id: int  # opinion + draft decision captured
    draft_decision_id: int
    final_decision_id: int  # finalised, nothing pending
    amendment_id: int  # a pending amendment of another finalised decision
    signed_in_id: int  # 黄振华 in the running meeting, signed in, no opinion
    zhou_attendance_id: int  # 周海涛 in the running meeting (has an opinion)
    bare_meeting_id: int  # a planned meeting nobody is invited to yet
    listed_item_id: int  # a "listed" item (standard decision, no discussion) in the running meeting
    attachment_case_id: int
    attachment_id: int  # a photo of that case
    key_image_id: int
    spare_user_id: int  # an account nobody used: deletable
    idle_user_id: int  # an account that logged in: only disabled


def _photo(path: Path) -> Path:
    Image.new("RGB", (32, 24), (120, 60, 30)).save(path)
    return path


def build(root: Path) -> World:
    files = root / "files"
    files.mkdir(parents=True)
    _photo(files / "photo.png")
    _photo(files / "second.png")
    (files / "patients.csv").write_text("姓名,性别,住院号\n钱七,男,ZY7777\n", encoding="utf-8")
    ctx = open_context(DataDir(root / "data"), create=True)
    try:
        admin = ctx.setup.initialise("测试县人民医院", "admin", ADMIN_PASSWORD, "管理员")
        with pytest.MonkeyPatch.context() as mp:
            h = hospital(ctx, admin, mp, cases=6)
            guest = ctx.users.create(admin, "guest", "访客", "viewer", PASSWORD, must_change_password=False)
            spare = ctx.users.create(admin, "spare", "备用账号", "physician", PASSWORD)
            idle = ctx.users.create(admin, "idle", "离职医生", "physician", PASSWORD, must_change_password=False)
        ctx.auth.login("idle", PASSWORD)
        actors = {"admin": admin, "viewer": Actor(guest.id, guest.username, guest.display_name, "viewer"),
                  "chair": h.actors["chen"], "physician": h.actors["zhou"], "secretary": h.actors["liu"]}
        c = h.cases
        draft = make_case(ctx, admin, h.team.id, "吴草稿", "ZY900", submit=False)
        submitted = c[5]
        planned = scheduled_meeting(ctx, h, cases=[c[0], c[1]])
        guest_row = ctx.attendance.add_guest(h.secretary, planned.id, "邵明哲", organisation="省人民医院")
        running, ids = running_meeting(ctx, h, cases=[c[2], c[3], c[4]])
        items = [i.id for i in running.agenda]
        draft_state = captured(ctx, h, items[0], ids)
        final = captured(ctx, h, items[1], ids)
        ctx.decisions.finalise(h.chair, final.draft.id)
        # A second finalised decision with an amendment waiting (for discarding); its item is the third.
        other = captured(ctx, h, items[2], ids)
        ctx.decisions.finalise(h.chair, other.draft.id)
        amendment = ctx.decisions.amend(h.chair, other.draft.id, "笔误更正")
        # The pending item: a fourth case added to the running meeting.
        extra = make_case(ctx, admin, h.team.id, "郑待议", "ZY901")
        pending = ctx.agenda.add(h.secretary, running.id, extra.id, minutes=10)
        listed_case = make_case(ctx, admin, h.team.id, "冯随访", "ZY902")
        listed = ctx.agenda.add(h.secretary, running.id, listed_case.id, track="listed",
                                standard_decision="按指南定期随访")
        bare = ctx.meetings.schedule(h.secretary, h.team.id, datetime.now().replace(
            hour=10, minute=0, second=0, microsecond=0) + timedelta(days=7))
        spare_team = ctx.teams.create(admin, "头颈肿瘤MDT")
        attachment = ctx.attachments.add_file(admin, c[0].id, files / "photo.png", "imaging")
        key = ctx.key_images.add(admin, c[0].id, attachment)
        return World(
            files=files, actors=actors, team_id=h.team.id, member_id=h.members["lin"].id,
            spare_team_id=spare_team.id,
            patient_id=draft.patient.id, draft_case_id=draft.id, submitted_case_id=submitted.id,
            planned_id=planned.id, planned_items=(planned.agenda[0].id, planned.agenda[1].id),
            guest_attendance_id=guest_row.id, running_id=running.id, pending_item_id=pending.id,
            captured_item_id=items[0], draft_decision_id=draft_state.draft.id,
            final_decision_id=final.draft.id, amendment_id=amendment.id,
            signed_in_id=ids["黄振华"], zhou_attendance_id=ids["周海涛"], attachment_id=attachment,
            key_image_id=key, bare_meeting_id=bare.id, listed_item_id=listed.id, attachment_case_id=c[0].id, spare_user_id=spare.id, idle_user_id=idle.id,
        )
    finally:
        ctx.close()


def copy_data(template: Path, target: Path) -> DataDir:
    shutil.copytree(template / "data", target)
    return DataDir(target)


def fingerprint(data_dir: DataDir) -> str:
    """Every row of every table, and the names of the stored files."""
    con = sqlite3.connect(data_dir.db_path)
    try:
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    blobs = sorted(str(p.relative_to(data_dir.blobs)) for p in data_dir.blobs.rglob("*") if p.is_file())
    return hashlib.sha256((dump + "\n".join(blobs)).encode()).hexdigest()
