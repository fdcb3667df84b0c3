"""Tables pasted as tab-separated rows, rendered as Markdown tables with every cell kept."""

from __future__ import annotations

from ..model import Block
from .markdown import escape_text


def table_markdown(rows: list[Block]) -> str:
    """A Markdown table of consecutive ``TABLE_ROW`` blocks; the first row is the header.

    Every row gets as many cells as the widest row (empty cells added at the end), so no cell is
    dropped by the table parser; each cell's text is escaped (``|`` included)."""
    width = max(len(row.cells) for row in rows)
    lines = [_row(rows[0].cells, width), "| " + " | ".join(["---"] * width) + " |"]
    lines += [_row(row.cells, width) for row in rows[1:]]
    return '<div class="data-table" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _row(cells: tuple[str, ...], width: int) -> str:
    padded = list(cells) + [""] * (width - len(cells))
    return "| " + " | ".join(escape_text(cell) for cell in padded) + " |"
