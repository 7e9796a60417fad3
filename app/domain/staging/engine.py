"""Turning a StagingInput into a StageResult with a site's tables.

Unknown or grouping categories (TX, NX, T1 for lung, M1 for colorectal, ...) and factors that were
not given are resolved by trying every category/value they could stand for: when all the
possibilities land in the same stage group the table has decided and that group is returned;
otherwise the group is None and the message says what is needed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import product

from .common import FACTORS, PREFIXES, Site, StageResult, StagingInput, parse_factors, sort_groups


@dataclass(frozen=True)
class Outcome:
    result: StageResult
    tnm: str = ""
    alternative: str | None = None  # breast: the anatomic group next to a prognostic one


def _fail(message: str, table: str = "", missing: tuple[str, ...] = ()) -> StageResult:
    return StageResult(None, missing, message, table)


def _tables(names) -> str:
    return " / ".join(sorted(set(names)))


def _enumerate(site: Site, lookup, prefix: str, tnm: tuple[str, str, str], fixed: dict[str, str],
               missing: tuple[str, ...]):
    """Every (combination, table, group) the given categories and missing factors could stand for."""
    t, n, m = tnm
    dims = [("T", site.t.expand(t)), ("N", site.n.expand(n)), ("M", site.m.expand(m))]
    dims += [(name, FACTORS[name].domain) for name in missing]
    out = []
    for combo in product(*(values for _, values in dims)):
        point = dict(zip((name for name, _ in dims), combo, strict=True))
        table, group = lookup(prefix, point["T"], point["N"], point["M"], {**fixed, **point})
        out.append((point, table, group))
    return out


def _relevant(results, missing: tuple[str, ...]) -> tuple[str, ...]:
    """The missing factors whose value changes the group, other things equal."""
    relevant = []
    for name in missing:
        buckets = defaultdict(set)
        for point, _, group in results:
            buckets[tuple(sorted((k, v) for k, v in point.items() if k != name))].add(group)
        if any(len(groups) > 1 for groups in buckets.values()):
            relevant.append(name)
    return tuple(relevant) or missing


def _decide(site: Site, lookup, prefix: str, tnm: tuple[str, str, str], fixed: dict[str, str],
            missing: tuple[str, ...]) -> StageResult:
    label = " ".join(tnm)
    results = _enumerate(site, lookup, prefix, tnm, fixed, missing)
    valid = [r for r in results if r[2] is not None]
    if not valid:
        table = _tables(r[1] for r in results)
        return _fail(f"No stage group exists for {label} in the {table} table", table)
    groups = sort_groups({r[2] for r in valid})
    table = _tables(r[1] for r in valid)
    if len(groups) == 1:
        return StageResult(groups[0], (), "", table)
    needed = _relevant(valid, missing) if missing else ()
    unsure = [c for c, axis in zip(tnm, (site.t, site.n, site.m), strict=True) if len(axis.expand(c)) > 1]
    reasons = []
    if unsure:
        reasons.append(f"{' and '.join(unsure)} cover{'s' if len(unsure) == 1 else ''} several categories")
    if needed:
        reasons.append(f"needs {', '.join(needed)}")
    message = (f"Cannot determine the {site.code} stage group for {label}: it could be "
               f"{', '.join(groups[:-1])} or {groups[-1]}; {'; '.join(reasons)}")
    return _fail(message, table, needed)


def normalise_prefix(prefix: object) -> str | None:
    text = str(prefix or "").strip().lower()
    return text if text in PREFIXES else None


def run(site: Site, inp: StagingInput) -> Outcome:
    prefix = normalise_prefix(inp.prefix)
    if prefix is None:
        return Outcome(_fail(f"Unknown prefix '{inp.prefix}': expected c, p, yc or yp"))
    tnm = []
    for axis, raw in ((site.t, inp.t), (site.n, inp.n), (site.m, inp.m)):
        category, error = axis.parse(raw, site.code)
        if category is None:
            return Outcome(_fail(error))
        tnm.append(category)
    t, n, m = tnm
    label = f"{t} {n} {m}"
    needed = site.factors(prefix)
    values, error = parse_factors(inp.extra, needed + site.optional(prefix))
    if error:
        return Outcome(_fail(error), label)
    if site.unknown_is_missing:
        values = {name: value for name, value in values.items() if value != "X"}
    missing = tuple(name for name in needed if name not in values)

    if site.special is not None:
        cell = site.special(prefix, t, n, m)
        if cell is not None:
            return Outcome(StageResult(cell[1], (), "", cell[0]), label)

    if site.fallback is not None:
        anatomic = _decide(site, site.fallback, prefix, (t, n, m), {}, ())
        if missing:
            if anatomic.group is None:
                return Outcome(StageResult(None, missing, anatomic.message, anatomic.table), label)
            note = (f"The prognostic stage group needs {', '.join(missing)}; "
                    "the anatomic stage group is given instead")
            return Outcome(StageResult(anatomic.group, missing, note, anatomic.table), label)
        result = _with_note(site, prefix, _decide(site, site.lookup, prefix, (t, n, m), values, ()))
        alternative = anatomic.group if result.table != anatomic.table else None
        return Outcome(result, label, alternative)

    return Outcome(_with_note(site, prefix, _decide(site, site.lookup, prefix, (t, n, m), values, missing)),
                   label)


def _with_note(site: Site, prefix: str, result: StageResult) -> StageResult:
    note = site.note(prefix)
    if result.group is None or not note or result.message:
        return result
    return StageResult(result.group, result.missing, note, result.table)


# --- hand-entered stage groups ------------------------------------------------------------------

_UNICODE_ROMAN = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "ⅰ": "I", "ⅱ": "II", "ⅲ": "III", "ⅳ": "IV"}
_ARABIC = {"0": "0", "1": "I", "2": "II", "3": "III", "4": "IV"}
_MAIN = re.compile(r"^(IV|III|II|I|0)")


def normalise_group(text: object) -> str:
    """"Stage IIIa", "ⅢA期", "3A" -> "IIIA"; "occult" -> "Occult carcinoma"."""
    s = str(text or "").strip()
    for roman, latin in _UNICODE_ROMAN.items():
        s = s.replace(roman, latin)
    s = re.sub(r"(?i)^stage", "", s).replace("期", "")
    s = re.sub(r"\s+", "", s).upper()
    if s in {"OCCULT", "OCCULTCARCINOMA"}:
        return "Occult carcinoma"
    if s[:1] in _ARABIC:
        s = _ARABIC[s[0]] + s[1:]
    return s


def agrees(entered: str, computed: str) -> bool:
    """Equal, or a bare main stage (III) for one of its subgroups (IIIA)."""
    if entered == computed:
        return True
    main = _MAIN.match(computed)
    return bool(main) and entered == main.group(1) and computed != "Occult carcinoma"
