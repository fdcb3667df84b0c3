"""The fidelity proof: every non-whitespace character of a bulletin reaches its Markdown pages.

Each page names the source lines it reproduces (``Page.claims``). For every page, the claimed
lines' characters must appear in the page body, in source order, once escaping is undone. A line
no page claims, or a character not found, is an error diagnostic with its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic, Severity
from ..read import rules
from ..read.decode import SourceText
from .markdown import unescape_text
from .page import Page


@dataclass
class FidelityReport:
    """Outcome of the check for one bulletin."""

    file: str
    """Bulletin path."""
    characters: int = 0
    """Non-whitespace characters in the source."""
    found: int = 0
    """How many of them were found on the pages."""
    problems: list[Diagnostic] = field(default_factory=list)
    """One error per line that did not fully arrive."""

    @property
    def ratio(self) -> float:
        return self.found / self.characters if self.characters else 1.0

    @property
    def ok(self) -> bool:
        return not self.problems and self.found == self.characters


def is_space(ch: str) -> bool:
    return ch.isspace() or ch in rules.WHITESPACE


_NOT_ISSPACE = "".join(ch for ch in rules.WHITESPACE if not ch.isspace())
"""Blanks of pasted web text that ``str.isspace`` does not accept (zero-width space, BOM)."""


def visible(text: str) -> str:
    """The text without any whitespace (what the fidelity proof compares): every character
    ``str.isspace`` accepts (as ``\\s`` does) and the blanks of pasted web text."""
    out = "".join(text.split())
    for ch in _NOT_ISSPACE:
        if ch in out:
            out = out.replace(ch, "")
    return out


def check_fidelity(source: SourceText, pages: list[Page]) -> FidelityReport:
    """Check that ``pages`` (the pages of one issue) reproduce every character of ``source``."""
    report = FidelityReport(source.path)
    owners = _line_owners(source, pages)
    lines = [visible(line) for line in source.lines]
    for number, chars in enumerate(lines, start=1):
        report.characters += len(chars)
        if chars and number not in owners:
            report.problems.append(_problem(source.path, number, f"line is on no page: “{chars[:30]}”"))
    for page in pages:
        _match_page(source, lines, page, sorted(n for n, p in owners.items() if p is page), report)
    return report


def _line_owners(source: SourceText, pages: list[Page]) -> dict[int, Page]:
    owners: dict[int, Page] = {}
    for page in pages:
        for span in page.claims:
            if span.file != source.path:
                continue
            for number in range(span.start, span.end + 1):
                owners.setdefault(number, page)
    return owners


def _match_page(source: SourceText, lines: list[str], page: Page, numbers: list[int], report: FidelityReport) -> None:
    text = visible(unescape_text(page.body))
    cursor = 0
    for number in numbers:
        chars = lines[number - 1]
        found, position = _in_order(text, chars, cursor)
        report.found += found
        if found < len(chars):
            report.problems.append(_problem(source.path, number, f"“{chars[found]}” (character {found + 1} of the line) is missing from {page.path}"))
        else:
            cursor = position


def _in_order(text: str, chars: str, start: int) -> tuple[int, int]:
    """How many of ``chars`` are found in ``text`` from ``start`` on, each after the previous one
    at its first occurrence, and the position after the last one found.

    The same answer as looking for one character after another, found run by run: where a
    character stands, the longest run of the following ones standing right after it is found by
    halving with ``str.startswith`` (a line interrupted by link markup is a few runs)."""
    k, position = 0, start
    while k < len(chars):
        at = text.find(chars[k], position)
        if at < 0:
            break
        run, longest = 1, len(chars) - k  # chars[k:k + run] stands at ``at``
        if text.startswith(chars[k:], at):
            run = longest
        while run < longest:
            mid = (run + longest + 1) // 2
            if text.startswith(chars[k : k + mid], at):
                run = mid
            else:
                longest = mid - 1
        k, position = k + run, at + run
    return k, position


def _problem(file: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(file, line, Severity.ERROR, "fidelity", message)
