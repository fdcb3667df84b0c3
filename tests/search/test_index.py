"""builder/search/: tokens, 发文字号 keys, posting encoding, page extraction, determinism."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.build import build
from builder.config import BuildConfig
from builder.search import build_search
from builder.search.emit import shard_count
from builder.search.extract import read_pages
from builder.search.fields import page_record
from builder.search.index import decode_postings, encode_postings, varint
from builder.search.tokens import (
    docnum_query_tokens,
    docnum_tokens,
    name_token,
    normalize,
    text_tokens,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> BuildConfig:
    from tests.support import GLOSSARY, ROOT, SEED

    base = tmp_path_factory.mktemp("search-index")
    seeds = base / "seeds"
    seeds.mkdir()
    for path in (SEED, GLOSSARY):
        shutil.copyfile(path, seeds / path.name)
    config = BuildConfig.from_root(ROOT, seeds=seeds, content=base / "content", site=base / "site")
    build(config)
    return config


def test_bigrams_words_and_no_single_han():
    assert text_tokens(normalize("专利")) == ["专利"]
    assert text_tokens(normalize("QFLP试点")) == ["qflp", "qflp试", "试点"]
    assert text_tokens(normalize("２０２３年10月")) == ["2023", "2023年", "10", "年10", "10月"]
    assert text_tokens(normalize("北交所，上市")) == ["北交", "交所", "上市"]  # punctuation ends a run
    assert text_tokens("税") == []


@pytest.mark.parametrize("typed", ["国办发〔2023〕37号", "国办发[2023]37号", "国办发2023年37号", "国办发（2023）37号",
                                   "国办发(2023)第37号", "国办发〔２０２３〕３７号"])
def test_every_written_form_of_a_doc_number_meets_the_page_key(typed):
    page_keys = set(docnum_tokens(normalize("关于印发国办发〔2023〕37号文件")))
    assert docnum_query_tokens(normalize(typed)) == ["#国办发|2023|37"]
    assert "#国办发|2023|37" in page_keys


def test_doc_number_without_year_and_longer_codes():
    keys = docnum_tokens(normalize("京政办发〔2023〕23号"))
    assert {"#京政办发|2023|23", "#政办发|2023|23", "#京政办发||23", "#办发||23"} <= set(keys)
    assert docnum_query_tokens(normalize("国办发37号")) == ["#国办发||37"]
    assert docnum_query_tokens(normalize("2023年10月")) == []


def test_name_token_ignores_punctuation_and_case():
    assert name_token("首台（套）重大技术装备保险") == name_token("首台(套)重大技术装备保险") == "=首台套重大技术装备保险"
    assert name_token("REITs") == "=reits"


def test_postings_round_trip():
    pages = {0: {0: 1, 3: 7}, 5: {2: 2}, 700: {1: 1, 40: 4}}
    assert decode_postings(encode_postings(pages)) == {0: {0: 1, 3: 4}, 5: {2: 2}, 700: {1: 1, 40: 4}}
    assert varint(0) == "0" and varint(31) == "V" and len(varint(32)) == 2


def test_shards_grow_with_the_index():
    assert shard_count([100] * 10) == 8
    assert shard_count([6000] * 1000) == 1024


def test_pages_are_read_without_navigation(built):
    pages = {p.url: p for p in read_pages(built.site_dir, built.content_dir)}
    assert "index.html" not in pages and "glossary/index.html" not in pages
    bj = pages["issues/268-shang/policy/jzbf-2023-23.html"]
    anchors = [s.anchor for s in bj.sections]
    assert "s3-2-12" in anchors and "related" not in anchors
    measure = next(s for s in bj.sections if s.anchor == "s3-2-12")
    assert measure.heading.startswith("12.发挥北交所") and "北交所上市" in measure.text and "¶" not in measure.heading
    term = pages["glossary/beijingzhengquanjiaoyisuo.html"]
    assert [s.anchor for s in term.sections] == ["top", "defined"]  # backlinks (uses) left out
    record = page_record(pages["issues/268-shang/policy/ybh-2023-302.html"])
    assert "粤办函〔2023〕302号" in record.keywords and "2027年12月31日" in record.keywords
    assert "项目" not in record.sections[0].text  # the policy card is indexed from front matter


def test_search_files_are_byte_identical_when_built_again(built, tmp_path):
    first = _tree(built.site_dir / "search")
    shutil.copytree(built.site_dir, tmp_path / "site")
    build_search(tmp_path / "site", built.content_dir)
    assert _tree(tmp_path / "site" / "search") == first


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
