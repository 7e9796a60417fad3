"""The quorum of an MDT meeting (DOMAIN.md §3): who must be present for a decision to count.

Pure: the services hand in who is present; nothing here touches the database. A team's rule is a dict
stored in `Team.quorum_rule`; missing keys take the hospital default (`reference.DEFAULT_QUORUM`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from app.domain.reference import DEFAULT_QUORUM
from app.domain.vocab import TITLE_GRADE, TITLES, label
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import translate

CTX = "quorum"
MODES = ("block", "warn")
ATTENDING = TITLE_GRADE["attending"]

TEXTS = {
    "disciplines": N("quorum", "Fewer than {n} disciplines are represented by experts of {title} or above "
                               "({found} present)."),
    "pathology": N("quorum", "No pathologist is present; a first pre-treatment discussion needs pathology."),
    "radiology": N("quorum", "No radiologist is present; a first pre-treatment discussion needs radiology."),
    "attending": N("quorum", "Fewer than {n} attendees of attending grade or above ({found} present)."),
    "chair": N("quorum", "The chair is not present."),
}


class Attendee(NamedTuple):
    """Someone present: discipline code ("" if none), title code (职称), role in the meeting."""

    discipline: str
    title: str
    role: str = "core"  # chair | secretary | core | guest


@dataclass(frozen=True)
class Unmet:
    """One condition that is not met: its code, the English source text and the values it quotes."""

    code: str
    text: str
    args: tuple[tuple[str, object], ...] = ()

    def message(self) -> str:
        """In the user's language once the UI installed its translator, English otherwise."""
        values = dict(self.args)
        if "title" in values:
            values["title"] = label("title", str(values["title"]))
        return translate(CTX, self.text).format(**values)


@dataclass(frozen=True)
class QuorumResult:
    met: bool
    reasons: tuple[str, ...]  # source texts (context "quorum") of the unmet conditions, in rule order
    mode: str  # block | warn: what an unmet quorum does to the meeting
    unmet: tuple[Unmet, ...] = ()
    disciplines: tuple[str, ...] = ()  # disciplines represented by experts of the required title
    attending_or_above: int = 0
    chair_present: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.unmet)

    def messages(self) -> list[str]:
        return [u.message() for u in self.unmet]


def _int(rule: dict, key: str, low: int, high: int) -> int:
    value = rule[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(N("errors", "The quorum setting {key} must be a whole number from {low} to "
                                          "{high}."), field=key, key=key, low=low, high=high)
    return value


def _bool(rule: dict, key: str) -> bool:
    if not isinstance(rule[key], bool):
        raise ValidationError(N("errors", "The quorum setting {key} must be yes or no."), field=key, key=key)
    return rule[key]


def validate_rule(rule: dict | None) -> dict:
    """The complete rule: unknown keys and wrong values refused, missing keys filled from the default."""
    given = dict(rule or {})
    unknown = sorted(set(given) - set(DEFAULT_QUORUM))
    if unknown:
        raise ValidationError(N("errors", "Unknown quorum setting: {key}."), field=unknown[0], key=unknown[0])
    full = {**DEFAULT_QUORUM, **given}
    title = full["min_title_for_expert"]
    if title and title not in TITLES:
        raise ValidationError(N("errors", "Unknown title: {title}."), field="min_title_for_expert", title=title)
    if full["mode"] not in MODES:
        raise ValidationError(N("errors", "The quorum mode is either block or warn."), field="mode")
    return {
        "min_disciplines": _int(full, "min_disciplines", 0, 20),
        "min_title_for_expert": title or "",
        "require_pathology_radiology_first_pre_treatment":
            _bool(full, "require_pathology_radiology_first_pre_treatment"),
        "min_attending_or_above": _int(full, "min_attending_or_above", 0, 50),
        "require_chair": _bool(full, "require_chair"),
        "mode": full["mode"],
    }


def evaluate(rule: dict | None, present, first_pre_treatment: bool = False) -> QuorumResult:
    """Check `present` (Attendee or (discipline, title, role) tuples) against the rule.

    - experts: attendees whose title is at least `min_title_for_expert` on the physicians' ladder
      (TITLE_GRADE); the disciplines they represent are counted (guests from upper-level hospitals count);
    - pathology and radiology: any attendee of that discipline, for a first pre-treatment discussion;
    - attending or above: attendees with TITLE_GRADE >= attending (nurses and pharmacists are not on it);
    - chair: an attendee whose role is "chair".
    """
    r = validate_rule(rule)
    people = [Attendee(*p) for p in present]
    min_grade = TITLE_GRADE[r["min_title_for_expert"]] if r["min_title_for_expert"] else 0
    expert_disciplines = sorted({p.discipline for p in people
                                 if p.discipline and TITLE_GRADE.get(p.title, 0) >= min_grade})
    attending = sum(1 for p in people if TITLE_GRADE.get(p.title, 0) >= ATTENDING)
    chair = any(p.role == "chair" for p in people)
    disciplines_present = {p.discipline for p in people}

    unmet: list[Unmet] = []
    if len(expert_disciplines) < r["min_disciplines"]:
        unmet.append(Unmet("disciplines", TEXTS["disciplines"],
                           (("n", r["min_disciplines"]), ("title", r["min_title_for_expert"] or "resident"),
                            ("found", len(expert_disciplines)))))
    if first_pre_treatment and r["require_pathology_radiology_first_pre_treatment"]:
        for code in ("pathology", "radiology"):
            if code not in disciplines_present:
                unmet.append(Unmet(code, TEXTS[code]))
    if attending < r["min_attending_or_above"]:
        unmet.append(Unmet("attending", TEXTS["attending"],
                           (("n", r["min_attending_or_above"]), ("found", attending))))
    if r["require_chair"] and not chair:
        unmet.append(Unmet("chair", TEXTS["chair"]))
    return QuorumResult(not unmet, tuple(u.text for u in unmet), r["mode"], tuple(unmet),
                        tuple(expert_disciplines), attending, chair)
