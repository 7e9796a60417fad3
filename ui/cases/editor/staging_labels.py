"""How staging reads on screen: the categories offered, prefixes, extra factors and their values, AJCC table
names, engine notes."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from app.domain.staging import m_categories, n_categories, t_categories


def pick_list(site: str, letter: str) -> list[str]:
    """The categories to offer for T, N or M, with the grouping ones (colorectal N1 for N1a–N1c) each
    placed before its first member: clinical staging often cannot tell the subcategory."""
    listed = {"T": t_categories, "N": n_categories, "M": m_categories}[letter](site)
    try:  # the groupings are not published by app.domain.staging yet (see the report)
        from app.domain.staging import _SITES

        axis = getattr(_SITES[site], letter.lower())
        groups = {g: members for g, members in axis.groups.items() if g != axis.unknown and g not in listed}
    except (ImportError, KeyError, AttributeError):
        groups = {}
    out = list(listed)
    for group, members in groups.items():
        first = next((i for i, c in enumerate(out) if c in members), None)
        if first is not None:
            out.insert(first, group)
    return out


class StageLabels(QObject):
    def prefix_labels(self) -> dict[str, str]:
        return {"c": self.tr("c (clinical)"), "p": self.tr("p (pathological)"),
                "yc": self.tr("yc (clinical, after neoadjuvant therapy)"),
                "yp": self.tr("yp (pathological, after neoadjuvant therapy)")}

    def factor_label(self, name: str) -> str:
        return {"grade": self.tr("Grade"), "er": "ER", "pr": "PR", "her2": "HER2",
                "oncotype": self.tr("21-gene recurrence score"), "histology": self.tr("Histological type"),
                "location": self.tr("Tumour location")}.get(name, name)

    def factor_choices(self, name: str) -> list[tuple[str, str]]:
        receptor = [("+", self.tr("positive (+)")), ("-", self.tr("negative (−)"))]
        return {
            "grade": [("1", "G1"), ("2", "G2"), ("3", "G3"), ("X", "GX")],
            "er": receptor, "pr": receptor, "her2": receptor,
            "histology": [("squamous", self.tr("squamous cell carcinoma")),
                          ("adenocarcinoma", self.tr("adenocarcinoma"))],
            "location": [("upper", self.tr("upper")), ("middle", self.tr("middle")),
                         ("lower", self.tr("lower")), ("X", self.tr("unknown"))],
        }.get(name, [])

    def table_label(self, table: str) -> str:
        names = {
            "AJCC 8 lung": self.tr("AJCC 8 lung"),
            "AJCC 8 breast anatomic": self.tr("AJCC 8 breast, anatomic"),
            "AJCC 8 breast clinical prognostic": self.tr("AJCC 8 breast, clinical prognostic"),
            "AJCC 8 breast pathological prognostic": self.tr("AJCC 8 breast, pathological prognostic"),
            "AJCC 8 colorectal": self.tr("AJCC 8 colorectal"),
            "AJCC 8 stomach clinical": self.tr("AJCC 8 stomach, clinical"),
            "AJCC 8 stomach pathological": self.tr("AJCC 8 stomach, pathological"),
            "AJCC 8 stomach post-neoadjuvant": self.tr("AJCC 8 stomach, after neoadjuvant therapy"),
            "AJCC 8 oesophagus clinical squamous": self.tr("AJCC 8 oesophagus, clinical, squamous"),
            "AJCC 8 oesophagus clinical adenocarcinoma": self.tr("AJCC 8 oesophagus, clinical, adenocarcinoma"),
            "AJCC 8 oesophagus pathological squamous": self.tr("AJCC 8 oesophagus, pathological, squamous"),
            "AJCC 8 oesophagus pathological adenocarcinoma":
                self.tr("AJCC 8 oesophagus, pathological, adenocarcinoma"),
            "AJCC 8 oesophagus post-neoadjuvant": self.tr("AJCC 8 oesophagus, after neoadjuvant therapy"),
            "AJCC 8 liver": self.tr("AJCC 8 liver"),
        }
        return " / ".join(names.get(t.strip(), t.strip()) for t in re.split("[,/]", table)) if table else ""

    def note_label(self, note: str) -> str:
        notes = {
            "Prognostic stage groups do not apply after neoadjuvant therapy; the anatomic stage group is given":
                self.tr("Prognostic stage groups do not apply after neoadjuvant therapy; the anatomic stage "
                        "group is given."),
            "AJCC 8 has no ycTNM stage groups for the oesophagus; the clinical table was used":
                self.tr("AJCC 8 has no ycTNM stage groups for the oesophagus; the clinical table was used."),
        }
        return notes.get(note, note)
