"""Build the search index: page table, citation names, and token shards loaded on demand.

The browser downloads the page table once and only the shards holding the query's tokens,
so the bytes of a first query stay small however large the site grows.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .tokens import SHARDS, normalize, shard_of, tokens

TITLE, HEADING, KEYWORD = 40, 10, 20
BODY = 16          # the most a token's occurrences in the body can weigh
K1, B = 1.2, 0.75  # BM25: occurrences saturate, long pages do not win by length alone
LEAD = 90
LEAD_CHUNK = 50   # page leads are fetched 50 pages at a time, only for the results shown


@dataclass
class Entry:
    url: str
    title: str
    kind: str
    context: str = ""                 # rule or section it belongs to, shown under the title
    roles: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    text: str = ""


def _weights(entry: Entry, average_length: float) -> Counter:
    weights: Counter = Counter()
    body_tokens = tokens(normalize(entry.text))
    body = Counter(body_tokens)
    norm = K1 * (1 - B + B * len(body_tokens) / max(average_length, 1.0))
    for token, count in body.items():
        weights[token] += round(BODY * count * (K1 + 1) / (count + norm) / (K1 + 1)) or 1
    for token in set(tokens(normalize(entry.title), unigrams=True)):
        weights[token] += TITLE
    for heading in entry.headings:
        for token in set(tokens(normalize(heading), unigrams=True)):
            weights[token] += HEADING
    for keyword in entry.keywords:
        for token in set(tokens(normalize(keyword), unigrams=True)):
            weights[token] += KEYWORD
    return weights


def build(entries: list[Entry], names: list[tuple[str, str]]) -> tuple[dict, dict[int, dict[str, str]]]:
    """(meta, shards): meta lists pages and citation names; shards map token -> postings.

    ``names`` are (name, url) of every rule name and alias. A name that is the title of its
    page is not repeated: the browser matches citations against page titles too.
    """
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    pages = []
    leads = []
    average = sum(len(tokens(normalize(e.text))) for e in entries) / max(len(entries), 1)
    for number, entry in enumerate(entries):
        leads.append(" ".join(entry.text.split())[:LEAD])
        pages.append([entry.url, entry.title, entry.kind, entry.context, entry.roles])
        for token, weight in _weights(entry, average).items():
            postings[token].append((number, min(weight, 255)))
    shards: dict[int, dict[str, str]] = defaultdict(dict)
    for token, items in postings.items():
        shards[shard_of(token)][token] = ",".join(f"{n:x}:{w:x}" for n, w in items)
    page_of = {page[0]: i for i, page in enumerate(pages)}
    aliases = sorted(((name, page_of[url]) for name, url in names
                      if url in page_of and pages[page_of[url]][1] != name), key=lambda n: -len(n[0]))
    rule_pages = [i for i, page in enumerate(pages) if any(url == page[0] for _, url in names)]
    meta = {"version": 3, "shards": SHARDS, "leadChunk": LEAD_CHUNK, "pages": pages,
            "aliases": [list(a) for a in aliases], "rules": rule_pages}
    meta["_leads"] = leads  # written to lead-NNN.js, not to meta.js
    return meta, shards


def write(folder: Path, meta: dict, shards: dict[int, dict[str, str]]) -> int:
    """Write ``meta.js`` and ``shard-NNN.js`` (scripts, so they also load from file://)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("shard-*.js"):
        old.unlink()
    for old in folder.glob("lead-*.js"):
        old.unlink()
    leads = meta.pop("_leads", [])
    total = 0
    for start in range(0, len(leads), meta["leadChunk"]):
        chunk = start // meta["leadChunk"]
        text = f"PBSearch.leads({chunk}," + json.dumps(leads[start:start + meta["leadChunk"]], ensure_ascii=False,
                                                       separators=(",", ":")) + ");\n"
        (folder / f"lead-{chunk:03d}.js").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    text = "PBSearch.meta(" + json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + ");\n"
    (folder / "meta.js").write_text(text, encoding="utf-8")
    total += len(text.encode("utf-8"))
    for number in range(meta["shards"]):
        body = json.dumps(dict(sorted(shards.get(number, {}).items())), ensure_ascii=False, separators=(",", ":"))
        text = f"PBSearch.shard({number},{body});\n"
        (folder / f"shard-{number:03d}.js").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total
