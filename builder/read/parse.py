"""Parse stage: decoded bulletin → ``Issue`` model plus diagnostics.

The grammar, top down:

* header — breadcrumb (``您当前所在位置:…``) and title (``简报·第268期(上)``);
* sections — a short standalone title (资讯传递, 政策速递, or any other) followed by items;
* items — a policy when its title is followed by a 发文字号 or 主送机关 line, or reads as a
  公文 title; otherwise a news item that ends with its ``来源:`` line.

Every non-blank line ends up in exactly one model object; lines no rule recognises are kept as
``UNRECOGNISED`` blocks where they stood and reported.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from ..model import (
    Attachment,
    Block,
    BlockKind,
    Citation,
    Clause,
    Diagnostic,
    DocNumber,
    DocumentBody,
    Issue,
    NewsItem,
    NewsSource,
    Policy,
    Section,
    Severity,
    ShortName,
    SourceSpan,
    Validity,
)
from . import extract, rules
from .decode import SourceText

log = logging.getLogger(__name__)

_MAX_SIGNERS = 6
"""Signature lines above a 成文日期 (joint documents list one body per line)."""
_POLICY_LOOKAHEAD = 4
"""How many non-blank lines after a title may hold its 发文字号 or 主送机关."""


@dataclass(frozen=True)
class Line:
    """A source line: its 1-based number and its text without indentation."""

    number: int
    text: str


@dataclass
class _Context:
    """What one parse run shares: the file name and the diagnostics reported so far."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, line: int, severity: Severity, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.file, line, severity, code, message))

    def span(self, first: Line, last: Line | None = None) -> SourceSpan:
        return SourceSpan(self.file, first.number, (last or first).number)

    def block(self, line: Line, kind: BlockKind = BlockKind.PARAGRAPH) -> Block:
        return Block(line.text, self.span(line), kind)


def parse_issue(source: SourceText) -> tuple[Issue, list[Diagnostic]]:
    """Parse one bulletin. Never raises on odd text: what is not understood is kept and reported."""
    ctx = _Context(source.path)
    lines = [Line(n, rules.strip_line(raw)) for n, raw in enumerate(source.lines, start=1)]
    starts = _find_sections(lines, ctx)
    header_end = starts[0] if starts else len(lines)
    header = _parse_header(lines[:header_end], ctx)
    bounds = starts + [len(lines)]
    sections = tuple(_parse_section(lines, first, end, ctx) for first, end in zip(bounds, bounds[1:]))
    if not starts:
        ctx.report(1, Severity.ERROR, "no-sections", "no section title (资讯传递, 政策速递 …) found")
    return replace(header, sections=sections), ctx.diagnostics


# --- header and sections -----------------------------------------------------------------------


def _parse_header(lines: list[Line], ctx: _Context) -> Issue:
    breadcrumb, title_line, reading, front = None, None, None, []
    for line in lines:
        if not line.text:
            continue
        if breadcrumb is None and title_line is None and rules.match_breadcrumb(line.text):
            breadcrumb = ctx.block(line)
        elif title_line is None and (found := rules.match_issue_title(line.text)):
            title_line, reading = line, found
        else:
            front.append(ctx.block(line, BlockKind.UNRECOGNISED))
            ctx.report(line.number, Severity.WARNING, "unrecognised", f"text before the first section kept as is: {_quote(line.text)}")
    if title_line is None:
        number = _number_from_filename(ctx.file)
        ctx.report(1, Severity.WARNING, "no-issue-title", f"no issue title like 简报·第268期(上); issue number taken from the file name: {number}")
        title_line = Line(1, "")
        return Issue(ctx.file, "", number, None, ctx.span(title_line), breadcrumb, tuple(front))
    return Issue(ctx.file, title_line.text, reading.number, reading.part, ctx.span(title_line), breadcrumb, tuple(front))


def _number_from_filename(file: str) -> int | None:
    m = re.search(r"(\d+)", PurePosixPath(file).stem)
    return int(m.group(1)) if m else None


