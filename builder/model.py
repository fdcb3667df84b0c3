"""The model: dataclasses passed between stages. No I/O, no parsing here."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    """How much a diagnostic matters; ERROR fails a ``--strict`` build."""

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
    """1-based line number in the original file."""
    severity: Severity
    """How much it matters."""
    code: str
    """Stable short name of the check, e.g. ``doc-number-repaired``."""
    message: str
    """One line for humans; quotes the source text it speaks of."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity.value}: {self.message} [{self.code}]"


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


@dataclass
class Block:
    """One source line of running text, stripped of its indentation."""

    text: str
    """The line as written, without leading/trailing whitespace."""
    span: SourceSpan
    """Where it came from."""
    kind: BlockKind = BlockKind.PARAGRAPH
    """What it is."""


@dataclass
class Clause:
    """A numbered part of an official document: 一、 / （一） / 1. / （1）."""

    level: int
    """Rank of the numbering style: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）."""
    marker: str
    """The numbering as written, e.g. ``(一)`` or ``1.``."""
    number: int
    """The number the marker stands for (三 → 3)."""
    title: str | None
    """The heading sentence, when the clause opens with one; else None."""
    blocks: list[Block]
    """Text of the clause after its heading (the whole text when there is no heading)."""
    span: SourceSpan
    """The marker's line."""
    anchor: str = ""
    """Stable id made of the numbers on the path to the clause, e.g. ``s3-2-12``."""
    children: list[Clause] = field(default_factory=list)
    """Clauses of a lower rank nested inside."""


@dataclass
class DocumentBody:
    """The running text of a notice or an attached document."""

    preamble: list[Block] = field(default_factory=list)
    """Text before the first numbered clause."""
    clauses: list[Clause] = field(default_factory=list)
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

    def depth(self) -> int:
        """Deepest nesting of clauses (0 when there are none)."""

        def walk(clauses: list[Clause], level: int) -> int:
            return max((walk(c.children, level + 1) for c in clauses), default=level)

        return walk(self.clauses, 0)


@dataclass
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


@dataclass
class Attachment:
    """The document a notice 印发 (方案, 措施 …), carried on the notice's page."""

    title: str
    """Its title as written."""
    span: SourceSpan
    """The title line."""
    body: DocumentBody
    """Its text."""


@dataclass
class Policy:
    """A government policy document (公文)."""

    title: str
    """标题 as written."""
    span: SourceSpan
    """All lines of the document."""
    slug: str
    """Stable file name, from the 发文字号 when there is one."""
    doc_number: DocNumber | None = None
    """发文字号."""
    addressee: Block | None = None
    """主送机关 line."""
    body: DocumentBody = field(default_factory=DocumentBody)
    """The notice text."""
    signature: Block | None = None
    """发文机关署名 as written (may be abbreviated: 省政府办公厅)."""
    issuer: str | None = None
    """Full name of the issuing body (from the title when the signature is abbreviated)."""
    date_raw: Block | None = None
    """成文日期 line as written."""
    date: dt.date | None = None
    """成文日期 when it could be read."""
    notes: list[Block] = field(default_factory=list)
    """附注 and editor's notes: (此件公开发布), (本文有删减)."""
    attachment: Attachment | None = None
    """The document the notice 印发, when there is one."""
    trailing: list[Block] = field(default_factory=list)
    """Lines after the signature block that were not recognised; kept and reported."""


@dataclass
class NewsSource:
    """The ``来源:`` line of a news item."""

    raw: str
    """The line as written."""
    span: SourceSpan
    """Its place."""
    outlet: str
    """Media outlet, e.g. 经济日报."""
    authors: list[str]
    """Reporters named after the outlet."""
    date_raw: str | None
    """The date as written (``20233-11-09``)."""
    date: dt.date | None
    """The date when it could be read without guessing."""


@dataclass
class NewsItem:
    """A news article (资讯)."""

    title: str
    """Headline as written."""
    span: SourceSpan
    """All lines of the item."""
    slug: str
    """Stable file name, from the headline."""
    subtitle: Block | None = None
    """The ``——…`` line under the headline."""
    blocks: list[Block] = field(default_factory=list)
    """Paragraphs, subheadings and bylines in order."""
    source: NewsSource | None = None
    """The ``来源:`` line."""

    @property
    def date(self) -> dt.date | None:
        return self.source.date if self.source else None


Item = NewsItem | Policy


@dataclass
class Section:
    """A part of a bulletin under its own title (资讯传递, 政策速递 …)."""

    title: str
    """As written."""
    span: SourceSpan
    """The title line."""
    anchor: str
    """Stable id on the issue home."""
    items: list[Item] = field(default_factory=list)
    """News items and policies, in source order."""
    loose: list[Block] = field(default_factory=list)
    """Text in the section that belongs to no item; kept and reported."""


@dataclass
class Issue:
    """One bulletin (one input file)."""

    source: str
    """Path of the bulletin as shown to users."""
    slug: str
    """Folder of the issue's pages, e.g. ``268-shang``."""
    title: str
    """``简报·第268期(上)`` as written."""
    number: int | None
    """268."""
    part: str | None
    """上 / 中 / 下, when the issue is split."""
    title_span: SourceSpan
    """Title line."""
    breadcrumb: Block | None = None
    """``您当前所在位置:…`` line."""
    front: list[Block] = field(default_factory=list)
    """Unrecognised text before the first section; kept and reported."""
    sections: list[Section] = field(default_factory=list)
    """Sections in source order."""

    def items(self) -> list[Item]:
        """Every item of every section, in source order."""
        return [item for section in self.sections for item in section.items]

    def news(self) -> list[NewsItem]:
        return [item for item in self.items() if isinstance(item, NewsItem)]

    def policies(self) -> list[Policy]:
        return [item for item in self.items() if isinstance(item, Policy)]

    def dates(self) -> list[dt.date]:
        """Known dates of the items, sorted."""
        return sorted(d for d in (item.date for item in self.items()) if d)


@dataclass
class Archive:
    """Every issue, linked: the input of the render stage."""

    issues: list[Issue]
    """Newest first."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Everything reported while reading and linking."""
