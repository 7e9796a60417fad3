"""The case state machine (DOMAIN.md §3): which transitions exist and which permission each needs."""

from __future__ import annotations

# (from, to) -> permission action
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "submitted"): "case.submit",
    ("returned", "submitted"): "case.submit",
    ("submitted", "approved"): "case.approve",
    ("submitted", "returned"): "case.return",
    ("submitted", "scheduled"): "case.schedule",
    ("approved", "scheduled"): "case.schedule",
    ("scheduled", "approved"): "case.schedule",  # taken off an agenda / postponed
    ("scheduled", "discussed"): "meeting.manage",
    ("discussed", "finalised"): "decision.finalise",
    ("finalised", "signed"): "document.sign",
    ("signed", "implementing"): "followup.record",
    ("implementing", "closed"): "case.close",
    ("signed", "closed"): "case.close",
    ("implementing", "rediscussion"): "case.submit",
    ("closed", "rediscussion"): "case.submit",
    ("rediscussion", "scheduled"): "case.schedule",
}
for _s in ("draft", "submitted", "approved", "returned", "scheduled", "rediscussion"):
    TRANSITIONS[(_s, "cancelled")] = "case.cancel"

# The order a case normally moves through, for timelines and demo data.
MAIN_PATH = ["draft", "submitted", "approved", "scheduled", "discussed", "finalised", "signed",
             "implementing", "closed"]


def permission_for(from_status: str, to_status: str) -> str | None:
    return TRANSITIONS.get((from_status, to_status))
