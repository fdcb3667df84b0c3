"""Stable, ASCII page names and anchors.

A page's name depends only on the item itself (its 发文字号 or its headline), never on its
position, so adding an item to a bulletin does not move the other pages.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

from pypinyin import Style, lazy_pinyin

from .model import DocNumber, Issue, Item, NewsItem

PART_SLUGS = {"上": "shang", "中": "zhong", "下": "xia"}
_MAX_NEWS = 28


def issue_slug(number: int | None, part: str | None, file: str) -> str:
    """``268-shang`` for 第268期(上); the file's stem when the bulletin has no number."""
    if number is None:
        return ascii_slug(PurePosixPath(file).stem) or "issue"
    return f"{number}-{PART_SLUGS[part]}" if part else str(number)


def policy_slug(doc_number: DocNumber | None, title: str) -> str:
    """``gbf-2023-37`` for 国办发〔2023〕37号; from the title when there is no number."""
    if doc_number and doc_number.normalized:
        return f"{initials(doc_number.agency)}-{doc_number.year}-{doc_number.serial}"
    return f"p-{initials(title)[:16]}-{short_hash(title)}"


def news_slug(title: str) -> str:
    """Pinyin initials of the headline, words kept apart: ``zhkjjrdwz-tdjjgzlfz``."""
    slug = initials(title)[:_MAX_NEWS].strip("-")
    return slug or f"n-{short_hash(title)}"


def section_anchor(title: str) -> str:
    """``zixunchuandi`` for 资讯传递."""
    return ascii_slug("".join(lazy_pinyin(title))) or f"sec-{short_hash(title)}"


def initials(text: str) -> str:
    """First letters of the pinyin of Han characters, ASCII letters and digits kept, words joined by ``-``."""
    words = re.split(r"[\s\u00a0\u3000]+", text.strip())
    parts = []
    for word in words:
        letters = "".join(lazy_pinyin(word, style=Style.FIRST_LETTER, errors=lambda s: list(s)))
        cleaned = ascii_slug(letters)
        if cleaned:
            parts.append(cleaned)
    return "-".join(parts)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters, digits and single hyphens."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def unique_slug(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … when it is taken; records the result in ``taken``."""
    slug, k = base, 1
    while slug in taken:
        k += 1
        slug = f"{base}-{k}"
    taken.add(slug)
    return slug


def issue_path(issue: Issue) -> str:
    """Markdown path of an issue's home below ``content/``."""
    return f"issues/{issue.slug}/index.md"


def item_path(issue: Issue, item: Item) -> str:
    """Markdown path of a news or policy page below ``content/``."""
    kind = "news" if isinstance(item, NewsItem) else "policy"
    return f"issues/{issue.slug}/{kind}/{item.slug}.md"


def html_path(md_path: str) -> str:
    """Published URL (relative to the site root) of a Markdown page."""
    return md_path[: -len(".md")] + ".html"
