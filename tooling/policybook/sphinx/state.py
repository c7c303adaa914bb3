"""What every reader needs before reading: the rule corpus, loaded once per build.

Citations on any page must resolve against every rule, including rules not read yet (or read
by another parallel worker), so the shared loader reads all rule sources when the builder
starts; forked parallel readers inherit it. Rule pages reuse the same parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import corpus
from ..citations import CorpusIndex
from ..model import Rule

_STATES: dict[str, "BuildState"] = {}
_COLLECTOR: dict = {}   # the collector's settings before the build


@dataclass
class BuildState:
    corpus: corpus.Corpus
    index: CorpusIndex
    banks: dict = None            # bank id -> Bank (questions' targets resolved)
    quiz_diagnostics: list = None  # found while loading banks; reported once per build
    srcdir: Path = Path(".")
    outside: dict = field(default_factory=dict)  # rule pages the corpus loader did not cover

    def rule_page(self, source: str) -> corpus.LoadedRule:
        """The parsed rule page ``source`` (relative to the source folder): the corpus
        loader's result, or, for a rule page the loader did not cover, read once here."""
        loaded = self.corpus.loaded.get(source)
        if loaded is None:
            if source not in self.outside:
                path = self.srcdir / source
                text = path.read_text(encoding="utf-8") if path.is_file() else ""
                self.outside[source] = corpus.load_rule_text(text, str(path))
            loaded = self.outside[source]
        return loaded

    def rule_at(self, source: str) -> Rule | None:
        return self.rule_page(source).rule

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
    return BuildState(loaded, index, {b.id: b for b in banks}, found, srcdir=srcdir)


def load_state(app) -> None:
    _STATES[str(app.srcdir)] = _build(Path(app.srcdir), app.config)
    tune_collector()


def tune_collector() -> None:
    """A build is a batch job that keeps most of what it makes: collect less often.

    Young collections every 50,000 allocations instead of 700, as batch tools such as mypy
    do, and the corpus and environment moved out of the collector's sight (``freeze_heap``).
    Together they took about a fifth off a 1,000-page build (docs/dev/benchmarks.md), for
    about a tenth more peak memory. ``restore_collector`` undoes both when the build ends,
    for processes that go on (tests, sphinx-autobuild).
    """
    import gc

    _COLLECTOR.setdefault("threshold", gc.get_threshold())
    gc.set_threshold(50_000, 20, 20)
    freeze_heap()


def restore_collector(app, exception) -> None:
    import gc

    gc.unfreeze()
    if "threshold" in _COLLECTOR:
        gc.set_threshold(*_COLLECTOR.pop("threshold"))


def freeze_heap(*args) -> None:
    """Keep the collector off what lives for the whole build (the corpus, the environment):
    without this, every full collection walks those hundreds of thousands of objects again."""
    import gc

    gc.freeze()


def state_for(env) -> BuildState:
    state = _STATES.get(str(env.srcdir))
    if state is None:  # e.g. a transform run outside a normal build
        state = _STATES[str(env.srcdir)] = _build(Path(env.srcdir), env.config)
    return state
