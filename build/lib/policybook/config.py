"""Project settings from ``[tool.policybook]`` in pyproject.toml, shared by CLI and Sphinx."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    root: Path
    policies_dir: str = "policies"
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
    known = {"policies_dir", "ignore", "select"}
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
    return Settings(root=root, policies_dir=policies_dir, ignore=codes("ignore"), select=codes("select"),
                    problems=problems)
