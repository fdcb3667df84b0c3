"""``--base-url``: which values are taken, and what MkDocs is told."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from builder.cli import main
from builder.publish.base_url import normalise_base_url, site_url_options
from builder.publish.site import CONTENT_READY, site_config


@pytest.mark.parametrize("value, expected", [
    ("/briefing/", "/briefing/"), ("/briefing", "/briefing/"), ("/", "/"), ("/a/b", "/a/b/"),
    ("http://intranet/briefing", "http://intranet/briefing/"), ("https://intranet", "https://intranet/"),
])
def test_normalised(value, expected):
    assert normalise_base_url(value) == expected


@pytest.mark.parametrize("value", ["briefing/", "ftp://host/x/", "/a/?q=1", "/a/#x", "//host/a/", r"\a\b"])
def test_refused(value):
    with pytest.raises(ValueError):
        normalise_base_url(value)


def test_options_for_a_path_and_for_a_url():
    assert site_url_options(None) == ({}, {})
    assert site_url_options("http://intranet/briefing") == ({"site_url": "http://intranet/briefing/"}, {})
    assert site_url_options("/briefing") == ({}, {"base_path": "/briefing/"})


def test_the_plugin_sets_a_path_as_site_url_after_validation(project, tmp_path, monkeypatch):
    config = project()
    config = type(config)(**{**config.__dict__, "base_url": "/briefing/"})
    monkeypatch.setenv(CONTENT_READY, str(config.content_dir))
    config.content_dir.mkdir()
    mk = load_config(config_file=str(site_config(config, tmp_path / "out", tmp_path)))
    assert mk.site_url in (None, "")
    mk = mk.plugins.on_config(mk)
    assert mk.site_url == "/briefing/"


def test_cli_refuses_a_bad_base_url(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--base-url", "intranet/briefing"])
    assert "give a path such as /briefing/" in capsys.readouterr().err
