"""Who signs a decision: the team's policy applied to the people who actually attended.

Policies (Team.sign_policy, chosen per team because tumour boards differ; the schema default is
all_experts, which matches 病历书写基本规范: the record holds each discussant's opinion, so each discussant
attests it):
  chair_only      the meeting's chair;
  chair_recorder  the chair and the recorder (the MDT secretary who kept the record);
  all_experts     every attendee who signed in and has an account allowed to sign.
Only attendees who signed in sign (a guest without an account cannot hold a key and is printed, unsigned).
Order: experts in sign-in order, then the recorder, then the chair, who signs last and so seals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

POLICIES = ("chair_only", "chair_recorder", "all_experts")
DEFAULT_POLICY = "all_experts"


@dataclass(frozen=True)
class Person:
    user_id: int
    name: str
    title: str  # 职称 code
    department: str


@dataclass(frozen=True)
class Signer:
    person: Person
    role: str  # chair | recorder | expert
    field_name: str


def choose(policy: str, *, chair: Person | None, recorder: Person | None, attendees: list[Person],
           may_sign: Callable[[int], bool]) -> tuple[Signer, ...]:
    """The signers in signing order; `attendees` are those who signed in, in sign-in order."""
    policy = policy if policy in POLICIES else DEFAULT_POLICY
    present = {p.user_id for p in attendees}
    chair = chair if chair is not None and chair.user_id in present and may_sign(chair.user_id) else None
    recorder = (recorder if recorder is not None and recorder.user_id in present and may_sign(recorder.user_id)
                else None)
    ordered: list[tuple[Person, str]] = []
    if policy == "all_experts":
        taken = {x.user_id for x in (chair, recorder) if x is not None}
        seen: set[int] = set()
        for p in attendees:
            if p.user_id not in taken and p.user_id not in seen and may_sign(p.user_id):
                seen.add(p.user_id)
                ordered.append((p, "expert"))
    if recorder is not None and policy != "chair_only" and (chair is None or recorder.user_id != chair.user_id):
        ordered.append((recorder, "recorder"))
    if chair is not None:
        ordered.append((chair, "chair"))
    return tuple(Signer(p, role, f"sig{i + 1}_{role}") for i, (p, role) in enumerate(ordered))
