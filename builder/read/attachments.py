"""The documents a notice carries: its 附件 list, and the texts after its 成文日期.

A notice names what it carries in its title (印发《X》, 转发…报告), in a 附件 list (``附件：1.…``
with ``2.…`` on the next lines), or in its text (``填写《…申请表》（见附件1）``). The texts follow the
notice's date: each starts with a label line (``附件1``), a title the notice names, or any title
after the previous attachment's own date; it may have a 主送, a 署名 and a date of its own. An
attachment whose text the bulletin does not carry is still listed (``included=False``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Attachment, BlockKind
from . import extract, readings, rules
from .body import parse_body
from .context import Context, Line, quote
from .segment import Expected, same_name

_BRACKET_NOTE = re.compile(r"^[(（][^()（）]{1,16}[)）]$")
_TOC = "目录"


@dataclass
class Listed:
    """A document the notice names as an attachment."""

    title: str
    raw: str
    line: Line
    number: int | None = None
    label: str | None = None


@dataclass
class Notice:
    """What the notice's text says about its attachments."""

    listed: list[Listed] = field(default_factory=list)
    list_lines: set[int] = field(default_factory=set)
    """Lines of the 附件 list (kept as plain paragraphs, not read as clauses)."""


def read_notice_list(lines: list[Line]) -> Notice:
    """The 附件 list (``附件：1.…`` + ``2.…``, or ``附件:…`` alone) and ``（见附件1）`` mentions."""
    notice = Notice()
    in_list = False
    for line in lines:
        label = rules.match_attachment_label(line.text)
        entry = rules.match_list_entry(line.text) if in_list else None
        if label and label.rest:
            _add_entry(notice, line, label.rest, label.label if label.number else None, label.number)
            in_list = True
        elif entry:
            _add_entry(notice, line, entry[1], None, entry[0])
        else:
            in_list = False
        for mention in extract.read_attachment_mentions(line.text):
            notice.listed.append(Listed(mention.title, mention.title, line, mention.number, mention.label))
    return notice


def _add_entry(notice: Notice, line: Line, rest: str, label: str | None, number: int | None) -> None:
    entry = rules.match_list_entry(rest)
    if entry:
        number, rest = entry
    notice.listed.append(Listed(rules.clean_listed_title(rest), rest, line, number, label or (f"附件{number}" if number else None)))
    notice.list_lines.add(line.number)


# --- splitting the text after the notice's date ---------------------------------------------------------


def split_tail(lines: list[Line], expected: Expected) -> list[list[Line]]:
    """The attachments' texts: a new one at a label line, at a title the notice names (after a blank
    line), and at the first title after an attachment's own date."""
    chunks: list[list[Line]] = []
    dated = False
    for k, line in enumerate(lines):
        if not line.text:
            continue
        starts = not chunks or _starts_attachment(lines, k, expected, dated)
        if starts:
            chunks.append([])
            dated = False
        chunks[-1].append(line)
        dated = dated or bool(rules.match_date_line(line.text))
    return chunks


def _starts_attachment(lines: list[Line], k: int, expected: Expected, dated: bool) -> bool:
    text = lines[k].text
    label = rules.match_attachment_label(text)
    if label and (not label.rest or not rules.match_list_entry(label.rest)):
        return True
    if not rules.looks_like_title(text) or rules.match_note(text) or rules.match_imprint(text):
        return False
    after_blank = k == 0 or not lines[k - 1].text
    return dated or (after_blank and expected.mentions(text))


# --- one attachment -----------------------------------------------------------------------------------


def parse_attachment(chunk: list[Line], expected: Expected, ctx: Context, name: str | None = None) -> Attachment:
    """Label, title, 主送, text, 署名, date and notes of one attachment; ``name`` for a text that
    has no title line (the document a 令 publishes)."""
    label, rest = _take_label(chunk)
    title_lines, rest = _take_title(rest, expected, label) if name is None else ([], rest)
    addressee = ctx.block(rest[0]) if rest and rules.match_addressee(rest[0].text) else None
    rest = rest[1:] if addressee else rest
    text, signatures, date_line, notes = split_signature_block(rest)
    title_raw, shown = (name, name) if name else _titles(chunk[0], label, title_lines, ctx)
    date = rules.match_date_line(date_line.text) if date_line else None
    return Attachment(
        title=shown, title_raw=title_raw, span=ctx.span(chunk[0], chunk[-1]),
        body=parse_body(text, ctx), label=label.written if label else None, titled=bool(title_lines or (label and label.rest)),
        addressee=addressee, signatures=tuple(ctx.block(s) for s in signatures),
        date_raw=ctx.block(date_line) if date_line else None, date=date.value if date else None,
        notes=tuple(ctx.block(n, BlockKind.NOTE) for n in notes),
    )


