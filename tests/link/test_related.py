"""Related news ↔ policy pairs: explicit mentions first, then rarity-weighted shared terms."""

from __future__ import annotations

import pytest

from builder.link.related import MAX_RELATED
from tests.support import FIXTURES, SEED, link_files

# Judged by reading the items (seed and the cross-links fixture): (news headline start, policy
# title start, related?).
JUDGED = [
    ("专利转化运用再提速", "国务院办公厅关于印发《专利转化运用专项行动方案", True),  # names 国办发〔2023〕37号
    ("从“IP”到“IPO”", "国务院办公厅关于印发《专利转化运用专项行动方案", True),  # 知识产权, 专利 …
    ("从“IP”到“IPO”", "北京市人民政府办公厅关于印发《北京市中关村", True),  # 创业投资, 知识产权 …
    ("做好科技金融大文章", "北京市人民政府办公厅关于印发《北京市中关村", True),  # 科创金融, 融资 …
    ("河北石家庄鹿泉区", "关于落实专利转化运用专项行动的通知", False),  # one shared term is not enough
    ("拓宽融资渠道", "关于引导保险资金长期稳健投资", False),
    ("做好科技金融大文章", "关于引导保险资金长期稳健投资", False),
]


@pytest.fixture(scope="module")
def archive():
    return link_files(SEED, FIXTURES / "cross-links.txt")


def _item(archive, start):
    return next(i for i in archive.items() if i.title.startswith(start))


@pytest.mark.parametrize("news, policy, related", JUDGED)
def test_judged_pairs(archive, news, policy, related):
    a, b = _item(archive, news), _item(archive, policy)
    assert (b in archive.related_to(a)) == related
    assert (a in archive.related_to(b)) == related


def test_naming_a_policy_ranks_it_first(archive):
    news = _item(archive, "专利转化运用再提速")
    assert archive.related_to(news)[0] is _item(archive, "国务院办公厅关于印发《专利转化运用专项行动方案")


def test_related_lists_are_capped(archive):
    assert all(len(v) <= MAX_RELATED for v in archive.related.values())
