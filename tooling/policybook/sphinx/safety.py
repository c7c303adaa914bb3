"""Nothing an author writes can run in a reader's browser.

Raw HTML in Markdown is shown as text (MyST's html syntax is off, see conf.py), the ``raw``
directive is disabled, and any link whose address would run script (``javascript:`` …) —
from Markdown, a sphinx-design button or card — loses its address, with a warning.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import diagnostics as dx
from .logging import logger

UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data|file)\s*:", re.I)


class UnsafeLinks(SphinxPostTransform):
    default_priority = 5  # before builders see the links

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.reference)):
            uri = node.get("refuri", "")
            if uri and UNSAFE_SCHEME.match(uri.replace("\x00", "")):
                logger.warning(f"{dx.UNSAFE_LINK} link to '{uri[:40]}' removed: addresses that run script are not allowed",
                               type="policybook", subtype=dx.UNSAFE_LINK, location=node)
                node.replace_self(nodes.inline(node.astext(), node.astext(), classes=["pb-unsafe-link"]))


class TablesWithoutInlineStyles(SphinxPostTransform):
    """Explicit column widths become ``style="width: …"`` attributes, which a strict
    Content-Security-Policy (style-src 'self') refuses; let the browser size columns."""

    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for table in self.document.findall(nodes.table):
            if "colwidths-given" in table["classes"]:
                table["classes"].remove("colwidths-given")
                table["classes"].append("colwidths-auto")


def translations_without_eval(app, exception) -> None:
    """Sphinx's doctools.js turns the catalogue's plural rule into code with ``new Function``,
    which needs 'unsafe-eval'. Write the same rule as ordinary code instead."""
    import json
    from pathlib import Path

    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / "_static" / "translations.js"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    start, end = text.find("Documentation.addTranslations("), text.rfind(");")
    if start < 0 or end < 0:
        return
    catalog = json.loads(text[start + len("Documentation.addTranslations("):end])
    plural = str(catalog.get("plural_expr", "0"))
    if not re.fullmatch(r"[n0-9\s()<>=!&|%?:+\-]*", plural):  # babel's rules use only these
        logger.warning(f"{dx.TRANSLATIONS} unexpected plural rule {plural!r} in translations.js; left as it was",
                       type="policybook", subtype=dx.TRANSLATIONS)
        return
    path.write_text(
        "/* Sphinx's catalogue, installed without eval (policybook: strict Content-Security-Policy). */\n"
        f"Object.assign(Documentation.TRANSLATIONS, {json.dumps(catalog.get('messages', {}), ensure_ascii=False)});\n"
        f"Documentation.PLURAL_EXPR = function (n) {{ return ({plural}); }};\n"
        f"Documentation.LOCALE = {json.dumps(catalog.get('locale', ''))};\n", encoding="utf-8")


def disable_raw(app) -> None:
    # the {raw} directive would pass HTML straight through
    app.env.settings["raw_enabled"] = False
    app.env.settings["file_insertion_enabled"] = False


def setup_safety(app) -> None:
    app.add_post_transform(UnsafeLinks)
    app.add_post_transform(TablesWithoutInlineStyles)
    app.connect("builder-inited", disable_raw)
    app.connect("build-finished", translations_without_eval)
