"""The whole source tree as the checker sees it: rules, pages, citations and findings."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from . import checks, config, corpus, drift
from . import diagnostics as dx
from .citations import CorpusIndex
from .citations.blocks import markdown_blocks, scan_blocks
from .citations.diagnose import column_of, diagnose
from .citations.scanner import Citation
from .metadata import parse_date
from .model import Rule


@dataclass
class Page:
    path: str                  # relative to the project root, POSIX
    rule: Rule | None          # set when the page is a rule
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Project:
    root: Path
    settings: config.Settings
    corpus: corpus.Corpus
    index: CorpusIndex
    pages: list[Page] = field(default_factory=list)
    diagnostics: list[dx.Diagnostic] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path, today: _dt.date | None = None) -> "Project":
        settings = config.load(root)
        loaded = corpus.load_corpus(root, settings.policies_dir)
        index = CorpusIndex.build(loaded.rules)
        project = cls(root, settings, loaded, index)
        project.diagnostics.extend(loaded.diagnostics)
        rule_by_path = {r.path: r for r in loaded.rules}
        for path in config.page_files(settings):
            rel = path.relative_to(root).as_posix()
            project.pages.append(project._scan(path, rel, rule_by_path.get(rel)))
        project.diagnostics.extend(review_dates(loaded.rules, today or _dt.date.today()))
        project.diagnostics.extend(never_cited(project))
        project.diagnostics.extend(drift.check(project))
        project.diagnostics.sort()
        return project

    def _scan(self, path: Path, rel: str, rule: Rule | None) -> Page:
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        page = Page(rel, rule)
        for block_citations in scan_blocks(markdown_blocks(text), self.index, rule):
            for c in block_citations:
                page.citations.append(c)
                found = diagnose(c, rel, column_of(c, lines))
                if found is not None:
                    self.diagnostics.append(found)
        return page

    def citing(self, target: str) -> list[tuple[Page, Citation]]:
        """Citations of ``target`` (rule-id or rule-id#Anchor) or of anything inside it."""
        out = []
        for page in self.pages:
            for c in page.citations:
                if c.target and (c.target == target or c.target.startswith(target + "-")
                                 or ("#" not in target and c.target.split("#")[0] == target)):
                    out.append((page, c))
        return out


def review_dates(rules: list[Rule], today: _dt.date) -> list[dx.Diagnostic]:
    out = []
    for rule in rules:
        if not rule.review_due or rule.status in ("repealed", "superseded"):
            continue
        parts = parse_date(rule.review_due)
        # a month or a year is due at its end
        year, month, day = parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else None
        if day is None:
            next_month = _dt.date(year + (month == 12), month % 12 + 1, 1)
            due = next_month - _dt.timedelta(days=1)
        else:
            due = _dt.date(year, month, day)
        line, col = rule.position("review_due")
        if due < today:
            out.append(dx.Diagnostic(rule.path, line, col, dx.REVIEW_OVERDUE,
                                     f"review was due on {rule.review_due}", "review the rule and set a new review_due"))
        elif (due - today).days <= 90:
            out.append(dx.Diagnostic(rule.path, line, col, dx.REVIEW_SOON,
                                     f"review is due on {rule.review_due}, within 90 days"))
    return out


def never_cited(project: Project) -> list[dx.Diagnostic]:
    cited = {c.rule_id for page in project.pages if page.rule is None for c in page.citations if c.rule_id}
    out = []
    for rule in project.corpus.rules:
        if rule.id not in cited and not rule.is_external:
            out.append(dx.Diagnostic(rule.path, rule.title_line or 1, 1, dx.NEVER_CITED,
                                     f"no guidance page or quiz cites 「{rule.title}」"))
    return out
