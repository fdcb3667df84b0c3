"""No script from bulletin text: a bulletin and a glossary carrying payloads in every field, built
and opened in Chromium; every link of every page hovered and focused, each payload searched.
Zero dialogs, zero requests leaving the site."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import pytest

from builder.build import build
from builder.config import BuildConfig
from builder.search.evaluate import type_query
from tests.support import FIXTURES, ROOT

PAYLOAD_QUERIES = ["<img src=x onerror=alert(1)>", "onerror=alert", "<script>alert(32)</script>", "坏简称", "北交所"]
HOVER_ALL = """() => {
  const links = [...document.querySelectorAll('a, [title], [data-tip]')];
  for (const el of links) {
    for (const type of ['mouseover', 'mouseenter', 'pointerenter']) el.dispatchEvent(new MouseEvent(type, {bubbles: type === 'mouseover'}));
    if (el.focus) el.focus();
  }
  return links.length;
}"""


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("xss")
    seeds = base / "seeds"
    seeds.mkdir()
    shutil.copyfile(FIXTURES / "xss-payloads.txt", seeds / "xss-payloads.txt")
    shutil.copyfile(FIXTURES / "xss-glossary.yaml", seeds / "glossary.yaml")
    config = BuildConfig.from_root(ROOT, seeds=seeds, content=base / "content", site=base / "site")
    build(config)
    return config.site_dir


def test_payload_fields_are_text_in_the_html(payload_site):
    for page in payload_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<img[^>]*onerror|<script>alert|<svg onload", html), page
        assert "203.0.113.9" not in "".join(re.findall(r'(?:src|href)="([^"]*)"', html)), page


def test_no_dialog_and_no_request_off_the_site_in_chromium(payload_site, browser, serve_folder):
    base = serve_folder(payload_site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(5000)
    dialogs, offsite, hovered = [], [], 0
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: urlsplit(r.url).hostname not in ("127.0.0.1", None) and offsite.append(r.url))
    try:
        for html_file in sorted(payload_site.rglob("*.html")):
            page.goto(base + html_file.relative_to(payload_site).as_posix(), wait_until="load")
            hovered += page.evaluate(HOVER_ALL)
            for link in page.locator("article a.tip, article a[title]").all()[:15]:
                if link.is_visible():
                    link.hover()
                    link.focus()
            page.wait_for_timeout(100)
        page.goto(base + "issues/777-shang/index.html", wait_until="load")
        for query in PAYLOAD_QUERIES:
            results = type_query(page, query)
            for link in page.locator(".bs-results a").all()[:5]:
                if link.is_visible():
                    link.hover(timeout=2000)
            if results:
                page.goto(results[0], wait_until="load")  # opens with the words highlighted
                page.goto(base + "issues/777-shang/index.html", wait_until="load")
    finally:
        context.close()
    assert hovered > 100
    assert dialogs == [] and offsite == []
