"""PDF stage: A4 PDFs of every issue (its print view) and every policy, made with WeasyPrint.

Runs on the freshly built site, before it replaces ``site/``. Each PDF is made from the page
MkDocs built, with ``assets/pdf.css`` (GB/T 9704 page layout) and the fonts shipped in
``builder/fonts/``. A PDF is rendered again only when its input changed: the cache key is a hash
of the document, the stylesheet, the fonts and the engine's version; the cache lives beside
``site/`` in ``.cache/pdf/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from ..config import BuildConfig
from ..errors import SetupError
from ..link import Archive
from ..caches import prune_cache
from ..link.addresses import SITE_NAME, Addresses
from ..model import Issue, Policy
from ..progress import Progress
from ..render.print import running_label
from .pdf_fonts import font_face_css, fonts_digest, unpack_fonts
from .pdf_html import (
    LinkContext,
    PdfMeta,
    document,
    extract_article,
    paper_links,
    running_labels,
)

log = logging.getLogger(__name__)

CACHE_VERSION = "1"
"""Bump to re-render every PDF after a change in this module's output."""


@dataclass(frozen=True)
class PdfJob:
    """One PDF: the built page it is made from, where it goes, what it says about itself."""

    source: str
    """Site path of the HTML page."""
    target: str
    """Site path of the PDF."""
    meta: PdfMeta
    labels: dict[str, str] = field(default_factory=dict)
    """Heading id → running-header label, for the items of a whole issue."""


@dataclass
class PdfReport:
    """What the PDF stage did, for the build summary."""

    rendered: dict[str, float] = field(default_factory=dict)
    """PDFs rendered this time → seconds each."""
    reused: list[str] = field(default_factory=list)
    """PDFs taken unchanged from the cache."""
    seconds: float = 0.0

    def __str__(self) -> str:
        took = sum(self.rendered.values())
        return (f"pdf: {len(self.rendered) + len(self.reused)} files, {len(self.rendered)} rendered "
                f"({took:.1f} s), {len(self.reused)} unchanged from the cache; {self.seconds:.1f} s in all")


def pdf_jobs(archive: Archive, build_date: dt.date | None) -> list[PdfJob]:
    """A PDF per issue (from its print view) and one per policy (from its page)."""
    jobs, addr = [], archive.addresses
    for issue in archive.issues:
        labels = {addr.print_item_id(item): running_label(item) for item in issue.items()}
        jobs.append(PdfJob(addr.url(addr.print_view(issue)), addr.pdf(issue), _issue_meta(issue, build_date), labels))
        for policy in issue.policies():
            jobs.append(PdfJob(addr.url(addr.item(policy)), addr.pdf(issue, policy), _policy_meta(issue, policy, build_date)))
    return jobs


def _issue_meta(issue: Issue, build_date: dt.date | None) -> PdfMeta:
    title = f"{SITE_NAME} {issue.name}"
    subject = "；".join(item.title for item in issue.items())
    return PdfMeta(title, subject, SITE_NAME, issue.name, kind="issue", date=build_date,
                   keywords=tuple(s.title for s in issue.sections))


def _policy_meta(issue: Issue, policy: Policy, build_date: dt.date | None) -> PdfMeta:
    number = policy.doc_number.normalized if policy.doc_number else None
    subject = " · ".join(p for p in (SITE_NAME, issue.name, policy.issuer, number) if p)
    keywords = tuple(k for k in (number, policy.kind, policy.issuer) if k)
    return PdfMeta(policy.title, subject, policy.issuer or SITE_NAME, issue.name, running_label(policy),
                   keywords, "policy", build_date)


def build_pdfs(config: BuildConfig, archive: Archive, site_dir: Path, build_date: dt.date | None,
               progress: Progress | None = None) -> PdfReport:
    """Write every PDF into ``site_dir`` (the staged site), rendering only what changed."""
    start = time.perf_counter()
    cache = cache_dir(config)
    renderer = _Renderer(cache)
    report = PdfReport()
    jobs = pdf_jobs(archive, build_date)
    used: set[Path] = set()
    with source_date(build_date):
        for job in jobs:
            html = _job_html(job, site_dir, _site_url(config.base_url))
            key = renderer.key(html)
            cached = cache / f"{key}.pdf"
            used.add(cached)
            if cached.exists():
                report.reused.append(job.target)
            else:
                report.rendered[job.target] = renderer.render(html, cached, job.target)
            _place(cached, site_dir / job.target)
            if progress is not None:
                progress.advance(job.target)
    remove_pdfs(site_dir, keep={job.target for job in jobs})
    prune_cache(cache, used, "*.pdf")
    report.seconds = time.perf_counter() - start
    log.info("%s", report)
    return report


