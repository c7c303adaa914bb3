"""The ``policy`` domain: every rule and provision, merged across parallel readers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..model import Rule

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class RuleRecord(NamedTuple):
    source: str            # the rule file, relative to the source folder (POSIX)
    id: str
    parent: str | None


class PolicyDomain(Domain):
    name = "policy"
    label = "Policy"
    object_types = {
        "rule": ObjType("rule", "rule"),
        "provision": ObjType("provision", "ref"),
    }
    roles = {
        "rule": XRefRole(warn_dangling=True),  # {policy:rule}`kojin-joho-hogo-jorei`
        "ref": XRefRole(warn_dangling=True),   # {policy:ref}`kojin-joho-hogo-jorei#Article_12-Paragraph_2`
    }
    initial_data: dict = {
        "rules": {},         # docname -> RuleRecord (the Rule itself comes from the build state)
        "index_pages": {},   # docname -> True, pages that list rules and must follow rule changes
        "citations": {},     # docname -> [(target, cite id, text as written)]
        "broken": {},        # docname -> True, pages with broken citations (re-read when rules change)
        "quizzes": {},       # docname -> {"banks": [bank ids embedded whole], "questions": [ids]}
    }
    data_version = 6
    dangling_warnings = {
        "rule": "policybook: unknown rule id %(target)s",
        "ref": "policybook: unknown provision %(target)s",
    }

    # --- data ---------------------------------------------------------------------------
    @property
    def rules(self) -> dict[str, Rule]:
        """docname -> Rule for every rule page, as loaded from disk for this build.

        The environment keeps only a small record per rule page: Sphinx pickles the whole
        environment once per parallel chunk and for every incremental build, and the rules'
        text made that the largest part of it.
        """
        if getattr(self, "_rules", None) is None:
            from .state import state_for

            state = state_for(self.env)
            rules = {}
            for docname, record in self.data["rules"].items():
                rule = state.rule_at(record.source)
                if rule is not None:
                    rules[docname] = rule
            self._rules = rules
        return self._rules

    def record_of(self, docname: str) -> RuleRecord | None:
        """What the environment remembers of a rule page (from the build that read it)."""
        return self.data["rules"].get(docname)

    def add_rule(self, docname: str, source: str, rule: Rule) -> None:
        self.data["rules"][docname] = RuleRecord(source, rule.id, rule.parent)
        self._changed()

    def note_index_page(self, docname: str) -> None:
        self.data["index_pages"][docname] = True

    def add_citation(self, docname: str, target: str, cite_id: str, text: str) -> None:
        self.data["citations"].setdefault(docname, []).append((target, cite_id, text))
        self._backlinks = None

    def note_quiz(self, docname: str, questions: list[str], banks: list[str], whole: bool = False) -> None:
        entry = self.data["quizzes"].setdefault(docname, {"banks": [], "questions": [], "whole": []})
        entry["questions"].extend(questions)
        entry["banks"].extend(b for b in banks if b not in entry["banks"])
        if whole:
            entry["whole"].extend(b for b in banks if b not in entry["whole"])

    def quiz_pages(self, bank_id: str) -> list[str]:
        """Pages embedding a whole bank first, then pages embedding some of its questions."""
        whole = [d for d, e in sorted(self.data["quizzes"].items()) if bank_id in e.get("whole", [])]
        some = [d for d, e in sorted(self.data["quizzes"].items()) if bank_id in e["banks"] and d not in whole]
        return whole + some

    def note_broken(self, docname: str) -> None:
        self.data["broken"][docname] = True

    def citations_of(self, target: str) -> list[tuple[str, str, str]]:
        """(docname, cite id, text) of every citation of ``target`` or of anything inside it."""
        if getattr(self, "_backlinks", None) is None:
            index: dict[str, list[tuple[str, str, str]]] = {}
            for docname in sorted(self.data["citations"]):
                for cited, cite_id, text in self.data["citations"][docname]:
                    rule_id, _, anchor = cited.partition("#")
                    parts = anchor.split("-") if anchor else []
                    # a citation of Article_12-Paragraph_2 is listed under Article_12 too
                    for depth in range(1, len(parts) + 1):
                        index.setdefault(f"{rule_id}#{'-'.join(parts[:depth])}", []).append((docname, cite_id, text))
            self._backlinks = index
        return self._backlinks.get(target, [])

    def clear_doc(self, docname: str) -> None:
        self.data["rules"].pop(docname, None)
        self.data["index_pages"].pop(docname, None)
        self.data["citations"].pop(docname, None)
        self.data["broken"].pop(docname, None)
        self.data["quizzes"].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict) -> None:
        wanted = set(docnames)
        for docname, record in otherdata["rules"].items():
            if docname in wanted:
                self.data["rules"][docname] = record
        for key in ("index_pages", "citations", "broken", "quizzes"):
            for docname, value in otherdata[key].items():
                if docname in wanted:
                    self.data[key][docname] = value
        self._changed()

    def by_id(self) -> dict[str, tuple[str, Rule]]:
        """rule id -> (docname, rule); the first by docname wins where ids clash."""
        # every link asks; rebuilt after the rules change (see _changed)
        if getattr(self, "_by_id", None) is None:
            out: dict[str, tuple[str, Rule]] = {}
            for docname in sorted(self.rules):
                rule = self.rules[docname]
                out.setdefault(rule.id, (docname, rule))
            self._by_id = out
        return self._by_id

    def children_of(self, rule_id: str) -> list:
        """The sub-standards listed under a rule (catalog order), grouped once per build."""
        if getattr(self, "_children", None) is None:
            from .. import catalog

            self._children = {entry.rule.id: entry.children for _, roots in catalog.grouped(self.rules)
                              for root in roots for entry in root.flatten()}
        return self._children.get(rule_id, [])

    def _changed(self) -> None:
        """Forget what is derived from the rules and citations."""
        self._backlinks = None
        self._by_id = None
        self._children = None
        self._rules = None

    # --- references ---------------------------------------------------------------------
    def _find(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """(docname, anchor, title) for ``rule-id`` or ``rule-id#Anchor``."""
        rule_id, _, anchor = target.partition("#")
        found = self.by_id().get(rule_id)
        if found is None:
            return None
        docname, rule = found
        if typ == "rule" or not anchor:
            return docname, "", rule.title
        provision = rule.by_anchor().get(anchor)
        if provision is None:
            return None
        return docname, anchor, f"{rule.title}{rule.label_of(anchor)}"

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str,
                     target: str, node: pending_xref, contnode: nodes.Element) -> nodes.reference | None:
        found = self._find(typ, target)
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            # {policy:rule}`id` shows the rule's name, not its id
            contnode = nodes.inline(title, title)
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
                         node: pending_xref, contnode: nodes.Element) -> list[tuple[str, nodes.reference]]:
        typ = "ref" if "#" in target else "rule"
        ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
        return [(f"policy:{typ}", ref)] if ref is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for docname, rule in sorted(self.rules.items()):
            yield rule.id, rule.title, "rule", docname, "", 1
            for p in rule.walk():
                yield f"{rule.id}#{p.anchor}", rule.label_of(p.anchor), "provision", docname, p.anchor, 1
