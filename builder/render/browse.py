"""Indexes of the archive: by 发文机关, by 文种 and by 来源 (outlet).

``browse/index.md`` lists the three indexes; each index lists its groups with their counts
(``browse/issuers/index.md``), and each group has pages of its items, newest first,
:data:`GROUP_PAGE` to a page, so no page grows with the archive; the global navigation gets one
entry, 分类浏览.
"""

from __future__ import annotations

from ..link import Archive
from ..link.addresses import BROWSE, GROUPS, item_groups
from ..model import Item, NewsItem
from .markdown import escape_text, heading, link
from .page import Page, PageDoc, cn_date, print_header

GROUP_PAGE = 100
"""Items listed on one page of a group (a 文种 like 通知 gathers hundreds over the years)."""


def render_browse(archive: Archive) -> list[Page]:
    groups = _groups(archive)
    pages = [_hub(PageDoc(BROWSE, archive), groups)]
    for index, members in groups.items():
        pages.append(_index(PageDoc(archive.addresses.group_index(index), archive), index, members))
        for name, items in members.items():
            chunks = [items[k : k + GROUP_PAGE] for k in range(0, len(items), GROUP_PAGE)]
            pages += [_group(PageDoc(archive.addresses.group(index, name, number), archive), index, name, items, chunk, number, len(chunks))
                      for number, chunk in enumerate(chunks, start=1)]
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


def _group(doc: PageDoc, index: str, name: str, items: list[Item], chunk: list[Item], number: int, count: int) -> Page:
    label = GROUPS[index]
    part = f"（{number}/{count}）" if count > 1 else ""
    doc.add(print_header(doc), _crumbs(doc, index), heading(1, name + part, "top"),
            f"{label}：{escape_text(name)} · 共 {len(items)} 篇，新近在前。")
    rows = ["| 标题 | 期号 | 日期 |", "| --- | --- | --- |"]
    for item in chunk:
        issue = doc.addr.issue_of(item)
        rows.append(f"| {link(item.title, doc.href(doc.addr.item(item)))} | {link(issue.name, doc.href(doc.addr.issue(issue)))} "
                    f"| {cn_date(item.date) if item.date else '—'} |")
    doc.add("\n".join(rows), _pager(doc, index, name, number, count))
    kind = "news" if isinstance(items[0], NewsItem) else "policy"
    return Page(doc.path, {"title": f"{name}{part} · 按{label}", "type": "group", "group": index, "items": kind}, doc.markdown())


def _pager(doc: PageDoc, index: str, name: str, number: int, count: int) -> str:
    """上一页 · 第 N 页 … · 下一页 (nothing when the group has one page)."""
    if count == 1:
        return ""
    parts = [link("上一页", doc.href(doc.addr.group(index, name, number - 1)), escaped=True)] if number > 1 else []
    parts += [str(k) if k == number else link(str(k), doc.href(doc.addr.group(index, name, k)), escaped=True)
              for k in range(1, count + 1)]
    if number < count:
        parts.append(link("下一页", doc.href(doc.addr.group(index, name, number + 1)), escaped=True))
    return "页：" + " · ".join(parts) + "\n{: .pager }"


def _crumbs(doc: PageDoc, index: str | None = None) -> str:
    parts = [link("分类浏览", doc.href(BROWSE), escaped=True)]
    if index:
        parts.append(link(f"按{GROUPS[index]}", doc.href(doc.addr.group_index(index)), escaped=True))
    return " › ".join(parts) + "\n{: .crumbs }"
