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

    def loaded_for(self, source: Path, srcdir: Path) -> corpus.LoadedRule | None:
        try:
            rel = source.resolve().relative_to(srcdir.resolve()).as_posix()
        except ValueError:
            return None
        return self.corpus.loaded.get(rel)


def load_state(app) -> None:
    loaded = corpus.load_corpus(Path(app.srcdir), app.config.policybook_policies_dir)
    _STATES[str(app.srcdir)] = BuildState(loaded, CorpusIndex.build(loaded.rules))


def state_for(env) -> BuildState:
    state = _STATES.get(str(env.srcdir))
    if state is None:  # e.g. a transform run outside a normal build
        loaded = corpus.load_corpus(Path(env.srcdir), env.config.policybook_policies_dir)
        state = _STATES[str(env.srcdir)] = BuildState(loaded, CorpusIndex.build(loaded.rules))
    return state
