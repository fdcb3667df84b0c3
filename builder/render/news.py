"""A news item's page."""

from __future__ import annotations

from ..link.addresses import PAGE_TOP, news_subheading_id
from ..model import BlockKind, Issue, NewsItem
from .issue import item_facts
from .markdown import heading, link, paragraph
from .page import Page, PageDoc, block_markdown, compact, crumbs, iso, item_front_matter


def render_news(doc: PageDoc, item: NewsItem, issue: Issue) -> Page:
    doc.add(crumbs(doc, issue, item))
    doc.add(heading(1, item.title, PAGE_TOP))
    if item.subtitle:
        doc.add(paragraph(item.subtitle.text, classes=("subtitle",)))
    doc.add(item_facts(item))
    subheads = 0
    for block in item.blocks:
        if block.kind is BlockKind.SUBHEADING:
            subheads += 1
            doc.add(heading(2, block.text, news_subheading_id(subheads)))
        else:
            doc.add(block_markdown(doc, block))
    if item.source:
        doc.add(paragraph(item.source.raw, classes=("source-line",)))
    related = doc.archive.related_to(item)
    if related:
        doc.add(heading(2, "相关政策", "related"))
        doc.add("\n".join(f"- {link(ref.title, doc.href(doc.addr.item(ref)))}" for ref in related))
    return Page(doc.path, compact(_front_matter(doc, item, issue)), doc.markdown(), (item.span,))


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
