"""Editor's corrections (<bulletin>.fix.yaml): checked with file:line errors, applied after parsing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.build import compile_archive
from builder.errors import InputError
from builder.link import link_archive
from builder.model import NewsItem, Policy, Severity
from builder.read import decode_bytes, parse_issue
from builder.read.corrections import correct_issue
from builder.read.fixfile import load_fix_file
from builder.render import render_archive
from builder.render.fidelity import check_fidelity
from tests.support import CURATED

BULLETIN = """简报·第9期(上)

资讯传递

甲公司获得贷款

  正文一。
来源:某报 2024-03-02

乙公司获得投资

  正文二。
来源:某报 2024-03-03

政策速递

关于支持科技企业的通知

各有关单位：
  现就有关事项通知如下。
  一、加大支持。
某市财政局
2024年3月1日
"""


def _apply(tmp_path: Path, fix: str, text: str = BULLETIN):
    fix_path = tmp_path / "t.fix.yaml"
    fix_path.write_text(fix, encoding="utf-8")
    source = decode_bytes(text.encode("utf-8"), "seeds/t.txt")
    issue, diagnostics = parse_issue(source)
    entries = load_fix_file(fix_path, "seeds/t.fix.yaml")
    return correct_issue(issue, source, entries, diagnostics), diagnostics


def test_fields_of_a_policy_are_set_and_recorded(tmp_path):
    fix = ("items:\n"
           "  - title: 关于支持科技企业的通知\n"
           "    issuers: [某市财政局, 某市科学技术局]\n"
           "    doc_numbers: 某财科〔2024〕3号\n"
           "    date: 2024-03-05\n"
           "    note: 据财政局网站补\n")
    issue, diagnostics = _apply(tmp_path, fix)
    policy = issue.policies()[0]
    assert policy.issuers == ("某市财政局", "某市科学技术局")
    assert policy.doc_number.normalized == "某财科〔2024〕3号"
    assert policy.date == dt.date(2024, 3, 5)
    assert [(c.field, c.origin.start, c.note) for c in policy.corrections] == [
        ("issuers", 3, "据财政局网站补"), ("doc_numbers", 4, "据财政局网站补"), ("date", 5, "据财政局网站补")]
    notes = [d for d in diagnostics if d.code == "corrected"]
    assert [d.line for d in notes] == [policy.span.start] * 3
    assert all(d.severity is Severity.INFO and "seeds/t.fix.yaml:" in d.message for d in notes)


def test_a_news_item_is_matched_by_line_and_its_date_and_authors_set(tmp_path):
    issue, _ = _apply(tmp_path, "items:\n  - line: 6\n    date: 2024年3月9日\n    authors: 张三\n")
    news = issue.news()[0]
    assert news.date == dt.date(2024, 3, 9) and news.authors == ("张三",)
    assert news.source.date == dt.date(2024, 3, 2)  # the 来源 line itself is kept as read


def test_kind_merge_and_split(tmp_path):
    merged, _ = _apply(tmp_path, "items:\n  - title: 甲公司获得贷款\n    merge_next: true\n")
    assert [n.title for n in merged.news()] == ["甲公司获得贷款"]
    assert merged.news()[0].span.end == 13
    split, _ = _apply(tmp_path, "items:\n  - title: 甲公司获得贷款\n    merge_next: true\n"
                                "  - title: 甲公司获得贷款\n    split_at: 10\n")
    assert [n.title for n in split.news()] == ["甲公司获得贷款", "乙公司获得投资"]
    policy, _ = _apply(tmp_path, "items:\n  - line: 10\n    kind: policy\n")
    assert isinstance(policy.sections[0].items[1], Policy)
    assert isinstance(policy.sections[0].items[0], NewsItem)
    assert policy.sections[0].items[1].corrections[0].was == "news"


@pytest.mark.parametrize("fix, line, words", [
    ("items:\n  - line: 6\n    colour: red\n", 3, "unknown key “colour”"),
    ("items:\n  - line: 6\n    kind: memo\n", 3, "kind is news or policy"),
    ("items:\n  - kind: news\n", 2, "either line: (any line of it) or title:"),
    ("items:\n  - title: 不存在的标题\n    kind: news\n", 2, "no item of seeds/t.txt has title"),
    ("items:\n  - line: 6\n    date: 2024-13-40x\n", 3, "needs a date"),
    ("items:\n  - line: 20\n    doc_numbers: [第三季度]\n", 3, "is not a 发文字号"),
    ("items:\n  - line: 6\n    split_at: 2\n", 2, "split_at: a line between"),
    ("items:\n  - line: 6\n    outlet: [unclosed\n", 4, "invalid YAML"),
    ("corrections: []\n", 1, "one top-level list named items"),
    ("items:\n  - line: 20\n    outlet: 某报\n", 3, "outlet cannot be set on a policy"),
])
def test_bad_fix_files_name_file_and_line(tmp_path, fix, line, words):
    with pytest.raises(InputError) as caught:
        _apply(tmp_path, fix)
    assert str(caught.value).startswith(f"seeds/t.fix.yaml:{line}: error: ")
    assert words in str(caught.value)


def test_the_build_finds_the_fix_file_beside_the_bulletin(project, tmp_path):
    config = project()
    (config.seeds_dir / "bulletin-268-1.fix.yaml").write_text(
        "items:\n  - title: 关于引导保险资金长期稳健投资\n    doc_kind: 通知\n    issuers: [财政部]\n    note: 核对原件\n", encoding="utf-8")
    result = compile_archive(config)
    policy = result.archive.issues[0].policies()[0]
    assert [c.field for c in policy.corrections] == ["issuers", "doc_kind"]
    page = next(p for p in result.pages if p.path.endswith("cj-2023-89.md"))
    assert "编者更正" in page.body and "核对原件" in page.body
    assert page.meta["corrected"] == ["issuers", "doc_kind"]
    assert all(report.ok for report in result.fidelity)
    assert any(d.code == "corrected" and d.file == "seeds/bulletin-268-1.txt" for d in result.diagnostics)


def test_a_corrected_split_keeps_every_character(tmp_path):
    text = "简报·第9期(上)\n\n资讯传递\n\n甲公司获得贷款\n\n  正文一。\n乙公司获得投资\n\n  正文二。\n来源:某报 2024-03-03\n"
    source = decode_bytes(text.encode("utf-8"), "seeds/t.txt")
    assert [n.title for n in parse_issue(source)[0].news()] == ["甲公司获得贷款"]  # read as one item
    corrected, diagnostics = _apply(tmp_path, "items:\n  - title: 甲公司获得贷款\n    split_at: 8\n", text)
    assert [n.title for n in corrected.news()] == ["甲公司获得贷款", "乙公司获得投资"]
    assert corrected.news()[1].source.outlet == "某报"
    assert any(d.code == "no-source" and d.line == 5 for d in diagnostics)  # the first part has none
    pages = [p for p in render_archive(link_archive([corrected], CURATED)) if p.claims]
    assert check_fidelity(source, pages).ok
