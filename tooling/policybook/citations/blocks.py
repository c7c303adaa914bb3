"""Text blocks of a page, in reading order, as the citation scanner sees them.

A block is a paragraph (or a table cell, or a definition) with its first line. Code, links,
roles and other inline markup that is not prose become one PLACEHOLDER character, so no
citation can run through them and offsets stay simple. The Sphinx extension builds the same
blocks from the doctree (``policybook.sphinx.citations``); both then call ``scan_blocks``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..markdown import parser
from ..model import Rule
from .index import CorpusIndex
from .scanner import Citation, Context, scan

PLACEHOLDER = "\ufffc"

# Directives whose content is prose (scanned); every other directive is skipped.
TEXT_DIRECTIVES = frozenset({
    "note", "warning", "tip", "important", "caution", "attention", "danger", "error", "hint",
    "seealso", "admonition", "topic", "sidebar", "epigraph", "dropdown", "card", "grid",
    "grid-item", "grid-item-card", "tab-set", "tab-item", "tab-set-code", "div", "container",
    "glossary", "checklist",
})
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:-]+)\}")
_OPTION = re.compile(r"^:[\w-]+:")


@dataclass
class Block:
    text: str
    line: int


def _inline_text(token) -> str:
    out: list[str] = []
    depth = 0  # inside a link: its text is already a reference
    for child in token.children or []:
        t = child.type
        if t == "link_open":
            if depth == 0:
                out.append(PLACEHOLDER)
            depth += 1
        elif t == "link_close":
            depth -= 1
        elif depth:
            continue
        elif t in ("text", "html_inline"):
            out.append(child.content)
        elif t in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t.endswith("_open") or t.endswith("_close"):
            continue  # emphasis, strong: transparent
        else:  # code_inline, myst_role, image, math …
            out.append(PLACEHOLDER)
    return "".join(out)


def markdown_blocks(source: str, first_line: int = 1) -> Iterator[Block]:
    from ..fastmd import parse as fast_parse

    tokens = fast_parse(source)
    return blocks_from_tokens(tokens if tokens is not None else parser().parse(source), first_line)


def blocks_from_tokens(tokens, first_line: int = 1) -> Iterator[Block]:
    skip_inline = False
    for token in tokens:
        t = token.type
        if t in ("heading_open", "dt_open", "fieldlist_name_open"):
            skip_inline = True
        elif t in ("heading_close", "dt_close", "fieldlist_name_close"):
            skip_inline = False
        elif t == "inline":
            if not skip_inline and token.map is not None:
                text = _inline_text(token)
                if text.strip(PLACEHOLDER + " \n"):
                    yield Block(text, first_line + token.map[0])
        elif t in ("fence", "colon_fence") and token.map is not None:
            m = _DIRECTIVE.match(token.info.strip())
            if not m or m.group("name") not in TEXT_DIRECTIVES:
                continue
            content_line = first_line + token.map[0] + 1
            if m.group("name") == "glossary":
                yield from _glossary_blocks(token.content, content_line)
            else:
                lines = token.content.split("\n")
                while lines and _OPTION.match(lines[0]):
                    lines.pop(0)
                    content_line += 1
                yield from markdown_blocks("\n".join(lines), content_line)


def _glossary_blocks(content: str, first_line: int) -> Iterator[Block]:
    """Sphinx's glossary: unindented lines are terms, indented ones their definition."""
    paragraph: list[str] = []
    start = first_line
    for offset, line in enumerate(content.split("\n") + [""]):
        if line.startswith((" ", "\t")) and line.strip():
            if not paragraph:
                start = first_line + offset
            paragraph.append(line.strip())
        elif paragraph:
            yield from markdown_blocks("\n".join(paragraph), start)
            paragraph = []


def provision_lines(rule: Rule) -> tuple[list[int], list[str]]:
    """Start lines and anchors of a rule's provisions, in line order (ties: the deeper one)."""
    pairs = sorted(((p.line, i, p.anchor) for i, p in enumerate(rule.walk())))
    return [line for line, _, _ in pairs], [anchor for _, _, anchor in pairs]


def provision_at(lines: tuple[list[int], list[str]], line: int) -> str | None:
    """The anchor of the provision whose text contains ``line`` (the last one starting above it)."""
    starts, anchors = lines
    i = bisect.bisect_right(starts, line)
    return anchors[i - 1] if i else None


def scan_blocks(blocks: Iterable[Block], index: CorpusIndex, rule: Rule | None = None) -> list[list[Citation]]:
    """Scan a page's blocks in order with one reading context; one list of citations per block."""
    context = Context(default_rule=rule.id if rule else None)
    lines = provision_lines(rule) if rule is not None else None
    out = []
    placed = None
    for block in blocks:
        if rule is not None:
            anchor = provision_at(lines, block.line)
            if anchor != placed:
                context.set_current(rule.id, anchor, index)
                placed = anchor
        out.append(scan(block.text, index, context, line=block.line))
    return out
