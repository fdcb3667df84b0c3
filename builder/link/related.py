"""Related items: news ↔ policy pairs, ranked, each list cut to a few so pages do not grow."""

from __future__ import annotations

from collections.abc import Sequence

from ..glossary import Term
from ..model import Item, NewsItem, Policy
from .text import LinkPage

_EVENT_ENDINGS = ("会议", "大会", "论坛", "峰会", "交易会", "博览会")
"""A term whose name ends so is an event: items that both speak of it are related."""
_SHARED_TERMS_FOR_RELATED = 4
MAX_RELATED = 8
"""Related lists are cut to the strongest few so a page does not grow with the archive."""


def relate(pages: list[LinkPage], terms: Sequence[Term], named: set[tuple[str, str]]) -> dict[Item, tuple[Item, ...]]:
    """A news item and a policy are related when the item names the policy (title, 文号), both
    speak of the same event (中央金融工作会议), or they share several glossary terms."""
    policies = [p for p in pages if isinstance(p.item, Policy)]
    events = {t for t in terms if t.name.endswith(_EVENT_ENDINGS)}
    pairs: list[tuple[int, int, LinkPage, LinkPage]] = []  # (score, age, news, policy)
    for age, news in enumerate(p for p in reversed(pages) if isinstance(p.item, NewsItem)):
        for policy in policies:
            shared = {k for k in news.counts if k in policy.counts and k.scope is None}
            score = 1000 * ((news.path, policy.path) in named) + 100 * len(shared & events) + len(shared)
            if score >= 100 or len(shared) >= _SHARED_TERMS_FOR_RELATED:
                pairs.append((score, age, news, policy))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2].path, p[3].path))
    related: dict[Item, list[Item]] = {}
    for _, _, news, policy in pairs:
        for a, b in ((news, policy), (policy, news)):
            bucket = related.setdefault(a.item, [])
            if len(bucket) < MAX_RELATED:
                bucket.append(b.item)
    return {item: tuple(items) for item, items in related.items()}
