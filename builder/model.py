"""The parsed model: immutable dataclasses the read stage returns and later stages only read.

Nothing here knows about pages, addresses or links: those belong to the link stage
(:mod:`builder.link`), which returns a new value (:class:`builder.link.Archive`) instead of filling
in fields. Node types (blocks, clauses, items, issues) compare by identity, so later stages can key
their tables by them; small values (spans, 文号, diagnostics) compare by value.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    """How much a diagnostic matters; ERROR stops a build, WARNING stops a ``--strict`` one."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class SourceSpan:
    """Lines of a bulletin an object was read from (1-based, inclusive)."""

    file: str
    """Path of the bulletin as shown to users (relative to the project)."""
    start: int
    """First line."""
    end: int
    """Last line."""

    def __str__(self) -> str:
        if self.start == self.end:
            return f"{self.file}:{self.start}"
        return f"{self.file}:{self.start}-{self.end}"


@dataclass(frozen=True)
class Diagnostic:
    """Something the builder noticed about the input, with its place."""

    file: str
    """Bulletin path."""
    line: int
    """1-based line number in the original file; 0 when it speaks of the whole file."""
    severity: Severity
    """How much it matters."""
    code: str
    """Stable short name of the check, e.g. ``doc-number-repaired``."""
    message: str
    """One line for humans; quotes the source text it speaks of."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity.value}: {self.message} [{self.code}]"


class BlockKind(enum.Enum):
    """What a line of running text is."""

    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    """A short standalone line inside a news item (为什么要做好科技金融大文章)."""
    BYLINE = "byline"
    """An ``作者:`` line."""
    NOTE = "note"
    """An editorial note in brackets: (此件公开发布), (本文有删减)."""
    UNRECOGNISED = "unrecognised"
    """Text the parser could not place; kept where it stood and reported."""
    TABLE_ROW = "table_row"
    """A row of a table pasted as tab-separated cells; consecutive rows form one table."""
    IMPRINT = "imprint"
    """A line of a document's 版记: ``抄送：…``, ``…办公厅 2023年1月5日印发``."""


@dataclass(frozen=True, eq=False)
class Block:
    """One source line of running text, stripped of its indentation."""

    text: str
    """The line as written, without leading/trailing whitespace."""
    span: SourceSpan
    """Where it came from."""
    kind: BlockKind = BlockKind.PARAGRAPH
    """What it is."""
    departments: tuple[str, ...] = ()
    """Responsible bodies named in a trailing ``（…按职责负责）``, prefixes filled in (科技厅 → 省科技厅)."""
    cells: tuple[str, ...] = ()
    """The cells of a ``TABLE_ROW`` as written (empty cells kept), else empty."""


@dataclass(frozen=True, eq=False)
class Clause:
    """A numbered part of an official document: 一、 / （一） / 1. / （1）, or 第一章 / 第一条."""

    level: int
    """Rank of the numbering style: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; chapters,
    sections and articles rank -2, -1 and 0."""
    marker: str
    """The numbering as written, e.g. ``(一)`` or ``1.``."""
    number: int
    """The number the marker stands for (三 → 3)."""
    title: str | None
    """The heading sentence, when the clause opens with one; else None."""
    blocks: tuple[Block, ...]
    """Text of the clause after its heading (the whole text when there is no heading)."""
    span: SourceSpan
    """The marker's line."""
    children: tuple[Clause, ...] = ()
    """Clauses of a lower rank nested inside."""

    def label(self) -> str:
        """Marker and heading without the closing 。 (``（七）加强…工作``), or the marker alone."""
        title = (self.title or "").rstrip("。")
        return f"{self.marker}{title}" if title else self.marker


@dataclass(frozen=True, eq=False)
class DocumentBody:
    """The running text of a notice or an attached document."""

    preamble: tuple[Block, ...] = ()
    """Text before the first numbered clause."""
    clauses: tuple[Clause, ...] = ()
    """Top-level clauses, each with its nested children."""

    def iter_clauses(self) -> list[Clause]:
        """All clauses, depth first, in source order."""
        out: list[Clause] = []
        stack = list(reversed(self.clauses))
        while stack:
            clause = stack.pop()
            out.append(clause)
            stack.extend(reversed(clause.children))
        return out

    def blocks(self) -> list[Block]:
        """Every block of running text, in source order."""
        return list(self.preamble) + [b for clause in self.iter_clauses() for b in clause.blocks]

    def depth(self) -> int:
        """Deepest nesting of clauses (0 when there are none)."""

        def walk(clauses: tuple[Clause, ...], level: int) -> int:
            return max((walk(c.children, level + 1) for c in clauses), default=level)

        return walk(self.clauses, 0)


