"""The builder's exceptions: one tree, each a single line naming the file (and line) it speaks of.

The command line turns them into that line on stderr and an exit code (README, "Safety"):
1 for problems in the input, 3 for problems with the folders, files or MkDocs set-up around it.
"""

from __future__ import annotations

EXIT_INPUT = 1
"""A bulletin, the glossary or a correction file has errors (or warnings, under ``--strict``)."""
EXIT_USAGE = 2
"""The command line itself is wrong (argparse's own code)."""
EXIT_SETUP = 3
"""The folders, files or MkDocs set-up around the input are wrong: nothing was changed."""
EXIT_INTERNAL = 70
"""A bug in the builder (``--debug`` shows the traceback)."""
EXIT_INTERRUPTED = 130


class BuilderError(Exception):
    """Base of every error the builder reports to the user (one line, non-zero exit)."""

    exit_code = EXIT_INPUT


class InputError(BuilderError):
    """An input file cannot be read at all (bytes that decode to nothing, malformed YAML …)."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: error: {message}" if line else f"{file}: error: {message}")
        self.file = file
        self.line = line
        self.message = message


class BuildError(BuilderError):
    """The input has errors (or warnings under ``--strict``): nothing is written."""


class SetupError(BuilderError):
    """A folder, file or tool around the input is wrong: refused before anything is changed, or the
    change was rolled back (a folder that is not ours, a read-only or full disk, no mkdocs.yml)."""

    exit_code = EXIT_SETUP

    def __init__(self, path: object, message: str) -> None:
        super().__init__(f"{path}: error: {message}")
