"""The glossary: curated entries from ``seeds/glossary.yaml`` and a matcher for Chinese text.

Chinese has no spaces, so word-boundary matching (Python-Markdown's ``abbr``) finds nothing in
``推动北交所上市``. The matcher here scans character by character and takes the longest known form at
each position (知识产权质押融资 before 知识产权); Latin forms (QFLP, PE) must not touch other Latin
letters or digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pypinyin import lazy_pinyin

from .errors import InputError
from .slugs import ascii_slug, short_hash

_KEYS = {"term", "aliases", "category", "definition"}
_LATIN = re.compile(r"[A-Za-z0-9]")
_MIN_FORM = 2


@dataclass(frozen=True)
class CuratedEntry:
    """One entry of ``seeds/glossary.yaml``."""

    term: str
    aliases: tuple[str, ...]
    category: str
    definition: str
    line: int
    """Line of the entry in the YAML file."""


def load_curated(path: Path, shown: str) -> list[CuratedEntry]:
    """Read and check the curated glossary; a malformed entry is an InputError with its line."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(shown, (mark.line + 1) if mark else 1, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    data = yaml.safe_load(text) or {}
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(shown, 1, "the glossary needs a top-level list named terms")
    lines = _entry_lines(root)
    out = [_entry(raw, shown, lines[k] if k < len(lines) else 1) for k, raw in enumerate(entries)]
    _check_unique(out, shown)
    return out


def _entry_lines(root: yaml.Node | None) -> list[int]:
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "terms" and isinstance(value, yaml.SequenceNode):
            return [node.start_mark.line + 1 for node in value.value]
    return []


def _entry(raw: object, shown: str, line: int) -> CuratedEntry:
    if not isinstance(raw, dict) or set(raw) != _KEYS:
        raise InputError(shown, line, f"a glossary entry needs exactly the keys {', '.join(sorted(_KEYS))}")
    aliases = raw["aliases"] or []
    if not all(isinstance(v, str) and v.strip() for v in [raw["term"], raw["category"], raw["definition"], *aliases]):
        raise InputError(shown, line, "term, category, definition and aliases must be non-empty text")
    return CuratedEntry(raw["term"].strip(), tuple(a.strip() for a in aliases), raw["category"].strip(), raw["definition"].strip(), line)


def _check_unique(entries: list[CuratedEntry], shown: str) -> None:
    seen: dict[str, CuratedEntry] = {}
    for entry in entries:
        for form in (entry.term, *entry.aliases):
            if form in seen and seen[form] is not entry:
                raise InputError(shown, entry.line, f"“{form}” is already used by the entry at line {seen[form].line}")
            seen[form] = entry


def term_slug(name: str, scope_prefix: str = "") -> str:
    """Pinyin of the headword (``beijingzhengquanjiaoyisuo``); long ones shortened with a hash."""
    slug = ascii_slug("".join(lazy_pinyin(name)))
    if not slug or len(slug) > 40:
        slug = f"{slug[:32].rstrip('-')}-{short_hash(name)}" if slug else f"t-{short_hash(name)}"
    return f"{scope_prefix}{slug}"


@dataclass(frozen=True)
class Match:
    """A form found in a text."""

    start: int
    end: int
    key: str
    """The term it refers to (its slug)."""


class TermMatcher:
    """Longest-match finder for term forms in running Chinese text."""

    def __init__(self, forms: dict[str, str]) -> None:
        """``forms`` maps each surface form to the slug of its term."""
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        for form, key in forms.items():
            if len(form) >= _MIN_FORM:
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


def jieba_user_dict(forms: list[str]) -> str:
    """A jieba user dictionary (``word freq tag``) so search keeps terms whole."""
    words = sorted({f for f in forms if len(f) >= _MIN_FORM and not re.search(r"\s", f)})
    return "".join(f"{w} 20000 nz\n" for w in words)
