"""Every text and link at WCAG AA contrast, light and dark (the palette follows the system's
colour scheme; colours in builder/assets/briefing.css), measured in Chromium on a desk and a
phone, with the phone's drawer open on its clause list."""

from __future__ import annotations

from pathlib import Path

import pytest

CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")
PAGES = (
    "index.html",
    "issues/268-shang/index.html",
    "issues/268-shang/policy/jzbf-2023-23.html",
    "issues/268-shang/policy/ybh-2023-302.html",  # responsible departments on a tinted box
    "issues/268-shang/news/tkrzqd-zckjcx.html",
    "glossary/index.html",
    "browse/index.html",
    "glossary/hegejingwaiyouxianhehuoren.html",
    "issues/268-shang/print.html",
    "404.html",
)
SCHEME = {"light": "default", "dark": "slate"}


def _open(browser, base: str, path: str, scheme: str, viewport: dict[str, int]):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    _goto(page, base + path, scheme)
    return context, page


def _goto(page, url: str, scheme: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{SCHEME[scheme]}'")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_on_a_desk(site, browser, serve_folder, scheme):
    base = serve_folder(site)
    failures, checked = {}, 0
    context, page = _open(browser, base, PAGES[0], scheme, {"width": 1366, "height": 900})
    try:
        for path in PAGES:
            _goto(page, base + path, scheme)
            result = page.evaluate(CONTRAST_JS)
            checked += result["checked"]
            if result["failures"]:
                failures[path] = result["failures"]
    finally:
        context.close()
    assert failures == {}
    assert checked > 800


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_in_the_phone_drawer(site, browser, serve_folder, scheme):
    base = serve_folder(site)
    context, page = _open(browser, base, PAGES[1], scheme, {"width": 390, "height": 844})
    try:
        page.click("label.md-header__button[for='__drawer']")
        page.click(".md-nav--primary label.md-nav__link[for='__toc']")
        page.wait_for_timeout(400)
        result = page.evaluate(CONTRAST_JS)
    finally:
        context.close()
    assert result["failures"] == []
    assert result["checked"] > 50


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_of_search_results(site, browser, serve_folder, scheme):
    from builder.search.evaluate import type_query

    base = serve_folder(site)
    context, page = _open(browser, base, PAGES[0], scheme, {"width": 1366, "height": 900})
    try:
        assert type_query(page, "北交所")
        result = page.evaluate(CONTRAST_JS)
    finally:
        context.close()
    assert result["failures"] == []
