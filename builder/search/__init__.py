"""Site search: a character-bigram index of the built site, sharded into small script files.

Run after ``mkdocs build``: :func:`build_search` reads the HTML of every searchable page and the
front matter of its Markdown source, and writes ``search/`` into the site. The client
(``builder/theme/assets/briefing-search/``) loads nothing until the reader starts searching.

Modules: extract (pages → sections), fields (what is searched), tokens, index (a page's part of
the posting lists), pages (site → cached entries, page numbers), cache, merge (the posting lists,
patched where pages changed), emit (the files, written only where their bytes changed).
A build where one bulletin changed reads, tokenises and encodes only that bulletin's pages.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from .cache import PageCache
from .emit import Emitted, _js, index_files, meta_data, page_files, write_files
from .merge import Merged, merge_all, patched
from .pages import PageEntry, numbered, read_entries

log = logging.getLogger(__name__)

SEARCH_DIR = "search"


def build_search(site_dir: Path, content_dir: Path, cache_dir: Path | None = None) -> Emitted:
    """Make ``site_dir/search/`` the index of the built pages, writing only files that changed.

    ``cache_dir`` keeps what was read of each page for the next build (in another process);
    within one process that is kept in memory anyway.
    """
    start = time.perf_counter()
    cache = PageCache(cache_dir, content_dir)
    entries = numbered(read_entries(site_dir, content_dir, cache))
    merged = cache.new.merged = merged_postings(entries, cache)
    files, shards = index_files(merged.encoded, merged.hashes)
    files["meta.js"] = _js("m", meta_data([entry.record for entry in entries], shards))
    for number, entry in enumerate(entries):
        files.update(page_files(number, entry.bodies))
    emitted = write_files(site_dir / SEARCH_DIR, files, cache.old.emitted, cache.old.emitted_at)
    emitted.shards = shards
    cache.new.emitted, cache.new.emitted_at = emitted.stamps, time.time_ns()
    cache.save()
    log.info("search index: %d pages (%d read again), %d tokens, %d files (%d written, %d removed) in %.2f s",
             len(entries), cache.misses, len(merged.encoded), emitted.files, emitted.written, emitted.removed,
             time.perf_counter() - start)
    return emitted


def merged_postings(entries: list[PageEntry], cache: PageCache) -> Merged:
    """The posting lists: the previous build's, patched where pages changed, or merged afresh."""
    urls, keys = [e.record.url for e in entries], [e.key for e in entries]
    pages = [e.postings for e in entries]
    previous = cache.old.merged
    if isinstance(previous, Merged):
        found = patched(previous, urls, keys, pages, cache.old_postings)
        if found is not None:
            return found
    return merge_all(urls, keys, pages)


__all__ = ["build_search", "SEARCH_DIR"]
