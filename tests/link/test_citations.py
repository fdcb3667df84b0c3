"""Cross-references: cited 发文字号 and news mentions link to the policy's page."""

from __future__ import annotations

from tests.support import FIXTURES, SEED, link_files


def test_cited_doc_numbers_and_mentions_link_to_the_policy():
    archive = link_files(SEED, FIXTURES / "cross-links.txt")
    addr = archive.addresses
    issue = next(i for i in archive.issues if i.number == 269)
    (policy,) = issue.policies()
    (citation,) = [c for c in policy.citations if c.doc_number == "国办发〔2023〕37号"]
    assert addr.item(archive.cited[citation]) == "issues/268-shang/policy/gbf-2023-37.md"
    block = next(b for b in policy.blocks() if "国办发〔2023〕37号" in b.text)
    assert [k.target for k in archive.links_in(block)][:1] == ["issues/268-shang/policy/gbf-2023-37.md"]
    (news,) = issue.news()
    mention = next(b for b in news.blocks if "国办发〔2023〕37号" in b.text)
    assert "issues/268-shang/policy/gbf-2023-37.md" in [k.target for k in archive.links_in(mention)]


def test_a_policy_does_not_cite_itself(seed_archive):
    for policy in seed_archive.issues[0].policies():
        assert all(seed_archive.cited.get(c) is not policy for c in policy.citations)
