"""Lighthouse audit of the seed site as it is hosted: built, served by nginx with deploy/nginx.conf.

Run from the project root::

    .venv/bin/python tests/tools/lighthouse.py            # build, serve, audit five pages, print a table
    .venv/bin/python tests/tools/lighthouse.py --json out.json --runs 3   # median of three runs

Lighthouse (npm package, pinned below) is installed on first use into .cache/lighthouse with npm;
it drives Debian's Chromium (CHROME_PATH=/usr/bin/chromium), mobile form factor with Lighthouse's
default simulated throttling. The site is built with ``--base-url /briefing/`` and served by the
shipped nginx configuration (server A, gzip on, the real CSP and cache headers) through
tests/publish/hosting_support.py, the helper the hosting tests use. Exit code 1 when a page misses
the targets (accessibility 1.0, performance 0.95).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from builder.build import build  # noqa: E402
from tests.publish.hosting_support import SUBPATH, Nginx, mime_types_file, nginx_binary  # noqa: E402
from tests.support import CHROMIUM, SEED, make_project  # noqa: E402

log = logging.getLogger("lighthouse")

LIGHTHOUSE_VERSION = "13.5.0"
CACHE = ROOT / ".cache" / "lighthouse"
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"
TARGETS = {"performance": 0.95, "accessibility": 1.0}

# The five pages the reading issue measures: issue home, the longest policy, a news page, the
# glossary index and a term page.
PAGES = {
    "issue home": "issues/268-shang/index.html",
    "policy jzbf-2023-23": "issues/268-shang/policy/jzbf-2023-23.html",
    "news": "issues/268-shang/news/tkrzqd-zckjcx.html",
    "glossary": "glossary/index.html",
    "term": "glossary/hegejingwaiyouxianhehuoren.html",
}


@dataclass(frozen=True)
class Score:
    """One page's result: category scores (0–1) and the audits that failed."""

    page: str
    performance: float
    accessibility: float
    failing: tuple[str, ...]
    metrics: dict[str, str]

    def meets_targets(self) -> bool:
        return self.performance >= TARGETS["performance"] and self.accessibility >= TARGETS["accessibility"]


def install_lighthouse() -> Path:
    """Lighthouse from the npm registry into .cache/lighthouse (once)."""
    if not CLI.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        log.info("installing lighthouse@%s into %s", LIGHTHOUSE_VERSION, CACHE)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(CACHE),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return CLI


def build_seed_site(folder: Path, reading_keys: bool = False) -> Path:
    """The seed bulletin built for /briefing/ (no PDFs: they are not pages). With ``reading_keys``
    its item pages get the front matter of tests/theme/reading_keys.py (issue list, previous/next)
    and are built again without the briefing plugin (so without the search index)."""
    config = make_project(folder, SEED, base_url=SUBPATH)
    build(dataclasses.replace(config, pdf=False))
    if not reading_keys:
        return config.site_dir
    from tests.theme.reading_keys import build_with_reading_keys

    from builder.link import link_archive
    from builder.read import parse_issue
    from tests.support import CURATED, load

    archive = link_archive([parse_issue(load(SEED))[0]], CURATED)
    return build_with_reading_keys(config.content_dir, archive, folder / "keyed")


def run_lighthouse(url: str, out: Path) -> dict:
    """One mobile Lighthouse run (performance and accessibility); the JSON report."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    cmd = ["node", str(CLI), url, "--quiet", "--only-categories=performance,accessibility",
           "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(cmd, check=True, env=env, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def score_of(page: str, report: dict) -> Score:
    """Category scores, failed audits (score < 1 among those that count) and the key metrics."""
    cats = report["categories"]
    audits = report["audits"]
    failing = []
    for cat in cats.values():
        for ref in cat["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{ref['id']}={audit['score']:.2f}")
    metrics = {k: audits[k].get("displayValue", "") for k in ("first-contentful-paint", "largest-contentful-paint",
                                                             "total-blocking-time", "cumulative-layout-shift")}
    return Score(page, cats["performance"]["score"], cats["accessibility"]["score"], tuple(sorted(set(failing))), metrics)


def format_table(scores: list[Score]) -> str:
    lines = ["| page | performance | accessibility | FCP | LCP | TBT | CLS | below 1.0 |", "|---|---|---|---|---|---|---|---|"]
    for s in scores:
        m = s.metrics
        lines.append(f"| {s.page} | {s.performance:.2f} | {s.accessibility:.2f} | {m['first-contentful-paint']} | "
                     f"{m['largest-contentful-paint']} | {m['total-blocking-time']} | {m['cumulative-layout-shift']} | "
                     f"{', '.join(s.failing) or '—'} |")
    return "\n".join(lines)


def median_run(name: str, url: str, work: Path, runs: int) -> Score:
    """``runs`` Lighthouse runs of one page; the one with the median performance score."""
    scores = [score_of(name, run_lighthouse(url, work / f"report-{name.replace(' ', '-')}-{k}.json")) for k in range(runs)]
    return sorted(scores, key=lambda s: s.performance)[len(scores) // 2]


def audit(work: Path, pages: dict[str, str], runs: int = 1, reading_keys: bool = False) -> list[Score]:
    """Build, serve with nginx, run Lighthouse on each page."""
    if not (nginx_binary() and mime_types_file()):
        raise SystemExit("nginx is not installed (apt-get install nginx)")
    install_lighthouse()
    site = build_seed_site(work / "project", reading_keys)
    server = Nginx(nginx_binary(), work / "nginx", site)
    server.write()
    server.check()
    server.start()
    try:
        base = f"http://127.0.0.1:{server.ports[0]}{SUBPATH}"
        return [median_run(name, base + path, work, runs) for name, path in pages.items()]
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    parser.add_argument("--keep", type=Path, help="work folder to keep (reports, built site); default: a temp folder")
    parser.add_argument("--page", action="append", help="audit only these pages (names from the table)")
    parser.add_argument("--reading-keys", action="store_true", help="item pages with issue list and previous/next (tests/theme/reading_keys.py)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median by performance is shown (default 1)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pages = {k: v for k, v in PAGES.items() if not args.page or k in args.page}
    work = args.keep or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        scores = audit(work, pages, args.runs, args.reading_keys)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(format_table(scores))
    if args.json:
        args.json.write_text(json.dumps([dataclasses.asdict(s) for s in scores], ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if all(s.meets_targets() for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
