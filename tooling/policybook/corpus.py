"""Load rule files into the model, without Sphinx: fast enough for a pre-commit hook."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


from . import diagnostics as dx
from . import fastmd, metadata, parallel, structure, yamlload
from .model import Rule


def _markdown():
    """The same MyST parser the citation scanner uses: one parse serves both."""
    from .markdown import parser
    return parser()


@dataclass
class LoadedRule:
    rule: Rule | None
    diagnostics: list[dx.Diagnostic]
    blocks: list = field(default_factory=list)   # prose blocks, for the citation scanner


def load_rule_text(text: str, path: str) -> LoadedRule:
    """Parse one rule file. Never raises on bad input: problems become diagnostics.

    A rule whose front matter is unusable still yields a ``Rule`` (with the file stem as its
    id and ``?`` as its kind) so that its provisions stay visible and checkable.
    """
    diags: list[dx.Diagnostic] = []
    tokens = fastmd.parse(text)
    if tokens is None:
        tokens = _markdown().parse(text)
    fm = tokens[0] if tokens and tokens[0].type == "front_matter" else None
    data: dict = {}
    positions: dict = {}
    if fm is None:
        stripped = text.lstrip("\ufeff")
        if stripped.startswith("---"):
            diags.append(dx.Diagnostic(path, 1, 1, dx.YAML_SYNTAX, "front matter is not closed",
                                       "end it with a line holding only ---"))
        else:
            diags.append(dx.Diagnostic(path, 1, 1, dx.NO_FRONT_MATTER, "rule file has no front matter",
                                       "start the file with --- , id:, title:, kind:, status:, text_status:, ---"))
    else:
        located = yamlload.load(fm.content, path, first_line=fm.map[0] + 2)
        diags.extend(located.diagnostics)
        if located.data is not None:
            diags.extend(metadata.validate(located.data, located.positions, located.key_positions,
                                           path, fm.map[0] + 1))
            if isinstance(located.data, dict):
                data = located.data
                positions = {k[0]: v for k, v in located.key_positions.items() if len(k) == 1}

    stem = Path(path).stem
    valid = _valid_fields(data)
    rule = Rule(
        id=valid.get("id") or stem,
        path=path,
        title=valid.get("title") or stem,
        kind=valid.get("kind") or "?",
        status=valid.get("status") or "in-force",
        text_status=valid.get("text_status") or "要旨",
        aliases=tuple(valid.get("aliases") or ()),
        parent=valid.get("parent"),
        number=valid.get("number"),
        owner=valid.get("owner"),
        effective=valid.get("effective"),
        last_amended=valid.get("last_amended"),
        review_due=valid.get("review_due"),
        successor=valid.get("successor"),
        audience=tuple(valid.get("audience") or ()),
        source=valid.get("source"),
        url=valid.get("url"),
        summary=valid.get("summary"),
        positions=positions,
    )
    provisions, title, title_line, sdiags = structure.parse(
        tokens, path, rule.kind, full_text=rule.text_status == "全文")
    rule.provisions = provisions
    rule.title_line = title_line
    diags.extend(sdiags)
    if title is None:
        diags.append(dx.Diagnostic(path, 1, 1, dx.NO_TITLE, "rule has no title heading",
                                   f"add a line 「# {rule.title}」 after the front matter"))
    elif "title" in valid and title != valid["title"]:
        diags.append(dx.Diagnostic(path, title_line, 1, dx.NO_TITLE,
                                   f"heading 「{title}」 differs from the front-matter title 「{valid['title']}」",
                                   "make them the same"))
    if not provisions and rule.text_status == "全文":
        diags.append(dx.Diagnostic(path, title_line or 1, 1, dx.NO_ARTICLES,
                                   "rule has no articles or numbered sections",
                                   "add headings such as 「## 第1条」"))
    if "id" in valid and valid["id"] != stem:
        line, col = positions.get("id", (1, 1))
        diags.append(dx.Diagnostic(path, line, col, dx.ID_MISMATCH,
                                   f"id '{valid['id']}' differs from the file name '{stem}.md'",
                                   "rename the file or the id so links stay predictable"))
    from .citations.blocks import blocks_from_tokens
    return LoadedRule(rule, sorted(diags), list(blocks_from_tokens(tokens)))


def _valid_fields(data: dict) -> dict:
    """Keep only values that pass their own schema, so one bad key does not poison the rest."""
    return {key: value for key, value in data.items()
            if key in metadata.PROPERTY_VALIDATORS and metadata.PROPERTY_VALIDATORS[key].is_valid(value)}


def load_rule(path: str | os.PathLike, root: str | os.PathLike | None = None) -> LoadedRule:
    p = Path(path)
    shown = os.path.relpath(p, root) if root else str(p)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return LoadedRule(None, [dx.Diagnostic(shown, 1, 1, dx.YAML_SYNTAX,
                                               f"file is not UTF-8 ({exc.reason} at byte {exc.start})",
                                               "save it as UTF-8")])
    return load_rule_text(text, shown)


@dataclass
class Corpus:
    root: Path
    rules: list[Rule] = field(default_factory=list)
    diagnostics: list[dx.Diagnostic] = field(default_factory=list)
    loaded: dict[str, LoadedRule] = field(default_factory=dict)   # root-relative POSIX path -> result

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def rule_files(root: Path, policies_dir: str = "policies") -> list[Path]:
    base = root / policies_dir
    return sorted(p for p in base.rglob("*.md") if p.name != "index.md") if base.is_dir() else []


_ROOT: list = [None]


def _load_under_root(path: Path) -> LoadedRule:
    return load_rule(path, _ROOT[0])


def load_corpus(root: str | os.PathLike, policies_dir: str = "policies") -> Corpus:
    from . import checks
    root = Path(root)
    corpus = Corpus(root)
    paths = rule_files(root, policies_dir)
    _ROOT[0] = root
    for path, loaded in zip(paths, parallel.map_files(_load_under_root, paths)):
        corpus.loaded[path.relative_to(root).as_posix()] = loaded
        corpus.diagnostics.extend(loaded.diagnostics)
        if loaded.rule is not None:
            corpus.rules.append(loaded.rule)
    corpus.diagnostics.extend(checks.corpus_checks(corpus.rules))
    corpus.diagnostics.sort()
    return corpus
