"""What every reader needs before reading: the rule corpus, loaded once per build.

Citations on any page must resolve against every rule, including rules not read yet (or read
by another parallel worker), so the shared loader reads all rule sources when the builder
starts; forked parallel readers inherit it. Rule pages reuse the same parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import corpus
from ..citations import CorpusIndex

_STATES: dict[str, "BuildState"] = {}


@dataclass
class BuildState:
    corpus: corpus.Corpus
    index: CorpusIndex
    banks: dict = None            # bank id -> Bank (questions' targets resolved)
    quiz_diagnostics: list = None  # found while loading banks; reported once per build

    def loaded_for(self, source: Path, srcdir: Path) -> corpus.LoadedRule | None:
        try:
            rel = source.resolve().relative_to(srcdir.resolve()).as_posix()
        except ValueError:
            return None
        return self.corpus.loaded.get(rel)


def _build(srcdir: Path, config) -> BuildState:
    from ..quiz.checks import check_citations, load_banks

    loaded = corpus.load_corpus(srcdir, config.policybook_policies_dir)
    index = CorpusIndex.build(loaded.rules)
    banks, found = load_banks(srcdir, config.policybook_quizzes_dir)
    for bank in banks:
        found.extend(check_citations(bank, index))  # also resolves each question's targets
    return BuildState(loaded, index, {b.id: b for b in banks}, found)


def load_state(app) -> None:
    _STATES[str(app.srcdir)] = _build(Path(app.srcdir), app.config)


def state_for(env) -> BuildState:
    state = _STATES.get(str(env.srcdir))
    if state is None:  # e.g. a transform run outside a normal build
        state = _STATES[str(env.srcdir)] = _build(Path(env.srcdir), env.config)
    return state