def _titles(first: Line, label: rules.AttachmentLabel | None, title_lines: list[Line], ctx: Context) -> tuple[str, str]:
    """(as written, as shown): the title lines, a title on the label line, or the label alone."""
    raw = "".join(x.text for x in title_lines) or (label.rest if label else "")
    if raw:
        return raw, readings.repaired_title(raw, title_lines[0] if title_lines else first, ctx)
    name = label.written.rstrip(":：") if label else "附件"
    return name, name


def _take_label(chunk: list[Line]) -> tuple[rules.AttachmentLabel | None, list[Line]]:
    label = rules.match_attachment_label(chunk[0].text)
    return (label, chunk[1:]) if label else (None, chunk)


def _take_title(rest: list[Line], expected: Expected, label: rules.AttachmentLabel | None) -> tuple[list[Line], list[Line]]:
    """The title line(s): a wrapped title is joined when together the lines read as a title."""
    if label and label.rest or not rest or not _title_line(rest[0].text):
        return [], rest
    taken = [rest[0]]
    for line in rest[1:4]:
        joined = "".join(x.text for x in taken)
        if _BRACKET_NOTE.match(line.text) or (not _complete(joined, expected) and _title_line(line.text)
                                              and _complete(joined + line.text, expected)):
            taken.append(line)
        else:
            break
    return taken, rest[len(taken):]


def _title_line(text: str) -> bool:
    return (rules.looks_like_title(text) and not rules.match_addressee(text) and not rules.match_date_line(text)
            and "\t" not in text and not rules.match_note(text))


def _complete(title: str, expected: Expected) -> bool:
    return rules.looks_like_document_title(title) or expected.names_title(title)


def split_signature_block(lines: list[Line]) -> tuple[list[Line], list[Line], Line | None, list[Line]]:
    """(text, 署名 lines, date line, notes): the last date line and the signature above it."""
    date_at = next((k for k in range(len(lines) - 1, -1, -1) if rules.match_date_line(lines[k].text)), None)
    if date_at is None:
        return lines, [], None, []
    after = lines[date_at + 1 :]
    if any(not rules.match_note(x.text) for x in after):
        return lines, [], None, []  # text goes on after the date: not a signature block
    text, signatures = take_signatures(lines[:date_at])
    return text, signatures, lines[date_at], after


def take_signatures(lines: list[Line], limit: int = 6) -> tuple[list[Line], list[Line]]:
    """Signature lines at the end of ``lines``: bodies' names, a 令's post (省长), and the first
    half of a long name wrapped onto two lines."""
    signatures: list[Line] = []
    while lines and len(signatures) < limit:
        text = lines[-1].text
        if rules.looks_like_signature(text) or rules.match_post_signature(text) or (
                signatures and rules.looks_like_signature_continuation(text) and not rules.match_clause_marker(text)):
            signatures.insert(0, lines[-1])
            lines = lines[:-1]
        else:
            break
    return lines, signatures


# --- the notice's list and the texts, together -----------------------------------------------------------


def combine(included: list[Attachment], notice: Notice, printed: str | None, ctx: Context) -> tuple[Attachment, ...]:
    """Each included attachment gets the name its list entry gives it; listed ones whose text the
    bulletin does not carry are added as ``included=False``."""
    remaining = list(notice.listed)
    out = []
    for attachment in included:
        entry = _match_entry(attachment, remaining)
        if entry:
            remaining.remove(entry)
            attachment = replace(attachment, listed_title=entry.title, label=attachment.label or entry.label)
        elif printed and _names_more(attachment.title, printed):
            attachment = replace(attachment, listed_title=printed)
        out.append(attachment)
    for entry in _unique(remaining):
        out.append(_listed_only(entry, ctx))
    return tuple(out)


def _match_entry(attachment: Attachment, entries: list[Listed]) -> Listed | None:
    """The list entry with the attachment's number, else the one with (nearly) its title."""
    digits = re.sub(r"\D", "", rules.fold(attachment.label or ""))
    number = int(digits) if digits else rules.any_number((attachment.label or "")[2:].strip(rules.WHITESPACE + ":："))
    by_number = [e for e in entries if number is not None and e.number == number]
    if by_number:
        return by_number[0]
    key = rules.title_key(attachment.title)
    return next((e for e in entries if same_name(key, rules.title_key(e.title))), None)


def _names_more(title: str, printed: str) -> bool:
    """The attachment's heading says more than the name the notice gives it (``X目录`` for X)."""
    a, b = rules.title_key(title), rules.title_key(printed)
    return a != b and a.startswith(b) and a[len(b):] == _TOC


def _unique(entries: list[Listed]) -> list[Listed]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        key = rules.title_key(entry.title)
        if key and key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def _listed_only(entry: Listed, ctx: Context) -> Attachment:
    ctx.info(entry.line.number, "attachment-not-included", f"附件 {quote(entry.title)} is listed, but its text is not in the bulletin")
    return Attachment(title=entry.title, title_raw=entry.raw, span=ctx.span(entry.line), label=entry.label,
                      listed_title=entry.title, titled=False, included=False)
