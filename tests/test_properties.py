"""Property test: for any bulletin-like text, the pipeline raises only its documented errors, every
character (control characters included) reaches the HTML in order, and paths stay inside content/.

The number of examples is ``BRIEFING_PROPERTY_EXAMPLES`` (default 500, what CI runs).
"""

from __future__ import annotations

import html
import os
import posixpath
import re

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.errors import InputError
from builder.glossary.curated import CuratedEntry
from builder.link import link_archive
from builder.publish.write import OutputFile, write_tree
from builder.read import decode_bytes, parse_issue
from builder.render import render_archive
from builder.render.fidelity import visible
from tests.support import SEED

EXAMPLES = int(os.environ.get("BRIEFING_PROPERTY_EXAMPLES", "500"))
SEED_LINES = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()][:120]
PIECES = ["简报·第7期(上)", "资讯传递", "政策速递", "专家观点", "来源:某报 2023-11-07", "来源：某网 2024年3月5日", "国办发〔2023〕37号",
          "财金〔202389", "各单位:", "某某局", "2023年10月25日", "(此件公开发布)", "一、", "(一)", "1.", "(1)", "第一条", "第一章",
          "关于印发《", "》的通知", "（以下简称北交所）", "（下称“深创投”）", "（QFLP）", "按职责负责）", "本通知自印发之日起施行",
          "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{: #x .y }", "[a](b)", "**", "__", "`", "|", "# ", "> ", "- ",
          "1. ", "\\", "&amp;", "&#2;", "\x02", "\x03", "\x01", "\x1b", "\x7f", "\x85", "\u202e", "\u200b", "\u3000", "\u00a0", "\t"]
CURATED = [CuratedEntry("北交所", ("北京证券交易所",), "市场", "北京证券交易所<b>定义</b>{}*_", 2),
           CuratedEntry("知识产权", (), "创新", "专利、商标等权利", 6)]
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition"]

_unicode = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n"), max_size=40)
_line = st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(PIECES), _unicode,
                  st.lists(st.one_of(st.sampled_from(PIECES), _unicode), min_size=1, max_size=6).map("".join))
_bulletin = st.lists(st.one_of(_line, st.just("")), min_size=1, max_size=40).map("\n".join)


def _html_text(page_html: str) -> str:
    """The text a browser shows: tags removed, references resolved as browsers do (C0 controls kept)."""
    text = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", page_html)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"&#(\d+);", lambda m: chr(int(m[1])) if 0 < int(m[1]) < 32 or int(m[1]) == 127 else m[0], text)
    return visible(html.unescape(text))


def _assert_in_order(source_lines: tuple[str, ...], page, text: str) -> None:
    position = 0
    for span in page.claims:
        for number in range(span.start, span.end + 1):
            for ch in visible(source_lines[number - 1]):
                found = text.find(ch, position)
                assert found >= 0, (page.path, number, repr(ch))
                position = found + 1


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_bulletin)
def test_any_bulletin_keeps_every_character_and_stays_inside(tmp_path_factory, text):
    try:
        source = decode_bytes(text.encode("utf-8"), "seeds/prop.txt")
    except InputError:
        return  # documented: an empty file (or one that is only blanks) is an error with its line
    issue, _ = parse_issue(source)
    pages = render_archive(link_archive([issue], CURATED))
    for page in pages:
        assert not page.path.startswith("/") and posixpath.normpath(page.path) == page.path and ".." not in page.path
        if page.claims:
            _assert_in_order(source.lines, page, _html_text(markdown.markdown(page.body, extensions=EXTENSIONS)))
    out = tmp_path_factory.mktemp("content")
    write_tree([OutputFile(p.path, p.text().encode("utf-8")) for p in pages], out)
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
