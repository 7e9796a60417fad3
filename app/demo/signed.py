"""Demo signatures: a hospital CA, every demo signer enrolled, and finished meetings fully signed.

Documented demo secrets: every demo user's password is DEMO_PASSWORD ("Demo2026!"); the demo hospital CA's
passphrase is DEMO_CA_PASSPHRASE ("DemoCA-2026!"). The three teams show the three signing policies:
thoracic all_experts, digestive chair_recorder, gynaecological/breast chair_only. Every decision of the
digestive team's latest closed meeting is signed; of the women's team's latest closed meeting the first two
(building each document is the cost, so the demo stays quick); in the thoracic team's latest closed meeting
the first decision is signed by every expert and the second waits for its signers (so demo_doctor and
demo_chair find a document in their signing queue).

Keys and handwriting are written directly (the demo knows the passwords, so it skips the login checks the
services repeat); the documents themselves are built and signed through DocumentService, the real path.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.demo.people import DEMO_PASSWORD, TEAMS
from app.i18n import QT_TRANSLATE_NOOP
from app.services import audit_chain
from app.services.auth import actor_of
from app.services.documents import allowed_role
from app.signing import ca, secret_box, user_keys
from app.signing.rekey import handwriting_purpose
from db.models import Decision, Discussion, HospitalSettings, Meeting, Team, TeamMember, User, UserCredential

if TYPE_CHECKING:
    from app.context import AppContext

DEMO_CA_PASSPHRASE = "DemoCA-2026!"
POLICIES = ("all_experts", "chair_recorder", "chair_only")  # by team, in TEAMS order


def handwriting(name: str, seed: int) -> bytes:
    """The name written in blue ink, slanted and a little uneven, on a transparent background."""
    from PIL import Image, ImageDraw, ImageFont

    from app.documents.fonts import font_path

    r = random.Random(seed)
    font = ImageFont.truetype(str(font_path()), 96)
    img = Image.new("RGBA", (120 * len(name) + 80, 170), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    x = 30
    for ch in name:
        draw.text((x, 20 + r.randint(-8, 8)), ch, font=font, fill=(18, 38, 140, 255), stroke_width=2,
                  stroke_fill=(18, 38, 140, 255))
        x += 100 + r.randint(-10, 6)
    draw.line([(25, 150), (x, 132 + r.randint(-6, 6))], fill=(18, 38, 140, 255), width=4)
    img = img.transform(img.size, Image.Transform.AFFINE, (1, 0.25, -30, 0, 1, 0), Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def _enrol_everyone(ctx: AppContext, s, admin) -> None:
    h = s.get(HospitalSettings, 1)
    root = ca.create_root(h.name, DEMO_CA_PASSPHRASE)
    root_key = ca.open_root_key(root.key_sealed, DEMO_CA_PASSPHRASE)
    h.ca_cert_pem, h.ca_key_encrypted = root.cert_pem, root.key_sealed
    from app.services.credentials import verification_keys

    verification_keys(s, create=True)
    audit_chain.record(s, admin, "ca_create", "hospital_settings", h.id, new={"fingerprint": root.fingerprint})
    for u in s.execute(select(User).order_by(User.id)).scalars():
        if not allowed_role(u.role):
            continue
        u.signature_encrypted = secret_box.seal(DEMO_PASSWORD, handwriting(u.display_name, u.id),
                                                handwriting_purpose(u.id))
        req = user_keys.make_request(u.id, u.display_name, DEMO_PASSWORD)
        cert = ca.issue(root.cert_pem, root_key, req.request_pem, common_name=u.display_name,
                        organisation=h.name, user_id=u.id)
        c = UserCredential(user_id=u.id, kind="inhouse", cert_pem=cert, key_encrypted=req.key_sealed,
                           fingerprint_sha256=ca.fingerprint_hex(cert))
        s.add(c)
        s.flush()
        audit_chain.record(s, admin, "credential_issue", "user_credential", c.id,
                           new={"user": u.username, "fingerprint": c.fingerprint_sha256})


def _latest_closed(s, team_id: int) -> list[int]:
    """Finalised decisions of the team's latest closed meeting, in agenda order."""
    m = s.execute(select(Meeting).where(Meeting.team_id == team_id, Meeting.status == "closed")
                  .order_by(Meeting.scheduled_at.desc())).scalars().first()
    if m is None:
        return []
    return list(s.execute(select(Decision.id).join(Discussion, Discussion.id == Decision.discussion_id)
                          .where(Discussion.meeting_id == m.id, Decision.status == "finalised")
                          .order_by(Discussion.agenda_item_id)).scalars())


@contextmanager
def published_password_boxes():
    """The demo password is published, so an expensive key derivation protects nothing: the demo seals with
    the cheapest argon2 profile (each box records its own parameters; a password change re-seals at full cost)."""
    saved = secret_box.TIME_COST, secret_box.MEMORY_KIB
    secret_box.TIME_COST, secret_box.MEMORY_KIB = 1, 64
    try:
        yield
    finally:
        secret_box.TIME_COST, secret_box.MEMORY_KIB = saved


def sign_demo_meetings(ctx: AppContext, say: Callable[[str], None]) -> int:
    """Returns how many documents were fully signed."""
    with published_password_boxes():
        return _sign(ctx, say)


def _sign(ctx: AppContext, say: Callable[[str], None]) -> int:
    say(QT_TRANSLATE_NOOP("demo", "Signing the decisions of finished meetings…"))
    with ctx.db.session() as s:
        admin = actor_of(s.execute(select(User).where(User.username == "demo_admin")).scalar_one())
        _enrol_everyone(ctx, s, admin)
        plan = []
        for spec, policy in zip(TEAMS, POLICIES, strict=True):
            team = s.execute(select(Team).where(Team.name == spec.name)).scalar_one()
            if team.sign_policy != policy:
                audit_chain.record(s, admin, "update", "team", team.id, old={"sign_policy": team.sign_policy},
                                   new={"sign_policy": policy})
                team.sign_policy = policy
            chair = s.execute(select(User).join(TeamMember, TeamMember.user_id == User.id).where(
                TeamMember.team_id == team.id, TeamMember.team_role == "chair")).scalars().first()
            decisions = _latest_closed(s, team.id)
            if policy == "all_experts":
                decisions = decisions[:2]  # one signed by all, one waiting: a queue to show
            elif policy == "chair_only":
                decisions = decisions[:2]  # building each document is what costs: keep the demo quick
            plan.append((actor_of(chair), decisions, policy == "all_experts"))
    signed = 0
    for chair, decisions, partly in plan:
        for i, decision_id in enumerate(decisions):
            doc = ctx.documents.start_signing(chair, decision_id)
            if partly and i > 0:
                continue
            for slot in doc.signatures:
                with ctx.db.read() as s:
                    signer = actor_of(s.get(User, slot.user_id))
                doc = ctx.documents.sign(signer, doc.id, DEMO_PASSWORD)
            signed += doc.signed
    with ctx.db.session() as s:
        s.get(HospitalSettings, 1).is_demo = True  # signing through the services counted as real work
    return signed
