"""The head of an official document: what is printed above, in and right under its title.

::

    [版头: 湖南省人民政府办公厅文件 / 浙江省杭州市人民政府办公厅 / 黔国土资发[2006]83号 / -----]
    标题 (one line, or wrapped over several: 广安市广安区人民政府办公室 / 关于印发… / …的通知)
    [发文字号, one or more]  [发文机关 line: 财政部、司法部]  [主送机关]

The same reader serves two purposes: deciding whether an item starts at a line (segment) and
taking the document apart (policy).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import rules
from .context import Line

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
    issuer_line: Line | None = None
    addressee: Line | None = None
    end: int = 0
    """Index after the last line of the head."""

    @property
    def title_text(self) -> str:
        return "".join(line.text for line in self.title)

    @property
    def strong(self) -> bool:
        """Whether it has what only an official document has: 版头, 文号, 发文机关 line or 主送."""
        return bool(self.numbers or self.addressee or self.issuer_line or any(_is_masthead_mark(m.text) for m in self.masthead))

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
    from .sources import match_source_line  # local: sources imports rules only

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
    """The title line, and the lines it wraps onto when together they read as a 公文 title."""
    title = [lines[k]]
    j = k + 1
    candidate = list(title)
    while len(candidate) < _MAX_TITLE_LINES and j < end and lines[j].text:
        text = lines[j].text
        if rules.looks_like_document_title("".join(x.text for x in candidate)) or not _title_continuation(text):
            break
        candidate.append(lines[j])
        j += 1
        if rules.looks_like_document_title("".join(x.text for x in candidate)):
            title = list(candidate)
    head.title = title
    return k + len(title)


def _title_continuation(text: str) -> bool:
    return rules.looks_like_title(text) and not is_document_part(text) and len(text) <= 60


def _take_after_title(lines: list[Line], k: int, end: int, head: Head) -> int:
    """发文字号, 发文机关 line and 主送 under the title (blank lines between them allowed)."""
    seen = 0
    while (j := next_nonblank(lines, k, end)) is not None and seen < _HEAD_LOOKAHEAD:
        text = lines[j].text
        numbers = rules.match_doc_numbers(text)
        if numbers and not head.addressee:
            head.numbers.append((lines[j], numbers))
        elif not (head.issuer_line or head.addressee or head.numbers) and rules.looks_like_signature(text) and not rules.match_date_line(text):
            head.issuer_line = lines[j]
        elif not head.addressee and (rules.match_addressee(text) or rules.looks_like_addressee_list(text)):
            head.addressee = lines[j]
        else:
            break
        k, seen = j + 1, seen + 1
    return k
