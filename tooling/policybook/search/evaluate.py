"""Run the query set through the real search page in Chromium; hit rates for tests and bench."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import yaml


def load_queries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def page_of(href: str, base: str) -> str:
    """docname of a result link (drops the site base, .html and #anchor)."""
    path = href.split("#")[0]
    if path.startswith(base):
        path = path[len(base):]
    return path.lstrip("/").removesuffix(".html")


def run(page, base: str, queries: list[dict], search_path: str = "search.html") -> list[dict]:
    """For each query: its result pages (top 10) and the rank of the first right answer."""
    out = []
    for entry in queries:
        page.goto(f"{base}/{search_path}?q={quote(entry['q'])}")
        page.wait_for_function("window.pbSearchDone !== undefined")
        page.evaluate("window.pbSearchDone")
        hrefs = page.eval_on_selector_all("#pb-search-results li > a", "els => els.map(e => e.href)")[:10]
        got = [page_of(h, base) for h in hrefs]
        rank = next((i + 1 for i, d in enumerate(got) if any(d == a or d.startswith(a + "/") for a in entry["a"])), None)
        out.append({"q": entry["q"], "rank": rank, "top": got[:3]})
    return out


def rates(results: list[dict]) -> tuple[float, float]:
    n = len(results)
    top1 = sum(1 for r in results if r["rank"] == 1) / n
    top3 = sum(1 for r in results if r["rank"] and r["rank"] <= 3) / n
    return top1, top3


def run_stock(page, base: str, queries: list[dict]) -> list[dict]:
    """The same queries through Sphinx's own search page (searchtools.js)."""
    out = []
    for entry in queries:
        page.goto(f"{base}/search.html?q={quote(entry['q'])}")
        try:  # searchtools.js fills the summary when it has finished
            page.wait_for_function("(document.querySelector('#search-results .search-summary') || {}).textContent",
                                   timeout=3000)
        except Exception:  # noqa: BLE001 - a search that never finishes counts as no result
            pass
        hrefs = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")[:10]
        got = [page_of(h, base) for h in hrefs]
        rank = next((i + 1 for i, d in enumerate(got) if any(d == a or d.startswith(a + "/") for a in entry["a"])), None)
        out.append({"q": entry["q"], "rank": rank, "top": got[:3]})
    return out


def first_query(page, base: str, query: str) -> dict:
    """Bytes the browser fetches for a first query on a fresh page, and the query latency."""
    sizes: dict[str, int] = {}

    def on_response(response):
        try:
            sizes[response.url] = len(response.body())
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            pass

    page.on("response", on_response)
    page.goto(f"{base}/search.html")
    page.wait_for_function("typeof window.PBSearch === 'object' && typeof window.PBSearch.tokens === 'function'")
    before = dict(sizes)
    cold = page.evaluate("""async (q) => {
        const input = document.getElementById('pb-search-q'); input.value = q;
        const t0 = performance.now();
        document.querySelector('.pb-search-form').requestSubmit();
        await window.pbSearchDone; return performance.now() - t0; }""", query)
    warm = page.evaluate("""async (q) => {
        const input = document.getElementById('pb-search-q'); input.value = q;
        const t0 = performance.now();
        document.querySelector('.pb-search-form').requestSubmit();
        await window.pbSearchDone; return performance.now() - t0; }""", query)
    page.remove_listener("response", on_response)
    index = sum(v for k, v in sizes.items() if "/pbsearch/" in k or k.endswith("policybook-search.js"))
    snippets = sum(v for k, v in sizes.items() if k not in before and "/pbsearch/" not in k)
    return {"page_bytes": sum(before.values()), "index_bytes_first_query": index,
            "snippet_page_bytes": snippets, "latency_ms_cold": round(cold, 1), "latency_ms_warm": round(warm, 1)}
