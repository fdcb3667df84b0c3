"""A news item's page."""

from __future__ import annotations

from ..link.addresses import PAGE_TOP, news_subheading_id
from ..model import BlockKind, Issue, NewsItem
from .issue import item_facts
from .markdown import heading, link, paragraph
from .page import Page, PageDoc, block_markdown, compact, crumbs, item_front_matter, iso
from .policy import corrections_note


def render_news(doc: PageDoc, item: NewsItem, issue: Issue) -> Page:
    doc.add(crumbs(doc, issue, item))
    doc.add(heading(1, item.title, PAGE_TOP))
    above = _source_above(item)
    head = [(item.subtitle.span.start, paragraph(item.subtitle.text, classes=("subtitle",)))] if item.subtitle else []
    head += [(item.source.span.start, paragraph(item.source.raw, classes=("source-line",)))] if above else []
    head += [(item.dateline.span.start, paragraph(item.dateline.text, classes=("source-line",)))] if item.dateline else []
    doc.add(*(markdown for _, markdown in sorted(head)))
    doc.add(f"{item_facts(item)}\n{{: .item-facts }}")
    doc.add(*corrections_note(item.corrections))
    subheads = 0
    for block in item.blocks:
        if block.kind is BlockKind.SUBHEADING:
            subheads += 1
            doc.add(heading(2, block.text, news_subheading_id(subheads)))
        else:
            doc.add(block_markdown(doc, block))
    if item.source and not above:
        doc.add(paragraph(item.source.raw, classes=("source-line",)))
    related = doc.archive.related_to(item)
    if related:
        doc.add(heading(2, "相关政策", "related"))
        doc.add("\n".join(f"- {link(ref.title, doc.href(doc.addr.item(ref)))}" for ref in related))
    return Page(doc.path, compact(_front_matter(doc, item, issue)), doc.markdown(), (item.span,))


def _source_above(item: NewsItem) -> bool:
    """Whether the 来源 line stands under the headline (and is shown there) rather than at the end."""
    return bool(item.source and item.blocks and item.source.span.start < item.blocks[0].span.start)


def _front_matter(doc: PageDoc, item: NewsItem, issue: Issue) -> dict[str, object]:
    src = item.source
    return item_front_matter(item, issue) | {
        "outlet": src.outlet if src else None,
        "outlets": list(src.outlets) if src and len(src.outlets) > 1 else None,
        "authors": list(item.authors),
        "date": iso(item.date),
        "date_raw": src.date_raw if src and src.date_raw != iso(item.date) else None,
        "source": str(item.span),
        "related_policies": [doc.addr.url(doc.addr.item(ref)) for ref in doc.archive.related_to(item)],
        "corrected": [c.field for c in item.corrections],
    }