def _find_sections(lines: list[Line], ctx: _Context) -> list[int]:
    """Indexes of section title lines."""
    starts = []
    for i, line in enumerate(lines):
        if not _standalone(lines, i):
            continue
        if rules.match_known_section(line.text):
            starts.append(i)
        elif rules.looks_like_section_title(line.text) and _next_is_title(lines, i):
            starts.append(i)
            ctx.report(line.number, Severity.INFO, "section-guessed", f"read {_quote(line.text)} as a section title")
    return starts


def _standalone(lines: list[Line], i: int) -> bool:
    """A non-blank line with a blank (or the file's edge) before and after it."""
    return bool(lines[i].text) and (i == 0 or not lines[i - 1].text) and (i + 1 == len(lines) or not lines[i + 1].text)


def _next_is_title(lines: list[Line], i: int) -> bool:
    j = _next_nonblank(lines, i + 1, len(lines))
    return j is not None and _standalone(lines, j) and "。" not in lines[j].text and len(lines[j].text) <= 80


def _next_nonblank(lines: list[Line], start: int, end: int) -> int | None:
    return next((j for j in range(start, end) if lines[j].text), None)


def _nonblank_after(lines: list[Line], start: int, end: int, count: int) -> list[Line]:
    out = []
    for j in range(start, end):
        if lines[j].text:
            out.append(lines[j])
            if len(out) == count:
                break
    return out


def _parse_section(lines: list[Line], first: int, end: int, ctx: _Context) -> Section:
    title = lines[first]
    items: list[NewsItem | Policy] = []
    i = _next_nonblank(lines, first + 1, end)
    while i is not None:
        if _is_policy_start(lines, i, end):
            stop = _policy_end(lines, i, end)
            items.append(_parse_policy(lines[i:stop], ctx))
        else:
            stop = _news_end(lines, i, end, ctx)
            items.append(_parse_news(lines[i:stop], ctx))
        i = _next_nonblank(lines, stop, end)
    return Section(title.text, ctx.span(title), tuple(items))


# --- item boundaries ---------------------------------------------------------------------------


def _is_policy_start(lines: list[Line], i: int, end: int) -> bool:
    """A title line followed closely by a 发文字号 or 主送机关 line, or a 公文-shaped title."""
    text = lines[i].text
    if "。" in text or len(text) > 120 or _is_document_part(text):
        return False
    for line in _nonblank_after(lines, i + 1, end, _POLICY_LOOKAHEAD):
        if rules.match_doc_number(line.text) or rules.match_addressee(line.text):
            return True
        if rules.match_source_line(line.text):
            return False
        if "。" in line.text:
            break  # running text: the head of a document (title, 文号, 主送) has no sentence
    return rules.looks_like_document_title(text) and (i == 0 or not lines[i - 1].text)


def _is_document_part(text: str) -> bool:
    """Lines that belong inside a document and never open one."""
    return bool(
        rules.match_doc_number(text)
        or rules.match_addressee(text)
        or rules.match_date_line(text)
        or rules.match_note(text)
        or rules.match_source_line(text)
        or rules.match_clause_marker(text)
    )


def _news_end(lines: list[Line], i: int, end: int, ctx: _Context) -> int:
    """Index after the news item starting at ``i``: after its 来源 line, or before the next policy."""
    for j in range(i + 1, end):
        if rules.match_source_line(lines[j].text):
            return j + 1
        if not lines[j - 1].text and lines[j].text and _is_policy_start(lines, j, end):
            ctx.report(lines[i].number, Severity.WARNING, "no-source", f"news item {_quote(lines[i].text)} has no 来源 line")
            return j
    ctx.report(lines[i].number, Severity.WARNING, "no-source", f"news item {_quote(lines[i].text)} has no 来源 line")
    return end


def _policy_end(lines: list[Line], i: int, end: int) -> int:
    """Index after the policy starting at ``i``: before the next item that follows a blank line.

    Only a boundary after the 成文日期 counts, so the blanks inside a document's head do not split
    it; a document without a date ends at the first boundary.
    """
    printed = rules.printed_document(lines[i].text)
    first_boundary, dated = None, False
    for j in range(i + 1, end):
        dated = dated or bool(rules.match_date_line(lines[j].text))
        if lines[j - 1].text or not lines[j].text:
            continue
        if printed and dated and _same_title(lines[j].text, printed):
            continue
        if _is_policy_start(lines, j, end) or (dated and _news_ahead(lines, j, end)):
            if dated:
                return j
            first_boundary = first_boundary or j
    return first_boundary or end


