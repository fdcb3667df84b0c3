"""The archive benchmark: build a synthetic archive of N issues and measure what the README reports.

Each run is a child process (``python -m builder.bench.archive ROOT N``) so that its peak memory is
its own; the memory of the build with its worker processes is sampled from outside every 0.1 s as
the sum of their proportional set sizes (the workers share most of their memory with the build,
copy-on-write, and exist only while it parses, links and renders). The row holds the builder's seconds by stage, the publisher's (MkDocs with the search
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


def measure_archive(root: Path, issues: int, *, pdf: bool, browser: bool, runs: int = 1,
                    work: Path | None = None) -> dict[str, float]:
    """One row: the archive built ``runs`` times, each in its own child process and fresh folders
    (no cache, no previous site) after the disk has settled, each build followed by a rebuild
    after one edit. The runs' folders are made in ``work`` and left there for the caller to remove
    after the last row (without it, each child removes its own when it ends). The row is the run
    with the median total time (its own peak memory); the rebuild column is the median rebuild;
    the baseline and the search bytes, the same for every run (builds are deterministic), are
    measured once, in the last run. ``shares`` holds every run's :func:`builder_share`, in the
    order of the runs."""
    rows = []
    for run in range(runs):
        extras = run == runs - 1
        args = [sys.executable, "-m", "builder.bench.archive", str(root), str(issues)] + (["--pdf"] if pdf else []) + (
            ["--browser"] if browser and extras else []) + (["--baseline"] if extras else []) + (
            ["--in", str(work)] if work is not None else [])
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            child = subprocess.Popen(args, stdout=out, stderr=err, text=True, cwd=root)
            tree_peak = 0.0
            while child.poll() is None:
                if os.fstat(out.fileno()).st_size == 0:  # the build and rebuild are running (not yet the extras)
                    tree_peak = max(tree_peak, _tree_pss_mb(child.pid))
                time.sleep(0.1)
            out.seek(0), err.seek(0)
            if child.returncode:
                raise SystemExit(f"archive of {issues} issues failed:\n{err.read()[-3000:]}")
            rows.append(json.loads(out.read().strip().splitlines()[-1]) | {"tree_peak_mb": tree_peak})
    row = sorted(rows, key=lambda r: r["total_s"])[len(rows) // 2]
    row["shares"] = [builder_share(r) for r in rows]
    row["incremental_s"] = statistics.median(r["incremental_s"] for r in rows)
    row.update({k: rows[-1][k] for k in ("baseline_s", "search_kb") if k in rows[-1]})
    row["runs"] = runs
    return row


def builder_share(row: dict[str, float]) -> float:
    """The builder's stages as a percentage of the build without the PDFs."""
    return 100 * row["builder_s"] / (row["total_s"] - row["pdf_s"])


def _tree_pss_mb(pid: int) -> float:
    """Memory of a process and its children (the build's workers, MkDocs runs in-process) as the
    sum of their proportional set sizes: a page the workers share with the build counts once."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
            pending += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total / 1024


def _one(root: Path, issues: int, pdf: bool, browser: bool, baseline: bool, work: Path | None = None) -> dict[str, float]:
    """One run, in this process: a full build, then a rebuild after one edit, in a new folder of
    ``work`` that is left in place (else in a temporary folder removed at the end)."""
    if work is None:
        with tempfile.TemporaryDirectory(prefix="briefing-archive-") as tmp:
            return _one(root, issues, pdf, browser, baseline, Path(tmp))
    base = Path(tempfile.mkdtemp(prefix=f"run-{issues}-", dir=work))
    paths = write_archive(root / "seeds" / "bulletin-268-1.txt", root / "seeds" / "glossary.yaml", base / "seeds", issues)
    config = BuildConfig.from_root(root, seeds=base / "seeds", content=base / "content", site=base / "site", pdf=pdf)
    _settle()
    start = time.perf_counter()
    result = build(config)
    total = time.perf_counter() - start
    row = _row(issues, result, total, config.site_dir)
    del result
    row["incremental_s"] = _incremental(config, paths[len(paths) // 2])
    row["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(row), flush=True)  # the parent stops measuring memory here
    if baseline:
        row["baseline_s"] = _plain_material(base, config.content_dir)
    if browser:
        row["search_kb"] = _first_query_bytes(config.site_dir) / 1000
    return row


def _settle(seconds: float = 10.0) -> None:
    """Let the disk finish the previous run's work before timing: flush what is written, then wait.
    The runs' folders are removed only after the last row: on this machine, creating ``content/``
    of 300 issues within a minute after deleting a run's folders (1 GB) took about 1.5 s instead of
    0.5 s, and so did MkDocs' files; a build on a server does not follow such a deletion."""
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
           ("peak_mb", "peak MB", "{:.0f}"), ("tree_peak_mb", "peak MB, all processes", "{:.0f}"), ("baseline_s", "plain Material s", "{:.1f}"))


def print_table(rows: list[dict[str, float]]) -> None:
    """A Markdown table, one row per archive."""
    print("| " + " | ".join(label for _, label, _ in COLUMNS) + " |")
    print("|" + " --- |" * len(COLUMNS))
    for row in rows:
        cells = [fmt.format(row[key]) if key in row else "—" for key, _, fmt in COLUMNS]
        print("| " + " | ".join(cells) + " |")
    print(f"each row: the run with the median total time of {rows[0].get('runs', 1):.0f} (rebuild: median of the runs)")
    for row in rows:
        runs = row.get("shares", [])
        each = f" (each run: {', '.join(f'{s:.1f}' for s in runs)} %)" if len(runs) > 1 else ""
        ratio = (row["total_s"] - row["pdf_s"]) / row["baseline_s"]
        print(f"N={row['issues']:.0f}: builder {builder_share(row):.1f} % of the build without PDFs{each}; "
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
    work = Path(argv[argv.index("--in") + 1]) if "--in" in argv else None
    row = _one(root, issues, pdf="--pdf" in argv, browser="--browser" in argv, baseline="--baseline" in argv, work=work)
    print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
