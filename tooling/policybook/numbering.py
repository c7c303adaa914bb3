"""The shared grammar of provision numbers: 第8条の2, 別表第1, numerals of every style.

Rule headings (``structure``) and citations in prose (``citations.grammar``) are written
with the same pieces; only the blanks they allow differ (a citation may wrap a line).
"""

from __future__ import annotations

import re

from .numerals import to_int

NUM_CHARS = "0-9０-９〇一二三四五六七八九十百千"
NUM = rf"[{NUM_CHARS}]+"
BLANK = r"[ \t\u3000]"
_NUM_RE = re.compile(NUM)


def article(sp: str) -> str:
    """第N条 with any 枝番 (の2, の2の3); groups ``art`` and ``branches``."""
    return rf"第{sp}(?P<art>{NUM}){sp}条(?P<branches>(?:{sp}の{sp}{NUM})*)"


def appendix(sp: str) -> str:
    """別表 or 別表第N; groups ``appx`` and ``appxnum``."""
    return rf"(?P<appx>別表(?:{sp}第{sp}(?P<appxnum>{NUM}))?)"


def suppl(sp: str) -> str:
    return rf"(?P<suppl>附{sp}則)"


def number(art: str, branches: str | None) -> tuple[int, ...]:
    """(8, 2) for 第8条の2: the main number, then each 枝番."""
    return (to_int(art), *(to_int(b) for b in _NUM_RE.findall(branches or "")))
