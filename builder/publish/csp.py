"""Content-Security-Policy for the built site: which inline scripts the theme writes, by hash.

Material writes three small inline scripts into every page (its storage helpers, the saved colour
palette, the tab opened by the URL's fragment). Their text is fixed by the theme version; only the
storage helper's ``new URL("..", location)`` changes with the page's folder depth, and on
``404.html`` with the base URL (``/`` or ``--base-url``). So a site has a handful of distinct
inline scripts, all allowed by ``'sha256-…'`` source expressions in the shipped server configs.

``python -m builder.csp site/`` prints the ``script-src`` hashes a built site needs (run it after
a theme upgrade, or for a base URL other than ``/briefing/``).
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
NOT_JS = re.compile(r"""\btype\s*=\s*["']?(?!(?:text|application)/(?:java|ecma)script|module)""", re.I)


def inline_scripts(html: str) -> list[str]:
    """Texts of the inline scripts a browser would run (no ``src``, JavaScript type)."""
    found = []
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I) or NOT_JS.search(attrs):
            continue
        found.append(match.group("body"))
    return found


def source_hash(script: str) -> str:
    """The CSP source expression allowing exactly this script text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site_dir: Path) -> list[str]:
    """Every distinct inline-script hash in the site's HTML pages, sorted."""
    hashes = {source_hash(s) for page in site_dir.rglob("*.html")
              for s in inline_scripts(page.read_text(encoding="utf-8"))}
    return sorted(hashes)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else "site")
    print("script-src 'self' 'wasm-unsafe-eval' " + " ".join(site_script_hashes(site)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
