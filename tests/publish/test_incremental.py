"""Incremental builds: an edited bulletin is parsed again alone, and only its pages are published
again; the result is the same site a full build makes."""

from __future__ import annotations

import builtins
import dataclasses
import os
import shutil

from builder.build import build
from builder.publish import site
from builder.read import cache as parse_cache
from tests.support import FIXTURES, SEED, make_project, tree

_REAL_OS_OPEN = os.open


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


def test_an_incremental_build_leaves_the_published_files_as_they_were(tmp_path):
    """The staged site shares the published site's files (hard links) until MkDocs rewrites one: a
    witness linked to the published files before the rebuild must still hold the old bytes."""
    config = _config(tmp_path / "a")
    build(config)
    witness = tmp_path / "witness"
    shutil.copytree(config.site_dir, witness, copy_function=os.link)
    before = tree(witness)
    bulletin = config.seeds_dir / "cross-links.txt"
    bulletin.write_text(bulletin.read_text(encoding="utf-8").replace("多地种子基金", "多地种子基金和天使基金"), encoding="utf-8")
    build(config)
    assert tree(witness) == before
    after = tree(config.site_dir)
    assert [p for p in after if p.endswith(".html") and after[p] != before.get(p)]  # the rebuild did change pages
    assert any("天使基金".encode() in data for data in after.values())


def test_writes_below_the_staged_site_never_reach_a_shared_file(tmp_path):
    published, staged = tmp_path / "site", tmp_path / "staged"
    published.mkdir()
    staged.mkdir()
    names = ("open-w", "open-a", "path-write", "os-open-trunc", "os-open-rdwr", "untouched")
    for name in names:
        (published / name).write_bytes(b"old")
        os.link(published / name, staged / name)
    with site._copy_on_write(staged):
        with open(staged / "open-w", "w", encoding="utf-8") as fh:
            fh.write("new")
        with open(staged / "open-a", "ab") as fh:
            fh.write(b"+new")
        (staged / "path-write").write_bytes(b"new")
        fd = os.open(staged / "os-open-trunc", os.O_WRONLY | os.O_TRUNC)
        os.write(fd, b"new")
        os.close(fd)
        fd = os.open(staged / "os-open-rdwr", os.O_RDWR)
        os.write(fd, b"NEW")
        os.close(fd)
        with open(staged / "untouched", "rb") as fh:
            assert fh.read() == b"old"
    assert {n: (published / n).read_bytes() for n in names} == dict.fromkeys(names, b"old")
    assert {n: (staged / n).read_bytes() for n in names} == {
        "open-w": b"new", "open-a": b"old+new", "path-write": b"new", "os-open-trunc": b"new", "os-open-rdwr": b"NEW",
        "untouched": b"old"}
    assert (staged / "untouched").stat().st_ino == (published / "untouched").stat().st_ino
    assert open is builtins.open and os.open is _REAL_OS_OPEN  # restored
