"""Read the built site: each page's sections (heading anchor, heading, text) and its front matter.

The article is scanned with one regular expression (tags, comments, text) instead of
:class:`html.parser.HTMLParser`: the pages are MkDocs' own well-formed output, and the scan is
several times faster. What it keeps is what the parser kept (``tests/search/test_index.py``).
"""

from __future__ import annotations

import functools
import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

log = logging.getLogger(__name__)

INDEXED_TYPES = {"news", "policy", "term", "issue"}
"""Page types that are searched (home, archive and glossary lists only link to them)."""
SKIPPED_SECTIONS = {"related", "related-archive", "uses", "issue-items"}
"""Navigation lists whose text belongs to other pages (related items of this issue and of past
issues, a term's backlinks, the issue's items); the lists also change whenever an issue is added."""
SKIPPED_CLASSES = {"headerlink", "crumbs", "editor-note", "source-form", "policy-meta", "print-header", "print-actions"}
"""Not searched as text: permalinks, breadcrumbs, editor notes, and the policy card, whose facts
are indexed from the front matter instead (fields.py)."""
IGNORED_META = re.compile(r"^uses: \d+\n", re.M)
"""Front matter the index never reads and that changes with the rest of the archive (a term's
count of uses): left out, so that such a change does not make the page new to the cache."""
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "li", "td", "th", "tr", "div", "table", "ul", "ol", "blockquote", "dd", "dt", "br", "pre"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ATTRS = r"""((?:[^'">]++|"[^"]*+"|'[^']*+')*+)"""
_PIECE = re.compile(
    r"<(?:((?i:script|style))\b" + _ATTRS + r">(.*?)</\1\s*>|(/?)([a-zA-Z][^\s/>]*)" + _ATTRS + r">"
    r"|(!--.*?-->|[!?][^>]*>)|)([^<]*)", re.S)
"""From one ``<`` to the next: a raw-text element (name, attributes, text), a tag (end mark, name,
attributes), a comment or declaration, or else a ``<`` that is text; then the text that follows."""
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_ARTICLE_START = re.compile(rb"<article[\s>]")
_SKIPPED_START = re.compile(rb'<h[1-6] id="(?:%s)"' % "|".join(sorted(SKIPPED_SECTIONS)).encode())
_NEXT_HEADING = re.compile(rb"<h[1-6] id=")
_NO_ATTRIBUTES: dict[str, str] = {}
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


class _Scan:
    """The state of one article scan: the open tags and the section being collected."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.stack: list[str] = []
        self.article = self.skip = self.heading_depth = -1
        self.heading: list[str] = []
        self.text: list[str] = []
        self.anchor = ""

    def start(self, tag: str, attrs: str) -> None:
        self.stack.append(tag)
        depth = len(self.stack)
        if tag == "article" and self.article < 0:
            self.article = depth
        if self.article < 0 or self.skip >= 0:
            return
        values = _attributes(attrs) if attrs else _NO_ATTRIBUTES
        if not SKIPPED_CLASSES.isdisjoint(values.get("class", "").split()):
            self.skip = depth
        elif tag in HEADINGS and values.get("id"):
            self.close_section()
            self.anchor, self.heading_depth, self.heading = values["id"], depth, []

    def end(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            top = self.stack.pop()
            self._ended(top, depth)
            if top == tag:
                break

    def _ended(self, tag: str, depth: int) -> None:
        if depth == self.skip:
            self.skip = -1
        elif depth == self.heading_depth:
            self.heading_depth = -1
        elif depth == self.article:
            self.close_section()
            self.article = -1
        if tag in BLOCK:
            self.text.append("\n")

    def data(self, text: str) -> None:
        if self.article >= 0 and self.skip < 0:
            (self.heading if self.heading_depth >= 0 else self.text).append(text)

    def close_section(self) -> None:
        text = _squash("".join(self.text))
        if self.anchor and self.anchor not in SKIPPED_SECTIONS and (text or self.anchor != "top"):
            self.sections.append(Section(self.anchor, _squash("".join(self.heading)), text))
        self.anchor, self.text = "", []


@functools.lru_cache(maxsize=8192)
def _attributes(attrs: str) -> dict[str, str]:
    """The id and class of a tag's attributes, read in order as the HTML parser does (the first wins)."""
    values: dict[str, str] = {}
    for name, double, single, bare in _ATTR.findall(attrs):
        name = name.lower()
        if name in ("id", "class") and name not in values:
            value = double or single or bare
            values[name] = html.unescape(value) if "&" in value else value
    return values


