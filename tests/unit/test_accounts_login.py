"""Accounts: the password policy, lockout by the hospital's rules, unlock, forced change, all audited."""

from datetime import timedelta

import pytest

from app.errors import AuthenticationError, PermissionDenied, ValidationError
from app.security.passwords import check_policy
from db.base import utcnow
from db.models import AuditEvent, User


def _actions(ctx) -> list[str]:
    with ctx.db.read() as s:
        return [a for (a,) in s.query(AuditEvent.action).order_by(AuditEvent.id)]


@pytest.mark.parametrize("password, reason", [
    ("Ab1", "at least 8"),
    ("abcdefghij", "letters and digits"),
    ("1234567890", "letters and digits"),
    ("zhang2026", "user name"),
    ("ZHANG2026", "user name"),
    ("6202gnahz", "user name"),
])
def test_the_password_policy_says_what_is_wrong(password, reason):
    with pytest.raises(ValidationError) as err:
        check_policy(password, "zhang2026")
    assert reason in str(err.value) and err.value.field == "password"


def test_a_good_password_passes():
    check_policy("Zhang2026", "zhangsan")
    check_policy("病历安全2026", "zhangsan")


def test_the_user_name_as_password_is_refused_when_creating_and_changing(ctx, admin):
    with pytest.raises(ValidationError, match="user name"):
        ctx.users.create(admin, "wangwei01", "王医生", "physician", "WangWei01")
    ctx.users.create(admin, "wangwei01", "王医生", "physician", "Start2026x")
    wang = ctx.auth.login("wangwei01", "Start2026x")
    with pytest.raises(ValidationError, match="user name"):
        ctx.auth.change_password(wang, "Start2026x", "10iewgnaw")


def test_lockout_follows_the_admins_settings_and_is_audited(ctx, admin):
    ctx.account_settings.update(admin, lockout_attempts=3, lockout_minutes=30)
    ctx.users.create(admin, "li", "李医生", "physician", "Li2026pass", must_change_password=False)
    for _ in range(2):
        with pytest.raises(AuthenticationError, match="Wrong user name"):
            ctx.auth.login("li", "nope")
    with pytest.raises(AuthenticationError, match="locked for 30 more minutes"):
        ctx.auth.login("li", "nope")
    with pytest.raises(AuthenticationError, match="locked"):
        ctx.auth.login("li", "Li2026pass")
    assert _actions(ctx)[-5:] == ["login_failed", "login_failed", "login_failed", "account_locked",
                                  "login_failed"]
    # After the lockout time the right password works again.
    with ctx.db.session() as s:
        u = s.query(User).filter_by(username="li").one()
        u.locked_until = utcnow() - timedelta(seconds=1)
    assert ctx.auth.login("li", "Li2026pass").username == "li"


def test_default_policy_is_five_attempts_fifteen_minutes_ten_minutes_idle(ctx):
    p = ctx.account_settings.policy()
    assert (p.lockout_attempts, p.lockout_minutes, p.idle_lock_minutes) == (5, 15, 10)


def test_only_the_admin_changes_the_account_rules_and_out_of_range_is_refused(ctx, admin):
    ctx.users.create(admin, "chair", "主任", "chair", "Chair2026x", must_change_password=False)
    chair = ctx.auth.login("chair", "Chair2026x")
    with pytest.raises(PermissionDenied):
        ctx.account_settings.update(chair, idle_lock_minutes=60)
    with pytest.raises(ValidationError, match="from 1 to 240"):
        ctx.account_settings.update(admin, idle_lock_minutes=0)
    assert ctx.account_settings.update(admin, idle_lock_minutes=5).idle_lock_minutes == 5
    assert ctx.account_settings.policy().idle_lock_minutes == 5
    with ctx.db.read() as s:
        ev = s.query(AuditEvent).order_by(AuditEvent.id.desc()).first()
    assert (ev.action, ev.entity, ev.old, ev.new) == ("update", "settings", {"idle_lock_minutes": 10},
                                                      {"idle_lock_minutes": 5})


def test_a_disabled_user_cannot_log_in_and_is_told_why(ctx, admin):
    u = ctx.users.create(admin, "zhou", "周医生", "physician", "Zhou2026x", must_change_password=False)
    ctx.users.set_active(admin, u.id, False)
    with pytest.raises(AuthenticationError, match="disabled"):
        ctx.auth.login("zhou", "Zhou2026x")
    assert _actions(ctx)[-2:] == ["disable", "login_failed"]
    ctx.users.set_active(admin, u.id, True)
    assert ctx.auth.login("zhou", "Zhou2026x").user_id == u.id


def test_unlock_needs_the_same_users_password_and_counts_failures(ctx, admin):
    with pytest.raises(AuthenticationError):
        ctx.auth.unlock(admin, "wrong")
    assert ctx.auth.unlock(admin, "Admin2026!").user_id == admin.user_id
    assert _actions(ctx)[-2:] == ["unlock_failed", "unlock"]
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            ctx.auth.unlock(admin, "wrong")
    with pytest.raises(AuthenticationError, match="locked"):
        ctx.auth.unlock(admin, "Admin2026!")


def test_created_and_reset_accounts_must_change_their_password(ctx, admin):
    u = ctx.users.create(admin, "sun", "孙秘书", "secretary", "Temp2026x")
    first = ctx.auth.login("sun", "Temp2026x")
    assert first.must_change_password
    after = ctx.auth.change_password(first, "Temp2026x", "Mine2026x")
    assert not after.must_change_password
    assert not ctx.auth.login("sun", "Mine2026x").must_change_password
    ctx.users.reset_password(admin, u.id, "Reset2026x")
    assert ctx.auth.login("sun", "Reset2026x").must_change_password
    assert "password_reset" in _actions(ctx) and "password_change" in _actions(ctx)


def test_an_admin_reset_lifts_a_lockout(ctx, admin):
    u = ctx.users.create(admin, "he", "何医生", "physician", "He2026pass", must_change_password=False)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            ctx.auth.login("he", "nope")
    ctx.users.reset_password(admin, u.id, "Fresh2026x")
    assert ctx.auth.login("he", "Fresh2026x").must_change_password
