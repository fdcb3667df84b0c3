"""Pages already indexed: an unchanged page is not read, tokenised or encoded again.

An entry is keyed by a digest of the page's URL, front matter and ``<article>`` (less the parts the
index skips), so it stays valid exactly as long as what the index takes from the page; a page whose
Markdown and HTML keep the status they had when last read (inode, size, modification time, outside
a step of the clock of that reading) is not even opened, nor is an index file compared again whose
status and digest are those it had when written. Entries live in memory for the process
(``mkdocs serve`` builds again and again) and on disk in one pickle per content folder in the
cache folder, holding the entries of the last build and the posting lists made from them
(merge.py); a file made by other search code (``search_version``), damaged or unreadable, is
simply not used.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import stat
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..caches import code_digest, read_pickle, write_pickle

log = logging.getLogger(__name__)

KEEP_FILES = 4
"""Cache files kept per cache folder (one per content folder built lately)."""
_MEMORY: dict[str, "Store"] = {}


@dataclass
class Store:
    """What one content folder's last build left: page entries by key, front matter by its text."""

    version: str
    entries: dict[bytes, Any] = field(default_factory=dict)
    metas: dict[str, dict] = field(default_factory=dict)
    merged: Any = None
    """The posting lists made from the entries (:class:`~builder.search.merge.Merged`)."""
    seen: dict[str, tuple[Stamp, Stamp, bytes | None]] = field(default_factory=dict)
    """Markdown path → the status of it and of its HTML when they were read, and the page's key
    (None for a page the index leaves out)."""
    scanned: int = 0
    """When the pages were read (``time.time_ns()``)."""
    emitted: dict[str, tuple[Stamp, bytes]] = field(default_factory=dict)
    """The index's files as written: name → status and digest of the bytes."""
    emitted_at: int = 0
    """When the files' status was taken."""


Stamp = tuple[int, int, int]
"""What a file's status says of its content: inode, size, modification time (ns)."""


TICK_NS = 100_000_000
"""Longest step of a file system's clock assumed where times have a fraction of a second (the
kernel's clock tick, a few ms, with a wide margin); whole-second times are taken as 2 s steps."""


def racy(stamp: Stamp, since: int) -> bool:
    """Whether a file may have changed after ``since`` (``time.time_ns()``) without its status
    showing it: its modification time lies within a step of the file system's clock of ``since``."""
    coarse = stamp[2] % 1_000_000_000 == 0
    return stamp[2] >= since - (2_000_000_000 if coarse else TICK_NS)


def stamp(path: str) -> Stamp | None:
    """The status of a file as a :data:`Stamp` (None when it is missing or not a file)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return stamp_of(st) if stat.S_ISREG(st.st_mode) else None


def stamp_of(st: os.stat_result) -> Stamp:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


@functools.cache
def search_version() -> str:
    """A digest of the search code, the package version and the Unicode data that normalising
    uses (it comes with Python): a new version starts afresh."""
    return code_digest("search/*.py", extra=f"{sys.version}\0{unicodedata.unidata_version}")


def page_key(url: str, front_matter: str, article: bytes) -> bytes:
    """The key of a page's entry."""
    digest = hashlib.blake2b(f"{url}\0{front_matter}\0".encode(), digest_size=20)
    digest.update(article)
    return digest.digest()


class PageCache:
    """Entries of the previous build (read) and of this one (collected), for one content folder."""

    def __init__(self, folder: Path | None, content_dir: Path) -> None:
        name = hashlib.sha256(str(content_dir.resolve()).encode()).hexdigest()[:16]
        self.path = folder / f"pages-{name}.pickle" if folder else None
        self.memory_key = str(self.path or content_dir.resolve())
        self.old = _MEMORY.get(self.memory_key) or self._load()
        self.new = Store(search_version(), scanned=time.time_ns())
        self.hits = self.misses = 0

    def _load(self) -> Store:
        if self.path is None:
            return Store(search_version())
        store = read_pickle(self.path)
        if isinstance(store, Store) and store.version == search_version():
            return store
        return Store(search_version())

    def meta(self, text: str, parse) -> dict:
        """The parsed front matter ``text`` (``parse`` it when it is new)."""
        found = self.old.metas.get(text)
        if found is None:
            found = parse(text)
        self.new.metas[text] = found
        return found

    def unchanged(self, md: str, md_stamp: Stamp | None, html_stamp: Stamp | None) -> tuple[bool, bytes | None]:
        """Whether a page's Markdown and HTML are as when the previous build read them (same
        status, not changed just before it read them), and its key then."""
        found = self.old.seen.get(md)
        if found is None or md_stamp is None or found[0] != md_stamp or found[1] != html_stamp:
            return False, None
        if racy(md_stamp, self.old.scanned) or (html_stamp is not None and racy(html_stamp, self.old.scanned)):
            return False, None
        key = found[2]
        return (key is None or key in self.old.entries), key

    def saw(self, md: str, md_stamp: Stamp | None, html_stamp: Stamp | None, key: bytes | None) -> None:
        """Record what this build read of a page."""
        if md_stamp is not None:
            self.new.seen[md] = (md_stamp, html_stamp, key)

    def entry(self, key: bytes, make) -> Any:
        """The entry under ``key``, made by ``make()`` when the previous build did not have it."""
        found = self.old.entries.get(key)
        if found is None:
            self.misses += 1
            found = make()
        else:
            self.hits += 1
        self.new.entries[key] = found
        return found

    def old_postings(self, key: bytes) -> Any:
        """The posting part of an entry of the previous build (None if it is not there)."""
        found = self.old.entries.get(key)
        return found.postings if found is not None else None

    def save(self) -> None:
        """Keep this build's entries in memory, and on disk when they differ from what was read."""
        _MEMORY.clear()  # one content folder at a time: memory holds what the last build used
        _MEMORY[self.memory_key] = self.new
        changed = (self.misses or self.new.entries.keys() != self.old.entries.keys() or self.new.seen != self.old.seen
                   or self.new.emitted != self.old.emitted
                   or self.new.metas.keys() != self.old.metas.keys() or self.new.merged is not self.old.merged)
        if self.path is not None and (changed or not self.path.exists()):
            write_pickle(self.path, self.new)
            _prune(self.path.parent)


def _prune(folder: Path) -> None:
    """Remove all but the ``KEEP_FILES`` most recently written cache files."""
    try:
        files = sorted(folder.glob("pages-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for path in files[KEEP_FILES:]:
            path.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("search cache not pruned: %s", exc)
