"""A news item's page."""

from __future__ import annotations

from ..link.addresses import PAGE_TOP, news_subheading_id
from ..model import BlockKind, Issue, NewsItem
from .issue import item_facts
from .markdown import heading, paragraph
from .page import (
    Page,
    PageDoc,
    block_markdown,
    compact,
    crumbs,
    iso,
    item_front_matter,
    print_header,
    related_list,
)


def render_news(doc: PageDoc, item: NewsItem, issue: Issue) -> Page:
    doc.add(print_header(doc, issue), crumbs(doc, issue, item))
    doc.add(heading(1, item.title, PAGE_TOP))
    doc.add(*news_body(doc, item, 2))
    doc.add(*related_list(doc, "相关政策", doc.archive.related_to(item), 2))
    return Page(doc.path, compact(_front_matter(doc, item, issue)), doc.markdown(), (item.span,))


def news_body(doc: PageDoc, item: NewsItem, level: int) -> list[str]:
    """Subtitle, facts line, paragraphs with their subheadings (at ``level``), 来源 line."""
    out = [paragraph(item.subtitle.text, classes=("subtitle",))] if item.subtitle else []
    out.append(item_facts(item))
    subheads = 0
    for block in item.blocks:
        if block.kind is BlockKind.SUBHEADING:
            subheads += 1
            out.append(heading(level, block.text, doc.anchor(news_subheading_id(subheads))))
        else:
            out.append(block_markdown(doc, block))
    if item.source:
        out.append(paragraph(item.source.raw, classes=("source-line",)))
    return out


def _front_matter(doc: PageDoc, item: NewsItem, issue: Issue) -> dict[str, object]:
    src = item.source
    return item_front_matter(item, issue) | {
        "outlet": src.outlet if src else None,
        "authors": list(src.authors) if src else [],
        "date": iso(item.date),
        "date_raw": src.date_raw if src and src.date_raw != iso(item.date) else None,
        "source": str(item.span),
        "related_policies": [doc.addr.url(doc.addr.item(ref)) for ref in doc.archive.related_to(item)],
    }
