"""Project settings from ``[tool.policybook]`` in pyproject.toml, shared by CLI and Sphinx."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


# The site's pages (Sphinx include_patterns) and what is left out of them.
DEFAULT_PAGES = ("index.md", "policies/**", "docs/**")
DEFAULT_EXCLUDE = ("docs/dev/**",)


@dataclass(frozen=True)
class Settings:
    root: Path
    policies_dir: str = "policies"
    pages: tuple[str, ...] = DEFAULT_PAGES
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    lock_file: str = "citations.lock"
    quizzes_dir: str = "quizzes"
    ignore: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)


def find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / "conf.py").is_file():
            return folder
    return start


def load(root: Path) -> Settings:
    path = root / "pyproject.toml"
    problems: list[str] = []
    table: dict = {}
    if path.is_file():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("policybook", {})
        except tomllib.TOMLDecodeError as exc:
            problems.append(f"{path}: cannot read [tool.policybook]: {exc}")
    known = {"policies_dir", "quizzes_dir", "ignore", "select", "pages", "exclude", "lock_file"}
    for key in sorted(set(table) - known):
        problems.append(f"{path}: unknown setting tool.policybook.{key} (known: {', '.join(sorted(known))})")

    def codes(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{path}: tool.policybook.{key} must be a list of codes such as [\"PB201\"]")
            return ()
        return tuple(value)

    policies_dir = table.get("policies_dir", "policies")
    if not isinstance(policies_dir, str):
        problems.append(f"{path}: tool.policybook.policies_dir must be text")
        policies_dir = "policies"
    def patterns(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = table.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{path}: tool.policybook.{key} must be a list of glob patterns")
            return default
        return tuple(value)

    lock_file = table.get("lock_file", "citations.lock")
    quizzes_dir = str(table.get("quizzes_dir", "quizzes"))
    return Settings(root=root, policies_dir=policies_dir, quizzes_dir=quizzes_dir, pages=patterns("pages", DEFAULT_PAGES),
                    exclude=patterns("exclude", DEFAULT_EXCLUDE), lock_file=str(lock_file),
                    ignore=codes("ignore"), select=codes("select"), problems=problems)


def _pattern(glob: str) -> "re.Pattern[str]":
    """Sphinx's include/exclude pattern semantics: ** crosses folders, * and ? do not."""
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def page_files(settings: Settings) -> list[Path]:
    """Every Markdown page of the site, matched as Sphinx matches include_patterns."""
    include = [_pattern(p) for p in settings.pages]
    exclude = [_pattern(p) for p in settings.exclude]
    out = []
    for folder, dirs, files in os.walk(settings.root):
        # never descend into environments, builds or hidden folders
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")) and d != "node_modules")
        for name in files:
            if not name.endswith(".md"):
                continue
            path = Path(folder) / name
            rel = path.relative_to(settings.root).as_posix()
            if any(p.match(rel) for p in include) and not any(p.match(rel) for p in exclude):
                out.append(path)
    return sorted(out)
