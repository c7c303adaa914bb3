"""Articles, paragraphs and items from a rule's Markdown, with their source lines.

The grammar of headings and numbers lives here once. The checker uses it through
``parse``; the Sphinx extension decorates its doctree from the same ``Provision`` list,
matching nodes by line, so both always agree on what is 第8条の2第1項第3号.
"""

from __future__ import annotations

import re

from . import diagnostics as dx
from .model import (APPENDIX, ARTICLE, ITEM, PARAGRAPH, SECTION, SUPPL, Provision,
                    anchor_part)
from . import numbering
from .numbering import BLANK, NUM
from .numerals import to_int

_NUM = NUM
_SP = BLANK
ARTICLE_RE = re.compile(rf"^{numbering.article(BLANK + '*')}(?P<rest>.*)$")
# 要綱 style: 第3, 第3の2 — but not 第1章, 第2節 …
YOKO_RE = re.compile(rf"^第{_SP}*(?P<art>{_NUM})(?P<branches>(?:{_SP}*の{_SP}*{_NUM})*)(?P<rest>(?:[ \t\u3000（(].*)?)$")
SECTION_RE = re.compile(rf"^(?P<art>[0-9０-９]+)(?P<branches>)(?P<rest>{_SP}+.*)$")
SUPPL_RE = re.compile(rf"^{numbering.suppl(BLANK + '*')}(?P<rest>.*)$")
APPENDIX_RE = re.compile(rf"^{numbering.appendix(BLANK + '*')}(?P<rest>.*)$")
PARAGRAPH_NUM_RE = re.compile(rf"^(?P<num>[0-9０-９]+){_SP}+")
ITEM_NUM_RE = re.compile(rf"^(?:[(（](?P<arabic>[0-9０-９]+)[)）]|(?P<kanji>[一二三四五六七八九十]+)){_SP}+")
RAW_HTML_RE = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_CAPTION_RE = re.compile(r"^[（(](?P<caption>.+)[）)]$")

SECTION_KINDS = ("手引", "通知", "仕様書", "ガイドライン", "解説書", "方針")


def classify_heading(text: str, rule_kind: str = "") -> tuple[str, tuple[int, ...], str, bool] | None:
    """Return (kind, number, caption, deleted) for a provision heading, else None."""
    text = text.strip()
    for kind, regex in ((ARTICLE, ARTICLE_RE), (ARTICLE, YOKO_RE)):
        m = regex.match(text)
        if m:
            number = numbering.number(m["art"], m["branches"])
            caption, deleted = _caption(m["rest"])
            return kind, number, caption, deleted
    m = SUPPL_RE.match(text)
    if m:
        caption, deleted = _caption(m["rest"])
        return SUPPL, (), caption, deleted
    m = APPENDIX_RE.match(text)
    if m:
        caption, deleted = _caption(m["rest"])
        return APPENDIX, ((to_int(m["appxnum"]),) if m["appxnum"] else ()), caption, deleted
    if rule_kind in SECTION_KINDS:
        m = SECTION_RE.match(text)
        if m:
            caption, deleted = _caption(m["rest"])
            return SECTION, (to_int(m["art"]),), caption, deleted
    return None


def _caption(rest: str) -> tuple[str, bool]:
    rest = rest.strip(" \t\u3000")
    if rest == "削除":
        return "", True
    m = _CAPTION_RE.match(rest)
    return (m["caption"] if m else rest), False


def paragraph_number(text: str) -> tuple[int, str] | None:
    """(number, label) when a Markdown paragraph starts with a 項 number such as ２."""
    m = PARAGRAPH_NUM_RE.match(text)
    return (to_int(m["num"]), m["num"]) if m else None


def item_number(text: str) -> tuple[int, str] | None:
    """(number, label) when a list item starts with a 号 number such as 一 or (1)."""
    m = ITEM_NUM_RE.match(text)
    if not m:
        return None
    label = m.group(0).rstrip(" \t\u3000")
    return to_int(m["arabic"] or m["kanji"]), label


