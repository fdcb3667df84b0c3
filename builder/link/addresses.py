"""One home for addresses: every page path, heading id and file of the site is decided here.

Addresses are computed once, after parsing, from the model (:func:`assign_addresses`); render,
export and publish only ask for them. A page's name depends on the item itself (its 发文字号 or
its headline), never on its position, so adding an item to a bulletin moves no other page.
Paths are POSIX paths below ``content/`` (``issues/268-shang/policy/gbf-2023-37.md``);
:meth:`Addresses.url` turns one into its published address (``….html``).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from pypinyin import Style, lazy_pinyin

from ..model import (
    BlockKind,
    Clause,
    Diagnostic,
    DocNumber,
    DocumentBody,
    Issue,
    Item,
    NewsItem,
    Policy,
    Section,
    Severity,
)
from ..read import rules

if TYPE_CHECKING:
    from ..glossary.terms import Term

SITE_NAME = "科技金融简报"
"""The bulletin's name (also ``site_name`` in mkdocs.yml)."""
HOME = "index.md"
ARCHIVE = "issues/index.md"
GLOSSARY = "glossary/index.md"
BROWSE = "browse/index.md"
"""The hub of the indexes by 发文机关, 文种 and 来源."""
GROUPS = {"issuers": "发文机关", "kinds": "文种", "outlets": "来源"}
"""The indexes: folder below ``browse/`` → what their groups are."""
ASSETS = ("briefing.css", "print.css")
"""Static files of ``builder/assets`` published under ``assets/``."""
DATA = "data"
"""Folder of the JSON exports and their schemas."""
PAGE_TOP = "top"
"""Id of every page's title (h1)."""
RESERVED_IDS = frozenset({PAGE_TOP, "related", "related-archive", "citations", "departments", "notice", "body", "issue-items",
                          "attachment", "defined", "uses", "latest", "recent", "local"})
"""Heading ids the page templates use themselves; items and sections never take them."""

PART_SLUGS = {"上": "shang", "中": "zhong", "下": "xia"}
_MAX_NEWS = 28


