"""Readings inside running text: defined short names, departments, validity, citations, 文种."""

from __future__ import annotations

import datetime as dt

import pytest

from builder.read import extract


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
def test_short_name_definitions(text, short, full):
    found = {r.short: r.full for r in extract.read_short_names(text)}
    assert found.get(short) == full


def test_departments_carry_the_group_prefix():
    text = "加大支持力度。（省发展改革委、科技厅，深圳市人民政府，省市场监管局按职责负责）"
    assert extract.read_departments(text) == ["省发展改革委", "省科技厅", "深圳市人民政府", "省市场监管局"]


def test_validity_phrases():
    issued = dt.date(2023, 10, 25)
    reading = extract.read_validity("本通知自印发之日起施行。", issued)
    assert (reading.effective, reading.effective_text) == (issued, "本通知自印发之日起施行")
    reading = extract.read_validity("本措施有效期至2027年12月31日，具体政策有明确有效期的从其规定。", None)
    assert reading.valid_until == dt.date(2027, 12, 31)
    assert extract.read_validity("加强组织领导。", issued) is None


def test_citations_in_order_with_their_numbers():
    text = "根据《财政部关于印发<商业保险公司绩效评价办法>的通知》（财金〔2022〕72号）和国办发〔2023〕37号文件"
    got = [(c.title, c.doc_number) for c in extract.read_citations(text)]
    assert got == [("财政部关于印发<商业保险公司绩效评价办法>的通知", "财金〔2022〕72号"), (None, "国办发〔2023〕37号")]


@pytest.mark.parametrize("title, kind", [
    ("北京市人民政府办公厅关于印发《…实施方案》的通知", "通知"),
    ("广东省降低制造业成本推动制造业高质量发展若干措施", "措施"),
    ("专利转化运用专项行动方案(2023—2025年)", "方案"),
    ("关于加强金融支持科技创新的实施意见", "意见"),
    ("国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函", "复函"),
    ("国务院办公厅对十届全国人大四次会议第7240号建议的答复", "答复"),
    ("《中国人民银行上海分行关于修订〈上海市支付清算系统运行管理实施细则〉的通知》", "通知"),
    ("临沧市道路交通安全管理特别规定(试行)", "规定"),
    ("中国人民银行令", "令"),
    ("某市人民政府常务会议纪要", "纪要"),
    ("关于做好2024年春节期间有关工作的公告", "公告"),
])
def test_document_kind_is_the_longest_known_ending(title, kind):
    assert extract.document_kind(title) == kind
