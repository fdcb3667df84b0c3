"""Bounded cost: linking and rendering are linear in the input. Generous bounds guard the worst
cases once found (a line citing a 文号 20,000 times took 245 s; a 2 MB line of Markdown special
characters did not finish in 600 s). Speed itself is measured by the benchmark, not here."""

from __future__ import annotations

import random
import time

import markdown

from builder.link import link_archive
from builder.render import render_archive
from tests.support import CURATED, parse_text

SPECIALS = "#>*_|`[]{}!<&\\+-=~^"
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition"]


def _build_seconds(text: str) -> float:
    start = time.perf_counter()
    issue, _ = parse_text(text)
    for page in render_archive(link_archive([issue], CURATED)):
        if page.claims:
            markdown.markdown(page.body, extensions=EXTENSIONS)
    return time.perf_counter() - start


def test_a_line_citing_a_doc_number_twenty_thousand_times():
    line = "依据国办发〔2023〕37号、" * 20_000
    text = f"简报·第9期(上)\n\n政策速递\n\n关于引用的通知\n\n测发〔2024〕1号\n各单位:\n  {line}\n某某局\n2024年1月6日\n"
    assert _build_seconds(text) < 30


def test_a_two_megabyte_line_of_markdown_characters():
    rnd = random.Random(2)
    line = "".join(rnd.choice(SPECIALS + "北交所知识产权") for _ in range(2_000_000))
    assert _build_seconds(f"简报·第9期(上)\n\n资讯传递\n\n标题\n\n  {line}\n来源:测试日报 2024-01-05\n") < 60
    assert _build_seconds(f"简报·第9期(上)\n\n资讯传递\n\n{line}\n\n  正文\n来源:测试日报 2024-01-05\n") < 60
