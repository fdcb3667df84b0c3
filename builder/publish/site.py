"""Publish stage: run MkDocs on ``content/`` into a staging folder, then swap it in atomically.

A failed MkDocs run, a full disk or a kill leaves the previous ``site/`` as it was.
"""

from __future__ import annotations

import builtins
import ctypes
import datetime as dt
import errno
import hashlib
import io
import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, MkDocsException

from ..caches import code_digest
from ..config import BuildConfig
from ..errors import SetupError
from .base_url import site_url_options
from .write import MARKER

CONTENT_READY = "BRIEFING_CONTENT_READY"
"""Environment variable naming a ``content/`` folder that is already up to date (for the plugin)."""
CACHE = "BRIEFING_CACHE"
"""Environment variable naming the build's cache folder (for the plugin's search index cache)."""


def site_config(config: BuildConfig, site_dir: Path, folder: Path) -> Path:
    """A small MkDocs config that inherits ``mkdocs.yml`` and points at this build's folders."""
    path = folder / "mkdocs.yml"
    mkdocs_options, plugin_options = site_url_options(config.base_url)
    briefing = {"root": str(config.root), "seeds": str(config.seeds_dir), "strict": config.strict, **plugin_options}
    data = {
        "INHERIT": str(config.mkdocs_file),
        "docs_dir": str(config.content_dir),
        "site_dir": str(site_dir),
        "plugins": {"briefing": briefing},
        "theme": {"custom_dir": str(config.root / "builder" / "theme")},
        **mkdocs_options,
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of an in-process MkDocs run."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def mkdocs_env(build_date: dt.date | None, content_ready: Path | None = None, cache: Path | None = None) -> dict[str, str]:
    """Variables for MkDocs: a fixed build date makes the site byte-identical across builds;
    ``content_ready`` tells the ``briefing`` plugin that this ``content/`` is already generated,
    ``cache`` where the build keeps its caches (beside ``site/``, not beside MkDocs' staging folder)."""
    env: dict[str, str] = {}
    if content_ready is not None:
        env[CONTENT_READY] = str(content_ready)
    if cache is not None:
        env[CACHE] = str(cache)
    if build_date:
        stamp = dt.datetime(build_date.year, build_date.month, build_date.day, tzinfo=dt.timezone.utc)
        env["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    return env


def build_site(config: BuildConfig, build_date: dt.date | None, finish: Callable[[Path], None] | None = None) -> None:
    """``mkdocs build --strict`` into a staging folder beside ``site/``, then swap it in atomically.

    ``finish`` adds to the staged site before the swap (the PDFs). The previous site survives any
    failure: MkDocs errors, a failed PDF, a full disk, a kill at any moment (a staging folder left
    behind by a killed build is removed by the next one).
    """
    claim_site(config.site_dir)
    parent = config.site_dir.parent
    clean_stale_staging(parent)
    staging = parent / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    fingerprint = publisher_fingerprint(config)
    try:
        staging.mkdir()
        staged = staging / "site"
        dirty = _reuse_previous_site(config.site_dir, staged, fingerprint)
        with _copy_on_write(staged), _environment(mkdocs_env(build_date, config.content_dir, config.cache_dir)):
            built = _run_mkdocs(site_config(config, staged, staging), dirty=dirty)
            if dirty:
                _remove_stale(staged, built)
            if finish is not None:
                finish(staged)
            (staged / MARKER).write_bytes(_SITE_MARKER_TEXT + f"publisher: {fingerprint}\n".encode())
        swap_in(staged, config.site_dir)
    except OSError as exc:
        raise SetupError(exc.filename or parent, f"cannot publish the site: {exc.strerror}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run_mkdocs(config_file: Path, *, dirty: bool = False) -> set[str]:
    """MkDocs in this process (no child process outlives the build), warnings counted as errors.
    Returns the site paths MkDocs knows of (pages, static and theme files)."""
    problems = _ProblemLog()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(problems)
    quiet = _DirtyNotice()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        mk = load_config(config_file=str(config_file), strict=True)
        mk.plugins.on_startup(command="build", dirty=dirty)
        try:
            mkdocs_build(mk, dirty=dirty)
        finally:
            mk.plugins.on_shutdown()
        return set(getattr(mk.plugins.get("briefing"), "site_paths", ()))
    except (MkDocsException, ConfigurationError) as exc:
        raise SetupError("mkdocs.yml", f"mkdocs build failed: {problems.first() or exc}") from None
    finally:
        logger.removeHandler(problems)
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation stale; this site's navigation does not
    depend on which pages changed (item pages are not in it), so the notice is not a problem."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


# --- publishing only what changed ------------------------------------------------------------------


def publisher_fingerprint(config: BuildConfig) -> str:
    """What every page's HTML depends on besides its own Markdown: the site configuration, the
    builder's own code and theme (its plugin runs inside MkDocs), Material's and MkDocs' versions and
    the base URL. A site built with another fingerprint is rebuilt in full."""
    site = hashlib.sha256(config.mkdocs_file.read_bytes()).hexdigest()
    return code_digest("**/*.py", "theme/**/*", extra=f"{site}\0{config.base_url}\0{metadata.version('mkdocs')}\0"
                                                  f"{metadata.version('mkdocs-material')}")


def _reuse_previous_site(site_dir: Path, staged: Path, fingerprint: str) -> bool:
    """Give the staging folder the previous site's files when it was published with the same
    fingerprint, so that MkDocs rebuilds only the pages whose Markdown changed (a dirty build).

    The files are hard links (a copy where the file system has none): 6,000 links take a tenth
    of a second where copying 90 MB takes seconds. :func:`_copy_on_write` keeps every write to
    the staged site off the published files."""
    marker = site_dir / MARKER
    if not marker.is_file() or f"publisher: {fingerprint}\n".encode() not in marker.read_bytes():
        return False
    _link_tree(str(site_dir), str(staged))
    (staged / MARKER).unlink()
    return True


def _link_tree(source: str, target: str) -> None:
    """Make ``target`` hold ``source``'s folders and hard links to its files (copies where links
    cannot be made); a symbolic link is copied as a link. One ``scandir`` per folder: a 300-issue
    site has some 10,000 files."""
    os.mkdir(target)
    with os.scandir(source) as entries:
        for entry in entries:
            path = os.path.join(target, entry.name)
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), path)
            elif entry.is_dir():
                _link_tree(entry.path, path)
            else:
                try:
                    os.link(entry.path, path)
                except OSError:
                    shutil.copy2(entry.path, path)


@contextmanager
def _copy_on_write(folder: Path) -> Iterator[None]:
    """While the staged site shares files with the published one, a shared file below ``folder``
    opened for writing is first made a file of its own: unlinked when it is to be replaced (``w``,
    ``O_CREAT | O_TRUNC``), copied when it is to be changed (``a``, ``+``, other flags). MkDocs, the
    search index and the PDF stage write by path through ``open``/``io.open``/``os.open``, so every
    writer is covered and the published site stays as it was until the swap (or for good, if the
    build fails)."""
    prefix = str(folder.resolve()) + os.sep
    real_open, real_os_open = builtins.open, os.open

    def own(file: object, replace: bool) -> None:
        if not isinstance(file, (str, os.PathLike)):
            return
        path = os.path.abspath(os.fspath(file))
        try:
            if not path.startswith(prefix) or os.lstat(path).st_nlink < 2:
                return
        except OSError:
            return
        if replace:
            os.unlink(path)
        else:
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".cow-")
            os.close(fd)
            shutil.copy2(path, tmp)
            os.replace(tmp, path)

    def guarded_open(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN202 - the signature of open()
        if isinstance(mode, str) and any(c in mode for c in "wxa+"):
            own(file, replace=not any(c in mode for c in "a+"))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):  # noqa: ANN001, ANN202 - the signature of os.open()
        if flags & (os.O_WRONLY | os.O_RDWR) and kwargs.get("dir_fd") is None:
            own(path, replace=bool(flags & os.O_TRUNC and flags & os.O_CREAT))
        return real_os_open(path, flags, *args, **kwargs)

    builtins.open = io.open = guarded_open
    os.open = guarded_os_open
    try:
        yield
    finally:
        builtins.open = io.open = real_open
        os.open = real_os_open


