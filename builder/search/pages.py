"""The searchable pages of a built site, each made once into an entry and numbered stably.

An entry is all the index needs of a page: its record (without the section texts), its part of
the posting lists and its data files' JSON. Page numbers follow a key that new issues extend:
curated glossary terms first, then issue by issue (oldest first), each issue's pages (its own
glossary terms with them) by URL; so adding the newest issue leaves every page file as it was.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from .cache import PageCache, page_key, stamp
from .emit import PageBodies, page_bodies
from .extract import INDEXED_TYPES, SourcePage, article_bytes, front_matter_text, parse_front_matter, sections_of
from .fields import PageRecord, page_record
from .index import PagePostings, page_postings

log = logging.getLogger(__name__)

HEAD_BYTES = 4096
"""Bytes of a Markdown page read first: its front matter is nearly always inside."""


@dataclass
class PageEntry:
    """One page as the index keeps it between builds."""

    key: bytes
    """The cache key: a digest of what the index takes from the page (cache.py)."""
    record: PageRecord
    """The page's fields; its sections are left out (their text is in ``bodies``)."""
    postings: PagePostings
    bodies: PageBodies


def make_entry(key: bytes, url: str, meta: dict, article: bytes) -> PageEntry:
    """Read, tokenise and encode one page."""
    record = page_record(SourcePage(url, meta, sections_of(article.decode("utf-8"))))
    return PageEntry(key, dataclasses.replace(record, sections=[]), page_postings(record), page_bodies(record))


def read_entries(site_dir: Path, content_dir: Path, cache: PageCache) -> list[PageEntry]:
    """The entry of every searchable page, from the cache where the page has not changed: a page
    whose Markdown and HTML have the status they had when the previous build read them is not
    read again (an incremental publish keeps unchanged pages' files, hard-linked)."""
    entries = []
    for md in sorted(content_dir.rglob("*.md")):
        rel = md.relative_to(content_dir).as_posix()
        url = rel[:-3] + ".html"
        md_stamp, html_stamp = stamp(str(md)), stamp(str(site_dir / url))
        same, key = cache.unchanged(rel, md_stamp, html_stamp)
        if same:
            cache.saw(rel, md_stamp, html_stamp, key)
            if key is not None:
                entries.append(cache.entry(key, None))
            continue
        key = None
        front = read_front_matter(md)
        meta = cache.meta(front, parse_front_matter)
        if meta.get("type") in INDEXED_TYPES and html_stamp is not None:
            try:
                article = article_bytes((site_dir / url).read_bytes())
            except (FileNotFoundError, IsADirectoryError):
                article = None
            if article is not None:
                key = page_key(url, front, article)
                entries.append(cache.entry(key, functools.partial(make_entry, key, url, meta, article)))
        cache.saw(rel, md_stamp, html_stamp, key)
    log.debug("search: %d pages, %d read again", len(entries), cache.misses)
    return entries


def read_front_matter(path: Path) -> str:
    """The front matter of a Markdown page, reading no more of the file than it needs."""
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
        if not head.startswith(b"---\n"):
            return ""
        end = head.find(b"\n---", 4)
        if end < 0:
            head += fh.read()
            end = head.find(b"\n---", 4)
    return front_matter_text(head[:end + 4].decode("utf-8")) if end > 0 else ""


def numbered(entries: list[PageEntry]) -> list[PageEntry]:
    """The entries in page-number order (see the module docstring)."""
    orders: dict[str, tuple[int, int]] = {}
    for entry in entries:
        folder = issue_folder(entry.record.url)
        if folder and entry.record.issue_order != (0, 0):
            orders[folder] = max(orders.get(folder, (0, 0)), entry.record.issue_order)

    def key(entry: PageEntry) -> tuple:
        folder = issue_folder(entry.record.scope or entry.record.url)
        if not folder:
            return (0, (0, 0), "", entry.record.url)
        return (1, orders.get(folder, (0, 0)), folder, entry.record.url)

    return sorted(entries, key=key)


def issue_folder(url: str) -> str:
    """``issues/268-shang/`` for a page of that issue, "" for a page of no issue."""
    parts = url.split("/")
    return f"issues/{parts[1]}/" if len(parts) > 2 and parts[0] == "issues" else ""
