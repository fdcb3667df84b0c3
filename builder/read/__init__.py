"""Read stage: bulletin bytes → decoded text → the parsed model (:mod:`builder.model`).

``decode`` finds the encoding and keeps line numbers, ``rules`` holds the grammar's line rules,
``parse`` finds the structure (header, sections, items, clauses) and ``extract`` the readings inside
running text (departments, validity, citations, defined short names, 文种).
"""

from __future__ import annotations

from .decode import SourceText, decode_bytes
from .parse import parse_issue

__all__ = ["SourceText", "decode_bytes", "parse_issue"]
