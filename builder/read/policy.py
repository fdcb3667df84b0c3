"""A policy item taken apart: head, notice, 署名 and 成文日期, notes, 版记, attachments, and the
readings that need all of it (发文机关, 文种, validity, citations, short names).

::

    [版头] 标题 [文号…] [发文机关 line] [主送]
    notice text (with its 附件 list)
    [署名…] [成文日期]  [(此件公开发布)] [(本文有删减)]  [抄送…]
    [附件1] [attachment title] [主送] text [署名] [date]   … one per attachment
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import (
    Attachment,
    Block,
    BlockKind,
    DocNumber,
    Policy,
    Severity,
    SourceSpan,
)
from . import extract, readings, rules
from .attachments import (
    Notice,
    combine,
    parse_attachment,
    read_notice_list,
    split_tail,
    take_signatures,
)
from .body import parse_body
from .context import Context, Line, nonblank, quote
from .head import Head, next_nonblank, read_head
from .segment import expected_attachments

_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,8}?(?:自治区|省|市|自治州|州|县|区))")


@dataclass
class _Draft:
    """The parts of a policy as the parser finds them, before they become one immutable ``Policy``."""

    head: Head
    numbers: list[DocNumber] = field(default_factory=list)
    signatures: list[Block] = field(default_factory=list)
    date_raw: Block | None = None
    date: dt.date | None = None
    notes: list[Block] = field(default_factory=list)
    imprint: list[Block] = field(default_factory=list)
    attachments: tuple[Attachment, ...] = ()
    trailing: list[Block] = field(default_factory=list)
    notice: Notice = field(default_factory=Notice)


def parse_policy(lines: list[Line], ctx: Context) -> Policy:
    """One policy item (``lines`` may hold blank lines)."""
    start = next_nonblank(lines, 0)
    head = read_head(lines, start, len(lines)) or _bare_head(lines, start)
    draft = _Draft(head)
    draft.numbers = _doc_numbers(head, ctx)
    rest = nonblank(lines[head.end :])
    notice_lines, tail = _split_at_date(draft, rest, ctx)
    draft.notice = read_notice_list(notice_lines)
    tail = _take_after_date(draft, tail, ctx)
    text_lines = notice_lines + tail
    draft.attachments = _attachments(draft, lines[head.end:], tail, ctx)
    body = parse_body(notice_lines, ctx, plain=draft.notice.list_lines)
    return _finish(draft, ctx.span(lines[start], nonblank(lines)[-1]), body, text_lines, ctx)


def _bare_head(lines: list[Line], start: int) -> Head:
    """A head of just the first line (an item read as a policy whose title reads as none)."""
    return Head(start, title=[lines[start]], end=start + 1)


# --- 发文字号 -----------------------------------------------------------------------------------------


def _doc_numbers(head: Head, ctx: Context) -> list[DocNumber]:
    """Every 文号 of the head (above the title or under it); a 令's bare ``(2019)第4号`` takes the
    title's name as its 机关代字."""
    found = [(m, rules.match_doc_numbers(m.text)) for m in head.masthead] + head.numbers
    out = []
    for line, readings_ in found:
        for reading in readings_:
            out.append(_doc_number(line, reading, head, ctx))
    if not out:
        ctx.info(head.title[0].number, "no-doc-number", f"policy {quote(head.title_text)} has no 发文字号")
    return out


def _doc_number(line: Line, reading: rules.DocNumberReading, head: Head, ctx: Context) -> DocNumber:
    agency, normalized = reading.agency, reading.normalized
    if not agency and rules.title_core(head.title_text).endswith("令"):
        agency = rules.title_core(head.title_text)
        normalized = agency + normalized
    if normalized != line.text:
        severity = Severity.WARNING if _lost_parts(line.text) else Severity.INFO
        ctx.report(line.number, severity, "doc-number-repaired", f"发文字号 {quote(line.text)} read as {normalized}")
    return DocNumber(line.text, normalized, agency, reading.year, reading.serial)


def _lost_parts(raw: str) -> bool:
    """Whether a 文号 lost its closing bracket or its 号 (a repair, not only another bracket form)."""
    folded = rules.fold(raw).strip(rules.WHITESPACE + "()（）")
    opened = any(c in folded for c in "〔[［(【")
    return not folded.endswith("号") or (opened and not any(c in folded for c in "〕]］)】"))


# --- notice, 署名 and 成文日期 -------------------------------------------------------------------------


