"""``briefing package``: the built site as one dated zip, for a file share or a USB stick.

The zip holds one folder, ``briefing-site-YYYY-MM-DD/``, with ``site/`` inside it; opening its
``index.html`` from disk works (relative ``.html`` links). Its bytes depend only on the site:
entries sorted, every timestamp the package date, fixed permissions, fixed compression.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import SetupError

log = logging.getLogger(__name__)

PREFIX = "briefing-site"


@dataclass(frozen=True)
class Package:
    """A written zip."""

    path: Path
    """The zip file."""
    folder: str
    """The one top-level folder inside it."""
    files: int
    """Files packed."""
    size: int
    """Bytes of the zip."""


def package_date(newest: dt.date | None, environ: dict[str, str] | None = None) -> dt.date:
    """``SOURCE_DATE_EPOCH`` when set, else the newest bulletin date."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError) as exc:
            raise SetupError(f"SOURCE_DATE_EPOCH={epoch!r}", f"not a Unix time ({exc})") from exc
    if newest is None:
        raise SetupError("SOURCE_DATE_EPOCH", "no bulletin has a date: set SOURCE_DATE_EPOCH to date the package")
    return newest


def site_files(site_dir: Path) -> list[Path]:
    """Every file of the site, sorted by its path inside the site (hidden files, like the build's marker, left out)."""
    if not (site_dir / "index.html").is_file():
        raise SetupError(site_dir, "no built site (index.html missing); run briefing build")
    files = (p for p in site_dir.rglob("*") if p.is_file() and not p.name.startswith("."))
    return sorted(files, key=lambda p: p.relative_to(site_dir).as_posix())


def write_package(site_dir: Path, out_dir: Path, date: dt.date) -> Package:
    """Zip ``site_dir`` into ``out_dir/briefing-site-DATE.zip`` (written to a temp file, then renamed)."""
    folder = f"{PREFIX}-{date.isoformat()}"
    files = site_files(site_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{folder}.zip"
    fd, tmp = tempfile.mkstemp(prefix=".briefing-", suffix=".zip", dir=out_dir)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w") as archive:
            for path in files:
                _add(archive, f"{folder}/{path.relative_to(site_dir).as_posix()}", path.read_bytes(), date)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    log.info("packed %d files into %s", len(files), target)
    return Package(target, folder, len(files), target.stat().st_size)


def _add(archive: zipfile.ZipFile, name: str, data: bytes, date: dt.date) -> None:
    """One entry with fixed metadata: the package date at midnight, rw-r--r--, made on Unix."""
    info = zipfile.ZipInfo(name, date_time=(max(date.year, 1980), date.month, date.day, 0, 0, 0))
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data, compresslevel=9)
