"""Related items: news ↔ policy pairs, ranked, each list cut to a few so pages do not grow.

A news item naming a policy (its title or 发文字号) relates them first. Otherwise pages are compared
by the glossary terms they use: each page is a vector of terms weighted by how often the page uses
them (log) and how rare they are in the archive (inverse document frequency, so 专利开放许可 counts far
more than 科技金融, which nearly every page uses), and a pair's score is the cosine of the two
vectors, so a long document that mentions everything is not related to every news item. A pair
needs two shared terms (or a shared event such as 中央金融工作会议). Candidates are found through the
terms, never by comparing every news item with every policy; terms on more than half of the pages
are left out of the search for candidates, and each news item keeps only its strongest few dozen
candidates (by the summed rarity of the shared terms) before cosines are computed, so the work per
item stays bounded when hundreds of issues speak of the same things.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..glossary import Term
from ..model import Item, NewsItem, Policy
from ..parallel import fork_map
from .text import LinkPage, Memo

_EVENT_ENDINGS = ("会议", "大会", "论坛", "峰会", "交易会", "博览会")
"""A term whose name ends so is an event: items that both speak of it are related."""
NAMED = 10.0
"""Score of a policy the news item names: above any similarity (which is at most 1)."""
MIN_SIMILARITY = 0.1
"""Pairs less similar than this are not related."""
MAX_RELATED = 8
"""Related lists are cut to the strongest few so a page does not grow with the archive."""
_COMMON = 0.5
"""Terms used on more than this share of item pages do not make candidates."""
CANDIDATES = 4 * MAX_RELATED
"""Candidates per news item whose cosine is computed."""


def relate(pages: list[LinkPage], terms: Sequence[Term], named: set[tuple[str, str]], jobs: int = 1,
           memo: Memo | None = None, terms_digest: bytes = b"") -> dict[Item, tuple[Item, ...]]:
    """News ↔ policy relations, strongest first, at most :data:`MAX_RELATED` each way. The news
    items' candidates and similarities are computed by up to ``jobs`` processes (0: one per core).
    With a ``memo``, an archive whose pages use the same terms as often as in an earlier build (the
    same ``terms_digest``), with the same named pairs, takes the relations found there."""
    key = _relate_key(pages, terms, named, terms_digest) if memo is not None else b""
    by_path = {p.path: p for p in pages}
    if memo is not None and (found := memo.get(key)) is not None:
        return {by_path[path].item: tuple(by_path[other].item for other in others) for path, others in found}
    related = _relate(pages, by_path, terms, named, jobs)
    if memo is not None:
        paths = {id(p.item): p.path for p in pages}
        memo.put(key, tuple((paths[id(item)], tuple(paths[id(other)] for other in others)) for item, others in related.items()))
    return related


def _relate_key(pages: list[LinkPage], terms: Sequence[Term], named: set[tuple[str, str]], terms_digest: bytes) -> bytes:
    """What :func:`_relate` reads, as a digest: each page's address, kind and term counts, the pairs
    the news items name, the terms (``terms_digest``)."""
    number_of = {id(t): k for k, t in enumerate(terms)}
    digest = hashlib.blake2b(terms_digest, digest_size=20)
    rows = [(p.path, isinstance(p.item, NewsItem), isinstance(p.item, Policy), sorted((number_of[id(t)], c) for t, c in p.counts.items()))
            for p in pages]
    digest.update(repr((sorted(named), rows)).encode("utf-8", "surrogatepass"))
    return digest.digest()


def _relate(pages: list[LinkPage], by_path: dict[str, LinkPage], terms: Sequence[Term], named: set[tuple[str, str]],
            jobs: int) -> dict[Item, tuple[Item, ...]]:
    weights = term_weights(pages)
    events = {t for t in terms if t.name.endswith(_EVENT_ENDINGS)}
    policies_of = _policies_of(pages)
    members = {term: frozenset(paths) for term, paths in policies_of.items()}
    limit = max(2, int(_COMMON * len(pages)))
    news = [p for p in pages if isinstance(p.item, NewsItem)]

    vectors: dict[str, tuple[dict[Term, float], float]] = {}  # each process fills its own, across its tasks

    def vector(path: str) -> tuple[dict[Term, float], float]:
        found = vectors.get(path)
        if found is None:
            found = vectors[path] = _vector(by_path[path], weights)
        return found

    def similar(chunk: slice) -> list[tuple[str, str, float]]:
        out = []
        for page in news[chunk]:
            for policy in _candidates(page, policies_of, members, limit, events, weights):
                score = _cosine(vector(page.path), vector(policy))
                if score >= MIN_SIMILARITY:
                    out.append((page.path, policy, score))
        return out

    chunks = [slice(k, k + _CHUNK) for k in range(0, len(news), _CHUNK)]
    scores = {(a, b): score for part in fork_map(similar, chunks, jobs=jobs) for a, b, score in part}
    for pair in named:
        scores[pair] = scores.get(pair, 0.0) + NAMED
    age = {p.path: k for k, p in enumerate(reversed(pages))}  # newest first
    ranked = sorted(((s, by_path[news], by_path[policy]) for (news, policy), s in scores.items()),
                    key=lambda t: (-t[0], age[t[1].path], t[1].path, t[2].path))
    related: dict[Item, list[Item]] = {}
    for _, news, policy in ranked:
        for a, b in ((news, policy), (policy, news)):
            bucket = related.setdefault(a.item, [])
            if len(bucket) < MAX_RELATED:
                bucket.append(b.item)
    return {item: tuple(items) for item, items in related.items()}


def term_weights(pages: list[LinkPage]) -> dict[Term, float]:
    """Inverse document frequency of each term over the item pages: log(1 + pages / pages using it)."""
    frequency: dict[Term, int] = defaultdict(int)
    for page in pages:
        for term in page.counts:
            frequency[term] += 1
    return {term: math.log(1 + len(pages) / df) for term, df in frequency.items()}


def _vector(page: LinkPage, weights: dict[Term, float]) -> tuple[dict[Term, float], float]:
    """A page's term vector and its length."""
    vector = {t: math.log(1 + count) * weights[t] for t, count in page.counts.items() if t.scope is None}
    return vector, math.sqrt(sum(v * v for v in vector.values()))


