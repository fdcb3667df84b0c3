"""The head of an official document: what is printed above, in and right under its title.

::

    [版头: 湖南省人民政府办公厅文件 / 浙江省杭州市人民政府办公厅 / 黔国土资发[2006]83号 / -----]
    标题 (one line, or wrapped over several: 广安市广安区人民政府办公室 / 关于印发… / …的通知)
    [发文字号, one or more]  [发文机关 line: 财政部、司法部]  [主送机关]

The same reader serves two purposes: deciding whether an item starts at a line (segment) and
taking the document apart (policy).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import rules
from .context import Line
from .sources import match_source_line

_MAX_MASTHEAD = 4
_MAX_TITLE_LINES = 4
_HEAD_LOOKAHEAD = 4


@dataclass
class Head:
    """Indexes (into the item's line list) of the parts of a document's head."""

    start: int
    masthead: list[Line] = field(default_factory=list)
    title: list[Line] = field(default_factory=list)
    numbers: list[tuple[Line, list[rules.DocNumberReading]]] = field(default_factory=list)
    """文号 lines and their readings (a 令's header and number lines count as one line)."""
    number_lines: list[Line] = field(default_factory=list)
    """The source lines of the 文号 under the title."""
    page_meta: list[Line] = field(default_factory=list)
    """A web page's metadata printed under the title (``发布日期:… 信息来源:…``)."""
    issuer_line: Line | None = None
    addressee: Line | None = None
    end: int = 0
    """Index after the last line of the head."""

    @property
    def title_text(self) -> str:
        return "".join(line.text for line in self.title)

    @property
    def strong(self) -> bool:
        """Whether it has what only an official document has: 版头, 文号 or 主送 (or a 发文机关 line
        under a 公文 title; under a headline, a name alone may be the outlet)."""
        marks = any(_is_masthead_mark(m.text) for m in self.masthead)
        return bool(self.numbers or self.addressee or marks or (self.issuer_line and self.document_title))

    @property
    def document_title(self) -> bool:
        return rules.looks_like_document_title(self.title_text)


def next_nonblank(lines: list[Line], start: int, end: int | None = None) -> int | None:
    end = len(lines) if end is None else end
    return next((j for j in range(start, end) if lines[j].text), None)


def read_head(lines: list[Line], start: int, end: int) -> Head | None:
    """The head starting at ``start``, or None when no title can be found there."""
    head = Head(start)
    k = _take_masthead(lines, start, end, head)
    if k is None or not _title_start(lines[k].text):
        return None
    k = _take_title(lines, k, end, head)
    head.end = _take_after_title(lines, k, end, head)
    return head


def _is_masthead_mark(text: str) -> bool:
    return bool(rules.match_masthead_organ(text) or rules.match_doc_numbers(text) or rules.is_rule_line(text))


def _take_masthead(lines: list[Line], k: int, end: int, head: Head) -> int | None:
    """版头 lines above the title; returns the index of the title's first line."""
    while len(head.masthead) < _MAX_MASTHEAD:
        text = lines[k].text
        after = next_nonblank(lines, k + 1, end)
        if after is None:
            return k if not head.masthead else None
        if _is_masthead_mark(text) or (rules.looks_like_signature(text) and not _continues_title(lines[after].text)
                                       and rules.looks_like_title(lines[after].text) and not rules.match_date_line(lines[after].text)):
            head.masthead.append(lines[k])
            k = after
            continue
        return k
    return k


def _continues_title(text: str) -> bool:
    """A title line that goes on from a body's name on the line above (关于印发…的通知)."""
    return text.startswith(("关于", "转发", "批转", "印发"))


def _title_start(text: str) -> bool:
    return rules.looks_like_title(text) and not is_document_part(text)


def is_document_part(text: str) -> bool:
    """Lines that belong inside a document or a news item and never open one."""
    return bool(
        rules.match_doc_numbers(text)
        or rules.match_addressee(text)
        or rules.match_date_line(text)
        or rules.match_note(text)
        or rules.match_imprint(text)
        or match_source_line(text)
        or rules.match_clause_marker(text)
        or rules.match_attachment_label(text)
    )


def _take_title(lines: list[Line], k: int, end: int, head: Head) -> int:
    """The title line, and the lines it wraps onto (a blank line between them allowed) when together
    they read as a 公文 title; a bracketed note line (（试行）) is taken too. Returns the index after it."""
    title, after = [lines[k]], k + 1
    candidate = [lines[k]]
    j = k + 1
    while len(candidate) < _MAX_TITLE_LINES and (j := _next_title_line(lines, j, end, candidate)) is not None:
        candidate.append(lines[j])
        j += 1
        if rules.looks_like_document_title("".join(x.text for x in candidate)):
            title, after = list(candidate), j
    head.title = title
    return after


def _next_title_line(lines: list[Line], j: int, end: int, taken: list[Line]) -> int | None:
    """The next line of a wrapped title: right below, or after one blank line, while the title so far is incomplete."""
    if rules.looks_like_document_title("".join(x.text for x in taken)) or j >= end:
        return None
    if not lines[j].text and len(taken) == 1 and j + 1 < end:
        j += 1  # one blank line inside a title pasted paragraph by paragraph
    return j if lines[j].text and _title_continuation(lines[j].text) else None


def _title_continuation(text: str) -> bool:
    return rules.looks_like_title(text) and not is_document_part(text) and len(text) <= 60


def _take_after_title(lines: list[Line], k: int, end: int, head: Head) -> int:
    """发文字号, 发文机关 line, a page's metadata line and 主送 under the title (blank lines between
    them allowed)."""
    seen = 0
    while (j := next_nonblank(lines, k, end)) is not None and seen < _HEAD_LOOKAHEAD:
        taken = _take_head_line(lines, j, end, head)
        if taken is None:
            break
        k, seen = taken, seen + 1
    return k


def _take_head_line(lines: list[Line], j: int, end: int, head: Head) -> int | None:
    """Take the line at ``j`` into the head when it is one of its parts; the index after it, else None."""
    text = lines[j].text
    numbers = rules.match_doc_numbers(text)
    if numbers and not head.addressee:
        head.numbers.append((lines[j], numbers))
        head.number_lines.append(lines[j])
    elif (decree := _decree_number(lines, j, end)) is not None and not head.addressee:
        header, number = lines[j], lines[decree]
        reading = rules.match_doc_number(number.text)
        assert reading is not None
        joined = Line(header.number, header.text + number.text, header.raw)
        head.numbers.append((joined, [replace(reading, agency=header.text, normalized=header.text + reading.normalized)]))
        head.number_lines += [header, number]
        return decree + 1
    elif rules.match_page_meta(text) and not head.addressee:
        head.page_meta.append(lines[j])
    elif not (head.issuer_line or head.addressee or head.numbers) and rules.looks_like_signature(text) and not rules.match_date_line(text):
        head.issuer_line = lines[j]
    elif not head.addressee and (rules.match_addressee(text) or rules.looks_like_addressee_list(text)):
        head.addressee = lines[j]
    else:
        return None
    return j + 1


def _decree_number(lines: list[Line], j: int, end: int) -> int | None:
    """``内蒙古自治区人民政府令`` with ``第82号`` on the next line: one 文号 over two lines."""
    if not rules.match_decree_header(lines[j].text):
        return None
    n = next_nonblank(lines, j + 1, end)
    reading = rules.match_doc_number(lines[n].text) if n is not None else None
    if reading is None or reading.agency:
        return None
    return n


