"""Find citations in text and resolve them, keeping the reading context.

The context carries what Japanese drafting leaves implicit: which document 同条例 means,
which article 同条 is, what a bare 第40条 belongs to, and short names defined on the spot
(「京都市個人情報保護条例（以下「個人情報保護条例」という。）」). A document is scanned block by
block in reading order with one ``Context``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import numbering
from ..model import Rule
from ..numerals import to_int
from ..structure import SECTION_KINDS
from . import grammar as g
from .index import CorpusIndex

RESOLVED = "resolved"
EXTERNAL = "external"
UNKNOWN_DOCUMENT = "unknown-document"
UNKNOWN_ARTICLE = "unknown-article"
UNKNOWN_PARAGRAPH = "unknown-paragraph"
UNKNOWN_ITEM = "unknown-item"
DELETED = "deleted"
REPEALED = "repealed"
AMBIGUOUS = "ambiguous"
UNRESOLVED_ANAPHORA = "unresolved-anaphora"
STATUSES = (RESOLVED, EXTERNAL, UNKNOWN_DOCUMENT, UNKNOWN_ARTICLE, UNKNOWN_PARAGRAPH, UNKNOWN_ITEM,
            DELETED, REPEALED, AMBIGUOUS, UNRESOLVED_ANAPHORA)
BROKEN = frozenset(STATUSES) - {RESOLVED, EXTERNAL}

YOKO_KINDS = ("要綱", "要領")


@dataclass
class Citation:
    text: str
    start: int
    end: int
    line: int
    document: str | None          # the document's name as written where it was last named
    rule_id: str | None
    article: str | None = None    # "8の2"; 要綱 "3"; "附則"; "別表第1"; section "3"
    paragraph: int | None = None
    item: int | None = None
    part: str | None = None
    target: str | None = None     # "rule-id#Article_8_2-Paragraph_1" or "rule-id"
    status: str = RESOLVED
    unit: str = "article"         # article | yoko | section | suppl | appendix | document

    def as_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "line": self.line,
                "document": self.document, "article": self.article, "paragraph": self.paragraph,
                "item": self.item, "part": self.part, "target": self.target, "status": self.status}

    @property
    def anchor(self) -> str:
        return self.target.partition("#")[2] if self.target else ""


@dataclass
class _Doc:
    rule_id: str | None
    written: str
    ambiguous: bool = False
    aside: bool = False   # named inside parentheses: an aside does not change the topic
    unresolved: bool = False  # 同条例 with no earlier 条例 to refer to
    seq: int = 0          # reading order


@dataclass
class _Ref:
    """A provision address: numbers as tuples, before it is turned into an anchor."""

    doc: _Doc
    unit: str = "article"
    article: tuple[int, ...] | None = None
    paragraph: int | None = None
    item: int | None = None
    part: str | None = None


@dataclass
class Context:
    default_rule: str | None = None      # the rule the text is about (a rule's own page)
    current: _Ref | None = None          # the provision the text sits in (for 前条, 本条)
    mentions: list[_Doc] = field(default_factory=list)
    last: _Ref | None = None
    last_seq: int = 0
    seq: int = 0
    aliases: dict[str, tuple[_Doc, _Ref | None]] = field(default_factory=dict)
    _alias_re: re.Pattern | None = None

    def set_current(self, rule_id: str | None, anchor: str | None, index: CorpusIndex) -> None:
        """Place the text inside a provision of a rule (by its anchor)."""
        self.default_rule = rule_id
        if not (rule_id and anchor):
            self.current = None
            return
        key = (rule_id, anchor)
        cached = index.places.get(key)
        if cached is None:  # the provision as a reference; read-only, so shared
            cached = index.places[key] = _ref_from_anchor(_Doc(rule_id, _title(index, rule_id)), anchor)
        self.current = cached

    def alias_pattern(self) -> re.Pattern | None:
        if self._alias_re is None and self.aliases:
            self._alias_re = re.compile("|".join(re.escape(a) for a in sorted(self.aliases, key=len, reverse=True)))
        return self._alias_re


def _title(index: CorpusIndex, rule_id: str | None) -> str:
    rule = index.rules.get(rule_id) if rule_id else None
    return rule.title if rule else ""


def _ref_from_anchor(doc: _Doc, anchor: str) -> _Ref:
    ref = _Ref(doc)
    for part in anchor.split("-"):
        name, *nums = part.split("_")
        numbers = tuple(int(n) for n in nums)
        if name == "Article":
            ref.article = numbers
        elif name == "Section":
            ref.unit, ref.article = "section", numbers
        elif name == "Paragraph":
            ref.paragraph = numbers[0]
        elif name == "Item":
            ref.item = numbers[0]
    return ref


# ---------------------------------------------------------------------------------------------
def scan(text: str, index: CorpusIndex, context: Context | None = None, line: int = 1) -> list[Citation]:
    """Every citation in ``text``, resolved; ``line`` is the line number of the text's start."""
    return _Scanner(text, index, context or Context(), line).run()


