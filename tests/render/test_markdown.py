"""Escaping: a source line renders as the same text, whatever markup it resembles."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from builder.render.markdown import escape_text, paragraph, unescape_text

HOSTILE = [
    "# 不是标题", "## 也不是", "> 不是引用", "- 不是列表", "+ 加号", "* 星号", "1. 不是编号", "12) 括号编号",
    "<script>alert('x')</script>", "a | b | c", "**粗** _斜_ `代码`", "[链接](http://example.com)",
    "&amp; &lt;", "{: #id .cls }", "---", "===", "\\ 反斜杠 \\", "![图](x.png)", "!!! note", "2.42万亿元",
    "<http://example.com>", "*[HTML]: abbr", "~~删除~~", "<!-- 注释 -->", "    四个空格",
]


def _render(md_text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "tables", "md_in_html", "toc", "admonition"])
    return md.convert(md_text)


def _text_of(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).strip()


@pytest.mark.parametrize("line", HOSTILE)
def test_hostile_line_renders_as_text(line):
    out = _render(escape_text(line.strip()))
    assert out.startswith("<p>") and out.endswith("</p>")
    assert _text_of(out) == line.strip()
    assert "<script" not in out


@pytest.mark.parametrize("line", HOSTILE)
def test_unescape_inverts_escape(line):
    assert unescape_text(escape_text(line.strip())) == line.strip()


def test_paragraph_attributes_apply_to_the_paragraph():
    out = _render(paragraph("1. 第一条", anchor="s1", classes=("clause",)))
    assert out == '<p class="clause" id="s1">1. 第一条</p>'
