"""Render stage: the linked model → Markdown pages (strings). No I/O here.

Every piece of source text goes through :mod:`builder.mdtext` escaping. Pages carry the source
lines they reproduce (``claims``) so the fidelity check can prove nothing was lost.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field

import yaml

from .mdtext import escape_text, heading, link, paragraph
from .model import (
    Archive,
    Block,
    BlockKind,
    Clause,
    DocumentBody,
    Issue,
    Item,
    NewsItem,
    Policy,
    Section,
    SourceSpan,
)
from . import rules

SITE_NAME = "科技金融简报"
_LEAD_CHARS = 110
_RECENT_ISSUES = 12


@dataclass(frozen=True)
class Page:
    """One Markdown file of ``content/``."""

    path: str
    """POSIX path below ``content/``."""
    meta: dict[str, object]
    """Front matter (written as YAML by PyYAML)."""
    body: str
    """Markdown after the front matter."""
    claims: tuple[SourceSpan, ...] = ()
    """Source lines this page reproduces in order (checked by :mod:`builder.fidelity`)."""

    def text(self) -> str:
        front = yaml.safe_dump(self.meta, allow_unicode=True, sort_keys=False, width=1_000_000)
        return f"---\n{front}---\n\n{self.body.rstrip()}\n"


@dataclass
class _Doc:
    """A page being assembled: Markdown blocks joined by blank lines."""

    path: str
    blocks: list[str] = field(default_factory=list)

    def add(self, *blocks: str) -> None:
        self.blocks.extend(b for b in blocks if b)

    def href(self, target: str) -> str:
        """Relative link from this page to another page of ``content/``."""
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def markdown(self) -> str:
        return "\n\n".join(self.blocks)


def render_archive(archive: Archive) -> list[Page]:
    """Every page of the site, in a fixed order."""
    pages = [render_home(archive), render_issue_list(archive)]
    for issue in archive.issues:
        pages.append(render_issue(issue))
        for section in issue.sections:
            for item in section.items:
                render_item = render_news if isinstance(item, NewsItem) else render_policy
                pages.append(render_item(item, issue, section))
    return pages


# --- paths -----------------------------------------------------------------------------------------


def issue_path(issue: Issue) -> str:
    return f"issues/{issue.slug}/index.md"


def item_path(issue: Issue, item: Item) -> str:
    kind = "news" if isinstance(item, NewsItem) else "policy"
    return f"issues/{issue.slug}/{kind}/{item.slug}.md"


# --- archive pages ---------------------------------------------------------------------------------


def render_home(archive: Archive) -> Page:
    doc = _Doc("index.md")
    doc.add(f"# {SITE_NAME}", "本站收录研究院编发的科技金融简报：资讯传递与政策速递，按期整理，可检索、可打印。")
    if archive.issues:
        latest = archive.issues[0]
        doc.add("## 最新一期 {#latest}", _issue_card(doc, latest))
    doc.add("## 近期简报 {#recent}", _issue_table(doc, archive.issues[:_RECENT_ISSUES]))
    doc.add(f"共 {len(archive.issues)} 期。" + link("查看全部往期简报", doc.href("issues/index.md"), escaped=True))
    return Page(doc.path, {"title": SITE_NAME, "type": "home"}, doc.markdown())


def render_issue_list(archive: Archive) -> Page:
    doc = _Doc("issues/index.md")
    doc.add("# 往期简报")
    by_year: dict[str, list[Issue]] = {}
    for issue in archive.issues:
        dates = issue.dates()
        by_year.setdefault(str(dates[-1].year) if dates else "日期不详", []).append(issue)
    for year, issues in by_year.items():
        doc.add(heading(2, f"{year}年" if year.isdigit() else year, f"y{year}" if year.isdigit() else "undated"))
        doc.add(_issue_table(doc, issues))
    return Page(doc.path, {"title": "往期简报", "type": "archive"}, doc.markdown())


def _issue_table(doc: _Doc, issues: list[Issue]) -> str:
    rows = ["| 期号 | 日期 | 资讯 | 政策 |", "| --- | --- | --- | --- |"]
    for issue in issues:
        rows.append(
            f"| {link(issue.title, doc.href(issue_path(issue)))} | {_date_range(issue)} "
            f"| {len(issue.news())} | {len(issue.policies())} |"
        )
    return "\n".join(rows)


def _issue_card(doc: _Doc, issue: Issue) -> str:
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


def cn_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


# --- issue home ------------------------------------------------------------------------------------


def render_issue(issue: Issue) -> Page:
    doc = _Doc(issue_path(issue))
    if issue.breadcrumb:
        doc.add(paragraph(issue.breadcrumb.text, classes=("source-crumbs",)))
    doc.add(heading(1, issue.title or f"第{issue.number}期", "top"))
    doc.add(f"本期 {len(issue.news())} 篇资讯、{len(issue.policies())} 份政策文件 · {_date_range(issue)}\n{{: .issue-summary }}")
    doc.add(*(_unrecognised(b) for b in issue.front))
    for section in issue.sections:
        doc.add(heading(2, section.title, section.anchor))
        doc.add(*(_unrecognised(b) for b in section.loose))
        for item in section.items:
            doc.add(*_item_summary(doc, issue, item))
    meta = {
        "title": issue.title or f"第{issue.number}期",
        "type": "issue",
        "issue": issue.number,
        "part": issue.part,
        "date_first": _iso(issue.dates()[0]) if issue.dates() else None,
        "date_last": _iso(issue.dates()[-1]) if issue.dates() else None,
        "news_count": len(issue.news()),
        "policy_count": len(issue.policies()),
        "source": issue.source,
    }
    return Page(doc.path, meta, doc.markdown(), tuple(_home_claims(issue)))


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


def _item_summary(doc: _Doc, issue: Issue, item: Item) -> list[str]:
    title = heading(3, link(item.title, doc.href(item_path(issue, item))), item.slug, escaped=True)
    lead = _lead(item)
    return [title, f"{_item_facts(item)}\n{{: .item-facts }}", escape_text(lead) if lead else ""]


def _item_facts(item: Item) -> str:
    """One line: outlet · authors · date, or issuer · 发文字号 · 成文日期."""
    if isinstance(item, NewsItem):
        src = item.source
        parts = [src.outlet, "、".join(src.authors)] if src else ["来源不详"]
        parts.append(cn_date(item.date) if item.date else (src.date_raw or "") if src else "")
    else:
        parts = [item.issuer or "", item.doc_number.normalized or item.doc_number.raw if item.doc_number else ""]
        parts.append(cn_date(item.date) if item.date else "")
    return " · ".join(escape_text(p) for p in parts if p)


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
    doc = _Doc(item_path(issue, item))
    doc.add(_crumbs(doc, issue, section))
    doc.add(heading(1, item.title, "top"))
    if item.subtitle:
        doc.add(paragraph(item.subtitle.text, classes=("subtitle",)))
    doc.add(f"{_item_facts(item)}{_date_note(item)}\n{{: .item-facts }}")
    subheads = 0
    for block in item.blocks:
        if block.kind is BlockKind.SUBHEADING:
            subheads += 1
            doc.add(heading(2, block.text, f"p{subheads}"))
        else:
            doc.add(_block(block))
    if item.source:
        doc.add(paragraph(item.source.raw, classes=("source-line",)))
    src = item.source
    meta = {
        "title": item.title,
        "type": "news",
        "issue": issue.number,
        "part": issue.part,
        "section": section.title,
        "outlet": src.outlet if src else None,
        "authors": src.authors if src else [],
        "date": _iso(item.date),
        "date_raw": src.date_raw if src and src.date_raw != _iso(item.date) else None,
        "source": str(item.span),
    }
    return Page(doc.path, _compact(meta), doc.markdown(), (item.span,))


def _date_note(item: NewsItem) -> str:
    src = item.source
    if src and src.date and src.date_raw and src.date_raw != src.date.isoformat():
        return _editor_note(f"原文日期作“{src.date_raw}”")
    return ""


# --- policy page -----------------------------------------------------------------------------------


def render_policy(item: Policy, issue: Issue, section: Section) -> Page:
    doc = _Doc(item_path(issue, item))
    doc.add(_crumbs(doc, issue, section))
    doc.add(heading(1, item.title, "top"))
    doc.add(_policy_meta_block(item))
    main_title = "印发通知" if item.attachment else "正文"
    doc.add(heading(2, main_title, "notice" if item.attachment else "body"))
    if item.addressee:
        doc.add(paragraph(item.addressee.text, classes=("addressee",)))
    doc.add(*_body(item.body, 3))
    if item.signature:
        doc.add(paragraph(item.signature.text, classes=("signature",)))
    if item.date_raw:
        doc.add(paragraph(item.date_raw.text, classes=("signature",)))
    doc.add(*(paragraph(n.text, classes=("doc-note",)) for n in item.notes))
    doc.add(*(_unrecognised(b) for b in item.trailing))
    if item.attachment:
        doc.add(heading(2, item.attachment.title, "attachment"))
        doc.add(*_body(item.attachment.body, 3))
    return Page(doc.path, _compact(_policy_front_matter(item, issue, section)), doc.markdown(), (item.span,))


def _policy_front_matter(item: Policy, issue: Issue, section: Section) -> dict[str, object]:
    number = item.doc_number
    return {
        "title": item.title,
        "type": "policy",
        "issue": issue.number,
        "part": issue.part,
        "section": section.title,
        "issuer": item.issuer,
        "signature": item.signature.text if item.signature else None,
        "doc_number": number.normalized if number else None,
        "doc_number_raw": number.raw if number and number.raw != number.normalized else None,
        "date": _iso(item.date),
        "addressee": _strip_colon(item.addressee.text) if item.addressee else None,
        "notes": [_strip_brackets(n.text) for n in item.notes],
        "attachment": item.attachment.title if item.attachment else None,
        "source": str(item.span),
    }


def _policy_meta_block(item: Policy) -> str:
    rows = [("发文机关", escape_text(item.issuer or "未署名") + _signature_note(item))]
    rows.append(("发文字号", _doc_number_cell(item)))
    rows.append(("成文日期", escape_text(cn_date(item.date)) if item.date else "未注明"))
    if item.addressee:
        rows.append(("主送机关", escape_text(_strip_colon(item.addressee.text))))
    for note in item.notes:
        label = "删减说明" if "删减" in note.text else "公开属性"
        rows.append((label, escape_text(_strip_brackets(note.text))))
    if item.attachment:
        rows.append(("印发文件", _attachment_cell(item.attachment.title)))
    table = "\n".join(["| 项目 | 内容 |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in rows])
    return f'<div class="policy-meta" markdown>\n\n{table}\n\n</div>'


def _signature_note(item: Policy) -> str:
    if item.signature and item.issuer and item.signature.text != item.issuer:
        return _editor_note(f"署名作“{item.signature.text}”")
    return ""


def _doc_number_cell(item: Policy) -> str:
    number = item.doc_number
    if number is None:
        return "未注明"
    if number.normalized is None:
        return escape_text(number.raw)
    note = _editor_note(f"原文作“{number.raw}”") if number.raw != number.normalized else ""
    return escape_text(number.normalized) + note


def _attachment_cell(title: str) -> str:
    fixed = rules.find_lost_year_dash(title)
    if fixed:
        return escape_text(fixed) + _editor_note(f"原文作“{title}”")
    return escape_text(title)


def _body(body: DocumentBody, level: int) -> list[str]:
    out = [_block(b) for b in body.preamble]
    for clause in body.clauses:
        out += _clause(clause, level)
    return out


def _clause(clause: Clause, level: int) -> list[str]:
    if clause.title is not None:
        out = [heading(min(level, 6), f"{clause.marker}{clause.title}", clause.anchor)]
        out += [_block(b) for b in clause.blocks]
    else:
        first, *rest = clause.blocks
        out = [paragraph(first.text, anchor=clause.anchor, classes=("clause",))]
        out += [_block(b) for b in rest]
    for child in clause.children:
        out += _clause(child, level + 1)
    return out


# --- shared pieces ---------------------------------------------------------------------------------


def _crumbs(doc: _Doc, issue: Issue, section: Section) -> str:
    home = link("首页", doc.href("index.md"), escaped=True)
    here = link(issue.title or f"第{issue.number}期", doc.href(issue_path(issue)))
    sec = link(section.title, doc.href(issue_path(issue)) + f"#{section.anchor}")
    return f"{home} › {here} › {sec}\n{{: .crumbs }}"


def _block(block: Block) -> str:
    classes = {
        BlockKind.BYLINE: ("byline",),
        BlockKind.NOTE: ("doc-note",),
        BlockKind.SUBHEADING: ("subheading",),
    }.get(block.kind, ())
    if block.kind is BlockKind.UNRECOGNISED:
        return _unrecognised(block)
    return paragraph(block.text, classes=classes)


def _unrecognised(block: Block) -> str:
    """Text the parser could not place: shown as written, marked for editors."""
    return paragraph(block.text, classes=("unrecognised",))


def _editor_note(text: str) -> str:
    return f' <span class="editor-note" title="编者注：页面显示的是规范化后的写法">（{escape_text(text)}）</span>'


def _strip_colon(text: str) -> str:
    return text.rstrip(":：")


def _strip_brackets(text: str) -> str:
    return text.strip("()（）")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _compact(meta: dict[str, object]) -> dict[str, object]:
    """Front matter without empty fields."""
    return {k: v for k, v in meta.items() if v not in (None, [], "")}
