"""Parsing the seed bulletin and the grammar's other shapes."""

from __future__ import annotations

import datetime as dt

from builder.model import BlockKind, NewsItem, Policy, Severity
from tests.support import parse_text

NEWS = [
    ("做好科技金融大文章 推动经济高质量发展", "光明网", [], "2023-11-11", dt.date(2023, 11, 11)),
    ("河北石家庄鹿泉区:科技金融服务为企业护航", "经济日报", ["王胜强"], "2023-11-07", dt.date(2023, 11, 7)),
    ("拓宽融资渠道 支持科技创新", "厦门日报", ["陈志龙", "李哲", "严明君"], "20233-11-09", dt.date(2023, 11, 9)),
    ("从“IP”到“IPO” 高交会上看金融与科技双向赋能", "上海证券报", ["唐燕飞"], "2023-11-16", dt.date(2023, 11, 16)),
]
POLICIES = [
    ("关于引导保险资金长期稳健投资 加强国有商业保险公司长周期考核的通知", "财金〔202389", "财金〔2023〕89号", "财政部", dt.date(2023, 10, 25)),
    ("北京市人民政府办公厅关于印发《北京市中关村国家自主创新示范区建设科创金融改革试验区实施方案》的通知", "京政办发〔202323", "京政办发〔2023〕23号", "北京市人民政府办公厅", dt.date(2023, 10, 24)),
    ("广东省人民政府办公厅关于印发广东省降低制造业成本推动制造业高质量发展若干措施的通知", "粤办函〔2023〕302号", "粤办函〔2023〕302号", "广东省人民政府办公厅", dt.date(2023, 11, 14)),
    ("国务院办公厅关于印发《专利转化运用专项行动方案(2023—2025年)》的通知", "国办发〔202337", "国办发〔2023〕37号", "国务院办公厅", dt.date(2023, 10, 17)),
]


def test_seed_header(seed_parsed):
    issue, _ = seed_parsed
    assert (issue.title, issue.number, issue.part) == ("简报·第268期(上)", 268, "上")
    assert issue.breadcrumb.text == "您当前所在位置:主页 > 实时动态 > 简报"
    assert [s.title for s in issue.sections] == ["资讯传递", "政策速递"]


def test_seed_news_items(seed_parsed):
    issue, _ = seed_parsed
    news = issue.news()
    assert len(news) == 4
    got = [(n.title, n.source.outlet, list(n.source.authors), n.source.date_raw, n.source.date) for n in news]
    assert got == NEWS
    assert all(isinstance(i, NewsItem) for i in issue.sections[0].items)


def test_seed_news_structure(seed_parsed):
    issue, _ = seed_parsed
    first, _, third, fourth = issue.news()
    subheads = [b.text for b in first.blocks if b.kind is BlockKind.SUBHEADING]
    assert subheads == ["为什么要做好科技金融大文章", "如何做好科技金融大文章"]
    assert [b.kind for b in first.blocks][-1] is BlockKind.BYLINE
    assert third.subtitle.text.startswith("——厦门建行加快实施国家创新驱动发展战略")
    assert [b.text for b in fourth.blocks if b.kind is BlockKind.SUBHEADING] == [
        "金融资本赋能“黑科技”", "从“IP”到“IPO 金融机构浇灌“实体之花”", "投更早更小 深圳种子基金落地"]


def test_seed_policies(seed_parsed):
    issue, _ = seed_parsed
    policies = issue.policies()
    assert len(policies) == 4
    got = [(p.title, p.doc_number.raw, p.doc_number.normalized, p.issuer, p.date) for p in policies]
    assert got == POLICIES


def test_seed_policy_parts(seed_parsed):
    issue, _ = seed_parsed
    cj, bj, gd, gb = issue.policies()
    assert cj.addressee.text.endswith("财政部各地监管局:") and cj.attachment is None
    assert [c.marker for c in cj.body.clauses] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]
    assert bj.notes[0].text == "(此件公开发布)"
    assert bj.attachment.title == "北京市中关村国家自主创新示范区建设科创金融改革试验区实施方案"
    assert gd.signature == "省政府办公厅" and gd.issuer == "广东省人民政府办公厅"
    assert gd.attachment.title == "广东省降低制造业成本推动制造业高质量发展若干措施"
    assert gb.notes[0].text == "(本文有删减)"
    assert gb.attachment.title_raw == "专利转化运用专项行动方案(20232025年)"
    assert gb.attachment.title == "专利转化运用专项行动方案(2023—2025年)"  # repaired once, shown everywhere
    assert [p.title == p.title_raw for p in issue.policies()] == [True] * 4
    assert all(not p.trailing for p in issue.policies())


