"""English in the interface: Latin words a page shows (text, aria-label, title, placeholder, alt)
that do not come from the bulletins or the glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-tip")
SKIP = {"script", "style", "svg", "template"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")  # single letters: the glossary's A–Z index
# Addresses, file names and source references (seeds/x.txt:12) are not words of the interface.
ADDRESS = re.compile(r"(?:https?://|mailto:)\S+|[\w.-]*[/\\][\w./\\-]*|[\w-]+\.(?:html|pdf|json|txt|yaml|md|xml|zip)\b", re.I)
# Words the interface itself may use: file format and the names of things readers know by them.
ALLOWED = {"PDF", "JSON", "Excel", "Word", "JavaScript"}


@dataclass
class Found:
    """Latin words on one page, with where they stand."""

    words: list[tuple[str, str]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.pieces: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        for name, value in attrs:
            if name in ATTRIBUTES and value:
                self.pieces.append((f"<{tag} {name}>", value))

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.pieces.append(("text", data))


def latin_words(text: str) -> set[str]:
    return set(WORD.findall(ADDRESS.sub(" ", text)))


def source_words(paths: list[Path]) -> set[str]:
    """Every Latin word of the inputs (bulletins, glossary): content may use them."""
    return set().union(*(latin_words(p.read_text(encoding="utf-8", errors="replace")) for p in paths))


def english_on_page(html: str, allowed: set[str]) -> list[tuple[str, str]]:
    """(where, word) for each Latin word of the page that is neither from the sources nor allowed."""
    collector = _Collector()
    collector.feed(html)
    found = []
    for where, text in collector.pieces:
        for word in sorted(latin_words(text) - allowed - ALLOWED):
            found.append((where, word))
    return found
