"""The glossary's pages: the index stays small; the names documents coin for themselves are listed by
year, each linked to where it is defined."""

from __future__ import annotations

from builder.render.glossary import issue_year, render_glossary
from tests.support import FIXTURES, SEED, link_files


def _pages(archive):
    return {page.path: page for page in render_glossary(archive)}


def test_local_names_are_listed_by_year_and_linked_to_their_definition():
    archive = link_files(SEED, FIXTURES / "cross-links.txt")
    pages = _pages(archive)
    local = [t for t in archive.terms if t.scope is not None]
    years = sorted({issue_year(archive.addresses.issue_of(t.scope)) for t in local}, key=lambda y: -(y or 0))
    year_pages = sorted(p for p in pages if p.startswith("glossary/local/"))
    assert year_pages == sorted(f"glossary/local/{y}.md" for y in years)
    listed = "".join(pages[p].body for p in year_pages)
    for term in local:
        line = next(line for line in listed.splitlines() if line.startswith(f"- {term.name}："))
        if term.defined_at:
            assert "issues/" in line and "#" in line  # a link to the passage that defines it
    index = pages["glossary/index.md"].body
    assert f"共 {len(local)} 个" in index
    assert not any(f"- {t.name}：" in index for t in local)  # the index lists years, not the names
    for year in years:
        assert f"local/{year}.md" in index

