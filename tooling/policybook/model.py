"""The document model shared by the checker and the Sphinx extension."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

# Provision kinds, with the e-Gov style element name used in anchors.
ARTICLE = "article"      # 第N条 (or 要綱 style 第N)
PARAGRAPH = "paragraph"  # 項
ITEM = "item"            # 号
SECTION = "section"      # numbered section of a handbook or notice (3　題名)
SUPPL = "suppl"          # 附則
APPENDIX = "appendix"    # 別表第N

ANCHOR_NAMES = {ARTICLE: "Article", PARAGRAPH: "Paragraph", ITEM: "Item", SECTION: "Section",
                SUPPL: "SupplProvision", APPENDIX: "AppdxTable"}


@dataclass
class Provision:
    kind: str
    number: tuple[int, ...]   # (8, 2) for 第8条の2; () for an unnumbered 附則
    label: str                # as written: 第8条の2, ２, 一, (1)
    anchor: str               # Article_8_2-Paragraph_1-Item_3
    line: int                 # 1-based line in the source file
    caption: str = ""
    deleted: bool = False
    text: str = ""            # the provision's own text, for fingerprints and search
    implicit: bool = False    # paragraph 1 that the author did not number
    children: list["Provision"] = field(default_factory=list)

    def walk(self) -> Iterator["Provision"]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def citation_label(self) -> str:
        """How a citation names this level: 第8条の2, 第1項, 第3号, 附則, 別表第1, 第3 (要綱)."""
        n = self.number_text
        if self.kind == ARTICLE:
            return f"第{n}条" if "条" in self.label else f"第{n}"
        if self.kind == PARAGRAPH:
            return f"第{n}項"
        if self.kind == ITEM:
            return f"第{n}号"
        if self.kind == SECTION:
            return f" {n}"
        if self.kind == SUPPL:
            return "附則"
        return f"別表第{n}" if n else "別表"

    @property
    def number_text(self) -> str:
        """Half-width number with 枝番 as ``8の2``."""
        return "の".join(str(n) for n in self.number)


def anchor_part(kind: str, number: tuple[int, ...]) -> str:
    name = ANCHOR_NAMES[kind]
    return name + "".join(f"_{n}" for n in number)


@dataclass
class Rule:
    """One rule document (条例, 規程, 管理基準 …) with its metadata and provisions."""

    id: str
    path: str
    title: str
    kind: str
    status: str = "in-force"
    text_status: str = "要旨"
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    number: int | None = None
    owner: str | None = None
    effective: str | None = None
    last_amended: str | None = None
    review_due: str | None = None
    successor: str | None = None
    audience: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    summary: str | None = None
    title_line: int = 0
    positions: dict = field(default_factory=dict)   # front-matter key -> (line, col)
    provisions: list[Provision] = field(default_factory=list)
    # anchor -> provision, built on first use (links, labels and listings ask thousands of times)
    _anchors: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def walk(self) -> Iterator[Provision]:
        for p in self.provisions:
            yield from p.walk()

    def by_anchor(self) -> dict[str, Provision]:
        # keyed on the list itself: the loader assigns the finished list once
        if self._anchors is None or self._anchors[0] is not self.provisions:
            self._anchors = (self.provisions, {p.anchor: p for p in self.walk()})
        return self._anchors[1]

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_anchors"] = None       # rebuilt after unpickling (Sphinx's environment, workers)
        return state

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a citation may use for this rule."""
        return (self.title, *self.aliases)

    @property
    def is_external(self) -> bool:
        from .metadata import EXTERNAL_KINDS
        return self.kind in EXTERNAL_KINDS

    def position(self, key: str) -> tuple[int, int]:
        return self.positions.get(key, (1, 1))

    def label_of(self, anchor: str) -> str:
        """第8条の2第1項第3号 for an anchor, from the provisions it passes through."""
        index = self.by_anchor()
        parts = anchor.split("-")
        label = ""
        for depth in range(1, len(parts) + 1):
            provision = index.get("-".join(parts[:depth]))
            if provision is not None:
                label += provision.citation_label
        return label


def target_label(rules: dict[str, "Rule"], target: str) -> str:
    """「京都市個人情報保護条例第12条第2項」 for ``kojin-joho-hogo-jorei#Article_12-Paragraph_2``."""
    rule_id, _, anchor = target.partition("#")
    rule = rules.get(rule_id)
    if rule is None:
        return target
    return rule.title + (rule.label_of(anchor) if anchor else "")