def _split_at_date(draft: _Draft, rest: list[Line], ctx: Context) -> tuple[list[Line], list[Line]]:
    """The notice's text and what follows its 成文日期 (the first date line before any attachment label)."""
    date_at = None
    for k, line in enumerate(rest):
        label = rules.match_attachment_label(line.text)
        if label and not label.rest:
            break
        if rules.match_date_line(line.text):
            date_at = k
            break
    if date_at is None:
        ctx.warn(draft.head.title[0].number, "no-date", f"policy {quote(draft.head.title_text)} has no 成文日期 line")
        return _notice_without_date(rest)
    date_line = rest[date_at]
    draft.date_raw = ctx.block(date_line)
    reading = rules.match_date_line(date_line.text)
    draft.date = reading.value if reading else None
    if draft.date is None:
        ctx.warn(date_line.number, "date-unreadable", f"成文日期 {quote(date_line.text)} cannot be read")
    notice, signatures = take_signatures(rest[:date_at])
    draft.signatures = [ctx.block(s) for s in signatures]
    if not signatures:
        ctx.info(date_line.number, "no-signature", "no 发文机关署名 line before the 成文日期")
    return notice, rest[date_at + 1 :]


def _notice_without_date(rest: list[Line]) -> tuple[list[Line], list[Line]]:
    """Without a date, attachments start at the first label line (``附件1``)."""
    for k, line in enumerate(rest):
        label = rules.match_attachment_label(line.text)
        if label and not label.rest:
            return rest[:k], rest[k:]
    return rest, []


def _take_after_date(draft: _Draft, tail: list[Line], ctx: Context) -> list[Line]:
    """Notes and 版记 lines right after the date; returns the rest (the attachments' text)."""
    while tail and (rules.match_note(tail[0].text) or rules.match_imprint(tail[0].text)):
        if rules.match_note(tail[0].text):
            draft.notes.append(ctx.block(tail[0], BlockKind.NOTE))
        else:
            draft.imprint.append(ctx.block(tail[0], BlockKind.IMPRINT))
        tail = tail[1:]
    end = len(tail)
    while end and rules.match_imprint(tail[end - 1].text):
        end -= 1
    draft.imprint += [ctx.block(line, BlockKind.IMPRINT) for line in tail[end:]]
    return tail[:end]


# --- attachments --------------------------------------------------------------------------------------


def _attachments(draft: _Draft, item_lines: list[Line], tail: list[Line], ctx: Context) -> tuple[Attachment, ...]:
    """The included attachments (from the text after the date) and the listed ones."""
    expected = expected_attachments(_lines_before_date(item_lines, tail), draft.head)
    title = draft.head.title_text
    chunks = split_tail(_with_blanks(item_lines, tail), expected) if tail else []
    included = []
    if chunks and not _opens_attachment(chunks[0], expected, title):
        name = _published_name(draft)
        if name and any(rules.match_clause_marker(line.text) for line in chunks[0][:4]):
            ctx.info(chunks[0][0].number, "attachment-untitled", f"the text after the 成文日期 read as {quote(name)} (it has no title line)")
            included.append(parse_attachment(chunks[0], expected, ctx, name=name))
        else:
            draft.trailing = [ctx.block(line, BlockKind.UNRECOGNISED) for line in chunks[0]]
            for line in chunks[0]:
                ctx.warn(line.number, "unrecognised", f"text after the 成文日期 kept as is: {quote(line.text)}")
        chunks = chunks[1:]
    included += [parse_attachment(chunk, expected, ctx) for chunk in chunks]
    for attachment, chunk in zip(included, chunks):
        if not (attachment.label or expected.mentions(chunk[0].text)):
            ctx.info(chunk[0].number, "attachment-guessed", f"read {quote(chunk[0].text)} as an attached document")
    return combine(included, draft.notice, rules.printed_document(title), ctx)


def _lines_before_date(item_lines: list[Line], tail: list[Line]) -> list[Line]:
    first = tail[0].number if tail else None
    return [line for line in item_lines if first is None or line.number < first]


def _published_name(draft: _Draft) -> str | None:
    """What a notice publishes when its text follows without a title: the 《…》 it 印发, or, for a
    令 or 公告 headed by the published document's title, that title."""
    title = draft.head.title_text
    printed = rules.printed_document(title)
    if printed:
        return printed
    decree = any(n.agency.endswith(("令", "公告")) for n in draft.numbers)
    return rules.title_core(title) if decree and not title.endswith(("令", "公告")) else None


def _with_blanks(item_lines: list[Line], tail: list[Line]) -> list[Line]:
    """The tail's lines with the blank lines between them (attachment starts look at blanks)."""
    first, last = tail[0].number, tail[-1].number
    return [line for line in item_lines if first <= line.number <= last]


