"""Read the built site: each page's sections (heading anchor, heading, text) and its front matter."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

log = logging.getLogger(__name__)

INDEXED_TYPES = {"news", "policy", "term", "issue"}
"""Page types that are searched (home, archive and glossary lists only link to them)."""
SKIPPED_SECTIONS = {"related", "related-archive", "uses", "issue-items"}
"""Navigation lists whose text belongs to other pages (related items, a term's backlinks)."""
SKIPPED_CLASSES = {"headerlink", "crumbs", "editor-note", "source-form", "policy-meta", "print-header", "print-actions"}
"""Not searched as text: permalinks, breadcrumbs, editor notes, and the policy card, whose facts
are indexed from the front matter instead (fields.py)."""
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "li", "td", "th", "tr", "div", "table", "ul", "ol", "blockquote", "dd", "dt", "br", "pre"}
HEADING = re.compile(r"h[1-6]")
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
SKIPPED_HTML = re.compile(r'<h[1-6] id="(?:%s)".*?(?=<h[1-6] id=|</article>)' % "|".join(SKIPPED_SECTIONS), re.S)
"""Skipped sections are cut before parsing: a term's backlink table grows with the archive."""
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Section:
    """A heading with an id and the text that follows it up to the next such heading."""

    anchor: str
    heading: str
    text: str


@dataclass
class SourcePage:
    """One searchable page: where it is, what its front matter says, and its sections."""

    url: str
    """Path relative to the site root (``issues/268-shang/policy/gbf-2023-37.html``)."""
    meta: dict
    """The Markdown page's front matter."""
    sections: list[Section] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.meta.get("type", ""))

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))


class _ArticleParser(HTMLParser):
    """Collects sections from Material's ``<article>``; skips navigation bits and headerlinks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self._stack: list[str] = []
        self._article_depth = -1
        self._skip_depth = -1
        self._heading_depth = -1
        self._heading: list[str] = []
        self._text: list[str] = []
        self._anchor = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag == "br":
                self._text.append("\n")
            return
        self._stack.append(tag)
        depth = len(self._stack)
        values = dict(attrs)
        if tag == "article" and self._article_depth < 0:
            self._article_depth = depth
        if self._article_depth < 0 or self._skip_depth >= 0:
            return
        classes = set((values.get("class") or "").split())
        if classes & SKIPPED_CLASSES:
            self._skip_depth = depth
        elif HEADING.fullmatch(tag) and values.get("id"):
            self._close_section()
            self._anchor, self._heading_depth, self._heading = str(values["id"]), depth, []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self._stack:
            return
        while self._stack:
            depth = len(self._stack)
            top = self._stack.pop()
            self._end(top, depth)
            if top == tag:
                break

    def _end(self, tag: str, depth: int) -> None:
        if depth == self._skip_depth:
            self._skip_depth = -1
        elif depth == self._heading_depth:
            self._heading_depth = -1
        elif depth == self._article_depth:
            self._close_section()
            self._article_depth = -1
        if tag in BLOCK:
            self._text.append("\n")

    def handle_data(self, data: str) -> None:
        if self._article_depth < 0 or self._skip_depth >= 0:
            return
        (self._heading if self._heading_depth >= 0 else self._text).append(data)

    def _close_section(self) -> None:
        text = _squash("".join(self._text))
        if self._anchor and self._anchor not in SKIPPED_SECTIONS and (text or self._anchor != "top"):
            heading = _squash("".join(self._heading))
            self.sections.append(Section(self._anchor, heading, text))
        self._anchor, self._text = "", []


def _squash(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def article_html(html: str) -> str:
    """The page's ``<article>`` without its skipped sections (navigation is never parsed)."""
    found = ARTICLE.search(html)
    return SKIPPED_HTML.sub("", found.group()) if found else ""


def front_matter(path: Path) -> dict:
    """The YAML front matter of a Markdown page ({} when it has none)."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    return (yaml.load(text[4:end], Loader=_LOADER) or {}) if end > 0 else {}


def read_pages(site_dir: Path, content_dir: Path) -> list[SourcePage]:
    """Every searchable page of the site, in URL order (deterministic)."""
    pages = []
    for md in sorted(content_dir.rglob("*.md")):
        rel = md.relative_to(content_dir).with_suffix(".html").as_posix()
        meta = front_matter(md)
        html = site_dir / rel
        if meta.get("type") not in INDEXED_TYPES or not html.is_file():
            continue
        parser = _ArticleParser()
        parser.feed(article_html(html.read_text(encoding="utf-8")))
        pages.append(SourcePage(rel, meta, parser.sections))
    pages.sort(key=lambda p: p.url)
    log.debug("read %d searchable pages", len(pages))
    return pages