class _Scanner:
    def __init__(self, text: str, index: CorpusIndex, context: Context, line: int):
        self.text = text
        self.index = index
        self.ctx = context
        self.base_line = line
        self.out: list[Citation] = []

    # --- the main loop ----------------------------------------------------------------------
    def run(self) -> list[Citation]:
        pos = 0
        text = self.text
        while pos < len(text):
            found = self._next_anchor(pos)
            if found is None:
                break
            kind, m = found
            pos = self._handle(kind, m)
        return self.out

    def _next_anchor(self, pos: int):
        """The next thing worth a look: one combined search, then the specific pattern."""
        master, patterns = self.index.master_pattern(tuple(self.ctx.aliases), self.ctx.alias_pattern())
        found = master.search(self.text, pos)
        if found is None:
            return None
        kind = found.lastgroup
        m = patterns[kind].match(self.text, found.start())
        if m is None:  # cannot happen: the combined pattern is made of these
            return "skip", found
        if kind == "unknown":
            # a known name inside the unknown span is the real document
            inner = self.index.name_pattern().search(self.text, m.start(), m.end() + 1)
            if inner is not None and inner.start() < m.end():
                return "name", inner
        return kind, m

    def _handle(self, kind: str, m: re.Match) -> int:
        if kind in ("skip", "form"):
            return m.end()
        if kind == "alias":
            return m.end()  # an alias definition not attached to a citation: nothing to record
        if kind == "quote":
            return self._quote(m)
        if kind in ("name", "local", "anaphora", "this", "unknown"):
            return self._document(kind, m)
        if kind == "relative":
            return self._chain(m.start(), None, m.start())
        if kind == "article":
            doc = self._bare_document()
            return self._chain(m.start(), doc, m.start())
        return m.end()

    def _quote(self, m: re.Match) -> int:
        """Skip a quotation, unless it quotes a citation (「公文書取扱規程（第48条）」)."""
        close = _QUOTE_PAIRS[m.group()]
        depth, i = 1, m.end()
        while i < len(self.text) and depth:
            if self.text[i] == m.group():
                depth += 1
            elif self.text[i] == close:
                depth -= 1
            i += 1
        inner_start, inner_end = m.end(), i - 1 if depth == 0 else i
        inner = self.text[inner_start:inner_end]
        if not any(p is not None for p in (self.index.name_pattern().match(inner),
                                           g.DOC_ANAPHORA_RE.match(inner))):
            return i
        # a trial scan on a copy of the context: is the quotation one citation and nothing else?
        trial = _Scanner(inner, self.index, _copy_context(self.ctx), 1).run()
        covered = bool(trial) and trial[0].start == 0 and not g.ALIAS_DEFINITION.sub(
            "", inner[max(c.end for c in trial):]).strip(" \t\u3000）)。")
        # a quoted bare name (「同条例」) is talk about a word, not a citation
        meaningful = (any(c.unit != "document" for c in trial) or g.ALIAS_DEFINITION.search(inner)
                      or self.index.name_pattern().fullmatch(inner))
        return inner_start if covered and meaningful else i

    # --- documents ---------------------------------------------------------------------------
    def _document(self, kind: str, m: re.Match) -> int:
        start, end = m.start(), m.end()
        ref_override: _Ref | None = None
        if kind == "name":
            ids = self.index.lookup(m.group())
            doc = _Doc(ids[0] if ids else None, m.group(), ambiguous=len(ids) > 1)
        elif kind == "local":
            alias_doc, ref_override = self.ctx.aliases[m.group()]
            doc = _Doc(alias_doc.rule_id, m.group(), alias_doc.ambiguous)
        elif kind == "anaphora":
            doc = self._anaphora(m.group("anaph")) or _Doc(None, m.group(), unresolved=True)
        elif kind == "this":
            if self.ctx.default_rule:
                doc = _Doc(self.ctx.default_rule, _title(self.index, self.ctx.default_rule))
            else:  # この法律 inside quoted text of another document: the one last named so
                doc = self._anaphora("法" if m.group("this") == "法律" else m.group("this"))
                if doc is None:
                    return end
        else:  # unknown
            doc = _Doc(None, m.group("name"))
        # 情報セキュリティ対策基準 5 ネットワーク管理基準: a parent, a number, then the child
        if doc.rule_id and not doc.ambiguous:
            qualified = _QUALIFIED.match(self.text, end)
            if qualified:
                child_name = self.index.name_pattern().match(self.text, qualified.end())
                if child_name:
                    child_ids = self.index.lookup(child_name.group())
                    rule = self.index.rules.get(child_ids[0]) if child_ids else None
                    if rule and rule.parent == doc.rule_id and rule.number == to_int(qualified.group("num")):
                        doc = _Doc(rule.id, child_name.group())
                        end = child_name.end()
        doc.aside = self._in_parentheses(start)
        if doc.unresolved:
            return self._chain(end, doc, start)
        self.ctx.seq += 1
        doc.seq = self.ctx.seq
        if kind != "local" or ref_override is None:
            self.ctx.mentions.append(doc)
        if ref_override is not None:  # an alias that names a provision, not a whole document
            self.ctx.mentions.append(ref_override.doc)
            self._emit(ref_override, start, end, unit=ref_override.unit)
            return self._after_citation(end)
        doc_end = end
        end = self._skip_alias_definition(end, doc, None)
        end = self._skip_name_in_parentheses(end, doc)
        if kind == "this" and g.ARTICLE_RE.match(self.text, end) is None and \
                g.RELATIVE_RE.match(self.text, end) is None:
            return end  # この条例 alone is not a citation
        return self._chain(end, doc, start, doc_end)

    def _anaphora(self, suffix: str) -> _Doc | None:
        for doc in reversed(self.ctx.mentions):
            if self.index.matches_suffix(doc.rule_id, doc.written, suffix):
                return _Doc(doc.rule_id, doc.written, doc.ambiguous)
        return None

    def _bare_document(self) -> _Doc | None:
        if self.ctx.default_rule:
            return _Doc(self.ctx.default_rule, _title(self.index, self.ctx.default_rule))
        topical = [d for d in self.ctx.mentions if not d.aside]
        last = self.ctx.last
        if last is not None and last.doc.rule_id and (not topical or self.ctx.last_seq > topical[-1].seq):
            return last.doc  # the document just cited is still the one under discussion
        if topical:
            return topical[-1]
        if self.ctx.mentions:
            return self.ctx.mentions[-1]
        return None

    def _in_parentheses(self, pos: int) -> bool:
        """Inside （…） within the current paragraph."""
        before = self.text[self.text.rfind("\n", 0, pos) + 1:pos]
        return before.count("（") + before.count("(") > before.count("）") + before.count(")")

    def _skip_alias_definition(self, end: int, doc: _Doc, ref: _Ref | None) -> int:
        m = g.ALIAS_DEFINITION.match(self.text, end)
        if m is None:
            return end
        alias = m.group("alias")
        if doc.rule_id or ref is not None:
            self.ctx.aliases[alias] = (doc, ref)
            self.ctx._alias_re = None
        return m.end()

    def _skip_name_in_parentheses(self, end: int, doc: _Doc) -> int:
        """行政手続における…法律（番号法）第2条: the short name in parentheses is not a new topic."""
        m = _PAREN_NAME.match(self.text, end)
        if m and doc.rule_id and doc.rule_id in self.index.lookup(m.group("name")):
            return m.end()
        return end

    # --- provisions ---------------------------------------------------------------------------
    def _chain(self, pos: int, doc: _Doc | None, span_start: int, doc_end: int | None = None) -> int:
        """Parse 第N条第M項… [、及び …] after a document (or alone); emit one citation each."""
        text = self.text
        element_pos = pos
        paren = g.OPEN_PAREN_RE.match(text, pos) if doc is not None else None
        if paren:
            element_pos = paren.end()
        rule = self.index.rules.get(doc.rule_id) if doc and doc.rule_id else None
        if rule is not None and rule.kind in SECTION_KINDS:
            section = g.SECTION_RE.match(text, pos)
            if section:
                ref = _Ref(doc, unit="section", article=(to_int(section.group("section")),))
                end = section.end()
                self._emit(ref, span_start, end, unit="section")
                return self._after_citation(self._skip_section_title(end), ref)
        first = self._element(element_pos, doc, previous=None, first=True)
        if first is None:
            if doc is not None and pos > span_start:
                self._emit(_Ref(doc), span_start, doc_end or pos, unit="document")
                return pos
            return span_start + 1
        ref, end = first
        self._emit(ref, span_start, end, unit=ref.unit)
        previous = ref
        while True:
            link = g.RANGE.match(text, end) or g.CONNECTOR.match(text, end)
            if link is None:
                break
            nxt = self._element(link.end(), previous.doc, previous=previous, first=False)
            if nxt is None:
                break
            ref, next_end = nxt
            self._emit(ref, link.end(), next_end, unit=ref.unit)
            previous, end = ref, next_end
            closing = g.RANGE_END.match(text, end)
            if closing:
                end = closing.end()
        if paren:
            close = re.compile(rf"{g.SP}[）)]").match(text, end)
            if close:
                end = close.end()
        return self._after_citation(end, previous)

    def _after_citation(self, end: int, ref: _Ref | None = None) -> int:
        if ref is not None:
            end = self._skip_alias_definition(end, ref.doc, ref)
        return end

    def _skip_section_title(self, end: int) -> int:
        title = _SECTION_TITLE.match(self.text, end)
        return title.end() if title else end

    def _element(self, pos: int, doc: _Doc | None, previous: _Ref | None, first: bool):
        """One provision: levels from the first written one down; higher levels inherited."""
        text = self.text
        ref: _Ref | None = None
        end = pos
        m = g.RELATIVE_RE.match(text, pos)
        if m:
            ref = self._relative(m.group("rel"), m.group("relunit"), doc)
            if ref is None:
                return None
            end = m.end()
        else:
            yoko_doc = doc is not None and self._is_yoko(doc)
            m = g.ARTICLE_RE.match(text, pos)
            if m:
                base = doc if doc is not None else (previous.doc if previous else None)
                if base is None:
                    base = _Doc(None, "")
                ref = _Ref(base, article=_article_number(m))
                end = m.end()
            elif yoko_doc and (m := g.YOKO_RE.match(text, pos)):
                ref = _Ref(doc, unit="yoko", article=(to_int(m.group("yoko")),))
                if m.group("yokosub"):
                    ref.paragraph = to_int(m.group("yokosub"))
                end = m.end()
            elif (m := g.SUPPL_RE.match(text, pos)) and doc is not None:
                ref = _Ref(doc, unit="suppl", article=())
                end = m.end()
            elif (m := g.APPENDIX_RE.match(text, pos)) and doc is not None:
                num = m.group("appxnum")
                ref = _Ref(doc, unit="appendix", article=(to_int(num),) if num else ())
                end = m.end()
            elif previous is not None and (m := g.PARAGRAPH_RE.match(text, pos)):
                ref = _Ref(previous.doc, unit=previous.unit, article=previous.article, paragraph=to_int(m.group("para")))
                end = m.end()
            elif previous is not None and (m := g.ITEM_RE.match(text, pos)):
                ref = _Ref(previous.doc, unit=previous.unit, article=previous.article,
                           paragraph=previous.paragraph, item=to_int(m.group("item")))
                end = m.end()
            elif previous is not None and previous.unit == "yoko" and (m := g.YOKO_RE.match(text, pos)):
                ref = _Ref(previous.doc, unit="yoko", article=(to_int(m.group("yoko")),))
                if m.group("yokosub"):
                    ref.paragraph = to_int(m.group("yokosub"))
                end = m.end()
            else:
                return None
        # deeper levels
        if ref.paragraph is None and ref.item is None and (m := g.PARAGRAPH_RE.match(text, end)):
            ref.paragraph = to_int(m.group("para"))
            end = m.end()
        if ref.item is None and (m := g.ITEM_RE.match(text, end)):
            ref.item = to_int(m.group("item"))
            end = m.end()
        if m := g.PART_RE.match(text, end):
            ref.part = m.group("part")
            end = m.end()
        return ref, end

    def _is_yoko(self, doc: _Doc) -> bool:
        rule = self.index.rules.get(doc.rule_id) if doc.rule_id else None
        if rule is not None:
            return rule.kind in YOKO_KINDS
        return doc.written.endswith(YOKO_KINDS)

    def _relative(self, rel: str, unit: str, doc: _Doc | None) -> _Ref | None:
        ctx = self.ctx
        if rel == "同":
            last = ctx.last
            if last is None or last.article is None:
                return None
            if doc is not None and doc.rule_id != last.doc.rule_id:
                return None  # 同条例同条 is not Japanese; be safe
            ref = _Ref(last.doc, unit=last.unit, article=last.article)
            if unit in ("項", "号"):
                ref.paragraph = last.paragraph
            if unit == "号":
                ref.item = last.item
            if (unit == "項" and ref.paragraph is None) or (unit == "号" and ref.item is None):
                return None
            return ref
        current = ctx.current
        if current is None or current.article is None:
            return None
        if rel == "本":
            if unit != "条":
                return None
            return _Ref(current.doc, unit=current.unit, article=current.article)
        step = -1 if rel == "前" else 1
        if unit == "条":
            number = self._neighbour_article(current.doc.rule_id, current.article, step)
            return _Ref(current.doc, article=number) if number else None
        if unit == "項":
            base = current.paragraph or 1
            if base + step < 1:
                return None
            return _Ref(current.doc, unit=current.unit, article=current.article, paragraph=base + step)
        base = current.item or 1
        if base + step < 1:
            return None
        return _Ref(current.doc, unit=current.unit, article=current.article,
                    paragraph=current.paragraph or 1, item=base + step)

    def _neighbour_article(self, rule_id: str | None, number: tuple[int, ...], step: int):
        """前条 of 第9条 is 第8条の2 where it exists: count the corpus's own articles."""
        anchors = self.index.anchors.get(rule_id or "", {})
        numbers = sorted(p.number for p in anchors.values() if p.kind == "article")
        if step < 0:
            before = [n for n in numbers if n < number]
            if before:
                return before[-1]
            return (number[0] - 1,) if len(number) == 1 and number[0] > 1 else None
        after = [n for n in numbers if n > number and n[:len(number)] != number]
        if after:
            return after[0]
        return (number[0] + 1,)

    # --- output ------------------------------------------------------------------------------
    def _emit(self, ref: _Ref, start: int, end: int, status: str | None = None, unit: str = "article") -> None:
        text = self.text[start:end]
        line = self.base_line + self.text.count("\n", 0, start)
        citation = Citation(text=text, start=start, end=end, line=line, document=ref.doc.written or None,
                            rule_id=ref.doc.rule_id, paragraph=ref.paragraph, item=ref.item, part=ref.part,
                            unit=unit)
        if unit != "document":
            citation.article = _article_text(ref)
        if status is None:
            citation.target, status = self._resolve(ref, unit)
        citation.status = status
        self.out.append(citation)
        if unit != "document":
            self.ctx.last = ref
            self.ctx.seq += 1
            self.ctx.last_seq = self.ctx.seq

    def _resolve(self, ref: _Ref, unit: str) -> tuple[str | None, str]:
        doc = ref.doc
        if doc.unresolved:
            return None, UNRESOLVED_ANAPHORA
        if doc.ambiguous:
            return None, AMBIGUOUS
        rule: Rule | None = self.index.rules.get(doc.rule_id) if doc.rule_id else None
        if rule is None:
            return None, UNKNOWN_DOCUMENT
        if unit == "document":
            status = EXTERNAL if self.index.is_external(rule.id) else (
                REPEALED if rule.status in ("repealed", "superseded") else RESOLVED)
            return rule.id, status
        anchors = self.index.anchors[rule.id]
        name = {"article": "Article", "yoko": "Article", "section": "Section",
                "suppl": "SupplProvision", "appendix": "AppdxTable"}[unit]
        path = name + "".join(f"_{n}" for n in (ref.article or ()))
        external = self.index.is_external(rule.id)
        if path not in anchors:
            return (rule.id, EXTERNAL) if external else (None, UNKNOWN_ARTICLE)
        if anchors[path].deleted:
            return f"{rule.id}#{path}", DELETED
        target = path
        if ref.paragraph is not None or ref.item is not None:
            para_path = f"{path}-Paragraph_{ref.paragraph or 1}"
            if para_path not in anchors:
                if ref.paragraph is None and not any(k.startswith(path + "-") for k in anchors):
                    para_path = None  # an item of an article whose paragraphs are not written out
                elif external:
                    return f"{rule.id}#{target}", EXTERNAL
                else:
                    return None, UNKNOWN_PARAGRAPH
            if para_path:
                target = para_path
            if ref.item is not None:
                item_path = f"{target}-Item_{ref.item}"
                if item_path not in anchors:
                    if external:
                        return f"{rule.id}#{target}", EXTERNAL
                    return None, UNKNOWN_ITEM
                target = item_path
        status = EXTERNAL if external else (REPEALED if rule.status in ("repealed", "superseded") else RESOLVED)
        return f"{rule.id}#{target}", status


def _copy_context(ctx: Context) -> Context:
    return Context(default_rule=ctx.default_rule, current=ctx.current, mentions=list(ctx.mentions),
                   last=ctx.last, last_seq=ctx.last_seq, seq=ctx.seq, aliases=dict(ctx.aliases))


def _article_number(m: re.Match) -> tuple[int, ...]:
    return numbering.number(m.group("art"), m.group("branches"))


def _article_text(ref: _Ref) -> str | None:
    if ref.unit == "suppl":
        return "附則"
    if ref.unit == "appendix":
        return "別表" + (f"第{ref.article[0]}" if ref.article else "")
    if ref.article is None:
        return None
    return "の".join(str(n) for n in ref.article)


_PAREN_NAME = re.compile(r"[（(](?P<name>[^（）()「」]{1,40})[）)]")
_QUOTE_PAIRS = {"「": "」", "『": "』"}
_QUOTE_OPEN = re.compile("[「『]")
_QUALIFIED = re.compile(r"[ \t\u3000]*[（(]?[ \t\u3000]*(?P<num>[0-9０-９]+)[ \t\u3000]*")
_SECTION_TITLE = re.compile(r"[ \t\u3000]*[^\s、。，,（()）「」]+")
