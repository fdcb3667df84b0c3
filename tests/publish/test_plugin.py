"""The ``briefing`` MkDocs plugin: ``mkdocs build`` and ``mkdocs serve`` regenerate content/ themselves."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from builder.publish.site import CONTENT_READY, site_config
from builder.publish.write import MARKER


def _mkdocs_config(config, tmp_path):
    config.content_dir.mkdir(exist_ok=True)
    return load_config(config_file=str(site_config(config, tmp_path / "out", tmp_path)))


def test_on_config_generates_content_and_watches_seeds(project, tmp_path, monkeypatch):
    monkeypatch.delenv(CONTENT_READY, raising=False)
    config = project()
    mk = _mkdocs_config(config, tmp_path)
    mk.plugins.on_config(mk)
    assert (config.content_dir / "issues/268-shang/policy/gbf-2023-37.md").is_file()
    assert (config.content_dir / MARKER).is_file()
    assert str(config.seeds_dir) in mk.watch


def test_content_generated_by_briefing_build_is_left_alone(project, tmp_path, monkeypatch):
    config = project()
    monkeypatch.setenv(CONTENT_READY, str(config.content_dir))
    mk = _mkdocs_config(config, tmp_path)
    mk.plugins.on_config(mk)
    assert not (config.content_dir / "issues").exists()


def test_a_bad_bulletin_stops_the_mkdocs_build_with_its_line(project, tmp_path, monkeypatch):
    monkeypatch.delenv(CONTENT_READY, raising=False)
    config = project()
    (config.seeds_dir / "broken.txt").write_bytes("正文内容。\n".encode() * 30 + b"\xe5\x85 x\n")
    mk = _mkdocs_config(config, tmp_path)
    with pytest.raises(PluginError, match=r"^seeds/broken.txt:31: error: invalid UTF-8 byte"):
        mk.plugins.on_config(mk)
