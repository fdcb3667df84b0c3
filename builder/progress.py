"""Progress of a long build on the command line: per stage, and per bulletin or PDF within a stage.

On a terminal one line is rewritten in place (``read 37/300 bulletin-1036-2.txt``); when the output
is not a terminal (a log, CI) each stage gets one line when it ends, with its count and seconds;
``-q`` prints nothing. The build itself only calls :class:`Progress`; it never prints.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Silent progress (the default for library calls and tests)."""

    def stage(self, name: str, total: int | None = None) -> None:
        """A stage begins; ``total`` steps when they are known."""

    def advance(self, label: str = "") -> None:
        """One step of the current stage is done."""

    def finish(self) -> None:
        """The current stage is done."""


class LineProgress(Progress):
    """One plain line per finished stage: ``read: 300 bulletins in 2.1 s``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.name, self.done, self.start = "", 0, 0.0

    def stage(self, name: str, total: int | None = None) -> None:
        self.finish()
        self.name, self.done, self.start = name, 0, time.perf_counter()

    def advance(self, label: str = "") -> None:
        self.done += 1

    def finish(self) -> None:
        if self.name:
            count = f": {self.done} done" if self.done else ""
            print(f"{self.name}{count} in {time.perf_counter() - self.start:.1f} s", file=self.stream, flush=True)
        self.name = ""


class TerminalProgress(LineProgress):
    """A line rewritten in place while a stage runs, then the stage's plain line."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(stream)
        self.total: int | None = None
        self.shown = 0.0

    def stage(self, name: str, total: int | None = None) -> None:
        super().stage(name, total)
        self.total = total
        self._show("")

    def advance(self, label: str = "") -> None:
        super().advance(label)
        now = time.perf_counter()
        if now - self.shown > 0.1 or self.done == self.total:
            self.shown = now
            self._show(label)

    def finish(self) -> None:
        if self.name:
            self.stream.write("\r\x1b[K")
        super().finish()

    def _show(self, label: str) -> None:
        count = f" {self.done}/{self.total}" if self.total else (f" {self.done}" if self.done else "")
        self.stream.write(f"\r\x1b[K{self.name}{count} {label}"[:120])
        self.stream.flush()


def progress_for(stream: TextIO, quiet: bool) -> Progress:
    """Silent with ``-q``, in place on a terminal, plain lines otherwise."""
    if quiet:
        return Progress()
    return TerminalProgress(stream) if stream.isatty() else LineProgress(stream)
