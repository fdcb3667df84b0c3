"""The issue home: header, sections and a summary of every item."""

from __future__ import annotations

from ..link.addresses import PAGE_TOP
from ..model import Issue, Item, NewsItem, SourceSpan
from .home import date_range
from .markdown import Span, heading, link, paragraph, text_paragraph
from .page import (
    Page,
    PageDoc,
    block_markdown,
    cn_date,
    iso,
    note_span,
    pdf_link,
    print_header,
)

_LEAD_CHARS = 110


def render_issue(doc: PageDoc, issue: Issue) -> Page:
    doc.add(print_header(doc, issue), *_issue_header(doc, issue))
    doc.add(pdf_link(doc, doc.addr.pdf(issue), print_view=doc.addr.print_view(issue)))
    doc.add(paragraph(f"本期 {len(issue.news())} 篇资讯、{len(issue.policies())} 份政策文件 · {date_range(issue)}", classes=("issue-summary",)))
    for section in issue.sections:
        doc.add(heading(2, section.title, doc.addr.section_id(section)))
        doc.add(*(block_markdown(doc, b) for b in section.loose))
        for item in section.items:
            doc.add(*_item_summary(doc, item))
    doc.add(_neighbours(doc, issue))
    dates = issue.dates()
    meta = {
        "title": issue.name,
        "type": "issue",
        "issue": issue.number,
        "part": issue.part,
        "date_first": iso(dates[0]) if dates else None,
        "date_last": iso(dates[-1]) if dates else None,
        "news_count": len(issue.news()),
        "policy_count": len(issue.policies()),
        "source": issue.source,
    }
    return Page(doc.path, meta, doc.markdown(), tuple(_home_claims(issue)))


def _neighbours(doc: PageDoc, issue: Issue) -> str:
    """上一期 (older) and 下一期 (newer) in the archive's order."""
    older, newer = doc.archive.neighbours(issue)
    parts = []
    if older is not None:
        parts.append("上一期：" + link(older.name, doc.href(doc.addr.issue(older))))
    if newer is not None:
        parts.append("下一期：" + link(newer.name, doc.href(doc.addr.issue(newer))))
    return f"{' · '.join(parts)}\n{{: .issue-neighbours }}" if parts else ""


def _issue_header(doc: PageDoc, issue: Issue) -> list[str]:
    """Breadcrumb, title and any unrecognised header text, in source order."""
    parts: list[tuple[int, str]] = [(b.span.start, block_markdown(doc, b)) for b in issue.front]
    if issue.breadcrumb:
        parts.append((issue.breadcrumb.span.start, paragraph(issue.breadcrumb.text, classes=("source-crumbs",))))
    parts.append((issue.title_span.start if issue.title else 0, heading(1, issue.name, PAGE_TOP)))
    return [markdown for _, markdown in sorted(parts, key=lambda p: p[0])]


def _home_claims(issue: Issue) -> list[SourceSpan]:
    """The issue's lines that no item page reproduces: header, section titles, loose text."""
    spans = [b.span for b in ([issue.breadcrumb] if issue.breadcrumb else [])]
    if issue.title:
        spans.append(issue.title_span)
    spans += [b.span for b in issue.front]
    for section in issue.sections:
        spans.append(section.span)
        spans += [b.span for b in section.loose]
    return sorted(spans, key=lambda s: s.start)


def _item_summary(doc: PageDoc, item: Item) -> list[str]:
    title = heading(3, link(item.title, doc.href(doc.addr.item(item))), doc.addr.item_heading_id(item), escaped=True)
    lead = _lead(item)
    return [title, item_facts(item), paragraph(lead) if lead else ""]


def item_facts(item: Item) -> str:
    """One line: outlet · authors · date, or issuer · 发文字号 · 成文日期; normalised values noted."""
    if isinstance(item, NewsItem):
        src = item.source
        parts = ["、".join(src.outlets), "、".join(item.authors)] if src else ["来源不详", "、".join(item.authors)]
        parts.append(cn_date(item.date) if item.date else (src.date_raw or "") if src else "")
        note = news_date_note(item)
    else:
        number = item.doc_number
        parts = [item.issuer_names or "", "、".join(n.shown for n in item.doc_numbers), cn_date(item.date) if item.date else ""]
        note = [note_span(f"原文作“{number.raw}”")] if number and number.repaired else []
    return text_paragraph([Span(" · ".join(p for p in parts if p)), *note], classes=("item-facts",))


def news_date_note(item: NewsItem) -> list[Span]:
    src = item.source
    if src and src.date and src.date_raw and src.date_raw != src.date.isoformat():
        return [note_span(f"原文日期作“{src.date_raw}”")]
    return []


def _lead(item: Item) -> str:
    if isinstance(item, NewsItem):
        texts = [b.text for b in item.paragraphs()]
    else:
        texts = [b.text for b in item.main.blocks()]
    text = texts[0] if texts else ""
    return text if len(text) <= _LEAD_CHARS else text[:_LEAD_CHARS] + "……"
