"""Cross-references between items: cited documents and policies named in news.

A policy's citation (``《…》（财金〔2022〕72号）`` or a bare 发文字号) links to the cited policy's page
when the archive holds it; a news item that names a policy by its title or 发文字号 links there too.
"""

from __future__ import annotations

from ..glossary import TermMatcher
from ..model import Citation, NewsItem, Policy
from ..read.rules import title_key
from .text import LinkPage, LinkTable, TextLink

_MIN_MENTION = 8
"""Shortest title that counts as a mention when a news item quotes it."""
_MIN_NUMBER = 6
"""Shortest 发文字号 form that counts as a mention."""


def policy_names(policy: Policy) -> list[str]:
    """Every title the policy is known by, as shown and as written."""
    names = policy.titles() + [policy.title_raw] + ([policy.attachment.title_raw] if policy.attachment else [])
    return list(dict.fromkeys(names))


def _policy_keys(pages: list[LinkPage]) -> dict[str, LinkPage]:
    """Normalised 发文字号 and title keys → the policy's page (the oldest when several share one)."""
    keys: dict[str, LinkPage] = {}
    for page in pages:
        if not isinstance(page.item, Policy):
            continue
        number = page.item.doc_number
        if number and number.normalized:
            keys.setdefault(number.normalized, page)
        for title in policy_names(page.item):
            keys.setdefault(title_key(title), page)
    return keys


def link_citations(pages: list[LinkPage], links: LinkTable) -> dict[Citation, Policy]:
    """Resolve every citation to a policy of the archive; link its text. Returns the resolved ones."""
    keys = _policy_keys(pages)
    cited: dict[Citation, Policy] = {}
    for page in pages:
        if not isinstance(page.item, Policy):
            continue
        for citation in page.item.citations:
            target = keys.get(citation.doc_number or "") or keys.get(title_key(citation.title or ""))
            if target is not None and target is not page:
                cited[citation] = target.item
                links.add_text(page.blocks(), citation.raw, target.path, "")
    return cited


def link_mentions(pages: list[LinkPage], links: LinkTable) -> set[tuple[str, str]]:
    """Link the places where a news item names a policy by title or 发文字号; returns the (news, policy) paths.

    All titles and numbers go into one matcher, so each news text is scanned once however large the archive.
    """
    forms: dict[str, LinkPage] = {}
    for page in pages:
        if isinstance(page.item, Policy):
            for needle in _needles(page.item):
                forms.setdefault(needle, page)
    matcher = TermMatcher(forms)
    named = set()
    for news in (p for p in pages if isinstance(p.item, NewsItem)):
        for block in news.blocks():
            for match in matcher.find(block.text):
                policy = match.key
                if links.add(block, TextLink(match.start, match.end, policy.path, policy.item.title)):
                    named.add((news.path, policy.path))
    return named


def _needles(policy: Policy) -> list[str]:
    needles = [t for t in policy_names(policy) if len(t) >= _MIN_MENTION]
    number = policy.doc_number
    if number:
        needles += sorted(n for n in {number.normalized, number.raw} if n and len(n) >= _MIN_NUMBER)
    return needles
