"""One typed configuration object, validated where it enters."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import SetupError
from .publish.base_url import normalise_base_url

log = logging.getLogger(__name__)

BULLETIN_SUFFIX = ".txt"
"""Bulletins are plain-text files; the suffix is matched without regard to case (.txt, .TXT)."""
CURATED_SUFFIXES = (".yaml", ".yml")
"""Curated inputs beside the bulletins (the glossary, editor corrections)."""


@dataclass(frozen=True)
class BuildConfig:
    """Where things are and how strict the build is."""

    root: Path
    """Project folder (holds mkdocs.yml)."""
    seeds_dir: Path
    """Input bulletins (``*.txt``) and curated inputs."""
    content_dir: Path
    """Generated Markdown (MkDocs' docs_dir)."""
    site_dir: Path
    """Published HTML."""
    mkdocs_file: Path
    """The site's MkDocs configuration."""
    strict: bool = False
    """Fail on warnings too, not only on errors."""
    base_url: str | None = None
    """Where the site is served (``/briefing/`` or a full URL); None for a domain root."""
    pdf: bool = True
    """Write the A4 PDFs of every issue and policy into the site."""
    jobs: int = 0
    """Processes for parsing, linking and rendering (with the fidelity proof); 0: one per core."""

    @classmethod
    def from_root(cls, root: Path, *, seeds: Path | None = None, content: Path | None = None,
                  site: Path | None = None, strict: bool = False, base_url: str | None = None,
                  pdf: bool = True, jobs: int = 0) -> BuildConfig:
        root = _absolute(root)
        config = cls(
            root=root,
            seeds_dir=_absolute(seeds or root / "seeds"),
            content_dir=_absolute(content or root / "content"),
            site_dir=_absolute(site or root / "site"),
            mkdocs_file=root / "mkdocs.yml",
            strict=strict,
            base_url=_base_url(base_url),
            pdf=pdf,
            jobs=jobs,
        )
        config.validate()
        return config

    def validate(self) -> None:
        """Refuse folders that would make the build read or write where it must not."""
        if self.jobs < 0:
            raise SetupError("--jobs", "the number of processes must be 0 (one per core) or more")
        if not self.mkdocs_file.is_file():
            raise SetupError(str(self.mkdocs_file), "the site configuration is missing (is --root the project folder?)")
        if not self.seeds_dir.is_dir():
            raise SetupError(self.display(self.seeds_dir), "the seeds folder does not exist")
        for name, path in (("content", self.content_dir), ("site", self.site_dir)):
            if path.is_symlink():
                raise SetupError(self.display(path), f"the {name} folder is a symbolic link; give the real folder")
            if path.exists() and not path.is_dir():
                raise SetupError(self.display(path), f"the {name} folder is a file, not a folder")
            if path in (self.root, self.seeds_dir) or _inside(self.seeds_dir, path) or _inside(self.root, path):
                raise SetupError(self.display(path), f"the {name} folder must not hold the project or its seeds")
        if _inside(self.site_dir, self.content_dir) or _inside(self.content_dir, self.site_dir) or self.site_dir == self.content_dir:
            raise SetupError(self.display(self.site_dir), "the site and content folders must be apart (neither inside the other)")

    @property
    def cache_dir(self) -> Path:
        """Caches of the build (parsed bulletins, PDFs): ``.cache/`` beside ``site/``."""
        return self.site_dir.parent / ".cache"

    @property
    def glossary_file(self) -> Path:
        """Curated glossary entries."""
        return self.seeds_dir / "glossary.yaml"

    def bulletins(self) -> list[Path]:
        """Input bulletins, sorted by name: regular files ending in .txt (any case) inside seeds/."""
        return sorted(p for p in self._seed_files() if p.suffix.lower() == BULLETIN_SUFFIX)

    def ignored_files(self) -> list[Path]:
        """Files in seeds/ that are neither bulletins nor curated inputs (reported, not read)."""
        return sorted(p for p in self._seed_files() if p.suffix.lower() not in (BULLETIN_SUFFIX, *CURATED_SUFFIXES)
                      and not p.name.startswith("."))

    def outside_links(self) -> list[Path]:
        """Symbolic links in seeds/ that lead outside it (never read)."""
        return sorted(p for p in self.seeds_dir.iterdir() if p.is_symlink() and not _inside(p.resolve(), self.seeds_dir.resolve()))

    def _seed_files(self) -> list[Path]:
        outside = set(self.outside_links())
        return [p for p in self.seeds_dir.iterdir() if p.is_file() and p not in outside]

    def display(self, path: Path) -> str:
        """A path as shown to users and published: ``seeds/name.txt``, or relative to the project.

        The path is not resolved (a symbolic link shows its own name, never its target), and a file
        name that is not valid UTF-8 is shown decoded as GB18030, as Chinese Windows writes them.
        """
        path = _absolute(path)
        for base in (self.seeds_dir.parent, self.root):
            if _inside(path, base):
                return _readable(path.relative_to(base).as_posix())
        return _readable(path.as_posix())


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalise_base_url(value)
    except ValueError as exc:
        raise SetupError("--base-url", str(exc)) from None


def _absolute(path: Path) -> Path:
    """An absolute, normalised path that does not follow symbolic links."""
    return Path(os.path.normpath(Path(path).absolute()))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def _readable(name: str) -> str:
    """A name with undecodable bytes (kept by Python as surrogates) shown as GB18030 or with U+FFFD."""
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace")
