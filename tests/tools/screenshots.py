"""Screenshots of the built site in headless Chromium, desk (1366×900) and phone (390×844).

Run from the project root after ``briefing build``::

    .venv/bin/python tests/tools/screenshots.py                 # into .github/screenshots/
    .venv/bin/python tests/tools/screenshots.py --out /tmp/shots --dark

Each shot is a named page, a viewport and an optional action (open the drawer, open the clause
table of contents in it). Serves site/ over HTTP on loopback while it runs.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support import BROWSER_ARGS, CHROMIUM  # noqa: E402

DESK = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
POLICY = "issues/268-shang/policy/jzbf-2023-23.html"
TERM = "glossary/hegejingwaiyouxianhehuoren.html"


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name, page, viewport, what to do before taking it."""

    name: str
    path: str
    viewport: dict[str, int]
    action: str = ""
    full_page: bool = False


SHOTS = (
    Shot("policy-page.png", "issues/268-shang/policy/ybh-2023-302.html", DESK),
    Shot("policy-beijing.png", POLICY, DESK),
    Shot("policy-page-phone.png", POLICY, PHONE),
    Shot("phone-drawer.png", POLICY, PHONE, "drawer"),
    Shot("phone-toc.png", POLICY, PHONE, "toc"),
    Shot("term-page.png", TERM, DESK),
    Shot("term-page-phone.png", TERM, PHONE),
    Shot("issue-home.png", "issues/268-shang/index.html", DESK),
)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def act(page, action: str) -> None:
    """Open the drawer (and the clause list in it) or scroll to the bottom."""
    if action in ("drawer", "toc"):
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)
    if action == "toc":
        page.click(".md-nav--primary label.md-nav__link[for='__toc']")
        page.wait_for_timeout(400)
    if action == "bottom":
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(300)


def take(browser, base: str, out: Path, shot: Shot, scheme: str) -> Path:
    context = browser.new_context(viewport=shot.viewport, device_scale_factor=1, color_scheme=scheme)
    page = context.new_page()
    page.goto(base + shot.path, wait_until="networkidle")
    act(page, shot.action)
    target = out / (shot.name if scheme == "light" else shot.name.replace(".png", "-dark.png"))
    page.screenshot(path=str(target), full_page=shot.full_page)
    context.close()
    return target


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / ".github" / "screenshots")
    parser.add_argument("--dark", action="store_true", help="emulate a system dark colour scheme (file names end in -dark)")
    parser.add_argument("names", nargs="*", help="only these shots (file names)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            for shot in SHOTS:
                if not args.names or shot.name in args.names:
                    print(take(browser, base, args.out, shot, "dark" if args.dark else "light"))
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
