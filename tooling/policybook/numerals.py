"""Japanese numerals: arabic, full-width and kanji digits to int."""

from __future__ import annotations

import unicodedata

import kanjize

KANJI_DIGITS = "〇一二三四五六七八九十百千"
_FULLWIDTH_DIGITS = "０１２３４５６７８９"


def to_int(text: str) -> int:
    """Return the value of a numeral written in arabic, full-width or kanji digits.

    Raises ValueError for anything else.
    """
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    normal = unicodedata.normalize("NFKC", text)
    if normal.isascii() and normal.isdigit():
        return int(normal)
    if all(ch in KANJI_DIGITS for ch in text):
        if "十" in text or "百" in text or "千" in text:
            return int(kanjize.kanji2number(text))
        # Positional kanji such as 二〇 are rare in rules but unambiguous.
        return int("".join(str("〇一二三四五六七八九".index(ch)) for ch in text))
    raise ValueError(f"not a numeral: {text!r}")


def to_fullwidth(number: int) -> str:
    """２, ３ … as paragraph numbers are printed in Japanese rules."""
    return "".join(_FULLWIDTH_DIGITS[int(d)] for d in str(number))


def to_kanji(number: int) -> str:
    return str(kanjize.number2kanji(number))
