"""Wiring: config values, domain, transforms, listings, checks and static assets."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .. import __version__, checks
from .citations import setup_citations
from .domain import PolicyDomain
from .glossary_links import setup_glossary_links
from .listing import setup_listing
from .logging import emit
from .nodes import setup_nodes
from .japanese_text import JoinJapaneseLines
from .policy_page import PolicyPageTransform
from .state import load_state
from .reference_tables import setup_reference_tables

STATIC = Path(__file__).parent / "static"


def check_corpus(app: Sphinx, env) -> None:
    """Corpus-wide checks, run once after parallel reads have merged into the domain."""
    domain = env.get_domain("policy")
    docname_of = {rule.path: docname for docname, rule in domain.rules.items()}
    for diagnostic in checks.corpus_checks(list(domain.rules.values())):
        emit(diagnostic, docname_of.get(diagnostic.path, env.config.root_doc))


def add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("policybook.css")


def default_favicon(app: Sphinx, config) -> None:
    """Browsers ask for a favicon on every page; serve ours rather than a 404."""
    if not config.html_favicon:
        config.html_favicon = str(STATIC / "favicon.svg")


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("policybook_policies_dir", "policies", "env", types=frozenset({str}))
    app.add_domain(PolicyDomain)
    app.add_transform(PolicyPageTransform)
    app.add_transform(JoinJapaneseLines)
    setup_nodes(app)
    setup_listing(app)
    setup_citations(app)
    setup_glossary_links(app)
    setup_reference_tables(app)
    app.connect("env-check-consistency", check_corpus)
    app.connect("builder-inited", add_assets)
    app.connect("config-inited", default_favicon)
    app.connect("builder-inited", load_state)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
