"""The order in which rules are listed: by kind, sub-standards under their parent."""

from __future__ import annotations

from dataclasses import dataclass, field

from .metadata import KINDS
from .model import Rule


@dataclass
class Entry:
    key: str              # docname or path: whatever the caller uses to find the page
    rule: Rule
    children: list["Entry"] = field(default_factory=list)

    def flatten(self):
        yield self
        for child in self.children:
            yield from child.flatten()


def _child_order(entry: Entry):
    return (entry.rule.number is None, entry.rule.number or 0, entry.rule.title)


def grouped(rules: dict[str, Rule]) -> list[tuple[str, list[Entry]]]:
    """[(kind, [Entry …])] in KINDS order; a rule whose parent exists is nested under it."""
    entries = {key: Entry(key, rule) for key, rule in rules.items()}
    by_id: dict[str, Entry] = {}
    for key in sorted(entries):
        by_id.setdefault(entries[key].rule.id, entries[key])
    roots: dict[str, list[Entry]] = {}
    for key in sorted(entries):
        entry = entries[key]
        parent = by_id.get(entry.rule.parent) if entry.rule.parent else None
        if parent is not None and parent is not entry and not _is_ancestor(entry, parent, by_id):
            parent.children.append(entry)
        else:
            roots.setdefault(entry.rule.kind, []).append(entry)
    for entry in entries.values():
        entry.children.sort(key=_child_order)
    order = {k: i for i, k in enumerate(KINDS)}
    return [(kind, sorted(roots[kind], key=lambda e: e.rule.title))
            for kind in sorted(roots, key=lambda k: (order.get(k, len(order)), k))]


def _is_ancestor(entry: Entry, candidate: Entry, by_id: dict[str, Entry]) -> bool:
    """True when ``entry`` is above ``candidate`` (a parent cycle): keep both at top level."""
    seen = set()
    current = candidate
    while current is not None and current.rule.id not in seen:
        if current is entry:
            return True
        seen.add(current.rule.id)
        current = by_id.get(current.rule.parent) if current.rule.parent else None
    return False


def ordered_keys(rules: dict[str, Rule]) -> list[str]:
    return [e.key for _, roots in grouped(rules) for root in roots for e in root.flatten()]
