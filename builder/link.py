"""Link stage: everything that needs the whole archive.

* order the issues and check that no two share a folder;
* resolve cited 发文字号 and titles to policy pages of the archive;
* build the glossary from the curated entries and the short names the bulletins define;
* find terms in running text (longest match, first occurrence per section) and count their uses;
* relate news items and policies that name each other or share an event.

The results are written into the model (``Block.links``, ``Citation.target``, ``Term.uses`` …).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .glossary import CuratedEntry, Match, TermMatcher, term_slug
from .model import (
    Archive,
    Block,
    BlockKind,
    DefinitionSite,
    Diagnostic,
    Issue,
    Item,
    NewsItem,
    PageRef,
    Policy,
    Severity,
    ShortName,
    Term,
    TermUse,
    TextLink,
)
from .rules import fold
from .slugs import item_path

_PART_ORDER = {None: 0, "上": 1, "中": 2, "下": 3}
_EVENT_ENDINGS = ("会议", "大会", "论坛", "峰会", "交易会", "博览会")
"""A term whose name ends so is an event: items that both speak of it are related."""
_SHARED_TERMS_FOR_RELATED = 4
_MAX_RELATED = 8
"""Related lists are cut to the strongest few so a page does not grow with the archive."""
_MIN_MENTION = 8
_BOOK = re.compile(r"《[^《》]*》")


@dataclass
class _Page:
    """An item page as the linker sees it: its path and its text in linking units."""

    issue: Issue
    item: Item
    path: str
    units: list[list[Block]] = field(default_factory=list)
    """Runs of blocks under one heading: a term links once per unit."""
    counts: Counter[str] = field(default_factory=Counter)
    """Term slug → occurrences on the page."""


def link_archive(issues: list[Issue], diagnostics: list[Diagnostic], curated: list[CuratedEntry] = ()) -> Archive:
    """Order the issues, then resolve citations, glossary terms and related items across them."""
    ordered = sorted(issues, key=_issue_key, reverse=True)
    archive = Archive(issues=ordered, diagnostics=list(diagnostics) + _duplicate_issues(ordered))
    pages = [_page(issue, item) for issue in reversed(ordered) for item in issue.items()]
    _link_citations(pages)
    named = _link_mentions(pages)
    terms = _build_terms(curated, pages)
    _link_terms(terms, pages)
    _relate(pages, terms, named)
    archive.terms = sorted(terms.values(), key=lambda t: t.slug)
    return archive


def _issue_key(issue: Issue) -> tuple[int, int, str]:
    return (issue.number if issue.number is not None else -1, _PART_ORDER.get(issue.part, 0), issue.source)


def _duplicate_issues(ordered: list[Issue]) -> list[Diagnostic]:
    found, seen = [], {}
    for issue in ordered:
        if issue.slug in seen:
            other = seen[issue.slug]
            found.append(Diagnostic(issue.source, issue.title_span.start, Severity.ERROR, "duplicate-issue",
                                    f"{issue.title} is also in {other.source}: both would be written to issues/{issue.slug}/"))
        seen[issue.slug] = issue
    return found


def _page(issue: Issue, item: Item) -> _Page:
    page = _Page(issue, item, item_path(issue, item))
    if isinstance(item, NewsItem):
        unit: list[Block] = []
        for block in item.blocks:
            if block.kind is BlockKind.SUBHEADING:
                page.units.append(unit)
                unit = []
            elif block.kind is BlockKind.PARAGRAPH:
                unit.append(block)
        page.units.append(unit)
    else:
        for body in [item.body] + ([item.attachment.body] if item.attachment else []):
            page.units.append(list(body.preamble))
            page.units += [list(c.blocks) for c in body.iter_clauses()]
    page.units = [u for u in page.units if u]
    return page


def _blocks(page: _Page) -> list[Block]:
    return [b for unit in page.units for b in unit]


# --- citations and mentions of policies ----------------------------------------------------------


def _policy_keys(pages: list[_Page]) -> dict[str, _Page]:
    """Normalised 发文字号 and title keys → the policy's page."""
    keys: dict[str, _Page] = {}
    for page in pages:
        if not isinstance(page.item, Policy):
            continue
        if page.item.doc_number and page.item.doc_number.normalized:
            keys.setdefault(page.item.doc_number.normalized, page)
        for title in _policy_titles(page.item):
            keys.setdefault(title_key(title), page)
    return keys


