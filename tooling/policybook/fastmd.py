"""A fast reader for the plain Markdown most rule files are written in.

markdown-it-py costs about 3 ms for a typical rule file, which dominates checking thousands
of rules. Most rules use only ATX headings, paragraphs and one-line list items with no inline
markup; for exactly that subset this module produces the tokens that ``structure.parse`` and
``citations.blocks`` read, far faster. Anything outside the subset returns None and the
caller uses the real parser. ``tests/test_fastmd.py`` checks both give the same results.
"""

from __future__ import annotations

import re


# Any of these characters in a line may start inline markup or an escape: not our subset.
_INLINE_SPECIAL = re.compile(r"[`*_\[\]<>{}\\&!$~|]")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^([-+*])[ \t]+(\S.*)$")
_ORDERED = re.compile(r"^([0-9]{1,9})([.)])[ \t]+(\S.*)$")
# Lines that begin a construct outside the subset (or whose meaning depends on context).
_OTHER_BLOCK = re.compile(r"^(?:[ \t]|>|```|~~~|:::|:|\||%|\+\+\+|\(.*\)=|\[|=+[ \t]*$|-{2,}[ \t]*$|\*{3,}|_{3,}"
                          r"|[-+*][ \t]*$|[0-9]{1,9}[.)][ \t]*$)", re.M)


class Token:
    """The fields of markdown-it's Token that the readers use, without its cost."""

    __slots__ = ("type", "tag", "nesting", "map", "info", "content", "children", "hidden")

    def __init__(self, type_: str, tag: str, nesting: int, map=None, info: str = "", content: str = "",
                 children=None, hidden: bool = False):
        self.type, self.tag, self.nesting, self.map = type_, tag, nesting, map
        self.info, self.content, self.children, self.hidden = info, content, children, hidden


_token = Token
_SOFTBREAK = Token("softbreak", "br", 0)


def _inline(lines: list[str], start: int) -> Token:
    stripped = [line.strip() for line in lines]
    children = [Token("text", "", 0, content=stripped[0])]
    for line in stripped[1:]:
        children += [_SOFTBREAK, Token("text", "", 0, content=line)]
    return Token("inline", "", 0, map=[start, start + len(lines)], content="\n".join(stripped), children=children)


def parse(text: str) -> list[Token] | None:
    """Tokens for ``text`` when it is within the plain subset, else None."""
    lines = text.split("\n")
    tokens: list[Token] = []
    i = 0
    if lines and lines[0].rstrip() == "---":
        for end in range(1, len(lines)):
            if lines[end].rstrip() == "---":
                tokens.append(_token("front_matter", "", 0, content="\n".join(lines[1:end]), map=[0, end]))
                i = end + 1
                break
        else:
            return None
    body = "\n".join(lines[i:])
    # one pass over the whole body: any construct or inline markup outside the subset?
    if _INLINE_SPECIAL.search(body) or _OTHER_BLOCK.search(body):
        return None
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        heading = _HEADING.match(line) if line[0] == "#" else None
        if heading:
            level = len(heading.group(1))
            tokens += [_token("heading_open", f"h{level}", 1, map=[i, i + 1]),
                       _inline([heading.group(2)], i),
                       _token("heading_close", f"h{level}", -1)]
            i += 1
            continue
        if line.startswith("#"):
            return None
        if line[0] in "-+*0123456789" and (_BULLET.match(line) or _ORDERED.match(line)):
            i = _list(lines, i, tokens)
            if i < 0:
                return None
            continue
        # a paragraph: up to a blank line; anything but plain text inside it is not our subset
        start = i
        body = []
        while i < n and lines[i].strip():
            current = lines[i]
            if current[0] in "#-+*0123456789" and (current[0] == "#" or _BULLET.match(current)
                                                   or _ORDERED.match(current)):
                return None
            body.append(current)
            i += 1
        tokens += [_token("paragraph_open", "p", 1, map=[start, i]), _inline(body, start),
                   _token("paragraph_close", "p", -1)]
    return tokens


def _list(lines: list[str], i: int, tokens: list[Token]) -> int:
    """One list of one-line items (blank lines between items allowed). -1: not our subset."""
    first = _BULLET.match(lines[i])
    ordered = first is None
    marker = _ORDERED.match(lines[i]).group(2) if ordered else first.group(1)
    kind = "ordered_list" if ordered else "bullet_list"
    tag = "ol" if ordered else "ul"
    tokens.append(_token(f"{kind}_open", tag, 1, map=[i, i + 1]))
    n = len(lines)
    while i < n:
        m = _ORDERED.match(lines[i]) if ordered else _BULLET.match(lines[i])
        if m is None or (m.group(2) if ordered else m.group(1)) != marker:
            break
        text = m.group(3) if ordered else m.group(2)
        info = m.group(1) if ordered else ""
        tokens += [_token("list_item_open", "li", 1, map=[i, i + 1], info=info),
                   _token("paragraph_open", "p", 1, map=[i, i + 1], hidden=True), _inline([text], i),
                   _token("paragraph_close", "p", -1, hidden=True), _token("list_item_close", "li", -1)]
        i += 1
        if i < n and lines[i].strip() and not (_ORDERED.match(lines[i]) if ordered else _BULLET.match(lines[i])):
            return -1  # a continuation line or another construct right after an item
        while i < n and not lines[i].strip():
            i += 1
        if i < n and lines[i].strip() and not (_ORDERED.match(lines[i]) if ordered else _BULLET.match(lines[i])):
            break
    tokens.append(_token(f"{kind}_close", tag, -1))
    return i
