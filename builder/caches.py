"""What the build's caches share: entries no longer used are removed, so ``.cache/`` holds what the
current input needs and does not grow with every edit; entries are pickles read and written by
:func:`read_pickle` and :func:`write_pickle` (or written already pickled by :func:`write_entry`)."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def prune_cache(folder: Path, used: Iterable[Path], pattern: str) -> int:
    """Remove the entries of ``folder`` matching ``pattern`` that are not in ``used``; returns how
    many. A cache that cannot be pruned is only larger, never an error."""
    keep = set(used)
    removed = 0
    try:
        for path in folder.glob(pattern):
            if path not in keep:
                path.unlink(missing_ok=True)
                removed += 1
    except OSError as exc:
        log.debug("cache %s not pruned: %s", folder, exc)
    return removed


def code_digest(*patterns: str, extra: str = "") -> str:
    """A digest of the builder's files matching ``patterns`` (globs below ``builder/``), of the
    package version and of ``extra``: what a cache or a published site was made by. A cache made
    by other code is not used."""
    root = Path(str(resources.files("builder")))
    try:
        version = metadata.version("briefing-site")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a plain checkout
        version = "0"
    digest = hashlib.sha256(f"{version}\0{extra}\0".encode())
    files = sorted({path for pattern in patterns for path in root.glob(pattern) if path.is_file() and "__pycache__" not in path.parts})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def builder_version() -> str:
    """A digest of the builder's code (part of the render cache's keys)."""
    return code_digest("**/*.py")


_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError)
"""What reading a missing, damaged or outdated pickle may raise."""


def read_pickle(path: Path) -> Any:
    """The value pickled in ``path``, or None when it is missing or cannot be read."""
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except _UNREADABLE:
        return None


def write_pickle(path: Path, value: Any) -> None:
    """Pickle ``value`` into ``path`` atomically; a cache that cannot be written is only slower,
    never an error."""
    write_entry(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def write_entry(path: Path, data: bytes) -> None:
    """Write a cache entry atomically (an entry already pickled by :func:`write_pickle`'s rules)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as exc:
        log.debug("cache %s not written: %s", path, exc)


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` (whose folder exists) and rename it
    over ``target``; raises ``OSError``. The temporary name holds the process id, so two processes
    never share one (``tempfile.mkstemp`` cost 0.27 ms a file here); one left by a killed process
    is replaced, or deleted as a stale file by the next build. Files are readable by all (a web
    server serves them) whatever the umask."""
    tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        except FileExistsError:
            tmp.unlink()
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o644)
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


class PickledMemo:
    """Values by key kept in one pickle between builds (the link stage's results per page): what a
    build looked up or added is kept, the rest dropped, and the file is written only when that
    differs from what was read. A file of other code (``version``) or a damaged one is not used."""

    def __init__(self, path: Path | None, version: str) -> None:
        self.path, self.version = path, version
        stored = read_pickle(path) if path is not None else None
        ok = isinstance(stored, tuple) and len(stored) == 2 and stored[0] == version and isinstance(stored[1], dict)
        self.old: dict[Any, Any] = stored[1] if ok else {}
        self.new: dict[Any, Any] = {}
        self.misses = 0

    def empty(self) -> bool:
        return not self.old

    def get(self, key: Any) -> Any:
        """The value under ``key`` (None when the previous build did not have it)."""
        found = self.old.get(key)
        if found is None:
            self.misses += 1
        else:
            self.new[key] = found
        return found

    def put(self, key: Any, value: Any) -> None:
        self.new[key] = value

    def save(self) -> None:
        if self.path is not None and (self.misses or self.new.keys() != self.old.keys()):
            write_pickle(self.path, (self.version, self.new))
