"""Longest-match finder for glossary forms in running Chinese text.

Chinese has no spaces, so word-boundary matching (Python-Markdown's ``abbr``) finds nothing in
``推动北交所上市``. The matcher here scans character by character and takes the longest known form at
each position (知识产权质押融资 before 知识产权); Latin forms (QFLP, PE) must not touch other Latin
letters or digits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_LATIN = re.compile(r"[A-Za-z0-9]")
MIN_FORM = 2
"""Shortest form that is matched in running text (one character would match everywhere)."""


@dataclass(frozen=True)
class Match:
    """A form found in a text."""

    start: int
    end: int
    key: Any
    """What the form stands for (the term)."""


class TermMatcher:
    """Longest-match finder for term forms in running Chinese text."""

    def __init__(self, forms: Mapping[str, Any]) -> None:
        """``forms`` maps each surface form to what it stands for (a term)."""
        self._by_first: dict[str, list[tuple[str, Any]]] = {}
        for form, key in forms.items():
            if len(form) >= MIN_FORM:
                self._by_first.setdefault(form[0], []).append((form, key))
        for bucket in self._by_first.values():
            bucket.sort(key=lambda pair: (-len(pair[0]), pair[0]))

    def find(self, text: str, skip: list[tuple[int, int]] = ()) -> list[Match]:
        """Non-overlapping matches, longest first at each position, outside the ``skip`` ranges."""
        out, i = [], 0
        while i < len(text):
            hit = None if _inside(i, skip) else self._match_at(text, i)
            if hit and not any(a < hit.end and hit.start < b for a, b in skip):
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _match_at(self, text: str, i: int) -> Match | None:
        for form, key in self._by_first.get(text[i], ()):
            if text.startswith(form, i) and _latin_bounded(text, i, i + len(form), form):
                return Match(i, i + len(form), key)
        return None


def _inside(i: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in ranges)


def _latin_bounded(text: str, start: int, end: int, form: str) -> bool:
    """A form that starts or ends with a Latin letter must not continue a Latin word (PE in OPEN)."""
    if _LATIN.match(form[0]) and start > 0 and _LATIN.match(text[start - 1]):
        return False
    if _LATIN.match(form[-1]) and end < len(text) and _LATIN.match(text[end]):
        return False
    return True
