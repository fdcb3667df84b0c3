"""What the build's caches share: entries no longer used are removed, so ``.cache/`` holds what the
current input needs and does not grow with every edit; :class:`Memo` keeps results of the link and
fidelity stages between builds."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, MutableMapping
from importlib import resources
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


@functools.cache
def builder_version() -> str:
    """A digest of the builder's code: a memo made by other code is not used."""
    digest = hashlib.sha256()
    root = resources.files("builder")
    for path in sorted(Path(str(root)).rglob("*.py")):
        digest.update(path.relative_to(Path(str(root))).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class Memo(MutableMapping[Any, Any]):
    """Results of the previous build, by a key that names everything they depend on.

    Loaded from one pickle file (when it was written by the same builder code); what this build
    reads or adds is what :meth:`save` writes back, so entries no longer used are dropped. A file
    that cannot be read or written is only slower, never an error.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old: dict[Any, Any] = {}
        self.new: dict[Any, Any] = {}
        self.hits = 0
        try:
            with path.open("rb") as fh:
                version, entries = pickle.load(fh)
            if version == builder_version() and isinstance(entries, dict):
                self.old = entries
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass

    def __getitem__(self, key: Any) -> Any:
        """An entry of the previous build (one added by this build is not looked up: a build from an
        empty cache does the same work however often a text repeats)."""
        value = self.old[key]
        self.hits += 1
        self.new[key] = value
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        self.new[key] = value

    def __delitem__(self, key: Any) -> None:
        self.new.pop(key, None)
        self.old.pop(key, None)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.new.keys() | self.old.keys())

    def __len__(self) -> int:
        return len(self.new.keys() | self.old.keys())

    def save(self) -> None:
        """Write this build's entries (only when they differ from what was loaded)."""
        if self.new == self.old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((builder_version(), self.new), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.debug("cache %s not written: %s", self.path, exc)
