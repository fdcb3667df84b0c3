"""Command line: ``briefing build | serve | check | package`` (also ``python -m builder``)."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TextIO

from mkdocs.exceptions import MkDocsException

from .build import BuildResult, build, compile_archive, newest_date
from .config import BuildConfig
from .errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_SETUP, BuilderError
from .model import Severity
from .progress import progress_for
from .publish.base_url import normalise_base_url
from .publish.package import package_date, write_package
from .publish.site import site_config
from .publish.write import claim_folder


def main(argv: list[str] | None = None) -> int:
    """Run one command; every problem is one line on stderr and an exit code (README, "Safety")."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        config = BuildConfig.from_root(Path(args.root), seeds=_opt(args.seeds), content=_opt(args.content),
                                       site=_opt(getattr(args, "site", None)), strict=args.strict,
                                       base_url=getattr(args, "base_url", None), pdf=not getattr(args, "no_pdf", False),
                                       jobs=args.jobs)
        return args.func(config, args)
    except BuilderError as exc:
        return _fail(str(exc), exc.exit_code, args.debug)
    except MkDocsException as exc:
        return _fail(f"mkdocs.yml: error: {exc}", EXIT_SETUP, args.debug)
    except OSError as exc:
        return _fail(f"{exc.filename or '.'}: error: {exc.strerror or exc}", EXIT_SETUP, args.debug)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        return _fail(f"error: internal error ({type(exc).__name__}: {exc}); run with --debug for details", EXIT_INTERNAL, args.debug)


def _fail(message: str, code: int, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    _say(message.replace("\n", " "), sys.stderr)
    return code


def _say(text: str, stream: TextIO | None = None) -> None:
    """Print one line; characters no stream can take (undecodable file names) become ?."""
    print(text.encode("utf-8", "replace").decode("utf-8"), file=stream or sys.stdout)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description="Build the briefing site from the bulletins in seeds/.")
    _common_options(parser)
    # The same options after the command (briefing build -q); they do not undo one given before it.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    _common_options(common)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    p_build = sub.add_parser("build", parents=[common], help="seeds → content/ → site/")
    p_build.add_argument("--site", help="output folder for HTML (default: ROOT/site)")
    p_build.add_argument("--no-site", action="store_true", help="write content/ only")
    p_build.add_argument("--no-pdf", action="store_true", help="leave out the PDFs (their links then lead nowhere)")
    _base_url_option(p_build)
    p_build.set_defaults(func=cmd_build)
    p_serve = sub.add_parser("serve", parents=[common], help="preview with live reload (mkdocs serve); rebuilds when a seed changes")
    p_serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    p_serve.set_defaults(func=cmd_serve)
    p_check = sub.add_parser("check", parents=[common], help="parse and prove every character reaches the pages; list diagnostics")
    p_check.set_defaults(func=cmd_check)
    p_package = sub.add_parser("package", parents=[common], help="build, then zip site/ as briefing-site-DATE.zip (opens from disk)")
    p_package.add_argument("--site", help="output folder for HTML (default: ROOT/site)")
    p_package.add_argument("--out", help="folder for the zip (default: ROOT/dist)")
    _base_url_option(p_package)
    p_package.set_defaults(func=cmd_package)
    return parser


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=parser.argument_default or ".", help="project folder holding mkdocs.yml (default: .)")
    parser.add_argument("--seeds", help="bulletin folder (default: ROOT/seeds)")
    parser.add_argument("--content", help="generated Markdown folder (default: ROOT/content)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings as well as errors")
    parser.add_argument("-j", "--jobs", type=int, default=parser.argument_default or 0, metavar="N",
                        help="processes for parsing, linking and rendering (default 0: one per core)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines (errors and warnings only)")
    parser.add_argument("--debug", action="store_true", help="print the traceback of an error as well")


def _base_url_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base-url", type=_base_url, metavar="URL",
                        help="where the site is served, e.g. /briefing/ or http://intranet/briefing/ "
                             "(makes the 404 page work under that path; default: a domain root)")


def _base_url(value: str) -> str:
    try:
        return normalise_base_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _opt(value: str | None) -> Path | None:
    return Path(value) if value else None


def cmd_build(config: BuildConfig, args: argparse.Namespace) -> int:
    start = time.perf_counter()
    result = build(config, site=not args.no_site, progress=progress_for(sys.stderr, args.quiet))
    _print_diagnostics(result, show_info=args.verbose)
    print(_summary(result, time.perf_counter() - start))
    if result.pdf:
        print(result.pdf)
    if not args.no_site:
        print(f"site: {config.site_dir}  (view: briefing serve, or python3 -m http.server -d {config.display(config.site_dir)})")
    return 0


def cmd_package(config: BuildConfig, args: argparse.Namespace) -> int:
    result = build(config, progress=progress_for(sys.stderr, args.quiet))
    _print_diagnostics(result, show_info=False)
    out = Path(args.out) if args.out else config.root / "dist"
    package = write_package(config.site_dir, out, package_date(newest_date(result.archive)))
    print(f"package: {package.path}  ({package.files} files, {package.size / 1e6:.1f} MB; "
          f"unzip and open {package.folder}/index.html — search needs a web server)")
    return 0


def cmd_check(config: BuildConfig, args: argparse.Namespace) -> int:
    result = compile_archive(config, progress_for(sys.stderr, args.quiet))
    _print_overview(result)
    _print_diagnostics(result, show_info=True)
    for report in result.fidelity:
        print(f"{report.file}: fidelity {report.ratio:.2%} ({report.found}/{report.characters} characters)")
    failed = result.count(Severity.ERROR) or (config.strict and result.count(Severity.WARNING))
    return 1 if failed else 0


def cmd_serve(config: BuildConfig, args: argparse.Namespace) -> int:
    """``mkdocs serve`` with this build's folders: the ``briefing`` plugin regenerates ``content/``
    before each build (writing only pages that changed) and MkDocs watches ``seeds/``; a rebuild
    renders only the pages whose Markdown changed (MkDocs' dirty builds)."""
    from mkdocs.commands.serve import serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    claim_folder(config.content_dir)  # MkDocs checks that docs_dir exists before the plugin runs
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as tmp:
        cfg = site_config(config, Path(tmp) / "site", Path(tmp))
        serve(config_file=str(cfg), dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    return 0


def _print_overview(result: BuildResult) -> None:
    """Per bulletin, a table of its items: kind, title, 文号, 发文机关, date, attachments, diagnostics."""
    from .overview import format_overview

    print(format_overview(result.archive.issues, result.diagnostics))


def _print_diagnostics(result: BuildResult, *, show_info: bool) -> None:
    for diagnostic in result.diagnostics:
        if show_info or diagnostic.severity is not Severity.INFO:
            _say(str(diagnostic), sys.stderr)


def _summary(result: BuildResult, seconds: float) -> str:
    issues = result.archive.issues
    news = sum(len(i.news()) for i in issues)
    policies = sum(len(i.policies()) for i in issues)
    chars = sum(r.characters for r in result.fidelity)
    found = sum(r.found for r in result.fidelity)
    ratio = found / chars if chars else 1.0
    took = f" in {seconds:.1f} s" if seconds else ""
    return (f"built {len(issues)} issue(s): {news} news, {policies} policies, {len(result.pages)} pages; "
            f"fidelity {ratio:.2%} ({found}/{chars} characters); "
            f"{result.count(Severity.WARNING)} warnings, {result.count(Severity.ERROR)} errors{took}")
