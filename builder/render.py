"""Render stage: the linked model → Markdown pages (strings). No I/O here.

Every piece of source text goes through :mod:`builder.mdtext` escaping. Pages carry the source
lines they reproduce (``claims``) so the fidelity check can prove nothing was lost.
"""

from __future__ import annotations

from .mdtext import escape_text, heading, link, paragraph
from .model import Archive, BlockKind, Issue, Item, NewsItem, Section, SourceSpan
from .pages import Page, PageDoc, block_markdown, cn_date, compact, crumbs, editor_note, iso
from .render_glossary import render_glossary
from .render_policy import render_policy
from .slugs import html_path, issue_path, item_path

SITE_NAME = "科技金融简报"
_LEAD_CHARS = 110
_RECENT_ISSUES = 12


def render_archive(archive: Archive) -> list[Page]:
    """Every page of the site, in a fixed order."""
    pages = [render_home(archive), render_issue_list(archive), *render_glossary(archive)]
    for issue in archive.issues:
        pages.append(render_issue(issue))
        for section in issue.sections:
            for item in section.items:
                render_item = render_news if isinstance(item, NewsItem) else render_policy
                pages.append(render_item(item, issue, section))
    return pages


# --- archive pages ---------------------------------------------------------------------------------


def render_home(archive: Archive) -> Page:
    doc = PageDoc("index.md")
    doc.add(f"# {SITE_NAME}", "本站收录研究院编发的科技金融简报：资讯传递与政策速递，按期整理，可检索、可打印。")
    if archive.issues:
        latest = archive.issues[0]
        doc.add("## 最新一期 {#latest}", _issue_card(doc, latest))
    doc.add("## 近期简报 {#recent}", _issue_table(doc, archive.issues[:_RECENT_ISSUES]))
    doc.add(f"共 {len(archive.issues)} 期。" + link("查看全部往期简报", doc.href("issues/index.md"), escaped=True))
    return Page(doc.path, {"title": SITE_NAME, "type": "home"}, doc.markdown())


def render_issue_list(archive: Archive) -> Page:
    doc = PageDoc("issues/index.md")
    doc.add("# 往期简报")
    by_year: dict[str, list[Issue]] = {}
    for issue in archive.issues:
        dates = issue.dates()
        by_year.setdefault(str(dates[-1].year) if dates else "日期不详", []).append(issue)
    for year, issues in by_year.items():
        doc.add(heading(2, f"{year}年" if year.isdigit() else year, f"y{year}" if year.isdigit() else "undated"))
        doc.add(_issue_table(doc, issues))
    return Page(doc.path, {"title": "往期简报", "type": "archive"}, doc.markdown())


def _issue_table(doc: PageDoc, issues: list[Issue]) -> str:
    rows = ["| 期号 | 日期 | 资讯 | 政策 |", "| --- | --- | --- | --- |"]
    for issue in issues:
        rows.append(
            f"| {link(issue.title, doc.href(issue_path(issue)))} | {_date_range(issue)} "
            f"| {len(issue.news())} | {len(issue.policies())} |"
        )
    return "\n".join(rows)


def _issue_card(doc: PageDoc, issue: Issue) -> str:
    lines = [f"**{link(issue.title, doc.href(issue_path(issue)))}** · {_date_range(issue)}", ""]
    for item in issue.items():
        lines.append(f"- {link(item.title, doc.href(item_path(issue, item)))}")
    return "\n".join(lines)


def _date_range(issue: Issue) -> str:
    dates = issue.dates()
    if not dates:
        return "—"
    first, last = cn_date(dates[0]), cn_date(dates[-1])
    return first if first == last else f"{first}—{last}"


# --- issue home ------------------------------------------------------------------------------------


def render_issue(issue: Issue) -> Page:
    doc = PageDoc(issue_path(issue))
    doc.add(*_issue_header(doc, issue))
    doc.add(f"本期 {len(issue.news())} 篇资讯、{len(issue.policies())} 份政策文件 · {_date_range(issue)}\n{{: .issue-summary }}")
    for section in issue.sections:
        doc.add(heading(2, section.title, section.anchor))
        doc.add(*(block_markdown(doc, b) for b in section.loose))
        for item in section.items:
            doc.add(*_item_summary(doc, issue, item))
    meta = {
        "title": issue.title or f"第{issue.number}期",
        "type": "issue",
        "issue": issue.number,
        "part": issue.part,
        "date_first": iso(issue.dates()[0]) if issue.dates() else None,
        "date_last": iso(issue.dates()[-1]) if issue.dates() else None,
        "news_count": len(issue.news()),
        "policy_count": len(issue.policies()),
        "source": issue.source,
    }
    return Page(doc.path, meta, doc.markdown(), tuple(_home_claims(issue)))


