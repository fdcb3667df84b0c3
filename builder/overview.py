"""The at-a-glance table ``briefing check`` prints for each bulletin: one row per item."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .model import Diagnostic, Issue, Item, NewsItem, Severity

_WIDTHS = (5, 6, 30, 22, 24, 10, 22, 9)
_HEAD = ("行", "类型", "标题", "文号", "发文机关/来源", "日期", "附件", "诊断")


def format_overview(issues: Sequence[Issue], diagnostics: Sequence[Diagnostic]) -> str:
    """One table per bulletin: line, kind, title, 文号, 发文机关 (or outlet), date, attachments and
    the number of diagnostics on the item's lines (warnings and errors in brackets); ``*`` marks an
    item an editor's correction changed."""
    blocks = []
    for issue in issues:
        rows = [_row(item, _count(item, issue.source, diagnostics)) for item in issue.items()]
        title = f"{issue.source} — {issue.name}: {len(issue.news())} 篇资讯, {len(issue.policies())} 份政策文件"
        blocks.append("\n".join([title, _line(_HEAD), _line(tuple("-" * w for w in _WIDTHS))] + [_line(r) for r in rows]))
    return "\n\n".join(blocks)


def _row(item: Item, counts: str) -> tuple[str, ...]:
    mark = "*" if item.corrections else ""
    if isinstance(item, NewsItem):
        src = item.source
        who = "、".join(src.outlets) if src else "（无来源）"
        return (f"{item.span.start}{mark}", "资讯", item.title, "", who, _date(item.date), "", counts)
    numbers = "、".join(n.shown for n in item.doc_numbers)
    names = "；".join(a.name + ("" if a.included else "（未收录）") for a in item.attachments)
    return (f"{item.span.start}{mark}", item.kind or "政策", item.title, numbers, item.issuer_names or "（未署名）",
            _date(item.date), names, counts)


def _count(item: Item, file: str, diagnostics: Sequence[Diagnostic]) -> str:
    mine = [d for d in diagnostics if d.file == file and item.span.start <= d.line <= item.span.end]
    serious = sum(d.severity is not Severity.INFO for d in mine)
    return f"{len(mine)} ({serious})" if serious else str(len(mine))


def _date(value) -> str:
    return value.isoformat() if value else "—"


def _line(cells: tuple[str, ...]) -> str:
    return "  ".join(_fit(cell, width) for cell, width in zip(cells, _WIDTHS)).rstrip()


def _fit(text: str, width: int) -> str:
    """``text`` cut with … and padded to ``width`` display columns (Han characters take two)."""
    out, used = "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width - (1 if len(text) > len(out) + 1 else 0):
            return out + "…" + " " * max(0, width - used - 1)
        out, used = out + ch, used + w
    return out + " " * (width - used)