def _remove_stale(staged: Path, built: set[str]) -> None:
    """After a dirty build: remove files of the previous site that MkDocs no longer produces (the
    search index and the PDFs keep their own folders tidy), then the folders left empty."""
    keep = built | {"404.html", "sitemap.xml", "sitemap.xml.gz"}
    for folder, _, names in os.walk(staged, topdown=False):
        rel = os.path.relpath(folder, staged).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        own_files = prefix.startswith("search/") or "/pdf/" in f"/{prefix}"
        for name in names:
            if not own_files and prefix + name not in keep:
                os.unlink(os.path.join(folder, name))
        if prefix and not os.listdir(folder):
            os.rmdir(folder)


class _ProblemLog(logging.Handler):
    """Keeps the warnings and errors MkDocs logs, to name the first one in the error line."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))

    def first(self) -> str:
        return self.messages[0] if self.messages else ""


# --- the site folder -----------------------------------------------------------------------------


STAGING_PREFIX = ".briefing-staging-"
"""Staging folders beside ``site/``: ``.briefing-staging-<pid>-<random>``."""
_SITE_MARKER_TEXT = b"This folder is published by `briefing build`; it is replaced as a whole by each build.\n"


def claim_site(site_dir: Path) -> None:
    """Refuse to replace a folder that holds files and was not published by briefing."""
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / MARKER).is_file():
        raise SetupError(site_dir, "folder is not empty and was not published by briefing; refusing to replace it")


def clean_stale_staging(parent: Path) -> None:
    """Remove staging folders of builds that are no longer running (killed or crashed)."""
    for folder in parent.glob(f"{STAGING_PREFIX}*"):
        pid = folder.name[len(STAGING_PREFIX) :].split("-", 1)[0]
        if folder.is_dir() and not folder.is_symlink() and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap_in(staged: Path, site_dir: Path) -> None:
    """Put ``staged`` where ``site_dir`` is, in one atomic step; the old site ends up at ``staged``."""
    if not site_dir.exists():
        os.rename(staged, site_dir)
    elif not _exchange(staged, site_dir):
        _swap_by_renames(staged, site_dir)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two folders (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    renameat2 = getattr(_LIBC, "renameat2", None) if _LIBC is not None else None
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap_by_renames(staged: Path, site_dir: Path) -> None:
    """Two renames where the folders cannot be exchanged; the old site is put back if the second fails."""
    old = staged.with_name(staged.name + "-old")
    os.rename(site_dir, old)
    try:
        os.rename(staged, site_dir)
    except OSError:
        os.rename(old, site_dir)
        raise
    os.rename(old, staged)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
try:
    _LIBC: ctypes.CDLL | None = ctypes.CDLL(None, use_errno=True)
except OSError:  # pragma: no cover - platforms without a C library handle
    _LIBC = None
