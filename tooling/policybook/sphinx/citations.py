"""Citations in the site: every one linked to its provision, checked, and listed back.

Blocks are built from the doctree the way ``policybook.citations.blocks`` builds them from
Markdown (paragraphs and table cells; code, links and roles become one placeholder), then the
shared scanner reads them with one context per page. Broken citations are warned with the
checker's code and words; resolved ones become ``pending_xref`` nodes of the policy domain.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from ..citations.blocks import PLACEHOLDER, Block, scan_blocks
from ..citations.diagnose import diagnose
from ..citations.scanner import Citation
from .logging import emit
from .state import state_for

# Inline elements whose text is prose (scanned through); every other inline element is opaque.
TRANSPARENT = (nodes.strong, nodes.emphasis, nodes.inline, nodes.subscript, nodes.superscript)
# Containers whose paragraphs are not prose of the page.
SKIP_INSIDE = (nodes.literal_block, nodes.raw, nodes.comment, nodes.system_message, nodes.title,
               nodes.term, nodes.field_name, nodes.rubric, addnodes.toctree, nodes.reference,
               addnodes.pending_xref, nodes.footnote, nodes.citation)


# Generated content (reference tables, examples) that is not to be read for citations.
NO_CITATIONS = "pb-no-cite"


class _Segment:
    __slots__ = ("node", "start", "end")

    def __init__(self, node: nodes.Text, start: int, end: int):
        self.node, self.start, self.end = node, start, end


def _flatten(element: nodes.Element, parts: list[str], segments: list[_Segment], offset: list[int]) -> None:
    for child in element.children:
        if isinstance(child, nodes.Text):
            text = str(child)
            segments.append(_Segment(child, offset[0], offset[0] + len(text)))
            parts.append(text)
            offset[0] += len(text)
        elif isinstance(child, TRANSPARENT):
            _flatten(child, parts, segments, offset)
        else:
            parts.append(PLACEHOLDER)
            offset[0] += 1


def _line_of(node: nodes.Node) -> int:
    while node is not None:
        if getattr(node, "line", None):
            return node.line
        node = node.parent
    return 0


def _is_block(node: nodes.Element) -> bool:
    """Paragraphs, marked text elements (checklist items) and table cells holding text."""
    if isinstance(node, nodes.paragraph):
        return True
    if isinstance(node, nodes.TextElement) and "pb-cite-block" in node.get("classes", ()):
        return True
    return isinstance(node, nodes.entry) and any(isinstance(c, (nodes.Text, nodes.inline)) for c in node.children)


def _prose_blocks(parent: nodes.Element):
    """The blocks of prose under ``parent`` in document order, never entering skipped parts
    (one pass over the tree rather than a walk up from every node)."""
    for node in parent.children:
        if not isinstance(node, nodes.Element) or isinstance(node, SKIP_INSIDE) \
                or NO_CITATIONS in node.get("classes", ()):
            continue
        if _is_block(node):
            yield node
        yield from _prose_blocks(node)


class CitationTransform(SphinxTransform):
    # Before Japanese lines are joined (860) and rule pages are decorated (870).
    default_priority = 855

    def apply(self, **kwargs) -> None:
        env = self.env
        state = state_for(env)
        docname = env.docname
        source = Path(self.document["source"])
        loaded = state.loaded_for(source, Path(env.srcdir))
        rule = loaded.rule if loaded else None
        try:
            shown = source.resolve().relative_to(Path(env.srcdir).resolve()).as_posix()
        except ValueError:
            shown = str(source)
        elements, blocks, flats = [], [], []
        for node in _prose_blocks(self.document):
            parts: list[str] = []
            segments: list[_Segment] = []
            _flatten(node, parts, segments, [0])
            text = "".join(parts)
            if not text.strip(PLACEHOLDER + " \n"):
                continue
            elements.append(node)
            blocks.append(Block(text, _line_of(node)))
            flats.append(segments)
        domain = env.get_domain("policy")
        linked_documents: set[str] = set()
        counter = 0
        for segments, found in zip(flats, scan_blocks(blocks, state.index, rule)):
            replacements: list[tuple[Citation, str]] = []
            for c in found:
                problem = diagnose(c, shown)
                if problem is not None:
                    emit(problem, docname)
                    domain.note_broken(docname)
                    continue
                if not c.target:
                    continue
                if c.unit == "document":
                    # link a bare mention of a document once per page; never a page to itself
                    if c.rule_id in linked_documents or (rule is not None and c.rule_id == rule.id):
                        continue
                    linked_documents.add(c.rule_id)
                counter += 1
                cite_id = f"pb-cite-{counter}"
                replacements.append((c, cite_id))
                domain.add_citation(docname, c.target, cite_id, c.text)
            _link(segments, replacements)


def _link(segments: list[_Segment], replacements: list[tuple[Citation, str]]) -> None:
    """Wrap each citation's text in a link, where the citation lies within one text node."""
    by_segment: dict[int, list[tuple[Citation, str]]] = {}
    for c, cite_id in replacements:
        for i, seg in enumerate(segments):
            if seg.start <= c.start and c.end <= seg.end:
                by_segment.setdefault(i, []).append((c, cite_id))
                break
    for i, items in by_segment.items():
        seg = segments[i]
        text = str(seg.node)
        new: list[nodes.Node] = []
        pos = 0
        for c, cite_id in sorted(items, key=lambda x: x[0].start):
            a, b = c.start - seg.start, c.end - seg.start
            if a < pos:
                continue
            if a > pos:
                new.append(nodes.Text(text[pos:a]))
            written = text[a:b]
            xref = addnodes.pending_xref("", refdomain="policy", reftype="ref", reftarget=c.target,
                                         refexplicit=True, refwarn=False)
            xref += nodes.inline(written, written)
            classes = ["pb-cite"] + (["pb-cite-external"] if c.status == "external" else [])
            new.append(nodes.inline("", "", xref, ids=[cite_id], classes=classes))
            pos = b
        if pos < len(text):
            new.append(nodes.Text(text[pos:]))
        parent = seg.node.parent
        index = parent.index(seg.node)
        parent.remove(seg.node)
        for offset, node in enumerate(new):
            parent.insert(index + offset, node)


