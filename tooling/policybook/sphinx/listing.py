"""The rule index (``{policy-index}``) and the sub-standard list on a parent's page."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .. import corpus
from ..metadata import KINDS, STATUS_LABELS
from ..model import Rule
from .nodes import policy_children, policy_index
from .policy_page import is_rule_doc

KIND_HEADINGS = {"法律": "法律（国の法令）", "政令": "政令（国の法令）"}


class PolicyIndexDirective(SphinxDirective):
    """List every rule by kind; sub-standards appear under their parent as a tree."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.get_domain("policy").note_index_page(self.env.docname)
        node = policy_index()
        self.set_source_info(node)
        return [node]


def _rule_entry(builder, fromdocname: str, docname: str, rule: Rule, domain) -> nodes.list_item:
    item = nodes.list_item(classes=["pb-index-entry"])
    para = nodes.paragraph()
    prefix = f"{rule.number}　" if rule.number else ""
    label = nodes.inline("", prefix + rule.title)
    para += make_refnode(builder, fromdocname, docname, "", label, rule.title)
    if rule.status != "in-force":
        para += nodes.Text(" ")
        para += nodes.inline("", f"［{STATUS_LABELS.get(rule.status, rule.status)}］",
                             classes=["pb-status", f"pb-status-{rule.status}"])
    if rule.text_status == "要旨":
        para += nodes.Text(" ")
        para += nodes.inline("", "（要旨）", classes=["pb-textstatus"])
    item += para
    if rule.summary:
        item += nodes.paragraph(rule.summary, rule.summary, classes=["pb-index-summary"])
    kids = domain.children_of(rule.id)
    if kids:
        sub = nodes.bullet_list(classes=["pb-index-children"])
        for kid_doc, kid in kids:
            sub += _rule_entry(builder, fromdocname, kid_doc, kid, domain)
        item += sub
    return item


def _build_index(builder, fromdocname: str, domain) -> list[nodes.Node]:
    by_id = domain.by_id()
    groups: dict[str, list[tuple[str, Rule]]] = {}
    for docname, rule in domain.rules.items():
        if rule.parent and rule.parent in by_id:
            continue  # shown under its parent
        groups.setdefault(rule.kind, []).append((docname, rule))
    order = {k: i for i, k in enumerate(KINDS)}
    out: list[nodes.Node] = []
    for kind in sorted(groups, key=lambda k: (order.get(k, len(order)), k)):
        heading = KIND_HEADINGS.get(kind, kind)
        section = nodes.container(classes=["pb-index-kind"])
        section += nodes.rubric(heading, heading)
        entries = nodes.bullet_list(classes=["pb-index"])
        for docname, rule in sorted(groups[kind], key=lambda dr: dr[1].title):
            entries += _rule_entry(builder, fromdocname, docname, rule, domain)
        section += entries
        out.append(section)
    if not out:
        out.append(nodes.paragraph("規程等はまだ登録されていません。", "規程等はまだ登録されていません。"))
    return out


def fill_placeholders(app, doctree: nodes.document, fromdocname: str) -> None:
    domain = app.env.get_domain("policy")
    for node in list(doctree.findall(policy_index)):
        node.replace_self(_build_index(app.builder, fromdocname, domain))
    for node in list(doctree.findall(policy_children)):
        kids = domain.children_of(node["rule_id"])
        if not kids:
            node.replace_self([])
            continue
        box = nodes.container(classes=["pb-children"])
        title = "この規程等に属する基準"
        box += nodes.rubric(title, title)
        entries = nodes.bullet_list(classes=["pb-index"])
        for kid_doc, kid in kids:
            entries += _rule_entry(app.builder, fromdocname, kid_doc, kid, domain)
        box += entries
        node.replace_self(box)


def outdated_listings(app, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages whose lists depend on other rules: rewrite them when a rule comes, goes or changes."""
    touched = {d for d in (added | changed | removed) if is_rule_doc(app.config, d)}
    if not touched:
        return []
    domain = env.get_domain("policy")
    parents = {domain.rules[d].parent for d in touched if d in domain.rules and domain.rules[d].parent}
    for docname in added | changed:
        if docname in touched:
            loaded = corpus.load_rule(Path(env.doc2path(docname)))
            if loaded.rule is not None and loaded.rule.parent:
                parents.add(loaded.rule.parent)
    by_id = domain.by_id()
    pages = set(domain.data["index_pages"])
    pages.update(by_id[p][0] for p in parents if p in by_id)
    return sorted(pages - removed)


def setup_listing(app) -> None:
    app.add_directive("policy-index", PolicyIndexDirective)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("env-get-outdated", outdated_listings)
