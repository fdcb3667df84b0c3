"""Shared pieces of the render stage: the Page value, a page being assembled, text with links."""

from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..link import Addresses, Archive
from ..link.addresses import HOME, SITE_NAME
from ..model import Block, BlockKind, Clause, Issue, Item, NewsItem, SourceSpan
from .front import front_matter
from .markdown import (
    Span,
    char_refs,
    heading,
    link,
    text_paragraph,
)

@dataclass(frozen=True)
class Page:
    """One Markdown file of ``content/``."""

    path: str
    """POSIX path below ``content/``."""
    meta: dict[str, object]
    """Front matter (written as YAML by PyYAML)."""
    body: str
    """Markdown after the front matter."""
    claims: tuple[SourceSpan, ...] = ()
    """Source lines this page reproduces in order (checked by :mod:`builder.fidelity`)."""

    def text(self) -> str:
        return f"---\n{self.front_text}---\n\n{self.body.rstrip()}\n"

    @functools.cached_property
    def front_text(self) -> str:
        """The front matter as YAML (made once, by the process that renders the page)."""
        return front_matter(_safe_meta(self.meta))


def _safe_meta(meta: dict[str, object]) -> dict[str, object]:
    """The theme puts ``title`` into ``<title>`` and the search index unescaped: escape ``<>&`` there
    and keep the text as written in ``title_text`` when they differ."""
    title = meta.get("title")
    if not isinstance(title, str) or html.escape(title, quote=False) == title:
        return meta
    out = dict(meta)
    out["title"] = html.escape(title, quote=False)
    out["title_text"] = title
    return out


@dataclass
class PageDoc:
    """A page being assembled: Markdown blocks joined by blank lines, and what it links with."""

    path: str
    """Its path below ``content/``."""
    archive: Archive
    """The linked archive: addresses, links in text, relations."""
    blocks: list[str] = field(default_factory=list)
    id_prefix: str = ""
    """Prefix of the ids this document gives its headings and clauses (items sharing one page)."""
    retarget: Callable[[str], str] | None = None
    """Maps a link target to another (a place inside the same page) before it is made relative."""
    @property
    def addr(self) -> Addresses:
        return self.archive.addresses

    def add(self, *blocks: str) -> None:
        self.blocks.extend(b for b in blocks if b)

    def anchor(self, local_id: str) -> str:
        """An id on this page, with the document's prefix."""
        return self.id_prefix + local_id

    def clause_id(self, clause: Clause) -> str:
        return self.anchor(self.addr.clause_id(clause))

    def href(self, target: str) -> str:
        """Relative link from this page to another page of ``content/`` (``#anchor`` kept)."""
        if self.retarget is not None:
            target = self.retarget(target)
        page, sep, anchor = target.partition("#")
        if not page:
            return target
        return relative_path(page, posixpath.dirname(self.path)) + sep + anchor

    def markdown(self) -> str:
        return "\n\n".join(self.blocks)


@functools.lru_cache(maxsize=65536)
def relative_path(target: str, folder: str) -> str:
    """``posixpath.relpath`` for two clean relative paths below ``content/`` (the same answer, faster)."""
    here = folder.split("/") if folder else []
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def spans(doc: PageDoc, block: Block) -> list[Span]:
    """A block's text with its links (glossary terms, cited policies) as spans."""
    links = doc.archive.links_in(block)
    if not links:
        return [Span(block.text)] if block.text else []
    out, cursor = [], 0
    for text_link in links:
        out.append(Span(block.text[cursor : text_link.start]))
        out.append(Span(block.text[text_link.start : text_link.end], doc.href(text_link.target), text_link.title))
        cursor = text_link.end
    out.append(Span(block.text[cursor:]))
    return [s for s in out if s.text]


_KIND_CLASSES = {
    BlockKind.BYLINE: ("byline",),
    BlockKind.NOTE: ("doc-note",),
    BlockKind.UNRECOGNISED: ("unrecognised",),
}


