"""Disabling and deleting accounts: a user who appears in any record is never deleted."""

import pytest

from app.errors import ConflictError, PermissionDenied
from app.services.integrity import check_data_dir
from db.models import AuditEvent, User


def test_a_user_who_never_acted_can_be_deleted_and_the_deletion_is_audited(ctx, admin):
    u = ctx.users.create(admin, "typo", "打错了", "viewer", "Typo2026x")
    assert ctx.users.can_delete(admin, u.id)
    ctx.users.delete(admin, u.id)
    assert "typo" not in [r.username for r in ctx.users.list(admin)]
    with ctx.db.read() as s:
        ev = s.query(AuditEvent).order_by(AuditEvent.id.desc()).first()
    assert (ev.action, ev.entity, ev.entity_id, ev.old["username"]) == ("delete", "user", u.id, "typo")
    assert check_data_dir(ctx.data_dir).ok  # the chain still verifies


def test_a_user_who_logged_in_cannot_be_deleted_and_is_told_to_disable(ctx, admin):
    u = ctx.users.create(admin, "li", "李医生", "physician", "Li2026pass", must_change_password=False)
    ctx.auth.login("li", "Li2026pass")
    assert not ctx.users.can_delete(admin, u.id)
    with pytest.raises(ConflictError) as err:
        ctx.users.delete(admin, u.id)
    assert "李医生" in str(err.value) and "Disable the account" in str(err.value)
    with ctx.db.read() as s:
        assert s.get(User, u.id) is not None


def test_a_user_named_in_a_record_cannot_be_deleted(ctx, admin):
    """Never logged in, but the admin made them a team member: they appear in the records."""
    u = ctx.users.create(admin, "wu", "吴主任", "chair", "Wu2026pass")
    team = ctx.teams.create(admin, "胸部肿瘤MDT")
    ctx.teams.add_member(admin, team.id, user_id=u.id)
    with pytest.raises(ConflictError):
        ctx.users.delete(admin, u.id)


def test_nobody_disables_or_deletes_their_own_account(ctx, admin):
    with pytest.raises(ConflictError):
        ctx.users.set_active(admin, admin.user_id, False)
    with pytest.raises(ConflictError):
        ctx.users.delete(admin, admin.user_id)


def test_only_the_admin_manages_accounts(ctx, admin):
    u = ctx.users.create(admin, "sec", "秘书", "secretary", "Sec2026pass", must_change_password=False)
    sec = ctx.auth.login("sec", "Sec2026pass")
    for call in (lambda: ctx.users.set_active(sec, admin.user_id, False),
                 lambda: ctx.users.reset_password(sec, admin.user_id, "Hack2026x"),
                 lambda: ctx.users.delete(sec, u.id)):
        with pytest.raises(PermissionDenied):
            call()
