"""Measure a site's search as a reader meets it: type queries into the real box in Chromium.

Used by ``tests/test_search_browser.py`` and by ``python -m builder.search.measure``. Needs
Playwright (test extra) and Debian's ``/usr/bin/chromium``; no browser is downloaded.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import unquote, urlsplit

import yaml

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
"""What the nginx in front of the site sends (same origin only; inline styles for Material)."""


@dataclass
class Query:
    """One line of ``tests/search/search_queries.yaml``."""

    q: str
    kind: str
    expect: list[str]
    also: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """Where a query's expected page came, and what the box showed."""

    query: Query
    results: list[str]
    rank: int | None
    also_missing: list[str]
    page_rank: int | None = None
    """Rank of the expected page when anchors are ignored (results of one page counted once)."""


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for row in data["queries"]:
        expect = row["expect"] if isinstance(row["expect"], list) else [row["expect"]]
        out.append(Query(str(row["q"]), row.get("kind", ""), expect, list(row.get("also") or [])))
    return out


def matches(result: str, wanted: str) -> bool:
    """A result (``path#anchor``) meets an expectation: same path, and same anchor if one is asked."""
    path, _, anchor = wanted.partition("#")
    r_path, _, r_anchor = result.partition("#")
    return r_path == path and (not anchor or r_anchor == anchor)


def outcome(query: Query, results: list[str]) -> Outcome:
    rank = next((i + 1 for i, r in enumerate(results) if any(matches(r, e) for e in query.expect)), None)
    missing = [a for a in query.also if not any(matches(r, a) for r in results[:5])]
    pages = list(dict.fromkeys(r.partition("#")[0] for r in results))
    wanted = {e.partition("#")[0] for e in query.expect}
    page_rank = next((i + 1 for i, p in enumerate(pages) if p in wanted), None)
    return Outcome(query, results, rank, missing, page_rank)


def metrics(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "recall@5": sum(1 for o in outcomes if o.rank and o.rank <= 5) / n,
        "first": sum(1 for o in outcomes if o.rank == 1) / n,
        "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
        "also@5": sum(1 for o in outcomes if not o.also_missing) / n,
        "page_recall@5": sum(1 for o in outcomes if o.page_rank and o.page_rank <= 5) / n,
        "page_mrr": sum(1 / o.page_rank for o in outcomes if o.page_rank) / n,
    }


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    csp = ""

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__none__")
        return super().translate_path("/" + clean[len(self.prefix):])

    def end_headers(self) -> None:
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def log_message(self, *args) -> None:  # quiet
        pass


@contextlib.contextmanager
def serve(site: Path, prefix: str = "/", csp: str = "") -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 under ``prefix``; yields the base URL (ends with ``/``)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix, "csp": csp})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def relative(href: str, base: str) -> str:
    """``issues/…/x.html#anchor`` from an absolute result link (query string dropped)."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    root = urlsplit(base).path
    path = path[len(root):] if path.startswith(root) else path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def type_query(page, text: str, timeout: float = 15000) -> list[str]:
    """Type into the header box like a reader and return the result links, best first."""
    box = page.locator(".bs-input")
    box.click()
    box.fill("")
    box.press_sequentially(text, delay=10)
    page.wait_for_selector(f'.bs[data-bs-done="{_css_escape(text.strip())}"]', state="attached", timeout=timeout)
    return page.eval_on_selector_all(".bs-results .bs-link", "els => els.map(e => e.href)")


def _css_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def run_queries(page, base: str, queries: list[Query], typer: Callable = type_query) -> list[Outcome]:
    """Every query typed into the box of the home page; results as site-relative links."""
    page.goto(base + "index.html")
    return [outcome(q, [relative(h, base) for h in typer(page, q.q)]) for q in queries]
