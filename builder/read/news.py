"""A news item taken apart: headline, subtitle, 来源 line (under the body or under the headline),
paragraphs, subheadings, bylines, and the reporters its body names."""

from __future__ import annotations

from ..model import BlockKind, NewsItem, NewsSource
from . import readings, rules
from .context import Context, Line, nonblank, quote
from .sources import match_source_line, read_reporters

_REPORTER_LINES = 2
"""Reporters are looked for in the first and last lines of the body only."""


def parse_news(lines: list[Line], ctx: Context) -> NewsItem:
    """One news item (``lines`` may hold blank lines)."""
    body = nonblank(lines)
    title, rest = body[0], body[1:]
    source_at = _source_index(rest)
    source = _read_source(rest[source_at], ctx) if source_at is not None else None
    if source is None:
        ctx.warn(title.number, "no-source", f"news item {quote(title.text)} has no 来源 line")
    dateline = _dateline(rest, source_at)
    rest = [line for k, line in enumerate(rest) if k != source_at and line is not dateline]
    subtitle = ctx.block(rest[0]) if rest and rules.match_subtitle(rest[0].text) else None
    rest = rest[1:] if subtitle else rest
    blocks = tuple(ctx.block(line, _block_kind(line.text)) for line in rest)
    found = rules.find_date(dateline.text) if dateline else None
    return NewsItem(title.text, ctx.span(title, body[-1]), subtitle, blocks, source,
                    readings.short_names(rest, ctx), _authors(source, rest),
                    dateline=ctx.block(dateline) if dateline else None, dateline_date=found[2].value if found else None)


def _source_index(rest: list[Line]) -> int | None:
    """The 来源 line: the last line, else the line right under the headline (under its subtitle
    or its date line)."""
    if rest and match_source_line(rest[-1].text):
        return len(rest) - 1
    under = 0
    while under < len(rest) and (rules.match_subtitle(rest[under].text) or rules.match_dateline(rest[under].text)):
        under += 1
    return under if under < len(rest) and match_source_line(rest[under].text) else None


def _dateline(rest: list[Line], source_at: int | None) -> Line | None:
    """A date-and-time line right above or below a 来源 line that stands under the headline."""
    if source_at is None or source_at == len(rest) - 1:
        return None
    for k in (source_at - 1, source_at + 1):
        if 0 <= k < len(rest) and rules.match_dateline(rest[k].text):
            return rest[k]
    return None


def _block_kind(text: str) -> BlockKind:
    if rules.match_byline(text):
        return BlockKind.BYLINE
    if rules.looks_like_subheading(text):
        return BlockKind.SUBHEADING
    return BlockKind.PARAGRAPH


def _read_source(line: Line, ctx: Context) -> NewsSource:
    found = match_source_line(line.text)
    assert found is not None
    date = None
    if found.date is None:
        ctx.warn(line.number, "source-no-date", f"来源 line has no date: {quote(line.text)}")
    else:
        date = found.date.value
        if date is None:
            ctx.warn(line.number, "date-unreadable", f"date {quote(found.date.raw)} cannot be read; kept as written")
        elif found.date.repaired:
            ctx.warn(line.number, "date-repaired", f"date {quote(found.date.raw)} read as {date.isoformat()} (a doubled digit in the year)")
    if not found.outlets:
        ctx.warn(line.number, "source-no-outlet", f"来源 line names no outlet: {quote(line.text)}")
    return NewsSource(line.text, ctx.span(line), tuple(found.outlets), tuple(found.authors), found.date_raw, date)


def _authors(source: NewsSource | None, rest: list[Line]) -> tuple[str, ...]:
    """The 来源 line's authors, then reporters named at the start or end of the body."""
    out = list(source.authors) if source else []
    edge = rest[:_REPORTER_LINES] + rest[-_REPORTER_LINES:]
    for line in dict.fromkeys(edge):
        out += [name for name in read_reporters(line.text) if name not in out]
    return tuple(out)
