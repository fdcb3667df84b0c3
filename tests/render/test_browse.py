"""The indexes by 发文机关, 文种 and 来源: a group's items on pages of a bounded size."""

from __future__ import annotations

import re

from builder.render import browse
from builder.render.browse import render_browse
from tests.support import FIXTURES, SEED, link_files


def test_a_large_group_is_split_into_pages_that_list_every_item_once(monkeypatch):
    monkeypatch.setattr(browse, "GROUP_PAGE", 2)
    archive = link_files(SEED, FIXTURES / "cross-links.txt")
    pages = {page.path: page for page in render_browse(archive)}
    first = "browse/kinds/tz.md"
    items = [i for i in archive.items() if getattr(i, "kind", None) == "通知"]
    assert len(items) > 2
    count = -(-len(items) // 2)
    paths = [first] + [f"browse/kinds/more/tz-{k}.md" for k in range(2, count + 1)]
    assert [p for p in pages if p.startswith(("browse/kinds/tz", "browse/kinds/more/tz-"))] == paths
    listed = [title for p in paths for title in re.findall(r"^\| \[([^\]]+)\]", pages[p].body, re.M)]
    assert len(listed) == len(items)  # each once, in the archive's order (newest first)
    assert f"共 {len(items)} 篇" in pages[paths[-1]].body
    assert "[下一页](more/tz-2.md)" in pages[first].body and "上一页" not in pages[first].body
    assert "[上一页](../tz.md)" in pages[paths[1]].body


def test_a_small_group_has_one_page_without_a_pager():
    pages = {page.path: page for page in render_browse(link_files(SEED))}
    tz = pages["browse/kinds/tz.md"]
    assert "页：" not in tz.body and not any("/more/" in p for p in pages)
