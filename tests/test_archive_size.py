"""Size bounds of a growing archive, on a synthetic archive of 10 issues (the benchmark measures up
to 300): a page's chrome (its HTML without the article) stays under 40 KB and does not grow with
the archive."""

from __future__ import annotations

import dataclasses
import re

from builder.bench.archive import CHROME_GROWTH, CHROME_MAX_KB
from builder.bench.synthetic import write_archive
from builder.build import build
from builder.config import BuildConfig
from tests.support import GLOSSARY, ROOT, SEED

_ARTICLE = re.compile(rb'<article class="md-content__inner md-typeset">.*?</article>', re.S)


def _max_chrome_kb(tmp_path, issues: int) -> float:
    write_archive(SEED, GLOSSARY, tmp_path / "seeds", issues)
    config = BuildConfig.from_root(ROOT, seeds=tmp_path / "seeds", content=tmp_path / "content", site=tmp_path / "site")
    build(dataclasses.replace(config, pdf=False))
    pages = [p for p in config.site_dir.rglob("*.html") if p.name != "404.html"]
    return max(len(_ARTICLE.sub(b"", p.read_bytes())) for p in pages) / 1000


def test_chrome_is_bounded_and_does_not_grow_with_the_archive(tmp_path):
    one, ten = _max_chrome_kb(tmp_path / "one", 1), _max_chrome_kb(tmp_path / "ten", 10)
    assert ten <= CHROME_MAX_KB
    assert ten <= one * (1 + CHROME_GROWTH)
