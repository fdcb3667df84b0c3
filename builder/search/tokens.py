"""Tokens of the search index: Han bigrams, Latin/digit words and 发文字号 keys.

The browser client (``builder/theme/assets/briefing-search/search.js``) implements the same rules;
``tests/test_search_tokens.py`` pins both to the same examples.

- Text is normalised character by character: NFKC (full-width digits and letters become ASCII),
  then lower case.
- A *unit* is one Han character or one run of ASCII letters/digits. Any other character
  (punctuation, space) ends a run of units.
- Tokens: every Latin/digit unit alone (``qflp``, ``2023``) and every pair of adjacent units
  (``专利``, ``2023年``, ``年10``). Han characters alone are not indexed.
- 发文字号 keys: ``#国办发|2023|37`` and ``#国办发||37`` for each trailing part (≥ 2 characters)
  of the issuing body's code, so 国办发〔2023〕37号, 国办发[2023]37号, 国办发2023年37号 and 国办发37号
  all meet the same key.
- Name keys: ``=`` + the units of a glossary term or alias, so a query that is exactly a term finds
  its own page first.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from typing import Callable, Iterator

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNIT = re.compile(f"[{HAN}]|[a-z0-9]+")
_DOCNUM = re.compile(
    f"([{HAN}]+)\\s*[\\[〔【(]?\\s*((?:19|20)\\d{{2}})\\s*[\\]〕】)]?\\s*年?\\s*第?\\s*(\\d{{1,5}})\\s*号"
)
_DOCNUM_AT = re.compile(_DOCNUM.pattern.replace("]+)", "]++)", 1))
""":data:`_DOCNUM` without backtracking into the body's code: what follows the code is never Han,
so a shorter code never matches where the whole one does not."""
_HAN_RUN = re.compile(f"[{HAN}]+")
_RUN = re.compile(f"[{HAN}a-z0-9]+")
"""A run of adjacent units: every pair in it is a bigram."""
_LATIN = re.compile("[a-z0-9]")
_DOCNUM_NO_YEAR = re.compile(f"([{HAN}]{{2,}})\\s*第?\\s*(\\d{{1,5}})\\s*号")
MAX_CODE = 8
"""Longest trailing part of an issuing-body code that gets a key (京政办发 is 4)."""


_CHANGED: dict[int, str] = {}
_SEEN: set[str] = set()
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def normalize(text: str) -> str:
    """NFKC and lower case, character by character (as the client does)."""
    if _ASTRAL.search(text):
        return _normalize_chars(text)
    changing, replace = _changes()
    return changing.sub(replace, text)


def _normalize_chars(text: str) -> str:
    new = set(text) - _SEEN
    for ch in new:
        norm = unicodedata.normalize("NFKC", ch).lower()
        if norm != ch:
            _CHANGED[ord(ch)] = norm
    _SEEN.update(new)
    return text.translate(_CHANGED)


@functools.cache
def _changes() -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    """Runs of the BMP characters that normalising changes, and what replaces such a run."""
    bmp = (chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    _normalize_chars("".join(c for c in bmp if not unicodedata.is_normalized("NFKC", c) or c.lower() != c))
    table = dict(_CHANGED)
    ranges, start, end = [], None, -1
    for code in sorted(table) + [-1]:
        if start is not None and code == end + 1:
            end = code
            continue
        if start is not None:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(end)) if end > start else ""))
        start = end = code
    return re.compile(f"[{''.join(ranges)}]+"), lambda m: m.group().translate(table)


def units(text: str) -> list[tuple[str, int, int]]:
    """(unit, start, end) in already normalised text."""
    return [(m.group(), m.start(), m.end()) for m in _UNIT.finditer(text)]


def text_tokens(text: str) -> list[str]:
    """Word and bigram tokens of normalised text, in order, with repeats."""
    out: list[str] = []
    for run in _RUN.findall(text):
        if _LATIN.search(run) is None:  # Han only: its bigrams
            out += map(operator.add, run, run[1:])
        else:
            out += _mixed_tokens(_UNIT.findall(run))
    return out


def _mixed_tokens(found: list[str]) -> list[str]:
    """Tokens of adjacent units: each word alone, then each pair."""
    out = [] if _is_han(found[0]) else [found[0]]
    for prev, unit in zip(found, found[1:]):
        if not _is_han(unit):
            out.append(unit)
        out.append(prev + unit)
    return out


def docnum_tokens(text: str) -> list[str]:
    """发文字号 keys of normalised document text: with the year and without it."""
    out: list[str] = []
    if "号" not in text:
        return out
    for m in _docnum_matches(text):
        code, year, num = m.group(1), m.group(2), str(int(m.group(3)))
        for size in range(2, min(len(code), MAX_CODE) + 1):
            part = code[-size:]
            out += [f"#{part}|{year}|{num}", f"#{part}||{num}"]
    return out


def _docnum_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_DOCNUM.finditer`` finds, trying each run of Han characters once.

    A match starts where a run starts (or where the previous match ended, inside a run): from
    any later point of the run the same rest would follow, so one attempt per run is enough.
    """
    pos = 0
    for run in _HAN_RUN.finditer(text):
        start = max(run.start(), pos)
        if start < run.end():
            m = _DOCNUM_AT.match(text, start)
            if m:
                pos = m.end()
                yield m


def docnum_query_tokens(text: str) -> list[str]:
    """The key a query's 发文字号 is looked up by, in any of the forms readers type."""
    m = _DOCNUM.search(text)
    if m:
        return [f"#{m.group(1)[-MAX_CODE:]}|{m.group(2)}|{int(m.group(3))}"]
    m = _DOCNUM_NO_YEAR.search(text)
    if m:
        return [f"#{m.group(1)[-MAX_CODE:]}||{int(m.group(2))}"]
    return []


def name_token(name: str) -> str:
    """The exact-name key of a term or alias: its units joined."""
    return "=" + "".join(u for u, _s, _e in units(normalize(name)))


def _is_han(unit: str) -> bool:
    return len(unit) == 1 and not unit.isascii()


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units (what JavaScript's charCodeAt gives)."""
    h = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h
