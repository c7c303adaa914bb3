"""Wiring: config values, domain, transforms, listings, checks and static assets."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .. import __version__, checks
from .citations import setup_citations
from .domain import PolicyDomain
from .glossary_links import setup_glossary_links
from .charts import setup_charts
from .checklist import setup_checklist
from .home import setup_home
from .quiz import setup_quiz
from .listing import setup_listing
from .logging import emit, emit_at_path
from .nodes import needs_script, setup_nodes
from .japanese_text import JoinJapaneseLines
from .policy_page import PolicyPageTransform
from .safety import setup_safety
from .search import TEMPLATES, disable_stock_search, setup_search
from .state import freeze_heap, load_state, restore_collector, state_for
from .reference_tables import setup_reference_tables
from . import ui_text

STATIC = Path(__file__).parent / "static"


def check_corpus(app: Sphinx, env) -> None:
    """Corpus-wide checks, run once after parallel reads have merged into the domain."""
    domain = env.get_domain("policy")
    docname_of = {rule.path: docname for docname, rule in domain.rules.items()}
    for diagnostic in checks.corpus_checks(list(domain.rules.values())):
        emit(diagnostic, docname_of.get(diagnostic.path, env.config.root_doc))
    # quiz banks are not pages: their findings are located in the bank file itself
    for diagnostic in state_for(env).quiz_diagnostics or []:
        emit_at_path(diagnostic, str(Path(env.srcdir) / diagnostic.path))


def add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC))
    app.add_css_file("policybook.css")
    app.add_js_file("policybook-options.js", priority=250)  # right after documentation_options.js


def add_page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Quiz and checklist scripts go only on the pages that use them."""
    if doctree is None:
        return
    for script in sorted({node["script"] for node in doctree.findall(needs_script)}):
        app.add_js_file(script, loading_method="defer")


def configure(app: Sphinx, config) -> None:
    ui_text.install(config)
    # Browsers ask for a favicon on every page; serve ours rather than a 404.
    if not config.html_favicon:
        config.html_favicon = str(STATIC / "favicon.svg")
    # our search page; and, for the site's theme, the two layout changes it needs (CSP, search)
    extra = [str(TEMPLATES)]
    if config.html_theme == "pydata_sphinx_theme":
        extra.insert(0, str(TEMPLATES / "pydata"))
    config.templates_path = [*config.templates_path, *[t for t in extra if t not in config.templates_path]]
    # Quiz banks are quizdown, not pages of the site: they are embedded with {quiz}.
    pattern = config.policybook_quizzes_dir.rstrip("/") + "/**"
    if pattern not in config.exclude_patterns:
        config.exclude_patterns = [*config.exclude_patterns, pattern]


def setup_extension(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("policybook_policies_dir", "policies", "env", types=frozenset({str}))
    app.add_config_value("policybook_quizzes_dir", "quizzes", "env", types=frozenset({str}))
    app.add_domain(PolicyDomain)
    app.add_transform(PolicyPageTransform)
    app.add_transform(JoinJapaneseLines)
    setup_nodes(app)
    setup_listing(app)
    setup_citations(app)
    setup_glossary_links(app)
    setup_quiz(app)
    setup_home(app)
    setup_checklist(app)
    setup_charts(app)
    setup_search(app)
    setup_safety(app)
    setup_reference_tables(app)
    app.connect("env-check-consistency", check_corpus)
    app.connect("builder-inited", add_assets)
    app.connect("html-page-context", add_page_scripts)
    app.connect("config-inited", configure)
    app.connect("builder-inited", load_state)
    app.connect("env-updated", freeze_heap)  # after reading: the environment is long-lived too
    app.connect("build-finished", restore_collector, priority=900)
    app.connect("builder-inited", disable_stock_search)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
