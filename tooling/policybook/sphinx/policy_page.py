"""Turn a rule's MyST doctree into a rule page.

The shared loader (``policybook.corpus``) parses the same source file; this transform only
decorates the nodes it finds at the provisions' lines: stable ids, number labels, the
metadata panel and the status banner. The rule goes into the domain for cross-page use.
"""

from __future__ import annotations


from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from ..metadata import STATUS_LABELS
from ..model import ITEM, PARAGRAPH, Rule
from ..numerals import to_fullwidth
from . import dates
from .logging import emit
from .nodes import policy_backlinks, policy_children
from .state import state_for

BANNERS = {
    "draft": ("caution", "この規程等は案です", "施行されていません。内容は変わることがあります。"),
    "superseded": ("warning", "この規程等は廃止され、後継の規程等に置き換えられています",
                   "現在の取扱いは後継の規程等を確認してください。"),
    "repealed": ("warning", "この規程等は廃止されています", "現在は効力がありません。"),
}


def is_rule_doc(config, docname: str) -> bool:
    prefix = config.policybook_policies_dir.rstrip("/") + "/"
    return docname.startswith(prefix) and not docname.endswith("/index")


class PolicyPageTransform(SphinxTransform):
    # After MyST and docutils have built sections and ids, and before Sphinx's
    # DoctreeReadEvent (880), whose handlers build the page TOC from those ids.
    default_priority = 870

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        if not is_rule_doc(self.config, docname):
            return
        source = self.env.doc2path(docname, False).as_posix()
        loaded = state_for(self.env).rule_page(source)
        for diagnostic in loaded.diagnostics:
            emit(diagnostic, docname)
        rule = loaded.rule
        if rule is None:
            return
        _decorate(self.document, rule)
        _add_header(self.document, rule)
        self.env.get_domain("policy").add_rule(docname, source, rule)


def _nodes_by_line(document: nodes.document) -> dict[int, list[nodes.Element]]:
    index: dict[int, list[nodes.Element]] = {}
    for node in document.findall(nodes.Element):
        line = node.line
        if line is not None:
            index.setdefault(line, []).append(node)
    return index


def _first(candidates: list[nodes.Element], *types) -> nodes.Element | None:
    for node in candidates:
        if isinstance(node, types):
            return node
    return None


def _decorate(document: nodes.document, rule: Rule) -> None:
    by_line = _nodes_by_line(document)
    for p in rule.walk():
        here = by_line.get(p.line, [])
        if p.kind == PARAGRAPH:
            node = _first(here, nodes.paragraph, nodes.bullet_list, nodes.enumerated_list)
            if node is None:
                continue
            node["ids"] = [p.anchor]
            node["classes"].append("pb-paragraph")
            if p.label and isinstance(node, nodes.paragraph):
                _replace_label(node, p.label, "pb-para-num", to_fullwidth(p.number[0]))
        elif p.kind == ITEM:
            item = _first(here, nodes.list_item)
            if item is None:
                continue
            item["ids"] = [p.anchor]
            item["classes"].append("pb-item")
            if isinstance(item.parent, nodes.Element) and "pb-items" not in item.parent["classes"]:
                item.parent["classes"].append("pb-items")
            first_para = _first(list(item.children), nodes.paragraph)
            if first_para is not None:
                _replace_label(first_para, p.label, "pb-item-num", p.label)
        else:
            section = _first(here, nodes.section)
            if section is None:
                continue
            section["ids"] = [p.anchor]
            section["classes"].extend(["pb-provision", f"pb-{p.kind}"] + (["pb-deleted"] if p.deleted else []))
            # 「この条を引用しているページ」, filled in once every page has been read
            section.append(policy_backlinks(rule_id=rule.id, anchor=p.anchor))


