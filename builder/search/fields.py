"""What of a page is searched, field by field: title, index-only keywords, body sections."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .extract import Section, SourcePage

KINDS = {"news": "资讯", "policy": "政策", "term": "术语", "issue": "简报"}
"""Page type → the label readers see."""
PARTS = {"上": 1, "中": 2, "下": 3}


@dataclass
class PageRecord:
    """A searchable page as the index sees it."""

    url: str
    kind: str
    title: str
    title_field: str
    """Title and aliases: a query held whole here ranks the page above body matches."""
    keywords: str
    """Index-only text: 发文字号, 发文机关, dates in Chinese, 期号, outlet, authors."""
    names: list[str]
    """Glossary term and aliases: a query equal to one of them finds this page first."""
    sections: list[Section]
    issue: str = ""
    issue_order: tuple[int, int] = (0, 0)
    issuer: str = ""
    date: str = ""
    doc_number: str = ""
    facts: list[str] = field(default_factory=list)
    scope: str = ""
    """A glossary page of one issue's own terms: the page it belongs to (``issues/…/x.html``)."""


def issue_label(meta: dict) -> str:
    """第268期(上) from the front matter's issue and part."""
    if meta.get("issue") in (None, ""):
        return ""
    part = meta.get("part") or ""
    return f"第{meta['issue']}期" + (f"({part})" if part else "")


def issue_names(meta: dict) -> list[str]:
    """What readers type for an issue: 第268期(上), 第268期, 268期."""
    label = issue_label(meta)
    return [label, f"第{meta['issue']}期", f"{meta['issue']}期"] if label else []


def chinese_date(value: object) -> str:
    """2023年10月17日 from an ISO date (empty when there is none)."""
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def page_record(page: SourcePage) -> PageRecord:
    """The fields of one page; issue pages keep only their summary, not the items they list."""
    meta = page.meta
    aliases = [str(a) for a in meta.get("aliases") or []]
    names = [page.title, *aliases] if page.kind == "term" else []
    if page.kind == "issue":
        names = issue_names(meta)
    sections = page.sections[:1] if page.kind == "issue" else page.sections
    date = str(meta.get("date") or meta.get("date_last") or "")
    issuer = _text(meta.get("issuer"))
    doc_number = str(meta.get("doc_number") or "")
    outlet_authors = " ".join([_text(meta.get("outlet")), _text(meta.get("authors"))]).strip()
    keywords = [doc_number, issuer, _text(meta.get("signature")), chinese_date(date), issue_label(meta),
                outlet_authors, _text(meta.get("addressee")), _text(meta.get("kind")),
                _text(meta.get("attachment")), chinese_date(meta.get("effective")),
                chinese_date(meta.get("valid_until"))]
    facts = [doc_number] if doc_number else ([outlet_authors] if outlet_authors else [])
    return PageRecord(
        url=page.url, kind=page.kind, title=page.title,
        title_field="\n".join([page.title, *aliases]), keywords="\n".join(k for k in keywords if k),
        names=names, sections=sections, issue=issue_label(meta),
        issue_order=(_int(meta.get("issue")), PARTS.get(str(meta.get("part") or ""), 0)),
        issuer=issuer, date=date if chinese_date(date) else "", doc_number=doc_number, facts=facts,
        scope=_html(meta.get("scope")),
    )


def _html(value: object) -> str:
    """The page a Markdown path in the front matter becomes (``a/b.md`` → ``a/b.html``)."""
    text = _text(value)
    return text[:-3] + ".html" if text.endswith(".md") else text


def _text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return "" if value is None else str(value)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0