def _opens_attachment(chunk: list[Line], expected, title: str) -> bool:
    text = chunk[0].text
    return bool(rules.match_attachment_label(text) or expected.mentions(text) or rules.looks_like_document_title(text)
                or ((rules.printed_document(title) or rules.forwarded_document(title)) and rules.looks_like_title(text)))


# --- the whole record ----------------------------------------------------------------------------------


def _finish(draft: _Draft, span: SourceSpan, body, text_lines: list[Line], ctx: Context) -> Policy:
    head = draft.head
    title_line = head.title[0]
    names = readings.short_names(text_lines, ctx)
    validity = readings.validity(draft.date, span.file, text_lines)
    if not (validity.effective_text or validity.valid_until_text):
        ctx.info(title_line.number, "no-validity", f"policy {quote(head.title_text)} states no 施行日期 or 有效期")
    own = [head.title_text] + [a.name for a in draft.attachments] + [a.title for a in draft.attachments]
    return Policy(
        title=readings.repaired_title(head.title_text, title_line, ctx), title_raw=head.title_text, span=span,
        doc_numbers=tuple(draft.numbers), addressee=ctx.block(head.addressee) if head.addressee else None,
        body=body, signatures=tuple(draft.signatures), issuers=tuple(_issuers(draft, ctx)),
        date_raw=draft.date_raw, date=draft.date, notes=tuple(draft.notes), attachments=draft.attachments,
        trailing=tuple(draft.trailing), kind=extract.document_kind(head.title_text), validity=validity,
        citations=readings.citations(own, tuple(draft.numbers), names, text_lines, ctx), short_names=names,
        title_span=ctx.span(head.title[0], head.title[-1]), masthead=tuple(ctx.block(m) for m in head.masthead),
        issuer_line=ctx.block(head.issuer_line) if head.issuer_line else None, imprint=tuple(draft.imprint),
        page_meta=tuple(ctx.block(m) for m in head.page_meta),
    )


# --- 发文机关 ----------------------------------------------------------------------------------------------


def _issuers(draft: _Draft, ctx: Context) -> list[str]:
    """发文机关: the 署名, written out in full from the title when it is abbreviated; else the
    title's bodies, the 版头, a 发文机关 line, a 令's post and place, or the 机关代字."""
    head, line = draft.head, draft.head.title[0].number
    signed = [o for b in draft.signatures for o in rules.split_organs(b.text) if rules.looks_like_signature(o)]
    titled = rules.title_organs(head.title_text)
    if signed:
        return _full_names(signed, titled, draft, ctx)
    for source, found in (("title", titled), ("版头", _masthead_organs(head)), ("发文机关 line", _issuer_line(head)),
                          ("令", _decree_issuer(draft)), ("文号", _agency_issuer(draft))):
        if found:
            if source != "title":
                ctx.info(line, "issuer-guessed", f"发文机关 read as {'、'.join(found)} (from the {source}): there is no 署名")
            return found
    ctx.info(line, "no-issuer", f"policy {quote(head.title_text)} names no 发文机关")
    return []


def _full_names(signed: list[str], titled: list[str], draft: _Draft, ctx: Context) -> list[str]:
    if len(titled) != len(signed) or titled == signed:
        return signed
    if all(t.endswith(s[-3:]) for t, s in zip(titled, signed)):
        ctx.info(draft.signatures[0].span.start, "issuer-from-title",
                 f"署名 {quote('、'.join(signed))} read as {'、'.join(titled)} (from the title)")
        return titled
    return signed


def _masthead_organs(head: Head) -> list[str]:
    for line in head.masthead:
        organ = rules.match_masthead_organ(line.text)
        if organ:
            return rules.split_organs(organ)
    return [m.text for m in head.masthead if rules.looks_like_signature(m.text)][:1]


def _issuer_line(head: Head) -> list[str]:
    return rules.split_organs(head.issuer_line.text) if head.issuer_line else []


def _decree_issuer(draft: _Draft) -> list[str]:
    """A 令: ``中国人民银行令`` → 中国人民银行; ``政府令`` signed by the 省长 → 河北省人民政府 (the
    place from the title)."""
    for number in draft.numbers:
        agency = number.agency
        if agency.endswith("令") and len(agency) > 3 and not agency.endswith("政府令"):
            return [agency[:-1]]
        if agency.endswith("政府令") and (m := _PLACE.match(rules.title_core(draft.head.title_text))):
            return [m["place"] + "人民政府"]
    return []


def _agency_issuer(draft: _Draft) -> list[str]:
    for number in draft.numbers:
        body = extract.issuer_from_agency(number.agency)
        if body:
            return rules.split_organs(body)
    return []
