"""Render stage: the linked archive → Markdown pages (strings) and data files. No I/O here.

``markdown`` escapes source text, ``page`` assembles a page; one module per kind of page
(``home``, ``issue``, ``news``, ``policy``, ``glossary``, and ``print``: an issue's whole-issue
print view); ``export`` writes the data sets (``data/*.json``). Every page names the source lines it
reproduces, and ``fidelity`` proves that none of their characters were lost.
"""

from __future__ import annotations

import functools
import pickle
from typing import Protocol

from ..link import Archive
from ..model import Issue, NewsItem
from ..parallel import fork_map
from .browse import render_browse
from .export import export_files
from .glossary import render_glossary
from .home import render_home, render_issue_list
from .inputs import issue_digest
from .issue import render_issue
from .news import render_news
from .page import Page, PageDoc
from .policy import render_policy
from .print import render_print_view

__all__ = ["Page", "PartCache", "render_archive", "render_site"]


def render_archive(archive: Archive, jobs: int = 1) -> list[Page]:
    """Every page of the site, in a fixed order (the archive's pages, then each issue's)."""
    return render_site(archive, jobs)[0]


def render_site(archive: Archive, jobs: int = 1, cache: PartCache | None = None) -> tuple[list[Page], dict[str, bytes]]:
    """Every page, in a fixed order, and the data files (``data/*.json``), rendered by up to
    ``jobs`` processes (0: one per core). With a ``cache``, an issue whose inputs
    (:func:`~.inputs.issue_digest`) are those of an earlier build takes its pages from there."""
    parts = fork_map(functools.partial(_render_part, archive, cache), ["data", None, *range(len(archive.issues))], jobs=jobs)
    data, pages = parts[0], parts[1]
    assert isinstance(data, dict) and isinstance(pages, list)
    keys = []
    for part in parts[2:]:
        assert isinstance(part, tuple)
        keys.append(part[0])
        pages += pickle.loads(part[1])
    if cache is not None:
        cache.keep(keys)
    return pages, data


class PartCache(Protocol):
    """Pickled pages of an issue by the digest of its inputs (kept by the build, on disk)."""

    def source_digest(self, issue: Issue) -> str: ...

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...

    def keep(self, keys: list[str]) -> None:
        """The entries this build used (the others may go)."""


def _render_part(archive: Archive, cache: PartCache | None,
                 index: int | str | None) -> list[Page] | dict[str, bytes] | tuple[str, bytes]:
    """The data files (``"data"``), the pages of the archive as a whole (``None``), or those of one
    issue, pickled (its home page, one page per item and its print view; from the cache when it
    holds them) with their cache key."""
    if index == "data":
        return export_files(archive)
    if not isinstance(index, int):
        return [render_home(archive), render_issue_list(archive), *render_browse(archive), *render_glossary(archive)]
    issue = archive.issues[index]
    key = issue_digest(archive, issue, cache.source_digest(issue)) if cache is not None else ""
    data = cache.get(key) if cache is not None else None
    if data is None:
        data = pickle.dumps(_issue_pages(archive, issue), protocol=pickle.HIGHEST_PROTOCOL)
        if cache is not None:
            cache.put(key, data)
    return key, data


def _issue_pages(archive: Archive, issue: Issue) -> list[Page]:
    addr = archive.addresses
    pages = [render_issue(PageDoc(addr.issue(issue), archive), issue)]
    for item in issue.items():
        doc = PageDoc(addr.item(item), archive)
        pages.append(render_news(doc, item, issue) if isinstance(item, NewsItem) else render_policy(doc, item, issue))
    pages.append(render_print_view(archive, issue))
    return pages
