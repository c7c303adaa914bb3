"""Site search: our index replaces Sphinx's (which cannot match Japanese compounds).

Each page's text, headings and kind are collected when it is written, as Sphinx does for
its own index: in the main process, also in parallel builds. They are kept in a file beside
the environment (not in it: Sphinx pickles the environment once per parallel chunk, and
page text was a third of ours), so an incremental build indexes the pages it did not
rewrite too. The index is written once the HTML is done. ``search.html`` is our page; the
theme's search box already points to it.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from ..search import index as search_index

TEMPLATES = Path(__file__).parent / "templates"
KINDS = (("policies/", "規程"), ("docs/tasks/", "ガイド"), ("docs/roles/", "役割"), ("docs/incidents/", "事例"),
         ("docs/training/", "研修"), ("docs/quizzes/", "クイズ"), ("docs/glossary", "用語"),
         ("docs/checklists/", "チェック"), ("docs/findings/", "監査"))
ROLE_PAGES = {"docs/roles/shokuin": ["職員"], "docs/roles/kacho": ["課長等"],
              "docs/roles/system-sekininsha": ["情報システム業務責任者"], "docs/roles/shienin": ["情報化推進支援員"]}
SKIP = ("pb-meta", "pb-backlinks", "pb-children", "toctree-wrapper")
STORE = "policybook-search.pickle"   # in the doctree folder, beside Sphinx's environment
_ENTRIES: dict[str, dict] = {}        # doctree folder -> {docname: [entries]}
_REINDEX: set[str] = set()            # doctree folders whose stored entries were lost


def kind_of(docname: str) -> str:
    for prefix, kind in KINDS:
        if docname.startswith(prefix):
            return kind
    return "ページ"


_SKIP_NODES = (nodes.comment, nodes.raw, nodes.system_message, addnodes.toctree)


def _text(node: nodes.Element) -> str:
    """The page's readable text, leaving out panels and lists that are not its own words."""
    parts: list[str] = []

    def walk(element: nodes.Element) -> None:
        for child in element.children:
            if isinstance(child, nodes.Text):
                parts.append(str(child))
            elif not isinstance(child, _SKIP_NODES) and not any(c in SKIP for c in child.get("classes", ())):
                walk(child)

    walk(node)
    return "".join(parts)


def _store(app) -> dict:
    return _ENTRIES.setdefault(str(app.doctreedir), {})


def load_entries(app) -> None:
    """Entries of the pages the last build wrote; a fresh environment starts empty."""
    import pickle

    entries = _store(app)
    entries.clear()
    _REINDEX.discard(str(app.doctreedir))
    if app.fresh_env_used or app.builder.name != "html" or not app.config.policybook_search:
        return
    try:
        entries.update(pickle.loads((Path(app.doctreedir) / STORE).read_bytes()))
    except Exception:  # missing or unreadable: read and write every page again (see below)
        _REINDEX.add(str(app.doctreedir))


def reindex_all(app, env, added, changed, removed) -> list[str]:
    """Without the stored entries, every page must be written again to be indexed."""
    return sorted(env.found_docs) if str(app.doctreedir) in _REINDEX else []


def collect(app, doctree: nodes.document, docname: str) -> None:
    if app.builder.name != "html" or not app.config.policybook_search:
        return
    env = app.env
    title = env.titles[docname].astext() if docname in env.titles else docname
    domain = env.get_domain("policy")
    rule = domain.rules.get(docname)
    headings = [t.astext() for t in doctree.findall(nodes.title)][1:]
    entries = [{"anchor": "", "title": title, "kind": kind_of(docname),
                "roles": list(rule.audience) if rule else ROLE_PAGES.get(docname, []),
                "headings": headings, "keywords": list(rule.aliases) if rule else [],
                "context": rule.kind if rule else "", "text": _text(doctree)}]
    # each glossary term is found on its own
    for item in doctree.findall(nodes.definition_list_item):
        terms = [t for t in item.findall(nodes.term)]
        if not terms or not terms[0]["ids"]:
            continue
        term = terms[0].astext()
        definition = _text(item.next_node(nodes.definition) or item)
        entries.append({"anchor": terms[0]["ids"][0], "title": term, "kind": "用語", "roles": [],
                        "headings": [], "keywords": [term], "context": title, "text": definition})
    _store(app)[docname] = entries


def write_index(app, exception) -> None:
    if app.builder.name != "html":
        return
    if exception is not None or not app.config.policybook_search:
        # pages written now are not in the store: the next build must index every page
        (Path(app.doctreedir) / STORE).unlink(missing_ok=True)
        return
    import pickle

    domain = app.env.get_domain("policy")
    stored = _store(app)
    for gone in set(stored) - set(app.env.all_docs):
        del stored[gone]
    (Path(app.doctreedir) / STORE).write_bytes(pickle.dumps(stored, pickle.HIGHEST_PROTOCOL))
    entries = []
    for docname in sorted(stored):
        for e in stored[docname]:
            url = app.builder.get_target_uri(docname) + (f"#{e['anchor']}" if e["anchor"] else "")
            entries.append(search_index.Entry(url=url, title=e["title"], kind=e["kind"], context=e["context"],
                                              roles=e["roles"], headings=e["headings"], keywords=e["keywords"],
                                              text=e["text"]))
    names = []
    for docname, rule in sorted(domain.rules.items()):
        for name in rule.names:
            names.append((name, app.builder.get_target_uri(docname)))
    meta, shards = search_index.build(entries, names)
    search_index.write(Path(app.outdir) / "_static" / "pbsearch", meta, shards)


def search_page(app):
    if app.builder.name == "html" and app.config.policybook_search:
        yield "search", {"title": "検索"}, "pbsearch.html"


def page_context(app, pagename, templatename, context, doctree) -> None:
    context["policybook_search"] = app.config.policybook_search
    # Inline scripts added by the theme (pagename, search-as-you-type) break a strict CSP;
    # policybook-options.js sets the same values from the page's meta tag.
    scripts = context.get("script_files", [])
    context["script_files"] = [s for s in scripts if getattr(s, "filename", s) or
                               "DOCUMENTATION_OPTIONS" not in str(getattr(s, "attributes", {}).get("body", ""))]


def setup_search(app) -> None:
    # False keeps Sphinx's own search (used by `make bench` to compare the two)
    app.add_config_value("policybook_search", True, "html", types=frozenset({bool}))
    app.connect("builder-inited", load_entries)
    app.connect("doctree-resolved", collect, priority=100)  # before lists are filled in: as read
    app.connect("env-get-outdated", reindex_all)
    app.connect("html-collect-pages", search_page)
    app.connect("html-page-context", page_context, priority=900)  # after the theme's handler
    app.connect("build-finished", write_index)


def disable_stock_search(app) -> None:
    """Sphinx's own index splits 個人情報保護条例 but not the query; ours replaces it (and saves
    about half of the build time it costs)."""
    if app.builder.name == "html" and app.config.policybook_search:
        app.builder.search = False
