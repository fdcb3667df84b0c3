"""Indexes of the archive: by 发文机关, by 文种 and by 来源 (outlet).

``browse/index.md`` lists the three indexes; each index lists its groups with their counts
(``browse/issuers/index.md``), and each group has a page of its items, newest first. Pages of
groups grow only with their own items; the global navigation gets one entry, 分类浏览.
"""

from __future__ import annotations

from ..link import Archive
from ..link.addresses import BROWSE, GROUPS, item_groups
from ..model import Item, NewsItem
from .markdown import escape_text, heading, link
from .page import Page, PageDoc, cn_date, print_header


def render_browse(archive: Archive) -> list[Page]:
    groups = _groups(archive)
    pages = [_hub(PageDoc(BROWSE, archive), groups)]
    for index, members in groups.items():
        pages.append(_index(PageDoc(archive.addresses.group_index(index), archive), index, members))
        pages += [_group(PageDoc(archive.addresses.group(index, name), archive), index, name, items)
                  for name, items in members.items()]
    return pages


def _groups(archive: Archive) -> dict[str, dict[str, list[Item]]]:
    """Index → group → its items, newest issue first (the archive's order)."""
    out: dict[str, dict[str, list[Item]]] = {index: {} for index in GROUPS}
    for item in archive.items():
        for index, names in item_groups(item).items():
            for name in dict.fromkeys(n for n in names if n):
                out[index].setdefault(name, []).append(item)
    return out


def _hub(doc: PageDoc, groups: dict[str, dict[str, list[Item]]]) -> Page:
    doc.add(print_header(doc), "# 分类浏览", "按发文机关、文种或资讯来源浏览全部简报的文章。")
    lines = [f"- {link(f'按{label}', doc.href(doc.addr.group_index(index)), escaped=True)}（{len(groups[index])} 类）"
             for index, label in GROUPS.items()]
    doc.add("\n".join(lines))
    return Page(doc.path, {"title": "分类浏览", "type": "browse"}, doc.markdown())


def _index(doc: PageDoc, index: str, members: dict[str, list[Item]]) -> Page:
    label = GROUPS[index]
    doc.add(print_header(doc), _crumbs(doc), heading(1, f"按{label}浏览", "top"))
    ranked = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    doc.add("\n".join(f"- {link(name, doc.href(doc.addr.group(index, name)))}（{len(items)} 篇）" for name, items in ranked)
            or "暂无。")
    return Page(doc.path, {"title": f"按{label}浏览", "type": "browse"}, doc.markdown())


def _group(doc: PageDoc, index: str, name: str, items: list[Item]) -> Page:
    label = GROUPS[index]
    doc.add(print_header(doc), _crumbs(doc, index), heading(1, name, "top"), f"{label}：{escape_text(name)} · 共 {len(items)} 篇，新近在前。")
    rows = ["| 标题 | 期号 | 日期 |", "| --- | --- | --- |"]
    for item in items:
        issue = doc.addr.issue_of(item)
        rows.append(f"| {link(item.title, doc.href(doc.addr.item(item)))} | {link(issue.name, doc.href(doc.addr.issue(issue)))} "
                    f"| {cn_date(item.date) if item.date else '—'} |")
    doc.add("\n".join(rows))
    kind = "news" if isinstance(items[0], NewsItem) else "policy"
    return Page(doc.path, {"title": f"{name} · 按{label}", "type": "group", "group": index, "items": kind}, doc.markdown())


def _crumbs(doc: PageDoc, index: str | None = None) -> str:
    parts = [link("分类浏览", doc.href(BROWSE), escaped=True)]
    if index:
        parts.append(link(f"按{GROUPS[index]}", doc.href(doc.addr.group_index(index)), escaped=True))
    return " › ".join(parts) + "\n{: .crumbs }"