def _news_ahead(lines: list[Line], start: int, end: int) -> bool:
    """Whether a 来源 line comes before the next policy title: a news item starts here."""
    for j in range(start, end):
        if rules.match_source_line(lines[j].text):
            return True
        if j > start and not lines[j - 1].text and lines[j].text and _is_policy_start(lines, j, end):
            return False
    return False


def _same_title(text: str, printed: str) -> bool:
    """Whether a line is the title of the document a notice 印发 (ignoring brackets and dashes)."""
    a, b = rules.title_key(text), rules.title_key(printed)
    return bool(a) and (a == b or a.startswith(b) or b.startswith(a))


# --- news ----------------------------------------------------------------------------------------


def _parse_news(lines: list[Line], ctx: _Context) -> NewsItem:
    body = [line for line in lines if line.text]
    title = body[0]
    rest = body[1:]
    source = subtitle = None
    if rest and rules.match_source_line(rest[-1].text):
        source = _read_source(rest[-1], ctx)
        rest = rest[:-1]
    if rest and rules.match_subtitle(rest[0].text):
        subtitle = ctx.block(rest[0])
        rest = rest[1:]
    blocks = tuple(ctx.block(line, _news_block_kind(line.text)) for line in rest)
    return NewsItem(title.text, ctx.span(title, body[-1]), subtitle, blocks, source, _short_names(rest, ctx))


def _news_block_kind(text: str) -> BlockKind:
    if rules.match_byline(text):
        return BlockKind.BYLINE
    if rules.looks_like_subheading(text):
        return BlockKind.SUBHEADING
    return BlockKind.PARAGRAPH


def _read_source(line: Line, ctx: _Context) -> NewsSource:
    found = rules.match_source_line(line.text)
    assert found is not None
    date = None
    if found.date_raw is None:
        ctx.report(line.number, Severity.WARNING, "source-no-date", f"来源 line has no date: {_quote(line.text)}")
    else:
        reading = rules.read_date(found.date_raw)
        date = reading.value if reading else None
        if date is None:
            ctx.report(line.number, Severity.WARNING, "date-unreadable", f"date {_quote(found.date_raw)} cannot be read; kept as written")
        elif reading and reading.repaired:
            ctx.report(line.number, Severity.WARNING, "date-repaired", f"date {_quote(found.date_raw)} read as {date.isoformat()} (a doubled digit in the year)")
    return NewsSource(line.text, ctx.span(line), found.outlet, tuple(found.authors), found.date_raw, date)


# --- policies -------------------------------------------------------------------------------------


@dataclass
class _PolicyDraft:
    """The parts of a policy as the parser finds them, before they become one immutable ``Policy``."""

    title: Line
    doc_number: DocNumber | None = None
    addressee: Block | None = None
    signatures: list[Block] = field(default_factory=list)
    date_raw: Block | None = None
    date: dt.date | None = None
    notes: list[Block] = field(default_factory=list)
    attachment: Attachment | None = None
    trailing: list[Block] = field(default_factory=list)


def _parse_policy(lines: list[Line], ctx: _Context) -> Policy:
    body = [line for line in lines if line.text]
    draft = _PolicyDraft(body[0])
    rest = _take_head(draft, body[1:], ctx)
    date_at = next((k for k, line in enumerate(rest) if rules.match_date_line(line.text)), None)
    if date_at is None:
        ctx.report(draft.title.number, Severity.WARNING, "no-date", f"policy {_quote(draft.title.text)} has no 成文日期 line")
        notice, tail = rest, []
    else:
        notice, tail = _take_signature(draft, rest, date_at, ctx)
    text_lines = notice + _take_tail(draft, tail, ctx)
    return _finish_policy(draft, ctx.span(draft.title, body[-1]), _parse_body(notice, ctx), text_lines, ctx)


