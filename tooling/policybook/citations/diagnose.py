"""A broken citation as a Diagnostic: the same words in the checker and the site build."""

from __future__ import annotations

from .. import diagnostics as dx
from . import scanner as s
from .scanner import Citation

_CODES = {
    s.UNKNOWN_DOCUMENT: dx.CITE_UNKNOWN_DOCUMENT, s.UNKNOWN_ARTICLE: dx.CITE_UNKNOWN_ARTICLE,
    s.UNKNOWN_PARAGRAPH: dx.CITE_UNKNOWN_PARAGRAPH, s.UNKNOWN_ITEM: dx.CITE_UNKNOWN_ITEM,
    s.DELETED: dx.CITE_DELETED, s.REPEALED: dx.CITE_WITHDRAWN, s.AMBIGUOUS: dx.CITE_AMBIGUOUS,
    s.UNRESOLVED_ANAPHORA: dx.CITE_UNRESOLVED_ANAPHORA,
}


def _address(c: Citation) -> str:
    if c.article is None:
        return ""
    if c.unit == "suppl" or c.unit == "appendix":
        text = c.article
    elif c.unit == "yoko":
        text = f"第{c.article}" + (f" {c.paragraph}" if c.paragraph else "")
        return text
    elif c.unit == "section":
        text = f"{c.article}"
    else:
        text = f"第{c.article}条"
    if c.paragraph:
        text += f"第{c.paragraph}項"
    if c.item:
        text += f"第{c.item}号"
    return text


def diagnose(c: Citation, path: str, column: int = 0) -> dx.Diagnostic | None:
    code = _CODES.get(c.status)
    if code is None:
        return None
    cited = f"「{c.text.replace(chr(10), '')}」"
    name = c.document or "?"
    where = _address(c)
    if c.status == s.UNKNOWN_DOCUMENT:
        message = f"citation {cited}: no rule is named 「{name}」"
        hint = "add the rule to policies/, or add this name to its aliases"
    elif c.status in (s.UNKNOWN_ARTICLE, s.UNKNOWN_PARAGRAPH, s.UNKNOWN_ITEM):
        level = {s.UNKNOWN_ARTICLE: "article", s.UNKNOWN_PARAGRAPH: "paragraph", s.UNKNOWN_ITEM: "item"}[c.status]
        message = f"citation {cited}: 「{name}」 has no {level} {where}"
        hint = "check the number, or add the provision to the rule"
    elif c.status == s.DELETED:
        message = f"citation {cited}: {where} of 「{name}」 is deleted (削除)"
        hint = "cite the provision that now holds the rule"
    elif c.status == s.REPEALED:
        message = f"citation {cited}: 「{name}」 is repealed or superseded"
        hint = "cite its successor"
    elif c.status == s.AMBIGUOUS:
        message = f"citation {cited}: 「{name}」 is claimed by more than one rule"
        hint = "use the full title, or keep the alias on one rule"
    else:
        message = f"citation {cited}: nothing earlier for it to refer to"
        hint = "name the document or article explicitly the first time"
    return dx.Diagnostic(path, c.line, column, code, message, hint)


def column_of(c: Citation, source_lines: list[str]) -> int:
    """1-based column of the citation in its source line (0 when it cannot be placed)."""
    if not 0 < c.line <= len(source_lines):
        return 0
    first = c.text.split("\n")[0]
    found = source_lines[c.line - 1].find(first)
    return found + 1 if found >= 0 else 0
