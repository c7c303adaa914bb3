"""Join lines inside Japanese paragraphs.

A line break inside a Markdown paragraph reaches the HTML, and Chromium shows it as a space
between Japanese characters. Authors may wrap lines as they like; the break is removed
wherever both sides are Japanese (kana, kanji, full-width punctuation).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform

_CJK = r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
_BREAK = re.compile(rf"(?<={_CJK})[ \t]*\n[ \t]*(?={_CJK})")
_CJK_CHAR = re.compile(_CJK)


def join_japanese_lines(text: str) -> str:
    return _BREAK.sub("", text)


class JoinJapaneseLines(SphinxTransform):
    default_priority = 860

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.Text)):
            parent = node.parent
            if parent is None or isinstance(parent, (nodes.literal_block, nodes.literal, nodes.raw,
                                                     nodes.comment, nodes.doctest_block)):
                continue
            text = str(node)
            if "\n" not in text:
                continue
            if not text.strip():
                # MyST gives a soft break its own Text node: look at the neighbours
                before, after = _neighbour_char(node, -1), _neighbour_char(node, 1)
                if before and after and _CJK_CHAR.match(before) and _CJK_CHAR.match(after):
                    parent.replace(node, nodes.Text(""))
                continue
            joined = join_japanese_lines(text)
            if joined != text:
                parent.replace(node, nodes.Text(joined))


def _neighbour_char(node: nodes.Text, step: int) -> str:
    """The character just before (step -1) or after (step 1) a node, within its paragraph."""
    siblings = node.parent.children
    index = siblings.index(node) + step
    if not 0 <= index < len(siblings):
        return ""
    text = siblings[index].astext()
    if not text:
        return ""
    return text[-1] if step < 0 else text[0]