def _policy_titles(policy: Policy) -> list[str]:
    return [policy.title] + ([policy.attachment.title] if policy.attachment else [])


def title_key(text: str) -> str:
    """A title reduced for matching: Han characters, letters and digits only."""
    return re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", fold(text))


def _link_citations(pages: list[_Page]) -> None:
    keys = _policy_keys(pages)
    for page in pages:
        if not isinstance(page.item, Policy):
            continue
        for citation in page.item.citations:
            target = keys.get(citation.doc_number or "") or keys.get(title_key(citation.title or ""))
            if target is not None and target is not page:
                citation.target = target.path
                _add_text_links(_blocks(page), citation.raw, target.path, "")


def _add_text_links(blocks: list[Block], needle: str, target: str, title: str) -> int:
    """Link every occurrence of ``needle`` not already inside a link; returns how many."""
    found = 0
    for block in blocks:
        start = block.text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(link.start < end and start < link.end for link in block.links):
                block.links.append(TextLink(start, end, target, title))
                block.links.sort(key=lambda link: link.start)
                found += 1
            start = block.text.find(needle, end)
    return found


# --- glossary ---------------------------------------------------------------------------------------


def _build_terms(curated: list[CuratedEntry], pages: list[_Page]) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    owners: dict[str, str] = {}
    for entry in curated:
        slug = term_slug(entry.term)
        terms[slug] = Term(slug, entry.term, list(entry.aliases), entry.definition, entry.category, curated=True)
        owners.update({form: slug for form in terms[slug].forms()})
    for page in pages:
        for name in page.item.short_names:
            _add_short_name(terms, owners, page, name)
    return terms


def _add_short_name(terms: dict[str, Term], owners: dict[str, str], page: _Page, name: ShortName) -> None:
    site = DefinitionSite(f"{page.path}#{_anchor_of_line(page, name.span.start)}", page.item.title, name.span, f"{name.full}{name.raw}")
    owner = owners.get(name.short) or owners.get(name.full)
    if owner:
        terms[owner].defined_at.append(site)
        return
    if not name.local:
        slug = term_slug(name.full)
        term = terms.setdefault(slug, Term(slug, name.full, [], None, None, curated=False))
        term.aliases += [name.short] if name.short not in term.aliases else []
        owners.update({form: slug for form in term.forms()})
    else:
        slug = term_slug(name.short, scope_prefix=f"{page.issue.slug}-{page.item.slug}-")
        term = terms.setdefault(slug, Term(slug, name.short, [], None, None, curated=False, full=name.full, scope=page.path))
    term.defined_at.append(site)


def _anchor_of_line(page: _Page, line: int) -> str:
    """Id of the heading or clause on the item's page under which a source line stands."""
    item = page.item
    if isinstance(item, NewsItem):
        subheads = 0
        for block in item.blocks:
            subheads += block.kind is BlockKind.SUBHEADING
            if block.span.start >= line:
                break
        return f"p{subheads}" if subheads else "top"
    in_attachment = item.attachment is not None and line >= item.attachment.span.start
    anchor = "attachment" if in_attachment else "top"
    for clause in (item.attachment.body if in_attachment else item.body).iter_clauses():
        if clause.span.start <= line:
            anchor = clause.anchor
    return anchor


def _link_terms(terms: dict[str, Term], pages: list[_Page]) -> None:
    shared = {form: t.slug for t in terms.values() if t.scope is None for form in t.forms()}
    matcher = TermMatcher(shared)
    for page in pages:
        local = {form: t.slug for t in terms.values() if t.scope == page.path for form in t.forms()}
        page_matcher = TermMatcher({**shared, **local}) if local else matcher
        definitions = _definition_zones(page, terms)
        for unit in page.units:
            linked: set[str] = set()
            for block in unit:
                for match in _term_matches(page_matcher, block, definitions):
                    page.counts[match.key] += 1
                    if match.key in linked or _in_zone(match, block, definitions):
                        continue
                    linked.add(match.key)
                    block.links.append(TextLink(match.start, match.end, f"glossary/{match.key}.md", terms[match.key].hover()))
                block.links.sort(key=lambda link: link.start)
    for term in terms.values():
        uses = [TermUse(p.path, p.item.title, p.counts[term.slug]) for p in pages if p.counts[term.slug]]
        term.uses = sorted(uses, key=lambda u: (-u.count, u.page))


