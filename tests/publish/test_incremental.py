"""Incremental builds: an edited bulletin is parsed again alone, and only its pages are published
again; the result is the same site a full build makes."""

from __future__ import annotations

import dataclasses
import shutil

from builder.build import build
from builder.read import cache as parse_cache
from tests.support import FIXTURES, SEED, make_project, tree


def _config(base):
    config = make_project(base, SEED, FIXTURES / "cross-links.txt")
    return dataclasses.replace(config, pdf=False)


def test_an_edit_republishes_only_its_pages_and_matches_a_full_build(tmp_path, monkeypatch):
    config = _config(tmp_path / "a")
    build(config)
    before = {p: p.stat().st_mtime_ns for p in config.site_dir.rglob("*.html")}
    bulletin = config.seeds_dir / "cross-links.txt"
    bulletin.write_text(bulletin.read_text(encoding="utf-8").replace("多地种子基金", "多地种子基金和天使基金"), encoding="utf-8")
    parsed = []
    real = parse_cache.parse_issue
    monkeypatch.setattr(parse_cache, "parse_issue", lambda source: parsed.append(source.path) or real(source))
    build(config)
    assert parsed == ["seeds/cross-links.txt"]  # the seed came from the cache
    changed = {p.relative_to(config.site_dir).as_posix() for p, t in before.items() if p.stat().st_mtime_ns != t}
    assert "issues/269-shang/news/zlzhyyzts.html" in changed
    assert not any(p.startswith("issues/268-shang/") for p in changed)
    full = _config(tmp_path / "b")
    shutil.copyfile(bulletin, full.seeds_dir / "cross-links.txt")
    build(full)
    first, second = tree(config.site_dir), tree(full.site_dir)
    assert sorted(first) == sorted(second)
    assert [p for p in first if first[p] != second[p]] == []


def test_a_removed_bulletin_leaves_no_page_behind(tmp_path):
    config = _config(tmp_path / "a")
    build(config)
    assert (config.site_dir / "issues/269-shang/index.html").is_file()
    (config.seeds_dir / "cross-links.txt").unlink()
    build(config)
    assert not (config.site_dir / "issues/269-shang").exists()
    assert (config.site_dir / "issues/268-shang/index.html").is_file()
