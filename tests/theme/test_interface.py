"""Chinese throughout: no English interface text on any page, lang="zh-CN", titles without the
site name twice, a Chinese 404 page (builder/theme/main.html, 404.html, partials/languages/zh-CN.html)."""

from __future__ import annotations

import re

from tests.theme.interface_text import english_on_page, source_words

SITE_NAME = "科技金融简报"


def test_no_english_in_the_interface_of_any_page(site, site_build):
    sources = sorted(p for p in site_build.seeds_dir.iterdir() if p.is_file())
    allowed = source_words(sources)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 90
    found = {p.relative_to(site).as_posix(): english_on_page(p.read_text(encoding="utf-8"), allowed) for p in pages}
    assert {page: words for page, words in found.items() if words} == {}


def test_the_scan_finds_english_interface_text():
    html = '<footer>Made with <a href="https://x.org/" title="Material for MkDocs">Material</a></footer><p>QFLP 与 PDF</p>'
    assert set(english_on_page(html, {"QFLP"})) == {("text", "Made"), ("text", "with"), ("text", "Material"),
                                                    ("<a title>", "Material"), ("<a title>", "for"), ("<a title>", "MkDocs")}


def test_every_page_is_zh_cn_with_one_site_name_in_its_title(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<html lang="zh-CN"', html), page
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert not title.startswith(f"{SITE_NAME} - "), (page, title)  # the home page's own title is the site name
        if page.relative_to(site).as_posix() == "index.html":
            assert title == SITE_NAME
        else:
            assert title.endswith(f" - {SITE_NAME}"), (page, title)


def test_the_404_page_and_footer_speak_chinese(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "<title>找不到页面 - 科技金融简报</title>" in html
    assert re.search(r"<h1[^>]*>404 找不到页面</h1>", html) and "Not found" not in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in home and "Material for MkDocs" not in home
    assert "跳到正文" in (site / "issues/268-shang/policy/jzbf-2023-23.html").read_text(encoding="utf-8")
