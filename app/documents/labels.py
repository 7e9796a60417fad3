"""Chinese labels for coded values on paper, whatever language the app or the command line runs in.

The plan is a Chinese medical record (病历书写基本规范: uniform layout), so it always reads the zh_CN
catalogue the GUI uses (context "vocab") rather than the session's language: the compiled .qm that the
bundle ships, or the .ts source when no .qm was built.
"""

from __future__ import annotations

from functools import lru_cache

from app.documents.fonts import resources_dir
from app.domain import vocab
from app.domain.reference import DISCIPLINES

DISCIPLINE_NAMES = {code: zh for code, zh, _en in DISCIPLINES}
TREAT_WHERE = {"local": "本院治疗", "refer_upward": "转上级医院治疗"}
GUIDELINES = {"CACA": "CACA 整合指南", "CSCO": "CSCO 指南", "NCCN": "NCCN 指南"}
STAGE_SYSTEMS = {"AJCC": "AJCC", "CNLC": "CNLC（中国肝癌分期）", "FIGO": "FIGO", "AnnArbor": "Ann Arbor"}


def _read_qm(data: bytes, context: str) -> dict[str, str]:
    """Source → translation of one context from a compiled Qt catalogue (.qm, the file the bundle ships).

    Layout (qtranslator.cpp): a 16-byte magic, then blocks (tag byte, big-endian length); the messages
    block is a run of tagged fields per message, ended by tag 1."""
    out: dict[str, str] = {}
    pos = 16
    while pos + 5 <= len(data):
        tag, length = data[pos], int.from_bytes(data[pos + 1:pos + 5], "big")
        pos += 5
        if tag == 0x69:  # messages
            m, end = pos, pos + length
            fields: dict[int, bytes] = {}
            while m < end:
                t = data[m]
                m += 1
                if t == 1:  # end of one message
                    ctx = fields.get(7, b"").decode("utf-8", "replace")
                    if ctx == context and 3 in fields and 6 in fields:
                        out[fields[6].decode("utf-8", "replace")] = fields[3].decode("utf-16-be", "replace")
                    fields = {}
                elif t == 5:  # obsolete: a 4-byte hash
                    m += 4
                elif t in (2, 3, 4, 6, 7, 8):
                    n = int.from_bytes(data[m:m + 4], "big")
                    m += 4
                    if n == 0xFFFFFFFF:
                        n = 0
                    fields[t] = data[m:m + n]
                    m += n
                else:  # an unknown field: stop rather than misread
                    break
        pos += length
    return out


def _read_ts(path, context: str) -> dict[str, str]:
    import xml.etree.ElementTree as ET

    out: dict[str, str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                out[msg.findtext("source") or ""] = tr.text
    return out


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, str]:
    folder = resources_dir() / "i18n"
    qm, ts = folder / "mdt_zh_CN.qm", folder / "mdt_zh_CN.ts"
    if qm.is_file():
        found = _read_qm(qm.read_bytes(), vocab.CTX)
        if found:
            return found
    return _read_ts(ts, vocab.CTX) if ts.is_file() else {}


def zh(kind: str, code: str | None) -> str:
    """The Chinese label of a vocabulary code (the code itself when it is unknown)."""
    if not code:
        return ""
    source = vocab._KINDS[kind].get(code)
    if source is None:
        return code
    return _catalogue().get(source, source)


def discipline(code: str) -> str:
    return DISCIPLINE_NAMES.get(code, code)
