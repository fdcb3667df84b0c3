"""Longest-match finder for glossary forms in running Chinese text.

Chinese has no spaces, so word-boundary matching (Python-Markdown's ``abbr``) finds nothing in
``推动北交所上市``. The matcher here scans character by character and takes the longest known form at
each position (知识产权质押融资 before 知识产权); Latin forms (QFLP, PE) must not touch other Latin
letters or digits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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
    """Longest-match finder for term forms in running Chinese text.

    The forms are kept in a character trie, so finding them costs time in proportion to the text
    (times the length of the longest form), however many forms there are.
    """

    def __init__(self, forms: Mapping[str, Any]) -> None:
        """``forms`` maps each surface form to what it stands for (a term)."""
        self._root: dict[Any, Any] = {}
        for form, key in forms.items():
            if len(form) >= MIN_FORM:
                node = self._root
                for ch in form:
                    node = node.setdefault(ch, {})
                node[_END] = (form, key)
        firsts = "".join(sorted(k for k in self._root if k is not _END))
        self._first = re.compile(f"[{re.escape(firsts)}]") if firsts else None

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Match]:
        """Non-overlapping matches, longest first at each position, outside the ``skip`` ranges."""
        ranges = sorted(skip)
        out: list[Match] = []
        i = k = 0
        while i < len(text):
            candidate = self._first.search(text, i) if self._first else None
            if candidate is None:
                break
            i = candidate.start()
            while k < len(ranges) and ranges[k][1] <= i:
                k += 1
            if k < len(ranges) and ranges[k][0] <= i:
                i = ranges[k][1]
                continue
            hit = self._match_at(text, i)
            if hit and (k == len(ranges) or hit.end <= ranges[k][0]):
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _match_at(self, text: str, i: int) -> Match | None:
        node, ends = self._root, []
        for j in range(i, len(text)):
            node = node.get(text[j])
            if node is None:
                break
            if _END in node:
                ends.append(node[_END])
        for form, key in reversed(ends):
            if _latin_bounded(text, i, i + len(form), form):
                return Match(i, i + len(form), key)
        return None


_END = None
"""Trie key that marks the end of a form."""


def _latin_bounded(text: str, start: int, end: int, form: str) -> bool:
    """A form that starts or ends with a Latin letter must not continue a Latin word (PE in OPEN)."""
    if _LATIN.match(form[0]) and start > 0 and _LATIN.match(text[start - 1]):
        return False
    if _LATIN.match(form[-1]) and end < len(text) and _LATIN.match(text[end]):
        return False
    return True
