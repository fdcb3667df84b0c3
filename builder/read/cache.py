"""A cache of parsed bulletins: an unchanged bulletin is not parsed again.

Each entry is keyed by the bulletin's shown path and text and by the read stage's own code (every
module of ``builder/read`` and ``builder/model.py``), so editing a bulletin or changing the parser
invalidates exactly what it should. Entries are pickled model values in ``.cache/parse/``; a
damaged or unreadable entry is simply parsed again.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from ..caches import code_digest, read_pickle, write_pickle
from ..model import Diagnostic, Issue
from .decode import SourceText
from .parse import parse_issue

@functools.cache
def reader_version() -> str:
    """A digest of the code that turns text into the model (and of the package version)."""
    return code_digest("model.py", "read/*.py")


def parse_cached(source: SourceText, cache_dir: Path | None) -> tuple[Issue, list[Diagnostic], bool]:
    """The parsed issue and its diagnostics, and whether they came from the cache."""
    if cache_dir is None:
        return (*parse_issue(source), False)
    path = cache_path(source, cache_dir)
    stored = read_pickle(path)
    if isinstance(stored, tuple) and len(stored) == 2:
        issue, diagnostics = stored
        return issue, diagnostics, True
    issue, diagnostics = parse_issue(source)
    write_pickle(path, (issue, diagnostics))
    return issue, diagnostics, False


def cache_path(source: SourceText, cache_dir: Path) -> Path:
    """Where the entry of a bulletin's current text lies."""
    return cache_dir / f"{_key(source)}.pickle"


def _key(source: SourceText) -> str:
    digest = hashlib.sha256(f"{reader_version()}\0{source.path}\0".encode())
    digest.update("\n".join(source.lines).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
