"""Link the first use of each glossary term on a page to its entry in the 用語集.

Runs once every page is read (the terms live in Sphinx's standard domain). Text already
inside a link, a title, code or the glossary itself is left alone; longer terms win over the
terms inside them (情報セキュリティ統括者 before 情報セキュリティ); a katakana term does not
match inside a longer katakana word (ログ is not in ログイン).
"""

from __future__ import annotations

import functools
import re

from docutils import nodes
from sphinx import addnodes

SKIP = (nodes.reference, nodes.literal, nodes.literal_block, nodes.title, nodes.term, nodes.rubric,
        nodes.field_name, addnodes.pending_xref, nodes.raw, nodes.comment, addnodes.glossary,
        addnodes.toctree, nodes.system_message)
_KATAKANA = "\u30a0-\u30ffー"


@functools.lru_cache(maxsize=4)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        escaped = re.escape(term)
        if re.fullmatch(f"[{_KATAKANA}]+", term):
            escaped = f"(?<![{_KATAKANA}]){escaped}(?![{_KATAKANA}])"
        parts.append(escaped)
    return re.compile("|".join(parts))


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        classes = getattr(parent, "get", lambda *_: ())("classes", ())
        # no links inside quizzes, reference tables or clickable cards (a link inside a link)
        if isinstance(parent, SKIP) or "pb-no-cite" in classes or "sd-card" in classes:
            return True
        parent = parent.parent
    return False


def link_terms(app, doctree: nodes.document, fromdocname: str) -> None:
    std = app.env.get_domain("std")
    display = {name: where for (kind, name), where in std.objects.items() if kind == "term"}
    if not display:
        return
    pattern = _term_pattern(tuple(sorted(display)))  # cached: built once per build, not per page
    linked: set[str] = set()
    for text_node in list(doctree.findall(nodes.Text)):
        if not isinstance(text_node.parent, (nodes.paragraph, nodes.inline, nodes.strong, nodes.emphasis,
                                             nodes.entry)) or _skipped(text_node):
            continue
        text = str(text_node)
        pieces: list[nodes.Node] = []
        pos = 0
        for m in pattern.finditer(text):
            term = m.group()
            key = term.lower()
            if key in linked or key not in display or display[key][0] == fromdocname:
                continue
            linked.add(key)
            docname, anchor = display[key]
            if m.start() > pos:
                pieces.append(nodes.Text(text[pos:m.start()]))
            uri = app.builder.get_relative_uri(fromdocname, docname) + "#" + anchor
            pieces.append(nodes.reference(term, term, internal=True, refuri=uri, reftitle=f"用語集：{term}",
                                          classes=["pb-term"]))
            pos = m.end()
        if pieces:
            if pos < len(text):
                pieces.append(nodes.Text(text[pos:]))
            parent = text_node.parent
            index = parent.index(text_node)
            parent.remove(text_node)
            for offset, piece in enumerate(pieces):
                parent.insert(index + offset, piece)


def setup_glossary_links(app) -> None:
    app.connect("doctree-resolved", link_terms)