@dataclass(frozen=True)
class Addresses:
    """Where every issue, item, section, clause and term lives. Built by :func:`assign_addresses`."""

    issue_dirs: Mapping[Issue, str]
    """Issue → its folder below ``content/`` (``issues/268-shang``)."""
    item_names: Mapping[Item, str]
    """Item → its file name without ``.md`` (``gbf-2023-37``)."""
    issue_of_item: Mapping[Item, Issue]
    """Item → the issue it belongs to."""
    section_ids: Mapping[Section, str]
    """Section → its id on the issue home (``zixunchuandi``)."""
    clause_ids: Mapping[Clause, str]
    """Clause → its id on the policy page (``s3-2-12``, ``a12``)."""
    term_names: Mapping[Term, str]
    """Glossary term → its file name without ``.md`` (terms of the whole archive; a name a document
    coins for itself has no page)."""
    group_names: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(index, group) → the group page's file name: ``("issuers", "国务院办公厅")`` → ``gwybgt``."""
    _passages: dict[Item, tuple[list[int], list[str]]] = field(default_factory=dict, compare=False, repr=False)
    """Each item's passage marks, listed on first use (see :meth:`passage_id`)."""

    # --- pages ---

    def issue(self, issue: Issue) -> str:
        """An issue's home."""
        return f"{self.issue_dirs[issue]}/index.md"

    def item(self, item: Item) -> str:
        """A news or policy page."""
        kind = "news" if isinstance(item, NewsItem) else "policy"
        return f"{self.issue_dirs[self.issue_of_item[item]]}/{kind}/{self.item_names[item]}.md"

    def issue_of(self, item: Item) -> Issue:
        return self.issue_of_item[item]

    def item_id(self, item: Item) -> str:
        """Stable record id for the data export: ``268-shang/gbf-2023-37``."""
        return f"{self.issue_dirs[self.issue_of_item[item]].rsplit('/', 1)[-1]}/{self.item_names[item]}"

    def issue_slug(self, issue: Issue) -> str:
        return self.issue_dirs[issue].rsplit("/", 1)[-1]

    def term(self, term: Term) -> str:
        return f"glossary/{self.term_names[term]}.md"

    def group_index(self, index: str) -> str:
        """The list of all groups of an index (``browse/issuers/index.md``)."""
        return f"browse/{index}/index.md"

    def group(self, index: str, name: str, number: int = 1) -> str:
        """Page ``number`` (1, 2 …) of one group: the items of one 发文机关, 文种 or 来源. The first
        page keeps the group's address; the others lie in ``more/`` (``browse/kinds/more/tz-2.md``)."""
        slug = self.group_names[(index, name)]
        return f"browse/{index}/{slug}.md" if number == 1 else f"browse/{index}/more/{slug}-{number}.md"

    @staticmethod
    def local_names(year: int | None) -> str:
        """The names that documents of one year coin for themselves (``None``: issues without a date)."""
        return f"glossary/local/{year if year is not None else 'undated'}.md"

    def term_uses(self, term: Term, number: int) -> str:
        """Page ``number`` (1, 2 …) of the full list of a term's uses."""
        return f"glossary/uses/{self.term_names[term]}-{number}.md"

    def print_view(self, issue: Issue) -> str:
        """An issue's whole-issue print view."""
        return f"{self.issue_dirs[issue]}/print.md"

    def pdf(self, issue: Issue, policy: Policy | None = None) -> str:
        """The A4 PDF of an issue (its print view) or of one of its policies (a file of the site)."""
        name = self.item_names[policy] if policy is not None else self.issue_slug(issue)
        return f"{self.issue_dirs[issue]}/pdf/{name}.pdf"

    # --- ids inside the print view, where every item of an issue shares one page ---

    def print_item_id(self, item: Item) -> str:
        """Where an item starts in its issue's print view."""
        return f"i-{self.item_names[item]}"

    def print_id_prefix(self, item: Item) -> str:
        """Prefix of the ids of an item's clauses and subheadings in the print view."""
        return f"i-{self.item_names[item]}-"

    def print_term_id(self, term: Term) -> str:
        """A term in the print view's glossary appendix."""
        return f"t-{self.term_names[term]}"

    # --- places inside pages ---

    def section(self, issue: Issue, section: Section) -> str:
        return f"{self.issue(issue)}#{self.section_ids[section]}"

    def section_id(self, section: Section) -> str:
        return self.section_ids[section]

    def item_heading_id(self, item: Item) -> str:
        """Id of an item's entry on its issue home."""
        return self.item_names[item]

    def clause_id(self, clause: Clause) -> str:
        return self.clause_ids[clause]

    def clause(self, item: Item, clause: Clause) -> str:
        return f"{self.item(item)}#{self.clause_ids[clause]}"

    def passage(self, item: Item, line: int) -> str:
        """The heading or clause of an item's page under which a source line stands."""
        return f"{self.item(item)}#{self.passage_id(item, line)}"

    def passage_id(self, item: Item, line: int) -> str:
        """The anchor of the last heading or clause of the item's page that starts at or before
        ``line`` (a term page links hundreds of passages: the item's marks are listed once)."""
        starts, anchors = self._marks(item)
        at = bisect.bisect_right(starts, line)
        return anchors[at - 1] if at else PAGE_TOP

    def _marks(self, item: Item) -> tuple[list[int], list[str]]:
        """(source line, anchor) of the item's subheadings or attachments and clauses, by line."""
        found = self._passages.get(item)
        if found is None:
            marks: list[tuple[int, str]] = []
            if isinstance(item, NewsItem):
                subheads = [b for b in item.blocks if b.kind is BlockKind.SUBHEADING]
                marks = [(b.span.start, news_subheading_id(n)) for n, b in enumerate(subheads, start=1)]
            else:
                bodies = [(0, PAGE_TOP, item.body)] + [(a.span.start, attachment_anchor(k), a.body)
                                                      for k, a in enumerate(item.attachments, start=1) if a.included]
                for start, anchor, body in bodies:
                    marks.append((start, anchor))
                    marks += [(c.span.start, self.clause_ids[c]) for c in body.iter_clauses()]
            marks.sort(key=lambda m: m[0])  # stable: of two marks on one line, the later in the page
            found = self._passages[item] = ([m[0] for m in marks], [m[1] for m in marks])
        return found

    # --- files ---

    @staticmethod
    def asset(name: str) -> str:
        return f"assets/{name}"

    @staticmethod
    def data(name: str) -> str:
        return f"{DATA}/{name}"

    @staticmethod
    def is_glossary(path: str) -> bool:
        """Whether a page (``.md`` or ``.html``, relative to the root) is the glossary or a term page."""
        return path.startswith("glossary/")

    PDF_GLOB = "issues/*/pdf/*.pdf"
    """Where the PDFs lie in the site (see ``pdf``), for removing those no longer built."""

    @staticmethod
    def url(path: str) -> str:
        """Published address (relative to the site root) of a Markdown page, ``#anchor`` kept."""
        page, sep, anchor = path.partition("#")
        return (page[: -len(".md")] + ".html" if page.endswith(".md") else page) + sep + anchor


