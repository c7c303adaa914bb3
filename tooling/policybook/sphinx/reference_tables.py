"""Tables generated from the single definitions: the front-matter schema and the codes."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .. import diagnostics as dx
from .. import metadata

SEVERITY_JA = {dx.Severity.ERROR: "エラー", dx.Severity.WARNING: "警告", dx.Severity.INFO: "情報"}


def _table(headers: list[str], rows: list[list[nodes.Node | str]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["pb-reference-table", "pb-no-cite"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for text in headers:
        row += nodes.entry("", nodes.paragraph(text, text))
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            content = cell if isinstance(cell, nodes.Node) else nodes.paragraph(cell, cell)
            row += nodes.entry("", content)
        body += row
    group += body
    return table


class FrontMatterFields(SphinxDirective):
    """``{policy-frontmatter-fields}``: every key of the rule schema."""

    def run(self):
        rows = []
        for key, label, required, description in metadata.fields_table():
            rows.append([nodes.paragraph("", "", nodes.literal(key, key)), label,
                         "必須" if required else "", description])
        return [_table(["キー", "意味", "必須", "説明（値）"], rows, [15, 15, 8, 62])]


class DiagnosticCodes(SphinxDirective):
    """``{policy-diagnostic-codes}``: every code the checker and the build report."""

    def run(self):
        rows = [[nodes.paragraph("", "", nodes.literal(c.code, c.code)), c.name, SEVERITY_JA[c.severity], dx.SUMMARIES_JA.get(c.code, c.summary)]
                for c in dx.CODES.values()]
        return [_table(["コード", "名前", "重さ", "内容"], rows, [10, 22, 8, 60])]


def setup_reference_tables(app) -> None:
    app.add_directive("policy-frontmatter-fields", FrontMatterFields)
    app.add_directive("policy-diagnostic-codes", DiagnosticCodes)
