"""Longest-match finder for glossary forms in running Chinese text.

Chinese has no spaces, so word-boundary matching (Python-Markdown's ``abbr``) finds nothing in
``推动北交所上市``. The matcher here takes the longest known form at each position (知识产权质押融资
before 知识产权); Latin forms (QFLP, PE) must not touch other Latin letters or digits.
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

    The shared forms are compiled into one regular expression shaped like a character trie
    (``金融(?:科技|)``: at each character the longer continuation is tried first), so the search runs
    in the regular-expression engine and Python sees only the matches, however many forms there
    are. :meth:`extended` adds a page's own few forms on top without compiling anything again.
    """

    def __init__(self, forms: Mapping[str, Any], *, _base: TermMatcher | None = None) -> None:
        """``forms`` maps each surface form to what it stands for (a term)."""
        kept = {form: key for form, key in forms.items() if len(form) >= MIN_FORM}
        self._forms: dict[str, Any] = kept if _base is None else {**_base._forms, **kept}
        """Every form this matcher finds → its key (a page's own form over a shared one)."""
        self._local = {**_base._local, **kept} if _base is not None else {}
        """The forms added by :meth:`extended` (found by their occurrences, not by the pattern)."""
        self._pattern = _trie_pattern(kept) if _base is None else _base._pattern

    def extended(self, forms: Mapping[str, Any]) -> TermMatcher:
        """These forms as well (a form also in this matcher stands for the new key)."""
        return TermMatcher(forms, _base=self) if forms else self

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Match]:
        """Non-overlapping matches, longest first at each position, outside the ``skip`` ranges.

        Left to right: the next position where some form matches (shared forms by the compiled
        pattern, a page's own forms by their occurrences), the longest form there."""
        ranges = sorted(skip)
        local = _occurrences(text, self._local)
        if not ranges and not local:  # the common case: the pattern's own non-overlapping matches
            forms = self._forms
            return [Match(m.start(), m.end(), forms[m.group()]) for m in self._pattern.finditer(text)] if self._pattern else []
        out: list[Match] = []
        shared: re.Match[str] | None = None
        i = k = n = 0
        while True:
            if self._pattern is not None and (shared is None or shared.start() < i):
                shared = self._pattern.search(text, i)
            while n < len(local) and local[n][0] < i:
                n += 1
            starts = ([shared.start()] if shared else []) + ([local[n][0]] if n < len(local) else [])
            if not starts:
                break
            at = min(starts)
            while k < len(ranges) and ranges[k][1] <= at:
                k += 1
            if k < len(ranges) and ranges[k][0] <= at:
                i = ranges[k][1]
                continue
            hit = self._longest(text, at, shared if shared and shared.start() == at else None, local, n)
            if hit and (k == len(ranges) or hit.end <= ranges[k][0]):
                out.append(hit)
                i = hit.end
            else:
                i = at + 1
        return out

    def _longest(self, text: str, at: int, shared: re.Match[str] | None, local: list[tuple[int, str]], n: int) -> Match | None:
        """The longest form at ``at``: the shared pattern's match or one of the page's own forms."""
        best = shared.group() if shared else ""
        while n < len(local) and local[n][0] == at:
            form = local[n][1]
            if len(form) >= len(best) and _latin_bounded(text, at, at + len(form), form):
                best = form
            n += 1
        return Match(at, at + len(best), self._forms[best]) if best else None


def _occurrences(text: str, forms: Mapping[str, Any]) -> list[tuple[int, str]]:
    """(position, form) of every occurrence of the forms in ``text``, by position."""
    found = []
    for form in forms:
        at = text.find(form)
        while at >= 0:
            found.append((at, form))
            at = text.find(form, at + 1)
    return sorted(found)


def _trie_pattern(forms: Mapping[str, Any]) -> re.Pattern[str] | None:
    """One pattern for all forms, shaped like their character trie; a form that starts (ends) with a
    Latin letter or digit carries a look-behind (look-ahead) so that it does not continue a Latin
    word (PE in OPEN)."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = True
    if not root:
        return None

    def branch(node: dict[str, Any], last: str) -> str:
        alternatives = [re.escape(ch) + branch(child, ch) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alternatives.append(_NOT_LATIN_AHEAD if _LATIN.match(last) else "")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    firsts = [re.escape(ch) + (_NOT_LATIN_BEFORE_FIRST if _LATIN.match(ch) else "") + branch(child, ch)
              for ch, child in sorted(root.items())]
    return re.compile("|".join(firsts))


_NOT_LATIN_AHEAD = "(?![A-Za-z0-9])"
_NOT_LATIN_BEFORE_FIRST = "(?<![A-Za-z0-9][\\s\\S])"
"""After a form's first character: the character before it is not a Latin letter or digit (checked
after the first character, so that every branch starts with a literal and the engine can skip to
the characters that start a form)."""


def _latin_bounded(text: str, start: int, end: int, form: str) -> bool:
    """A form that starts or ends with a Latin letter must not continue a Latin word (PE in OPEN)."""
    if _LATIN.match(form[0]) and start > 0 and _LATIN.match(text[start - 1]):
        return False
    if _LATIN.match(form[-1]) and end < len(text) and _LATIN.match(text[end]):
        return False
    return True
