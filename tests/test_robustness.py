"""Any input: the parser never raises, and every character still reaches the page and its HTML."""

from __future__ import annotations

import html
import random
import re

import markdown
import pytest

from builder.link import link_archive
from builder.read import decode_bytes, parse_issue
from builder.render import render_archive
from builder.render.fidelity import check_fidelity, visible
from tests.support import CURATED, SEED

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
PIECES = list("一二三第条章（）()《》〔〕[]、。，,:：;“”\"#>-*_|`\\<>&!{} \t\xa0\u3000\u200b123") + [
    "来源:", "来源:某报 2023-13-45", "以下简称", "下称“", "按职责负责）", "有效期至2027年12月31日", "自印发之日起施行",
    "关于印发《", "》的通知", "简报·第1期(上)", "资讯传递", "政策速递", "2023年1月1日", "国办发〔2023", "(此件公开发布)",
    "北交所", "（QFLP）", "1. ", "- ", "# ", "<script>", "</div>", "<div markdown>", "&amp;", "[a](b)", "{: #x }", "\n", "\n\n",
]


def _pages(text: str):
    source = decode_bytes(text.encode("utf-8"), "seeds/fuzz.txt")
    issue, _ = parse_issue(source)
    pages = render_archive(link_archive([issue], CURATED))
    return source, [p for p in pages if p.claims]


def _mutated_seed(seed: int) -> str:
    rnd = random.Random(seed)
    lines = list(SEED_LINES)
    for _ in range(rnd.randint(1, 25)):
        i = rnd.randrange(len(lines))
        choice = rnd.random()
        if choice < 0.3:
            del lines[i]
        elif choice < 0.6:
            lines.insert(i, "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 30))))
        elif choice < 0.8:
            lines[i] = lines[i][: rnd.randrange(len(lines[i]) + 1)]
        else:
            lines.insert(i, lines[rnd.randrange(len(lines))])
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(40))
def test_mutated_seed_keeps_every_character(seed):
    source, pages = _pages(_mutated_seed(seed))
    report = check_fidelity(source, pages)
    assert report.ok, report.problems[:3]


@pytest.mark.parametrize("seed", range(40))
def test_random_text_never_breaks_the_pipeline(seed):
    rnd = random.Random(10_000 + seed)
    text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 600))) + "x"
    source, pages = _pages(text)
    assert check_fidelity(source, pages).ok


def _html_text(body: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc", "admonition"])
    out = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", md.convert(body))
    return visible(html.unescape(re.sub(r"<[^>]+>", "", out)))


@pytest.mark.parametrize("seed", range(8))
def test_mutated_seed_text_survives_markdown_to_html(seed):
    source, pages = _pages(_mutated_seed(100 + seed))
    for page in pages:
        text, position = _html_text(page.body), 0
        for span in page.claims:
            for number in range(span.start, span.end + 1):
                for ch in visible(source.lines[number - 1]):
                    found = text.find(ch, position)
                    assert found >= 0, (page.path, number, ch)
                    position = found + 1
