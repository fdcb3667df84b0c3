"""Site search: a character-bigram index of the built site, sharded into small script files.

Run after ``mkdocs build``: :func:`build_search` reads the HTML of every searchable page and the
front matter of its Markdown source, and writes ``search/`` into the site. The client
(``builder/theme/assets/briefing-search/``) loads nothing until the reader starts searching.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from .emit import Emitted, _js, index_files, meta_data, page_files, write_files
from .extract import read_pages
from .fields import page_record
from .index import build_index

log = logging.getLogger(__name__)

SEARCH_DIR = "search"


def build_search(site_dir: Path, content_dir: Path) -> Emitted:
    """Write ``site_dir/search/`` from the built pages; replaces what was there."""
    start = time.perf_counter()
    records = [page_record(page) for page in read_pages(site_dir, content_dir)]
    index = build_index(records)
    files, shards = index_files(index)
    files["meta.js"] = _js("m", meta_data(records, shards))
    for number, record in enumerate(records):
        files.update(page_files(number, record))
    target = site_dir / SEARCH_DIR
    shutil.rmtree(target, ignore_errors=True)
    emitted = write_files(target, files)
    emitted.shards = shards
    log.info("search index: %d pages, %d tokens, %d files in %.2f s", len(records),
             len(index.postings), emitted.files, time.perf_counter() - start)
    return emitted


__all__ = ["build_search", "SEARCH_DIR"]
