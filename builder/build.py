"""The build, stage by stage: read → link → render → prove → write → publish.

``build()`` only calls the stages in order; each stage lives in its own package
(:mod:`builder.read`, :mod:`builder.link`, :mod:`builder.render`, :mod:`builder.publish`).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import logging
import os
import pickle
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .config import BuildConfig
from .errors import BuildError, InputError
from .glossary import CuratedEntry, load_curated
from .glossary.curated import short_forms
from .link import Archive, link_archive
from .link.addresses import ASSETS, Addresses
from .model import Diagnostic, Issue, Severity
from .parallel import fork_map
from .progress import Progress
from .publish.pdf import PdfReport, build_pdfs, remove_pdfs
from .publish.site import build_site
from .publish.write import OutputFile, WriteReport, write_tree
from .read import SourceText, decode_bytes
from .caches import PickledMemo, builder_version, prune_cache, write_entry
from .publish.pdf_fonts import font_gaps
from .read.cache import cache_path, cached, parse_pickled
from .read.corrections import correct_issues
from .read.fixfile import fix_file_for
from .render import Page, Rendered, render_site
from .render.fidelity import FidelityReport, check_fidelity

log = logging.getLogger(__name__)

SILENT = Progress()


@dataclass
class BuildResult:
    """What a build produced and noticed."""

    archive: Archive
    pages: list[Page]
    fidelity: list[FidelityReport]
    diagnostics: list[Diagnostic]
    data: dict[str, bytes] = field(default_factory=dict)
    """The data files (``data/*.json``) by path below ``content/``."""
    written: WriteReport | None = None
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage: read, link, render, fidelity, write, site (pdf included), pdf."""
    pdf: PdfReport | None = None
    """What the PDF stage rendered and took from its cache."""

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


@contextmanager
def _timed(timings: dict[str, float], stage: str, progress: Progress = SILENT, total: int | None = None) -> Iterator[None]:
    start = time.perf_counter()
    progress.stage(stage, total)
    yield
    progress.finish()
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def compile_archive(config: BuildConfig, progress: Progress = SILENT) -> BuildResult:
    """Read, parse, link, render and prove fidelity; writes nothing but its caches (``.cache/``:
    parsed bulletins, each issue's rendered pages with their proof)."""
    timings: dict[str, float] = {}
    with _timed(timings, "read", progress, len(config.bulletins())):
        sources, diagnostics = read_sources(config)
        issues = parse_sources(sources, diagnostics, config.cache_dir / "parse", progress, config.jobs)
        issues = correct_issues(config.bulletins(), config.display, sources, issues, diagnostics)
        curated = read_glossary(config)
        diagnostics += short_forms(curated, config.display(config.glossary_file))
    with _timed(timings, "link", progress):
        memo = PickledMemo(config.cache_dir / "link" / "found.pickle", builder_version())
        archive = link_archive(issues, curated, config.display(config.glossary_file), config.jobs, memo)
        memo.save()
    with _timed(timings, "render", progress):
        rendered = render_site(archive, config.jobs, RenderCache(config, sources), {s.path: s for s in sources})
        pages, data = rendered.pages, rendered.data
    with _timed(timings, "fidelity", progress):
        claiming = _pages_by_source(pages)
        fidelity = [_proof(s, claiming.get(s.path, []), rendered) for s in sources]
    diagnostics += list(archive.diagnostics) + [p for report in fidelity for p in report.problems]
    if config.pdf:
        diagnostics += [gap for s in sources for gap in font_gaps(s.path, s.lines)]
    return BuildResult(archive, pages, fidelity, _sorted(diagnostics), data, timings=timings)


def generate_content(config: BuildConfig, progress: Progress = SILENT) -> BuildResult:
    """Compile, then write ``content/`` unless the input has errors (no half-written output)."""
    with _no_cycle_collection():
        result = compile_archive(config, progress)
        fail_on_errors(result, config.strict)
        with _timed(result.timings, "write", progress):
            result.written = write_tree(output_files(result.pages, result.data), config.content_dir)
    return result


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the builder runs: the model, the archive and the pages
    are millions of long-lived objects without reference cycles, which the collector would walk
    again and again and find nothing in (measured at 300 issues: a fifth of the builder's time, the
    same peak memory without it, some 27,000 small cyclic objects left to collect afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # The objects made meanwhile join the oldest generation (frozen, then unfrozen): left in the
        # youngest, the first collection after this would walk all of them (0.1-0.2 s at 100 issues).
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def build(config: BuildConfig, *, site: bool = True, progress: Progress = SILENT) -> BuildResult:
    """The whole product path: bulletins in ``seeds/`` → ``content/`` → ``site/``."""
    result = generate_content(config, progress)
    if site:
        build_date = newest_date(result.archive)

        def add_pdfs(staged: Path) -> None:
            progress.finish()
            with _timed(result.timings, "pdf", progress):
                result.pdf = build_pdfs(config, result.archive, staged, build_date, progress)

        with _timed(result.timings, "site", progress), _kept_from_collection():
            build_site(config, build_date, add_pdfs if config.pdf else remove_pdfs)
    return result


@contextmanager
def _kept_from_collection() -> Iterator[None]:
    """While MkDocs runs, the objects alive before it (the archive, the pages: millions of them,
    still referenced) are left out of the cycle collector's walks (``gc.freeze``), which would
    otherwise go through them again and again while MkDocs makes its own; handed back afterwards."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# --- the stages' inputs and outputs ---------------------------------------------------------------


def read_sources(config: BuildConfig) -> tuple[list[SourceText], list[Diagnostic]]:
    """Decode every bulletin; one that cannot be read becomes an error diagnostic."""
    sources, problems = [], _unread_files(config)
    for path in config.bulletins():
        shown = config.display(path)
        try:
            sources.append(decode_bytes(path.read_bytes(), shown))
        except InputError as exc:
            problems.append(Diagnostic(exc.file, exc.line, Severity.ERROR, "unreadable", exc.message))
    if not sources and not any(p.severity is Severity.ERROR for p in problems):
        problems.append(Diagnostic(config.display(config.seeds_dir), 0, Severity.ERROR, "no-bulletins", "no bulletin (*.txt) to build"))
    return sources, problems


def _unread_files(config: BuildConfig) -> list[Diagnostic]:
    """Files in seeds/ that are not read, each reported: links leading outside, unknown kinds."""
    found = [Diagnostic(config.display(p), 0, Severity.WARNING, "link-outside-seeds",
                        "a symbolic link to a file outside seeds/; not read") for p in config.outside_links()]
    found += [Diagnostic(config.display(p), 0, Severity.WARNING, "not-a-bulletin",
                         "not read: bulletins are .txt files (curated inputs .yaml)") for p in config.ignored_files()]
    return found


def parse_sources(sources: list[SourceText], diagnostics: list[Diagnostic], cache_dir: Path | None = None,
                  progress: Progress = SILENT, jobs: int = 1) -> list[Issue]:
    """Parse every decoded bulletin (an unchanged one comes from the cache, the others are parsed by
    up to ``jobs`` processes); their diagnostics are added to ``diagnostics``."""
    parsed = [cached(source, cache_dir) for source in sources]
    for source, entry in zip(sources, parsed):
        if entry is not None:
            progress.advance(source.path)
    missing = [source for source, entry in zip(sources, parsed) if entry is None]
    fresh = iter(fork_map(functools.partial(parse_pickled, cache_dir=cache_dir), missing, jobs=jobs,
                          done=lambda source: progress.advance(source.path), receive=pickle.loads))
    issues = []
    for entry in parsed:
        issue, found = entry if entry is not None else next(fresh)
        issues.append(issue)
        diagnostics += found
    if cache_dir is not None:
        prune_cache(cache_dir, [cache_path(s, cache_dir) for s in sources], "*.pickle")
    return issues


def read_glossary(config: BuildConfig) -> list[CuratedEntry]:
    """The curated glossary, unless it is a link leading outside seeds/ (reported by read_sources)."""
    if config.glossary_file in config.outside_links():
        return []
    return load_curated(config.glossary_file, config.display(config.glossary_file))


def output_files(pages: list[Page], data: dict[str, bytes]) -> list[OutputFile]:
    """Everything ``content/`` holds: pages, data files, static assets."""
    files = [OutputFile(page.path, page.text().encode("utf-8")) for page in pages]
    files += [OutputFile(path, content) for path, content in data.items()]
    for name in ASSETS:
        files.append(OutputFile(Addresses.asset(name), resources.files("builder").joinpath("assets", name).read_bytes()))
    return files


def newest_date(archive: Archive) -> dt.date | None:
    dates = [d for issue in archive.issues for d in issue.dates()]
    return max(dates) if dates else None


def fail_on_errors(result: BuildResult, strict: bool) -> None:
    """Raise one line naming the first problem when there are errors (or warnings, under ``--strict``)."""
    errors = result.count(Severity.ERROR)
    warnings = result.count(Severity.WARNING)
    if errors or (strict and warnings):
        first = next(d for d in result.diagnostics if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING))
        raise BuildError(f"{first} ({errors} errors, {warnings} warnings; nothing written)")


def _proof(source: SourceText, pages: list[Page], rendered: Rendered) -> FidelityReport:
    """The fidelity proof of one bulletin: the one made beside its issue's pages when those are
    all the pages that claim its lines (in this archive, always), else proved here against every
    page that claims them."""
    proof = rendered.proofs.get(source.path)
    if proof is not None and all(rendered.parts.get(id(page)) == source.path for page in pages):
        return proof
    return check_fidelity(source, pages)


class RenderCache:
    """Each issue's rendered pages, pickled in ``.cache/render/`` under the digest of their inputs
    (:mod:`builder.render.inputs`): a rebuild renders again only the issues whose inputs changed."""

    def __init__(self, config: BuildConfig, sources: list[SourceText]) -> None:
        self.folder = config.cache_dir / "render"
        fixes = {config.display(path): fix_file_for(path) for path in config.bulletins()}
        self.digests: dict[str, str] = {}
        for source in sources:
            fix = fixes.get(source.path)
            corrections = fix.read_bytes() if fix is not None and fix.is_file() else b""
            self.digests[source.path] = hashlib.sha256(source.digest.encode() + b"\0" + corrections).hexdigest()

    def source_digest(self, issue: Issue) -> str:
        return self.digests.get(issue.source, "")

    def empty(self) -> bool:
        try:
            with os.scandir(self.folder) as entries:
                return not any(entry.name.endswith(".pickle") for entry in entries)
        except OSError:
            return True

    def get(self, key: str) -> bytes | None:
        try:
            return (self.folder / f"{key}.pickle").read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        write_entry(self.folder / f"{key}.pickle", data)

    def keep(self, keys: list[str]) -> None:
        prune_cache(self.folder, [self.folder / f"{key}.pickle" for key in keys], "*.pickle")


def _pages_by_source(pages: list[Page]) -> dict[str, list[Page]]:
    """Bulletin path → the pages that reproduce some of its lines."""
    out: dict[str, list[Page]] = {}
    for page in pages:
        for file in dict.fromkeys(span.file for span in page.claims):
            out.setdefault(file, []).append(page)
    return out


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.file, d.line, d.code))


__all__ = ["BuildResult", "build", "compile_archive", "generate_content"]