def _cosine(a: tuple[dict[Term, float], float], b: tuple[dict[Term, float], float]) -> float:
    (va, la), (vb, lb) = a, b
    dot = sum(v * vb[t] for t, v in va.items() if t in vb)
    norm = la * lb
    return dot / norm if norm else 0.0


_CHUNK = 64
"""News items per task of the worker processes."""


def _policies_of(pages: list[LinkPage]) -> dict[Term, list[str]]:
    """Term → the policy pages using it (the index candidates are found through)."""
    policies_of: dict[Term, list[str]] = defaultdict(list)
    for page in pages:
        if isinstance(page.item, Policy):
            for term in page.counts:
                if term.scope is None:
                    policies_of[term].append(page.path)
    return policies_of


def _candidates(news: LinkPage, policies_of: dict[Term, list[str]], members: dict[Term, frozenset[str]], limit: int,
                events: set[Term], weights: dict[Term, float]) -> list[str]:
    """Policy pages sharing two terms with the news item, or an event (through the term → pages
    index, terms on more than ``limit`` pages left out): the :data:`CANDIDATES` whose shared terms
    weigh most. Shared terms are counted in C (``Counter.update``); the weights are summed, term by
    term in the item's order, only for the pages that pass."""
    shared: Counter[str] = Counter()
    terms = []
    for term in news.counts:
        partners = policies_of.get(term, ())
        if term.scope is not None or len(partners) > limit:
            continue
        terms.append((term, partners))
        shared.update(partners)
        if term in events:
            shared.update(partners)
    passing = dict.fromkeys((p for p, count in shared.items() if count >= 2), 0.0)
    if not passing:
        return []
    for term, partners in terms:
        weight = weights[term]
        if len(partners) < len(passing):
            for policy in partners:
                if policy in passing:
                    passing[policy] += weight
        else:
            using = members[term]
            for policy in passing:
                if policy in using:
                    passing[policy] += weight
    found = sorted(sorted(passing), key=passing.__getitem__, reverse=True)  # heaviest first, then by path (a stable sort)
    return found[:CANDIDATES]
