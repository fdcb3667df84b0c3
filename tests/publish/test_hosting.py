"""The site as IT staff host it: the shipped deploy/nginx.conf in front of one build made with
``--base-url /briefing/``, crawled over HTTP and opened in headless Chromium; the dated zip opened
from disk. nginx and Chromium are Debian packages (.ci/run installs them); without them these
tests are skipped.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from builder.build import newest_date
from builder.publish.csp import inline_scripts, site_script_hashes, source_hash
from builder.publish.package import package_date, write_package
from builder.search.evaluate import type_query
from tests.publish.hosting_support import (
    CACHE_LONG,
    CACHE_SHORT,
    COMPRESSED,
    FINGERPRINTED,
    MIME,
    SUBPATH,
    TEXT_TYPES,
    Client,
    Nginx,
    Refs,
    crawl,
    deploy_config,
    extension,
    mime_types_file,
    nginx_binary,
)

DEEP_MISSING = SUBPATH + "issues/268-shang/policy/no/such/page.html"
PROBES = {  # files of types the seed site lacks (fonts, WebAssembly, Pagefind index parts)
    "_probe/font.woff2": b"wOF2" + bytes(300), "_probe/engine.wasm": b"\0asm\1\0\0\0" + bytes(300),
    "_probe/pagefind.pf_meta": bytes(300), "_probe/en_1.pf_index": bytes(300),
    "_probe/en_2.pf_fragment": bytes(300), "_probe/en_3.pf_filter": bytes(300),
}
STATIC_CSS = b"/* served from the precompressed file */" + b" " * 400


@pytest.fixture(scope="module")
def built(seed_site):
    """The seed site, built once for /briefing/, and the build result."""
    config, result = seed_site
    return config.site_dir, result


@pytest.fixture(scope="module")
def served(built, tmp_path_factory) -> Path:
    """A copy of the site plus probe files (other MIME types, a precompressed .gz)."""
    folder = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(built[0], folder)
    for name, data in PROBES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "_probe/static.css").write_bytes(b"/* on-the-fly */" + b" " * 400)
    (folder / "_probe/static.css.gz").write_bytes(gzip.compress(STATIC_CSS, mtime=0))
    return folder


@pytest.fixture(scope="module")
def nginx(served, tmp_path_factory):
    binary = nginx_binary()
    if not binary:
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run does)")
    if not mime_types_file():
        pytest.skip("nginx's mime.types was not found")
    server = Nginx(binary, tmp_path_factory.mktemp("nginx"), served)
    server.write()
    server.check()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def client(nginx):
    c = Client(nginx.ports[0])
    yield c
    c.close()


def header_problems(path: str, resp) -> list[str]:
    """What is wrong with one 200/404 response's headers, by the designed rules."""
    problems, ext = [], extension(path) or "html"
    expected = MIME.get(ext)
    if expected and resp.media_type not in expected:
        problems.append(f"{path}: Content-Type {resp.headers.get('content-type')!r}, expected {expected[0]}")
    if resp.media_type in TEXT_TYPES - {"application/json"} and "charset=utf-8" not in resp.headers.get("content-type", ""):
        problems.append(f"{path}: no charset=utf-8 in {resp.headers.get('content-type')!r}")
    cache = CACHE_LONG if FINGERPRINTED.search(path) and resp.status == 200 else CACHE_SHORT
    if resp.headers.get("cache-control") != cache:
        problems.append(f"{path}: Cache-Control {resp.headers.get('cache-control')!r}, expected {cache!r}")
    if ext in COMPRESSED and len(resp.body) >= 256 and resp.headers.get("content-encoding") != "gzip":
        problems.append(f"{path}: not gzip-compressed")
    for name, value in (("x-content-type-options", "nosniff"), ("referrer-policy", "same-origin")):
        if resp.headers.get(name) != value:
            problems.append(f"{path}: {name} {resp.headers.get(name)!r}")
    if not resp.headers.get("content-security-policy", "").startswith("default-src 'self'"):
        problems.append(f"{path}: no Content-Security-Policy")
    return problems


def test_nginx_takes_the_config_without_warnings(nginx):
    assert "[warn]" not in nginx.warnings and "[emerg]" not in nginx.warnings, nginx.warnings