def test_seed_clause_hierarchy(seed_parsed):
    issue, _ = seed_parsed
    _, bj, gd, gb = issue.policies()
    assert bj.attachment.body.depth() == 3
    numbered = [c for c in bj.attachment.body.iter_clauses() if c.level == 3]
    assert [c.number for c in numbered] == list(range(1, 42))
    twelve = numbered[11]
    assert (twelve.marker, twelve.title) == ("12.", "发挥北交所服务创新型中小企业主阵地作用。")
    assert twelve.blocks[0].text.startswith("在发行上市、交易机制、产品创新等方面积极探索")
    assert gd.attachment.body.depth() == 1 and len(gd.attachment.body.clauses) == 10
    assert gb.attachment.body.depth() == 2
    assert [c.marker for c in gb.attachment.body.clauses[1].children] == ["(一)", "(二)", "(三)", "(四)"]


def test_seed_diagnostics_name_file_and_line(seed_parsed):
    _, diagnostics = seed_parsed
    warnings = {(d.line, d.code) for d in diagnostics if d.severity is Severity.WARNING}
    assert warnings == {
        (61, "date-repaired"), (100, "doc-number-repaired"), (121, "doc-number-repaired"),
        (236, "doc-number-repaired"), (244, "year-range-dash"),
    }
    assert all(str(d).startswith(f"seeds/bulletin-268-1.txt:{d.line}: ") for d in diagnostics)


OTHER_SECTION = """简报·第301期

他山之石

科技金融的三个关键词

  第一段观点。
  第二段观点。
来源:金融时报 张三 2024-03-02

资讯传递

无来源的消息

  这条消息没有来源行。

关于印发某某办法的通知

各有关单位:
  现将办法印发给你们。
某某部
2024年3月1日
"""


def test_generic_section_and_missing_parts():
    issue, diagnostics = parse_text(OTHER_SECTION)
    assert (issue.number, issue.part) == (301, None)
    assert [s.title for s in issue.sections] == ["他山之石", "资讯传递"]
    opinion = issue.sections[0].items[0]
    assert isinstance(opinion, NewsItem) and opinion.source.outlet == "金融时报"
    news, policy = issue.sections[1].items
    assert isinstance(news, NewsItem) and news.source is None
    assert isinstance(policy, Policy) and policy.doc_number is None and policy.date == dt.date(2024, 3, 1)
    codes = {d.code for d in diagnostics}
    assert {"section-guessed", "no-source", "no-doc-number"} <= codes


def test_unrecognised_text_is_kept_and_reported():
    text = "奇怪的开头\n简报·第5期(下)\n\n政策速递\n\n关于某事的通知\n\n某政发〔2024〕3号\n各单位:\n  正文。\n某政府\n2024年1月2日\n不认识的尾巴\n"
    issue, diagnostics = parse_text(text)
    assert [b.text for b in issue.front] == ["奇怪的开头"]
    policy = issue.policies()[0]
    assert [b.text for b in policy.trailing] == ["不认识的尾巴"]
    lines = {d.line for d in diagnostics if d.code == "unrecognised"}
    assert lines == {1, 13}
    assert (issue.number, issue.part) == (5, "下")


# --- policy records (metadata, clauses, departments, validity, citations) ----------------------------

from builder.link.addresses import clause_ids  # noqa: E402
from builder.read import parse_issue  # noqa: E402
from tests.support import FIXTURES, load  # noqa: E402


def test_seed_policy_records(seed_parsed):
    issue, _ = seed_parsed
    cj, bj, gd, gb = issue.policies()
    assert [p.kind for p in (cj, bj, gd, gb)] == ["通知"] * 4
    assert (cj.validity.effective, cj.validity.effective_text) == (dt.date(2023, 10, 25), "本通知自印发之日起施行")
    assert (gd.validity.valid_until, gd.validity.valid_until_text) == (dt.date(2027, 12, 31), "本措施有效期至2027年12月31日")
    assert gd.validity.span.start == 228
    assert [(c.doc_number, c.span.start) for c in cj.citations] == [("财金〔2022〕72号", 103)]
    assert [c.doc_number for c in bj.citations] == ["银发〔2023〕98号"]
    assert [c.doc_number for c in gd.citations] == [None, "粤府〔2020〕12号", "粤府〔2021〕13号"]
    assert gd.citations[0].title == "保障中小企业款项支付条例"
    assert [c.title for c in gb.citations] == ["知识产权强国建设纲要(2021—2035年)", "“十四五”国家知识产权保护和运用规划"]
    assert [(n.short, n.local) for n in cj.short_names] == [("《办法》", True)]
    assert {n.short: n.full for n in bj.short_names}["北交所"] == "北京证券交易所"


def test_seed_guangdong_measures_each_name_departments(seed_parsed):
    issue, _ = seed_parsed
    gd = issue.policies()[2]
    for clause in gd.attachment.body.clauses:
        named = [d for b in clause.blocks for d in b.departments]
        assert named, clause.marker
    first = gd.attachment.body.clauses[0].blocks[0].departments
    assert first == ("省税务局", "深圳市税务局", "省发展改革委", "省科技厅", "省工业和信息化厅", "省财政厅")
    eighth = gd.attachment.body.clauses[7].blocks[0].departments
    assert "人民银行广东省分行" in eighth and "省地方金融监管局" in eighth


