"""Archive-wide pages: the site's home and the list of all issues."""

from __future__ import annotations

from ..link import Archive
from ..link.addresses import ARCHIVE, HOME, SITE_NAME
from ..model import Issue
from .markdown import heading, link
from .page import Page, PageDoc, cn_date, print_header

_RECENT_ISSUES = 12


def render_home(archive: Archive) -> Page:
    doc = PageDoc(HOME, archive)
    doc.add(print_header(doc), f"# {SITE_NAME}", "本站收录研究院编发的科技金融简报：资讯传递与政策速递，按期整理，可检索、可打印。")
    if archive.issues:
        doc.add("## 最新一期 {#latest}", _issue_card(doc, archive.issues[0]))
    doc.add("## 近期简报 {#recent}", issue_table(doc, archive.issues[:_RECENT_ISSUES]))
    doc.add(f"共 {len(archive.issues)} 期。" + link("查看全部往期简报", doc.href(ARCHIVE), escaped=True))
    return Page(doc.path, {"title": SITE_NAME, "type": "home"}, doc.markdown())


def render_issue_list(archive: Archive) -> Page:
    doc = PageDoc(ARCHIVE, archive)
    doc.add(print_header(doc), "# 往期简报")
    by_year: dict[str, list[Issue]] = {}
    for issue in archive.issues:
        dates = issue.dates()
        by_year.setdefault(str(dates[-1].year) if dates else "日期不详", []).append(issue)
    for year, issues in by_year.items():
        doc.add(heading(2, f"{year}年" if year.isdigit() else year, f"y{year}" if year.isdigit() else "undated"))
        doc.add(issue_table(doc, issues))
    return Page(doc.path, {"title": "往期简报", "type": "archive"}, doc.markdown())


def issue_table(doc: PageDoc, issues: tuple[Issue, ...] | list[Issue]) -> str:
    rows = ["| 期号 | 日期 | 资讯 | 政策 |", "| --- | --- | --- | --- |"]
    for issue in issues:
        rows.append(
            f"| {link(issue.name, doc.href(doc.addr.issue(issue)))} | {date_range(issue)} "
            f"| {len(issue.news())} | {len(issue.policies())} |"
        )
    return "\n".join(rows)


def _issue_card(doc: PageDoc, issue: Issue) -> str:
    lines = [f"**{link(issue.name, doc.href(doc.addr.issue(issue)))}** · {date_range(issue)}", ""]
    for item in issue.items():
        lines.append(f"- {link(item.title, doc.href(doc.addr.item(item)))}")
    return "\n".join(lines)


def date_range(issue: Issue) -> str:
    dates = issue.dates()
    if not dates:
        return "—"
    first, last = cn_date(dates[0]), cn_date(dates[-1])
    return first if first == last else f"{first}—{last}"