@dataclass(frozen=True)
class DocNumber:
    """发文字号, as written and normalised."""

    raw: str
    """As in the source, e.g. ``国办发〔202337``."""
    normalized: str | None
    """``国办发〔2023〕37号``; None when it could not be read."""
    agency: str = ""
    """机关代字, e.g. 国办发."""
    year: int | None = None
    """Year in the brackets."""
    serial: int | None = None
    """序号."""

    @property
    def shown(self) -> str:
        """The form pages show: the normalised one when it could be read."""
        return self.normalized or self.raw

    @property
    def repaired(self) -> bool:
        return bool(self.normalized) and self.normalized != self.raw


@dataclass(frozen=True)
class Validity:
    """When a document takes effect and until when it is valid, as the text says."""

    effective: dt.date | None = None
    """施行日期, when the text gives one or ties it to the 成文日期 (自印发之日起施行)."""
    effective_text: str | None = None
    """The phrase it was read from, e.g. ``自印发之日起施行``."""
    valid_until: dt.date | None = None
    """有效期至 / 实施期限至 for the whole document."""
    valid_until_text: str | None = None
    """The phrase it was read from."""
    span: SourceSpan | None = None
    """Line of the sentence that sets it (the first one found)."""


@dataclass(frozen=True, eq=False)
class Citation:
    """A document the policy cites: ``《…》（财金〔2022〕72号）``, ``《…》`` or a bare 发文字号."""

    raw: str
    """As written, brackets included."""
    title: str | None
    """Title inside 《》, when given."""
    doc_number: str | None
    """Normalised 发文字号, when given."""
    span: SourceSpan
    """Line it was found on."""


@dataclass(frozen=True)
class ShortName:
    """A defined abbreviation: ``《财政部关于…的通知》（…，以下简称《办法》）`` → 《办法》."""

    short: str
    """The short form as defined (``《办法》``, ``北交所``, ``深创投``)."""
    full: str
    """The full form it stands for."""
    span: SourceSpan
    """Line of the definition."""
    local: bool
    """True when it is a name the document coined for itself and means nothing elsewhere."""
    raw: str = ""
    """The defining parenthesis as written, e.g. ``(以下简称北交所)``."""


@dataclass(frozen=True)
class Correction:
    """An editor's correction from a ``<bulletin>.fix.yaml`` file, applied after parsing."""

    field: str
    """What it changes: ``kind``, ``issuers``, ``doc_numbers``, ``date``, ``split``, ``merge`` …"""
    value: str
    """The new value as pages show it."""
    was: str | None
    """The value the parser had read, when there was one."""
    origin: SourceSpan
    """The line of the correction in the fix file."""
    note: str | None = None
    """The editor's own words, when given."""

    def __str__(self) -> str:
        was = f"（原读作“{self.was}”）" if self.was else ""
        return f"{self.field}: {self.value}{was}"


@dataclass(frozen=True, eq=False)
class Attachment:
    """A document a notice 印发, 转发 or 批转, or lists as 附件, carried on the notice's page."""

    title: str
    """Its title as pages show it: its own title line (a lost year-range dash restored), else the
    title the notice's 附件 list gives it, else its label."""
    title_raw: str
    """Its own title line(s) as written; the listed title as written when it has no title line."""
    span: SourceSpan
    """All its lines (label, title, text, signature, date); the 附件 list entry when its text is
    not in the bulletin."""
    body: DocumentBody = field(default_factory=DocumentBody)
    """Its text (empty when the bulletin only lists it)."""
    label: str | None = None
    """``附件1`` as written on its label line or in the 附件 list, when there is one."""
    listed_title: str | None = None
    """The name the notice gives it (附件 list entry, or the 《…》 its title 印发), when it matched."""
    titled: bool = True
    """Whether it has a title line of its own in the bulletin."""
    included: bool = True
    """Whether the bulletin carries its text (False: the notice only lists it)."""
    addressee: Block | None = None
    """Its own 主送 line (a forwarded 报告: ``国务院：``)."""
    signatures: tuple[Block, ...] = ()
    """Its own 署名 lines."""
    date_raw: Block | None = None
    """Its own date line as written."""
    date: dt.date | None = None
    """That date, when it could be read."""
    notes: tuple[Block, ...] = ()
    """Notes after its date."""

    @property
    def name(self) -> str:
        """The name the notice gives it when there is one, else its own title."""
        return self.listed_title or self.title

    @property
    def signature(self) -> str | None:
        return "、".join(b.text for b in self.signatures) or None

    def blocks(self) -> list[Block]:
        """主送 and running text, in source order."""
        return ([self.addressee] if self.addressee else []) + self.body.blocks()


