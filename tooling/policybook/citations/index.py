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
    _masters: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)   # (rule id, anchor) -> reference, for reading contexts

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
        """Every known name; the longest wins (京都市個人情報保護条例 over 個人情報保護条例).

        Built as a trie so that matching costs the length of a name, not the number of names.
        """
        if self._name_re is None:
            self._name_re = re.compile(trie_pattern(list(self.names))) if self.names else re.compile(r"(?!)")
        return self._name_re

    def master_pattern(self, aliases: tuple[str, ...], alias_re: re.Pattern | None):
        """One pattern finding the next anchor of any kind, in priority order at one position.

        Returns (pattern, {kind: specific pattern}); ``lastgroup`` of a match names the kind.
        """
        key = aliases
        if key not in self._masters:
            from . import grammar as g
            kinds = [("alias", g.ALIAS_DEFINITION), ("quote", _QUOTE_OPEN), ("skip", g.LAW_NUMBER),
                     ("form", g.FORM_NUMBER), ("anaphora", g.DOC_ANAPHORA_RE), ("this", g.THIS_DOC_RE)]
            if alias_re is not None:
                kinds.append(("local", alias_re))
            kinds += [("name", self.name_pattern()), ("relative", g.RELATIVE_RE), ("article", g.ARTICLE_RE),
                      ("unknown", g.UNKNOWN_DOC)]
            body = "|".join(f"(?P<{kind}>{_unnamed(p.pattern)})" for kind, p in kinds)
            self._masters[key] = (re.compile(body), dict(kinds))
        return self._masters[key]

    def lookup(self, name: str) -> list[str]:
        return self.names.get(name, [])

    def child(self, parent_id: str, number: int) -> str | None:
        for rule in self.rules.values():
            if rule.parent == parent_id and rule.number == number:
                return rule.id
        return None

    def is_external(self, rule_id: str) -> bool:
        rule = self.rules.get(rule_id)
        return rule is not None and rule.kind in _EXTERNAL

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


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching any of ``words``, longest first, shaped as a trie."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_EXTERNAL = frozenset(EXTERNAL_KINDS)
_QUOTE_OPEN = re.compile("[「『]")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _unnamed(pattern: str) -> str:
    """Drop group names so several patterns can share one expression."""
    return _NAMED_GROUP.sub("(?:", pattern)
