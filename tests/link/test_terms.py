"""Glossary terms found in running text: first mention per unit, never in definitions or headings."""

from __future__ import annotations

from tests.support import FIXTURES, SEED, link_files


def _links_to(archive, block, suffix):
    return [k for k in archive.links_in(block) if k.target.endswith(suffix)]


def test_measure_twelve_links_bjs_with_a_hover(seed_archive):
    bj = seed_archive.issues[0].policies()[1]
    twelve = next(c for c in bj.main.iter_clauses() if c.marker == "12.")
    (link,) = _links_to(seed_archive, twelve.blocks[0], "glossary/beijingzhengquanjiaoyisuo.md")
    assert twelve.blocks[0].text[link.start:link.end] == "北交所"
    assert link.title.startswith("北京证券交易所：")


def test_no_link_in_the_sentence_that_defines_a_term(seed_archive):
    bj = seed_archive.issues[0].policies()[1]
    block = next(b for b in bj.blocks() if "以下简称北交所" in b.text)
    definition_end = block.text.index("以下简称北交所") + len("以下简称北交所")
    sentence_end = block.text.index("。", definition_end)
    links = _links_to(seed_archive, block, "glossary/beijingzhengquanjiaoyisuo.md")
    assert all(k.start > sentence_end for k in links)


def test_each_term_links_once_per_page_at_its_first_mention(seed_archive):
    for item in seed_archive.items():
        blocks = item.blocks() if hasattr(item, "bodies") else list(item.blocks)
        targets = [k.target for b in blocks for k in seed_archive.links_in(b) if k.target.startswith("glossary/")]
        assert len(targets) == len(set(targets)), item.title
    bj = seed_archive.issues[0].policies()[1]
    links = [(b, k) for b in bj.blocks() for k in seed_archive.links_in(b) if k.target.endswith("beijingzhengquanjiaoyisuo.md")]
    assert len(links) == 1
    block, link = links[0]
    definition = next(b for b in bj.blocks() if "以下简称北交所" in b.text)
    assert block.span.start >= definition.span.start  # not before the definition, not inside its sentence


def test_a_name_a_document_coins_links_nowhere_and_shields_shorter_terms(seed_archive):
    news = seed_archive.issues[0].news()[3]
    block = next(b for b in news.blocks if "深创投已投资创投项目" in b.text)
    assert not [k for k in seed_archive.links_in(block) if "shenchuangtou" in k.target]
    at = block.text.index("深创投")
    assert not [k for k in seed_archive.links_in(block) if k.start <= at + 1 < k.end]  # 创投 inside 深创投 is not a link


def test_term_uses_are_counted_per_page(seed_archive):
    terms = {t.name: t for t in seed_archive.terms}
    uses = {seed_archive.addresses.item(u.item).rsplit("/", 1)[-1]: u for u in seed_archive.uses_of(terms["北京证券交易所"])}
    assert uses["jzbf-2023-23.md"].count >= 5
    assert uses["jzbf-2023-23.md"].line == 136  # the first use, where the passage link points
    kinds = {type(u.item).__name__ for u in seed_archive.uses_of(terms["科技金融"])}
    assert kinds == {"NewsItem", "Policy"}


def test_local_names_do_not_link_outside_their_document():
    archive = link_files(SEED, FIXTURES / "cross-links.txt")
    other = next(i for i in archive.issues if i.number == 269).news()[0]
    block = next(b for b in other.blocks if "种子基金" in b.text)
    assert not _links_to(archive, block, "zhongzijijin.md")
    own = next(i for i in archive.issues if i.number == 268).news()[3]
    assert not any(_links_to(archive, b, "zhongzijijin.md") for b in own.blocks)  # no stub page either


def test_a_form_inside_a_word_the_glossary_names_is_not_the_term(seed_archive):
    news = seed_archive.issues[0].news()[3]
    block = next(b for b in news.blocks if "风险资本" in b.text)
    at = block.text.index("风险资本")
    assert not [k for k in seed_archive.links_in(block) if k.start < at + 4 and at < k.end]  # 险资 (保险资金) not_within 风险资本
