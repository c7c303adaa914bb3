"""The whole source tree as the checker sees it: rules, pages, citations and findings."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

from . import config, corpus, drift, parallel
from . import diagnostics as dx
from .citations import CorpusIndex
from .citations.blocks import markdown_blocks, scan_blocks
from .citations.diagnose import column_of, diagnose
from .metadata import parse_date
from .model import Rule


class Cited(NamedTuple):
    """What the checker keeps of a citation (small, so that worker processes return it fast)."""

    target: str | None
    rule_id: str | None
    status: str
    line: int
    text: str


@dataclass
class Page:
    path: str                  # relative to the project root, POSIX
    rule: Rule | None          # set when the page is a rule
    citations: list[Cited] = field(default_factory=list)


@dataclass
class Project:
    root: Path
    settings: config.Settings
    corpus: corpus.Corpus
    index: CorpusIndex
    pages: list[Page] = field(default_factory=list)
    banks: list = field(default_factory=list)
    diagnostics: list[dx.Diagnostic] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path, today: _dt.date | None = None) -> "Project":
        # Millions of small objects and no cycles worth collecting: the cyclic garbage
        # collector would cost a third of the time on large trees.
        with parallel.no_gc():
            return cls._load(root, today)

    @classmethod
    def _load(cls, root: Path, today: _dt.date | None) -> "Project":
        settings = config.load(root)
        loaded = corpus.load_corpus(root, settings.policies_dir)
        index = CorpusIndex.build(loaded.rules)
        project = cls(root, settings, loaded, index)
        project.diagnostics.extend(loaded.diagnostics)
        _WORK[0] = project
        scanned = parallel.map_files(_scan_page, config.page_files(settings))
        for page, findings in scanned:
            loaded_rule = loaded.loaded.get(page.path)
            page.rule = loaded_rule.rule if loaded_rule else None  # not sent back by workers
            project.pages.append(page)
            project.diagnostics.extend(findings)
        project._load_quizzes()
        project.diagnostics.extend(review_dates(loaded.rules, today or _dt.date.today()))
        project.diagnostics.extend(never_cited(project))
        project.diagnostics.extend(drift.check(project))
        project.diagnostics.sort()
        return project

    def scan(self, path: Path) -> tuple[Page, list[dx.Diagnostic]]:
        rel = path.relative_to(self.root).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        loaded_rule = self.corpus.loaded.get(rel)
        rule = loaded_rule.rule if loaded_rule else None
        # a rule's blocks come from the parse that built the rule; other pages are parsed here
        blocks = loaded_rule.blocks if loaded_rule else markdown_blocks(text)
        page = Page(rel, rule)
        findings = list(survey_findings(path, text, self.root))
        for block_citations in scan_blocks(blocks, self.index, rule):
            for c in block_citations:
                page.citations.append(Cited(c.target, c.rule_id, c.status, c.line, c.text))
                found = diagnose(c, rel, column_of(c, lines))
                if found is not None:
                    findings.append(found)
        return page, findings

    def _load_quizzes(self) -> None:
        from .quiz.checks import load_banks, question_citations

        self.banks, found = load_banks(self.root, self.settings.quizzes_dir)
        self.diagnostics.extend(found)
        for bank in self.banks:
            page = Page(bank.path, None)
            for _, c in question_citations(bank, self.index):
                page.citations.append(Cited(c.target, c.rule_id, c.status, c.line, c.text))
                problem = diagnose(c, bank.path)
                if problem is not None:
                    self.diagnostics.append(problem)
            self.pages.append(page)

    def citing(self, target: str) -> list[tuple[Page, Cited]]:
        """Citations of ``target`` (rule-id or rule-id#Anchor) or of anything inside it."""
        out = []
        for page in self.pages:
            for c in page.citations:
                if c.target and (c.target == target or c.target.startswith(target + "-")
                                 or ("#" not in target and c.target.split("#")[0] == target)):
                    out.append((page, c))
        return out


_SURVEY = re.compile(r"^(?:```+|:::+)\{survey-chart\}\s+(\S+)", re.M)


def survey_findings(page: Path, text: str, root: Path) -> list[dx.Diagnostic]:
    """Survey data files a page draws charts from, checked as the site build checks them."""
    from .sphinx.charts import load_survey

    out = []
    for match in _SURVEY.finditer(text):
        data = (page.parent / match.group(1)).resolve()
        try:
            shown = data.relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = str(data)
        if not data.is_file():
            line = text.count("\n", 0, match.start()) + 1
            out.append(dx.Diagnostic(page.relative_to(root).as_posix(), line, 1, dx.SURVEY_DATA,
                                     f"survey data file not found: {match.group(1)}"))
            continue
        out.extend(load_survey(data, shown)[1])
    return out


_WORK: list = [None]


def _scan_page(path: Path):
    page, findings = _WORK[0].scan(path)
    page.rule = None  # the parent has it; do not pickle it back
    return page, findings


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