@dataclass(frozen=True, eq=False)
class Policy:
    """A government policy document (公文): the notice and everything it 印发, 转发 or lists."""

    title: str
    """标题 as pages show it (a lost year-range dash restored, a wrapped title joined)."""
    title_raw: str
    """标题 as written (the lines of a wrapped title joined as they are)."""
    span: SourceSpan
    """All lines of the document."""
    doc_numbers: tuple[DocNumber, ...] = ()
    """发文字号, every one a joint document prints, in order."""
    addressee: Block | None = None
    """主送机关 line."""
    body: DocumentBody = field(default_factory=DocumentBody)
    """The notice text."""
    signatures: tuple[Block, ...] = ()
    """发文机关署名 lines as written (may be abbreviated: 省政府办公厅; several for joint documents)."""
    issuers: tuple[str, ...] = ()
    """Full names of the issuing bodies, in order (from the 署名, the title, the 版头 or the 文号)."""
    date_raw: Block | None = None
    """成文日期 line as written."""
    date: dt.date | None = None
    """成文日期 when it could be read (Chinese numerals included)."""
    notes: tuple[Block, ...] = ()
    """附注 and editor's notes: (此件公开发布), (本文有删减)."""
    attachments: tuple[Attachment, ...] = ()
    """The documents the notice 印发, 转发 or lists as 附件, in order."""
    trailing: tuple[Block, ...] = ()
    """Lines after the signature block that were not recognised; kept and reported."""
    kind: str | None = None
    """文种 from the title: 通知, 意见, 决定, 办法, 方案, 措施, 复函, 答复, 令 …"""
    validity: Validity = field(default_factory=Validity)
    """施行日期 and 有效期 as the text gives them."""
    citations: tuple[Citation, ...] = ()
    """Documents cited, in order of first mention, each once."""
    short_names: tuple[ShortName, ...] = ()
    """Abbreviations the document defines (for the glossary)."""
    title_span: SourceSpan | None = None
    """The title's lines (several for a wrapped title)."""
    masthead: tuple[Block, ...] = ()
    """Lines printed above the title: 版头 (``湖南省人民政府办公厅文件``), a 文号 set above it, rules."""
    issuer_line: Block | None = None
    """A line naming the issuing bodies under the title (``财政部、司法部``)."""
    page_meta: tuple[Block, ...] = ()
    """A web page's own metadata printed under the title (``发布日期:… 信息来源:…``)."""
    imprint: tuple[Block, ...] = ()
    """版记 lines: ``抄送：…``, ``…办公厅 2023年1月5日印发``."""
    corrections: tuple[Correction, ...] = ()
    """Editor's corrections applied to this record (shown on its page)."""

    @property
    def doc_number(self) -> DocNumber | None:
        """The first 发文字号 (the only one, except for some joint documents)."""
        return self.doc_numbers[0] if self.doc_numbers else None

    @property
    def issuer(self) -> str | None:
        """The first issuing body."""
        return self.issuers[0] if self.issuers else None

    @property
    def issuer_names(self) -> str | None:
        """Every issuing body, joined by 、."""
        return "、".join(self.issuers) or None

    @property
    def signature(self) -> str | None:
        """The signature as one string (several signing bodies joined by 、)."""
        return "、".join(b.text for b in self.signatures) or None

    @property
    def attachment(self) -> Attachment | None:
        """The main attachment: the first one whose text the bulletin carries."""
        return next((a for a in self.attachments if a.included), None)

    @property
    def main(self) -> DocumentBody:
        """The body that carries the substance: the main attachment's when the notice 印发 one."""
        main = self.attachment
        return main.body if main else self.body

    def bodies(self) -> list[DocumentBody]:
        """The notice's body, then each included attachment's."""
        return [self.body] + [a.body for a in self.attachments if a.included]

    def titles(self) -> list[str]:
        """Titles the document is known by: its own and its attachments' names."""
        names = [self.title]
        for attachment in self.attachments:
            names += [attachment.title, attachment.name]
        return list(dict.fromkeys(names))

    def blocks(self) -> list[Block]:
        """Every block of running text, in source order (主送 first)."""
        out = ([self.addressee] if self.addressee else []) + self.body.blocks()
        return out + [b for a in self.attachments for b in a.blocks()]

    def departments(self) -> dict[str, list[Clause]]:
        """Responsible department → the clauses that name it, in order of first mention."""
        table: dict[str, list[Clause]] = {}
        for body in self.bodies():
            for clause in body.iter_clauses():
                for name in (d for b in clause.blocks for d in b.departments):
                    clauses = table.setdefault(name, [])
                    if clause not in clauses:
                        clauses.append(clause)
        return table