def test_other_policy_shapes():
    issue, diagnostics = parse_issue(load(FIXTURES / "policy-shapes.txt"))
    measures, opinion, decision = issue.policies()
    # 办法 with chapters and articles, two signing bodies on two lines, no 主送机关
    assert measures.kind == "办法" and measures.addressee is None
    assert measures.signature == "某市财政局、某市科技局" and measures.issuers == ("某市财政局", "某市科技局")
    assert measures.issuer == "某市财政局"  # the first, for callers that want one
    assert [(c.level, c.number) for c in measures.body.iter_clauses()] == [(-2, 1), (0, 1), (0, 2), (2, 1), (2, 2), (-2, 2), (0, 3), (0, 4)]
    assert list(clause_ids(measures.body, "s").values()) == ["c1", "a1", "a2", "a2-1", "a2-2", "c2", "a3", "a4"]
    assert measures.body.clauses[0].title == "总则" and measures.body.clauses[0].children[0].title is None
    assert measures.validity.effective == dt.date(2024, 3, 1)
    assert measures.validity.valid_until == dt.date(2027, 2, 28)
    article3 = measures.body.clauses[1].children[0]
    assert article3.marker == "第三条" and article3.blocks[0].departments == ("市财政局", "市科技局")
    assert [n.short for n in measures.short_names] == ["补偿资金"]
    # 意见 without 发文字号 and without 成文日期: reported, not guessed; the date in the text is its 施行日期
    assert opinion.doc_number is None and opinion.date is None and opinion.kind == "意见"
    assert opinion.validity.effective == dt.date(2024, 5, 1)
    assert [c.doc_number for c in opinion.citations] == ["银发〔2023〕98号"]
    assert list(clause_ids(opinion.body, "s").values()) == ["s1", "s2", "s2-1", "s2-2"]
    # 决定 without 主送机关 or 发文字号
    assert decision.kind == "决定" and decision.issuer == "某市人民政府" and decision.date == dt.date(2024, 4, 8)
    found = {(d.line, d.code) for d in diagnostics}
    assert {(27, "no-doc-number"), (27, "no-date"), (36, "no-doc-number"), (36, "no-validity")} <= found


def test_document_shapes_the_corpus_has_no_real_text_for():
    """A 文号 in brackets, an attachment without its own title (a pasted table), 抄送 and 印发
    lines, two 文号 of a joint document on one line, a 纪要 with its own number."""
    issue, diagnostics = parse_issue(load(FIXTURES / "document-shapes.txt"))
    funds, joint, minutes = issue.policies()
    assert [n.normalized for n in funds.doc_numbers] == ["京财预〔2022〕8号"]
    assert [(a.label, a.name, a.included, a.titled) for a in funds.attachments] == [
        ("附件1", "2022年市级科技专项资金分配表", True, False), ("附件2", "绩效目标表", False, False)]
    rows = [b for b in funds.attachments[0].body.preamble if b.kind is BlockKind.TABLE_ROW]
    assert [len(r.cells) for r in rows] == [4, 3, 4, 2] and rows[2].cells == ("2", "孵化器建设", "", "另行下达")
    assert [b.text for b in funds.imprint] == ["抄送：市审计局。", "北京市财政局办公室　　2022年3月2日印发"]
    assert [n.normalized for n in joint.doc_numbers] == ["财金〔2024〕5号", "国科发〔2024〕12号"]
    assert joint.issuers == ("财政部", "科技部") and joint.date == dt.date(2024, 1, 31)
    assert (minutes.kind, minutes.doc_number.normalized, minutes.issuer) == ("纪要", "〔2023〕第12号", "市政府办公室")
    assert not [d for d in diagnostics if d.code == "unrecognised"]


def test_document_shapes_render_every_character(project):
    from builder.build import compile_archive

    result = compile_archive(project(FIXTURES / "document-shapes.txt"))
    assert all(report.ok for report in result.fidelity)
    page = next(p for p in result.pages if p.path.endswith("jcy-2022-8.md"))
    assert "| 序号 | 项目名称 | 金额（万元） | 备注 |" in page.body and "| 合计 | 120 |  |  |" in page.body


def test_a_sections_title_decides_what_shape_alone_does_not():
    text = ("简报·第12期\n\n资讯传递\n\n财政部拟实施科技创新专项担保计划\n\n  正文一。\n\n \n\n另一条消息\n\n  正文二。\n"
            "\n政策速递\n\n某市科技创新专项担保计划\n\n  为支持科技企业，制定本计划。\n")
    issue, diagnostics = parse_text(text)
    assert [type(i).__name__ for i in issue.items()] == ["NewsItem", "NewsItem", "Policy"]
    guessed = {d.line: d.message for d in diagnostics if d.code == "kind-guessed"}
    assert "read as news" in guessed[5] and "read as a policy" in guessed[17]