def _term_matches(matcher: TermMatcher, block: Block, definitions: dict[int, list[tuple[str, int, int]]]) -> list[Match]:
    """Matches outside existing links; a match cutting into a 《title》 is dropped (a whole 《办法》 is kept)."""
    skip = [(link.start, link.end) for link in block.links]
    books = [(m.start(), m.end()) for m in _BOOK.finditer(block.text)]
    return [m for m in matcher.find(block.text, skip)
            if not any(a < m.end and m.start < b and (a, b) != (m.start, m.end) for a, b in books)]


def _definition_zones(page: _Page, terms: dict[str, Term]) -> dict[int, list[tuple[str, int, int]]]:
    """id(block) → (term slug, start, end) of sentences that define a term: they link nowhere."""
    zones: dict[int, list[tuple[str, int, int]]] = {}
    for term in terms.values():
        for site in term.defined_at:
            if site.page.partition("#")[0] != page.path:
                continue
            for block in _blocks(page):
                at = block.text.find(site.text) if block.span.start == site.span.start else -1
                if at >= 0:
                    start, end = _sentence_around(block.text, at, at + len(site.text))
                    zones.setdefault(id(block), []).append((term.slug, start, end))
    return zones


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(p, 0, start) for p in "。；;！？") + 1
    rights = [i for i in (text.find(p, end) for p in "。；;！？") if i >= 0]
    return left, (min(rights) + 1 if rights else len(text))


def _in_zone(match: Match, block: Block, zones: dict[int, list[tuple[str, int, int]]]) -> bool:
    return any(key == match.key and start <= match.start < end for key, start, end in zones.get(id(block), ()))


# --- related items ----------------------------------------------------------------------------------


def _link_mentions(pages: list[_Page]) -> set[tuple[str, str]]:
    """Link the places where a news item names a policy by title or 发文字号; returns the pairs."""
    named = set()
    for news in (p for p in pages if isinstance(p.item, NewsItem)):
        for policy in (p for p in pages if isinstance(p.item, Policy)):
            item = policy.item
            needles = [t for t in _policy_titles(item) if len(t) >= _MIN_MENTION]
            if item.doc_number:
                needles += sorted(n for n in {item.doc_number.normalized, item.doc_number.raw} if n and len(n) >= 6)
            if sum(_add_text_links(_blocks(news), n, policy.path, item.title) for n in needles):
                named.add((news.path, policy.path))
    return named


def _relate(pages: list[_Page], terms: dict[str, Term], named: set[tuple[str, str]]) -> None:
    """A news item and a policy are related when the item names the policy (title, 文号), both
    speak of the same event (中央金融工作会议), or they share several glossary terms."""
    policies = [p for p in pages if isinstance(p.item, Policy)]
    events = {t.slug for t in terms.values() if t.name.endswith(_EVENT_ENDINGS)}
    pairs: list[tuple[int, int, _Page, _Page]] = []  # (score, age, news, policy)
    for age, news in enumerate(p for p in reversed(pages) if isinstance(p.item, NewsItem)):
        for policy in policies:
            shared = {k for k in news.counts if k in policy.counts and terms[k].scope is None}
            score = 1000 * ((news.path, policy.path) in named) + 100 * len(shared & events) + len(shared)
            if score >= 100 or len(shared) >= _SHARED_TERMS_FOR_RELATED:
                pairs.append((score, age, news, policy))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2].path, p[3].path))
    for _, _, news, policy in pairs:
        if len(news.item.related_policies) < _MAX_RELATED:
            news.item.related_policies.append(PageRef(policy.path, policy.item.title))
        if len(policy.item.related_news) < _MAX_RELATED:
            policy.item.related_news.append(PageRef(news.path, news.item.title))
