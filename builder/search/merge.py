"""Posting lists of the whole site from each page's part, made again only where pages changed.

A full merge walks every (page, token) pair. What it made is kept (:class:`Merged`: per token the
page numbers, the pages' parts and the encoded list) with the page keys it was made from. When
the pages already numbered keep their numbers (pages changed in place, the newest issue added),
the next build patches the lists of the tokens whose part changed, and encodes only those again.
"""

from __future__ import annotations

import logging
import operator
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, Sequence

from .index import PagePostings, varints
from .tokens import fnv1a

log = logging.getLogger(__name__)


@dataclass
class Merged:
    """The posting lists of one build and what they were made from."""

    urls: list[str]
    """Page number → URL."""
    keys: list[bytes]
    """Page number → the key of the page's entry."""
    numbers: dict[str, bytes] = field(default_factory=dict)
    """Token → its pages' numbers (``array("I")`` bytes, ascending)."""
    parts: dict[str, str] = field(default_factory=dict)
    """Token → each of its pages' part (:class:`~builder.search.index.PagePostings`), space-separated."""
    encoded: dict[str, str] = field(default_factory=dict)
    """Token → its posting list."""
    hashes: dict[str, int] = field(default_factory=dict)
    """Token → its FNV-1a hash, which picks its shard."""


def merge_all(urls: list[str], keys: list[bytes], pages: Sequence[PagePostings]) -> Merged:
    """Every token's posting list over the pages, numbered by their position."""
    lists: dict[str, list] = {}
    get = lists.get
    for number, page in enumerate(pages):
        for token, part in page.pairs():
            found = get(token)
            if found is None:
                lists[token] = [number, part]
            else:
                found.append(number)
                found.append(part)
    merged = Merged(urls, keys)
    for token, found in lists.items():
        _store(merged, token, array("I", found[0::2]), found[1::2])
    return merged


def patched(previous: Merged, urls: list[str], keys: list[bytes], pages: Sequence[PagePostings],
            old_page: Callable[[bytes], PagePostings | None]) -> Merged | None:
    """``previous`` brought up to date with the pages, or None when pages were renumbered.

    ``old_page`` gives the postings of an entry of the previous build by its key.
    """
    common = min(len(previous.urls), len(urls))
    if previous.urls[:common] != urls[:common]:
        return None
    changes: dict[str, dict[int, str | None]] = {}
    for number in range(max(len(previous.keys), len(keys))):
        old_key = previous.keys[number] if number < len(previous.keys) else None
        new_key = keys[number] if number < len(keys) else None
        if old_key == new_key:
            continue
        old = old_page(old_key) if old_key is not None else PagePostings("", "")
        if old is None:
            return None
        _page_changes(changes, number, dict(old.pairs()), dict(pages[number].pairs()) if new_key else {})
    if not changes and previous.urls == urls and previous.keys == keys:
        return previous
    merged = Merged(urls, keys, dict(previous.numbers), dict(previous.parts), dict(previous.encoded), dict(previous.hashes))
    for token, by_page in changes.items():
        _patch(merged, token, by_page)
    log.debug("search: %d posting lists patched", len(changes))
    return merged


def _page_changes(changes: dict[str, dict[int, str | None]], number: int, old: dict[str, str], new: dict[str, str]) -> None:
    """Record the tokens whose part of page ``number`` differs (None: no longer on the page)."""
    for token in old.keys() - new.keys():
        changes.setdefault(token, {})[number] = None
    for token, part in new.items():
        if old.get(token) != part:
            changes.setdefault(token, {})[number] = part


def _patch(merged: Merged, token: str, by_page: dict[int, str | None]) -> None:
    numbers = array("I", merged.numbers.get(token, b""))
    if numbers and min(by_page) > numbers[-1] and None not in by_page.values():
        _append(merged, token, numbers[-1], sorted(by_page.items()))
        return
    parts = merged.parts[token].split(" ") if token in merged.parts else []
    for number in sorted(by_page):
        part, at = by_page[number], bisect_left(numbers, number)
        present = at < len(numbers) and numbers[at] == number
        if part is None and present:
            del numbers[at], parts[at]
        elif part is not None and present:
            parts[at] = part
        elif part is not None:
            numbers.insert(at, number)
            parts.insert(at, part)
    if numbers:
        _store(merged, token, numbers, parts)
    else:
        for table in (merged.numbers, merged.parts, merged.encoded, merged.hashes):
            table.pop(token, None)


def _append(merged: Merged, token: str, last: int, added: list[tuple[int, str]]) -> None:
    """Pages after the token's last page (the newest issue): its list grows at the end."""
    numbers, parts = [number for number, _part in added], [part for _number, part in added]
    small = varints(numbers[-1] + 1)
    deltas = map(operator.sub, numbers, [last, *numbers[:-1]])
    merged.numbers[token] += array("I", numbers).tobytes()
    merged.parts[token] += " " + " ".join(parts)
    merged.encoded[token] += "".join(map(operator.add, map(small.__getitem__, deltas), parts))


def _store(merged: Merged, token: str, numbers: array, parts: list[str]) -> None:
    """Keep a token's list and encode it: each page's delta, then its part."""
    small = varints(numbers[-1] + 1)
    deltas = map(operator.sub, numbers, [0, *numbers[:-1]])
    merged.numbers[token] = numbers.tobytes()
    merged.parts[token] = " ".join(parts)
    merged.encoded[token] = "".join(map(operator.add, map(small.__getitem__, deltas), parts))
    if token not in merged.hashes:
        merged.hashes[token] = fnv1a(token)