def parse(tokens: list, path: str, rule_kind: str, full_text: bool) -> tuple[list[Provision], str | None, int, list[dx.Diagnostic]]:
    """Build provisions from markdown-it tokens of one rule file.

    Returns (provisions, title, title_line, diagnostics).
    """
    diags: list[dx.Diagnostic] = []
    provisions: list[Provision] = []
    title: str | None = None
    title_line = 0
    article: Provision | None = None
    paragraph: Provision | None = None
    list_depth = 0
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        t = tok.type
        if t == "inline" and tok.children and tok.map:
            # raw HTML is parsed as text (MyST's html syntax is off); tell the author
            for child in tok.children:
                if child.type == "text" and (html := RAW_HTML_RE.search(child.content)):
                    diags.append(dx.Diagnostic(path, tok.map[0] + 1, 1, dx.RAW_HTML,
                                               f"raw HTML {html.group()!r} is shown as text, never run",
                                               "use Markdown or a directive instead"))
                    break
        if t == "heading_open":
            line = tok.map[0] + 1
            text = tokens[i + 1].content
            if tok.tag == "h1":
                if title is None:
                    title, title_line = text.strip(), line
                article = paragraph = None
            else:
                found = classify_heading(text, rule_kind)
                if found is None:
                    article = paragraph = None
                else:
                    kind, number, caption, deleted = found
                    article = Provision(kind, number, text.strip(), anchor_part(kind, number), line,
                                        caption=caption, deleted=deleted)
                    provisions.append(article)
                    paragraph = None
            i += 3
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "list_item_open" and list_depth == 1:
            line = tok.map[0] + 1
            text = tokens[i + 2].content if i + 2 < n and tokens[i + 2].type == "inline" else ""
            found = item_number(text)
            if found is None and tok.info:  # ordered list: 1. 2. …
                found = (int(tok.info), f"({tok.info})")
            if found is not None:
                number, label = found
                if article is None:
                    diags.append(dx.Diagnostic(path, line, 1, dx.ORPHAN_PROVISION,
                                               f"item {label} is outside any article",
                                               "put it under a heading such as 「## 第2条」"))
                else:
                    if paragraph is None:
                        paragraph = _paragraph(article, 1, "", line, implicit=True)
                    body = text[len(label):].strip(" \t\u3000") if text.startswith(label) else text
                    paragraph.children.append(Provision(
                        ITEM, (number,), label, f"{paragraph.anchor}-{anchor_part(ITEM, (number,))}", line, text=body))
        elif t == "paragraph_open" and list_depth == 0:
            line = tok.map[0] + 1
            text = tokens[i + 1].content
            found = paragraph_number(text)
            if found is not None:
                number, label = found
                if article is None:
                    diags.append(dx.Diagnostic(path, line, 1, dx.ORPHAN_PROVISION,
                                               f"paragraph {label} is outside any article",
                                               "put it under a heading such as 「## 第2条」, or remove the leading number and space"))
                else:
                    paragraph = _paragraph(article, number, label, line, text=text[len(label):].strip(" \t\u3000"))
            elif article is not None:
                if paragraph is None:
                    paragraph = _paragraph(article, 1, "", line, text=text, implicit=True)
                else:
                    paragraph.text = (paragraph.text + "\n" + text).strip()
        i += 1

    diags.extend(check_numbering(provisions, path, full_text))
    return provisions, title, title_line, diags


def _paragraph(article: Provision, number: int, label: str, line: int, text: str = "",
               implicit: bool = False) -> Provision:
    p = Provision(PARAGRAPH, (number,), label, f"{article.anchor}-{anchor_part(PARAGRAPH, (number,))}",
                  line, text=text, implicit=implicit)
    article.children.append(p)
    if not article.text:
        article.text = text
    return p


def _successors(number: tuple[int, ...]) -> set[tuple[int, ...]]:
    """Numbers that may follow ``number`` without a gap: 8 → 9 or 8の2; 8の2 → 8の3, 9, 8の2の2."""
    nexts = {(number[0] + 1,), number + (2,)}
    for depth in range(1, len(number)):
        nexts.add(number[:depth] + (number[depth] + 1,))
    return nexts


_NAMES = {ARTICLE: "article", PARAGRAPH: "paragraph", ITEM: "item", SECTION: "section",
          APPENDIX: "appended table", SUPPL: "supplementary provision"}


def _describe(p: Provision) -> str:
    return p.label or f"{_NAMES[p.kind]} {p.number_text}"


def check_numbering(provisions: list[Provision], path: str, full_text: bool) -> list[dx.Diagnostic]:
    """Gaps (full text only), duplicates and disorder at every level."""
    diags: list[dx.Diagnostic] = []

    def level(siblings: list[Provision], parent: str):
        by_kind: dict[str, list[Provision]] = {}
        for p in siblings:
            by_kind.setdefault(p.kind, []).append(p)
        for kind, group in by_kind.items():
            if kind == SUPPL:
                continue
            seen: dict[tuple[int, ...], Provision] = {}
            prev: Provision | None = None
            for p in group:
                where = f"{_NAMES[kind]} {p.number_text}" + (f" in {parent}" if parent else "")
                if p.number in seen:
                    diags.append(dx.Diagnostic(path, p.line, 1, dx.NUMBER_DUPLICATE,
                                               f"{where} appears twice (first at line {seen[p.number].line})",
                                               "renumber one, or use 枝番 such as 第8条の2"))
                    continue
                if prev is not None and p.number < prev.number:
                    diags.append(dx.Diagnostic(path, p.line, 1, dx.NUMBER_ORDER,
                                               f"{where} comes after {_NAMES[kind]} {prev.number_text}",
                                               "put provisions in numeric order"))
                elif full_text:
                    expected = _successors(prev.number) if prev else {(1,)}
                    if p.number not in expected and not (prev is None and kind == PARAGRAPH):
                        after = f"after {_NAMES[kind]} {prev.number_text}" if prev else "first"
                        diags.append(dx.Diagnostic(path, p.line, 1, dx.NUMBER_GAP,
                                                   f"{where} follows a gap ({after})",
                                                   "add the missing provision, mark it 削除, or set text_status: 要旨"))
                seen[p.number] = p
                prev = p
            for p in group:
                if p.children:
                    level(p.children, (parent + " " if parent else "") + _describe(p))

    level(provisions, "")
    return diags