def _place(cached: Path, out: Path) -> None:
    """Copy a PDF from the cache into the site, unless the site (a copy of the previous one) has it."""
    same = out.is_file() and out.stat().st_size == cached.stat().st_size and out.stat().st_mtime_ns == cached.stat().st_mtime_ns
    if not same:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(cached, out)


def remove_pdfs(site_dir: Path, keep: set[str] = frozenset()) -> None:
    """Remove the PDFs (and emptied ``pdf/`` folders) of the site that are not in ``keep``."""
    folders = set()
    for path in sorted(site_dir.glob(Addresses.PDF_GLOB)):
        folders.add(path.parent)
        if path.relative_to(site_dir).as_posix() not in keep:
            path.unlink()
    for folder in sorted(folders):
        if not any(folder.iterdir()):
            folder.rmdir()
            if not any(folder.parent.iterdir()):  # the issue is gone altogether
                folder.parent.rmdir()


@contextlib.contextmanager
def source_date(build_date: dt.date | None) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` while rendering: the font subsets embedded in a PDF carry a time stamp
    (fontTools takes it from there), so two builds give the same bytes."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    day = build_date or dt.date(2000, 1, 1)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def cache_dir(config: BuildConfig) -> Path:
    """``.cache/pdf/`` beside ``site/``."""
    return config.cache_dir / "pdf"


def _site_url(base_url: str | None) -> str:
    """The site's address, for the footnotes that print a link's address (empty: site-relative)."""
    return base_url or ""


def _job_html(job: PdfJob, site_dir: Path, site_url: str) -> str:
    page = site_dir / job.source
    if not page.exists():
        raise SetupError(job.source, f"page missing from the built site; cannot make {job.target}")
    article = extract_article(page.read_text(encoding="utf-8"), job.source)
    article = running_labels(paper_links(article, LinkContext(job.source, site_url)), job.labels)
    return document(article, job.meta)


class _Renderer:
    """WeasyPrint with the shipped fonts and the print stylesheet, loaded once per build."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.fonts = unpack_fonts(cache / "fonts")
        self.css = resources.files("builder").joinpath("assets", "pdf.css").read_text(encoding="utf-8")
        self.digest = hashlib.sha256("\0".join([CACHE_VERSION, self.css, fonts_digest(), engine_version()]).encode()).hexdigest()
        self._engine: tuple[object, object, object] | None = None

    def key(self, html: str) -> str:
        return hashlib.sha256((self.digest + "\0" + html).encode("utf-8")).hexdigest()

    def render(self, html: str, out: Path, name: str) -> float:
        from weasyprint import HTML

        start = time.perf_counter()
        font_config, stylesheet, fetcher = self._engine_parts()
        try:
            document = HTML(string=html, url_fetcher=fetcher).render(stylesheets=[stylesheet], font_config=font_config)
            tmp = out.with_suffix(".tmp")
            document.write_pdf(tmp)
        except Exception as exc:  # the engine's errors are many; report which PDF failed
            raise SetupError(name, f"PDF rendering failed: {exc}") from exc
        tmp.replace(out)
        seconds = time.perf_counter() - start
        log.info("%s: %d pages in %.2f s", name, len(document.pages), seconds)
        return seconds

    def _engine_parts(self) -> tuple[object, object, object]:
        if self._engine is None:
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration

            logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
            font_config, fetcher = FontConfiguration(), _fonts_only_fetcher(self.fonts.values())
            css = CSS(string=font_face_css(self.fonts) + self.css, font_config=font_config, url_fetcher=fetcher)
            self._engine = (font_config, css, fetcher)
        return self._engine


def _fonts_only_fetcher(fonts: Iterable[Path]) -> object:
    """A URL fetcher that loads the unpacked fonts and nothing else: a PDF fetches nothing."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = {path.resolve().as_uri(): path for path in fonts}

    class FontsOnly(URLFetcher):
        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            if url not in allowed:
                raise ValueError(f"not fetched: {url}")
            return URLFetcherResponse(url, allowed[url].read_bytes(), {"Content-Type": "font/otf"})

    return FontsOnly()


def engine_version() -> str:
    """WeasyPrint and pydyf versions: a new engine renders every PDF again."""
    return " ".join(f"{name}={metadata.version(name)}" for name in ("weasyprint", "pydyf", "fonttools"))