def _finish_policy(draft: _PolicyDraft, span: SourceSpan, body: DocumentBody, text_lines: list[Line], ctx: _Context) -> Policy:
    """The readings that need the whole document: issuer, 文种, short names, citations, validity."""
    title = draft.title
    short_names = _short_names(text_lines, ctx)
    validity = _validity(draft.date, span.file, text_lines)
    if not (validity.effective_text or validity.valid_until_text):
        ctx.report(title.number, Severity.INFO, "no-validity", f"policy {_quote(title.text)} states no 施行日期 or 有效期")
    own_titles = [title.text] + ([draft.attachment.title] if draft.attachment else [])
    return Policy(
        title=_repaired_title(title, ctx),
        title_raw=title.text,
        span=span,
        doc_number=draft.doc_number,
        addressee=draft.addressee,
        body=body,
        signatures=tuple(draft.signatures),
        issuer=_issuer(title.text, draft.signatures, ctx),
        date_raw=draft.date_raw,
        date=draft.date,
        notes=tuple(draft.notes),
        attachment=draft.attachment,
        trailing=tuple(draft.trailing),
        kind=extract.document_kind(title.text),
        validity=validity,
        citations=_citations(own_titles, draft.doc_number, short_names, text_lines, ctx),
        short_names=short_names,
    )


def _short_names(lines: list[Line], ctx: _Context) -> tuple[ShortName, ...]:
    """Abbreviations defined in the text: ``（以下简称北交所）`` local, ``（QFLP）`` general."""
    out: list[ShortName] = []
    for line in lines:
        for reading in extract.read_short_names(line.text):
            if not any(n.short == reading.short for n in out):
                local = not re.fullmatch(r"[A-Za-z][A-Za-z0-9\-·. ]*", reading.short)
                out.append(ShortName(reading.short, reading.full, ctx.span(line), local, line.text[reading.start : reading.end]))
    return tuple(out)


def _citations(own: list[str], number: DocNumber | None, short_names: tuple[ShortName, ...],
               lines: list[Line], ctx: _Context) -> tuple[Citation, ...]:
    """Cited documents, each once; the document itself, its attachment and its own short names excluded."""
    shorts = {n.short for n in short_names}
    out: list[Citation] = []
    seen: set[str] = set()
    for line in lines:
        for reading in extract.read_citations(line.text):
            title = reading.title
            if title and (f"《{title}》" in shorts or any(_same_title(title, t) for t in own)):
                continue
            key = reading.doc_number or rules.title_key(title or "")
            if key in seen or (number and reading.doc_number == number.normalized):
                continue
            seen.add(key)
            out.append(Citation(reading.raw, title, reading.doc_number, ctx.span(line)))
    return tuple(out)


def _validity(issued: dt.date | None, file: str, lines: list[Line]) -> Validity:
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


def _repaired_title(title: Line, ctx: _Context) -> str:
    """The title as pages show it: a year range that lost its dash gets it back (reported)."""
    fixed = rules.find_lost_year_dash(title.text)
    if fixed:
        ctx.report(title.number, Severity.WARNING, "year-range-dash", f"{_quote(title.text)} looks like a year range that lost its dash: {fixed}")
    return fixed or title.text


def _take_head(draft: _PolicyDraft, rest: list[Line], ctx: _Context) -> list[Line]:
    """发文字号 and 主送机关, when they come right after the title."""
    if rest and (reading := rules.match_doc_number(rest[0].text)):
        line = rest[0]
        draft.doc_number = DocNumber(line.text, reading.normalized, reading.agency, reading.year, reading.serial)
        if reading.repaired:
            ctx.report(line.number, Severity.WARNING, "doc-number-repaired", f"发文字号 {_quote(line.text)} read as {reading.normalized}")
        rest = rest[1:]
    else:
        ctx.report(draft.title.number, Severity.INFO, "no-doc-number", f"policy {_quote(draft.title.text)} has no 发文字号")
    if rest and rules.match_addressee(rest[0].text):
        draft.addressee = ctx.block(rest[0])
        rest = rest[1:]
    return rest


