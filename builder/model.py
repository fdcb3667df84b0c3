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
    departments: list[str] = field(default_factory=list)
    """Responsible bodies named in a trailing ``（…按职责负责）``, prefixes filled in (科技厅 → 省科技厅)."""
    links: list[TextLink] = field(default_factory=list)
    """Glossary and cross links inside the text, set by the link stage; sorted, never overlapping."""


@dataclass(frozen=True)
class PageRef:
    """A link to another page of the site."""

    path: str
    """Markdown path below ``content/``."""
    title: str
    """Link text."""


@dataclass(frozen=True)
class TextLink:
    """A stretch of a block's text that links somewhere (glossary term, policy page)."""

    start: int
    """Offset of the first character in ``Block.text``."""
    end: int
    """Offset after the last character."""
    target: str
    """Page path below ``content/`` (``glossary/bjs.md``), optionally with ``#anchor``."""
    title: str = ""
    """Hover text (the definition)."""


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


@dataclass
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
    target: str | None = None
    """Page path of the cited policy when it is in the archive (set by the link stage)."""


@dataclass
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
class DefinitionSite:
    """Where a bulletin defines a term."""

    page: str
    """Markdown path of the page that holds the definition."""
    title: str
    """That page's title."""
    span: SourceSpan
    """Line of the definition."""
    text: str
    """The definition as written: full form and parenthesis (``北京证券交易所(以下简称北交所)``)."""


@dataclass(frozen=True)
class TermUse:
    """A page that uses a term, and how often."""

    page: str
    title: str
    count: int


@dataclass
class Term:
    """A glossary entry: curated (``seeds/glossary.yaml``) or extracted from a bulletin."""

    slug: str
    """File name of its glossary page."""
    name: str
    """Headword."""
    aliases: list[str]
    """Other forms that mean the same (short names, abbreviations)."""
    definition: str | None
    """Plain-language definition (curated), or None for a bare extracted short name."""
    category: str | None
    """Curated category (资本市场, 信贷与融资 …); None for extracted terms."""
    curated: bool
    """From the curated glossary."""
    full: str | None = None
    """Full form, for an extracted short name (深创投 → 深圳市创新投资集团)."""
    scope: str | None = None
    """Page path of the one document the term belongs to (a name the document coined), else None."""
    defined_at: list[DefinitionSite] = field(default_factory=list)
    """Definition sites found in the bulletins."""
    uses: list[TermUse] = field(default_factory=list)
    """Pages that use the term, with counts (backlinks)."""

    def forms(self) -> list[str]:
        """Every surface form that refers to this term in running text."""
        out = [self.name] + self.aliases + ([self.full] if self.full else [])
        return [f for f in dict.fromkeys(out) if f]

    def hover(self) -> str:
        """Text shown when the pointer rests on a link to the term."""
        if self.definition:
            return f"{self.name}：{self.definition}"
        return f"{self.name}：{self.full}的简称" if self.full else self.name


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
    signatures: list[Block] = field(default_factory=list)
    """发文机关署名 lines as written (may be abbreviated: 省政府办公厅; several for joint documents)."""
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
    kind: str | None = None
    """文种 from the title: 通知, 意见, 决定, 办法, 方案, 措施 …"""
    validity: Validity = field(default_factory=Validity)
    """施行日期 and 有效期 as the text gives them."""
    citations: list[Citation] = field(default_factory=list)
    """Documents cited, in order of first mention, each once."""
    short_names: list[ShortName] = field(default_factory=list)
    """Abbreviations the document defines (for the glossary)."""
    related_news: list[PageRef] = field(default_factory=list)
    """News pages that mention this policy or share an event with it (set by the link stage)."""

    @property
    def signature(self) -> str | None:
        """The signature as one string (several signing bodies joined by 、)."""
        return "、".join(b.text for b in self.signatures) or None

    @property
    def main(self) -> DocumentBody:
        """The body that carries the substance: the attachment when the notice 印发 one."""
        return self.attachment.body if self.attachment else self.body

    def blocks(self) -> list[Block]:
        """Every block of running text, in source order."""
        out = [b for b in ([self.addressee] if self.addressee else [])]
        for body in [self.body] + ([self.attachment.body] if self.attachment else []):
            out += body.preamble
            for clause in body.iter_clauses():
                out += clause.blocks
        return out


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
    short_names: list[ShortName] = field(default_factory=list)
    """Abbreviations the article defines (``（下称“深创投”）``)."""
    related_policies: list[PageRef] = field(default_factory=list)
    """Policy pages this item mentions or shares an event with (set by the link stage)."""

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
    terms: list[Term] = field(default_factory=list)
    """The glossary: curated and extracted terms, sorted by slug."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Everything reported while reading and linking."""
