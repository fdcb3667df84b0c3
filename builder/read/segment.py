"""Item boundaries and kinds inside a section, decided from the shape of the whole item.

A news item is a headline, its body and a 来源 line (under the body, or right under the headline).
A policy is a head (版头, title, 文号, 主送), a notice with its 署名 and 成文日期, and the documents
it 印发, 转发 or lists as 附件. A new item can only start at a line that follows a blank line; such
a line is read as a *candidate* and classified by what follows it:

* a 来源 line right under it, or before the next policy starts → a news item;
* a strong policy head (版头, 文号, 发文机关 line or 主送 within the next lines) → a policy;
* a 公文-shaped title (ends with its 文种) → a policy, reported as guessed;
* inside a policy, a 附件 label or a title the notice names (印发《X》, its 附件 list, ``（见附件1）``)
  continues the policy: it is an attachment, not a new item.

Where the reading is uncertain (a news item without 来源, a policy without any head), a diagnostic
with the line is reported instead of deciding silently.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum

from . import extract, rules
from .context import Context, Line, quote
from .head import Head, next_nonblank, read_head
from .sources import match_source_line

_SIMILAR = 0.8


class Kind(Enum):
    NEWS = "news"
    POLICY = "policy"


@dataclass(frozen=True)
class ItemPlan:
    """Where one item lies (indexes into the section's lines, ``stop`` exclusive) and what it is."""

    kind: Kind
    start: int
    stop: int


@dataclass
class _Scan:
    """The lines of one section and what the scan has learned about them."""

    lines: list[Line]
    end: int
    ctx: Context
    prior: Kind | None = None
    """What the section's title says its items are (资讯传递 → news, 政策速递 → policies)."""
    heads: dict[int, Head | None] = field(default_factory=dict)

    def head(self, i: int) -> Head | None:
        if i not in self.heads:
            self.heads[i] = read_head(self.lines, i, self.end)
        return self.heads[i]

    def gap_before(self, i: int, floor: int) -> bool:
        return i == floor or not self.lines[i - 1].text

    def strong_gap(self, i: int, floor: int) -> bool:
        """Two or more blank lines (an NBSP line between blanks counts) before ``i``."""
        return i - 2 < floor or (not self.lines[i - 1].text and not self.lines[i - 2].text)

    def standalone(self, i: int) -> bool:
        return i + 1 >= self.end or not self.lines[i + 1].text


NEWS_SECTIONS = ("资讯传递", "要闻速递", "工作动态", "国际动态", "专家观点", "研究报告", "数据速览")
POLICY_SECTIONS = ("政策速递", "政策解读", "政策文件")


def section_prior(title: str) -> Kind | None:
    """The kind a section's title promises; None for a section of unknown kind."""
    return Kind.NEWS if title in NEWS_SECTIONS else Kind.POLICY if title in POLICY_SECTIONS else None


def split_items(lines: list[Line], first: int, end: int, ctx: Context, prior: Kind | None = None) -> list[ItemPlan]:
    """The items of the section whose lines are ``lines[first:end]`` (its title excluded); ``prior``
    decides items whose shape alone does not (a title ending with a 文种 but no 文号 or 主送)."""
    scan = _Scan(lines, end, ctx, prior)
    plans: list[ItemPlan] = []
    i = next_nonblank(lines, first, end)
    while i is not None:
        kind = _kind_at(scan, i)
        stop = _policy_end(scan, i) if kind is Kind.POLICY else _news_end(scan, i)
        plans.append(ItemPlan(kind, i, stop))
        i = next_nonblank(lines, stop, end)
    return plans


def classify(lines: list[Line], ctx: Context) -> Kind:
    """The kind of the one item whose lines are ``lines`` (used when an editor splits an item)."""
    first = next_nonblank(lines, 0)
    return Kind.NEWS if first is None else _kind_at(_Scan(lines, len(lines), ctx), first)


# --- what starts at a line ------------------------------------------------------------------------


def _kind_at(scan: _Scan, i: int) -> Kind:
    """The kind of the item that starts at ``i`` (the first line of a section, or after another item)."""
    head = scan.head(i)
    if head and head.strong:
        return Kind.POLICY
    if _source_near(scan, i) or _source_ahead(scan, i):
        return Kind.NEWS
    if head and head.document_title and scan.prior is not Kind.NEWS:
        scan.ctx.info(scan.lines[i].number, "kind-guessed",
                      f"{quote(head.title_text)} read as a policy: its title ends with a 文种, but it has no 文号 or 主送")
        return Kind.POLICY
    if head and head.document_title:
        scan.ctx.info(scan.lines[i].number, "kind-guessed",
                      f"{quote(head.title_text)} read as news (its section's kind): its title ends with a 文种, but it has no 文号, 主送 or 来源")
    return Kind.NEWS


def _source_near(scan: _Scan, i: int) -> bool:
    """A 来源 line (or a date-and-来源 line) right under the headline at ``i`` (under its subtitle)."""
    j = next_nonblank(scan.lines, i + 1, scan.end)
    while j is not None and (rules.match_subtitle(scan.lines[j].text) or rules.match_dateline(scan.lines[j].text)):
        j = next_nonblank(scan.lines, j + 1, scan.end)
    return j is not None and bool(match_source_line(scan.lines[j].text))


def _source_ahead(scan: _Scan, i: int) -> bool:
    """A 来源 line before the next policy or the next item that has a 来源 line of its own."""
    for j in range(i + 1, scan.end):
        if match_source_line(scan.lines[j].text):
            return True
        if scan.gap_before(j, i) and scan.lines[j].text and _starts_other_item(scan, j, i):
            return False
    return False


def _starts_other_item(scan: _Scan, j: int, floor: int) -> bool:
    head = scan.head(j)
    if head and (head.strong or head.document_title):
        return True
    return scan.strong_gap(j, floor) and scan.standalone(j) and _source_near(scan, j)


# --- where a news item ends -------------------------------------------------------------------------


def _news_end(scan: _Scan, i: int) -> int:
    """After the item's trailing 来源 line; else before the next item that starts after a blank."""
    sourced = _source_near(scan, i)
    for j in range(i + 1, scan.end):
        text = scan.lines[j].text
        if not text:
            continue
        if not sourced and match_source_line(text):
            return j + 1
        if scan.gap_before(j, i) and _news_stops_at(scan, j, i, sourced):
            return j
    return scan.end


def _news_stops_at(scan: _Scan, j: int, floor: int, sourced: bool) -> bool:
    """Whether the candidate at ``j`` starts the next item."""
    head = scan.head(j)
    if head and head.strong:
        return True
    if head and head.document_title and scan.prior is not Kind.NEWS and (sourced or not _source_ahead(scan, j)):
        return True  # a 公文 title, and no 来源 line of this item still to come
    return scan.standalone(j) and scan.strong_gap(j, floor) and rules.looks_like_title(scan.lines[j].text)


# --- where a policy ends ----------------------------------------------------------------------------


@dataclass
class Expected:
    """What a notice says it carries: names it 印发/转发, its 附件 list, ``（见附件1）`` mentions."""

    names: list[str] = field(default_factory=list)
    title: str = ""

    def mentions(self, text: str) -> bool:
        """Whether a title-like line is one of the documents the notice carries."""
        key = rules.title_key(rules.title_core(text))
        if len(key) < 4:
            return False
        if key == rules.title_key(rules.title_core(self.title)):
            return True  # a 令 prints the 规定 it publishes under the same title
        if any(same_name(key, rules.title_key(rules.title_core(n))) for n in self.names):
            return True
        stem = _stem(key)
        return len(stem) >= 6 and stem in rules.title_key(self.title)

    def names_title(self, text: str) -> bool:
        """Whether ``text`` is exactly one of the names (a wrapped title is complete)."""
        key = rules.title_key(rules.title_core(text))
        return bool(key) and any(key == rules.title_key(rules.title_core(n)) for n in self.names)


def same_name(a: str, b: str) -> bool:
    """Whether two title keys name the same document: equal, one the start of the other, or nearly alike."""
    if not a or not b:
        return False
    if a == b or (len(a) >= 4 and b.startswith(a)) or (len(b) >= 4 and a.startswith(b)):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SIMILAR


def _stem(key: str) -> str:
    """A title key without its trailing 的+文种 (…企业的规定 → …企业)."""
    kind = extract.document_kind(key) or ""
    stem = key[: len(key) - len(kind)] if kind else key
    return stem[:-1] if stem.endswith("的") else stem


def expected_attachments(lines: list[Line], head: Head) -> Expected:
    """Names the notice gives the documents it carries (read from its title and its text)."""
    title = head.title_text
    expected = Expected(title=title)
    for name in (rules.printed_document(title), rules.forwarded_document(title)):
        if name:
            expected.names.append(name)
    for line in lines:
        label = rules.match_attachment_label(line.text)
        entry = rules.match_list_entry(line.text)
        if label and label.rest:
            expected.names.append(rules.clean_listed_title(_entry_title(label.rest)))
        elif entry:
            expected.names.append(rules.clean_listed_title(entry[1]))
        expected.names += [m.title for m in extract.read_attachment_mentions(line.text)]
    return expected


def _entry_title(rest: str) -> str:
    entry = rules.match_list_entry(rest)
    return entry[1] if entry else rest


def _policy_end(scan: _Scan, i: int) -> int:
    """Before the first candidate after the head that starts another item and is not an attachment."""
    head = scan.head(i)
    assert head is not None
    expected = expected_attachments(_notice_lines(scan, i, head), head)
    for j in range(head.end, scan.end):
        if not (scan.lines[j].text and scan.gap_before(j, i)):
            continue
        text = scan.lines[j].text
        if rules.match_attachment_label(text) or expected.mentions(text):
            continue
        if _source_near(scan, j) or _policy_stops_at(scan, j):
            return j
    return scan.end


def _notice_lines(scan: _Scan, i: int, head: Head) -> list[Line]:
    """The notice's text, where it names what it carries: up to its first date line, or up to the
    next document's head when it has no date."""
    for j in range(head.end, scan.end):
        if rules.match_date_line(scan.lines[j].text):
            return scan.lines[head.end : j]
        if j > head.end and scan.gap_before(j, i) and scan.lines[j].text and (h := scan.head(j)) and h.strong:
            return scan.lines[head.end : j]
    return scan.lines[head.end : scan.end]


def _policy_stops_at(scan: _Scan, j: int) -> bool:
    head = scan.head(j)
    if head is None:
        return False
    if head.strong and head.title:
        return True
    return head.document_title or (scan.standalone(j) and _source_ahead(scan, j))
