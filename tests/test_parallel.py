"""Work spread over processes gives what one process gives; the render cache gives what rendering gives."""

from __future__ import annotations

import dataclasses
import os
import threading
from concurrent.futures.process import BrokenProcessPool

import pytest

from builder import parallel
from builder.bench.synthetic import write_archive
from builder.build import generate_content
from builder.parallel import fork_map, worker_count
from tests.support import SEED, make_project, tree


@pytest.fixture
def forking(monkeypatch):
    """Fork even when other tests of the session left threads running (an idle local server)."""
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)


def _square_or_fail(x: int) -> int:
    if x == 13:
        raise ValueError("thirteen")
    return x * x


def test_fork_map_keeps_the_order_and_the_results_of_a_loop(forking):
    items = list(range(40))
    assert worker_count(2, len(items)) == 2
    assert fork_map(lambda x: x * x, items, jobs=2) == [x * x for x in items]
    done = []
    fork_map(lambda x: -x, items, jobs=2, done=done.append)
    assert sorted(done) == items


@pytest.mark.parametrize("jobs", [1, 2])
def test_what_arrives_is_received_here_in_the_order_of_the_items(forking, jobs):
    received = []

    def receive(result: int) -> str:
        received.append((os.getpid(), result))
        return f"<{result}>"

    items = list(range(30))
    assert fork_map(lambda x: x * 3, items, jobs=jobs, receive=receive) == [f"<{x * 3}>" for x in items]
    assert sorted(result for _, result in received) == [x * 3 for x in items]
    assert {pid for pid, _ in received} == {os.getpid()}  # applied in this process, not in the workers


def test_an_error_in_a_worker_is_raised_here(forking):
    with pytest.raises(ValueError, match="thirteen"):
        fork_map(_square_or_fail, list(range(20)), jobs=2)


def test_one_process_when_asked_or_when_threads_run():
    assert worker_count(1, 100) == 1
    assert worker_count(4, 3) == 1
    assert threading.active_count() == 1 or worker_count(4, 100) == 1
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert worker_count(4, 100) == 1
    finally:
        stop.set()
        thread.join()


def _archive(base, issues=4):
    config = make_project(base, SEED)
    (config.seeds_dir / SEED.name).unlink()
    write_archive(SEED, None, config.seeds_dir, issues)
    return dataclasses.replace(config, pdf=False)


def test_content_is_the_same_from_one_process_and_from_several(tmp_path, forking):
    one = dataclasses.replace(_archive(tmp_path / "one"), jobs=1)
    two = dataclasses.replace(_archive(tmp_path / "two"), jobs=2)
    generate_content(one)
    generate_content(two)
    first, second = tree(one.content_dir), tree(two.content_dir)
    assert sorted(first) == sorted(second) and len(first) > 40
    assert [p for p in first if first[p] != second[p]] == []


def test_a_rebuild_from_the_render_cache_is_a_fresh_build(tmp_path, monkeypatch):
    """An edit inside one news paragraph renders that issue again and takes the others from the
    cache; renaming a policy changes pages of other issues too (their related lists name it), and
    exactly the issues whose pages change are rendered again. Each time the content equals a build
    from an empty cache."""
    config = dataclasses.replace(_archive(tmp_path / "a"), jobs=1)
    generate_content(config)
    bulletin = sorted(config.seeds_dir.glob("*.txt"))[1]
    for old, new in (("随着世界", "随着当今世界"), ("专利转化运用专项行动方案", "专利转化运用专项行动计划")):
        before = tree(config.content_dir)
        text = bulletin.read_text(encoding="utf-8")
        assert old in text
        bulletin.write_text(text.replace(old, new), encoding="utf-8")
        rendered: list[str] = []
        monkeypatch.setattr("builder.render._issue_pages", _spy(rendered))
        generate_content(config)
        monkeypatch.undo()
        after = tree(config.content_dir)
        fresh = dataclasses.replace(config, site_dir=tmp_path / new / "site", content_dir=tmp_path / new / "content")
        generate_content(fresh)
        assert after == tree(fresh.content_dir)
        changed = {p.split("/")[1] for p in after if p.startswith("issues/") and before.get(p) != after[p]}
        assert sorted(rendered) == sorted(changed)
        assert len(changed) == (1 if new == "随着当今世界" else 4)


def _spy(rendered):
    from builder import render

    real = render._issue_pages

    def spy(archive, issue):
        rendered.append(archive.addresses.issue(issue).split("/")[1])
        return real(archive, issue)

    return spy


def test_a_proof_made_beside_the_pages_is_used_only_when_they_are_all_the_claiming_pages(project, seed_source):
    from builder.build import _proof, compile_archive
    from builder.render import Rendered
    from builder.render.fidelity import FidelityReport

    result = compile_archive(project())
    claiming = [p for p in result.pages if p.claims]
    stand_in = FidelityReport(seed_source.path, characters=1, found=0)
    own = Rendered(result.pages, {}, {seed_source.path: stand_in}, {id(p): seed_source.path for p in claiming})
    assert _proof(seed_source, claiming, own) is stand_in
    other = Rendered(result.pages, {}, {seed_source.path: stand_in}, {id(p): "seeds/other.txt" for p in claiming})
    redone = _proof(seed_source, claiming, other)
    assert redone is not stand_in and redone.ok and redone.characters > 25_000


def _die(x: int) -> int:
    if x == 5:
        os._exit(3)  # a worker killed in the middle of its work
    return x


def test_a_worker_that_dies_stops_the_build_instead_of_hanging(forking):
    with pytest.raises(BrokenProcessPool):
        fork_map(_die, list(range(12)), jobs=2)


def test_a_rebuild_searches_again_only_the_pages_whose_text_changed(tmp_path, monkeypatch):
    """The link stage's memo: after an edit inside one news paragraph only that page is searched
    for terms again, and the content equals a build without the memo; a new glossary term makes
    every page be searched again (the terms are part of every page's key)."""
    from builder.link import terms as link_terms

    config = dataclasses.replace(_archive(tmp_path / "a"), jobs=1)
    generate_content(config)
    searched: list[str] = []
    real = link_terms._page_uses

    def spy(page, *args):
        searched.append(page.path)
        return real(page, *args)

    monkeypatch.setattr(link_terms, "_page_uses", spy)
    generate_content(config)
    assert searched == []  # nothing changed: nothing searched
    bulletin = sorted(config.seeds_dir.glob("*.txt"))[1]
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(text.replace("随着世界", "随着当今世界"), encoding="utf-8")
    generate_content(config)
    assert len(searched) == 1 and "/news/" in searched[0]
    fresh = dataclasses.replace(config, site_dir=tmp_path / "fresh" / "site", content_dir=tmp_path / "fresh" / "content")
    monkeypatch.undo()
    generate_content(fresh)
    assert tree(config.content_dir) == tree(fresh.content_dir)
    monkeypatch.setattr(link_terms, "_page_uses", spy)
    searched.clear()
    with (config.seeds_dir / "glossary.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - term: 专项行动\n    aliases: []\n    category: 政策工具\n    definition: 为一个目标在一段时间内集中开展的工作。\n")
    result = generate_content(config)
    assert len(searched) == len(result.archive.items())
    assert any(t.name == "专项行动" and result.archive.uses_of(t) for t in result.archive.terms)
