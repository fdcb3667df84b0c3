"""The build, stage by stage: decode → parse → link → render → check → write → publish."""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from importlib import resources

from .config import BuildConfig
from .decode import SourceText, decode_bytes
from .errors import BuilderError, BuildError, InputError
from .export import export_files
from .fidelity import FidelityReport, check_fidelity
from .glossary import CuratedEntry, load_curated
from .link import link_archive
from .model import Archive, Diagnostic, Issue, Severity
from .parse import parse_issue
from .pages import Page
from .render import render_archive
from .render_glossary import USER_DICT, user_dict
from .site import build_site
from .write import OutputFile, WriteReport, write_tree

log = logging.getLogger(__name__)

ASSETS = ("briefing.css",)


@dataclass
class BuildResult:
    """What a build produced and noticed."""

    archive: Archive
    pages: list[Page]
    fidelity: list[FidelityReport]
    diagnostics: list[Diagnostic]
    written: WriteReport | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def read_sources(config: BuildConfig) -> tuple[list[SourceText], list[Diagnostic]]:
    """Decode every bulletin; one that cannot be read becomes an error diagnostic."""
    sources, problems = [], []
    for path in config.bulletins():
        shown = config.display(path)
        try:
            sources.append(decode_bytes(path.read_bytes(), shown))
        except InputError as exc:
            problems.append(Diagnostic(exc.file, exc.line, Severity.ERROR, "unreadable", str(exc).split(": error: ", 1)[-1]))
    if not sources and not problems:
        problems.append(Diagnostic(config.display(config.seeds_dir), 0, Severity.ERROR, "no-bulletins", "no bulletin (*.txt) to build"))
    return sources, problems


def compile_archive(config: BuildConfig) -> BuildResult:
    """Read, parse, link, render and check everything; touches no file."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    sources, diagnostics = read_sources(config)
    issues: list[Issue] = []
    for source in sources:
        issue, found = parse_issue(source)
        issues.append(issue)
        diagnostics += found
    archive = link_archive(issues, diagnostics, _curated(config))
    timings["parse"] = time.perf_counter() - start
    pages = render_archive(archive)
    fidelity = [check_fidelity(s, _pages_of(pages, s.path)) for s in sources]
    diagnostics = archive.diagnostics + [p for report in fidelity for p in report.problems]
    timings["render"] = time.perf_counter() - start - timings["parse"]
    return BuildResult(archive, pages, fidelity, _sorted(diagnostics), timings=timings)


def _curated(config: BuildConfig) -> list[CuratedEntry]:
    return load_curated(config.glossary_file, config.display(config.glossary_file))


def generate_content(config: BuildConfig) -> BuildResult:
    """Compile, then write ``content/`` unless the input has errors (no half-written output)."""
    result = compile_archive(config)
    _fail_on_errors(result, config.strict)
    start = time.perf_counter()
    result.written = write_tree(output_files(result), config.content_dir)
    result.timings["write"] = time.perf_counter() - start
    return result


def build(config: BuildConfig, *, site: bool = True) -> BuildResult:
    """The whole product path: bulletins in ``seeds/`` → ``content/`` → ``site/``."""
    result = generate_content(config)
    if site:
        start = time.perf_counter()
        build_site(config, newest_date(result.archive))
        result.timings["site"] = time.perf_counter() - start
    return result


def output_files(result: BuildResult) -> list[OutputFile]:
    """Everything ``content/`` holds: pages, data exports, static assets."""
    files = [OutputFile(page.path, page.text().encode("utf-8")) for page in result.pages]
    files += [OutputFile(path, data) for path, data in export_files(result.archive).items()]
    files.append(OutputFile(USER_DICT, user_dict(result.archive)))
    for name in ASSETS:
        data = resources.files("builder").joinpath("assets", name).read_bytes()
        files.append(OutputFile(f"assets/{name}", data))
    return files


def newest_date(archive: Archive) -> dt.date | None:
    dates = [d for issue in archive.issues for d in issue.dates()]
    return max(dates) if dates else None


def _pages_of(pages: list[Page], file: str) -> list[Page]:
    return [p for p in pages if any(span.file == file for span in p.claims)]


def _fail_on_errors(result: BuildResult, strict: bool) -> None:
    errors = result.count(Severity.ERROR)
    warnings = result.count(Severity.WARNING)
    if errors or (strict and warnings):
        first = next(d for d in result.diagnostics if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING))
        raise BuildError(f"{first} ({errors} errors, {warnings} warnings; nothing written)")


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.file, d.line, d.code))


__all__ = ["BuildResult", "BuilderError", "build", "compile_archive", "generate_content"]