def block_markdown(doc: PageDoc, block: Block, *, anchor: str | None = None, classes: tuple[str, ...] = (),
                   permalink: str | None = None) -> str:
    """A paragraph for one block, with its links, attributes and (when asked) a ¶ permalink."""
    return text_paragraph(spans(doc, block), anchor=anchor, classes=classes + _KIND_CLASSES.get(block.kind, ()),
                          permalink=permalink)


def crumbs(doc: PageDoc, issue: Issue, item: Item) -> str:
    """首页 › 期号 › section, above an item's title."""
    section = issue.section_of(item)
    home = link("首页", doc.href(HOME), escaped=True)
    here = link(issue.name, doc.href(doc.addr.issue(issue)))
    sec = link(section.title, doc.href(doc.addr.section(issue, section)))
    return f"{home} › {here} › {sec}\n{{: .crumbs }}"


def print_header(doc: PageDoc, issue: Issue | None = None) -> str:
    """A print-only line naming the bulletin, the issue and the page's address (hidden on screen)."""
    parts = [SITE_NAME] + ([issue.name] if issue is not None else []) + [doc.addr.url(doc.path)]
    return text_paragraph([Span(" · ".join(parts))], classes=("print-header",))


def pdf_link(doc: PageDoc, pdf: str, *, print_view: str | None = None) -> str:
    """打印本期 (when given a print view) and 下载 PDF. The PDF is raw HTML: it is written after MkDocs
    has checked the Markdown links."""
    links = [link("打印本期", doc.href(print_view), escaped=True)] if print_view else []
    links.append(f'<a href="{doc.href(pdf)}" download>下载 PDF</a>')
    return text_paragraph([Span(" · ".join(links), html=True)], classes=("print-actions",))


def related_list(doc: PageDoc, title: str, items: Sequence[Item], level: int, anchor: str = "related") -> list[str]:
    """A heading and a list of links to related items (nothing when there are none)."""
    if not items:
        return []
    return [heading(level, title, doc.anchor(anchor)), "\n".join(f"- {link(i.title, doc.href(doc.addr.item(i)))}" for i in items)]


def item_front_matter(doc: PageDoc, item: Item, issue: Issue) -> dict[str, object]:
    """The front matter every item page starts with, with its neighbours in the issue (site-relative
    addresses, for the theme: ``prev``, ``next``, ``issue_home``, ``issue_items``)."""
    items = issue.items()
    at = next(k for k, other in enumerate(items) if other is item)
    ref = lambda other: {"url": doc.addr.url(doc.addr.item(other)), "title": other.title}  # noqa: E731
    return {
        "title": item.title,
        "type": "news" if isinstance(item, NewsItem) else "policy",
        "issue": issue.number,
        "part": issue.part,
        "section": issue.section_of(item).title,
        "prev": ref(items[at - 1]) if at > 0 else None,
        "next": ref(items[at + 1]) if at + 1 < len(items) else None,
        "issue_home": {"url": doc.addr.url(doc.addr.issue(issue)), "title": issue.name},
        "issue_items": [ref(other) | {"kind": "news" if isinstance(other, NewsItem) else "policy",
                                      "section": issue.section_of(other).title} for other in items],
    }


def editor_note(text: str) -> str:
    """A discreet note where the page shows a normalised value instead of the source text (trusted HTML)."""
    return f' <span class="editor-note" title="编者注：页面显示的是规范化后的写法">（{char_refs(text)}）</span>'


def note_span(text: str) -> Span:
    """An editor's note as a span of running text."""
    return Span(editor_note(text), html=True)


def filed_date(issue: Issue) -> dt.date | None:
    """The date an issue is filed under in the archive: its newest item's (None when undated)."""
    dates = issue.dates()
    return dates[-1] if dates else None


def cn_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def compact(meta: dict[str, object]) -> dict[str, object]:
    """Front matter without empty fields."""
    return {k: v for k, v in meta.items() if v not in (None, [], "", {})}
