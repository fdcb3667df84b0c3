"""One typed configuration object, validated where it enters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError

BULLETIN_SUFFIXES = (".txt",)


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

    @classmethod
    def from_root(cls, root: Path, *, seeds: Path | None = None, content: Path | None = None,
                  site: Path | None = None, strict: bool = False) -> BuildConfig:
        root = root.resolve()
        config = cls(
            root=root,
            seeds_dir=(seeds or root / "seeds").resolve(),
            content_dir=(content or root / "content").resolve(),
            site_dir=(site or root / "site").resolve(),
            mkdocs_file=root / "mkdocs.yml",
            strict=strict,
        )
        config.validate()
        return config

    def validate(self) -> None:
        if not self.seeds_dir.is_dir():
            raise BuildError(f"{self.seeds_dir}: error: the seeds folder does not exist")
        for name, path in (("content", self.content_dir), ("site", self.site_dir)):
            if path in (self.root, self.seeds_dir) or self.seeds_dir.is_relative_to(path) or self.root.is_relative_to(path):
                raise BuildError(f"{path}: error: the {name} folder must not hold the project or its seeds")

    @property
    def glossary_file(self) -> Path:
        """Curated glossary entries."""
        return self.seeds_dir / "glossary.yaml"

    def bulletins(self) -> list[Path]:
        """Input bulletins, sorted by name."""
        return sorted(p for p in self.seeds_dir.iterdir() if p.is_file() and p.suffix in BULLETIN_SUFFIXES)

    def display(self, path: Path) -> str:
        """A path as shown in diagnostics: ``seeds/name.txt`` for bulletins, else relative to the project."""
        path = path.resolve()
        for base in (self.seeds_dir.parent, self.root):
            if path.is_relative_to(base):
                return path.relative_to(base).as_posix()
        return path.as_posix()
