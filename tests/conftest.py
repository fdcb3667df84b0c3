from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.config import BuildConfig
from builder.decode import SourceText, decode_bytes
from builder.model import Issue
from builder.parse import parse_issue

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "bulletin-268-1.txt"
GLOSSARY = ROOT / "seeds" / "glossary.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load(path: Path, shown: str | None = None) -> SourceText:
    return decode_bytes(path.read_bytes(), shown or f"seeds/{path.name}")


def parse_text(text: str, name: str = "seeds/test.txt") -> tuple[Issue, list]:
    return parse_issue(decode_bytes(text.encode("utf-8"), name))


@pytest.fixture(scope="session")
def seed_source() -> SourceText:
    return load(SEED)


@pytest.fixture(scope="session")
def seed_parsed(seed_source):
    return parse_issue(seed_source)


@pytest.fixture
def project(tmp_path: Path):
    """A temporary project: its own seeds/, content/ and site/, the real mkdocs.yml."""

    def make(*bulletins: Path) -> BuildConfig:
        seeds = tmp_path / "seeds"
        seeds.mkdir(exist_ok=True)
        for path in (*(bulletins or (SEED,)), GLOSSARY):
            shutil.copyfile(path, seeds / path.name)
        return BuildConfig.from_root(ROOT, seeds=seeds, content=tmp_path / "content", site=tmp_path / "site")

    return make