def _take_signature(draft: _PolicyDraft, rest: list[Line], date_at: int, ctx: _Context) -> tuple[list[Line], list[Line]]:
    date_line = rest[date_at]
    draft.date_raw = ctx.block(date_line)
    reading = rules.match_date_line(date_line.text)
    draft.date = reading.value if reading else None
    if draft.date is None:
        ctx.report(date_line.number, Severity.WARNING, "date-unreadable", f"成文日期 {_quote(date_line.text)} cannot be read")
    notice = rest[:date_at]
    while notice and len(draft.signatures) < _MAX_SIGNERS and rules.looks_like_signature(notice[-1].text):
        draft.signatures.insert(0, ctx.block(notice[-1]))
        notice = notice[:-1]
    if not draft.signatures:
        ctx.report(date_line.number, Severity.WARNING, "no-signature", "no 发文机关署名 line before the 成文日期")
    return notice, rest[date_at + 1 :]


def _take_tail(draft: _PolicyDraft, tail: list[Line], ctx: _Context) -> list[Line]:
    """Notes after the date, then the attached document the notice 印发; returns its text lines."""
    while tail and rules.match_note(tail[0].text):
        draft.notes.append(ctx.block(tail[0], BlockKind.NOTE))
        tail = tail[1:]
    if not tail:
        return []
    printed = rules.printed_document(draft.title.text)
    if printed or rules.looks_like_document_title(tail[0].text):
        if not (printed and _same_title(tail[0].text, printed)):
            ctx.report(tail[0].number, Severity.INFO, "attachment-guessed", f"read {_quote(tail[0].text)} as the attached document")
        title = tail[0]
        draft.attachment = Attachment(_repaired_title(title, ctx), title.text, ctx.span(title), _parse_body(tail[1:], ctx))
        return tail[1:]
    for line in tail:
        draft.trailing.append(ctx.block(line, BlockKind.UNRECOGNISED))
        ctx.report(line.number, Severity.WARNING, "unrecognised", f"text after the 成文日期 kept as is: {_quote(line.text)}")
    return []


def _issuer(title: str, signatures: list[Block], ctx: _Context) -> str | None:
    """发文机关: the title's leading body name when the signature abbreviates it."""
    signature = "、".join(b.text for b in signatures) or None
    prefix, sep, _ = title.partition("关于")
    if not sep or not prefix or not rules.looks_like_signature(prefix) or len(signatures) > 1:
        return signature
    if signature and signature != prefix and prefix.endswith(signature[-3:]):
        ctx.report(signatures[0].span.start, Severity.INFO, "issuer-from-title", f"署名 {_quote(signature)} read as {prefix} (from the title)")
    return prefix if signature is None or prefix.endswith(signature[-3:]) else signature


# --- document bodies and clauses --------------------------------------------------------------------


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


def _parse_body(lines: list[Line], ctx: _Context) -> DocumentBody:
    """Running text with 一、/（一）/1./（1） clauses nested by rank."""
    preamble: list[Block] = []
    top: list[_ClauseDraft] = []
    stack: list[_ClauseDraft] = []
    for line in lines:
        marker = rules.match_clause_marker(line.text)
        if marker is None:
            (stack[-1].blocks if stack else preamble).append(_body_block(line.text, line, ctx))
            continue
        title, text = (None, marker.rest) if marker.level == rules.ARTICLE else rules.split_heading(marker.rest)
        clause = _ClauseDraft(marker, title, ctx.span(line))
        if text:
            clause.blocks.append(_body_block(text if title else line.text, line, ctx))
        while stack and stack[-1].marker.level >= marker.level:
            stack.pop()
        (stack[-1].children if stack else top).append(clause)
        stack.append(clause)
    return DocumentBody(tuple(preamble), tuple(c.freeze() for c in top))


def _body_block(text: str, line: Line, ctx: _Context) -> Block:
    return Block(text, ctx.span(line), departments=tuple(extract.read_departments(text)))


def _quote(text: str, limit: int = 40) -> str:
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
