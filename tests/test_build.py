"""The build as a whole: determinism, the golden tree, bad input, the CLI."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.build import generate_content
from builder.cli import main
from builder.errors import BuildError
from tests.support import ROOT, SEED, tree

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_PAGES = (
    "issues/268-shang/index.md",
    "issues/268-shang/news/tkrzqd-zckjcx.md",
    "issues/268-shang/policy/gbf-2023-37.md",
    "glossary/beijingzhengquanjiaoyisuo.md",
)
"""A few representative pages: the issue home, a news page with a repaired date, a policy page with
repaired 文号 and title, a term page. Refresh with ``BRIEFING_UPDATE_GOLDEN=1 pytest tests/test_build.py``."""


def test_two_builds_write_identical_content(project, tmp_path):
    config = project()
    generate_content(config)
    first = tree(config.content_dir)
    shutil.rmtree(config.content_dir)
    generate_content(config)
    assert tree(config.content_dir) == first
    again = generate_content(config)
    assert (again.written.written, again.written.deleted) == (0, 0)


def test_representative_pages_match_golden_files(project):
    config = project()
    generate_content(config)
    for rel in GOLDEN_PAGES:
        produced = (config.content_dir / rel).read_text(encoding="utf-8")
        golden = GOLDEN / rel.replace("/", "__")
        if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
            golden.write_text(produced, encoding="utf-8")
        assert produced == golden.read_text(encoding="utf-8"), rel


def test_pages_have_stable_paths(project):
    config = project()
    result = generate_content(config)
    paths = sorted(p.path for p in result.pages)
    assert "issues/268-shang/policy/gbf-2023-37.md" in paths
    assert "issues/268-shang/news/zhkjjrdwz-tdjjgzlfz.md" in paths
    assert "issues/268-shang/print.md" in paths
    assert len([p for p in paths if p.startswith("issues/")]) == 1 + 1 + 8 + 1  # archive, issue home, items, print view
    assert "glossary/index.md" in paths and "glossary/beijingzhengquanjiaoyisuo.md" in paths
    assert {"browse/index.md", "browse/issuers/index.md", "browse/kinds/index.md", "browse/outlets/index.md",
            "browse/issuers/gwybgt.md", "browse/outlets/jjrb.md"} <= set(paths)


def test_bad_bulletin_fails_with_one_line_and_writes_nothing(project, tmp_path, capsys):
    config = project()
    (config.seeds_dir / "broken.txt").write_bytes("关于引导保险资金的通知。\n".encode("utf-8") * 5 + b"\xe5\x85 x\n" + "正文内容。\n".encode() * 20)
    argv = ["--root", str(ROOT), "--seeds", str(config.seeds_dir), "--content", str(config.content_dir), "build", "--site", str(config.site_dir)]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("seeds/broken.txt:6: error: invalid UTF-8 byte")
    assert not config.content_dir.exists() and not config.site_dir.exists()


def test_strict_fails_on_warnings(project):
    config = project()
    strict = type(config)(**{**config.__dict__, "strict": True})
    with pytest.raises(BuildError, match=r"seeds/bulletin-268-1.txt:61: warning: date"):
        generate_content(strict)


def test_check_command_reports_fidelity(project, capsys):
    config = project()
    assert main(["--root", str(ROOT), "--seeds", str(config.seeds_dir), "--content", str(config.content_dir), "check"]) == 0
    captured = capsys.readouterr()
    assert "seeds/bulletin-268-1.txt: fidelity 100.00% (25404/25404 characters)" in captured.out
    assert "seeds/bulletin-268-1.txt:236: warning: 发文字号 “国办发〔202337” read as 国办发〔2023〕37号" in captured.err


def test_python_dash_m_runs(tmp_path):
    run = subprocess.run([sys.executable, "-m", "builder", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "build" in run.stdout and "serve" in run.stdout and "check" in run.stdout


def test_seed_is_the_published_bulletin_byte_for_byte():
    """The embedded seed is bulletin 268 (上) exactly as published (digest taken when it was embedded)."""
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert digest == "ca9bd9fc4ae3065af1dae40478a74dbfa2e83ccf3dec958d919894c0e50713ef"
