"""The build as a whole: determinism, the golden tree, bad input, the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.build import generate_content
from builder.cli import main
from builder.errors import BuildError
from conftest import ROOT, SEED

GOLDEN = Path(__file__).resolve().parent / "golden" / "content"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_write_identical_content(project, tmp_path):
    config = project()
    generate_content(config)
    first = _tree(config.content_dir)
    shutil.rmtree(config.content_dir)
    generate_content(config)
    assert _tree(config.content_dir) == first
    again = generate_content(config)
    assert (again.written.written, again.written.deleted) == (0, 0)


def test_content_matches_golden_tree(project):
    config = project()
    generate_content(config)
    produced = _tree(config.content_dir)
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in produced.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    golden = _tree(GOLDEN)
    assert sorted(produced) == sorted(golden)
    for rel in golden:
        assert produced[rel].decode() == golden[rel].decode(), rel


def test_pages_have_stable_paths(project):
    config = project()
    result = generate_content(config)
    paths = sorted(p.path for p in result.pages)
    assert "issues/268-shang/policy/gbf-2023-37.md" in paths
    assert "issues/268-shang/news/zhkjjrdwz-tdjjgzlfz.md" in paths
    assert len([p for p in paths if not p.startswith("glossary/")]) == 2 + 1 + 8
    assert "glossary/index.md" in paths and "glossary/beijingzhengquanjiaoyisuo.md" in paths


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


def test_seed_is_the_shared_bulletin_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds" / "bulletin-268-1.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()
