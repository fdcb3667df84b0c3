"""builder/search/: tokens, 发文字号 keys, posting encoding, page extraction, determinism,
the cache and incremental builds."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from builder.config import BuildConfig
from builder.search import build_search, cache
from builder.search.emit import shard_count
from builder.search.extract import read_pages, sections_of
from builder.search.fields import PageRecord, page_record
from builder.search.index import PagePostings, decode_postings, encode_postings, varint
from builder.search.merge import merge_all, patched
from builder.search.pages import PageEntry, numbered
from builder.search.tokens import (
    _DOCNUM,
    docnum_query_tokens,
    docnum_tokens,
    name_token,
    normalize,
    text_tokens,
)


@pytest.fixture(scope="module")
def built(site_build) -> BuildConfig:
    """The shared HTML build: the seed (第268期上), a hostile bulletin and a second issue."""
    return site_build


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
    gbf = pages["issues/268-shang/policy/gbf-2023-37.html"]  # related news of past issues: links too
    assert 'id="related-archive"' in (built.site_dir / gbf.url).read_text(encoding="utf-8")
    assert "related-archive" not in [s.anchor for s in gbf.sections]
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


def test_normalize_is_nfkc_and_lower_case_character_by_character():
    text = "ＡＢＣ１２３，（国办发）　Ⅻ①ﬁ İ 𝐀𝟏 \ufa10\u4e00 e\u0301"
    assert normalize(text) == "".join(unicodedata.normalize("NFKC", ch).lower() for ch in text)


@pytest.mark.parametrize("text", ["国办发〔2023〕37号国办发〔2023〕38号", "37号国办发〔2023〕38号、粤办函〔2023〕302号",
                                  "号外号外国办发2023年第5号", "关于国办发 〔 2023 〕 第 37 号的通知", "国办发37号，无年份"])
def test_doc_number_keys_are_those_of_every_match(text):
    norm = normalize(text)
    expected = []
    for m in _DOCNUM.finditer(norm):
        code, year, num = m.group(1), m.group(2), str(int(m.group(3)))
        for size in range(2, min(len(code), 8) + 1):
            expected += [f"#{code[-size:]}|{year}|{num}", f"#{code[-size:]}||{num}"]
    assert docnum_tokens(norm) == expected


def test_article_scan_keeps_text_and_skips_navigation():
    article = ('<article class="md-content__inner"><p class="crumbs"><a href="x">首页</a></p>'
               '<h1 id="top">标题&amp;题<a class="headerlink" href="#top">¶</a></h1><!-- 注释 -->'
               '<p>第一行<br/>第二行 &lt;b&gt; <span class="editor-note" title="a>b">编者注</span>正文 1 < 2</p>'
               '<div class="policy-meta"><table><tr><td>项目</td></tr></table></div>'
               "<h2 id='s1' class=\"x\">一、措施</h2><ul><li>甲</li><li>乙<img src=a.png></li></ul></article>")
    sections = [(s.anchor, s.heading, s.text) for s in sections_of(article)]
    assert sections == [("top", "标题&题", "第一行\n第二行 <b> 正文 1 < 2"), ("s1", "一、措施", "甲\n乙")]


def _entry(url: str, issue: int = 0, scope: str = "") -> PageEntry:
    record = PageRecord(url, "term" if url.startswith("glossary/") else "news", url, url, "", [], [],
                        issue_order=(issue, 1) if issue else (0, 0), scope=scope)
    return PageEntry(url.encode(), record, PagePostings("", ""), None)


def test_page_numbers_stay_when_the_newest_issue_is_added():
    old = [_entry("glossary/zhuanli.html"), _entry("issues/99-shang/news/a.html", 99),
           _entry("glossary/99-shang-a-x.html", scope="issues/99-shang/news/a.html"),
           _entry("issues/100-shang/index.html", 100), _entry("glossary/buchong.html")]
    new = old + [_entry("issues/101-shang/index.html", 101),
                 _entry("glossary/101-shang-b-y.html", scope="issues/101-shang/news/b.html")]
    before = [e.record.url for e in numbered(old)]
    assert before == ["glossary/buchong.html", "glossary/zhuanli.html", "glossary/99-shang-a-x.html",
                      "issues/99-shang/news/a.html", "issues/100-shang/index.html"]
    assert [e.record.url for e in numbered(new)][:len(before)] == before


def test_patched_posting_lists_equal_merged_ones():
    def page(words: str) -> PagePostings:
        tokens = words.split()
        return PagePostings(" ".join(tokens), " ".join(varint(1) + varint(4 * len(t)) for t in tokens))

    first = [page("专利 质押"), page("专利 融资"), page("融资")]
    urls, keys = ["a", "b", "c"], [b"a", b"b", b"c"]
    merged = merge_all(urls, keys, first)
    old = dict(zip(keys, first))
    second = [page("专利 质押"), page("专利 担保 融资"), page("融资"), page("担保")]
    keys2 = [b"a", b"b2", b"c", b"d"]
    patch = patched(merged, urls + ["d"], keys2, second, old.get)
    assert patch is not None and patch.encoded == merge_all(urls + ["d"], keys2, second).encoded
    assert patched(merged, ["b", "a", "c"], keys, first, old.get) is None  # renumbered: merge afresh
    grown = first + [page("专利 质押"), page("融资")]  # pages added at the end: lists grow at the end
    added = patched(merged, urls + ["d", "e"], keys + [b"d", b"e"], grown, old.get)
    assert added is not None and added.encoded == merge_all(urls + ["d", "e"], keys + [b"d", b"e"], grown).encoded


def test_a_changed_page_is_read_again_alone_and_the_index_equals_a_fresh_one(built, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_MEMORY", {})
    site, fresh, cache_dir = tmp_path / "site", tmp_path / "fresh", tmp_path / "cache"
    shutil.copytree(built.site_dir, site)
    build_search(site, built.content_dir, cache_dir)
    page = site / "issues/268-shang/policy/jzbf-2023-23.html"
    page.write_text(page.read_text(encoding="utf-8").replace("北交所", "北京证券交易所"), encoding="utf-8")
    (site / "search/p/9999.js").write_text("stale")
    cache._MEMORY.clear()  # a new process: the cache on disk only
    emitted = build_search(site, built.content_dir, cache_dir)
    assert 0 < emitted.written < emitted.files / 4 and emitted.removed == 1
    assert cache._MEMORY and list(cache._MEMORY.values())[0].entries  # kept for the next build
    shutil.copytree(built.site_dir, fresh, ignore=shutil.ignore_patterns("search"))
    shutil.copyfile(page, fresh / "issues/268-shang/policy/jzbf-2023-23.html")
    build_search(fresh, built.content_dir)
    assert _tree(site / "search") == _tree(fresh / "search")
    again = build_search(site, built.content_dir, cache_dir)
    assert again.written == 0 and again.removed == 0


def test_cache_of_other_search_code_is_not_used(built, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_MEMORY", {})
    site, cache_dir = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(built.site_dir, site)
    build_search(site, built.content_dir, cache_dir)
    cache._MEMORY.clear()
    monkeypatch.setattr(cache, "search_version", lambda: "other")
    store = cache.PageCache(cache_dir, built.content_dir)
    assert store.old.entries == {} and re.fullmatch(r"pages-[0-9a-f]{16}\.pickle", store.path.name)


def test_a_file_shared_with_another_site_is_replaced_not_rewritten(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built.site_dir, site)
    meta, previous = site / "search" / "meta.js", tmp_path / "previous-site-meta.js"
    meta.write_bytes(b"outdated")
    previous.hardlink_to(meta)  # a previous site copied by hard links
    build_search(site, built.content_dir)
    assert previous.read_bytes() == b"outdated" and meta.read_bytes() != b"outdated"


def _spy_reads(monkeypatch) -> tuple[list[str], list[str]]:
    """Record the pages whose HTML the index reads and the index files it reads to compare."""
    from builder.search import emit, pages

    pages_read: list[str] = []
    files_read: list[str] = []
    real_article, real_read = pages.article_bytes, emit._read
    monkeypatch.setattr(pages, "article_bytes", lambda data: pages_read.append(len(data)) or real_article(data))
    monkeypatch.setattr(emit, "_read", lambda path, size: files_read.append(path.name) or real_read(path, size))
    return pages_read, files_read


def test_unchanged_pages_and_index_files_are_not_read_again(built, tmp_path, monkeypatch):
    """A page whose Markdown and HTML keep the status they had when the index read them is not read
    again, nor is an index file that keeps its status and bytes; a page changed since is."""
    monkeypatch.setattr(cache, "_MEMORY", {})
    monkeypatch.setattr(cache, "TICK_NS", 0)  # files written just before a build count as settled
    site, cache_dir = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(built.site_dir, site)
    build_search(site, built.content_dir, cache_dir)
    cache._MEMORY.clear()  # a new process: the cache on disk only
    pages_read, files_read = _spy_reads(monkeypatch)
    again = build_search(site, built.content_dir, cache_dir)
    assert pages_read == [] and files_read == [] and again.written == 0
    page = site / "issues/268-shang/policy/jzbf-2023-23.html"
    page.write_text(page.read_text(encoding="utf-8").replace("北交所", "北京证券交易所"), encoding="utf-8")
    third = build_search(site, built.content_dir, cache_dir)
    assert len(pages_read) == 1 and 0 < third.written < third.files / 4


def test_a_page_changed_within_a_clock_step_of_the_reading_is_read_again(built, tmp_path, monkeypatch):
    """Changed in place with the same size and modification time, a page that was written just
    before the index read it is still read again: its status could not show the change."""
    monkeypatch.setattr(cache, "_MEMORY", {})
    site, cache_dir = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(built.site_dir, site)
    page = site / "issues/268-shang/policy/jzbf-2023-23.html"
    os.utime(page)  # written just now
    build_search(site, built.content_dir, cache_dir)
    before = page.stat()
    with page.open("r+b") as fh:  # same file, same size
        data = fh.read()
        fh.seek(0)
        fh.write(data.replace("北交所".encode(), "北交场".encode()))
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (page.stat().st_ino, page.stat().st_size, page.stat().st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    pages_read, _ = _spy_reads(monkeypatch)
    build_search(site, built.content_dir, cache_dir)
    assert pages_read, "the page was taken from the cache although it may have changed"
    assert "北交场" in "".join(p.read_text(encoding="utf-8") for p in (site / "search" / "p").glob("*.js"))
