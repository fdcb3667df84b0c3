"""Render stage: the linked archive → Markdown pages (strings) and data files. Its only I/O is the
render cache the build hands it (:class:`PartCache`).

``markdown`` escapes source text, ``page`` assembles a page; one module per kind of page
(``home``, ``issue``, ``news``, ``policy``, ``glossary``, and ``print``: an issue's whole-issue
print view); ``export`` writes the data sets (``data/*.json``). Every page names the source lines it
reproduces, and ``fidelity`` proves that none of their characters were lost.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from ..link import Archive
from ..model import Issue, NewsItem
from ..parallel import fork_map
from ..read.decode import SourceText
from .browse import render_browse
from .export import IssueRecords, export_files, issue_records
from .fidelity import FidelityReport, check_fidelity
from .glossary import render_glossary
from .home import render_home, render_issue_list
from .inputs import issue_digest
from .issue import render_issue
from .news import render_news
from .page import Page, PageDoc
from .policy import render_policy
from .print import render_print_view

__all__ = ["Page", "PartCache", "Rendered", "render_archive", "render_site"]


def render_archive(archive: Archive, jobs: int = 1) -> list[Page]:
    """Every page of the site, in a fixed order (the archive's pages, then each issue's)."""
    return render_site(archive, jobs).pages


@dataclass(frozen=True)
class Rendered:
    """What the render stage makes."""

    pages: list[Page]
    """Every page, in a fixed order: the archive's pages, then each issue's."""
    data: dict[str, bytes]
    """The data files (``data/*.json``) by path below ``content/``."""
    proofs: dict[str, FidelityReport]
    """Fidelity proofs made beside the issues' pages: bulletin path → proof of its issue's pages."""
    parts: dict[int, str]
    """``id`` of each issue page → the bulletin of the issue it was rendered with."""


def render_site(archive: Archive, jobs: int = 1, cache: PartCache | None = None,
                sources: Mapping[str, SourceText] | None = None) -> Rendered:
    """Every page, the data files and, for each bulletin in ``sources``, the fidelity proof of its
    issue's pages (made where the pages are, so they need not travel), by up to ``jobs``
    processes (0: one per core). With a ``cache``, an issue whose inputs
    (:func:`~.inputs.issue_digest`) are those of an earlier build takes its pages, data records
    and proof from there (read here: only the issues to render are handed to other processes)."""
    count = len(archive.issues)
    if cache is None or cache.empty():  # nothing to look up: each process makes the keys of the issues it renders
        keys: list[str | None] = [None] * count
        found: list[bytes | None] = [None] * count
    else:
        keys = [issue_digest(archive, issue, cache.source_digest(issue)) for issue in archive.issues]
        found = [cache.get(key) for key in keys]
    missing = [k for k, data in enumerate(found) if data is None]
    parts = fork_map(functools.partial(_render_part, archive, cache, sources or {}), [None, *((k, keys[k]) for k in missing)],
                     jobs=jobs, receive=_unpickled)
    pages = parts[0]
    assert isinstance(pages, list)
    made: dict[int, tuple[list[Page], IssueRecords, FidelityReport | None]] = {}
    for k, part in zip(missing, parts[1:]):
        assert isinstance(part, tuple)
        keys[k], made[k] = part
    records, proofs, owners = [], {}, {}
    for k, (issue, data) in enumerate(zip(archive.issues, found)):
        issue_pages, issue_records, proof = made[k] if data is None else pickle.loads(data)
        pages += issue_pages
        records.append(issue_records)
        owners.update((id(page), issue.source) for page in issue_pages)
        if proof is not None:
            proofs[issue.source] = proof
    if cache is not None:
        cache.keep([key for key in keys if key is not None])
    return Rendered(pages, export_files(archive, records), proofs, owners)


class PartCache(Protocol):
    """Pickled pages of an issue by the digest of its inputs (kept by the build, on disk)."""

    def source_digest(self, issue: Issue) -> str: ...

    def empty(self) -> bool:
        """Whether the cache holds nothing (a first build: no key is looked up)."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...

    def keep(self, keys: list[str]) -> None:
        """The entries this build used (the others may go)."""


def _render_part(archive: Archive, cache: PartCache | None, sources: Mapping[str, SourceText],
                 part: tuple[int, str | None] | None) -> list[Page] | tuple[str, bytes]:
    """The pages of the archive as a whole (``None``), or, for ``(index, key)``, one issue's pages,
    data records and fidelity proof, pickled, with the key they are kept under in the cache (made
    here when not given)."""
    if part is None:
        return _with_front([render_home(archive), render_issue_list(archive), *render_browse(archive), *render_glossary(archive)])
    index, key = part
    issue = archive.issues[index]
    if key is None:
        key = issue_digest(archive, issue, cache.source_digest(issue)) if cache is not None else ""
    pages = _with_front(_issue_pages(archive, issue))
    source = sources.get(issue.source)
    proof = check_fidelity(source, [p for p in pages if any(c.file == source.path for c in p.claims)]) if source else None
    data = pickle.dumps((pages, issue_records(archive, issue), proof), protocol=pickle.HIGHEST_PROTOCOL)
    if cache is not None:
        cache.put(key, data)
    return key, data


def _unpickled(part: list[Page] | tuple[str, bytes]) -> list[Page] | tuple[str, tuple[list[Page], IssueRecords, FidelityReport | None]]:
    """An issue's part as the build uses it (unpickled as it arrives from a worker); the archive's
    pages as they are."""
    return (part[0], pickle.loads(part[1])) if isinstance(part, tuple) else part


def _with_front(pages: list[Page]) -> list[Page]:
    """The pages with their front matter written (in the worker process, which sends it along)."""
    for page in pages:
        _ = page.front_text
    return pages


def _issue_pages(archive: Archive, issue: Issue) -> list[Page]:
    """An issue's home page, one page per item and its print view."""
    addr = archive.addresses
    pages = [render_issue(PageDoc(addr.issue(issue), archive), issue)]
    for item in issue.items():
        doc = PageDoc(addr.item(item), archive)
        pages.append(render_news(doc, item, issue) if isinstance(item, NewsItem) else render_policy(doc, item, issue))
    pages.append(render_print_view(archive, issue))
    return pages
