"""The builder's exceptions: one tree, each naming the file and line it speaks of."""

from __future__ import annotations


class BuilderError(Exception):
    """Base of every error the builder reports to the user (one line, non-zero exit)."""


class InputError(BuilderError):
    """A bulletin cannot be read at all (bytes that decode to nothing, an empty file)."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: error: {message}")
        self.file = file
        self.line = line
        self.message = message


class BuildError(BuilderError):
    """The site could not be produced (MkDocs failed, strict mode found errors, bad config)."""
