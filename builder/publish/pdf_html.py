"""The HTML a PDF is made from: the article of a built page, in a bare document of its own.

The body is the page MkDocs built (the same Markdown → HTML as the website, nothing rendered
twice); only the theme is left behind. Links are made fit for paper: a link to another page
gets a footnote with the page's address, a glossary link becomes plain text, permalinks go.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass, field

from ..errors import SetupError
from ..link.addresses import SITE_NAME, Addresses

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<body>.*?)</article>', re.S)
_ANCHOR = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<label>.*?)</a>", re.S)
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')
_CLASS = re.compile(r'\bclass="(?P<cls>[^"]*)"')


@dataclass(frozen=True)
class PdfMeta:
    """What a PDF says about itself (document information) and in its running header."""

    title: str
    subject: str
    author: str
    issue: str
    """期号 as written (``简报·第268期(上)``)."""
    running: str = ""
    """Short name of the item for the running header; empty for a whole issue (set per item)."""
    keywords: tuple[str, ...] = ()
    kind: str = "policy"
    """``issue`` or ``policy``: the body class the print stylesheet keys on."""
    date: dt.date | None = None
    """Creation and modification date written into the PDF (the build date, not the clock)."""


@dataclass
class LinkContext:
    """Where the page sits in the site and where the site is published."""

    page: str
    """Site path of the page (``issues/268-shang/policy/gbf-2023-37.html``)."""
    site_url: str = ""
    """Published address of the site root, from ``site_url`` in mkdocs.yml; may be empty."""
    addresses: list[str] = field(default_factory=list)
    """Addresses footnoted so far."""


def extract_article(page_html: str, name: str) -> str:
    """The content of the theme's ``<article>``: the page body without navigation."""
    match = _ARTICLE.search(page_html)
    if not match:
        raise SetupError(name, "no article in the built page (theme changed?)")
    return match["body"]


def paper_links(article: str, context: LinkContext) -> str:
    """Footnote the address of links to other pages; unlink glossary terms; drop permalinks."""
    return _ANCHOR.sub(lambda m: _paper_link(m, context), article)


def _paper_link(match: re.Match[str], context: LinkContext) -> str:
    attrs, label = match["attrs"], match["label"]
    href_match, cls_match = _HREF.search(attrs), _CLASS.search(attrs)
    href = html.unescape(href_match["href"]) if href_match else ""
    if cls_match and "headerlink" in cls_match["cls"].split():
        return ""
    if not href or href.startswith("#") or "download" in attrs:
        return match[0]
    path, _, anchor = posixpath.normpath(posixpath.join(posixpath.dirname(context.page), href)).partition("#")
    if path == context.page:
        return f'<a href="#{html.escape(anchor)}">{label}</a>' if anchor else label
    if Addresses.is_glossary(path):
        return f'<span class="term">{label}</span>'
    address = context.site_url + path + (f"#{anchor}" if anchor else "")
    context.addresses.append(address)
    shown = html.escape(address)
    start = f'<a href="{shown}">' if context.site_url else '<span class="xref">'
    end = "</a>" if context.site_url else "</span>"
    return f'{start}{label}{end}<span class="fn">{shown}</span>'


def running_labels(article: str, labels: dict[str, str]) -> str:
    """Give the item headings of a whole issue their running-header label (``data-running``)."""
    if not labels:
        return article

    def label(match: re.Match[str]) -> str:
        text = labels.get(match["id"])
        return match[0] if text is None else f'{match[0]} data-running="{html.escape(text)}"'

    return re.sub(r'<h2 class="print-item[^"]*"(?: [a-z-]+="[^"]*")* id="(?P<id>[^"]+)"', label, article)


def document(article: str, meta: PdfMeta) -> str:
    """A complete HTML document for the PDF engine, with its metadata in ``<meta>`` elements."""
    esc = html.escape
    heads = [f"<title>{esc(meta.title)}</title>", _meta("author", meta.author), _meta("description", meta.subject),
             _meta("generator", "briefing-site")]
    if meta.keywords:
        heads.append(_meta("keywords", ", ".join(meta.keywords)))
    if meta.date:
        stamp = f"{meta.date.isoformat()}T00:00:00+00:00"
        heads += [_meta("dcterms.created", stamp), _meta("dcterms.modified", stamp)]
    run = (f'<div class="pdf-run" data-bulletin="{esc(SITE_NAME)}" data-issue="{esc(meta.issue)}" '
           f'data-running="{esc(meta.running)}"></div>')
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' + "\n".join(heads)
            + f'\n</head>\n<body class="pdf-{meta.kind}">\n{run}\n{article}\n</body>\n</html>\n')


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{html.escape(content)}">'
