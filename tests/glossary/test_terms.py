"""Terms built from the curated entries and the short names the bulletins define."""

from __future__ import annotations


def test_extracted_terms_and_their_sites(seed_archive):
    terms = {t.name: t for t in seed_archive.terms}
    for name in ("合格境外有限合伙人", "合格境内有限合伙人", "不动产投资信托基金", "S基金", "北京证券交易所", "深创投", "种子基金"):
        assert terms[name].defined_at, name
    assert terms["北京证券交易所"].defined_at[0].span.start == 136
    assert terms["北京证券交易所"].curated and terms["北京证券交易所"].scope is None
    assert terms["深创投"].scope.title == "从“IP”到“IPO” 高交会上看金融与科技双向赋能"
    assert terms["《办法》"].scope.doc_number.normalized == "财金〔2023〕89号"
    assert terms["《办法》"].full == "《财政部关于印发<商业保险公司绩效评价办法>的通知》"


def test_hover_text_is_the_definition_or_the_full_form(seed_archive):
    terms = {t.name: t for t in seed_archive.terms}
    assert terms["北京证券交易所"].hover().startswith("北京证券交易所：")
    assert terms["深创投"].hover() == "深创投：深圳市创新投资集团的简称"
