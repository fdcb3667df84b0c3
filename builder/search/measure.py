"""Measure search engines on built sites: quality on the query set, bytes, index build time.

    python -m builder.search.measure quality SITE [--engine briefing|material|pagefind]
    python -m builder.search.measure bytes SITE [--engine …] [--query 专利]
    python -m builder.search.measure archive N OUT      # build N renumbered copies of the seeds

``material`` expects a site built with Material's search plugin; ``pagefind`` a site on which
``python -m pagefind --site SITE`` has run. Numbers go to the README; tests never time anything.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import shutil
import time
from pathlib import Path

from .evaluate import (
    browser,
    load_queries,
    metrics,
    outcome,
    relative,
    serve,
    type_query,
)

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests" / "search" / "search_queries.yaml"
MATERIAL_JS = """async (q) => {
  const input = document.querySelector('.md-search__input');
  input.focus(); input.value = q; input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'a'}));
  let last = '', same = 0;
  for (let i = 0; i < 200 && same < 6; i++) {
    await new Promise(r => setTimeout(r, 50));
    const now = document.querySelector('.md-search-result__meta')?.textContent + '|' +
      [...document.querySelectorAll('.md-search-result__item')].length;
    same = (now === last && now.indexOf('undefined') < 0) ? same + 1 : 0; last = now;
  }
  return [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]
    .map(li => li.querySelector('.md-search-result__link').href);
}"""
PAGEFIND_JS = """async ([base, q]) => {
  window.__pf = window.__pf || await import(base + 'pagefind/pagefind.js');
  const res = await window.__pf.search(q);
  const data = await Promise.all(res.results.slice(0, 10).map(r => r.data()));
  const best = d => (d.sub_results || []).reduce((a, s) => (!a || s.locations.length > a.locations.length) ? s : a, null);
  return data.map(d => new URL((best(d) || d).url, base).href);
}"""


def typer(engine: str, base: str):
    """How a reader's query reaches the engine: the header box, or Pagefind's own API."""
    if engine == "material":
        return lambda page, q: page.evaluate(MATERIAL_JS, q)
    if engine == "pagefind":
        return lambda page, q: page.evaluate(PAGEFIND_JS, [base, q])
    return type_query


def quality(site: Path, engine: str, queries_file: Path = QUERIES) -> dict[str, float]:
    queries = load_queries(queries_file)
    with serve(site, "/") as base, browser() as chromium:
        page = chromium.new_page()
        page.goto(base + "index.html")
        run = typer(engine, base)
        outcomes = [outcome(q, [relative(h, base) for h in run(page, q.q)]) for q in queries]
    for o in outcomes:
        if o.rank != 1:
            print(f"  {o.query.q}: rank {o.rank}; got {o.results[:3]}")
    return metrics(outcomes)


def transfer(site: str, engine: str, query: str, then: str = "融资担保") -> dict[str, int]:
    """Bytes the browser fetched for the home page, then for the first query's results.

    ``site`` is a folder (served here, uncompressed) or the URL of a running server, where
    ``*_wire`` counts what crossed the network (compressed bodies plus headers).
    """
    seen: list[tuple[str, int, int, int]] = []
    with _base(site) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1366, "height": 900})

        def record(response) -> None:
            try:
                body = response.body()
                sizes = response.request.sizes()
            except Exception:  # redirects and aborted requests have no body
                return
            wire = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            seen.append((response.url, len(body), len(gzip.compress(body, 6)), wire))

        page.on("response", record)
        page.goto(base + "index.html", wait_until="networkidle")
        home = len(seen)
        typer(engine, base)(page, query)
        page.wait_for_load_state("networkidle")
        done = len(seen)
        typer(engine, base)(page, then)
        page.wait_for_load_state("networkidle")
    first, later = seen[home:done], seen[done:]
    if engine == "pagefind":  # on a Material site its own index may load meanwhile: not Pagefind's
        first, later = ([s for s in part if "/pagefind/" in s[0]] for part in (first, later))
    return {"home": sum(s[1] for s in seen[:home]), "home_gz": sum(s[2] for s in seen[:home]),
            "home_wire": sum(s[3] for s in seen[:home]),
            "search": sum(s[1] for s in first), "search_gz": sum(s[2] for s in first),
            "search_wire": sum(s[3] for s in first), "search_files": len(first),
            "next": sum(s[1] for s in later), "next_files": len(later)}


def _base(site: str):
    return contextlib.nullcontext(site) if site.startswith("http") else serve(Path(site), "/")


def build_archive(copies: int, out: Path) -> dict[str, float]:
    """A synthetic archive of N issues made from the seed (as the benchmark makes them)."""
    from ..bench.synthetic import write_archive
    from ..build import build
    from ..config import BuildConfig
    from . import build_search

    if out.exists():
        shutil.rmtree(out)
    write_archive(ROOT / "seeds" / "bulletin-268-1.txt", ROOT / "seeds" / "glossary.yaml", out / "seeds", copies)
    seeds = out / "seeds"
    config = BuildConfig.from_root(ROOT, seeds=seeds, content=out / "content", site=out / "site")
    start = time.perf_counter()
    build(config)
    total = time.perf_counter() - start
    start = time.perf_counter()
    emitted = build_search(config.site_dir, config.content_dir)
    index_time = time.perf_counter() - start
    return {"build_s": total, "index_s": index_time, "index_bytes": sum(emitted.bytes.values()),
            "index_files": emitted.files, "shards": emitted.shards,
            "largest_shard": max(p.stat().st_size for p in (config.site_dir / "search/i").iterdir())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder.search.measure")
    parser.add_argument("what", choices=["quality", "bytes", "archive"])
    parser.add_argument("target", nargs="+")
    parser.add_argument("--engine", default="briefing", choices=["briefing", "material", "pagefind"])
    parser.add_argument("--query", action="append")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="query set (YAML)")
    args = parser.parse_args(argv)
    if args.what == "archive":
        print(build_archive(int(args.target[0]), Path(args.target[1])))
    elif args.what == "quality":
        print(quality(Path(args.target[0]), args.engine, args.queries))
    else:
        for q in args.query or ["专利"]:
            print(q, transfer(args.target[0], args.engine, q))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
