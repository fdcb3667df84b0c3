"""A full ``mkdocs build --strict`` of the seed, with assertions on the HTML it produces."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from builder.build import build
from builder.config import BuildConfig
from tests.support import ROOT, tree


class _Refs(HTMLParser):
    """Collects every URL the browser would fetch on its own (not plain links)."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.fetched.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical",):
            self.fetched.append(a["href"])


def _text(html: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def test_issue_home_lists_all_items(site):
    html = (site / "issues/268-shang/index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="((?:news|policy)/[a-z0-9-]+\.html)"', html)
    assert len(set(links)) == 8
    for title in ("做好科技金融大文章 推动经济高质量发展", "广东省人民政府办公厅关于印发广东省降低制造业成本推动制造业高质量发展若干措施的通知"):
        assert title in html


def test_every_policy_page_has_its_metadata_block(site):
    pages = sorted((site / "issues/268-shang/policy").glob("*.html"))
    assert len(pages) == 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        card = html.split('<dl class="policy-meta">', 1)[1].split("</dl>", 1)[0]
        labels = re.findall(r"<dt>(.*?)</dt>", card)
        assert labels[:3] == ["发文机关", "发文字号", "成文日期"], page.name  # the facts scanned first
        assert "标题" not in labels and "（20" not in card  # no repeated title, one date format
    gb = (site / "issues/268-shang/policy/gbf-2023-37.html").read_text(encoding="utf-8")
    assert ('<dt>发文字号</dt><dd>国办发〔2023〕37号 <span class="editor-note" title="编者注：页面显示的是规范化后的写法">'
            "（原文作“国办发〔202337”）</span></dd>") in gb
    assert 'id="s2-1"' in gb and 'id="s5-15"' in gb


def test_site_search_is_the_briefing_index(site):
    # Material's search plugin is off (no lunr index); builder/search/ wrote its sharded index.
    assert not (site / "search/search_index.json").exists()
    assert (site / "search/meta.js").is_file() and any((site / "search/i").iterdir())
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<div class="bs" role="search">' in home and "assets/briefing-search/boot.js" in home
    assert "search/meta.js" not in home and "briefing-search/search.js" not in home  # loaded on demand


def test_no_request_leaves_the_site(site):
    for page in site.rglob("*.html"):
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        external = [u for u in refs.fetched if re.match(r"^(https?:)?//", u)]
        assert external == [], page
    for css in site.rglob("*.css"):
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_hostile_text_is_text_in_html(site):
    # The seed's own angle brackets (《财政部关于印发<商业保险公司绩效评价办法>的通知》) stay text.
    html = (site / "issues/268-shang/policy/cj-2023-89.html").read_text(encoding="utf-8")
    assert "&lt;商业保险公司绩效评价办法&gt;" in html
    assert "<商业保险公司绩效评价办法>" not in html


def test_news_page_reads_in_order(site):
    html = (site / "issues/268-shang/news/tkrzqd-zckjcx.html").read_text(encoding="utf-8")
    text = _text(html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0])
    order = ["拓宽融资渠道支持科技创新", "——厦门建行", "商投协同", "股债结合", "首创“投资流”", "来源:厦门日报陈志龙李哲严明君20233-11-09"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert "原文日期作“20233-11-09”" in html


def test_beijing_measures_and_guangdong_departments_in_html(site):
    bj = (site / "issues/268-shang/policy/jzbf-2023-23.html").read_text(encoding="utf-8")
    anchors = re.findall(r'id="(s\d+-\d+-\d+|s4-\d+)"', bj)
    assert len(anchors) == 41 and 'id="s3-2-12"' in bj
    assert bj.count('class="headerlink"') >= 41  # every measure heading has its permalink
    gd = (site / "issues/268-shang/policy/ybh-2023-302.html").read_text(encoding="utf-8")
    assert gd.count('class="departments"') == 10
    assert 'id="departments"' in gd and '<td>省残联</td>' in gd
    assert "<dt>有效期至</dt><dd>2027年12月31日（本措施有效期至2027年12月31日）</dd>" in gd
    cj = (site / "issues/268-shang/policy/cj-2023-89.html").read_text(encoding="utf-8")
    assert "<dt>施行日期</dt><dd>2023年10月25日（本通知自印发之日起施行）</dd>" in cj
    assert 'id="citations"' in cj and "财金〔2022〕72号" in cj


def test_data_exports_are_published(site):
    data = json.loads((site / "data/policies.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["policies"]][:4] == ["900-xia/cf-2024-1", "269-shang/mzf-2023-9", "268-shang/cj-2023-89", "268-shang/jzbf-2023-23"]
    assert (site / "data/policies.schema.json").is_file() and (site / "data/news.json").is_file()


def test_glossary_in_html_and_search(site):
    bj = (site / "issues/268-shang/policy/jzbf-2023-23.html").read_text(encoding="utf-8")
    assert re.search(r'在<a class="tip" data-tip="北京证券交易所：[^"]+" href="../../../glossary/beijingzhengquanjiaoyisuo.html">北交所</a>上市', bj)
    index = (site / "glossary/index.html").read_text(encoding="utf-8")
    assert index.count('href="beijingzhengquanjiaoyisuo.html"') == 1 and 'id="local"' in index
    term = (site / "glossary/beijingzhengquanjiaoyisuo.html").read_text(encoding="utf-8")
    assert 'href="../issues/268-shang/policy/jzbf-2023-23.html#s2-1"' in term


def test_hostile_bulletin_stays_text(site):
    pages = list((site / "issues/900-xia").rglob("*.html"))
    html = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "<script>alert" not in html and "<script>bad()" not in html and "<b>测试</b>" not in html
    text = _text(html)
    for line in ("#不是标题", ">不是引用", "-不是列表", "1.不是编号", "|不是|表格|", "**不是粗体**_不是斜体_`不是代码`[不是链接](http://example.com)"):
        assert line in text.replace("&gt;", ">"), line


def test_a_policy_cited_from_another_issue_links_across(site):
    html = (site / "issues/269-shang/policy/mzf-2023-9.html").read_text(encoding="utf-8")
    assert 'href="../../268-shang/policy/gbf-2023-37.html"' in html


def test_site_is_byte_identical_when_built_again(site_build, tmp_path):
    again = BuildConfig.from_root(ROOT, seeds=site_build.seeds_dir, content=tmp_path / "content", site=tmp_path / "site", pdf=False)
    build(again)
    first, second = tree(site_build.site_dir), tree(again.site_dir)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_each_glossary_term_links_at_most_once_per_page(site):
    pages, total = list((site / "issues").rglob("*.html")), 0
    for page in pages:
        if page.name == "print.html":
            continue  # the print view holds every item of the issue
        article = page.read_text(encoding="utf-8").split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        targets = re.findall(r'<a class="tip" data-tip="[^"]*" href="([^"]*glossary/[^"#]+\.html)"', article)
        assert len(targets) == len(set(targets)), (page, sorted(t for t in targets if targets.count(t) > 1))
        total += len(targets)
    assert total > 50
