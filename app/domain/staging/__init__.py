"""AJCC Cancer Staging Manual 8th edition stage groups for six sites (pure Python, no I/O).

    compute_stage(StagingInput("lung", "c", "T2a", "N0", "M0", {}))  -> StageResult(group="IB", ...)
    validate(inp, "IIIA")  -> "The stage group IIIA does not match T2a N0 M0 (IB) for lung"
"""

from __future__ import annotations

from . import breast, colorectal, gastric, liver, lung, oesophageal
from .common import PREFIXES, Site, StageResult, StagingInput
from .engine import agrees, normalise_group, run

__all__ = ["PREFIXES", "SITES", "StageResult", "StagingInput", "compute_stage", "extra_factors",
           "m_categories", "n_categories", "t_categories", "validate"]

_SITES: dict[str, Site] = {module.SITE.code: module.SITE
                           for module in (lung, breast, colorectal, gastric, oesophageal, liver)}

SITES: dict[str, str] = {code: site.name for code, site in _SITES.items()}

_ALIASES = {"nsclc": "lung", "colon": "colorectal", "rectum": "colorectal", "crc": "colorectal",
            "stomach": "gastric", "oesophagus": "oesophageal", "esophagus": "oesophageal",
            "esophageal": "oesophageal", "hcc": "liver"}


def _site(code: object) -> Site | None:
    key = str(code or "").strip().lower()
    return _SITES.get(_ALIASES.get(key, key))


def _require(code: object) -> Site:
    site = _site(code)
    if site is None:
        raise ValueError(f"Unknown site '{code}': expected one of {', '.join(SITES)}")
    return site


def compute_stage(inp: StagingInput) -> StageResult:
    """The AJCC 8 stage group for ``inp`` (group None with a message when it cannot be computed)."""
    site = _site(inp.site)
    if site is None:
        return StageResult(None, (), f"Unknown site '{inp.site}': expected one of {', '.join(SITES)}", "")
    return run(site, inp).result


def validate(inp: StagingInput, stage_group: str) -> str | None:
    """None when a hand-entered stage group agrees with the computed one (or none can be computed).

    A bare main stage ("III") agrees with any of its subgroups ("IIIA"); for breast the anatomic
    group is accepted as well as the prognostic one.
    """
    site = _site(inp.site)
    if site is None:
        return None
    outcome = run(site, inp)
    computed = outcome.result.group
    if computed is None:
        return None
    entered = normalise_group(stage_group)
    if any(agrees(entered, group) for group in (computed, outcome.alternative) if group):
        return None
    shown = computed
    if outcome.alternative and outcome.alternative != computed:
        shown = f"{computed}; anatomic {outcome.alternative}"
    entered = entered or repr(stage_group)
    return f"The stage group {entered} does not match {outcome.tnm} ({shown}) for {site.code}"


def t_categories(site: str) -> list[str]:
    return list(_require(site).t.choices)


def n_categories(site: str) -> list[str]:
    return list(_require(site).n.choices)


def m_categories(site: str) -> list[str]:
    return list(_require(site).m.choices)


def extra_factors(site: str, prefix: str) -> tuple[str, ...]:
    """The extra factors (keys of StagingInput.extra) the site's table for ``prefix`` can need."""
    s = _require(site)
    key = str(prefix or "").strip().lower()
    return s.factors(key) + s.optional(key) if key in PREFIXES else ()
