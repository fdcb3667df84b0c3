"""The inverted index: token → pages → fields/sections with term frequency, packed as text.

Field numbers inside a page: 0 the title field, 1 the index-only keywords, 2… the body sections
in page order. A posting list is a string of base-64 varints (5 bits a character, 32 = "more"):
for each page ``page_delta, section_count``, then per section ``section_delta * 4 + min(tf, 4) - 1``.

Everything after a page's ``page_delta`` depends on that page alone, so each page's part is made
once (:func:`page_postings`, cached with the page) and the lists are joined for the whole site
(``merge.py``), where only the page deltas are new.
"""

from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass
from itertools import filterfalse, repeat
from typing import Iterable

from .fields import PageRecord
from .tokens import docnum_tokens, name_token, normalize, text_tokens

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
TITLE, KEYWORDS, BODY = 0, 1, 2
TF_CAP = 4


@dataclass
class PagePostings:
    """One page's part of every posting list it is in: ``section_count`` and the section codes."""

    tokens: str
    """The page's tokens, space-separated (tokens hold no spaces)."""
    codes: str
    """For each token, its varint string after the page delta; space-separated, same order."""

    def pairs(self) -> Iterable[tuple[str, str]]:
        return zip(self.tokens.split(" "), self.codes.split(" ")) if self.tokens else ()


def field_tokens(text: str) -> list[str]:
    """All tokens of a piece of page text: words, bigrams and 发文字号 keys."""
    norm = normalize(text)
    return text_tokens(norm) + docnum_tokens(norm)


def record_fields(record: PageRecord) -> list[list[str]]:
    """The tokens of each field of a page, by field number."""
    names = [name_token(n) for n in record.names]
    return [field_tokens(record.title_field) + names, field_tokens(record.keywords),
            *(field_tokens(section.heading + "\n" + section.text) for section in record.sections)]


def page_postings(record: PageRecord) -> PagePostings:
    """The page's part of its posting lists, tokens in the order first met.

    Works field by field with dictionary and set operations: Python code runs only for the
    tokens that are in more than one field.
    """
    first: dict[str, int] = {}
    more: dict[str, list[int]] = {}
    fields = record_fields(record)
    for slot, tokens in enumerate(fields):
        counts = Counter(tokens)
        codes = dict(zip(counts, map(_tf_codes(slot).__getitem__, map(_capped(counts).__getitem__, counts.values()))))
        for token in codes.keys() & first.keys():
            found = more.get(token)
            if found is None:
                more[token] = [first[token], codes[token]]
            else:
                found.append(codes[token])
        new = list(filterfalse(first.__contains__, codes))
        first.update(zip(new, map(codes.__getitem__, new)))
    small = varints(len(fields) * TF_CAP)
    encoded = dict(zip(first, map(_one_section(len(fields) * TF_CAP).__getitem__, first.values())))
    for token, codes in more.items():
        if len(codes) == 2:
            encoded[token] = small[2] + small[codes[0]] + small[codes[1] - (codes[0] & -TF_CAP)]
        else:
            lasts = [0, *map(operator.and_, codes[:-1], repeat(-TF_CAP))]
            encoded[token] = small[len(codes)] + "".join(map(small.__getitem__, map(operator.sub, codes, lasts)))
    return PagePostings(" ".join(encoded), " ".join(encoded.values()))


_TF_CODES: list[list[int]] = []


def _tf_codes(slot: int) -> list[int]:
    """By ``min(tf, 4)``: the code ``slot * 4 + min(tf, 4) - 1`` of a token in field ``slot``."""
    while len(_TF_CODES) <= slot:
        base = len(_TF_CODES) * TF_CAP - 1
        _TF_CODES.append([base + tf for tf in range(TF_CAP + 1)])
    return _TF_CODES[slot]


_CAPPED = [min(tf, TF_CAP) for tf in range(256)]


def _capped(counts: Counter[str]) -> list[int]:
    """By term frequency (at least up to the highest in ``counts``): ``min(tf, 4)``."""
    top = max(counts.values(), default=0)
    if top >= len(_CAPPED):
        _CAPPED.extend([TF_CAP] * (top + 1 - len(_CAPPED)))
    return _CAPPED


def _one_section(count: int) -> list[str]:
    """By ``section * 4 + min(tf, 4) - 1`` (at least up to ``count``): the page part of a token
    in one section only."""
    if count > len(_ONE_SECTION):
        small = varints(count)
        _ONE_SECTION.extend(small[1] + small[v] for v in range(len(_ONE_SECTION), count))
    return _ONE_SECTION


def _varint(value: int) -> str:
    out = []
    while True:
        low, value = value & 31, value >> 5
        out.append(ALPHABET[low + (32 if value else 0)])
        if not value:
            return "".join(out)


_SMALL = [_varint(v) for v in range(4096)]
_ONE_SECTION = [_SMALL[1] + v for v in _SMALL]
"""The codes of a token in one section only, by ``section * 4 + min(tf, 4) - 1``."""


def varints(count: int) -> list[str]:
    """The varints of 0 … count - 1 (at least 0 … 4095), by value."""
    if count > len(_SMALL):
        _SMALL.extend(_varint(v) for v in range(len(_SMALL), count))
    return _SMALL


def varint(value: int) -> str:
    """One number as base-64 characters, low 5 bits first; a character ≥ 32 means more follow."""
    return _SMALL[value] if value < len(_SMALL) else _varint(value)


def encode_postings(pages: dict[int, dict[int, int]]) -> str:
    """A posting list as a varint string (see the module docstring)."""
    out, last_page = [], 0
    for page in sorted(pages):
        slots = pages[page]
        out += [varint(page - last_page), varint(len(slots))]
        last_slot = 0
        for slot in sorted(slots):
            out.append(varint((slot - last_slot) * TF_CAP + min(slots[slot], TF_CAP) - 1))
            last_slot = slot
        last_page = page
    return "".join(out)


def decode_postings(data: str) -> dict[int, dict[int, int]]:
    """Inverse of :func:`encode_postings` (tests and tools; the browser has its own)."""
    numbers, value, shift = [], 0, 0
    for ch in data:
        digit = ALPHABET.index(ch)
        value |= (digit & 31) << shift
        shift += 5
        if digit < 32:
            numbers.append(value)
            value, shift = 0, 0
    pages: dict[int, dict[int, int]] = {}
    it, page = iter(numbers), 0
    for delta in it:
        page += delta
        slot, slots = 0, {}
        for _ in range(next(it)):
            code = next(it)
            slot += code // TF_CAP
            slots[slot] = code % TF_CAP + 1
        pages[page] = slots
    return pages
