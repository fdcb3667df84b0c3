"""Render stage: the linked archive → Markdown pages (strings). No I/O here.

``markdown`` escapes source text, ``page`` assembles a page; one module per kind of page
(``home``, ``issue``, ``news``, ``policy``, ``glossary``, and ``print``: an issue's whole-issue print view). Every page names the source lines it
reproduces, and ``fidelity`` proves that none of their characters were lost.
"""

from __future__ import annotations

from ..link import Archive
from ..model import NewsItem
from .browse import render_browse
from .glossary import render_glossary
from .home import render_home, render_issue_list
from .issue import render_issue
from .news import render_news
from .page import Page, PageDoc
from .policy import render_policy
from .print import render_print_view

__all__ = ["Page", "render_archive"]


def render_archive(archive: Archive) -> list[Page]:
    """Every page of the site, in a fixed order."""
    addr = archive.addresses
    pages = [render_home(archive), render_issue_list(archive), *render_browse(archive), *render_glossary(archive)]
    for issue in archive.issues:
        pages.append(render_issue(PageDoc(addr.issue(issue), archive), issue))
        for item in issue.items():
            doc = PageDoc(addr.item(item), archive)
            pages.append(render_news(doc, item, issue) if isinstance(item, NewsItem) else render_policy(doc, item, issue))
        pages.append(render_print_view(archive, issue))
    return pages
