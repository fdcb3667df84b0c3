"""Publish stage: run MkDocs on ``content/`` into a temporary folder, then swap it in.

A failed MkDocs run leaves the previous ``site/`` as it was (no half-written site).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from ..config import BuildConfig
from ..errors import BuildError
from ..link.addresses import USER_DICT

CONTENT_READY = "BRIEFING_CONTENT_READY"
"""Environment variable naming a ``content/`` folder that is already up to date (for the plugin)."""


def site_config(config: BuildConfig, site_dir: Path, folder: Path) -> Path:
    """A small MkDocs config that inherits ``mkdocs.yml`` and points at this build's folders."""
    path = folder / "mkdocs.yml"
    briefing = {"root": str(config.root), "seeds": str(config.seeds_dir), "strict": config.strict}
    data = {
        "INHERIT": str(config.mkdocs_file),
        "docs_dir": str(config.content_dir),
        "site_dir": str(site_dir),
        "plugins": {"briefing": briefing, "search": _search_options(config)},
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _search_options(config: BuildConfig) -> dict[str, object]:
    """The search plugin's options from ``mkdocs.yml`` with this build's jieba user dictionary.

    MkDocs replaces (does not merge) a plugin's options given again in an inheriting config, so
    they are copied here in full.
    """
    parent = yaml.safe_load(config.mkdocs_file.read_text(encoding="utf-8")) or {}
    options: dict[str, object] = {}
    for plugin in parent.get("plugins", []):
        if isinstance(plugin, dict) and "search" in plugin:
            options = dict(plugin["search"] or {})
    options["jieba_dict_user"] = str(config.content_dir / USER_DICT)
    return options


def mkdocs_env(build_date: dt.date | None, content_ready: Path | None = None) -> dict[str, str]:
    """Environment for MkDocs: a fixed build date makes the site byte-identical across builds;
    ``content_ready`` tells the ``briefing`` plugin that this ``content/`` is already generated."""
    env = dict(os.environ)
    if content_ready is not None:
        env[CONTENT_READY] = str(content_ready)
    if build_date:
        stamp = dt.datetime(build_date.year, build_date.month, build_date.day, tzinfo=dt.timezone.utc)
        env["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    return env


def build_site(config: BuildConfig, build_date: dt.date | None) -> None:
    """``mkdocs build --strict`` into a temporary folder, then replace ``site/`` with it."""
    parent = config.site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".briefing-", dir=parent) as tmp:
        staged = Path(tmp) / "site"
        cfg = site_config(config, staged, Path(tmp))
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(cfg)]
        run = subprocess.run(cmd, capture_output=True, text=True, env=mkdocs_env(build_date, config.content_dir), cwd=config.root)
        if run.returncode != 0:
            raise BuildError("mkdocs build failed: " + _first_problem(run.stderr + run.stdout))
        _swap(staged, config.site_dir, Path(tmp))


def _swap(staged: Path, site_dir: Path, tmp: Path) -> None:
    old = tmp / "old-site"
    if site_dir.exists():
        site_dir.rename(old)
    staged.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _first_problem(output: str) -> str:
    lines = [l.strip() for l in output.splitlines() if l.strip()]
    flagged = [l for l in lines if l.startswith(("ERROR", "WARNING", "Aborted", "Error"))]
    return " | ".join((flagged or lines)[-3:]) or "no output"
