"""The curated glossary file: its entries and its errors."""

from __future__ import annotations

import pytest

from builder.errors import InputError
from builder.glossary import load_curated
from tests.support import GLOSSARY


def test_curated_glossary_has_forty_entries_with_aliases():
    entries = load_curated(GLOSSARY, "seeds/glossary.yaml")
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


def test_a_form_used_twice_is_refused_with_both_lines(tmp_path):
    path = tmp_path / "glossary.yaml"
    entry = "  - term: {}\n    aliases: [{}]\n    category: 类\n    definition: 释义。\n"
    path.write_text("terms:\n" + entry.format("甲方", "乙") + entry.format("丙方", "乙"), encoding="utf-8")
    with pytest.raises(InputError, match=r"^seeds/glossary.yaml:6: error: “乙” is already used by the entry at line 2"):
        load_curated(path, "seeds/glossary.yaml")


def test_not_within_lists_words_where_a_form_is_not_the_term():
    entries = {e.term: e for e in load_curated(GLOSSARY, "seeds/glossary.yaml")}
    assert "风险资本" in entries["保险资金"].not_within
