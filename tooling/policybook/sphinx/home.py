"""Home-page pieces: a search box and the rules changed most recently."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from ..metadata import STATUS_LABELS, parse_date
from . import dates


class search_box(nodes.General, nodes.Element):
    pass


def visit_search_box_html(self, node):
    from html import escape
    action = escape(self.builder.get_relative_uri(self.builder.current_docname, "search"), quote=True)
    self.body.append(
        f'<form class="pb-search-box" action="{action}" method="get" role="search">'
        '<label for="pb-home-search">キーワードや条文（例：「USB 持ち出し」「個人情報保護条例第12条」）で探す</label>'
        '<div class="pb-search-row"><input id="pb-home-search" type="search" name="q" autocomplete="off" required>'
        '<button type="submit">検索</button></div></form>')
    raise nodes.SkipNode


class SearchBoxDirective(SphinxDirective):
    def run(self):
        return [search_box()]


class recent_changes(nodes.General, nodes.Element):
    pass


class RecentChangesDirective(SphinxDirective):
    """The rules whose last amendment (or start) is most recent."""

    option_spec = {"limit": directives.positive_int}

    def run(self):
        node = recent_changes(limit=self.options.get("limit", 5))
        self.env.get_domain("policy").note_index_page(self.env.docname)
        return [node]


def _when(rule) -> tuple[int, ...] | None:
    value = rule.last_amended or rule.effective
    return parse_date(value) if value else None


def fill_recent_changes(app, doctree, fromdocname):
    rules = app.env.get_domain("policy").rules
    for node in list(doctree.findall(recent_changes)):
        dated = sorted(((_when(r), d, r) for d, r in rules.items() if _when(r) and not r.is_external),
                       key=lambda x: (x[0], x[2].title), reverse=True)[: node["limit"]]
        items = nodes.bullet_list(classes=["pb-recent"])
        for _, docname, rule in dated:
            kind = "改正" if rule.last_amended else "施行"
            para = nodes.paragraph()
            para += make_refnode(app.builder, fromdocname, docname, "", nodes.inline(rule.title, rule.title), rule.title)
            value = rule.last_amended or rule.effective
            text = f"（{dates.japanese(value)} {kind}・{STATUS_LABELS.get(rule.status, rule.status)}）"
            para += nodes.Text(text)
            items += nodes.list_item("", para)
        if not dated:
            items = nodes.paragraph("日付の分かる規程等はありません。", "日付の分かる規程等はありません。")
        node.replace_self(items)


def _skip(self, node):
    raise nodes.SkipNode


def setup_home(app) -> None:
    app.add_node(search_box, html=(visit_search_box_html, None),
                 **{b: (_skip, None) for b in ("latex", "text", "man", "texinfo")})
    app.add_node(recent_changes, **{b: (_skip, None) for b in ("html", "latex", "text", "man", "texinfo")})
    app.add_directive("policy-search-box", SearchBoxDirective)
    app.add_directive("policy-recent-changes", RecentChangesDirective)
    app.connect("doctree-resolved", fill_recent_changes)
