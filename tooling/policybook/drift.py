"""Citation drift, as Doorstop does for requirements.

``citations.lock`` records, per citing page, a fingerprint of the text of every provision it
cites. When a provision's text changes, each page citing it is reported (PB309) until
``policybook refs accept`` records the new fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import TYPE_CHECKING

from . import diagnostics as dx
from .citations.scanner import BROKEN

if TYPE_CHECKING:
    from .project import Project

LOCK_VERSION = 1


def fingerprint(project: "Project", target: str) -> str | None:
    rule_id, _, anchor = target.partition("#")
    rule = project.index.rules.get(rule_id)
    if rule is None:
        return None
    if anchor:
        provision = project.index.anchors[rule_id].get(anchor)
        if provision is None:
            return None
        parts = [f"{p.anchor}:{'削除' if p.deleted else ''}:{p.text}" for p in provision.walk()]
    else:
        parts = [rule.title, rule.status]
    text = unicodedata.normalize("NFKC", "\n".join(parts))
    text = " ".join(text.split())
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def current(project: "Project") -> dict[str, dict[str, str]]:
    """{page: {target: fingerprint}} for every resolved citation of another rule."""
    pages: dict[str, dict[str, str]] = {}
    for page in project.pages:
        for c in page.citations:
            if not c.target or c.status in BROKEN:
                continue
            if page.rule is not None and c.rule_id == page.rule.id:
                continue  # a rule citing itself moves with itself
            fp = fingerprint(project, c.target)
            if fp:
                pages.setdefault(page.path, {})[c.target] = fp
    return {k: dict(sorted(v.items())) for k, v in sorted(pages.items())}


def read(project: "Project") -> dict | None:
    path = project.root / project.settings.lock_file
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {"invalid": True}
    return data


def write(project: "Project") -> int:
    path = project.root / project.settings.lock_file
    pages = current(project)
    path.write_text(json.dumps({"version": LOCK_VERSION, "pages": pages}, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return sum(len(v) for v in pages.values())


def check(project: "Project") -> list[dx.Diagnostic]:
    lock = read(project)
    if lock is None:
        return []
    if lock.get("invalid") or lock.get("version") != LOCK_VERSION:
        return [dx.Diagnostic(project.settings.lock_file, 1, 1, dx.CITE_DRIFT,
                              "the citation lock file cannot be read", "run 'policybook refs accept' to rewrite it")]
    recorded = lock.get("pages", {})
    out = []
    for page in project.pages:
        reviewed = recorded.get(page.path, {})
        reported: set[str] = set()
        for c in page.citations:
            if not c.target or c.target not in reviewed or c.target in reported:
                continue
            now = fingerprint(project, c.target)
            if now is not None and now != reviewed[c.target]:
                reported.add(c.target)
                out.append(dx.Diagnostic(page.path, c.line, 0, dx.CITE_DRIFT,
                                         f"「{c.text}」 cites {c.target}, whose text changed since this page was reviewed",
                                         "review this page, then run 'policybook refs accept'"))
    return out
