"""A cache of parsed bulletins: an unchanged bulletin is not parsed again.

Each entry is keyed by the bulletin's shown path and text and by the read stage's own code (every
module of ``builder/read`` and ``builder/model.py``), so editing a bulletin or changing the parser
invalidates exactly what it should. Entries are pickled model values in ``.cache/parse/``; a
damaged or unreadable entry is simply parsed again.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path

from ..caches import code_digest, read_pickle, write_entry
from ..model import Diagnostic, Issue
from .decode import SourceText
from .parse import parse_issue

@functools.cache
def reader_version() -> str:
    """A digest of the code that turns text into the model (and of the package version)."""
    return code_digest("model.py", "read/*.py")


def cached(source: SourceText, cache_dir: Path | None) -> tuple[Issue, list[Diagnostic]] | None:
    """The cache's entry for the bulletin's current text, if there is one."""
    if cache_dir is None:
        return None
    stored = read_pickle(cache_path(source, cache_dir))
    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], Issue):
        return stored[0], stored[1]
    return None


def parse_pickled(source: SourceText, cache_dir: Path | None) -> bytes:
    """Parse the bulletin and keep the result in the cache; returns the result pickled as the cache
    holds it (what a worker process sends back: one pickling serves both)."""
    data = pickle.dumps(parse_issue(source), protocol=pickle.HIGHEST_PROTOCOL)
    if cache_dir is not None:
        write_entry(cache_path(source, cache_dir), data)
    return data


def cache_path(source: SourceText, cache_dir: Path) -> Path:
    """Where the entry of a bulletin's current text lies."""
    return cache_dir / f"{_key(source)}.pickle"


def _key(source: SourceText) -> str:
    return hashlib.sha256(f"{reader_version()}\0{source.digest}".encode()).hexdigest()
