from __future__ import annotations

from pathlib import Path

import pytest

from builder.build import build
from builder.config import BuildConfig
from builder.link import Archive, link_archive
from builder.read import SourceText, parse_issue
from tests.support import CURATED, FIXTURES, SEED, load, make_project


@pytest.fixture(scope="session")
def seed_source() -> SourceText:
    return load(SEED)


@pytest.fixture(scope="session")
def seed_parsed(seed_source):
    return parse_issue(seed_source)


@pytest.fixture(scope="session")
def seed_archive(seed_parsed) -> Archive:
    """The seed bulletin parsed and linked with the curated glossary."""
    return link_archive([seed_parsed[0]], CURATED)


@pytest.fixture
def project(tmp_path: Path):
    """A temporary project: its own seeds/, content/ and site/, the real mkdocs.yml."""

    def make(*bulletins: Path) -> BuildConfig:
        return make_project(tmp_path, *bulletins)

    return make


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> BuildConfig:
    """The one MkDocs build the HTML tests share: the seed, a hostile bulletin and a second issue
    that cites the seed's policies."""
    config = make_project(tmp_path_factory.mktemp("site"), SEED, FIXTURES / "hostile-lines.txt", FIXTURES / "cross-links.txt")
    build(config)
    return config


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build.site_dir
