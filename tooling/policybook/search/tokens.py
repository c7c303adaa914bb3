"""Normalisation and tokens shared by the index (Python) and the query (JavaScript).

Both sides must split text identically; ``policybook-search.js`` mirrors these functions and
``tests/test_search.py`` runs the same cases through both.

- NFKC and lower case (全角 ＵＳＢ = usb).
- Okurigana between kanji are dropped (持ち出し = 持出し, 取り扱い = 取扱い), so the usual
  spelling variants of 公用文 meet.
- Japanese runs become overlapping character pairs (bigrams); ASCII words stay whole.
- A one-character query word is looked up among one-character title tokens.
"""

from __future__ import annotations

import re
import unicodedata

SHARDS = 256
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
_OKURIGANA = re.compile(rf"(?<=[{_KANJI}])[\u3041-\u309f]{{1,2}}(?=[{_KANJI}])")
_JAPANESE_RUN = re.compile(r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffー々〆ヶ]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return _OKURIGANA.sub("", text)


def tokens(text: str, unigrams: bool = False) -> list[str]:
    """Tokens of already-normalised text, in order (with repeats)."""
    out: list[str] = []
    for run in _JAPANESE_RUN.findall(text):
        if len(run) == 1 or unigrams:
            out.extend("1" + ch for ch in run)
        out.extend(run[i:i + 2] for i in range(len(run) - 1))
    out.extend(_ASCII_WORD.findall(text))
    return out


def shard_of(token: str) -> int:
    """Which shard file holds a token: the same arithmetic as JavaScript's charCodeAt loop."""
    h = 0
    for ch in token:
        code = ord(ch)
        units = (code,) if code < 0x10000 else (0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF))
        for unit in units:
            h = (h * 31 + unit) & 0xFFFFFFFF
    return h % SHARDS
