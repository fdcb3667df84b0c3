"""Related news ↔ policy pairs."""

from __future__ import annotations

from tests.support import FIXTURES, SEED, link_files


def test_conference_news_is_related_to_policies(seed_archive):
    conference = seed_archive.issues[0].news()[0]
    assert "中央金融工作会议" in "".join(b.text for b in conference.blocks)
    assert seed_archive.related_to(conference)


def test_naming_a_policy_ranks_it_first_and_relates_both_ways():
    archive = link_files(SEED, FIXTURES / "cross-links.txt")
    news = next(i for i in archive.issues if i.number == 269).news()[0]
    gbf = next(p for p in archive.issues[1].policies() if p.doc_number.normalized == "国办发〔2023〕37号")
    assert archive.related_to(news)[0] is gbf
    assert news in archive.related_to(gbf)


def test_related_lists_are_capped(seed_archive):
    from builder.link.related import MAX_RELATED

    assert all(len(v) <= MAX_RELATED for v in seed_archive.related.values())
