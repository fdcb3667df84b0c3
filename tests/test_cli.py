"""The command line: every problem is one line naming its file, with a documented exit code."""

from __future__ import annotations

import errno
import os
import re
import shutil

import pytest

from builder import cli
from builder.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_SETUP
from builder.publish import write as write_module
from tests.support import GLOSSARY, ROOT, SEED


def _run(capsys, *argv):
    code = cli.main(["-q", *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_line(err: str, pattern: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert re.search(pattern, lines[0]), lines[0]


def test_no_mkdocs_yml_is_a_setup_error_before_anything_is_written(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(SEED, tmp_path / "seeds" / SEED.name)
    code, _, err = _run(capsys, "--root", tmp_path, "build")
    assert code == EXIT_SETUP
    _assert_one_line(err, r"/mkdocs\.yml: error: the site configuration is missing \(is --root the project folder\?\)$")
    assert not (tmp_path / "content").exists()


def test_content_pointing_at_a_file(project, tmp_path, capsys):
    config = project()
    (tmp_path / "afile").write_text("x")
    code, _, err = _run(capsys, "--root", ROOT, "--seeds", config.seeds_dir, "--content", tmp_path / "afile", "build", "--no-site")
    assert code == EXIT_SETUP
    _assert_one_line(err, r"afile: error: the content folder is a file, not a folder$")


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_disk_that_refuses_writes_is_one_line(project, capsys, monkeypatch, failure):
    config = project()

    def refuse(src, dst):
        raise OSError(failure, os.strerror(failure), str(dst))

    monkeypatch.setattr(write_module.os, "replace", refuse)
    code, _, err = _run(capsys, "--root", ROOT, "--seeds", config.seeds_dir, "--content", config.content_dir, "build", "--no-site")
    assert code == EXIT_SETUP
    _assert_one_line(err, rf"content/\S+: error: cannot write: {os.strerror(failure)}$")


def test_a_file_name_that_is_not_utf8_is_read_and_shown(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(GLOSSARY, seeds / "glossary.yaml")
    name = os.fsdecode("简报268期.txt".encode("gb18030"))
    shutil.copyfile(SEED, seeds / name)
    code, out, err = _run(capsys, "--root", ROOT, "--seeds", seeds, "--content", tmp_path / "content", "check")
    assert code == 0 and "Traceback" not in err
    assert "seeds/简报268期.txt: fidelity 100.00%" in out
    assert "seeds/简报268期.txt:61: warning:" in err


def test_a_link_leading_outside_seeds_is_not_read_and_no_server_path_is_published(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(GLOSSARY, seeds / "glossary.yaml")
    secret = tmp_path / "elsewhere" / "bulletin-268-1.txt"
    secret.parent.mkdir()
    shutil.copyfile(SEED, secret)
    (seeds / "linked.txt").symlink_to(secret)
    shutil.copyfile(SEED, seeds / "real.txt")
    code, _, err = _run(capsys, "--root", ROOT, "--seeds", seeds, "--content", tmp_path / "content", "build", "--no-site")
    assert code == 0
    assert "seeds/linked.txt: warning: a symbolic link to a file outside seeds/; not read" in err
    news = (tmp_path / "content" / "data" / "news.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in news and "elsewhere" not in news and "seeds/real.txt" in news


def test_a_symlink_inside_content_is_refused_and_nothing_lands_outside(project, tmp_path, capsys):
    config = project()
    outside = tmp_path / "outside"
    outside.mkdir()
    config.content_dir.mkdir()
    (config.content_dir / ".briefing-generated").write_text("ours")
    (config.content_dir / "issues").symlink_to(outside)
    code, _, err = _run(capsys, "--root", ROOT, "--seeds", config.seeds_dir, "--content", config.content_dir, "build", "--no-site")
    assert code == EXIT_SETUP
    _assert_one_line(err, r"content/issues: error: a symbolic link inside a generated folder")
    assert list(outside.iterdir()) == []


def test_an_internal_error_is_one_line_and_debug_shows_the_traceback(project, capsys, monkeypatch):
    config = project()
    monkeypatch.setattr(cli, "compile_archive", lambda *args: 1 / 0)
    argv = ["--root", ROOT, "--seeds", config.seeds_dir, "check"]
    code, _, err = _run(capsys, *argv)
    assert code == EXIT_INTERNAL
    _assert_one_line(err, r"^error: internal error \(ZeroDivisionError: division by zero\); run with --debug")
    code, _, err = _run(capsys, "--debug", *argv)
    assert code == EXIT_INTERNAL and "Traceback" in err


def test_input_errors_exit_1(project, capsys):
    config = project()
    (config.seeds_dir / "broken.txt").write_bytes("正文内容。\n".encode() * 30 + b"\xe5\x85 x\n")
    code, _, err = _run(capsys, "--root", ROOT, "--seeds", config.seeds_dir, "--content", config.content_dir, "build", "--no-site")
    assert code == EXIT_INPUT
    assert err.strip().splitlines()[-1].startswith("seeds/broken.txt:31: error: invalid UTF-8 byte")


def test_progress_is_one_plain_line_per_stage_off_a_terminal_and_quiet_with_q(project, capsys):
    config = project()
    argv = ["--root", str(ROOT), "--seeds", str(config.seeds_dir), "--content", str(config.content_dir), "build", "--no-site"]
    assert cli.main(argv) == 0
    err = capsys.readouterr().err
    stages = [line.split()[0] for line in err.splitlines() if re.match(r"^\w+(: \d+ done)? in \d+\.\d s$", line)]
    assert stages == ["read:", "link", "render", "fidelity", "write"]
    assert cli.main(["-q", *argv]) == 0
    assert not [line for line in capsys.readouterr().err.splitlines() if " in " in line and line.endswith(" s")]
