"""The bad-input corpus (tests/bad_inputs/): every case ends as its expected.yaml says, in one line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from builder.cli import main
from tests.support import GLOSSARY, ROOT

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def test_every_case_has_an_expectation_and_there_are_forty():
    cases = sorted(p.name for p in (CORPUS / "cases").iterdir())
    assert cases == sorted(EXPECTED) and len(cases) >= 40


def _seeds(case: Path, tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for file in sorted(case.iterdir()) if case.is_dir() else [case]:
        shutil.copyfile(file, seeds / file.name)
    if not (seeds / "glossary.yaml").exists():
        shutil.copyfile(GLOSSARY, seeds / "glossary.yaml")
    return seeds


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input(name, tmp_path, capsys):
    expected = EXPECTED[name]
    seeds = _seeds(CORPUS / "cases" / name, tmp_path)
    code = main(["--root", str(ROOT), "--seeds", str(seeds), "--content", str(tmp_path / "content"), "check"])
    out, err = capsys.readouterr()
    assert code == expected["exit"], err[-2000:]
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if ": error: " in line]
    if "error" in expected:
        assert errors and re.search(expected["error"], errors[0]), errors[:1]
    warnings = {(m[1], m[2]) for m in re.finditer(r"^[^\n]*?:(\d+): warning: .*\[([a-z-]+)\]$", err, re.M)}
    warnings |= {("", m[1]) for m in re.finditer(r"^\S+: warning: .*\[([a-z-]+)\]$", err, re.M)}
    for want in expected.get("warnings", []):
        line, _, code_ = want.rpartition(":")
        assert any(c == code_ and (not line or ln == line) for ln, c in warnings), (want, sorted(warnings))
    if expected["exit"] == 0:
        reports = re.findall(r"fidelity (\S+) ", out)
        assert reports and set(reports) == {"100.00%"}, out
