"""The rule index (``{policy-index}``) and the sub-standard list on a parent's page."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .. import catalog
from ..metadata import STATUS_LABELS
from .nodes import policy_children, policy_index
from .policy_page import is_rule_doc
from .state import state_for

KIND_HEADINGS = {"法律": "法律（国の法令）", "政令": "政令（国の法令）"}


class PolicyIndexDirective(SphinxDirective):
    """List every rule by kind, sub-standards under their parent; also the site navigation.

    The list itself is filled in once every rule has been read (``fill_placeholders``). The
    navigation (a hidden toctree in the same order) must exist while this page is read, so
    it is computed from the rule files with the shared loader.
    """

    has_content = False
    option_spec = {"maxdepth": int}

    def run(self) -> list[nodes.Node]:
        self.env.get_domain("policy").note_index_page(self.env.docname)
        node = policy_index()
        self.set_source_info(node)
        return [node, self._toctree()]

    def _toctree(self) -> nodes.Node:
        rules = {}
        for rel, loaded in state_for(self.env).corpus.loaded.items():  # parsed once per build
            docname = self.env.path2doc(str(Path(self.env.srcdir) / rel))
            if docname in self.env.found_docs and docname != self.env.docname and loaded.rule is not None:
                rules[docname] = loaded.rule
        toctree = addnodes.toctree()
        toctree["parent"] = self.env.docname
        order = catalog.ordered_keys(rules)
        toctree["entries"] = [(None, docname) for docname in order]
        toctree["includefiles"] = list(order)
        toctree["maxdepth"] = self.options.get("maxdepth", 1)
        toctree["caption"] = None
        toctree["glob"] = False
        toctree["hidden"] = True
        toctree["includehidden"] = False
        toctree["numbered"] = 0
        toctree["titlesonly"] = True
        self.set_source_info(toctree)
        return nodes.compound("", toctree, classes=["toctree-wrapper"])


def _rule_entry(builder, fromdocname: str, entry: catalog.Entry) -> nodes.list_item:
    rule = entry.rule
    item = nodes.list_item(classes=["pb-index-entry"])
    para = nodes.paragraph()
    prefix = f"{rule.number}　" if rule.number else ""
    label = nodes.inline("", prefix + rule.title)
    para += make_refnode(builder, fromdocname, entry.key, "", label, rule.title)
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
    if entry.children:
        sub = nodes.bullet_list(classes=["pb-index-children"])
        for child in entry.children:
            sub += _rule_entry(builder, fromdocname, child)
        item += sub
    return item


def _build_index(builder, fromdocname: str, rules) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for kind, roots in catalog.grouped(rules):
        heading = KIND_HEADINGS.get(kind, kind)
        section = nodes.container(classes=["pb-index-kind"])
        section += nodes.rubric(heading, heading)
        entries = nodes.bullet_list(classes=["pb-index"])
        for root in roots:
            entries += _rule_entry(builder, fromdocname, root)
        section += entries
        out.append(section)
    if not out:
        out.append(nodes.paragraph("規程等はまだ登録されていません。", "規程等はまだ登録されていません。"))
    return out


def fill_placeholders(app, doctree: nodes.document, fromdocname: str) -> None:
    domain = app.env.get_domain("policy")
    for node in list(doctree.findall(policy_index)):
        node.replace_self(_build_index(app.builder, fromdocname, domain.rules))
    for node in list(doctree.findall(policy_children)):
        kids = domain.children_of(node["rule_id"])
        if not kids:
            node.replace_self([])
            continue
        box = nodes.container(classes=["pb-children"])
        title = "この規程等に属する基準"
        box += nodes.rubric(title, title)
        entries = nodes.bullet_list(classes=["pb-index"])
        for kid in kids:
            entries += _rule_entry(app.builder, fromdocname, kid)
        box += entries
        node.replace_self(box)


def outdated_listings(app, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages whose lists depend on other rules: rewrite them when a rule comes, goes or changes."""
    touched = {d for d in (added | changed | removed) if is_rule_doc(app.config, d)}
    if not touched:
        return []
    domain = env.get_domain("policy")
    # the parent a changed rule had, and the one it has now
    parents = {record.parent for record in map(domain.record_of, touched) if record and record.parent}
    state = state_for(env)
    for docname in (added | changed) & touched:
        rule = state.rule_at(env.doc2path(docname, False).as_posix())
        if rule is not None and rule.parent:
            parents.add(rule.parent)
    by_id = domain.by_id()
    pages = set(domain.data["index_pages"])
    pages.update(by_id[p][0] for p in parents if p in by_id)
    return sorted(pages - removed)


def setup_listing(app) -> None:
    app.add_directive("policy-index", PolicyIndexDirective)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("env-get-outdated", outdated_listings)
