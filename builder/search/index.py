"""The inverted index: token → pages → fields/sections with term frequency, packed as text.

Field numbers inside a page: 0 the title field, 1 the index-only keywords, 2… the body sections
in page order. A posting list is a string of base-64 varints (5 bits a character, 32 = "more"):
for each page ``page_delta, section_count``, then per section ``section_delta * 4 + min(tf, 4) - 1``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .fields import PageRecord
from .tokens import docnum_tokens, name_token, normalize, text_tokens

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
TITLE, KEYWORDS, BODY = 0, 1, 2
TF_CAP = 4


@dataclass
class Index:
    """Postings of every token: {token: {page: {field: tf}}}."""

    postings: dict[str, dict[int, dict[int, int]]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, page: int, slot: int, tokens: list[str]) -> None:
        for token, tf in Counter(tokens).items():
            self.postings[token].setdefault(page, {})[slot] = tf


def field_tokens(text: str) -> list[str]:
    """All tokens of a piece of page text: words, bigrams and 发文字号 keys."""
    norm = normalize(text)
    return text_tokens(norm) + docnum_tokens(norm)


def build_index(records: list[PageRecord]) -> Index:
    """Index every field of every page (page numbers are positions in ``records``)."""
    index = Index()
    for number, record in enumerate(records):
        names = [name_token(n) for n in record.names]
        index.add(number, TITLE, field_tokens(record.title_field) + names)
        index.add(number, KEYWORDS, field_tokens(record.keywords))
        for slot, section in enumerate(record.sections, start=BODY):
            index.add(number, slot, field_tokens(section.heading + "\n" + section.text))
    return index


def _varint(value: int) -> str:
    out = []
    while True:
        low, value = value & 31, value >> 5
        out.append(ALPHABET[low + (32 if value else 0)])
        if not value:
            return "".join(out)


_SMALL = [_varint(v) for v in range(4096)]


def varint(value: int) -> str:
    """One number as base-64 characters, low 5 bits first; a character ≥ 32 means more follow."""
    return _SMALL[value] if value < 4096 else _varint(value)


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
