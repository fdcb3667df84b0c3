"""Link stage: parsed issues → one immutable ``Archive``, everything that needs the whole archive.

In order: sort the issues and refuse two that would share a folder; build the glossary terms;
give every page, heading and term its address; resolve citations and news mentions of policies;
find glossary terms in the running text; relate news and policies. The parsed model is not changed:
links, addresses and relations are tables of the ``Archive``, keyed by the model's objects.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..caches import builder_version
from ..glossary import CuratedEntry, Term, build_terms
from ..glossary.terms import short_name_warnings
from ..model import Block, Citation, Diagnostic, Issue, Item, Policy, Severity
from .addresses import Addresses, assign_addresses
from .citations import link_citations, link_mentions
from .related import relate
from .terms import TermUse, link_terms
from .text import LinkPage, LinkTable, Memo, TextLink

_PART_ORDER = {None: 0, "上": 1, "中": 2, "下": 3}


@dataclass(frozen=True)
class Archive:
    """Every issue, linked: the input of the render and publish stages."""

    issues: tuple[Issue, ...]
    """Newest first."""
    addresses: Addresses
    """Where every page, heading and term lives."""
    terms: tuple[Term, ...]
    """The glossary: curated and extracted terms."""
    links: Mapping[Block, tuple[TextLink, ...]]
    """Links inside running text (glossary terms, cited and named policies), sorted, never overlapping."""
    cited: Mapping[Citation, Policy]
    """Citations whose document is in the archive."""
    related: Mapping[Item, tuple[Item, ...]]
    """News ↔ policy relations, strongest first."""
    uses: Mapping[Term, tuple[TermUse, ...]]
    """Pages that use each term, most uses first."""
    diagnostics: tuple[Diagnostic, ...]
    """What the link stage reported."""

    def links_in(self, block: Block) -> tuple[TextLink, ...]:
        return self.links.get(block, ())

    def related_to(self, item: Item) -> tuple[Item, ...]:
        return self.related.get(item, ())

    def uses_of(self, term: Term) -> tuple[TermUse, ...]:
        return self.uses.get(term, ())

    def neighbours(self, issue: Issue) -> tuple[Issue | None, Issue | None]:
        """The issue before ``issue`` (older) and the one after it (newer) in the archive's order."""
        at = self._positions[id(issue)]
        older = self.issues[at + 1] if at + 1 < len(self.issues) else None
        return older, self.issues[at - 1] if at > 0 else None

    @functools.cached_property
    def _positions(self) -> dict[int, int]:
        return {id(issue): k for k, issue in enumerate(self.issues)}

    @functools.cached_property
    def term_pages(self) -> dict[str, Term]:
        """Page path of each glossary term that has a page → the term."""
        return {self.addresses.term(t): t for t in self.terms if t.scope is None}

    def items(self) -> list[Item]:
        """Every item, issue by issue (newest issue first), in source order within an issue."""
        return [item for issue in self.issues for item in issue.items()]


def link_archive(issues: Sequence[Issue], curated: Sequence[CuratedEntry] = (), glossary_file: str = "seeds/glossary.yaml",
                 jobs: int = 1, memo: Memo | None = None) -> Archive:
    """Order the issues, then resolve addresses, citations, glossary terms and related items (the
    search for terms and related items spread over up to ``jobs`` processes; 0: one per core; with
    a ``memo``, what an earlier build found on unchanged pages is taken from there)."""
    ordered = tuple(sorted(issues, key=_issue_key, reverse=True))
    oldest_first = [item for issue in reversed(ordered) for item in issue.items()]
    terms = build_terms(list(curated), glossary_file, oldest_first)
    addresses, problems = assign_addresses(ordered, terms)
    pages = [LinkPage.of(issue, item, addresses.item(item)) for issue in reversed(ordered) for item in issue.items()]
    links = LinkTable()
    cited = link_citations(pages, links)
    named = link_mentions(pages, links)
    digest = _terms_digest(terms, addresses) if memo is not None else b""
    uses = link_terms(terms, pages, links, addresses.term, jobs, memo, digest)
    related = relate(pages, terms, named, jobs, memo, digest)
    diagnostics = tuple(_duplicate_issues(ordered, addresses) + problems + short_name_warnings(terms))
    ordered_terms = tuple(sorted(terms, key=lambda t: (t.scope is not None, addresses.term(t) if t.scope is None else t.name)))
    return Archive(ordered, addresses, ordered_terms, links.freeze(), cited, related, uses, diagnostics)


def _terms_digest(terms: Sequence[Term], addresses: Addresses) -> bytes:
    """The glossary terms as the search for them and the relations see them (their order, forms,
    exclusions and the pages coining them), with the builder's version: the ``memo``'s part of every key."""
    described = [(t.name, t.aliases, t.full, t.not_within, t.curated, addresses.item(t.scope) if t.scope is not None else None)
                 for t in terms]
    return hashlib.blake2b(repr((builder_version(), described)).encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _issue_key(issue: Issue) -> tuple[int, int, str]:
    return (issue.number if issue.number is not None else -1, _PART_ORDER.get(issue.part, 0), issue.source)


def _duplicate_issues(ordered: tuple[Issue, ...], addresses: Addresses) -> list[Diagnostic]:
    found, seen = [], {}
    for issue in ordered:
        folder = addresses.issue_dirs[issue]
        if folder in seen:
            other = seen[folder]
            found.append(Diagnostic(issue.source, issue.title_span.start, Severity.ERROR, "duplicate-issue",
                                    f"{issue.name} is also in {other.source}: both would be written to {folder}/"))
        seen[folder] = issue
    return found