def _issue_header(doc: PageDoc, issue: Issue) -> list[str]:
    """Breadcrumb, title and any unrecognised header text, in source order."""
    parts: list[tuple[int, str]] = [(b.span.start, block_markdown(doc, b)) for b in issue.front]
    if issue.breadcrumb:
        parts.append((issue.breadcrumb.span.start, paragraph(issue.breadcrumb.text, classes=("source-crumbs",))))
    title = heading(1, issue.title or f"第{issue.number}期", "top")
    parts.append((issue.title_span.start if issue.title else 0, title))
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


def _item_summary(doc: PageDoc, issue: Issue, item: Item) -> list[str]:
    title = heading(3, link(item.title, doc.href(item_path(issue, item))), item.slug, escaped=True)
    lead = _lead(item)
    return [title, f"{_item_facts(item)}\n{{: .item-facts }}", escape_text(lead) if lead else ""]


def _item_facts(item: Item) -> str:
    """One line: outlet · authors · date, or issuer · 发文字号 · 成文日期; normalised values noted."""
    if isinstance(item, NewsItem):
        src = item.source
        parts = [src.outlet, "、".join(src.authors)] if src else ["来源不详"]
        parts.append(cn_date(item.date) if item.date else (src.date_raw or "") if src else "")
        note = _date_note(item)
    else:
        number = item.doc_number
        parts = [item.issuer or "", (number.normalized or number.raw) if number else ""]
        parts.append(cn_date(item.date) if item.date else "")
        note = editor_note(f"原文作“{number.raw}”") if number and number.normalized and number.raw != number.normalized else ""
    return " · ".join(escape_text(p) for p in parts if p) + note


def _lead(item: Item) -> str:
    if isinstance(item, NewsItem):
        texts = [b.text for b in item.blocks if b.kind is BlockKind.PARAGRAPH]
    else:
        main = item.attachment.body if item.attachment else item.body
        texts = [b.text for b in main.preamble] + [b.text for c in main.iter_clauses() for b in c.blocks]
    text = texts[0] if texts else ""
    return text if len(text) <= _LEAD_CHARS else text[:_LEAD_CHARS] + "……"


# --- news page -------------------------------------------------------------------------------------


def render_news(item: NewsItem, issue: Issue, section: Section) -> Page:
    doc = PageDoc(item_path(issue, item))
    doc.add(crumbs(doc, issue, section))
    doc.add(heading(1, item.title, "top"))
    if item.subtitle:
        doc.add(paragraph(item.subtitle.text, classes=("subtitle",)))
    doc.add(f"{_item_facts(item)}\n{{: .item-facts }}")
    subheads = 0
    for block in item.blocks:
        if block.kind is BlockKind.SUBHEADING:
            subheads += 1
            doc.add(heading(2, block.text, f"p{subheads}"))
        else:
            doc.add(block_markdown(doc, block))
    if item.source:
        doc.add(paragraph(item.source.raw, classes=("source-line",)))
    if item.related_policies:
        doc.add(heading(2, "相关政策", "related"))
        doc.add("\n".join(f"- {link(ref.title, doc.href(ref.path))}" for ref in item.related_policies))
    src = item.source
    meta = {
        "title": item.title,
        "type": "news",
        "issue": issue.number,
        "part": issue.part,
        "section": section.title,
        "outlet": src.outlet if src else None,
        "authors": src.authors if src else [],
        "date": iso(item.date),
        "date_raw": src.date_raw if src and src.date_raw != iso(item.date) else None,
        "source": str(item.span),
        "related_policies": [html_path(ref.path) for ref in item.related_policies],
    }
    return Page(doc.path, compact(meta), doc.markdown(), (item.span,))


def _date_note(item: NewsItem) -> str:
    src = item.source
    if src and src.date and src.date_raw and src.date_raw != src.date.isoformat():
        return editor_note(f"原文日期作“{src.date_raw}”")
    return ""


