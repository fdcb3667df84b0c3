from __future__ import annotations

import dataclasses
import functools
import http.server
import threading
from pathlib import Path

import pytest

from builder.build import build
from builder.config import BuildConfig
from builder.link import Archive, link_archive
from builder.read import SourceText, parse_issue
from tests.support import (
    BROWSER_ARGS,
    CHROMIUM,
    CURATED,
    FIXTURES,
    SEED,
    load,
    make_project,
)


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
    config = dataclasses.replace(config, pdf=False)  # the PDFs are tested on the seed site (publish/test_pdf.py)
    build(config)
    return config


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build.site_dir


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The seed alone, built for serving under /briefing/: (config, build result). Shared by the
    hosting and search tests."""
    config = make_project(tmp_path_factory.mktemp("seed-site"), SEED, base_url="/briefing/")
    return config, build(config)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download); skipped where it is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extras")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium; .ci/run does)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def serve_folder():
    """Serve folders over HTTP on loopback (a thread per folder), for browser tests."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002 - keep test output clean
        pass


# The development loop: `pytest -m "not slow"` leaves out what builds a whole site with MkDocs, runs
# a browser, nginx or WeasyPrint, or generates hundreds of inputs. CI runs everything.
_HEAVY_FIXTURES = {"site_build", "seed_site", "browser", "payload_site"}
_SLOW_MODULES = {"test_properties", "test_archive_size", "test_incremental", "test_site_folder", "test_index",
                 "test_pdf", "test_hosting", "test_base_url", "test_cost"}


def pytest_collection_modifyitems(items):
    for item in items:
        if _HEAVY_FIXTURES & set(item.fixturenames) or item.path.stem in _SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
