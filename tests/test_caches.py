from __future__ import annotations

from builder.build import parse_sources
from builder.caches import prune_cache
from builder.read import decode_bytes
from tests.support import SEED


def test_prune_removes_only_unused_entries(tmp_path):
    used, old, other = tmp_path / "a.pickle", tmp_path / "b.pickle", tmp_path / "c.pdf"
    for path in (used, old, other):
        path.write_bytes(b"x")
    assert prune_cache(tmp_path, [used], "*.pickle") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pickle", "c.pdf"]


def test_the_parse_cache_keeps_one_entry_per_bulletin_across_edits(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    for edit in ("", "随着当今世界", "随着当今的世界"):
        source = decode_bytes((text.replace("随着世界", edit, 1) if edit else text).encode("utf-8"), "seeds/a.txt")
        parse_sources([source], [], tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