def news_subheading_id(number: int) -> str:
    """Id of the n-th subheading of a news page (``p1``)."""
    return f"p{number}"


def attachment_anchor(number: int) -> str:
    """Id of the heading of a policy's ``number``-th attachment: ``attachment``, ``attachment-2`` …"""
    return "attachment" if number == 1 else f"attachment-{number}"


# --- assigning addresses -------------------------------------------------------------------------


def assign_addresses(issues: Iterable[Issue], terms: Iterable[Term]) -> tuple[Addresses, list[Diagnostic]]:
    """Every address of the archive, once; collisions get a suffix and a diagnostic."""
    problems: list[Diagnostic] = []
    issue_dirs, names, owner, sections, clauses = {}, {}, {}, {}, {}
    for issue in issues:
        issue_dirs[issue] = f"issues/{issue_slug(issue.number, issue.part, issue.source)}"
        taken = set(RESERVED_IDS)
        for section in issue.sections:
            sections[section] = unique_slug(section_anchor(section.title), taken)
            for item in section.items:
                owner[item] = issue
                names[item] = _item_name(item, taken, problems)
                if isinstance(item, Policy):
                    clauses.update(_policy_clause_ids(item, problems))
    term_names = _term_names(terms, problems)
    return Addresses(issue_dirs, names, owner, sections, clauses, term_names, _group_names(owner)), problems


def item_groups(item: Item) -> dict[str, list[str]]:
    """The groups an item belongs to in each index: its 发文机关 and 文种, or its outlets."""
    if isinstance(item, NewsItem):
        return {"outlets": list(item.source.outlets) if item.source else []}
    return {"issuers": list(item.issuers), "kinds": [item.kind] if item.kind else []}


def _group_names(items: Iterable[Item]) -> dict[tuple[str, str], str]:
    """A short ASCII name per group: pinyin initials, made unique within its index."""
    names = sorted({(index, name) for item in items for index, group in item_groups(item).items() for name in group if name})
    taken: dict[str, set[str]] = {}
    return {(index, name): unique_slug(initials(name) or f"g-{short_hash(name)}", taken.setdefault(index, set()))
            for index, name in names}


def _item_name(item: Item, taken: set[str], problems: list[Diagnostic]) -> str:
    base = news_slug(item.title) if isinstance(item, NewsItem) else policy_slug(item.doc_number, item.title)
    name = unique_slug(base, taken)
    if name != base:
        problems.append(Diagnostic(item.span.file, item.span.start, Severity.WARNING, "slug-collision",
                                   f"page name {base} is taken in this issue; using {name}"))
    return name


def _term_names(terms: Iterable[Term], problems: list[Diagnostic]) -> dict[Term, str]:
    """Pinyin file names; two terms that read alike (中药, 重要) get distinct names and a warning."""
    out: dict[Term, str] = {}
    taken: dict[str, Term] = {}
    for term in sorted((t for t in terms if t.scope is None), key=lambda t: (term_slug(t.name), t.name)):
        base = term_slug(term.name)
        name = unique_slug(base, set(taken) | {"index"})
        if name != base:
            other = taken.get(base)
            problems.append(Diagnostic(term.origin.file, term.origin.start, Severity.WARNING, "term-name-collision",
                                       f"glossary term “{term.name}” would share the page {base}.md with "
                                       f"“{other.name if other else base}”; it is published as {name}.md"))
        taken[name] = term
        out[term] = name
    return out


def _policy_clause_ids(policy: Policy, problems: list[Diagnostic]) -> dict[Clause, str]:
    """The main body's clauses are ``s…``; the notice's, when an attachment is the main body, ``n…``;
    other attachments' ``att2-…``, ``att3-…`` (their place in the 附件 order)."""
    main = policy.attachment
    out = clause_ids(policy.main, "s", problems)
    if main is not None:
        out.update(clause_ids(policy.body, "n", problems))
    for k, attachment in enumerate(policy.attachments, start=1):
        if attachment.included and attachment is not main:
            out.update(clause_ids(attachment.body, f"att{k}-", problems))
    return out


