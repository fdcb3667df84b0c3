"""Markdown text helpers: escape source text so it renders as the same text, and undo it.

Source text is never markup: a bulletin line that starts with ``#``, ``>``, ``-`` or ``1.``, or
holds ``<script>``, ``*`` or ``|``, must show on the page exactly as written.
"""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with tables and attr_list) may read as markup anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!>+])")
# Line starts that open a block: ordered list ``12.`` / ``12)``, bullet ``-``, setext/hr runs.
_ORDERED_START = re.compile(r"^(\d+)([.)])")
_DASH_START = re.compile(r"^(-)")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def escape_text(text: str, *, strip: bool = True) -> str:
    """Escape one line of source text for use in a paragraph, heading or table cell.

    ``strip=False`` keeps trailing blanks, for a piece of a line that a link follows.
    """
    out = text.replace("&", "&amp;").replace("<", "&lt;")
    out = _INLINE_SPECIAL.sub(r"\\\1", out)
    out = _ORDERED_START.sub(r"\1\\\2", out)
    out = _DASH_START.sub(r"\\\1", out)
    # Two trailing spaces would be a hard line break at the end of a line.
    return out.rstrip() if strip else out


def unescape_text(markdown: str) -> str:
    """Inverse of :func:`escape_text` for text produced by it (used by the fidelity check)."""
    return html.unescape(_UNESCAPE.sub(r"\1", markdown))


def paragraph(text: str, *, anchor: str | None = None, classes: tuple[str, ...] = ()) -> str:
    """An escaped paragraph, with block attributes (attr_list) when asked."""
    body = escape_text(text)
    attrs = attr_list(anchor, classes)
    return f"{body}\n{{: {attrs} }}" if attrs else body


def heading(level: int, text: str, anchor: str, *, escaped: bool = False) -> str:
    """``### text {#anchor}``; ``text`` is escaped unless it is already Markdown."""
    content = text if escaped else escape_text(text)
    return f"{'#' * level} {content} {{#{anchor}}}"


def attr_list(anchor: str | None, classes: tuple[str, ...]) -> str:
    parts = ([f"#{anchor}"] if anchor else []) + [f".{c}" for c in classes]
    return " ".join(parts)


def link(text: str, target: str, *, escaped: bool = False) -> str:
    """``[text](target)`` with the text escaped."""
    return f"[{text if escaped else escape_text(text)}]({target})"
