"""The read stage's quick tests: a rule that first looks for a character every match needs (a
parenthesis, 期 or 自, 来源, the last character of a 文号, the first of a clause marker) answers
exactly as the rule without that test, for any line."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.read import extract, rules, sources
from tests.support import SEED

SEED_LINES = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
PIECES = ["一、", "（一）", "(2)", "1.", "１．", "٣、", "第一条", "第十章", "国办发〔2023〕37号", "（京财预〔2022〕8号）", "政府令第15号",
          "财金〔202389", "来源:经济日报 2023-11-07", "新华社·2024-03-05 10:00", "｜", "·", "（以下简称北交所）", "(QFLP)",
          "有效期至2025年12月31日", "自2024年1月1日起施行", "本通知自印发之日起施行", "有效期为3年", "号", ")", "）", "　", " "]
LINES = st.one_of(
    st.sampled_from(SEED_LINES),
    st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SEED_LINES).map(lambda s: s[:12]),
                       st.text(max_size=8)), min_size=1, max_size=5).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_each_quick_test_keeps_the_rules_answer(line: str) -> None:
    folded = rules.fold(line).strip(rules.WHITESPACE)
    assert rules.match_clause_marker(line) == rules._clause_marker(line)
    assert rules.match_doc_number(line) == rules._doc_number(line, folded)
    assert sources.match_source_line(line) == sources._source_line(line)
    assert extract.read_validity(line, dt.date(2023, 10, 25)) == extract._validity(line, dt.date(2023, 10, 25))
    assert extract.read_short_names(line) == extract._short_names(line)


def test_the_quick_tests_do_let_matches_through() -> None:
    """Not a vacuous equality: each rule finds something in these lines."""
    assert rules.match_clause_marker("（三）加强监管。") is not None
    assert rules.match_doc_number("国办发〔2023〕37号") is not None
    assert sources.match_source_line("来源:经济日报 王胜强 2023-11-07") is not None
    assert extract.read_validity("本通知自印发之日起施行。", dt.date(2023, 10, 25)) is not None
    assert extract.read_short_names("北京证券交易所（以下简称北交所）")
