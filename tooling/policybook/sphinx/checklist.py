"""Self-inspection checklists (チェックシート): one item per line, each citing its rule.

Items are real checkboxes; ``policybook-checklist.js`` keeps ticks in the browser, exports
CSV and prints. Without script the page is a printable list. Item text is read for citations
like any prose, so every basis links to its provision and is checked.
"""

from __future__ import annotations

import hashlib

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .. import diagnostics as dx
from .logging import logger
from .nodes import needs_script

# Inline text elements that the citation reader treats as prose blocks.
CITE_BLOCK = "pb-cite-block"


class checklist(nodes.General, nodes.Element):
    pass


class checklist_item(nodes.TextElement):
    pass


class ChecklistDirective(SphinxDirective):
    """```{checklist} shokuin
    :title: 職員のセルフチェック
    - 個人情報を含む文書を庁外へ持ち出すときは、課長等の承認を得ている（公文書取扱規程第48条）
    ```"""

    required_arguments = 1
    has_content = True
    option_spec = {"title": directives.unchanged}

    def run(self):
        list_id = self.arguments[0]
        items = []
        for i, raw in enumerate(self.content):
            line = raw.strip()
            if not line:
                continue
            # MyST: content lines count from the line after the directive and its options
            line_no = self.lineno + self.content_offset + self.content.info(i)[1] + 1
            if not line.startswith(("- ", "* ")):
                logger.warning(f"{dx.CHECKLIST_ITEM} checklist line is not an item: {line!r} (start each item with '- ')",
                               type="policybook", subtype=dx.CHECKLIST_ITEM, location=(self.env.docname, line_no))
                continue
            items.append((line[2:].strip(), line_no))
        if not items:
            logger.warning(f"{dx.CHECKLIST_ITEM} the checklist has no items", type="policybook", subtype=dx.CHECKLIST_ITEM,
                           location=self.get_location())
            return []
        title = self.options.get("title", "チェックシート")
        node = checklist(ids=[f"checklist-{list_id}"], classes=["pb-checklist"])
        node["list_id"] = list_id
        node["title"] = title
        node["version"] = hashlib.sha256("\n".join(t for t, _ in items).encode()).hexdigest()[:10]
        node += nodes.rubric(title, title)
        node += needs_script(script="policybook-checklist.js")
        for n, (text, line) in enumerate(items, 1):
            item = checklist_item(text, "", nodes.Text(text), classes=[CITE_BLOCK])
            item["number"] = n
            item.line = line
            item.source = self.env.doc2path(self.env.docname)
            node += item
        return [node]


def visit_checklist_html(self, node):
    self.body.append(self.starttag(node, "section", **{"data-checklist": node["list_id"],
                                                      "data-version": node["version"],
                                                      "aria-label": node["title"]}))


def depart_checklist_html(self, node):
    self.body.append('</ol><div class="pb-checklist-controls" hidden>'
                     '<button type="button" class="pb-checklist-csv">CSVで保存</button>'
                     '<button type="button" class="pb-checklist-print">印刷</button>'
                     '<button type="button" class="pb-checklist-clear">チェックを全て外す</button>'
                     '<span class="pb-checklist-status" role="status" aria-live="polite"></span></div></section>\n')


def visit_item_html(self, node):
    if node["number"] == 1:
        self.body.append('<ol class="pb-checklist-items">')
    box = f"{node.parent['ids'][0]}-{node['number']}"
    self.body.append(f'<li><input type="checkbox" id="{box}" data-item="{node["number"]}">'
                     f'<label for="{box}">')


def depart_item_html(self, node):
    self.body.append("</label></li>\n")


def visit_pass(self, node):
    pass


def depart_pass(self, node):
    pass


def visit_item_text(self, node):
    self.new_state(4)
    self.add_text("□ ")


def depart_item_text(self, node):
    self.end_state()


def setup_checklist(app) -> None:
    app.add_node(checklist, html=(visit_checklist_html, depart_checklist_html),
                 **{b: (visit_pass, depart_pass) for b in ("latex", "man", "texinfo", "text")})
    app.add_node(checklist_item, html=(visit_item_html, depart_item_html), text=(visit_item_text, depart_item_text),
                 **{b: (visit_pass, depart_pass) for b in ("latex", "man", "texinfo")})
    app.add_directive("checklist", ChecklistDirective)
