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


def test_a_term_links_once_per_clause(seed_archive):
    bj = seed_archive.issues[0].policies()[1]
    total = 0
    for clause in bj.main.iter_clauses():
        count = sum(len(_links_to(seed_archive, b, "beijingzhengquanjiaoyisuo.md")) for b in clause.blocks)
        assert count <= 1, clause.marker
        total += count
    assert total >= 2


def test_term_uses_are_counted_per_page(seed_archive):
    terms = {t.name: t for t in seed_archive.terms}
    uses = {seed_archive.addresses.item(u.item).rsplit("/", 1)[-1]: u.count for u in seed_archive.uses_of(terms["北京证券交易所"])}
    assert uses["jzbf-2023-23.md"] >= 5
    kinds = {type(u.item).__name__ for u in seed_archive.uses_of(terms["科技金融"])}
    assert kinds == {"NewsItem", "Policy"}


def test_local_names_do_not_link_outside_their_document():
    archive = link_files(SEED, FIXTURES / "cross-links.txt")
    other = next(i for i in archive.issues if i.number == 269).news()[0]
    block = next(b for b in other.blocks if "种子基金" in b.text)
    assert not _links_to(archive, block, "zhongzijijin.md")
    own = next(i for i in archive.issues if i.number == 268).news()[3]
    assert any(_links_to(archive, b, "zhongzijijin.md") for b in own.blocks)
