"""The archive benchmark: build a synthetic archive of N issues and measure what the README reports.

Each N runs in a child process (``python -m builder.bench.archive N``) so that its peak memory is
its own (the build's worker processes are measured apart: they share most of their memory with
the build, copy-on-write, and exist only while it parses, links, renders and proves). The row holds the builder's seconds by stage, the publisher's (MkDocs with the search
index) and the PDFs' seconds, sizes of the site and of its pages (the *chrome* of a page is its
HTML without the article), the search data the browser fetches for a first query, an incremental
rebuild after editing one bulletin, and plain MkDocs + Material (default settings) on the same
Markdown as a baseline.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..build import build
from ..config import BuildConfig
from .synthetic import write_archive

BUILDER_STAGES = ("read", "link", "render", "fidelity", "write")
CHROME_MAX_KB = 40.0
"""Bound on a page's chrome (its HTML without the article)."""
CHROME_GROWTH = 0.10
"""Bound on the growth of the largest chrome from the smallest archive measured to the largest."""
_ARTICLE = re.compile(rb'<article class="md-content__inner md-typeset">.*?</article>', re.S)


def measure_archive(root: Path, issues: int, *, pdf: bool, browser: bool, runs: int = 1) -> dict[str, float]:
    """One row, measured in a child process (``runs`` builds, see :func:`_one`)."""
    args = [sys.executable, "-m", "builder.bench.archive", str(root), str(issues), f"--runs={runs}"] + (
        ["--pdf"] if pdf else []) + (["--browser"] if browser else [])
    run = subprocess.run(args, capture_output=True, text=True, cwd=root)
    if run.returncode:
        raise SystemExit(f"archive of {issues} issues failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def _one(root: Path, issues: int, pdf: bool, browser: bool, runs: int = 1) -> dict[str, float]:
    """The archive built ``runs`` times, each in fresh folders (no cache, no previous site) after
    the disk has settled, each followed by a rebuild after one edit: the row is the run with the
    median total time, its rebuild column the median rebuild."""
    with tempfile.TemporaryDirectory(prefix="briefing-archive-") as tmp:
        measured = []
        for run in range(runs):
            base = Path(tmp) / f"run-{run}"
            paths = write_archive(root / "seeds" / "bulletin-268-1.txt", root / "seeds" / "glossary.yaml", base / "seeds", issues)
            config = BuildConfig.from_root(root, seeds=base / "seeds", content=base / "content", site=base / "site", pdf=pdf)
            _settle()
            start = time.perf_counter()
            result = build(config)
            total = time.perf_counter() - start
            row = _row(issues, result, total, config.site_dir)
            row["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            row["incremental_s"] = _incremental(config, paths[len(paths) // 2])
            measured.append((total, row, base, config))
        measured.sort(key=lambda m: m[0])
        _, row, base, config = measured[len(measured) // 2]
        row["incremental_s"] = statistics.median(m[1]["incremental_s"] for m in measured)
        row["runs"] = runs
        row["baseline_s"] = _plain_material(base, config.content_dir)
        if browser:
            row["search_kb"] = _first_query_bytes(config.site_dir) / 1000
        row["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return row


def _settle(seconds: float = 10.0) -> None:
    """Let the disk finish the previous row's work before timing: flush what is written, then wait
    while the file system discards the blocks of the folders the previous row deleted (on this
    machine that otherwise made creating files several times slower for some seconds)."""
    os.sync()
    time.sleep(seconds)


def _row(issues: int, result, total: float, site: Path) -> dict[str, float]:
    t = result.timings
    builder_s = sum(t.get(k, 0.0) for k in BUILDER_STAGES)
    pdf_s = t.get("pdf", 0.0)
    html = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    sizes = [p.stat().st_size / 1000 for p in html]
    chrome = [len(_ARTICLE.sub(b"", p.read_bytes())) / 1000 for p in html if p.name != "404.html"]
    return {"issues": issues, "pages": len(result.pages), **{f"{k}_s": t.get(k, 0.0) for k in BUILDER_STAGES},
            "builder_s": builder_s, "publisher_s": t.get("site", 0.0) - pdf_s, "pdf_s": pdf_s, "total_s": total,
            "ms_per_page": 1000 * (total - pdf_s) / len(result.pages),
            "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
            "html_median_kb": statistics.median(sizes), "html_max_kb": sizes[-1], "chrome_max_kb": max(chrome)}


def _incremental(config: BuildConfig, bulletin: Path) -> float:
    """Edit one paragraph of one bulletin, then build again (PDFs and parses of the rest cached)."""
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(text.replace("随着世界", "随着当今世界", 1), encoding="utf-8")
    _settle(2.0)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def _plain_material(base: Path, content: Path) -> float:
    """``mkdocs build`` with Material's defaults (its search plugin included) on the same Markdown."""
    docs = base / "plain-docs"
    shutil.copytree(content, docs, ignore=shutil.ignore_patterns(".briefing-generated"))
    config = base / "plain.yml"
    config.write_text(f"site_name: 科技金融简报\ndocs_dir: {docs}\nsite_dir: {base / 'plain-site'}\n"
                      "use_directory_urls: false\ntheme:\n  name: material\n", encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True,
                   env={**os.environ, "BRIEFING_CONTENT_READY": str(content)})
    return time.perf_counter() - start


def _first_query_bytes(site: Path) -> float:
    from ..search.measure import transfer

    return transfer(str(site), "briefing", "专利")["search"]


# --- the table --------------------------------------------------------------------------------------


COLUMNS = (("issues", "issues", "{:.0f}"), ("pages", "pages", "{:.0f}"), ("read_s", "read s", "{:.2f}"),
           ("link_s", "link s", "{:.2f}"), ("render_s", "render s", "{:.2f}"), ("fidelity_s", "fidelity s", "{:.2f}"),
           ("write_s", "write s", "{:.2f}"), ("builder_s", "builder s", "{:.2f}"), ("publisher_s", "publisher s", "{:.1f}"),
           ("total_s", "total s", "{:.1f}"), ("ms_per_page", "ms/page", "{:.1f}"), ("site_mb", "site MB", "{:.1f}"),
           ("html_median_kb", "median page KB", "{:.0f}"), ("html_max_kb", "max page KB", "{:.0f}"),
           ("chrome_max_kb", "max chrome KB", "{:.1f}"), ("search_kb", "search KB, 1st query", "{:.0f}"),
           ("pdf_s", "PDF s", "{:.1f}"), ("incremental_s", "rebuild after 1 edit s", "{:.1f}"),
           ("peak_mb", "peak MB", "{:.0f}"), ("worker_peak_mb", "worker peak MB", "{:.0f}"), ("baseline_s", "plain Material s", "{:.1f}"))


def print_table(rows: list[dict[str, float]]) -> None:
    """A Markdown table, one row per archive."""
    print("| " + " | ".join(label for _, label, _ in COLUMNS) + " |")
    print("|" + " --- |" * len(COLUMNS))
    for row in rows:
        cells = [fmt.format(row[key]) if key in row else "—" for key, _, fmt in COLUMNS]
        print("| " + " | ".join(cells) + " |")
    print(f"each row: the run with the median total time of {rows[0].get('runs', 1):.0f} (rebuild: median of the runs)")
    for row in rows:
        share = 100 * row["builder_s"] / (row["total_s"] - row["pdf_s"])
        ratio = (row["total_s"] - row["pdf_s"]) / row["baseline_s"]
        print(f"N={row['issues']:.0f}: builder {share:.1f} % of the build without PDFs; "
              f"build without PDFs / plain Material = {ratio:.2f}")


def check_bounds(rows: list[dict[str, float]]) -> int:
    """Exit status: 1 when a page's chrome exceeds the bound or grows too much across the rows."""
    problems = [f"N={r['issues']:.0f}: max chrome {r['chrome_max_kb']:.1f} KB > {CHROME_MAX_KB} KB"
                for r in rows if r["chrome_max_kb"] > CHROME_MAX_KB]
    if len(rows) > 1 and rows[-1]["chrome_max_kb"] > rows[0]["chrome_max_kb"] * (1 + CHROME_GROWTH):
        problems.append(f"max chrome grows from {rows[0]['chrome_max_kb']:.1f} to {rows[-1]['chrome_max_kb']:.1f} KB")
    print("\n".join(problems) or "size bounds: ok")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    root, issues = Path(argv[0]), int(argv[1])
    runs = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--runs=")), 1)
    row = _one(root, issues, pdf="--pdf" in argv, browser="--browser" in argv, runs=runs)
    print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
