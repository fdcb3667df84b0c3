"""The longest-match finder for Chinese text."""

from __future__ import annotations

from builder.glossary import TermMatcher


def test_longest_match_inside_a_sentence():
    matcher = TermMatcher({"知识产权": "zscq", "知识产权质押融资": "zscqzyrz", "北交所": "bjs", "PE": "pe"})
    text = "推动知识产权质押融资扩面，推动北交所上市，知识产权保护；OPEN PE基金"
    got = [(text[m.start:m.end], m.key) for m in matcher.find(text)]
    assert got == [("知识产权质押融资", "zscqzyrz"), ("北交所", "bjs"), ("知识产权", "zscq"), ("PE", "pe")]


def test_skip_ranges_are_not_matched():
    matcher = TermMatcher({"北交所": "bjs"})
    text = "北交所与北交所"
    assert [m.start for m in matcher.find(text, [(0, 3)])] == [4]