def sections_of(article: str) -> list[Section]:
    """The sections of an article's HTML: text under each heading that has an id.

    Void elements have no end; ``<x/>`` ends at once; text inside ``<script>``/``<style>`` is
    taken as it is, the rest with entities resolved (as HTMLParser gives them).
    """
    scan = _Scan()
    start, end, data = scan.start, scan.end, scan.data
    lead = article.find("<")
    if lead != 0:
        data(_text(article[:lead] if lead > 0 else article))
    for raw, raw_attrs, raw_text, closing, tag, attrs, skipped, text in _PIECE.findall(article):
        if tag:
            tag = tag.lower()
            if tag in VOID:
                if tag == "br" and not closing:
                    data("\n")
            elif closing:
                end(tag)
            else:
                start(tag, attrs)
                if attrs.endswith("/"):
                    end(tag)
        elif raw:
            start(raw.lower(), raw_attrs)
            data(raw_text)
            end(raw.lower())
        elif not skipped:  # a "<" that starts no tag
            text = "<" + text
        if text:
            data(_text(text))
    if scan.article >= 0:
        scan.close_section()
    return scan.sections


def _text(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _squash(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def article_bytes(data: bytes) -> bytes:
    """The page's ``<article>`` without its skipped sections (navigation is never parsed);
    empty when the page has no whole article."""
    found = _ARTICLE_START.search(data)
    end = data.find(b"</article>", found.start()) if found else -1
    return _cut_skipped(data[found.start():end + len(b"</article>")]) if found and end >= 0 else b""


def _cut_skipped(article: bytes) -> bytes:
    """Each skipped section, from its heading up to the next heading with an id."""
    parts, at = [], 0
    for m in _SKIPPED_START.finditer(article):
        if m.start() < at:
            continue
        following = _NEXT_HEADING.search(article, m.end())
        ends = article.rfind(b"</article>") if following is None else following.start()
        parts.append(article[at:m.start()])
        at = ends
    parts.append(article[at:])
    return b"".join(parts) if len(parts) > 1 else article


def front_matter_text(text: str) -> str:
    """The YAML between a Markdown page's ``---`` lines ("" when there is none), less ``IGNORED_META``."""
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---", 4)
    return IGNORED_META.sub("", text[4:end + 1]) if end > 0 else ""


def parse_front_matter(text: str) -> dict:
    """The front matter as data ({} when empty)."""
    return (yaml.load(text, Loader=_LOADER) or {}) if text else {}


def front_matter(path: Path) -> dict:
    """The YAML front matter of a Markdown page ({} when it has none)."""
    return parse_front_matter(front_matter_text(path.read_text(encoding="utf-8")))


def read_pages(site_dir: Path, content_dir: Path) -> list[SourcePage]:
    """Every searchable page of the site, in URL order (deterministic); no cache."""
    pages = []
    for md in sorted(content_dir.rglob("*.md")):
        rel = md.relative_to(content_dir).with_suffix(".html").as_posix()
        meta = front_matter(md)
        page = site_dir / rel
        if meta.get("type") not in INDEXED_TYPES or not page.is_file():
            continue
        pages.append(SourcePage(rel, meta, sections_of(article_bytes(page.read_bytes()).decode("utf-8"))))
    pages.sort(key=lambda p: p.url)
    log.debug("read %d searchable pages", len(pages))
    return pages
