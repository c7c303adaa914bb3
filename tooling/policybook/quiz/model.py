"""The quiz model: banks of questions, independent of any output format."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

SINGLE = "single"        # 1. [x] exactly one right
MULTIPLE = "multiple"    # - [x] one or more right
ORDERING = "ordering"    # 1. plain: written in the right order

TYPE_LABELS = {SINGLE: "一つ選ぶ", MULTIPLE: "当てはまるものを全て選ぶ", ORDERING: "正しい順に並べる"}


@dataclass
class Option:
    text: str
    correct: bool = False
    comment: str = ""


@dataclass
class Question:
    id: str
    type: str
    text: str
    line: int
    body: str = ""                 # paragraphs under the heading
    hint: str = ""
    options: list[Option] = field(default_factory=list)
    explanation: str = ""
    explanation_line: int = 0
    cites: list[str] = field(default_factory=list)   # as written
    cites_line: int = 0
    tags: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # resolved provision ids, filled by the checker

    @property
    def right(self) -> list[int]:
        """Right answers: indexes of correct options, or the right order (0..n-1)."""
        if self.type == ORDERING:
            return list(range(len(self.options)))
        return [i for i, o in enumerate(self.options) if o.correct]


@dataclass
class Bank:
    id: str
    path: str
    title: str
    topic: str = ""
    audience: list[str] = field(default_factory=list)
    options: dict = field(default_factory=dict)      # quizdown header options
    questions: list[Question] = field(default_factory=list)

    @property
    def passing_grade(self) -> int:
        value = self.options.get("passingGrade", 80)
        return value if isinstance(value, int) else 80

    @property
    def version(self) -> str:
        """Content version: changes whenever a question, an option or an answer changes."""
        payload = json.dumps([asdict(q) | {"targets": []} for q in self.questions], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def scrambled(count: int, seed: str) -> list[int]:
    """A fixed order that is never the right one: how ordering options are shown."""
    import random

    order = list(range(count))
    if count < 2:
        return order
    rng = random.Random(seed)
    while order == sorted(order):
        rng.shuffle(order)
    return order
