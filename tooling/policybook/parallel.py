"""Spread per-file work over the machine's cores for large trees (forked workers)."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from typing import Callable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many files, starting workers costs more than it saves.
THRESHOLD = 200


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_files(function: Callable[[T], R], items: list[T]) -> list[R]:
    """``[function(x) for x in items]``, in order, on every core when it pays off.

    Workers are forked, so ``function`` may rely on module state prepared before the call.
    """
    count = workers()
    if count < 2 or len(items) < THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    with multiprocessing.get_context("fork").Pool(count) as pool:
        return pool.map(function, items, chunksize=max(1, len(items) // (count * 8)))


@contextlib.contextmanager
def no_gc():
    """Pause the cyclic garbage collector (reference counting still frees memory)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