@dataclass(frozen=True)
class NewsSource:
    """The ``来源:`` line of a news item (under its body, or under its headline)."""

    raw: str
    """The line as written."""
    span: SourceSpan
    """Its place."""
    outlets: tuple[str, ...]
    """Media outlets, e.g. 经济日报 (several when the line names several)."""
    authors: tuple[str, ...]
    """Reporters and authors the line names."""
    date_raw: str | None
    """The date as written (``20233-11-09``)."""
    date: dt.date | None
    """The date when it could be read without guessing."""

    @property
    def outlet(self) -> str:
        """The first outlet ("" when the line names none)."""
        return self.outlets[0] if self.outlets else ""


@dataclass(frozen=True, eq=False)
class NewsItem:
    """A news article (资讯)."""

    title: str
    """Headline as written."""
    span: SourceSpan
    """All lines of the item."""
    subtitle: Block | None = None
    """The ``——…`` line under the headline."""
    blocks: tuple[Block, ...] = ()
    """Paragraphs, subheadings and bylines in order."""
    source: NewsSource | None = None
    """The ``来源:`` line."""
    short_names: tuple[ShortName, ...] = ()
    """Abbreviations the article defines (``（下称“深创投”）``)."""
    authors: tuple[str, ...] = ()
    """Every author: those of the 来源 line, then reporters the body names (``本报讯（记者…）``)."""
    dateline: Block | None = None
    """A date-and-time line printed by the 来源 line under the headline (``2025-02-18 16:21``)."""
    dateline_date: dt.date | None = None
    """The date of that line, when it could be read."""
    corrections: tuple[Correction, ...] = ()
    """Editor's corrections applied to this record (shown on its page)."""
    corrected_date: dt.date | None = None
    """A date set by an editor's correction; wins over the 来源 line's."""

    @property
    def date(self) -> dt.date | None:
        """The correction's date, else the 来源 line's, else the date line's under the headline."""
        if self.corrected_date:
            return self.corrected_date
        if self.source and self.source.date:
            return self.source.date
        return self.dateline_date

    @property
    def title_span(self) -> SourceSpan:
        """The headline's line."""
        return SourceSpan(self.span.file, self.span.start, self.span.start)

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.PARAGRAPH]


Item = NewsItem | Policy


@dataclass(frozen=True, eq=False)
class Section:
    """A part of a bulletin under its own title (资讯传递, 政策速递 …)."""

    title: str
    """As written."""
    span: SourceSpan
    """The title line."""
    items: tuple[Item, ...] = ()
    """News items and policies, in source order."""
    loose: tuple[Block, ...] = ()
    """Text in the section that belongs to no item; kept and reported."""


@dataclass(frozen=True, eq=False)
class Issue:
    """One bulletin (one input file)."""

    source: str
    """Path of the bulletin as shown to users."""
    title: str
    """``简报·第268期(上)`` as written; empty when the bulletin has no title line."""
    number: int | None
    """268."""
    part: str | None
    """上 / 中 / 下, when the issue is split."""
    title_span: SourceSpan
    """Title line."""
    breadcrumb: Block | None = None
    """``您当前所在位置:…`` line."""
    front: tuple[Block, ...] = ()
    """Unrecognised text before the first section; kept and reported."""
    sections: tuple[Section, ...] = ()
    """Sections in source order."""

    @property
    def name(self) -> str:
        """The title pages show: as written, or ``第N期`` / the file name when there is none."""
        if self.title:
            return self.title
        return f"简报·第{self.number}期" if self.number is not None else self.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    def items(self) -> list[Item]:
        """Every item of every section, in source order."""
        return [item for section in self.sections for item in section.items]

    def news(self) -> list[NewsItem]:
        return [item for item in self.items() if isinstance(item, NewsItem)]

    def policies(self) -> list[Policy]:
        return [item for item in self.items() if isinstance(item, Policy)]

    def section_of(self, item: Item) -> Section:
        return next(s for s in self.sections if any(i is item for i in s.items))

    def dates(self) -> list[dt.date]:
        """Known dates of the items, sorted."""
        return sorted(d for d in (item.date for item in self.items()) if d)
