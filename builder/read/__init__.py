"""Read stage: bulletin bytes → decoded text → the parsed model (:mod:`builder.model`).

``decode`` finds the encoding and keeps line numbers; ``rules`` and ``sources`` hold the grammar's
line rules; ``parse`` reads the issue (header, sections) and lets ``segment`` decide where each item
starts and ends and what it is, from the shape of the whole item; ``head``, ``policy``,
``attachments``, ``news`` and ``body`` take items apart; ``readings`` and ``extract`` read inside
running text (departments, validity, citations, defined short names, 文种); ``fixfile`` and
``corrections`` apply an editor's ``<bulletin>.fix.yaml`` after parsing.
"""

from __future__ import annotations

from .decode import SourceText, decode_bytes
from .parse import parse_issue

__all__ = ["SourceText", "decode_bytes", "parse_issue"]
