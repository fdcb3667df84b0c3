"""Archive-wide pages: the site's home and the list of all issues by year and month."""

from __future__ import annotations

from ..link import Archive
from ..link.addresses import ARCHIVE, BROWSE, HOME, SITE_NAME
from ..model import Issue
from .markdown import heading, link
from .page import Page, PageDoc, cn_date, filed_date, print_header

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
    """Every issue, grouped by year and month of its newest item, newest first."""
    doc = PageDoc(ARCHIVE, archive)
    doc.add(print_header(doc), "# 往期简报")
    doc.add(f"共 {len(archive.issues)} 期。按年月浏览；按发文机关、文种或来源浏览见" + link("分类浏览", doc.href(BROWSE), escaped=True) + "。")
    months: dict[tuple[int, int], list[Issue]] = {}
    undated: list[Issue] = []
    for issue in archive.issues:
        filed = filed_date(issue)
        if filed:
            months.setdefault((filed.year, filed.month), []).append(issue)
        else:
            undated.append(issue)
    years = sorted({year for year, _ in months}, reverse=True)
    if years:
        doc.add(" · ".join(link(f"{year}年", f"#y{year}", escaped=True) for year in years))
    for year in years:
        doc.add(heading(2, f"{year}年", f"y{year}"))
        for month in sorted((m for y, m in months if y == year), reverse=True):
            # An HTML heading: linkable and a heading for screen readers, but out of the table of
            # contents, which lists years only and so stays small however long the archive grows.
            doc.add(f'<h3 id="y{year}-{month:02d}">{year}年{month}月</h3>', issue_table(doc, months[(year, month)]))
    if undated:
        doc.add(heading(2, "日期不详", "undated"), issue_table(doc, undated))
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
