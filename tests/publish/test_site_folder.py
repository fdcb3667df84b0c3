"""The site folder: only ours is replaced, atomically; the previous site survives any failure."""

from __future__ import annotations

import errno
import os

import pytest

from builder.build import generate_content
from builder.config import BuildConfig
from builder.errors import SetupError
from builder.publish import site as site_module
from builder.publish.site import (
    STAGING_PREFIX,
    build_site,
    claim_site,
    clean_stale_staging,
    swap_in,
)
from builder.publish.write import MARKER
from tests.support import ROOT


def _old_site(folder):
    folder.mkdir()
    (folder / MARKER).write_text("ours")
    (folder / "index.html").write_text("old site")
    return folder


def test_a_folder_of_user_files_is_never_replaced(project, tmp_path):
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "report.docx").write_text("mine")
    with pytest.raises(SetupError, match="not published by briefing; refusing to replace it"):
        claim_site(mine)
    config = project()
    with pytest.raises(SetupError):
        build_site(BuildConfig.from_root(ROOT, seeds=config.seeds_dir, content=config.content_dir, site=mine), None)
    assert (mine / "report.docx").read_text() == "mine"


@pytest.mark.parametrize("site", ["content", "content/site", "."])
def test_site_and_content_must_be_apart(project, tmp_path, site):
    config = project()
    with pytest.raises(SetupError):
        BuildConfig.from_root(ROOT, seeds=config.seeds_dir, content=tmp_path / "content", site=tmp_path / site)


def test_swap_exchanges_the_folders(tmp_path):
    old = _old_site(tmp_path / "site")
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "index.html").write_text("new site")
    swap_in(staged, old)
    assert (old / "index.html").read_text() == "new site" and (staged / "index.html").read_text() == "old site"


@pytest.mark.parametrize("fallback", [False, True])
def test_a_failed_swap_keeps_the_previous_site(tmp_path, monkeypatch, fallback):
    old = _old_site(tmp_path / "site")
    staged = tmp_path / "staged"
    staged.mkdir()
    real_rename = os.rename

    def full_disk(src, dst):
        if str(src) == str(staged):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real_rename(src, dst)

    if fallback:
        monkeypatch.setattr(site_module, "_exchange", lambda a, b: False)
        monkeypatch.setattr(site_module.os, "rename", full_disk)
    else:
        monkeypatch.setattr(site_module, "_exchange", lambda a, b: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(OSError):
        swap_in(staged, old)
    assert (old / "index.html").read_text() == "old site"


def test_a_failed_build_keeps_the_previous_site_and_says_one_line(project, monkeypatch):
    config = project()
    _old_site(config.site_dir)
    monkeypatch.setattr(site_module, "swap_in", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device", "x")))
    generate_content(config)
    with pytest.raises(SetupError, match=r"^x: error: cannot publish the site: No space left on device$"):
        build_site(config, None)
    assert (config.site_dir / "index.html").read_text() == "old site"
    assert not list(config.site_dir.parent.glob(STAGING_PREFIX + "*"))


def test_staging_folders_of_dead_builds_are_removed(tmp_path):
    dead = tmp_path / f"{STAGING_PREFIX}999999999-abcd"
    alive = tmp_path / f"{STAGING_PREFIX}{os.getpid()}-abcd"
    other = tmp_path / "notes"
    for folder in (dead, alive, other):
        folder.mkdir()
    clean_stale_staging(tmp_path)
    assert not dead.exists() and alive.exists() and other.exists()


def test_mkdocs_runs_in_this_process(project, monkeypatch):
    import subprocess

    from builder.build import build

    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: pytest.fail("a child process was started"))
    config = project()
    build(config)
    assert (config.site_dir / "issues/268-shang/index.html").is_file()
