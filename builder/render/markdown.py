"""Markdown text helpers: source text rendered so it shows as the same text, and never as markup.

A bulletin line that starts with ``#``, ``>``, ``-`` or ``1.``, or holds ``<script>``, ``*`` or
``|``, must show on the page exactly as written. Ordinary text is backslash-escaped Markdown.
Python-Markdown spends time quadratic in the number of escapes inside one paragraph, so a
paragraph or heading with very many characters to escape is written as an HTML block instead
(HTML-escaped, no inline processing): a line of any length builds in linear time.

Text with links is a list of :class:`Span`; :func:`text_paragraph` renders it in either form.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from typing import NamedTuple

from ..link.addresses import Addresses

# Characters Python-Markdown (with tables and attr_list) may read as markup anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!>+])")
# Line starts that open a block: ordered list ``12.`` / ``12)``, bullet ``-``, setext/hr runs.
_ORDERED_START = re.compile(r"^(\d+)([.)])")
_DASH_START = re.compile(r"^(-)")
_NEEDS_ESCAPE = re.compile(r"[&<\\`*_\[\]{}#|!>+\x02\x03]")
"""Text without any of these, not starting a list (``-``, ``12.``), needs no escaping (most Chinese
text). Three separate tests: one pattern with the two anchored alternatives was three times slower."""
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PLACEHOLDER_CHARS = {"\x02": "&#2;", "\x03": "&#3;"}
"""Python-Markdown's own placeholder delimiters: in source text they become character references."""
_MARKUP_CHARS = re.compile(r"[\\`*_\[\]{}#|!>+<&\x02\x03]")
HEAVY = 300
"""Characters to escape in one paragraph above which it is written as HTML."""
_ATTR_SPECIAL = set('\\`*_{}[]<>&"\'|!~^=\x02\x03')
_ATTR_SPECIAL_RE = re.compile("[" + re.escape("".join(sorted(_ATTR_SPECIAL))) + "]")
LABEL_MAX = 200
"""Longest link label; a longer title (only a broken bulletin has one) is cut with …… in lists."""


class Span(NamedTuple):
    """A piece of running text: plain, or a link with an optional tooltip, or a ready HTML snippet.
    (A named tuple: pages are made of hundreds of thousands of them.)"""

    text: str
    href: str | None = None
    """Relative link target (a ``.md`` path, ``#anchor`` kept), or None for plain text."""
    tip: str = ""
    """Tooltip text of the link (a term's definition)."""
    html: bool = False
    """``text`` is trusted HTML made by the builder (an editor's note), not source text."""


@functools.lru_cache(maxsize=1 << 14)
def escape_text(text: str, *, strip: bool = True) -> str:
    """Escape one line of source text for use in a paragraph, heading or table cell (remembered:
    an issue's print view escapes its items' text again).

    ``strip=False`` keeps trailing blanks, for a piece of a line that a link follows.
    """
    if not _NEEDS_ESCAPE.search(text) and not text.startswith("-") and not _ORDERED_START.match(text):
        return text.rstrip() if strip else text
    out = text.replace("&", "&amp;").replace("<", "&lt;")
    out = _INLINE_SPECIAL.sub(r"\\\1", out)
    out = _ORDERED_START.sub(r"\1\\\2", out)
    out = _DASH_START.sub(r"\\\1", out)
    out = _placeholders_to_refs(out)
    # Two trailing spaces would be a hard line break at the end of a line.
    return out.rstrip() if strip else out


def html_text(text: str) -> str:
    """Source text for an HTML block: escaped for HTML, with nothing Markdown could unescape."""
    return _placeholders_to_refs(html.escape(text, quote=True).replace("\\", "&#92;"))


@functools.lru_cache(maxsize=4096)
def char_refs(text: str) -> str:
    """Text with every character Markdown or HTML could read as markup written as a character reference:
    safe in an attr_list value, in raw HTML inside Markdown and in an HTML block alike."""
    return _ATTR_SPECIAL_RE.sub(lambda m: f"&#{ord(m[0])};", text)


def _placeholders_to_refs(text: str) -> str:
    return "".join(_PLACEHOLDER_CHARS.get(c, c) for c in text) if "\x02" in text or "\x03" in text else text