def _replace_label(paragraph: nodes.paragraph, label: str, cls: str, shown: str) -> None:
    """Swap the number the author typed for a styled one (２ for 2)."""
    if not paragraph.children or not isinstance(paragraph.children[0], nodes.Text):
        return
    text = str(paragraph.children[0])
    if not text.startswith(label):
        return
    rest = text[len(label):].lstrip(" \t\u3000")
    paragraph.replace(paragraph.children[0], nodes.Text(rest))
    paragraph.insert(0, nodes.inline(shown, shown, classes=["pb-num", cls]))
    paragraph.insert(1, nodes.Text("\u3000"))


def _field(name: str, *body: nodes.Node) -> nodes.field:
    value = nodes.paragraph("", "", *body)
    return nodes.field("", nodes.field_name(name, name), nodes.field_body("", value))


def _rule_xref(rule_id: str) -> addnodes.pending_xref:
    ref = addnodes.pending_xref("", refdomain="policy", reftype="rule", reftarget=rule_id,
                                refexplicit=False, refwarn=False)  # PB111 reports unknown ids
    ref += nodes.literal(rule_id, rule_id)
    return ref


def _text(value: str | None, unknown: str = "出典に記載なし") -> nodes.Text:
    return nodes.Text(value if value else unknown)


def _add_header(document: nodes.document, rule: Rule) -> None:
    """Metadata panel (and a banner for drafts and withdrawn rules) under the title."""
    section = next(iter(document.findall(nodes.section)), None)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        return
    fields = nodes.field_list(classes=["pb-meta-fields"])
    fields += _field("種別", nodes.Text(rule.kind))
    if rule.parent:
        label = f"（第{rule.number}）" if rule.number else ""
        fields += _field("上位の規程等", _rule_xref(rule.parent), nodes.Text(label))
    fields += _field("所管", _text(rule.owner))
    for key, name in (("effective", "施行日"), ("last_amended", "最終改正"), ("review_due", "見直し期限")):
        value = getattr(rule, key)
        fields += _field(name, _text(dates.japanese(value) if value else None))
    status = nodes.inline("", STATUS_LABELS.get(rule.status, rule.status), classes=["pb-status", f"pb-status-{rule.status}"])
    fields += _field("状態", status)
    if rule.successor:
        fields += _field("後継", _rule_xref(rule.successor))
    fields += _field("対象者", _text("、".join(rule.audience) if rule.audience else None, "指定なし"))
    if rule.text_status == "要旨":
        fields += _field("本文の扱い", nodes.strong("要旨", "要旨"),
                         nodes.Text("（正式な条文ではありません。掲載していない条項は出典に記載がないものです。）"))
    else:
        fields += _field("本文の扱い", nodes.Text("全文"))
    if rule.aliases:
        fields += _field("略称", nodes.Text("、".join(rule.aliases)))
    if rule.source:
        fields += _field("出典", nodes.Text(rule.source))
    if rule.url:
        fields += _field("公式の本文", nodes.reference(rule.url, rule.url, refuri=rule.url))
    panel = nodes.container(classes=["pb-meta"])
    panel += nodes.rubric("規程等の情報", "規程等の情報", classes=["pb-meta-title"])
    panel += fields
    insert_at = 1
    banner = BANNERS.get(rule.status)
    if banner:
        kind, title, body = banner
        admonition = nodes.admonition(classes=["pb-banner", f"pb-banner-{rule.status}", kind])
        admonition += nodes.title(title, title)
        para = nodes.paragraph(body, body)
        if rule.successor:
            para += nodes.Text(" 後継：")
            para += _rule_xref(rule.successor)
        admonition += para
        section.insert(insert_at, admonition)
        insert_at += 1
    section.insert(insert_at, panel)
    # sub-standards of this rule, listed once all rules are known
    children = policy_children(rule_id=rule.id)
    last_intro = insert_at + 1
    while last_intro < len(section) and not isinstance(section[last_intro], nodes.section):
        last_intro += 1
    section.insert(last_intro, children)

