"""Pinyin keys for searching Chinese names offline: full pinyin and initials (张三 -> zhangsan, zs)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def pinyin_keys(name: str) -> tuple[str, str]:
    # pypinyin loads its dictionaries on first use (~0.2 s): imported here so start-up does not pay for it.
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s]
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables).lower()
    return full, initials
