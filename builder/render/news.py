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
from .policy import corrections_note


def render_news(doc: PageDoc, item: NewsItem, issue: Issue) -> Page:
    doc.add(print_header(doc, issue), crumbs(doc, issue, item))
    doc.add(heading(1, item.title, PAGE_TOP))
    doc.add(*news_body(doc, item, 2))
    doc.add(*related_list(doc, "相关政策", doc.archive.related_to(item), 2))
    return Page(doc.path, compact(_front_matter(doc, item, issue)), doc.markdown(), (item.span,))


def news_body(doc: PageDoc, item: NewsItem, level: int) -> list[str]:
    """Subtitle, 来源 or date line when they stand under the headline, facts line, corrections,
    paragraphs with their subheadings (at ``level``), then the 来源 line when it ends the item."""
    above = _source_above(item)
    head = [(item.subtitle.span.start, paragraph(item.subtitle.text, classes=("subtitle",)))] if item.subtitle else []
    head += [(item.source.span.start, paragraph(item.source.raw, classes=("source-line",)))] if above else []
    head += [(item.dateline.span.start, paragraph(item.dateline.text, classes=("source-line",)))] if item.dateline else []
    out = [markdown for _, markdown in sorted(head)]
    out.append(item_facts(item))
    out += corrections_note(item.corrections)
    subheads = 0
    for block in item.blocks:
        if block.kind is BlockKind.SUBHEADING:
            subheads += 1
            out.append(heading(level, block.text, doc.anchor(news_subheading_id(subheads))))
        else:
            out.append(block_markdown(doc, block))
    if item.source and not above:
        out.append(paragraph(item.source.raw, classes=("source-line",)))
    return out


def _source_above(item: NewsItem) -> bool:
    """Whether the 来源 line stands under the headline (and is shown there) rather than at the end."""
    return bool(item.source and item.blocks and item.source.span.start < item.blocks[0].span.start)


def _front_matter(doc: PageDoc, item: NewsItem, issue: Issue) -> dict[str, object]:
    src = item.source
    return item_front_matter(doc, item, issue) | {
        "outlet": src.outlet if src else None,
        "outlets": list(src.outlets) if src and len(src.outlets) > 1 else None,
        "authors": list(item.authors),
        "date": iso(item.date),
        "date_raw": src.date_raw if src and src.date_raw != iso(item.date) else None,
        "source": str(item.span),
        "related_policies": [doc.addr.url(doc.addr.item(ref)) for ref in doc.archive.related_to(item)],
        "corrected": [c.field for c in item.corrections],
    }
