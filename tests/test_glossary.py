"""Glossary: curated entries, extraction of defined names, linking inside Chinese text."""

from __future__ import annotations

import re

import pytest

from builder import records
from builder.build import compile_archive
from builder.errors import InputError
from builder.glossary import TermMatcher, jieba_user_dict, load_curated
from builder.model import NewsItem, Policy
from conftest import FIXTURES, ROOT

CURATED = ROOT / "seeds" / "glossary.yaml"


@pytest.mark.parametrize("text, short, full", [
    ("北京证券交易所（以下简称北交所）服务创新", "北交所", "北京证券交易所"),
    ("北京证券交易所(以下简称北交所)服务创新", "北交所", "北京证券交易所"),
    ("深圳市科技创新种子基金（以下简称“种子基金”）面向全球发布", "种子基金", "深圳市科技创新种子基金"),
    ("深圳市科技创新种子基金(下称\"种子基金\")面向全球发布", "种子基金", "深圳市科技创新种子基金"),
    ("深圳市创新投资集团（下称“深创投”）、深圳天使母基金", "深创投", "深圳市创新投资集团"),
    ("根据《财政部关于印发〈商业保险公司绩效评价办法〉的通知》（财金〔2022〕72号，以下简称《办法》）",
     "《办法》", "《财政部关于印发〈商业保险公司绩效评价办法〉的通知》"),
    ("深化合格境内有限合伙人(QDLP)试点和合格境外有限合伙人（QFLP）试点", "QFLP", "合格境外有限合伙人"),
    ("支持开展基础设施领域不动产投资信托基金(REITs)试点", "REITs", "不动产投资信托基金"),
    ("推动S基金（SecondaryFund）发展", "SecondaryFund", "S基金"),
])
def test_extraction_patterns(text, short, full):
    found = {r.short: r.full for r in records.read_short_names(text)}
    assert found.get(short) == full


def test_curated_glossary_has_forty_entries_with_aliases():
    entries = load_curated(CURATED, "seeds/glossary.yaml")
    assert len(entries) >= 40
    names = {e.term for e in entries} | {a for e in entries for a in e.aliases}
    for required in ("科技金融", "注册制", "专精特新", "小巨人", "首贷", "续贷", "知识产权质押融资", "再贴现", "融资担保",
                     "科创票据", "投贷联动", "新三板", "北交所", "区域性股权市场", "QFLP", "QDLP", "REITs", "S基金",
                     "天使投资", "耐心资本", "专利开放许可", "专利密集型产品"):
        assert required in names, required
    assert all(e.definition and e.category for e in entries)


