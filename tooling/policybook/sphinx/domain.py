"""The ``policy`` domain: every rule and provision, merged across parallel readers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..model import Rule

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


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
        "rules": {},         # docname -> Rule
        "index_pages": {},   # docname -> True, pages that list rules and must follow rule changes
        "citations": {},     # docname -> [(target, cite id, text as written)]
        "broken": {},        # docname -> True, pages with broken citations (re-read when rules change)
        "quizzes": {},       # docname -> {"banks": [bank ids embedded whole], "questions": [ids]}
        "search": {},        # docname -> [search entries: the page, and glossary terms on it]
    }
    data_version = 4
    dangling_warnings = {
        "rule": "policybook: unknown rule id %(target)s",
        "ref": "policybook: unknown provision %(target)s",
    }

    # --- data ---------------------------------------------------------------------------
    @property
    def rules(self) -> dict[str, Rule]:
        return self.data["rules"]

    def add_rule(self, docname: str, rule: Rule) -> None:
        self.rules[docname] = rule

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
        self.rules.pop(docname, None)
        self.data["index_pages"].pop(docname, None)
        self.data["citations"].pop(docname, None)
        self.data["broken"].pop(docname, None)
        self.data["quizzes"].pop(docname, None)
        self.data["search"].pop(docname, None)
        self._backlinks = None

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict) -> None:
        wanted = set(docnames)
        for docname, rule in otherdata["rules"].items():
            if docname in wanted:
                self.rules[docname] = rule
        for key in ("index_pages", "citations", "broken", "quizzes", "search"):
            for docname, value in otherdata[key].items():
                if docname in wanted:
                    self.data[key][docname] = value
        self._backlinks = None

    def by_id(self) -> dict[str, tuple[str, Rule]]:
        """rule id -> (docname, rule); the first by docname wins where ids clash."""
        out: dict[str, tuple[str, Rule]] = {}
        for docname in sorted(self.rules):
            rule = self.rules[docname]
            out.setdefault(rule.id, (docname, rule))
        return out

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