def test_crawl_from_the_home_page_under_the_subpath(client, built):
    start = time.perf_counter()
    found = crawl(client, SUBPATH, SUBPATH)
    took = time.perf_counter() - start
    assert found.broken == []
    assert found.external_fetches == []
    problems = [p for path, resp in found.responses.items() for p in header_problems(path, resp)]
    assert problems == []
    pages = {re.sub(r"/$", "/index.html", p) for p, r in found.responses.items() if r.media_type == "text/html"}
    site_pages = {SUBPATH + p.relative_to(built[0]).as_posix() for p in built[0].rglob("*.html")} - {SUBPATH + "404.html"}
    assert site_pages - set(found.responses) == set(), "pages not reachable from the home page"
    assets = sum(r.media_type != "text/html" for r in found.responses.values())
    sent = sum(len(r.raw) for r in found.responses.values())
    size = sum(len(r.body) for r in found.responses.values())
    print(f"\ncrawl: {len(pages)} pages, {assets} assets, {size} bytes "
          f"({sent} sent, {sent / size:.1%}), {took:.2f} s; external links (not fetched): {sorted(found.external_links)}")


def test_every_file_of_the_site_is_served_right(client, served):
    problems, compressible, sent = [], 0, 0
    files = sorted(p for p in served.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert client.get(SUBPATH + ".briefing-generated").status == 404  # the build's marker is not served
    for file in files:
        path = SUBPATH + file.relative_to(served).as_posix()
        resp = client.get(path)
        if resp.status != 200 or resp.body != file.read_bytes():
            if not (path.endswith("static.css") and resp.body == STATIC_CSS):
                problems.append(f"{path}: {resp.status}, {len(resp.body)} bytes")
        problems += header_problems(path, resp)
        if extension(path) in COMPRESSED:
            compressible += len(resp.body)
            sent += len(resp.raw)
    assert problems == []
    assert {extension(f.name) for f in files} <= set(MIME) | {""}, "an extension missing from the MIME table"
    print(f"\nsite files: {len(files)} served; html/css/js/json {compressible} bytes → {sent} gzip ({sent / compressible:.1%})")


def test_precompressed_file_is_used_and_plain_clients_get_plain_bytes(client):
    assert client.get(SUBPATH + "_probe/static.css").body == STATIC_CSS
    plain = client.get(SUBPATH + "index.html", gzip_ok=False)
    assert plain.status == 200 and "content-encoding" not in plain.headers
    assert plain.headers.get("vary") == "Accept-Encoding"


def test_a_deep_missing_url_gets_the_sites_own_404_page(client):
    resp = client.get(DEEP_MISSING)
    assert resp.status == 404
    assert header_problems(DEEP_MISSING, resp) == []
    html = resp.body.decode("utf-8")
    assert "科技金融简报" in html and "404" in html
    refs = Refs()
    refs.feed(html)
    assert len(refs.fetched) >= 4
    for ref in refs.fetched + [r for r in refs.links if not r.startswith("http")]:
        assert ref.startswith(SUBPATH), ref
        assert client.get(ref).status == 200, ref


def test_subpath_without_slash_redirects(client):
    resp = client.get(SUBPATH.rstrip("/"))
    assert resp.status == 301 and resp.headers["location"] == SUBPATH


def test_domain_root_server(nginx, built):
    root = Client(nginx.ports[1])
    try:
        css = next(built[0].glob("assets/stylesheets/main.*.min.css")).name
        checks = {"/": 200, "/issues/268-shang/policy/gbf-2023-37.html": 200, f"/assets/stylesheets/{css}": 200,
                  "/search/meta.js": 200, "/no/such/page.html": 404}
        for path, status in checks.items():
            resp = root.get(path)
            assert resp.status == status, path
            assert header_problems(path, resp) == []
        assert "404" in root.get("/no/such/page.html").body.decode("utf-8")
    finally:
        root.close()


def test_csp_allows_exactly_the_inline_scripts_of_the_site(built):
    conf = deploy_config(Path("/x"), [1, 2])
    policy = re.search(r'map \$host \$briefing_csp \{\s*default "([^"]+)";', conf).group(1)
    allowed = set(re.findall(r"'sha256-[^']+'", policy))
    needed = set(site_script_hashes(built[0]))
    page_404 = (built[0] / "404.html").read_text(encoding="utf-8")
    at_root = {source_hash(s.replace(f'"{SUBPATH}"', '"/"')) for s in inline_scripts(page_404)}
    assert needed | at_root == allowed
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "'wasm-unsafe-eval'" in policy
    assert not re.search(r"https?:|\*", policy)


# --- Chromium -------------------------------------------------------------------------------

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


class Watched:
    """A page with its console errors, page errors, CSP violations and requests recorded."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.page.set_default_timeout(5000)
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"{m.text} @ {m.location.get('url')}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(300)
        self.errors += [f"CSP: {v}" for v in self.page.evaluate("window.__violations")]


def test_pages_under_the_subpath_in_chromium(browser, nginx):
    base = f"http://127.0.0.1:{nginx.ports[0]}"
    view = Watched(browser)
    try:
        view.open(base + SUBPATH)
        assert view.page.locator("h1").first.inner_text().startswith("科技金融简报")
        view.page.click("text=简报·第268期(上)")
        view.page.wait_for_url(re.compile(r"/briefing/issues/268-shang/index\.html$"))
        view.open(base + SUBPATH + "issues/268-shang/policy/gbf-2023-37.html")
        assert "专利转化运用专项行动方案" in view.page.locator("h1").first.inner_text()
        view.page.mouse.wheel(0, 4000)  # table of contents follows, back-to-top button shows
        view.page.wait_for_timeout(300)
        view.page.mouse.wheel(0, -400)
        view.page.wait_for_timeout(300)
        results = type_query(view.page, "专利")  # search under the sub-path and the CSP
        assert results and "/briefing/issues/268-shang/policy/gbf-2023-37.html" in results[0]
        view.open(base + DEEP_MISSING)
        # The one expected console error is the 404 status of the missing page itself.
        view.errors = [e for e in view.errors if not (e.startswith("Failed to load resource") and e.endswith("@ " + base + DEEP_MISSING))]
        assert view.page.locator("h1").first.inner_text().startswith("404")
        assert view.page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert view.errors == []
        outside = [u for u in view.requests if not u.startswith("http://127.0.0.1:")]
        assert outside == []
    finally:
        view.context.close()


# --- The zip for file shares ----------------------------------------------------------------

def test_package_is_dated_and_deterministic(built, tmp_path, monkeypatch):
    site, result = built
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    date = package_date(newest_date(result.archive))
    assert date == dt.date(2023, 11, 16)
    first = write_package(site, tmp_path / "a", date)
    for file in site.rglob("*"):  # other file times must not change the bytes
        os.utime(file, (1e9, 1e9))
    second = write_package(site, tmp_path / "b", date)
    assert first.path.name == "briefing-site-2023-11-16.zip"
    assert first.path.read_bytes() == second.path.read_bytes()
    with zipfile.ZipFile(first.path) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names) and all(n.startswith("briefing-site-2023-11-16/") for n in names)
        assert {i.date_time for i in infos} == {(2023, 11, 16, 0, 0, 0)}
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and not p.name.startswith("."))
        assert [n.split("/", 1)[1] for n in names] == files
        assert archive.read("briefing-site-2023-11-16/index.html") == (site / "index.html").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert package_date(None) == dt.date(2023, 11, 14)
    print(f"\npackage: {first.files} files, {first.size} bytes")


def test_package_opens_from_disk_and_navigates(built, browser, tmp_path):
    package = write_package(built[0], tmp_path, dt.date(2023, 11, 16))
    with zipfile.ZipFile(package.path) as archive:
        archive.extractall(tmp_path / "unzipped")
    home = (tmp_path / "unzipped" / package.folder / "index.html").as_uri()
    view = Watched(browser)
    try:
        view.open(home)
        results = type_query(view.page, "专利")  # the search index loads as scripts: it works from disk too
        assert results and results[0].split("#")[0].split("?")[0].endswith("issues/268-shang/policy/gbf-2023-37.html")
        view.page.keyboard.press("Escape")
        view.page.click(".md-tabs >> text=往期简报")
        view.page.wait_for_url(re.compile(r"/issues/index\.html$"))
        view.page.click("article >> text=简报·第268期(上)")
        view.page.wait_for_url(re.compile(r"/issues/268-shang/index\.html$"))
        view.page.click("article >> text=国务院办公厅关于印发《专利转化运用专项行动方案")
        view.page.wait_for_url(re.compile(r"/issues/268-shang/policy/gbf-2023-37\.html$"))
        assert view.page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert view.errors == []
        assert all(u.startswith(("file://", "data:")) for u in view.requests)
    finally:
        view.context.close()