def test_malformed_glossary_names_file_and_line(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("terms:\n  - term: 甲\n    aliases: []\n    category: 类\n    definition: 释义。\n  - term: 乙\n    definition: 缺少字段\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^seeds/glossary.yaml:6: error: a glossary entry needs exactly the keys"):
        load_curated(path, "seeds/glossary.yaml")


def test_longest_match_inside_a_sentence():
    matcher = TermMatcher({"知识产权": "zscq", "知识产权质押融资": "zscqzyrz", "北交所": "bjs", "PE": "pe"})
    text = "推动知识产权质押融资扩面，推动北交所上市，知识产权保护；OPEN PE基金"
    got = [(text[m.start:m.end], m.key) for m in matcher.find(text)]
    assert got == [("知识产权质押融资", "zscqzyrz"), ("北交所", "bjs"), ("知识产权", "zscq"), ("PE", "pe")]


def test_jieba_user_dict_lists_every_form_once():
    assert jieba_user_dict(["北交所", "北交所", "QFLP", "a b", "x"]) == "QFLP 20000 nz\n北交所 20000 nz\n"


@pytest.fixture(scope="module")
def seed_archive(tmp_path_factory):
    from builder.config import BuildConfig
    import shutil
    from conftest import SEED
    base = tmp_path_factory.mktemp("gl")
    (base / "seeds").mkdir()
    shutil.copyfile(SEED, base / "seeds" / SEED.name)
    shutil.copyfile(CURATED, base / "seeds" / "glossary.yaml")
    config = BuildConfig.from_root(ROOT, seeds=base / "seeds", content=base / "content", site=base / "site")
    return compile_archive(config)


def _page(result, suffix):
    return next(p for p in result.pages if p.path.endswith(suffix))


def test_measure_twelve_links_bjs_with_a_hover(seed_archive):
    body = _page(seed_archive, "policy/jzbf-2023-23.md").body
    measure = next(line for line in body.split("\n\n") if line.startswith("在发行上市"))
    assert re.search(r'在\[北交所\]\(\.\./\.\./\.\./glossary/beijingzhengquanjiaoyisuo\.md "北京证券交易所：[^"]+"\)上市', measure)


def test_no_links_in_headings_or_definition_sentences(seed_archive):
    body = _page(seed_archive, "policy/jzbf-2023-23.md").body
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings and not any("](" in h for h in headings)
    definition = next(p for p in body.split("\n\n") if "以下简称北交所" in p)
    sentence = definition.split("。")[0] if "以下简称北交所" in definition.split("。")[0] else definition
    assert "beijingzhengquanjiaoyisuo" not in sentence


def test_first_occurrence_per_section_only(seed_archive):
    body = _page(seed_archive, "policy/jzbf-2023-23.md").body
    sections = re.split(r"\n#+ ", body)
    for section in sections:
        assert section.count("glossary/beijingzhengquanjiaoyisuo.md") <= 1
    assert body.count("glossary/beijingzhengquanjiaoyisuo.md") >= 2  # measure 12 and one more section


def test_extracted_terms_and_their_sites(seed_archive):
    terms = {t.name: t for t in seed_archive.archive.terms}
    for name in ("合格境外有限合伙人", "合格境内有限合伙人", "不动产投资信托基金", "S基金", "北京证券交易所", "深创投", "种子基金"):
        assert terms[name].defined_at, name
    assert terms["北京证券交易所"].defined_at[0].span.start == 136
    assert terms["深创投"].scope.endswith("news/c-ip-d-ipo-gjhskjrykjsxfn.md")
    assert terms["《办法》"].scope.endswith("policy/cj-2023-89.md")
    assert terms["北京证券交易所"].scope is None
    used = {u.page.split("/")[-1]: u.count for u in terms["北京证券交易所"].uses}
    assert used["jzbf-2023-23.md"] >= 5


def test_local_names_do_not_link_outside_their_document(project):
    result = compile_archive(project(FIXTURES.parent.parent / "seeds" / "bulletin-268-1.txt", FIXTURES / "cross-links.txt"))
    other = _page(result, "269-shang/news/zllyztx.md") if any(p.path.endswith("zllyztx.md") for p in result.pages) else next(
        p for p in result.pages if "269-shang/news/" in p.path)
    assert "种子基金" in other.body and "zhongzijijin" not in other.body
    own = next(p for p in result.pages if p.path.endswith("news/c-ip-d-ipo-gjhskjrykjsxfn.md"))
    assert "zhongzijijin.md" in own.body


def test_cited_doc_numbers_and_mentions_link_to_the_policy(project):
    result = compile_archive(project(FIXTURES.parent.parent / "seeds" / "bulletin-268-1.txt", FIXTURES / "cross-links.txt"))
    issue = next(i for i in result.archive.issues if i.number == 269)
    policy = next(i for i in issue.items() if isinstance(i, Policy))
    (citation,) = [c for c in policy.citations if c.doc_number == "国办发〔2023〕37号"]
    assert citation.target == "issues/268-shang/policy/gbf-2023-37.md"
    page = next(p for p in result.pages if p.path.endswith(f"policy/{policy.slug}.md"))
    assert "(../../268-shang/policy/gbf-2023-37.md)" in page.body
    news = next(i for i in issue.items() if isinstance(i, NewsItem))
    assert [r.path for r in news.related_policies][:1] == ["issues/268-shang/policy/gbf-2023-37.md"]
    gbf = next(p for p in result.archive.issues[1].policies() if p.slug == "gbf-2023-37")
    assert any(r.path.endswith(f"news/{news.slug}.md") for r in gbf.related_news)


def test_conference_news_shares_term_pages_with_policies(seed_archive):
    conference = seed_archive.archive.issues[0].news()[0]
    assert "中央金融工作会议" in "".join(b.text for b in conference.blocks)
    assert conference.related_policies
    terms = {t.name: t for t in seed_archive.archive.terms}
    pages = {u.page for u in terms["科技金融"].uses}
    assert any("news/zhkjjrdwz" in p for p in pages) and any("/policy/" in p for p in pages)
