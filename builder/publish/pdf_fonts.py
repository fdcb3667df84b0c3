"""The fonts PDFs are set in: subsets of Noto Serif/Sans CJK SC shipped in ``builder/fonts/``.

They come with the project (``pip install``), so a PDF looks the same on any machine, whatever
fonts it has. WOFF2 keeps the repository small; each file is unpacked once into the cache folder
as OpenType, which the PDF engine loads faster.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..model import Diagnostic, Severity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FontFace:
    """One shipped font file and the CSS family it is declared as."""

    file: str
    """File name in ``builder/fonts/``."""
    family: str
    """CSS font-family (also the font's own family name)."""
    weight: str
    """CSS font-weight."""


FACES = (
    FontFace("BriefingSerifSC-Regular.woff2", "Briefing Serif SC", "normal"),
    FontFace("BriefingSerifSC-Bold.woff2", "Briefing Serif SC", "bold"),
    FontFace("BriefingSansSC-Bold.woff2", "Briefing Sans SC", "bold"),
)
LICENSE = "OFL.txt"


def font_bytes(face: FontFace) -> bytes:
    return resources.files("builder").joinpath("fonts", face.file).read_bytes()


def fonts_digest() -> str:
    """A hash of every shipped font: part of each PDF's cache key."""
    digest = hashlib.sha256()
    for face in FACES:
        digest.update(font_bytes(face))
    return digest.hexdigest()


def unpack_fonts(cache_dir: Path) -> dict[FontFace, Path]:
    """OpenType copies of the shipped WOFF2 files in ``cache_dir`` (made once per font version)."""
    from fontTools.ttLib import TTFont  # installed with WeasyPrint

    cache_dir.mkdir(parents=True, exist_ok=True)
    out = {}
    for face in FACES:
        data = font_bytes(face)
        path = cache_dir / f"{Path(face.file).stem}-{hashlib.sha256(data).hexdigest()[:12]}.otf"
        if not path.exists():
            font = TTFont(resources.files("builder").joinpath("fonts", face.file).open("rb"), recalcTimestamp=False)
            font.flavor = None
            tmp = path.with_suffix(".tmp")
            font.save(str(tmp))
            tmp.replace(path)
            log.info("unpacked %s", path.name)
        out[face] = path
    return out


def font_face_css(paths: dict[FontFace, Path]) -> str:
    """``@font-face`` rules for the unpacked fonts (``file:`` URLs)."""
    rules = []
    for face, path in paths.items():
        rules.append(f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
                     f'src: url("{path.resolve().as_uri()}"); }}')
    return "\n".join(rules) + "\n"


COVERAGE = "coverage.txt"
"""Code points every shipped font has a glyph for, as ranges (written by ``subset.py``)."""
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}


@functools.cache
def covered_points() -> frozenset[int]:
    points: set[int] = set()
    for line in resources.files("builder").joinpath("fonts", COVERAGE).read_text(encoding="ascii").splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


def font_gaps(path: str, lines: Iterable[str]) -> list[Diagnostic]:
    """A warning per character of a bulletin that the shipped fonts cannot show (at its first line):
    in a PDF it would fall back to whatever font the machine has, or show as an empty box."""
    covered, seen, found = covered_points(), set(), []
    for number, line in enumerate(lines, 1):
        for char in set(line):
            point = ord(char)
            if point in covered or point in seen or unicodedata.category(char) in _INVISIBLE \
                    or 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF:
                continue
            seen.add(point)
            found.append(Diagnostic(path, number, Severity.WARNING, "pdf-font-gap",
                                    f"“{char}” (U+{point:04X}) is not in the PDF fonts; PDFs may show it in another "
                                    f"font or as a box (add it with builder/fonts/subset.py)"))
    return sorted(found, key=lambda d: (d.line, d.message))
