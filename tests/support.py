"""Paths and helpers shared by the tests (fixtures live in ``conftest.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.config import BuildConfig
from builder.glossary import load_curated
from builder.link import Archive, link_archive
from builder.model import Diagnostic, Issue
from builder.read import SourceText, decode_bytes, parse_issue

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "bulletin-268-1.txt"
GLOSSARY = ROOT / "seeds" / "glossary.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CURATED = load_curated(GLOSSARY, "seeds/glossary.yaml")
CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync"]


def load(path: Path, shown: str | None = None) -> SourceText:
    return decode_bytes(path.read_bytes(), shown or f"seeds/{path.name}")


def parse_text(text: str, name: str = "seeds/test.txt") -> tuple[Issue, list[Diagnostic]]:
    return parse_issue(decode_bytes(text.encode("utf-8"), name))


def link_texts(*texts: str, curated=CURATED) -> Archive:
    """Parse and link bulletins given as text (named ``seeds/t1.txt``, ``seeds/t2.txt`` …)."""
    issues = [parse_text(text, f"seeds/t{k}.txt")[0] for k, text in enumerate(texts, start=1)]
    return link_archive(issues, curated)


def link_files(*paths: Path, curated=CURATED) -> Archive:
    return link_archive([parse_issue(load(p))[0] for p in paths], curated)


def make_project(base: Path, *bulletins: Path, base_url: str | None = None) -> BuildConfig:
    """A temporary project: its own seeds/, content/ and site/, the real mkdocs.yml."""
    seeds = base / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for path in (*(bulletins or (SEED,)), GLOSSARY):
        shutil.copyfile(path, seeds / path.name)
    return BuildConfig.from_root(ROOT, seeds=seeds, content=base / "content", site=base / "site", base_url=base_url)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder``: relative POSIX path → bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
