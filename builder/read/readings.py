"""Readings that need an item's whole text: defined short names, cited documents, validity, titles."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Citation, DocNumber, ShortName, SourceSpan, Validity
from . import extract, rules
from .context import Context, Line, quote


def short_names(lines: list[Line], ctx: Context) -> tuple[ShortName, ...]:
    """Abbreviations defined in the text: ``（以下简称北交所）`` local, ``（QFLP）`` general."""
    out: list[ShortName] = []
    for line in lines:
        for reading in extract.read_short_names(line.text):
            if not any(n.short == reading.short for n in out):
                local = not re.fullmatch(r"[A-Za-z][A-Za-z0-9\-·. ]*", reading.short)
                out.append(ShortName(reading.short, reading.full, ctx.span(line), local, line.text[reading.start : reading.end]))
    return tuple(out)


def citations(own: list[str], numbers: tuple[DocNumber, ...], names: tuple[ShortName, ...],
              lines: list[Line], ctx: Context) -> tuple[Citation, ...]:
    """Cited documents, each once; the document itself, its attachments and its own short names excluded."""
    shorts = {n.short for n in names}
    own_numbers = {n.normalized for n in numbers}
    out: list[Citation] = []
    seen: set[str] = set()
    for line in lines:
        for reading in extract.read_citations(line.text):
            title = reading.title
            if title and (f"《{title}》" in shorts or any(same_title(title, t) for t in own)):
                continue
            key = reading.doc_number or rules.title_key(title or "")
            if key in seen or (reading.doc_number and reading.doc_number in own_numbers):
                continue
            seen.add(key)
            out.append(Citation(reading.raw, title, reading.doc_number, ctx.span(line)))
    return tuple(out)


def same_title(text: str, other: str) -> bool:
    """Whether two titles name the same document (ignoring brackets and dashes)."""
    a, b = rules.title_key(text), rules.title_key(other)
    return bool(a) and bool(b) and (a == b or a.startswith(b) or b.startswith(a))


def validity(issued: dt.date | None, file: str, lines: list[Line]) -> Validity:
    """The first 施行 phrase and the first 有效期 phrase of the document."""
    effective = until = None
    for line in lines:
        reading = extract.read_validity(line.text, issued)
        if reading is None:
            continue
        if reading.effective_text and effective is None:
            effective = (reading.effective, reading.effective_text, line.number)
        if reading.valid_until_text and until is None:
            until = (reading.valid_until, reading.valid_until_text, line.number)
    if not (effective or until):
        return Validity()
    first = min(x[2] for x in (effective, until) if x)
    return Validity(effective[0] if effective else None, effective[1] if effective else None,
                    until[0] if until else None, until[1] if until else None, SourceSpan(file, first, first))


def repaired_title(text: str, line: Line, ctx: Context) -> str:
    """A title as pages show it: a year range that lost its dash gets it back (reported)."""
    fixed = rules.find_lost_year_dash(text)
    if fixed:
        ctx.warn(line.number, "year-range-dash", f"{quote(text)} looks like a year range that lost its dash: {fixed}")
    return fixed or text
