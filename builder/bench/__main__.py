"""Command line of the benchmark (see the package's docstring)."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from ..build import build
from ..config import BuildConfig
from .archive import check_bounds, measure_archive, print_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder.bench")
    parser.add_argument("--root", default=".")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each build; the median is reported")
    parser.add_argument("--archive", metavar="N,N,…", help="synthetic archives of these numbers of issues")
    parser.add_argument("--pdf-up-to", type=int, default=10, help="render PDFs for archives up to this size (default 10)")
    parser.add_argument("--no-browser", action="store_true", help="skip the search-bytes measurement in Chromium")
    parser.add_argument("--check", action="store_true", help="with --archive: fail when a size bound is exceeded")
    parser.add_argument("--corpus", nargs="?", const="tests/corpus/bulletins", metavar="FOLDER",
                        help="score the parser on bulletins with .expected.yaml readings (default: tests/corpus/bulletins)")
    parser.add_argument("--failures", action="store_true", help="with --corpus: list every mismatch")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    if args.corpus:
        return _score(root / args.corpus, args.failures)
    if args.archive:
        with tempfile.TemporaryDirectory(prefix="briefing-archive-") as work:  # removed after the last row
            rows = [measure_archive(root, int(n), pdf=int(n) <= args.pdf_up_to, browser=not args.no_browser,
                                    runs=args.runs, work=Path(work)) for n in args.archive.split(",")]
        print_table(rows)
        return check_bounds(rows) if args.check else 0
    return _seed(root, args.runs)


def _score(folder: Path, failures: bool) -> int:
    """Per field, how many hand-read expected values the parser reproduces."""
    from ..scoring import score_corpus

    start = time.perf_counter()
    score = score_corpus(folder)
    print(score.table())
    print(f"parsed in {time.perf_counter() - start:.2f} s")
    if failures:
        print("\n".join(score.failures))
    return 0


def _seed(root: Path, runs: int) -> int:
    """Build the seeds ``runs`` times, each in a fresh temporary project (no cache, no previous site)."""
    timings = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
            seeds = Path(tmp) / "seeds"
            seeds.mkdir()
            for path in sorted((root / "seeds").iterdir()):
                if path.is_file():
                    (seeds / path.name).write_bytes(path.read_bytes())
            config = BuildConfig.from_root(root, seeds=seeds, content=Path(tmp) / "content", site=Path(tmp) / "site")
            start = time.perf_counter()
            result = build(config)
            timings.append(result.timings | {"total": time.perf_counter() - start})
    medians = {k: statistics.median(t.get(k, 0.0) for t in timings) for k in timings[0]}
    print(f"seed: {len(result.pages)} pages; median of {runs} full builds:")
    print("  " + "; ".join(f"{k} {v:.2f} s" for k, v in medians.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
