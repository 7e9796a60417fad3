"""Shared machinery for AJCC 8th edition stage grouping: categories, factor parsing, rule tables.

A site module describes its T/N/M categories (``Axis``) and its published tables as rows
(``RuleTable``), written the way the AJCC manual prints them: "When T is ... and N is ... and
M is ... then the stage group is ...". ``engine.py`` does the rest (unknown categories, missing
factors, messages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

PREFIXES = ("c", "p", "yc", "yp")

# Display/sort order of every group any table here can return.
GROUP_ORDER = ("Occult carcinoma", "0", "I", "IA", "IA1", "IA2", "IA3", "IB", "IC", "II", "IIA", "IIB",
               "IIC", "III", "IIIA", "IIIB", "IIIC", "IV", "IVA", "IVB", "IVC")


@dataclass(frozen=True)
class StagingInput:
    site: str
    prefix: str
    t: str
    n: str
    m: str
    extra: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class StageResult:
    group: str | None
    missing: tuple[str, ...] = ()
    message: str = ""
    table: str = ""


def sort_groups(groups) -> list[str]:
    rank = {g: i for i, g in enumerate(GROUP_ORDER)}
    return sorted(groups, key=lambda g: (rank.get(g, len(rank)), g))


# --- categories ---------------------------------------------------------------------------------

_RAW_RE = re.compile(r"^(?:yp|yc|rp|rc|ap|c|p|y|r|a)?(?P<letter>[tnm])?(?P<body>.*)$")


class Axis:
    """The categories of one of T, N, M for one site.

    ``choices`` is the pick list (with TX/NX first). ``groups`` maps a category that stands for
    several table rows (T1 = T1mi/T1a/T1b/T1c, M1 = M1a/M1b/M1c, ...) to those categories; the
    X category is added automatically and stands for all of them. ``hidden`` are accepted
    spellings that are not offered in the pick list.
    """

    def __init__(self, letter: str, choices: str, groups: Mapping[str, str] | None = None,
                 hidden: str = "", unknown: bool = True):
        self.letter = letter
        groups = {k: tuple(v.split()) for k, v in (groups or {}).items()}
        listed = tuple(choices.split()) + tuple(hidden.split())
        self.leaves = tuple(c for c in dict.fromkeys(listed) if c not in groups and c != letter + "X")
        self.unknown = letter + "X" if unknown else None
        if self.unknown:
            groups[self.unknown] = self.leaves
        self.groups = groups
        self.choices = tuple(choices.split())
        accepted = set(listed) | set(groups)
        self._by_body = {c[1:].lower(): c for c in accepted}

    def expand(self, category: str) -> tuple[str, ...]:
        return self.groups.get(category, (category,))

    def parse(self, raw: object, site: str) -> tuple[str | None, str]:
        """Normalise "cT2a", "2A", "t2a" to "T2a". Returns (category, "") or (None, message)."""
        if raw is None or not str(raw).strip():
            return None, f"The {self.letter} category is missing"
        text = str(raw).strip()
        match = _RAW_RE.match(re.sub(r"\s+", "", text).lower())
        letter, body = (match.group("letter"), match.group("body")) if match else (None, "")
        if letter and letter.upper() != self.letter:
            return None, f"'{text}' is not a {self.letter} category"
        if body == "1a(mi)":  # IASLC spelling of the minimally invasive T1mi
            body = "1mi"
        body = re.sub(r"\(.*?\)", "", body)
        category = self._by_body.get(body)
        if category is None:
            if self.letter == "M" and body == "x":
                return None, ("MX is not used in AJCC 8: record M0 when there is no evidence of "
                              "distant metastasis")
            return None, f"{self.letter} category '{text}' does not exist for {site}"
        return category, ""


# --- extra factors ------------------------------------------------------------------------------

_POSITIVE = {"+", "pos", "positive", "yes", "true", "阳性"}
_NEGATIVE = {"-", "neg", "negative", "no", "false", "阴性"}
_HER2_IHC = {"3+": "+", "0": "-", "1+": "-"}


def _receptor(name: str) -> Callable[[object], str]:
    def parse(value: object) -> str:
        if isinstance(value, bool):
            return "+" if value else "-"
        text = str(value).strip().lower().replace("（", "(").replace("）", ")")
        if text in _POSITIVE:
            return "+"
        if text in _NEGATIVE:
            return "-"
        if name == "her2" and text in _HER2_IHC:
            return _HER2_IHC[text]
        hint = " (HER2 2+ must be resolved by ISH first)" if name == "her2" and text == "2+" else ""
        raise ValueError(f"Invalid value '{value}' for {name}: expected '+' or '-'{hint}")
    return parse


def _grade(value: object) -> str:
    text = str(value).strip().upper().replace("GRADE", "").strip()
    text = text[1:] if text.startswith("G") else text
    if text in {"1", "2", "3"}:
        return text
    if text in {"X", "UNKNOWN"}:
        return "X"
    raise ValueError(f"Invalid value '{value}' for grade: expected 1, 2, 3 or X")


_HISTOLOGY = {"squamous": "squamous", "scc": "squamous", "squamous cell carcinoma": "squamous",
              "adenosquamous": "squamous", "鳞癌": "squamous", "鳞状细胞癌": "squamous",
              "adenocarcinoma": "adenocarcinoma", "adeno": "adenocarcinoma", "ac": "adenocarcinoma",
              "腺癌": "adenocarcinoma"}
_LOCATION = {"upper": "upper", "cervical": "upper", "上段": "upper", "middle": "middle", "中段": "middle",
             "lower": "lower", "下段": "lower", "x": "X", "unknown": "X"}


def _lookup(name: str, table: Mapping[str, str], expected: str) -> Callable[[object], str]:
    def parse(value: object) -> str:
        key = str(value).strip().lower()
        if key not in table:
            raise ValueError(f"Invalid value '{value}' for {name}: expected {expected}")
        return table[key]
    return parse


def _oncotype(value: object) -> str:
    try:
        score = float(str(value).strip())
    except ValueError:
        score = -1.0
    if not 0 <= score <= 100:
        raise ValueError(f"Invalid value '{value}' for oncotype: expected a recurrence score 0-100")
    return str(score)


@dataclass(frozen=True)
class Factor:
    name: str
    domain: tuple[str, ...]  # the values tried when the factor is not given
    parse: Callable[[object], str]


FACTORS: dict[str, Factor] = {f.name: f for f in (
    Factor("histology", ("squamous", "adenocarcinoma"),
           _lookup("histology", _HISTOLOGY, "'squamous' or 'adenocarcinoma'")),
    Factor("grade", ("1", "2", "3"), _grade),
    Factor("location", ("upper", "middle", "lower"),
           _lookup("location", _LOCATION, "'upper', 'middle', 'lower' or 'X'")),
    Factor("er", ("+", "-"), _receptor("er")),
    Factor("pr", ("+", "-"), _receptor("pr")),
    Factor("her2", ("+", "-"), _receptor("her2")),
    Factor("oncotype", (), _oncotype),
)}
_FACTOR_ALIASES = {"oncotype_score": "oncotype", "recurrence_score": "oncotype", "g": "grade"}


def parse_factors(extra: Mapping[str, object] | None, names: tuple[str, ...]) -> tuple[dict[str, str], str]:
    """Parse the factors ``names`` out of ``extra``. Absent/blank values are left out."""
    given: dict[str, object] = {}
    for key, value in (extra or {}).items():
        key = _FACTOR_ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        if value is not None and str(value).strip() != "":
            given[key] = value
    values: dict[str, str] = {}
    for name in names:
        if name in given:
            try:
                values[name] = FACTORS[name].parse(given[name])
            except ValueError as exc:
                return {}, str(exc)
    return values, ""


# --- rule tables --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    t: frozenset[str] | None  # None = any T
    n: frozenset[str] | None
    m: frozenset[str] | None
    conditions: tuple[tuple[str, frozenset[str]], ...]
    group: str


class RuleTable:
    """One published stage-group table, as rows "T | N | M | [factor values |...] | group".

    "*" means any category. A T/N/M entry may name a grouping category (T1, N1, M1) and
    stands for everything it groups. The first matching row wins.
    """

    def __init__(self, name: str, t: Axis, n: Axis, m: Axis, rows: str):
        self.name = name
        self.rows: list[Row] = []
        for line in rows.strip().splitlines():
            cells = [c.strip() for c in line.split("|")]
            conditions = tuple((c.split()[0], frozenset(c.split()[1:])) for c in cells[3:-1])
            self.rows.append(Row(self._spec(t, cells[0]), self._spec(n, cells[1]), self._spec(m, cells[2]),
                                 conditions, cells[-1]))

    @staticmethod
    def _spec(axis: Axis, text: str) -> frozenset[str] | None:
        if text == "*":
            return None
        leaves = [leaf for token in text.split() for leaf in axis.expand(token)]
        unknown = [leaf for leaf in leaves if leaf not in axis.leaves]
        if unknown:
            raise ValueError(f"rule names unknown categories {unknown}")
        return frozenset(leaves)

    def lookup(self, t: str, n: str, m: str, values: Mapping[str, str] | None = None) -> str | None:
        values = values or {}
        for row in self.rows:
            if ((row.t is None or t in row.t) and (row.n is None or n in row.n)
                    and (row.m is None or m in row.m)
                    and all(values.get(name) in allowed for name, allowed in row.conditions)):
                return row.group
        return None


Lookup = Callable[[str, str, str, str, Mapping[str, str]], tuple[str, str | None]]


@dataclass(frozen=True)
class Site:
    """Everything the engine needs to know about one primary site."""

    code: str
    name: str
    t: Axis
    n: Axis
    m: Axis
    lookup: Lookup  # (prefix, t, n, m, factor values) -> (table name, group or None if no such cell)
    factors: Callable[[str], tuple[str, ...]] = lambda prefix: ()  # needed factors, by prefix
    optional: Callable[[str], tuple[str, ...]] = lambda prefix: ()  # used when given, never "missing"
    # Cells printed with an unknown category (lung TX N0 M0): (prefix, t, n, m) -> (table, group) or None.
    special: Callable[[str, str, str, str], tuple[str, str] | None] | None = None
    # Breast: the anatomic table, used when prognostic factors are missing.
    fallback: Lookup | None = None
    # Breast: a factor given as unknown ("X") counts as not given (the prognostic tables have no GX row).
    unknown_is_missing: bool = False
    # A remark returned with every computed group for this prefix (e.g. which table applies).
    note: Callable[[str], str] = lambda prefix: ""
