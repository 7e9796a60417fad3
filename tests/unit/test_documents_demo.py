"""The demo hospital's signed documents: finished meetings fully signed by demo users, one document waiting
in demo_doctor's queue, every signed file verifying against the demo CA, the folder still demo-only."""

import pytest
from demo_template import demo_copy
from sqlalchemy import select

from app.demo import DEMO_PASSWORD
from app.demo.signed import DEMO_CA_PASSPHRASE
from db.models import Document, Meeting


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from app.context import open_context

    ctx = open_context(demo_copy(tmp_path_factory, tmp_path_factory.mktemp("demo") / "data"))
    yield ctx
    ctx.close()


def test_a_finished_meeting_is_fully_signed_and_verifies(demo):
    with demo.db.read() as s:
        docs = s.execute(select(Document)).scalars().all()
        signed = [d for d in docs if d.status == "signed"]
        by_meeting = {}
        for d in docs:
            by_meeting.setdefault(d.meeting_id, []).append(d.status)
        assert all(s.get(Meeting, m).status == "closed" for m in by_meeting)
    assert any(all(st == "signed" for st in statuses) and len(statuses) > 2 for statuses in by_meeting.values())
    for d in signed[:3]:
        report = demo.documents.verify(demo.blobs.read_bytes(d.sha256))
        assert report.ok, report.problems
    assert demo.setup.info().is_demo


def test_demo_users_find_their_queue_and_can_sign_with_the_demo_password(demo):
    doctor = demo.auth.login("demo_doctor", DEMO_PASSWORD)
    [waiting] = demo.documents.pending_for(doctor)
    assert waiting.status == "signing"
    assert demo.documents.sign(doctor, waiting.id, DEMO_PASSWORD).signatures
    admin = demo.auth.login("demo_admin", DEMO_PASSWORD)
    assert demo.credentials.issue_pending(admin, DEMO_CA_PASSPHRASE) == 0  # the passphrase opens the CA key
