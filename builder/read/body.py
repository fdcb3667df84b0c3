"""Running text of a document: numbered clauses nested by rank, paragraphs, pasted tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, BlockKind, Clause, DocumentBody, SourceSpan
from . import extract, rules
from .context import Context, Line


@dataclass
class _ClauseDraft:
    """A clause while its text and children are still being read."""

    marker: rules.ClauseMarker
    title: str | None
    span: SourceSpan
    blocks: list[Block] = field(default_factory=list)
    children: list[_ClauseDraft] = field(default_factory=list)

    def freeze(self) -> Clause:
        m = self.marker
        return Clause(m.level, m.marker, m.number, self.title, tuple(self.blocks), self.span,
                      tuple(c.freeze() for c in self.children))


def parse_body(lines: list[Line], ctx: Context, plain: set[int] | frozenset[int] = frozenset()) -> DocumentBody:
    """Running text with 一、/（一）/1./（1） (or 第一章/第一条) clauses nested by rank; lines in
    ``plain`` (a 附件 list) are paragraphs even when they start like a clause."""
    preamble: list[Block] = []
    top: list[_ClauseDraft] = []
    stack: list[_ClauseDraft] = []
    for line in (line for line in lines if line.text):
        cells = rules.split_cells(line.raw or line.text)
        marker = None if cells or line.number in plain else rules.match_clause_marker(line.text)
        if marker is None:
            (stack[-1].blocks if stack else preamble).append(text_block(line, ctx, cells))
            continue
        clause = _clause(marker, line, ctx)
        while stack and stack[-1].marker.level >= marker.level:
            stack.pop()
        (stack[-1].children if stack else top).append(clause)
        stack.append(clause)
    return DocumentBody(tuple(preamble), tuple(c.freeze() for c in top))


def _clause(marker: rules.ClauseMarker, line: Line, ctx: Context) -> _ClauseDraft:
    title, text = (None, marker.rest) if marker.level == rules.ARTICLE else rules.split_heading(marker.rest)
    clause = _ClauseDraft(marker, title, ctx.span(line))
    if text:
        clause.blocks.append(body_block(text if title else line.text, line, ctx))
    return clause


def text_block(line: Line, ctx: Context, cells: tuple[str, ...] | None = None) -> Block:
    """A paragraph, or a table row when the line holds tab-separated cells."""
    if cells:
        return Block(line.text, ctx.span(line), BlockKind.TABLE_ROW, cells=cells)
    return body_block(line.text, line, ctx)


def body_block(text: str, line: Line, ctx: Context) -> Block:
    return Block(text, ctx.span(line), departments=tuple(extract.read_departments(text)))
