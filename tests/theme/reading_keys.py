"""The front-matter keys the reading templates use (partials/briefing-nav-page.html, footer.html),
computed for an archive, and a helper that writes them into a built content/ tree.

``reading_front_matter`` is the reference for the render stage: an item page's front matter gets
``issue_home``, ``issue_items``, ``prev`` and ``next``. Until the render stage writes them, the
theme tests add them to a copy of the seed's content/ and build that copy with MkDocs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from builder.link import Archive
from builder.model import Issue, Item, NewsItem

ROOT = Path(__file__).resolve().parents[2]


def _ref(archive: Archive, item: Item) -> dict[str, str]:
    return {"url": archive.addresses.item(item), "title": item.title}


def reading_front_matter(archive: Archive, issue: Issue, item: Item) -> dict[str, object]:
    """issue_home {url, title}, issue_items [{url, title, kind, section}], prev/next {url, title}
    (absent at the ends). URLs are site-relative paths of the Markdown pages; titles plain text."""
    items = issue.items()
    k = next(n for n, i in enumerate(items) if i is item)
    meta: dict[str, object] = {
        "issue_home": {"url": archive.addresses.issue(issue), "title": issue.name},
        "issue_items": [_ref(archive, i) | {"kind": "news" if isinstance(i, NewsItem) else "policy",
                                            "section": issue.section_of(i).title} for i in items],
    }
    if k > 0:
        meta["prev"] = _ref(archive, items[k - 1])
    if k + 1 < len(items):
        meta["next"] = _ref(archive, items[k + 1])
    return meta


def add_reading_keys(content: Path, archive: Archive) -> int:
    """Add the keys to every item page below ``content``; the number of pages changed."""
    changed = 0
    for issue in archive.issues:
        for item in issue.items():
            path = content / archive.addresses.item(item)
            head, body = path.read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)
            meta = yaml.safe_load(head) | reading_front_matter(archive, issue, item)
            text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            path.write_text(f"---\n{text}---\n{body}", encoding="utf-8")
            changed += 1
    return changed


def build_with_reading_keys(content: Path, archive: Archive, work: Path) -> Path:
    """Copy ``content``, add the keys, build it with the project's mkdocs.yml (without the
    briefing plugin, which would regenerate content/); the site folder."""
    docs, site = work / "content", work / "site"
    shutil.copytree(content, docs)
    add_reading_keys(docs, archive)
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), plugins=[])
    mkdocs_build(config)
    return site
