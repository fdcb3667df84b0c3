"""What the parsing modules share: source lines and one run's diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, BlockKind, Diagnostic, Severity, SourceSpan
from . import rules


@dataclass(frozen=True)
class Line:
    """A source line: its 1-based number, its text without indentation, and as written."""

    number: int
    text: str
    raw: str = ""


def source_lines(raw_lines: tuple[str, ...] | list[str]) -> list[Line]:
    """Every line of a decoded bulletin, numbered from 1."""
    return [Line(n, rules.strip_line(raw), raw) for n, raw in enumerate(raw_lines, start=1)]


def nonblank(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.text]


@dataclass
class Context:
    """One parse run: the file name and the diagnostics reported so far."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, line: int, severity: Severity, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.file, line, severity, code, message))

    def info(self, line: int, code: str, message: str) -> None:
        self.report(line, Severity.INFO, code, message)

    def warn(self, line: int, code: str, message: str) -> None:
        self.report(line, Severity.WARNING, code, message)

    def span(self, first: Line, last: Line | None = None) -> SourceSpan:
        return SourceSpan(self.file, first.number, (last or first).number)

    def block(self, line: Line, kind: BlockKind = BlockKind.PARAGRAPH) -> Block:
        return Block(line.text, self.span(line), kind)


def quote(text: str, limit: int = 40) -> str:
    """Source text quoted in a diagnostic, cut at ``limit`` characters."""
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
