"""The glossary: curated entries (``curated``), terms built from them and from the short names the
bulletins define (``terms``), and the longest-match finder for Chinese text (``matcher``).
The link stage finds each term's uses (:mod:`builder.link.terms`); :mod:`builder.render.glossary`
renders its pages.
"""

from __future__ import annotations

from .curated import CuratedEntry, load_curated
from .matcher import TermMatcher
from .terms import DefinitionSite, Term, build_terms

__all__ = ["CuratedEntry", "DefinitionSite", "Term", "TermMatcher", "build_terms", "load_curated"]
