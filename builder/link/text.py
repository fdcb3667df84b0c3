"""What the link stage works on: item pages as runs of text, and the links it finds in them."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Block, BlockKind, Issue, Item, NewsItem


@dataclass(frozen=True)
class TextLink:
    """A stretch of a block's text that links somewhere (glossary term, policy page)."""

    start: int
    """Offset of the first character in ``Block.text``."""
    end: int
    """Offset after the last character."""
    target: str
    """Page path below ``content/`` (``glossary/bjs.md``), optionally with ``#anchor``."""
    title: str = ""
    """Hover text (the definition)."""


@dataclass
class LinkPage:
    """An item page as the linker sees it: its address and its text in linking units."""

    issue: Issue
    item: Item
    path: str
    units: list[list[Block]]
    """Runs of blocks under one heading."""
    counts: Counter[object] = field(default_factory=Counter)
    """Glossary term → occurrences on the page."""

    @classmethod
    def of(cls, issue: Issue, item: Item, path: str) -> LinkPage:
        return cls(issue, item, path, [u for u in _units(item) if u])

    def blocks(self) -> list[Block]:
        return [b for unit in self.units for b in unit]


def _units(item: Item) -> list[list[Block]]:
    if isinstance(item, NewsItem):
        units: list[list[Block]] = [[]]
        for block in item.blocks:
            if block.kind is BlockKind.SUBHEADING:
                units.append([])
            elif block.kind is BlockKind.PARAGRAPH:
                units[-1].append(block)
        return units
    out = []
    for body in item.bodies():
        out.append(list(body.preamble))
        out += [list(c.blocks) for c in body.iter_clauses()]
    return out


class LinkTable:
    """Links found so far, per block, sorted by position; a new link never overlaps an earlier one."""

    def __init__(self) -> None:
        self._starts: dict[Block, list[int]] = {}
        self._links: dict[Block, list[TextLink]] = {}

    def get(self, block: Block) -> list[TextLink]:
        return self._links.get(block, [])

    def add(self, block: Block, link: TextLink) -> bool:
        """Add ``link`` unless it overlaps a link already there (a binary search: no scan of the block)."""
        starts = self._starts.setdefault(block, [])
        links = self._links.setdefault(block, [])
        at = bisect.bisect_left(starts, link.start)
        if at > 0 and links[at - 1].end > link.start:
            return False
        if at < len(links) and links[at].start < link.end:
            return False
        starts.insert(at, link.start)
        links.insert(at, link)
        return True

    def add_text(self, blocks: list[Block], needle: str, target: str, title: str) -> int:
        """Link every occurrence of ``needle`` not already inside a link; returns how many."""
        found = 0
        for block in blocks:
            start = block.text.find(needle)
            while start >= 0:
                end = start + len(needle)
                found += self.add(block, TextLink(start, end, target, title))
                start = block.text.find(needle, end)
        return found

    def freeze(self) -> dict[Block, tuple[TextLink, ...]]:
        return {block: tuple(links) for block, links in self._links.items() if links}


class Memo(Protocol):
    """Results of an earlier build by the digest of their inputs (kept by the build, on disk), so
    that the link work of a rebuild follows what changed."""

    def empty(self) -> bool:
        """Whether it holds nothing (a first build: no key is looked up)."""

    def get(self, key: bytes) -> Any:
        """The value under ``key``, None when there is none."""

    def put(self, key: bytes, value: Any) -> None: ...
