"""One home for addresses: page paths, heading ids and file names, decided once after parsing."""

from __future__ import annotations

from builder.link.addresses import (
    Addresses,
    clause_ids,
    issue_slug,
    news_slug,
    policy_slug,
)
from builder.model import DocNumber
from tests.support import link_texts

ISSUE = "简报·第{n}期(上)\n\n资讯传递\n\n{news}\n\n  正文。\n来源:某报 2023-11-01\n"


def test_seed_page_paths(seed_archive):
    addr = seed_archive.addresses
    issue = seed_archive.issues[0]
    assert addr.issue(issue) == "issues/268-shang/index.md"
    assert [addr.item(p) for p in issue.policies()] == [
        f"issues/268-shang/policy/{s}.md" for s in ("cj-2023-89", "jzbf-2023-23", "ybh-2023-302", "gbf-2023-37")]
    assert addr.item(issue.news()[0]) == "issues/268-shang/news/zhkjjrdwz-tdjjgzlfz.md"
    assert addr.item_id(issue.policies()[3]) == "268-shang/gbf-2023-37"
    assert [addr.section_id(s) for s in issue.sections] == ["zixunchuandi", "zhengcesudi"]


def test_urls_keep_anchors():
    assert Addresses.url("issues/268-shang/policy/gbf-2023-37.md#s2-1") == "issues/268-shang/policy/gbf-2023-37.html#s2-1"
    assert Addresses.url("assets/briefing.css") == "assets/briefing.css"


def test_names_come_from_the_item_not_its_position():
    assert issue_slug(268, "上", "seeds/x.txt") == "268-shang"
    assert issue_slug(None, None, "seeds/Bulletin 7.txt") == "bulletin-7"
    assert policy_slug(DocNumber("国办发〔2023〕37号", "国办发〔2023〕37号", "国办发", 2023, 37), "…") == "gbf-2023-37"
    assert news_slug("做好科技金融大文章 推动经济高质量发展") == "zhkjjrdwz-tdjjgzlfz"


def test_adding_an_item_moves_no_other_page():
    one = link_texts(ISSUE.format(n=5, news="甲乙丙丁"))
    two = link_texts(ISSUE.format(n=5, news="戊己庚辛") + "\n甲乙丙丁\n\n  正文。\n来源:某报 2023-11-02\n")
    path = {one.addresses.item(i) for i in one.items()}
    assert path <= {two.addresses.item(i) for i in two.items()}


def test_clause_ids_are_number_paths(seed_archive):
    addr = seed_archive.addresses
    bj = seed_archive.issues[0].policies()[1]
    twelve = next(c for c in bj.main.iter_clauses() if c.marker == "12.")
    assert addr.clause_id(twelve) == "s3-2-12"
    assert addr.clause(bj, twelve) == "issues/268-shang/policy/jzbf-2023-23.md#s3-2-12"
    notice_ids = clause_ids(bj.body, "n")
    assert all(v.startswith("n") for v in notice_ids.values())


def test_passage_is_the_clause_or_subheading_of_a_line(seed_archive):
    addr = seed_archive.addresses
    issue = seed_archive.issues[0]
    bj = issue.policies()[1]
    assert addr.passage(bj, 136) == "issues/268-shang/policy/jzbf-2023-23.md#s2-1"
    first = issue.news()[0]
    assert addr.passage_id(first, first.span.start) == "top"
    subheading = next(b for b in first.blocks if b.kind.value == "subheading")
    assert addr.passage_id(first, subheading.span.start) == "p1"


def test_item_named_like_a_page_heading_gets_another_id():
    archive = link_texts(ISSUE.format(n=5, news="TOP"))
    item = archive.items()[0]
    assert archive.addresses.item_heading_id(item) != "top"


def test_terms_that_read_alike_keep_their_own_pages():
    from builder.glossary.curated import CuratedEntry

    curated = [CuratedEntry("中药", (), "类", "中医用药。", 2), CuratedEntry("重要", (), "类", "要紧。", 6)]
    archive = link_texts(ISSUE.format(n=5, news="某消息"), curated=curated)
    names = sorted(archive.addresses.term(t) for t in archive.terms)
    assert names == ["glossary/zhongyao-2.md", "glossary/zhongyao.md"]
    (problem,) = [d for d in archive.diagnostics if d.code == "term-name-collision"]
    assert problem.file == "seeds/glossary.yaml" and problem.line == 6


def test_a_term_named_index_does_not_take_the_glossary_index():
    from builder.glossary.curated import CuratedEntry

    archive = link_texts(ISSUE.format(n=5, news="某消息"), curated=[CuratedEntry("Index", (), "类", "指数。", 2)])
    assert [archive.addresses.term(t) for t in archive.terms] == ["glossary/index-2.md"]
    assert any(d.code == "term-name-collision" and d.line == 2 for d in archive.diagnostics)


def test_every_policy_address_is_unique(seed_archive):
    paths = [seed_archive.addresses.item(i) for i in seed_archive.items()]
    assert len(paths) == len(set(paths))
