from __future__ import annotations

import dataclasses

from builder.build import compile_archive
from builder.publish.pdf_fonts import covered_points, font_gaps


def test_a_character_the_fonts_lack_is_one_warning_at_its_first_line():
    lines = ["正常的文字，GB 2312 与通用规范汉字", "表情😀与𠮷字", "又一个𠮷", "\u200b\u00a0\ufe0f"]
    gaps = font_gaps("seeds/x.txt", lines)
    assert [(d.line, d.code) for d in gaps] == [(2, "pdf-font-gap"), (2, "pdf-font-gap")]
    assert {d.message[1] for d in gaps} == {"😀", "𠮷"}
    assert "U+20BB7" in str(gaps[1]) and str(gaps[1]).startswith("seeds/x.txt:2: warning: ")


def test_the_shipped_coverage_holds_simplified_and_common_traditional_characters():
    points = covered_points()
    assert all(ord(c) in points for c in "国國业業报報亿億〔〕《》（）：；“”—…·①")


def test_the_build_warns_only_when_it_makes_pdfs(project):
    config = project()
    (config.seeds_dir / "emoji.txt").write_text(
        "简报·第9期(上)\n\n资讯传递\n\n标题😀\n\n  正文\n来源:测试日报 2024-01-05\n", encoding="utf-8")
    with_pdf = compile_archive(config)
    without = compile_archive(dataclasses.replace(config, pdf=False))
    assert [d.line for d in with_pdf.diagnostics if d.code == "pdf-font-gap" and d.file == "seeds/emoji.txt"] == [5]
    assert not [d for d in without.diagnostics if d.code == "pdf-font-gap"]
