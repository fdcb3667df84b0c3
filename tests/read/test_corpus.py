"""The parser on real text: every corpus bulletin (tests/corpus/bulletins) against its hand-read
expected reading, and the fidelity proof on each of them.

Prints the per-field table (``pytest -s`` shows it; ``python -m builder.bench --corpus`` too).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.link import link_archive
from builder.read import decode_bytes, parse_issue
from builder.render import render_archive
from builder.render.fidelity import check_fidelity
from builder.scoring import ITEM_FIELDS, score_corpus
from tests.support import CURATED

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "bulletins"
BULLETINS = sorted(CORPUS.glob("*.txt"))
FIELDS_TARGET = 0.98
"""Share of all expected item fields (news and policy) the parser must reproduce exactly."""


@pytest.fixture(scope="module")
def score():
    result = score_corpus(CORPUS)
    print("\n" + result.table())
    return result


def test_the_corpus_is_there():
    assert len(BULLETINS) >= 6


def test_item_boundaries_kinds_and_titles_are_all_right(score):
    for name in ITEM_FIELDS:
        assert score.reproduced[name] == score.expected[name], [f for f in score.failures if f" {name}:" in f]


def test_fields_are_read_as_the_gold_says(score):
    fields = score.field_names("news.") + score.field_names("policy.")
    assert score.ratio(fields) >= FIELDS_TARGET, "\n".join(score.failures)


def test_header_fields(score):
    for name in ("issue", "part", "sections"):
        assert score.reproduced[name] == score.expected[name]


@pytest.mark.parametrize("path", BULLETINS, ids=lambda p: p.stem)
def test_every_character_of_a_corpus_bulletin_reaches_its_pages(path):
    source = decode_bytes(path.read_bytes(), f"seeds/{path.name}")
    issue, _ = parse_issue(source)
    pages = [p for p in render_archive(link_archive([issue], CURATED)) if p.claims]
    report = check_fidelity(source, pages)
    assert report.ok, report.problems[:5]
