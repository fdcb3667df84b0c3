"""Navigation on every screen: a page's clauses in the phone drawer, an issue's items and
previous/next between them (builder/theme/partials/nav.html, briefing-nav-page.html, footer.html)."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest

BEIJING = "issues/268-shang/policy/jzbf-2023-23.html"
PHONE = {"width": 390, "height": 844}


@contextmanager
def _on_phone(browser, base: str, path: str):
    """A phone-sized browser page showing ``path`` of the site served at ``base``."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(base + path, wait_until="load")
        yield page
    finally:
        context.close()


def _primary_nav(html: str) -> str:
    return html.split('<nav class="md-nav md-nav--primary', 1)[1].split('<div class="md-sidebar md-sidebar--secondary"', 1)[0]


def test_the_drawer_of_a_policy_page_holds_its_clauses(site):
    nav = _primary_nav((site / BEIJING).read_text(encoding="utf-8"))
    assert '<label class="md-nav__link md-nav__link--active" for="__toc">' in nav
    measures = re.findall(r'<a href="#(s\d+(?:-\d+)+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(\d+)\.', nav)
    assert [int(n) for _, n in measures] == list(range(1, 42))  # the 41 measures, in order
    assert ("s3-2-12", "12") in measures


def test_pages_in_the_navigation_are_unchanged(site):
    nav = _primary_nav((site / "glossary/index.html").read_text(encoding="utf-8"))
    assert "briefing-nav" not in nav and nav.count('id="__toc"') == 1  # Material's own entry for the page


def test_phone_reader_reaches_a_measure_from_the_drawer(site, browser, serve_folder):
    with _on_phone(browser, serve_folder(site), BEIJING) as page:
        page.click("label.md-header__button[for='__drawer']")
        page.click(".md-nav--primary label.md-nav__link[for='__toc']")
        link = page.locator(".md-nav--primary .md-nav--secondary a.md-nav__link", has_text="12.发挥北交所")
        link.wait_for(state="visible")
        page.wait_for_timeout(400)  # the panel slides in
        box = link.bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
        link.click()
        page.wait_for_function("location.hash === '#s3-2-12'")
        heading = page.locator("#s3-2-12")
        assert heading.inner_text().startswith("12.发挥北交所")
        page.wait_for_timeout(300)
        top = heading.bounding_box()["y"]
        assert 0 <= top < PHONE["height"] / 2  # scrolled to the measure
        assert page.eval_on_selector("#__drawer", "e => e.checked") is False  # and the drawer closed


def _footer_links(html: str) -> dict[str, tuple[str, str]]:
    """prev/next → (href, title) of the footer's links."""
    footer = html.split('<footer class="md-footer">', 1)[1]
    pattern = r'<a href="([^"]+)" class="md-footer__link md-footer__link--(prev|next)"[^>]*>.*?<div class="md-ellipsis">([^<]*)</div>'
    return {direction: (href, title) for href, direction, title in re.findall(pattern, footer, re.S)}


def test_item_pages_link_to_their_neighbours(site, seed_archive):
    items, addr = seed_archive.issues[0].items(), seed_archive.addresses

    def expected(item, other) -> tuple[str, str]:
        here, there = addr.item(item).split("/"), addr.item(other).split("/")
        href = there[-1] if here[:-1] == there[:-1] else f"../{there[-2]}/{there[-1]}"
        return href.removesuffix(".md") + ".html", other.title

    for k, item in enumerate(items):
        links = _footer_links((site / addr.item(item).removesuffix(".md")).with_suffix(".html").read_text(encoding="utf-8"))
        want = ({"prev": expected(item, items[k - 1])} if k else {}) | ({"next": expected(item, items[k + 1])} if k + 1 < len(items) else {})
        assert links == want, addr.item(item)
    assert len(items) == 8
    beijing = (site / BEIJING).read_text(encoding="utf-8")
    assert "上一篇" in beijing and "下一篇" in beijing


def test_item_pages_list_their_issue_in_the_drawer(site, seed_archive):
    nav = _primary_nav((site / BEIJING).read_text(encoding="utf-8")).split('class="md-nav__item md-nav__item--active md-nav__item--section', 1)[1]
    assert "简报·第268期(上)" in nav and '<a href="../index.html" class="md-nav__link">' in nav
    hrefs = re.findall(r'<a href="([^"#]+)" class="md-nav__link(?: md-nav__link--active)?">', nav)
    items = [h for h in hrefs if h.endswith(".html") and h != "../index.html"]
    assert len(items) == 8 and "jzbf-2023-23.html" in items
    assert nav.index("资讯传递") < nav.index("政策速递")
    assert re.search(r'<a href="#s3-2-12" class="md-nav__link">', nav)  # the clauses, under the current item


def test_phone_reader_goes_to_the_next_item(site, browser, serve_folder):
    with _on_phone(browser, serve_folder(site), BEIJING) as page:
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url(re.compile(r"/policy/ybh-2023-302\.html$"), timeout=5000)
        page.click("label.md-header__button[for='__drawer']")
        item = page.locator(".md-nav--primary a.md-nav__link", has_text="北京市人民政府办公厅关于印发")
        item.wait_for(state="visible")
        item.click()
        page.wait_for_url(re.compile(r"jzbf-2023-23\.html$"), timeout=5000)


PERMALINK_ROOM = """() => {
  const grown = [];
  for (const link of document.querySelectorAll("article .headerlink")) {
    const block = link.parentElement, shown = block.getBoundingClientRect().height;
    link.style.display = "none";
    const hidden = block.getBoundingClientRect().height;
    link.style.display = "";
    if (shown > hidden + 1) grown.push(block.textContent.slice(0, 20));
  }
  return [document.querySelectorAll("article .headerlink").length, grown];
}"""


@pytest.mark.parametrize("path", [BEIJING, "issues/268-shang/index.html"])
def test_a_permalink_never_takes_a_line_of_its_own(site, browser, serve_folder, path):
    with _on_phone(browser, serve_folder(site), path) as page:
        count, grown = page.evaluate(PERMALINK_ROOM)
    assert count > 5 and grown == []
