"""The role x action matrix. Checked in the services, next to the write, so CLI and GUI obey alike."""

from __future__ import annotations

from app.errors import PermissionDenied
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor

ALL = frozenset({"admin", "chair", "physician", "secretary", "viewer"})
CLINICAL = frozenset({"admin", "chair", "physician"})

MATRIX: dict[str, frozenset[str]] = {
    "case.view": ALL,
    "patient.create": frozenset({"admin", "chair", "physician", "secretary"}),
    "patient.update": frozenset({"admin", "chair", "physician", "secretary"}),
    "case.create": CLINICAL,
    "case.update": CLINICAL,
    "case.submit": CLINICAL,
    "case.approve": frozenset({"admin", "chair"}),
    "case.return": frozenset({"admin", "chair"}),
    "case.schedule": frozenset({"admin", "chair", "secretary"}),
    "case.cancel": frozenset({"admin", "chair", "physician"}),
    "case.close": frozenset({"admin", "chair", "physician"}),
    "attachment.add": frozenset({"admin", "chair", "physician", "secretary"}),
    "team.manage": frozenset({"admin", "secretary"}),
    "meeting.manage": frozenset({"admin", "chair", "secretary"}),
    "attendance.record": frozenset({"admin", "chair", "secretary"}),
    "opinion.record": frozenset({"admin", "chair", "physician", "secretary"}),
    # The secretary types the chair's summary and the plan during the meeting; only the chair finalises.
    "decision.edit": frozenset({"admin", "chair", "secretary"}),
    "decision.finalise": frozenset({"chair"}),
    "document.sign": frozenset({"chair", "physician", "secretary"}),
    # The hospital CA: create it, issue certificates for signers' requests, trust a licensed CA's root.
    "credentials.manage": frozenset({"admin"}),
    "document.print": frozenset({"admin", "chair", "physician", "secretary"}),
    "data.export": frozenset({"admin", "chair", "physician", "secretary"}),
    "identity.unmask": frozenset({"admin", "chair", "physician", "secretary"}),
    "followup.record": frozenset({"admin", "chair", "physician"}),
    # 执行情况 is written by the requesting / responsible doctor (病历书写基本规范).
    "execution.record": frozenset({"admin", "chair", "physician"}),
    "stats.view": frozenset({"admin", "chair", "physician", "secretary"}),
    "user.manage": frozenset({"admin"}),
    "settings.manage": frozenset({"admin"}),
    "audit.view": frozenset({"admin"}),
    # The secretary runs the board day to day: the weekly backup to a USB stick is theirs to make too.
    "backup.run": frozenset({"admin", "secretary"}),
}


def allowed(actor: Actor, action: str) -> bool:
    return actor.role in MATRIX[action]


def require(actor: Actor, action: str) -> None:
    if action not in MATRIX:
        raise KeyError(action)
    if not allowed(actor, action):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "Your role does not allow this action ({action})."),
            action=action,
        )
