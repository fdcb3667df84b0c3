"""Glossary terms: the curated entries plus the short names the bulletins define.

A short name a document coins for itself (《办法》, 种子基金) belongs to that document only: it is a
*scoped* term, matched on that document's page and nowhere else. A Latin abbreviation defined in
running text (``合格境外有限合伙人（QFLP）``) is a term of the whole archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic, Item, Severity, ShortName, SourceSpan
from .curated import CuratedEntry
from .matcher import MIN_FORM


@dataclass(frozen=True)
class DefinitionSite:
    """Where a bulletin defines a term."""

    item: Item
    """The news item or policy that holds the definition."""
    span: SourceSpan
    """Line of the definition."""
    text: str
    """The definition as written: full form and parenthesis (``北京证券交易所(以下简称北交所)``)."""


@dataclass(frozen=True, eq=False)
class Term:
    """A glossary entry: curated (``seeds/glossary.yaml``) or extracted from a bulletin."""

    name: str
    """Headword."""
    aliases: tuple[str, ...]
    """Other forms that mean the same (short names, abbreviations)."""
    definition: str | None
    """Plain-language definition (curated), or None for a bare extracted short name."""
    category: str | None
    """Curated category (资本市场, 信贷与融资 …); None for extracted terms."""
    curated: bool
    """From the curated glossary."""
    origin: SourceSpan
    """Where the term comes from: its glossary entry, or its first definition in a bulletin."""
    full: str | None = None
    """Full form, for an extracted short name (深创投 → 深圳市创新投资集团)."""
    scope: Item | None = None
    """The one document the term belongs to (a name the document coined), else None."""
    defined_at: tuple[DefinitionSite, ...] = ()
    """Definition sites found in the bulletins."""
    not_within: tuple[str, ...] = ()
    """Longer words in which a form of the term is not the term (from the curated entry)."""

    def forms(self) -> list[str]:
        """Every surface form that refers to this term in running text."""
        out = [self.name, *self.aliases] + ([self.full] if self.full else [])
        return [f for f in dict.fromkeys(out) if f]

    def hover(self) -> str:
        """Text shown when the pointer rests on a link to the term."""
        if self.definition:
            return f"{self.name}：{self.definition}"
        return f"{self.name}：{self.full}的简称" if self.full else self.name


@dataclass
class _Draft:
    """A term while definitions are still being collected."""

    name: str
    definition: str | None
    category: str | None
    curated: bool
    origin: SourceSpan
    aliases: list[str] = field(default_factory=list)
    full: str | None = None
    scope: Item | None = None
    sites: list[DefinitionSite] = field(default_factory=list)
    not_within: tuple[str, ...] = ()

    def forms(self) -> list[str]:
        return [f for f in dict.fromkeys([self.name, *self.aliases] + ([self.full] if self.full else [])) if f]

    def freeze(self) -> Term:
        return Term(self.name, tuple(self.aliases), self.definition, self.category, self.curated, self.origin,
                    self.full, self.scope, tuple(self.sites), self.not_within)


def build_terms(curated: list[CuratedEntry], glossary_file: str, items: list[Item]) -> tuple[Term, ...]:
    """Curated entries first, then each item's short names, in archive order (oldest first)."""
    drafts: list[_Draft] = []
    owners: dict[str, _Draft] = {}
    for entry in curated:
        draft = _Draft(entry.term, entry.definition, entry.category, True, SourceSpan(glossary_file, entry.line, entry.line),
                       list(entry.aliases), not_within=entry.not_within)
        drafts.append(draft)
        owners.update({form: draft for form in draft.forms()})
    for item in items:
        for name in item.short_names:
            if (draft := _add_short_name(owners, item, name)) is not None:
                drafts.append(draft)
    return tuple(d.freeze() for d in drafts)


def short_name_warnings(terms: tuple[Term, ...]) -> list[Diagnostic]:
    """A warning for each extracted short name too short to be linked in text."""
    return [Diagnostic(t.origin.file, t.origin.start, Severity.WARNING, "term-too-short",
                       f"the short name “{form}” has fewer than {MIN_FORM} characters: it is never linked in text")
            for t in terms if not t.curated for form in t.forms() if len(form) < MIN_FORM]


def _add_short_name(owners: dict[str, _Draft], item: Item, name: ShortName) -> _Draft | None:
    """Record a definition; returns the new term it creates, if any."""
    site = DefinitionSite(item, name.span, f"{name.full}{name.raw}")
    owner = owners.get(name.short) or owners.get(name.full)
    if owner is not None:
        owner.sites.append(site)
        return None
    if name.local:
        draft = _Draft(name.short, None, None, False, name.span, full=name.full, scope=item)
    else:
        draft = _Draft(name.full, None, None, False, name.span, aliases=[name.short])
        owners.update({form: draft for form in draft.forms()})
    draft.sites.append(site)
    return draft
