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
