"""Find glossary terms in the bulletins' running text: links to term pages and counts of uses.

A term links at its first mention in each linking unit (a clause, a news section), never inside
another link, never cutting into a 《title》, and never in the sentence that defines it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..glossary import DefinitionSite, Term, TermMatcher
from ..glossary.matcher import Match
from ..model import Block, Item
from ..parallel import fork_map
from .text import LinkPage, LinkTable, Memo, TextLink

_BOOK = re.compile(r"《[^《》]*》")
_SENTENCE_ENDS = "。；;！？"


@dataclass(frozen=True)
class TermUse:
    """A page that uses a term, how often, and where first."""

    item: Item
    count: int
    line: int
    """Source line of the first use on the page (its passage is linked from the term's page)."""


def link_terms(terms: Sequence[Term], pages: list[LinkPage], links: LinkTable, address: Callable[[Term], str],
               jobs: int = 1, memo: Memo | None = None, terms_digest: bytes = b"") -> dict[Term, tuple[TermUse, ...]]:
    """Link each shared term at its first mention on a page (outside its definition); count every use.

    A name a document coins for itself (种子基金, 《办法》) is matched on that document's page only so
    that a shorter term inside it (创投 in 深创投) is not linked; it links nowhere itself.
    The pages are searched by up to ``jobs`` processes (0: one per core), which report what they
    found as numbers; the counts and links are then recorded here, page by page, in order. With a
    ``memo``, a page whose text, links so far and definitions are those of an earlier build, with the
    same terms (``terms_digest``), takes what was found there instead of being searched again.
    Returns each term's uses, newest issue first.
    """
    matcher = TermMatcher({form: t for t in terms if t.scope is None for form in t.forms()})
    scoped, defined = _by_item(terms)
    number_of = {id(t): k for k, t in enumerate(terms)}

    def key(n: int) -> bytes:
        return _page_key(pages[n], links, defined.get(id(pages[n].item), ()), number_of, terms_digest) if memo is not None else b""

    look_up = memo is not None and not memo.empty()  # else each process makes the keys of the pages it searches
    keys: list[bytes | None] = [key(n) for n in range(len(pages))] if look_up else [None] * len(pages)
    found: list[tuple[tuple[int, int, int, int, bool], ...] | None] = [memo.get(k) for k in keys] if look_up else [None] * len(pages)
    missing = [n for n, uses in enumerate(found) if uses is None]

    def search(chunk: list[int]) -> list[tuple[bytes, tuple[tuple[int, int, int, int, bool], ...]]]:
        return [(keys[n] or key(n), _page_uses(pages[n], matcher, scoped, defined, links, number_of)) for n in chunk]

    chunks = [missing[k : k + _CHUNK] for k in range(0, len(missing), _CHUNK)]
    for n, (page_key, uses) in zip(missing, (row for part in fork_map(search, chunks, jobs=jobs) for row in part)):
        found[n] = uses
        if memo is not None:
            memo.put(page_key, uses)
    first: dict[tuple[int, Term], int] = {}
    for number, (page, uses) in enumerate(zip(pages, found)):
        blocks = page.blocks()
        for block_number, start, end, term_number, linking in uses or ():
            term, block = terms[term_number], blocks[block_number]
            page.counts[term] += 1
            first.setdefault((number, term), block.span.start)
            if linking:
                links.add(block, TextLink(start, end, address(term), term.hover()))
    return _uses(terms, pages, first)


def _page_key(page: LinkPage, links: LinkTable, definitions: Sequence[tuple[Term, DefinitionSite]],
              number_of: dict[int, int], terms_digest: bytes) -> bytes:
    """Everything :func:`_page_uses` reads of a page, as a digest: its address (the terms it
    coins), its blocks' lines, texts and links so far, the definitions it holds."""
    digest = hashlib.blake2b(terms_digest, digest_size=20)
    parts = [page.path] + [f"d{number_of[id(term)]}:{site.span.start}:{len(site.text)}:{site.text}" for term, site in definitions]
    parts += [f"b{block.span.start}:{[(ln.start, ln.end) for ln in links.get(block)]}:{len(block.text)}:{block.text}"
              for block in page.blocks()]
    digest.update("\0".join(parts).encode("utf-8", "surrogatepass"))
    return digest.digest()


_CHUNK = 64
"""Pages searched per task of the worker processes."""


def _page_uses(page: LinkPage, matcher: TermMatcher, scoped: dict[int, list[Term]],
               defined: dict[int, list[tuple[Term, DefinitionSite]]], links: LinkTable,
               number_of: dict[int, int]) -> tuple[tuple[int, int, int, int, bool], ...]:
    """Every use of a shared term on one page, in order: (block number, start, end, term number,
    whether it links: the first mention outside a definition)."""
    local = {form: t for t in scoped.get(id(page.item), ()) for form in t.forms()}
    page_matcher = matcher.extended(local)
    zones = _definition_zones(page, defined.get(id(page.item), ()))
    linked: set[int] = set()
    uses = []
    for block_number, block in enumerate(page.blocks()):
        for match in _term_matches(page_matcher, block, links):
            term = match.key
            if term.scope is not None or _within(block.text, match, term.not_within):
                continue
            linking = id(term) not in linked and not _in_zone(match, block, zones)
            if linking:
                linked.add(id(term))
            uses.append((block_number, match.start, match.end, number_of[id(term)], linking))
    return tuple(uses)


def _uses(terms: Sequence[Term], pages: list[LinkPage], first: dict[tuple[int, Term], int]) -> dict[Term, tuple[TermUse, ...]]:
    """Each term's pages, newest issue first, in source order within an issue (one pass over the
    pages' counts; ``pages`` are oldest issue first)."""
    rank: dict[int, int] = {}
    for page in pages:
        rank.setdefault(id(page.issue), len(rank))
    found: dict[Term, list[tuple[int, int, TermUse]]] = {term: [] for term in terms}
    for number, page in enumerate(pages):
        for term, count in page.counts.items():
            found[term].append((-rank[id(page.issue)], number, TermUse(page.item, count, first[(number, term)])))
    return {term: tuple(use for *_, use in sorted(rows, key=lambda r: r[:2])) for term, rows in found.items()}


def _within(text: str, match: Match, words: tuple[str, ...]) -> bool:
    """Whether the match lies inside one of ``words`` as written around it (险资 in 风险资本)."""
    for word in words:
        start = text.find(word, max(0, match.end - len(word)))
        while 0 <= start <= match.start:
            if start + len(word) >= match.end:
                return True
            start = text.find(word, start + 1)
    return False


def _term_matches(matcher: TermMatcher, block: Block, links: LinkTable) -> list[Match]:
    """Matches outside existing links; a match cutting into a 《title》 is dropped (a whole 《办法》 is kept)."""
    skip = [(link.start, link.end) for link in links.get(block)]
    books = [(m.start(), m.end()) for m in _BOOK.finditer(block.text)]
    starts = [a for a, _ in books]
    return [m for m in matcher.find(block.text, skip) if not _cuts_into_book(m, books, starts)]


def _cuts_into_book(match: Match, books: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the match overlaps a 《…》 span other than exactly (books are sorted and disjoint)."""
    at = bisect.bisect_left(starts, match.end)
    for a, b in books[max(0, at - 1) : at]:
        if a < match.end and match.start < b and (a, b) != (match.start, match.end):
            return True
    return False


def _by_item(terms: Sequence[Term]) -> tuple[dict[int, list[Term]], dict[int, list[tuple[Term, DefinitionSite]]]]:
    """The terms scoped to each item, and the definitions each item holds (keyed by ``id(item)``),
    so that each page looks only at its own (not at every term of the archive)."""
    scoped: dict[int, list[Term]] = {}
    defined: dict[int, list[tuple[Term, DefinitionSite]]] = {}
    for term in terms:
        if term.scope is not None:
            scoped.setdefault(id(term.scope), []).append(term)
        for site in term.defined_at:
            defined.setdefault(id(site.item), []).append((term, site))
    return scoped, defined


def _definition_zones(page: LinkPage, definitions: Sequence[tuple[Term, DefinitionSite]]) -> dict[Block, list[tuple[Term, int, int]]]:
    """Block → (term, start, end) of sentences on ``page`` that define a term: they link nowhere."""
    zones: dict[Block, list[tuple[Term, int, int]]] = {}
    for term, site in definitions:
        for block in page.blocks():
            at = block.text.find(site.text) if block.span.start == site.span.start else -1
            if at >= 0:
                start, end = _sentence_around(block.text, at, at + len(site.text))
                zones.setdefault(block, []).append((term, start, end))
    return zones


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(p, 0, start) for p in _SENTENCE_ENDS) + 1
    rights = [i for i in (text.find(p, end) for p in _SENTENCE_ENDS) if i >= 0]
    return left, (min(rights) + 1 if rights else len(text))


def _in_zone(match: Match, block: Block, zones: dict[Block, list[tuple[Term, int, int]]]) -> bool:
    return any(term is match.key and start <= match.start < end for term, start, end in zones.get(block, ()))
