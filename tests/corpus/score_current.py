"""Score the parser against the corpus gold readings (bulletins/*.expected.yaml).

Run: python tests/corpus/score_current.py [--failures]
Prints, per field, how many expected values the parser reproduces (builder.scoring; the same table
as ``python -m builder.bench --corpus``); with --failures also every mismatch as
`bulletin:line field: expected … got …`. Scoring only: tests/read/test_corpus.py asserts the targets.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from builder.scoring import score_corpus  # noqa: E402


def main() -> int:
    """Score every corpus bulletin and print the table."""
    score = score_corpus(Path(__file__).resolve().parent / "bulletins")
    print(score.table())
    if "--failures" in sys.argv:
        print("\n".join(score.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