def unescape_text(markdown: str) -> str:
    """Inverse of the escaping above, for text produced by it (used by the fidelity check)."""
    return html.unescape(_UNESCAPE.sub(r"\1", markdown).replace("&#2;", "\x02").replace("&#3;", "\x03"))


def is_heavy(texts: Sequence[str]) -> bool:
    """Whether text holds so many characters to escape that Markdown would be slow on it."""
    if sum(map(len, texts)) <= HEAVY:
        return False  # not even that many characters (most paragraphs)
    return sum(len(_MARKUP_CHARS.findall(t)) for t in texts) > HEAVY


# --- paragraphs and headings ----------------------------------------------------------------------


def text_paragraph(spans: Sequence[Span], *, anchor: str | None = None, classes: tuple[str, ...] = (),
                   permalink: str | None = None) -> str:
    """A paragraph of spans, with an id, classes and a ¶ permalink (title ``permalink``) when asked."""
    if is_heavy([s.text for s in spans if not s.html]):
        return _html_paragraph(spans, anchor, classes, permalink)
    body = "".join(_span_markdown(s) for s in spans).rstrip()
    if permalink and anchor:
        body += f' [¶](#{anchor}){{: .headerlink title="{char_refs(permalink)}" }}'
    attrs = attr_list(anchor, classes)
    return f"{body}\n{{: {attrs} }}" if attrs else body


def _span_markdown(span: Span) -> str:
    if span.html:
        return span.text
    label = escape_text(span.text, strip=False)
    if span.href is None:
        return label
    tip = f'{{: .tip data-tip="{char_refs(span.tip)}" }}' if span.tip else ""
    return f"[{label}]({span.href}){tip}"


def _html_paragraph(spans: Sequence[Span], anchor: str | None, classes: tuple[str, ...], permalink: str | None) -> str:
    body = "".join(_span_html(s) for s in spans).rstrip()
    if permalink and anchor:
        body += f' <a class="headerlink" href="#{anchor}" title="{html.escape(permalink)}">¶</a>'
    return f"<p{_html_attrs(anchor, classes)}>{body}</p>"


def _span_html(span: Span) -> str:
    if span.html:
        return span.text
    label = html_text(span.text)
    if span.href is None:
        return label
    tip = f' class="tip" data-tip="{html.escape(span.tip, quote=True)}"' if span.tip else ""
    return f'<a href="{html.escape(Addresses.url(span.href), quote=True)}"{tip}>{label}</a>'


def _html_attrs(anchor: str | None, classes: tuple[str, ...]) -> str:
    return (f' id="{anchor}"' if anchor else "") + (f' class="{" ".join(classes)}"' if classes else "")


def paragraph(text: str, *, anchor: str | None = None, classes: tuple[str, ...] = ()) -> str:
    """An escaped paragraph of plain source text, with block attributes (attr_list) when asked."""
    return text_paragraph([Span(text)], anchor=anchor, classes=classes)


def heading(level: int, text: str, anchor: str, *, escaped: bool = False, classes: tuple[str, ...] = ()) -> str:
    """``### text {#anchor .class}``; ``text`` is escaped unless it is already Markdown."""
    if not escaped and is_heavy([text]):
        return f"<h{level}{_html_attrs(anchor, classes)}>{html_text(text)}</h{level}>"
    content = text if escaped else escape_text(text)
    return f"{'#' * level} {content} {{{attr_list(anchor, classes)}}}"


def attr_list(anchor: str | None, classes: tuple[str, ...]) -> str:
    parts = ([f"#{anchor}"] if anchor else []) + [f".{c}" for c in classes]
    return " ".join(parts)


def link(text: str, target: str, *, escaped: bool = False) -> str:
    """``[text](target)`` with the text escaped (and cut to :data:`LABEL_MAX` characters)."""
    return f"[{text if escaped else escape_text(short_label(text))}]({target})"


def short_label(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[:LABEL_MAX] + "……"


def markdown_div(css_class: str, markdown: str) -> str:
    """A block of Markdown inside a ``<div>`` with a class (md_in_html)."""
    return f'<div class="{css_class}" markdown>\n\n{markdown}\n\n</div>'
