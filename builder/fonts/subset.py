"""Make the PDF fonts shipped in ``builder/fonts/`` from Noto Serif/Sans CJK SC (SIL OFL 1.1).

Run from the project folder (needs fontTools and brotli, both installed with the project)::

    python builder/fonts/subset.py /usr/share/fonts/opentype/noto

The folder must hold ``NotoSerifCJK-Regular.ttc``, ``NotoSerifCJK-Bold.ttc`` and
``NotoSansCJK-Bold.ttc`` (Debian's fonts-noto-cjk, or the same files from the noto-cjk
releases). The output covers GB 2312, the 8105 characters of 通用规范汉字表, the 5401 常用字 of
Big5 (traditional characters), every character of
``seeds/`` and the punctuation and Latin letters bulletins use. The families are renamed
(Briefing Serif SC, Briefing Sans SC), as the OFL asks of a modified version, and so that a PDF
can be seen to use the shipped files and not fonts installed on the build machine.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "builder" / "fonts"
TGH = Path(__file__).with_name("tongyong-guifan-8105.txt")
_EXTRA_RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x2100, 0x215F), (0x2460, 0x24FF),
                 (0x3000, 0x303F), (0xFF01, 0xFF65))


@dataclass(frozen=True)
class Face:
    """One output font: which collection it comes from and what it is called."""

    source: str
    family: str
    style: str

    @property
    def postscript(self) -> str:
        return f"{self.family.replace(' ', '')}-{self.style}"


FACES = (
    Face("NotoSerifCJK-Regular.ttc", "Briefing Serif SC", "Regular"),
    Face("NotoSerifCJK-Bold.ttc", "Briefing Serif SC", "Bold"),
    Face("NotoSansCJK-Bold.ttc", "Briefing Sans SC", "Bold"),
)


def gb2312() -> set[str]:
    """Every character of GB 2312 (rows 0xA1–0xF7)."""
    out = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                out.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def big5_common() -> set[str]:
    """The 5401 常用字 of Big5 (0xA440–0xC67E): traditional characters of texts quoted from Hong Kong,
    Macao and Taiwan outlets."""
    out = set()
    for high in range(0xA4, 0xC7):
        for low in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            if (high, low) > (0xC6, 0x7E):
                break
            try:
                out.add(bytes((high, low)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return out


def tongyong_guifan() -> set[str]:
    """The 8105 characters of 通用规范汉字表."""
    lines = TGH.read_text(encoding="utf-8").splitlines()
    return set("".join(line.strip() for line in lines if line and not line.startswith("#")))


def seed_characters() -> set[str]:
    text = "".join(p.read_text(encoding="utf-8-sig", errors="replace") for p in sorted((ROOT / "seeds").iterdir()) if p.is_file())
    return set(text)


def charset() -> str:
    chars = gb2312() | tongyong_guifan() | big5_common() | seed_characters()
    for first, last in _EXTRA_RANGES:
        chars |= {chr(c) for c in range(first, last + 1)}
    return "".join(sorted(c for c in chars if not c.isspace() or c in " \u3000"))


def make_face(source_dir: Path, face: Face, text: str) -> Path:
    """Subset the SC face of one collection, rename it and write it as WOFF2."""
    collection = TTCollection(str(source_dir / face.source))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1).endswith(" SC"))
    options = subset.Options()
    options.layout_features = ["ccmp", "kern", "liga", "clig", "calt", "rlig", "mark", "mkmk"]
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    rename(font, face)
    path = OUT / f"{face.postscript}.woff2"
    font.flavor = "woff2"
    font.save(str(path))
    log.warning("%s: %d glyphs, %d bytes", path.name, font["maxp"].numGlyphs, path.stat().st_size)
    return path


def rename(font: TTFont, face: Face) -> None:
    """New family names in the name table and the CFF table (OFL: a modified version is renamed)."""
    original = font["name"].getDebugName(4)
    version = font["head"].fontRevision
    names = {
        1: face.family, 2: face.style, 4: f"{face.family} {face.style}", 6: face.postscript,
        3: f"{version:.3f};briefing-site;{face.postscript}",
        16: face.family, 17: face.style,
        10: f"Subset of {original} {version:.3f} (SIL Open Font License 1.1) for briefing-site PDFs.",
    }
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names:
            table.removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [face.postscript]
        top = cff.topDictIndex[0]
        top.FamilyName, top.FullName = face.family, f"{face.family} {face.style}"
        if hasattr(top, "ROS"):
            top.CIDFontName = face.postscript


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir", type=Path, help="folder with the Noto CJK .ttc files")
    args = parser.parse_args()
    logging.basicConfig(format="%(message)s")
    text = charset()
    log.warning("%d characters", len(text))
    for face in FACES:
        make_face(args.source_dir, face, text)
    write_coverage([OUT / f"{face.postscript}.woff2" for face in FACES])


COVERAGE = OUT / "coverage.txt"


def covered(paths: list[Path]) -> set[int]:
    """Code points every one of the fonts has a glyph for."""
    sets = [set(TTFont(str(path)).getBestCmap()) for path in paths]
    return set.intersection(*sets)


def write_coverage(paths: list[Path]) -> None:
    """``coverage.txt``: the code points all shipped fonts cover, as ranges (read by the build)."""
    points, ranges = sorted(covered(paths)), []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    lines = [f"{a:04X}" if a == b else f"{a:04X}-{b:04X}" for a, b in ranges]
    COVERAGE.write_text("# code points every shipped PDF font covers (made by subset.py)\n" + "\n".join(lines) + "\n",
                        encoding="ascii")


if __name__ == "__main__":
    main()
