"""What a citation can point at: rule names, aliases and provisions, from the corpus."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..metadata import EXTERNAL_KINDS
from ..model import Rule


@dataclass
class CorpusIndex:
    rules: dict[str, Rule] = field(default_factory=dict)          # id -> rule
    names: dict[str, list[str]] = field(default_factory=dict)     # name -> rule ids claiming it
    anchors: dict[str, dict] = field(default_factory=dict)        # id -> {anchor: Provision}
    _name_re: re.Pattern | None = None

    @classmethod
    def build(cls, rules: list[Rule]) -> "CorpusIndex":
        index = cls()
        for rule in sorted(rules, key=lambda r: r.path):
            if rule.id in index.rules:
                continue
            index.rules[rule.id] = rule
            index.anchors[rule.id] = rule.by_anchor()
            for name in dict.fromkeys(rule.names):
                index.names.setdefault(name, []).append(rule.id)
        return index

    def name_pattern(self) -> re.Pattern:
        """Every known name, longest first, so 京都市個人情報保護条例 wins over 個人情報保護条例."""
        if self._name_re is None:
            names = sorted(self.names, key=len, reverse=True)
            self._name_re = re.compile("|".join(re.escape(n) for n in names)) if names else re.compile(r"(?!)")
        return self._name_re

    def lookup(self, name: str) -> list[str]:
        return self.names.get(name, [])

    def child(self, parent_id: str, number: int) -> str | None:
        for rule in self.rules.values():
            if rule.parent == parent_id and rule.number == number:
                return rule.id
        return None

    def is_external(self, rule_id: str) -> bool:
        rule = self.rules.get(rule_id)
        return rule is not None and rule.kind in EXTERNAL_KINDS

    def matches_suffix(self, rule_id: str | None, written: str, suffix: str) -> bool:
        """Whether 同<suffix> can refer to this document (its kind or its name ends so)."""
        rule = self.rules.get(rule_id) if rule_id else None
        names = [written] + (list(rule.names) if rule else [])
        kinds = {rule.kind} if rule else set()
        if suffix == "法":
            return bool(kinds & set(EXTERNAL_KINDS)) or any(n.endswith("法") for n in names)
        if suffix == "基準":
            return bool(kinds & {"基準", "管理基準"}) or any(n.endswith("基準") for n in names)
        return suffix in kinds or any(n.endswith(suffix) for n in names)
