"""The build's work spread over the machine's cores.

:func:`fork_map` runs a function over a list in worker processes made by ``fork``: the workers
inherit the parent's memory (the parsed issues, the linked archive) instead of receiving it
pickled, and send back only their results. The work given to it (parsing a bulletin, finding the
glossary terms and related items of some pages, rendering and proving an issue) is a pure function
of its input, so results are the same, in the same order, as a run in one process; only the time
differs.

A build uses one process when there is little work, when only one core is available, when asked
(``--jobs 1``), or when the process already runs threads (``briefing serve``: forking a threaded
process can copy a lock held by another thread; a serve rebuild is small anyway).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

MAX_WORKERS = 8
MIN_ITEMS = 4
"""Fewer pieces of work than this are done in this process: starting workers would cost more."""

_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The function and items of the running :func:`fork_map`, inherited by its workers."""


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def worker_count(jobs: int, items: int) -> int:
    """How many processes to use for ``items`` pieces of work: ``jobs`` (0: one per core, at most
    :data:`MAX_WORKERS`), never more than the items, 1 for fewer than :data:`MIN_ITEMS` items and
    where forking is unsafe or unavailable."""
    wanted = jobs if jobs > 0 else min(available_cores(), MAX_WORKERS)
    if wanted < 2 or items < MIN_ITEMS or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(wanted, items)


def fork_map(fn: Callable[[T], Any], items: Sequence[T], *, jobs: int = 0,
             done: Callable[[T], None] | None = None, receive: Callable[[Any], Any] | None = None) -> list[Any]:
    """``[fn(x) for x in items]``, computed by up to ``jobs`` forked workers (0: one per core), or
    ``[receive(fn(x)) for x in items]`` with ``receive``.

    ``receive`` is applied in this process to each result as it arrives, while the workers go on
    (unpickling what they send: otherwise done after the last one, with the workers idle).
    ``done(x)`` is called in this process as each result arrives (for progress). An exception in a
    worker is raised here, as the serial loop would raise it; a worker that dies (killed, out of
    memory) stops the build with ``BrokenProcessPool`` instead of leaving it waiting.
    """
    workers = worker_count(jobs, len(items))
    if workers == 1:
        results = []
        for item in items:
            results.append(fn(item) if receive is None else receive(fn(item)))
            if done is not None:
                done(item)
        return results
    global _job
    _job = (fn, items)
    collecting = gc.isenabled()
    gc.freeze()  # the workers' garbage collector then does not touch (and copy) the parent's objects
    gc.disable()  # results arrive as many new objects, none garbage: collecting would only slow their unpickling
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start, initargs=(collecting,)) as pool:
            futures = {pool.submit(_run, index): index for index in range(len(items))}
            out: list[Any] = [None] * len(items)
            try:
                for future in as_completed(futures):
                    index = futures[future]
                    result = future.result()  # a worker's exception is raised here; a killed worker, BrokenProcessPool
                    out[index] = result if receive is None else receive(result)
                    if done is not None:
                        done(items[index])
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
            return out
    finally:
        if collecting:
            gc.enable()
        gc.unfreeze()
        _job = None


def _worker_start(collecting: bool) -> None:
    if collecting:
        gc.enable()


def _run(index: int) -> Any:
    assert _job is not None
    fn, items = _job
    return fn(items[index])
