"""Placeholder nodes filled in once every rule is known (after parallel reads merge)."""

from __future__ import annotations

from docutils import nodes


class policy_index(nodes.General, nodes.Element):
    """Replaced by the list of all rules by kind."""


class policy_children(nodes.General, nodes.Element):
    """Replaced by the sub-standards that name this rule as their parent."""


class policy_backlinks(nodes.General, nodes.Element):
    """Replaced by the pages that cite this provision (or anything inside it)."""


class needs_script(nodes.Invisible, nodes.Element):
    """Marks a page that needs one of policybook's page scripts (``script`` attribute).

    Only pages with a quiz, trainer or checklist load those scripts; every other page is
    spared their bytes.
    """


def _skip(self, node):
    raise nodes.SkipNode


def setup_nodes(app) -> None:
    # Both are replaced at doctree-resolved; if one survives (a builder we did not foresee),
    # it renders as nothing rather than crashing.
    for node in (policy_index, policy_children, policy_backlinks, needs_script):
        app.add_node(node, **{fmt: (_skip, None) for fmt in ("html", "latex", "text", "man", "texinfo")})
