"""The fidelity proof finds every character of the seed, and notices a lost one."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.build import compile_archive
from builder.read import rules
from builder.render.fidelity import _in_order, check_fidelity, visible
from tests.support import FIXTURES


def test_seed_fidelity_is_complete(project, seed_source):
    result = compile_archive(project())
    (report,) = result.fidelity
    assert report.ok and report.problems == []
    assert report.characters == len("".join(c for c in seed_source.text if not c.isspace()))
    assert report.found == report.characters > 25_000


def test_a_dropped_character_is_reported_with_its_line(project, seed_source):
    result = compile_archive(project())
    pages = [p for p in result.pages if p.claims]
    victim = next(p for p in pages if p.path.endswith("gbf-2023-37.md"))
    broken = dataclasses.replace(victim, body=victim.body.replace("鼓励国际绿色技术知识产权开放实施", "鼓励国际绿色技术产权开放实施"))
    report = check_fidelity(seed_source, [broken if p is victim else p for p in pages])
    assert not report.ok
    assert [(d.line, d.code) for d in report.problems] == [(262, "fidelity")]
    assert str(report.problems[0]).startswith("seeds/bulletin-268-1.txt:262: error:")


def test_a_line_on_no_page_is_reported(project, seed_source):
    result = compile_archive(project())
    pages = [p for p in result.pages if p.claims and not p.path.endswith("cj-2023-89.md")]
    report = check_fidelity(seed_source, pages)
    missing = {d.line for d in report.problems}
    assert 97 in missing and 116 in missing and 23 not in missing


def test_hostile_bulletin_is_complete(project):
    result = compile_archive(project(FIXTURES / "hostile-lines.txt"))
    assert all(r.ok for r in result.fidelity)
    assert len(result.archive.issues[0].news()) == 1 and len(result.archive.issues[0].policies()) == 1


# --- the run-by-run search against a plain character-by-character one -------------------------------


def _one_by_one(text: str, chars: str, start: int) -> tuple[int, int]:
    position = start
    for k, ch in enumerate(chars):
        position = text.find(ch, position)
        if position < 0:
            return k, -1
        position += 1
    return len(chars), position


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="知识产权](#)ab", max_size=40), chars=st.text(alphabet="知识产权ab", max_size=12),
       start=st.integers(0, 5))
def test_in_order_finds_what_a_character_by_character_search_finds(text, chars, start):
    found, position = _in_order(text, chars, start)
    expected_found, expected_position = _one_by_one(text, chars, start)
    assert found == expected_found
    if found == len(chars):
        assert position == expected_position


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("知识 产权\t\n\r\x0b\x0c\x1c\x85\u2028" + rules.WHITESPACE + "ab.")), max_size=30))
def test_visible_drops_exactly_the_whitespace_a_regular_expression_drops(text):
    assert visible(text) == re.sub("[\\s" + re.escape(rules.WHITESPACE) + "]+", "", text)