def clause_ids(body: DocumentBody, prefix: str, problems: list[Diagnostic] | None = None) -> dict[Clause, str]:
    """Ids from the numbers on the path: ``s3-2-12`` for 三、(二) 12.; duplicates get ``-b``, ``-c``.

    Articles are numbered through the whole document and cited by number, so 第十二条 is ``a12``
    wherever it stands; chapters are ``c2``, sections ``c2-j1``.
    """
    seen: set[str] = set()
    out: dict[Clause, str] = {}
    lead = "" if prefix == "s" else prefix

    def base_id(clause: Clause, path: str) -> str:
        if clause.level == rules.ARTICLE:
            return f"{lead}a{clause.number}"
        if clause.level == rules.CHAPTER:
            return f"{lead}c{clause.number}"
        if clause.level == rules.SECTION:
            return f"{path}-j{clause.number}" if path else f"{lead}j{clause.number}"
        return f"{path}-{clause.number}" if path else f"{prefix}{clause.number}"

    def walk(clauses: tuple[Clause, ...], path: str) -> None:
        for clause in clauses:
            base = base_id(clause, path)
            anchor, k = base, 0
            while anchor in seen:
                k += 1
                anchor = f"{base}-{chr(ord('a') + k)}"
            if k and problems is not None:
                problems.append(Diagnostic(clause.span.file, clause.span.start, Severity.WARNING, "clause-number-repeated",
                                           f"clause “{clause.marker}” repeats a number; its anchor is #{anchor}"))
            seen.add(anchor)
            out[clause] = anchor
            walk(clause.children, anchor)

    walk(body.clauses, "")
    return out


# --- names ------------------------------------------------------------------------------------------


def issue_slug(number: int | None, part: str | None, file: str) -> str:
    """``268-shang`` for 第268期(上); the file's stem when the bulletin has no number."""
    if number is None:
        return ascii_slug(PurePosixPath(file).stem) or "issue"
    return f"{number}-{PART_SLUGS[part]}" if part else str(number)


def policy_slug(doc_number: DocNumber | None, title: str) -> str:
    """``gbf-2023-37`` for 国办发〔2023〕37号 (``gwyl-752`` for 国务院令第752号); from the title when there is no number."""
    if doc_number and doc_number.normalized:
        year = f"-{doc_number.year}" if doc_number.year else ""
        return f"{initials(doc_number.agency) or 'wh'}{year}-{doc_number.serial}"
    return f"p-{initials(title)[:16]}-{short_hash(title)}"


def news_slug(title: str) -> str:
    """Pinyin initials of the headline, words kept apart: ``zhkjjrdwz-tdjjgzlfz``."""
    slug = initials(title)[:_MAX_NEWS].strip("-")
    return slug or f"n-{short_hash(title)}"


@functools.lru_cache(maxsize=65536)
def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key of a Chinese name: its pinyin (lower case), then the name itself."""
    return "".join(lazy_pinyin(name)).lower(), name


def section_anchor(title: str) -> str:
    """``zixunchuandi`` for 资讯传递."""
    return ascii_slug("".join(lazy_pinyin(title))) or f"sec-{short_hash(title)}"


@functools.lru_cache(maxsize=65536)
def term_slug(name: str) -> str:
    """Pinyin of the headword (``beijingzhengquanjiaoyisuo``); long ones shortened with a hash."""
    slug = ascii_slug("".join(lazy_pinyin(name)))
    if not slug or len(slug) > 40:
        slug = f"{slug[:32].rstrip('-')}-{short_hash(name)}" if slug else f"t-{short_hash(name)}"
    return slug


@functools.lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """First letters of the pinyin of Han characters, ASCII letters and digits kept, words joined by ``-``."""
    words = re.split(r"[\s\u00a0\u3000]+", text.strip())
    parts = []
    for word in words:
        letters = "".join(lazy_pinyin(word, style=Style.FIRST_LETTER, errors=lambda s: list(s)))
        cleaned = ascii_slug(letters)
        if cleaned:
            parts.append(cleaned)
    return "-".join(parts)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters, digits and single hyphens."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def unique_slug(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … when it is taken; records the result in ``taken``."""
    slug, k = base, 1
    while slug in taken:
        k += 1
        slug = f"{base}-{k}"
    taken.add(slug)
    return slug
