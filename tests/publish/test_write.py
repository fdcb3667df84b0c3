"""The writer: only changed files are replaced, stale ones go, nothing outside the folder."""

from __future__ import annotations

import pytest

from builder.errors import SetupError
from builder.publish.write import MARKER, OutputFile, write_tree


def test_write_compare_and_delete(tmp_path):
    out = tmp_path / "content"
    first = write_tree([OutputFile("a.md", b"A"), OutputFile("x/b.md", b"B")], out)
    assert (first.written, first.unchanged, first.deleted) == (2, 0, 0)
    stamp = (out / "a.md").stat().st_mtime_ns
    second = write_tree([OutputFile("a.md", b"A"), OutputFile("c.md", b"C")], out)
    assert (second.written, second.unchanged, second.deleted) == (1, 1, 1)
    assert (out / "a.md").stat().st_mtime_ns == stamp
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [MARKER, "a.md", "c.md"]


@pytest.mark.parametrize("path", ["../evil.md", "/etc/passwd", "a/../../b.md", MARKER])
def test_refuses_paths_outside(tmp_path, path):
    with pytest.raises(SetupError, match="outside the output folder"):
        write_tree([OutputFile(path, b"x")], tmp_path / "content")


def test_refuses_duplicate_paths(tmp_path):
    with pytest.raises(SetupError, match="same file"):
        write_tree([OutputFile("a.md", b"1"), OutputFile("a.md", b"2")], tmp_path / "content")


def test_refuses_a_foreign_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(SetupError, match="not made by briefing"):
        write_tree([OutputFile("a.md", b"1")], tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"
