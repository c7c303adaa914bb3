"""Nothing an author writes can run in a reader's browser.

Raw HTML in Markdown is shown as text (MyST's html syntax is off, see conf.py), the ``raw``
directive is disabled, and any link whose address would run script (``javascript:`` …) —
from Markdown, a sphinx-design button or card — loses its address, with a warning.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .logging import logger

UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data|file)\s*:", re.I)


class UnsafeLinks(SphinxPostTransform):
    default_priority = 5  # before builders see the links

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.reference)):
            uri = node.get("refuri", "")
            if uri and UNSAFE_SCHEME.match(uri.replace("\x00", "")):
                logger.warning(f"PB416 link to '{uri[:40]}' removed: addresses that run script are not allowed",
                               type="policybook", subtype="PB416", location=node)
                node.replace_self(nodes.inline(node.astext(), node.astext(), classes=["pb-unsafe-link"]))


def disable_raw(app) -> None:
    # the {raw} directive would pass HTML straight through
    app.env.settings["raw_enabled"] = False
    app.env.settings["file_insertion_enabled"] = False


def setup_safety(app) -> None:
    app.add_post_transform(UnsafeLinks)
    app.connect("builder-inited", disable_raw)