def outdated_citers(app, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Re-read pages that cite a rule that changed, and pages with broken citations."""
    from .policy_page import is_rule_doc

    touched = {d for d in (added | changed | removed) if is_rule_doc(app.config, d)}
    if not touched:
        return []
    domain = env.get_domain("policy")
    ids = {domain.record_of(d).id for d in touched if domain.record_of(d)}
    pages = set(domain.data["broken"])
    for docname, entries in domain.data["citations"].items():
        if any(target.split("#")[0] in ids for target, _, _ in entries):
            pages.add(docname)
    return sorted(pages - removed - added - changed)


BACKLINK_TITLE = "この条を引用しているページ"


def fill_backlinks(app, doctree: nodes.document, fromdocname: str) -> None:
    from sphinx.util.nodes import make_refnode

    from .nodes import policy_backlinks

    domain = app.env.get_domain("policy")
    for node in list(doctree.findall(policy_backlinks)):
        target = f"{node['rule_id']}#{node['anchor']}"
        citing = [(doc, cite_id, text) for doc, cite_id, text in domain.citations_of(target) if doc != fromdocname]
        if not citing:
            node.replace_self([])
            continue
        box = nodes.container(classes=["pb-backlinks"])
        box += nodes.rubric(BACKLINK_TITLE, BACKLINK_TITLE)
        entries = nodes.bullet_list()
        for doc, cite_id, text in citing:
            title_node = app.env.titles.get(doc)
            title = title_node.astext() if title_node is not None else doc
            para = nodes.paragraph()
            para += make_refnode(app.builder, fromdocname, doc, cite_id, nodes.inline(title, title), title)
            para += nodes.Text(f"（{text}）")
            entries += nodes.list_item("", para)
        box += entries
        node.replace_self(box)


def setup_citations(app) -> None:
    app.add_transform(CitationTransform)
    app.connect("env-get-outdated", outdated_citers)
    app.connect("doctree-resolved", fill_backlinks)
