"""Consistency checks across rules. Each is a small function yielding Diagnostics.

The CLI runs them on the loaded corpus; the Sphinx extension runs the same functions on the
rules collected in its domain (after parallel reads are merged).
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Iterator

from . import diagnostics as dx
from .metadata import parse_date
from .model import Rule


def duplicate_ids(rules: list[Rule]) -> Iterator[dx.Diagnostic]:
    seen: dict[str, Rule] = {}
    for rule in sorted(rules, key=lambda r: r.path):
        if rule.id in seen:
            line, col = rule.position("id")
            yield dx.Diagnostic(rule.path, line, col, dx.DUPLICATE_ID,
                                f"id '{rule.id}' is already used by {seen[rule.id].path}",
                                "give each rule its own id")
        else:
            seen[rule.id] = rule


def unknown_references(rules: list[Rule]) -> Iterator[dx.Diagnostic]:
    ids = {r.id for r in rules}
    for rule in rules:
        for key in ("parent", "successor"):
            target = getattr(rule, key)
            if target and target not in ids:
                line, col = rule.position(key)
                yield dx.Diagnostic(rule.path, line, col, dx.UNKNOWN_REFERENCE,
                                    f"{key} '{target}' is not the id of any rule",
                                    "use the id from the other rule's front matter")


def ambiguous_names(rules: list[Rule]) -> Iterator[dx.Diagnostic]:
    owners: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        for name in dict.fromkeys(rule.names):
            owners[name].append(rule)
    for name, claimants in sorted(owners.items()):
        if len(claimants) > 1:
            first, *others = sorted(claimants, key=lambda r: r.path)
            for rule in others:
                line, col = rule.position("aliases" if name != rule.title else "title")
                yield dx.Diagnostic(rule.path, line, col, dx.AMBIGUOUS_ALIAS,
                                    f"name 「{name}」 is also used by {first.path}",
                                    "a citation of it could not be resolved; keep it on one rule")


def parent_numbers(rules: list[Rule]) -> Iterator[dx.Diagnostic]:
    seen: dict[tuple[str, int], Rule] = {}
    for rule in sorted(rules, key=lambda r: r.path):
        if rule.parent and rule.number is not None:
            key = (rule.parent, rule.number)
            if key in seen:
                line, col = rule.position("number")
                yield dx.Diagnostic(rule.path, line, col, dx.DUPLICATE_NUMBER_IN_PARENT,
                                    f"number {rule.number} in '{rule.parent}' is also used by {seen[key].path}")
            else:
                seen[key] = rule


def parent_cycles(rules: list[Rule]) -> Iterator[dx.Diagnostic]:
    parent_of = {r.id: r.parent for r in rules}
    for rule in rules:
        seen = {rule.id}
        current = rule.parent
        while current in parent_of:
            if current in seen:
                line, col = rule.position("parent")
                yield dx.Diagnostic(rule.path, line, col, dx.PARENT_CYCLE,
                                    f"parent chain of '{rule.id}' loops back on itself",
                                    "a rule cannot be its own ancestor")
                break
            seen.add(current)
            current = parent_of[current]


def date_order(rules: list[Rule]) -> Iterator[dx.Diagnostic]:
    for rule in rules:
        if rule.effective and rule.last_amended:
            if parse_date(rule.last_amended) < parse_date(rule.effective)[: len(parse_date(rule.last_amended))]:
                line, col = rule.position("last_amended")
                yield dx.Diagnostic(rule.path, line, col, dx.DATE_ORDER,
                                    f"last_amended {rule.last_amended} is before effective {rule.effective}")


CORPUS_CHECKS = (duplicate_ids, unknown_references, ambiguous_names, parent_numbers, parent_cycles, date_order)


def corpus_checks(rules: list[Rule], today: _dt.date | None = None) -> list[dx.Diagnostic]:
    out: list[dx.Diagnostic] = []
    for check in CORPUS_CHECKS:
        out.extend(check(rules))
    return out

