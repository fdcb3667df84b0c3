"""Longest-match finder for glossary forms in running Chinese text.

Chinese has no spaces, so word-boundary matching (Python-Markdown's ``abbr``) finds nothing in
``推动北交所上市``. The matcher here scans character by character and takes the longest known form at
each position (知识产权质押融资 before 知识产权); Latin forms (QFLP, PE) must not touch other Latin
letters or digits.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, MutableMapping, Sequence
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
    (times the length of the longest form), however many forms there are. :meth:`extended` adds a
    page's own forms on top without copying the shared trie, and an optional ``memo`` (kept by the
    build between runs) returns the matches of a text this set of forms has already searched.
    """

    def __init__(self, forms: Mapping[str, Any], *, memo: MutableMapping[tuple, tuple] | None = None,
                 _base: TermMatcher | None = None) -> None:
        """``forms`` maps each surface form to what it stands for (a term)."""
        self._base = _base
        self._root: dict[Any, Any] = {}
        self._forms: dict[str, Any] = {} if _base is None else dict(_base._forms)
        for form, key in forms.items():
            if len(form) >= MIN_FORM:
                node = self._root
                for ch in form:
                    node = node.setdefault(ch, {})
                node[_END] = (form, key)
                self._forms[form] = key
        firsts = {k for k in self._root if k is not _END} | (_base._firsts if _base else set())
        self._firsts = firsts
        self._first = re.compile(f"[{re.escape(''.join(sorted(firsts)))}]") if firsts else None
        self._memo = memo if _base is None else _base._memo
        self._digest = hashlib.sha256(((_base._digest if _base else b"") + "\0".join(sorted(
            f"{len(f)}:{f}" for f in forms if len(f) >= MIN_FORM)).encode())).digest()[:16]

    def extended(self, forms: Mapping[str, Any]) -> TermMatcher:
        """These forms as well (a form also in this matcher stands for the new key)."""
        return TermMatcher(forms, _base=self) if forms else self

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Match]:
        """Non-overlapping matches, longest first at each position, outside the ``skip`` ranges."""
        ranges = sorted(skip)
        if self._memo is None:
            return self._find(text, ranges)
        key = (self._digest, hashlib.sha256(text.encode()).digest()[:16], tuple(ranges))
        found = self._memo.get(key)
        if found is None:
            matches = self._find(text, ranges)
            self._memo[key] = tuple((m.start, m.end) for m in matches)
            return matches
        return [Match(start, end, self._forms[text[start:end]]) for start, end in found]

    def _find(self, text: str, ranges: list[tuple[int, int]]) -> list[Match]:
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

    def _ends(self, text: str, i: int) -> list[tuple[str, Any]]:
        """Forms of this trie (and of the tries below it) that start at ``i``, shortest first; of
        two equal forms, this trie's."""
        node, ends = self._root, []
        for j in range(i, len(text)):
            node = node.get(text[j])
            if node is None:
                break
            if _END in node:
                ends.append(node[_END])
        if self._base is None:
            return ends
        mine = {form for form, _ in ends}
        return sorted(ends + [e for e in self._base._ends(text, i) if e[0] not in mine], key=lambda e: len(e[0]))

    def _match_at(self, text: str, i: int) -> Match | None:
        for form, key in reversed(self._ends(text, i)):
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
