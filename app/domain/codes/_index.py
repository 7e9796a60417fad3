"""Loading a code table from its TSV file and searching it by code, Chinese, pinyin, initials and English.

Every row gets its search keys once, when the table is first used (~0.15 s for both tables, plus ~0.3 s
for pypinyin's own dictionaries if nothing loaded them yet); a search is then one pass of `in` tests over
a few hundred precomputed strings (under 1 ms for a typical query).
Pinyin and initials match at syllable starts only ("zhichang" finds 直肠, "hichang" finds nothing).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Ranks, best first (smaller sorts first; codes of equal rank sort shorter first, then by code).
EXACT, CODE_PREFIX, CODE_PARENT, NAME_START, ZH_CONTAINS, PINYIN, ENGLISH, ZH_SCATTERED = range(8)

_SEP = "\x00"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_TOKENS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+")
_WORDS = re.compile(r"[a-z0-9]+")

# Readings pypinyin gets wrong in these titles (it has no medical phrase list); used per character.
_READINGS = {"杓": "shao", "椎": "zhui"}


@dataclass(frozen=True, slots=True)
class Code:
    """One entry of a code list: the code and its Chinese and English titles."""

    code: str
    name_zh: str
    name_en: str


def fold(text: str) -> str:
    """Full-width to half-width (Ｃ３４．１ -> C34.1), lower case, outer whitespace removed."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def _plain(text: str) -> str:
    """fold() without accents, for English words (Sézary -> sezary, Waldenström -> waldenstrom)."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def _run_pinyin(run: str) -> tuple[str, ...]:
    """Pinyin of one run of Chinese characters (runs such as 恶性肿瘤 repeat: computed once)."""
    from pypinyin import Style, lazy_pinyin  # loads its dictionaries on first use: keep start-up fast

    readings = lazy_pinyin(run, style=Style.NORMAL, errors="ignore")
    if len(readings) == len(run):
        readings = [_READINGS.get(ch, r) for ch, r in zip(run, readings, strict=True)]
    return tuple(r.lower() for r in readings if r)


def _syllables(text: str) -> list[tuple[str, bool]]:
    """(syllable, is_pinyin) for the Chinese runs and the ASCII words of `text`, in order, lower case."""
    out: list[tuple[str, bool]] = []
    for token in _TOKENS.findall(fold(text)):
        if _CJK.fullmatch(token):
            out.extend((r, True) for r in _run_pinyin(token))
        else:
            out.append((token, False))  # B, NK, ALK, 11q23: kept whole, also among the initials
    return out


def _tails(parts: list[str]) -> str:
    """Every tail of the joined parts that begins at a part, each led by _SEP, so that
    `_SEP + query in tails` means "the query starts at some syllable"."""
    return "".join(_SEP + "".join(parts[i:]) for i in range(len(parts)))


def _full(syllables: list[tuple[str, bool]]) -> list[str]:
    return [s for s, _ in syllables]


def _initials(syllables: list[tuple[str, bool]]) -> list[str]:
    return [s[0] if pinyin else s for s, pinyin in syllables]


@dataclass(frozen=True, slots=True)
class _Entry:
    code: Code
    key: str            # the code as compared: upper case, as in the file
    zh: str             # folded Chinese title
    zh_more: str        # folded aliases, each led by _SEP (aliases match from their start only)
    pinyin: str         # full pinyin: the title's syllable-start tails, then each alias whole
    pinyin_title: str   # full pinyin of the title alone, for "title starts with"
    initials: str       # the same for the initials
    initials_title: str
    english: str        # " word word ... " of the English title and ASCII aliases


class CodeTable:
    """An immutable, searchable code list."""

    def __init__(self, rows: Iterable[Code], normalise: Callable[[str], str | None],
                 aliases: Callable[[str], Iterable[str]]) -> None:
        self._normalise = normalise
        self._by_code: dict[str, Code] = {}
        entries: list[_Entry] = []
        for row in rows:
            if row.code in self._by_code:
                raise ValueError(f"duplicate code {row.code}")
            self._by_code[row.code] = row
            extra = list(aliases(row.code))
            title_syl = _syllables(row.name_zh)
            alias_syl = [_syllables(a) for a in extra]
            entries.append(_Entry(
                code=row,
                key=row.code,
                zh=fold(row.name_zh),
                zh_more="".join(_SEP + fold(a) for a in extra),
                pinyin=_tails(_full(title_syl)) + "".join(_SEP + "".join(_full(a)) for a in alias_syl),
                pinyin_title="".join(_full(title_syl)),
                initials=_tails(_initials(title_syl)) + "".join(_SEP + "".join(_initials(a))
                                                                for a in alias_syl),
                initials_title="".join(_initials(title_syl)),
                english=" " + " ".join(_WORDS.findall(_plain(" ".join([row.name_en, *extra])))) + " ",
            ))
        self._entries = tuple(entries)
        self.rows: tuple[Code, ...] = tuple(self._by_code.values())

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, code: str) -> Code | None:
        key = self._normalise(code) if isinstance(code, str) else None
        return self._by_code.get(key) if key else None

    def search(self, text: str, limit: int = 50) -> list[Code]:
        if not isinstance(text, str) or limit <= 0:
            return []
        q = fold(text)
        if not q:
            return []
        if not q.isascii() and not _CJK.search(q):
            q = _plain(q)  # "sézary" as typed on a European keyboard
        code_q = self._normalise(q) or ""  # "" when the text cannot be (the start of) a code
        has_cjk = bool(_CJK.search(q))
        # Chinese titles hold some Latin too (NK/T, ALK, B细胞): compare them as text when the query is
        # Chinese or has punctuation that pinyin cannot have.
        as_text = has_cjk or bool(re.search(r"[^a-z0-9\s']", q))
        ascii_q = "".join(_WORDS.findall(q)) if not has_cjk else ""
        letters = ascii_q if any(c.isalpha() for c in ascii_q) else ""
        words = [" " + w for w in _WORDS.findall(q)] if letters else []
        scattered = _CJK.findall(q)
        scattered_chars = "".join(scattered) if has_cjk and len("".join(scattered)) >= 2 else ""

        hits: list[tuple[int, int, str, Code]] = []
        for e in self._entries:
            rank = None
            if code_q:
                if e.key == code_q:
                    rank = EXACT
                elif e.key.startswith(code_q):
                    rank = CODE_PREFIX
                elif code_q.startswith(e.key) and code_q[len(e.key)] in "./0123456789":
                    rank = CODE_PARENT  # a national-clinical-version code C34.100x001 -> C34.1, C34
            if rank is None and as_text:
                if e.zh.startswith(q):
                    rank = NAME_START
                elif q in e.zh or _SEP + q in e.zh_more:
                    rank = ZH_CONTAINS
                elif scattered_chars and _in_order(scattered_chars, e.zh):
                    rank = ZH_SCATTERED
            if rank is None and letters:
                if e.pinyin_title.startswith(letters) or e.initials_title.startswith(letters):
                    rank = NAME_START
                elif _SEP + letters in e.pinyin or _SEP + letters in e.initials:
                    rank = PINYIN
                elif all(w in e.english for w in words):
                    rank = ENGLISH
            if rank is not None:
                # the nearest parent of a longer code first (C34.1 before C34); otherwise shorter first
                hits.append((rank, -len(e.key) if rank == CODE_PARENT else len(e.key), e.key, e.code))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[:limit]]


def _in_order(chars: str, text: str) -> bool:
    """Every character of `chars` occurs in `text`, in this order (肝癌 -> 肝细胞癌)."""
    pos = 0
    for ch in chars:
        pos = text.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def read_tsv(package: str, name: str) -> list[Code]:
    """The rows of a bundled `code<TAB>name_zh<TAB>name_en` file (with header), validated."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].split("\t") != ["code", "name_zh", "name_en"]:
        raise ValueError(f"{name}: missing header code/name_zh/name_en")
    rows: list[Code] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not all(f.strip() for f in fields):
            raise ValueError(f"{name}:{number}: expected 3 non-empty tab-separated fields")
        rows.append(Code(*(f.strip() for f in fields)))
    return rows


def inherited(aliases: Mapping[str, tuple[str, ...]]) -> Callable[[str], list[str]]:
    """Aliases of a code and of its 3-character category (C34.1 gets C34's terms too)."""

    def lookup(code: str) -> list[str]:
        found = list(aliases.get(code, ()))
        if "." in code:
            found += aliases.get(code.split(".", 1)[0], ())
        return found

    return lookup
