"""What the build's caches share: entries no longer used are removed, so ``.cache/`` holds what the
current input needs and does not grow with every edit."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

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
