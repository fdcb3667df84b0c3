"""Benchmark: time each stage and measure the site, on the seeds or on a synthetic archive.

    python -m builder.bench                 # the bulletins in seeds/
    python -m builder.bench --copies 50     # 50 renumbered copies of each seed bulletin
    python -m builder.bench --corpus        # parser accuracy on tests/corpus/bulletins (per field)

Numbers go to the README; tests never time anything.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from .build import build
from .config import BuildConfig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder.bench")
    parser.add_argument("--root", default=".")
    parser.add_argument("--runs", type=int, default=3, help="repetitions; the median is reported")
    parser.add_argument("--copies", type=int, default=0, help="build a synthetic archive of N renumbered copies")
    parser.add_argument("--corpus", nargs="?", const="tests/corpus/bulletins", metavar="FOLDER",
                        help="score the parser on bulletins with .expected.yaml readings (default: tests/corpus/bulletins)")
    parser.add_argument("--failures", action="store_true", help="with --corpus: list every mismatch")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    if args.corpus:
        return _score(root / args.corpus, args.failures)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        seeds = _prepare_seeds(root / "seeds", Path(tmp) / "seeds", args.copies)
        config = BuildConfig.from_root(root, seeds=seeds, content=Path(tmp) / "content", site=Path(tmp) / "site")
        rows = [_run_once(config) for _ in range(args.runs)]
        _report(config, rows)
    return 0


def _score(folder: Path, failures: bool) -> int:
    """Per field, how many hand-read expected values the parser reproduces."""
    from .scoring import score_corpus

    start = time.perf_counter()
    score = score_corpus(folder)
    print(score.table())
    print(f"parsed in {time.perf_counter() - start:.2f} s")
    if failures:
        print("\n".join(score.failures))
    return 0


def _prepare_seeds(source: Path, target: Path, copies: int) -> Path:
    target.mkdir(parents=True)
    for path in sorted(source.glob("*.yaml")):  # curated inputs (glossary)
        (target / path.name).write_bytes(path.read_bytes())
    for path in sorted(source.glob("*.txt")):
        data = path.read_bytes()
        if not copies:
            (target / path.name).write_bytes(data)
            continue
        text = data.decode("utf-8")
        for k in range(copies):
            renumbered = re.sub(r"第(\d+)期", lambda m, k=k: f"第{int(m.group(1)) + 1000 + k}期", text, count=1)
            (target / f"{path.stem}-copy{k:04d}.txt").write_text(renumbered, encoding="utf-8")
    return target


def _run_once(config: BuildConfig) -> dict[str, float]:
    start = time.perf_counter()
    result = build(config)
    total = time.perf_counter() - start
    t = result.timings
    return {"compile": t["read"] + t["link"] + t["render"] + t["fidelity"], "write": t["write"], "mkdocs": t["site"],
            "total": total, "issues": len(result.archive.issues), "pages": len(result.pages)}


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _report(config: BuildConfig, rows: list[dict[str, float]]) -> None:
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    html = sorted(config.site_dir.rglob("*.html"), key=lambda p: p.stat().st_size)
    index = config.site_dir / "search" / "search_index.json"
    print(f"issues: {int(med['issues'])}, markdown pages: {int(med['pages'])}, runs: {len(rows)} (median)")
    print(f"parse+link+render+fidelity: {med['compile']:.3f} s; write content/: {med['write']:.3f} s; "
          f"mkdocs build: {med['mkdocs']:.3f} s; total: {med['total']:.3f} s")
    print(f"site/: {_size(config.site_dir) / 1e6:.2f} MB in {sum(1 for p in config.site_dir.rglob('*') if p.is_file())} files; "
          f"content/: {_size(config.content_dir) / 1e3:.0f} kB")
    print(f"largest HTML page: {html[-1].stat().st_size / 1e3:.0f} kB ({html[-1].relative_to(config.site_dir)}); "
          f"median HTML page: {html[len(html) // 2].stat().st_size / 1e3:.0f} kB; "
          f"search index: {index.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    raise SystemExit(main())
