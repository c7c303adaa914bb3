"""Survey charts drawn at build time from data files: an SVG bar chart and its data table.

Nothing is loaded in the browser: the SVG is written into the page (presentation attributes
only, so it passes a strict Content-Security-Policy) and the same figures follow as a table,
which is also what non-HTML builders show.
"""

from __future__ import annotations

import html
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .. import diagnostics as dx
from .. import yamlload
from .logging import emit_at_path, logger

BAR_COLOUR = "#1d4f91"
LABEL_WIDTH = 250
BAR_WIDTH = 330
ROW = 30


def load_survey(path: Path, shown: str) -> tuple[dict | None, list[dx.Diagnostic]]:
    """Read and check a survey data file; problems are diagnostics with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return None, [dx.Diagnostic(shown, 0, 0, dx.SURVEY_DATA, f"cannot read survey data: {exc.strerror}")]
    located = yamlload.load(text, shown, first_line=1)
    diags = list(located.diagnostics)
    data = located.data
    if not isinstance(data, dict):
        diags.append(dx.Diagnostic(shown, 1, 1, dx.SURVEY_DATA, "survey data must be a mapping (title, source, items …)"))
        return None, diags

    def bad(key_path, message):
        line, col = located.positions.get(key_path, (1, 1))
        diags.append(dx.Diagnostic(shown, line, col, dx.SURVEY_DATA, message))

    for key in ("title", "source", "unit"):
        if not isinstance(data.get(key), str) or not data.get(key):
            bad((key,), f"'{key}' must be text")
    if data.get("respondents") is not None and not isinstance(data.get("respondents"), int):
        bad(("respondents",), "'respondents' (回答数) must be a whole number, or null when the report gives none")
    items = data.get("items")
    if not isinstance(items, list) or not items:
        bad(("items",), "'items' must be a list of {label, count, percent}")
        return None, diags
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            bad(("items", i), "each item needs a text 'label'")
            return None, diags
        for key in ("count", "percent"):
            value = item.get(key)
            if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0):
                bad(("items", i, key), f"'{key}' must be a number, or null")
                return None, diags
        if item.get("count") is None and item.get("percent") is None:
            bad(("items", i), f"item 「{item['label']}」 has neither count nor percent")
            return None, diags
    return (data if not [d for d in diags if d.severity >= dx.Severity.ERROR] else None), diags


def _lines(label: str, width: int = 17) -> list[str]:
    return [label[i:i + width] for i in range(0, len(label), width)][:3] or [""]


def svg(data: dict, chart_id: str) -> str:
    items = data["items"]
    use_percent = all(i.get("percent") is not None for i in items)
    values = [float(i["percent"] if use_percent else i["count"]) for i in items]
    top = 100.0 if use_percent and max(values) <= 100 else max(values) or 1.0
    unit = "％" if use_percent else data.get("unit", "")
    heights = [max(ROW, 16 * len(_lines(i["label"])) + 10) for i in items]
    total_height = sum(heights) + 10
    width = LABEL_WIDTH + BAR_WIDTH + 90
    e = lambda t: html.escape(str(t), quote=True)  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="pb-chart-svg" viewBox="0 0 {width} {total_height}" '
           f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
           f'<title id="{chart_id}-title">{e(data["title"])}</title>',
           f'<desc id="{chart_id}-desc">' + e("、".join(f"{i['label']} {v:g}{unit}" for i, v in zip(items, values)))
           + "</desc>"]
    y = 5
    for item, value, h in zip(items, values, heights):
        lines = _lines(item["label"])
        for n, part in enumerate(lines):
            ty = y + h / 2 + (n - (len(lines) - 1) / 2) * 16 + 5
            out.append(f'<text x="{LABEL_WIDTH - 8}" y="{ty:.1f}" text-anchor="end" font-size="13" fill="#222">{e(part)}</text>')
        bar = BAR_WIDTH * value / top
        out.append(f'<rect x="{LABEL_WIDTH}" y="{y + 5}" width="{bar:.1f}" height="{h - 10}" fill="{BAR_COLOUR}" '
                   f'data-value="{value:g}"/>')
        out.append(f'<text x="{LABEL_WIDTH + bar + 6:.1f}" y="{y + h / 2 + 5:.1f}" font-size="13" fill="#222">'
                   f'{e(f"{value:g}{unit}")}</text>')
        y += h
    out.append(f'<line x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{total_height}" stroke="#666" stroke-width="1"/>')
    out.append("</svg>")
    return "".join(out)


def table(data: dict) -> nodes.table:
    unit = data.get("unit", "")
    tbl = nodes.table(classes=["pb-chart-table"])
    group = nodes.tgroup(cols=3)
    tbl += group
    for w in (60, 20, 20):
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    row = nodes.row()
    for text in ("項目", f"数（{unit}）", "割合"):
        row += nodes.entry("", nodes.paragraph(text, text))
    head += row
    group += head
    body = nodes.tbody()
    for item in data["items"]:
        row = nodes.row()
        count = "—" if item.get("count") is None else f"{item['count']:g}"
        percent = "—" if item.get("percent") is None else f"{item['percent']:g}％"
        for text in (item["label"], count, percent):
            row += nodes.entry("", nodes.paragraph(text, text))
        body += row
    group += body
    return tbl


class SurveyChartDirective(SphinxDirective):
    """```{survey-chart} data/mochidashi-umu.yaml```: chart and table from a data file."""

    required_arguments = 1

    def run(self):
        rel, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(rel)
        shown = Path(rel).as_posix()
        data, diags = load_survey(Path(path), shown)
        for d in diags:
            emit_at_path(d, path)
        if data is None:
            if not diags:
                logger.warning(f"{dx.SURVEY_DATA} no survey data in {shown}", type="policybook", subtype=dx.SURVEY_DATA,
                               location=self.get_location())
            return []
        chart_id = f"chart-{self.env.new_serialno('policybook-chart')}"
        figure = nodes.container(classes=["pb-chart", "pb-no-cite"], ids=[chart_id])
        figure += nodes.rubric(data["title"], data["title"])
        figure += nodes.raw("", svg(data, chart_id), format="html")
        respondents = data.get("respondents")
        parts = [f"回答数：{respondents}{data['unit']}" if respondents is not None else "回答数：出典に記載なし"]
        if data.get("multiple"):
            parts.append("複数回答")
        parts.append(f"出典：平成27年度行政監査結果報告 {data['source']}")
        caption = "（" + "、".join(parts) + "）"
        figure += nodes.paragraph(caption, caption, classes=["pb-chart-caption"])
        if data.get("question"):
            figure += nodes.paragraph(f"設問：{data['question']}", f"設問：{data['question']}", classes=["pb-chart-question"])
        figure += table(data)
        if data.get("note"):
            figure += nodes.paragraph(str(data["note"]), str(data["note"]), classes=["pb-chart-note"])
        return [figure]


def setup_charts(app) -> None:
    app.add_directive("survey-chart", SurveyChartDirective)
