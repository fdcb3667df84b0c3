"""Helpers for the hosting tests: the MIME table, an nginx runner, an HTTP crawler, Chromium."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SITE_PLACEHOLDER = "/srv/briefing/site"
SUBPATH = "/briefing/"

OCTET = "application/octet-stream"
# The one table every server config must agree with: extension → accepted Content-Types (first = declared).
MIME: dict[str, tuple[str, ...]] = {
    "html": ("text/html",),
    "css": ("text/css",),
    "js": ("application/javascript", "text/javascript"),
    "json": ("application/json",),
    "map": ("application/json",),
    "png": ("image/png",),
    "svg": ("image/svg+xml",),
    "txt": ("text/plain",),
    "xml": ("text/xml", "application/xml"),
    "gz": ("application/gzip",),
    "woff2": ("font/woff2",),
    "pdf": ("application/pdf",),
    "wasm": ("application/wasm",),
    "pf_meta": (OCTET,),
    "pf_index": (OCTET,),
    "pf_fragment": (OCTET,),
    "pf_filter": (OCTET,),
}
TEXT_TYPES = {"text/html", "text/css", "text/plain", "text/xml", "application/javascript", "text/javascript", "application/json", "image/svg+xml"}
COMPRESSED = {"html", "css", "js", "json"}
FINGERPRINTED = re.compile(r"/assets/(?:stylesheets|javascripts)/(?:[^/]+/)*[^/]+\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$")
CACHE_LONG = "public, max-age=31536000, immutable"
CACHE_SHORT = "no-cache"

from tests.support import BROWSER_ARGS, CHROMIUM  # noqa: E402,F401 - re-exported for the hosting tests


def extension(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin:/usr/local/nginx/sbin")


def mime_types_file() -> Path | None:
    for path in (Path("/etc/nginx/mime.types"), Path("/usr/local/nginx/conf/mime.types"), Path("/usr/local/etc/nginx/mime.types")):
        if path.is_file():
            return path
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def deploy_config(site: Path, ports: list[int]) -> str:
    """deploy/nginx.conf with the site folder and one loopback port per server substituted."""
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert SITE_PLACEHOLDER in text, "deploy/nginx.conf lost its site folder placeholder"
    listens = re.findall(r"^\s*listen 80;$", text, re.M)
    assert len(listens) == len(ports), f"expected {len(ports)} servers listening on port 80"
    text = text.replace(SITE_PLACEHOLDER, str(site))
    for port in ports:
        text = re.sub(r"^(\s*)listen 80;$", rf"\g<1>listen 127.0.0.1:{port};", text, count=1, flags=re.M)
    return text


MAIN_CONF = """\
worker_processes 1;
daemon off;
master_process on;
{user}pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 128; }}
http {{
    access_log off;
    client_body_temp_path {run}/client;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include briefing.conf;
}}
"""


@dataclass
class Nginx:
    """An nginx serving the shipped config from a private folder (own pid, temp and log paths)."""

    binary: str
    folder: Path
    site: Path
    ports: list[int] = field(default_factory=list)
    warnings: str = ""
    process: subprocess.Popen[bytes] | None = None

    def write(self) -> None:
        run = self.folder / "run"
        run.mkdir(parents=True, exist_ok=True)
        self.ports = [free_port(), free_port()]
        (self.folder / "briefing.conf").write_text(deploy_config(self.site, self.ports), encoding="utf-8")
        shutil.copyfile(mime_types_file(), self.folder / "mime.types")
        # As root, workers would drop to "nobody" and could not read pytest's private tmp folder.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.folder / "nginx.conf").write_text(MAIN_CONF.format(run=run, user=user), encoding="utf-8")

    def command(self, *extra: str) -> list[str]:
        # -e: the log nginx writes before reading its config (else /var/log/nginx, root's).
        return [self.binary, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"),
                "-e", str(self.folder / "run" / "error.log"), *extra]

    def check(self) -> None:
        """``nginx -t``; keeps its output (warnings included); fails when the config is refused."""
        run = subprocess.run(self.command("-t"), capture_output=True, text=True, timeout=30)
        assert run.returncode == 0, run.stderr
        self.warnings = run.stderr

    def start(self) -> None:
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read().decode() if self.process.stderr else "nginx exited"
            try:
                socket.create_connection(("127.0.0.1", self.ports[0]), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("nginx did not start listening within 10 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@dataclass
class Response:
    """One HTTP response, body as sent (possibly gzip) and decoded."""

    url: str
    status: int
    headers: dict[str, str]
    raw: bytes

    @property
    def body(self) -> bytes:
        return gzip.decompress(self.raw) if self.headers.get("content-encoding") == "gzip" else self.raw

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()


class Client:
    """A keep-alive HTTP/1.1 client for one loopback port."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def get(self, path: str, *, gzip_ok: bool = True) -> Response:
        headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
        self.conn.request("GET", path, headers=headers)
        resp = self.conn.getresponse()
        raw = resp.read()
        return Response(self.base + path, resp.status, {k.lower(): v for k, v in resp.getheaders()}, raw)

    def close(self) -> None:
        self.conn.close()


class Refs(HTMLParser):
    """href/src of a page: what the browser fetches by itself, and plain links."""

    FETCHED = {"script": "src", "img": "src", "source": "src", "iframe": "src", "audio": "src", "video": "src"}

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.FETCHED and a.get(self.FETCHED[tag]):
            self.fetched.append(a[self.FETCHED[tag]])
        elif tag == "link" and a.get("href"):
            (self.links if a.get("rel") == "canonical" else self.fetched).append(a["href"])
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])


def css_refs(css: str) -> list[str]:
    return [u for u in re.findall(r"""url\(\s*['"]?([^'")]+)""", css) if not u.startswith("data:")]


@dataclass
class Crawl:
    """What a crawl from the home page found."""

    responses: dict[str, Response] = field(default_factory=dict)
    broken: list[tuple[str, str, int]] = field(default_factory=list)
    external_fetches: list[tuple[str, str]] = field(default_factory=list)
    external_links: set[str] = field(default_factory=set)


def crawl(client: Client, start: str, prefix: str) -> Crawl:
    """Follow every href/src (and CSS url()) inside ``prefix`` from ``start``; record what breaks."""
    found, queue, seen = Crawl(), [start], {start}
    while queue:
        path = queue.pop(0)
        resp = client.get(path)
        found.responses[path] = resp
        for ref, fetched in _refs_of(resp):
            target = urldefrag(urljoin(client.base + path, ref))[0]
            parts = urlsplit(target)
            if parts.scheme in ("mailto", "tel", "data", "javascript"):
                continue
            if parts.netloc != f"127.0.0.1:{client.port}":
                (found.external_fetches.append((path, ref)) if fetched else found.external_links.add(ref))
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if not local.startswith(prefix):
                found.broken.append((path, ref, 0))
            elif local not in seen:
                seen.add(local)
                queue.append(local)
    found.broken += [(p, "", r.status) for p, r in found.responses.items() if r.status != 200]
    return found


def _refs_of(resp: Response) -> list[tuple[str, bool]]:
    if resp.status != 200:
        return []
    if resp.media_type == "text/html":
        refs = Refs()
        refs.feed(resp.body.decode("utf-8"))
        return [(u, True) for u in refs.fetched] + [(u, False) for u in refs.links]
    if resp.media_type == "text/css":
        return [(u, True) for u in css_refs(resp.body.decode("utf-8"))]
    return []
