"""Render the glossary: an index grouped by pinyin initial, a page per term, its full list of uses.

A term's page shows the definition, where the bulletins define it, and its most recent uses (each
linking to the passage); the full list of uses is on pages of its own, so no page grows without
bound as the archive does. A name a document coins for itself (种子基金) has no page: it is listed,
with a link to where the document defines it, on a page per year (the index links the years).
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

from ..glossary import Term
from ..link import Archive
from ..model import Issue
from ..link.addresses import GLOSSARY, HOME, PAGE_TOP, pinyin_key
from ..link.terms import TermUse
from .markdown import escape_text, heading, link, paragraph
from .page import Page, PageDoc, compact, filed_date, print_header

RECENT_USES = 20
"""Uses listed on a term's own page (the newest); the rest are on its list pages."""
USES_PER_PAGE = 100
"""Uses per page of a term's full list."""


def render_glossary(archive: Archive) -> list[Page]:
    local = _local_by_year(archive)
    pages = [render_glossary_index(PageDoc(GLOSSARY, archive), local)]
    pages += render_local_names(archive, local)
    for term in archive.terms:
        if term.scope is None:
            pages.append(render_term(PageDoc(archive.addresses.term(term), archive), term))
            pages += render_term_uses(archive, term)
    return pages


def initial(name: str) -> str:
    """A–Z group of a headword by the pinyin (or Latin) initial of its first character."""
    first = lazy_pinyin(name.lstrip("《“\"")[:1] or "#", style=Style.FIRST_LETTER, errors=lambda s: list(s))[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


def render_glossary_index(doc: PageDoc, local_by_year: dict[int | None, dict[Issue, list[Term]]]) -> Page:
    terms = doc.archive.terms
    shared = [t for t in terms if t.scope is None]
    local = [t for t in terms if t.scope is not None]
    doc.add(print_header(doc), "# 术语表", f"收录 {len(shared)} 个术语（其中 {sum(t.curated for t in shared)} 个为人工整理），"
            f"另有 {len(local)} 个只在单篇文件中使用的简称。正文中的术语在每页首次出现时链接到这里，指向或聚焦链接可见释义。")
    groups: dict[str, list[Term]] = {}
    for term in sorted(shared, key=lambda t: pinyin_key(t.name)):
        groups.setdefault(initial(term.name), []).append(term)
    doc.add(" · ".join(link(g, f"#g-{g.lower() if g != '#' else 'other'}", escaped=True) for g in sorted(groups)))
    for letter in sorted(groups):
        doc.add(heading(2, letter, f"g-{letter.lower() if letter != '#' else 'other'}"))
        doc.add("\n".join(_index_line(doc, t) for t in groups[letter]))
    if local:
        doc.add(heading(2, "文内简称", "local"),
                f"只在定义它的那篇文件中使用的简称共 {len(local)} 个，按年列出，链接指向文件中定义它的地方：",
                " · ".join(link(_year_name(year) + f"（{sum(len(v) for v in issues.values())} 个）", doc.href(doc.addr.local_names(year)),
                                escaped=True) for year, issues in local_by_year.items()))
    return Page(doc.path, {"title": "术语表", "type": "glossary"}, doc.markdown())


def _local_by_year(archive: Archive) -> dict[int | None, dict[Issue, list[Term]]]:
    """Document-local names by the year of their issue (newest first, undated last), then by issue
    (in archive order) — the glossary index lists years only, so it stays small as the archive grows."""
    issue_of = archive.addresses.issue_of
    by_issue: dict[Issue, list[Term]] = {}
    for term in archive.terms:
        if term.scope is not None:
            by_issue.setdefault(issue_of(term.scope), []).append(term)
    years: dict[int | None, dict[Issue, list[Term]]] = {}
    for issue in archive.issues:
        if issue in by_issue:
            years.setdefault(issue_year(issue), {})[issue] = by_issue[issue]
    return dict(sorted(years.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0))))


def issue_year(issue: Issue) -> int | None:
    """The year an issue is filed under (as on the archive page)."""
    filed = filed_date(issue)
    return filed.year if filed else None


def _year_name(year: int | None) -> str:
    return f"{year}年" if year is not None else "日期不详"


def render_local_names(archive: Archive, local_by_year: dict[int | None, dict[Issue, list[Term]]]) -> list[Page]:
    """One page per year: the names its documents coin for themselves, by issue, each linked to
    where it is defined. They have no term page and link nowhere in the text."""
    pages = []
    for year, issues in local_by_year.items():
        doc = PageDoc(archive.addresses.local_names(year), archive)
        doc.add(print_header(doc), f"{link('术语表', doc.href(GLOSSARY), escaped=True)}\n{{: .crumbs }}")
        doc.add(heading(1, f"文内简称 · {_year_name(year)}", PAGE_TOP),
                "这些简称只在定义它的那篇文件中使用，不链接到术语表；链接指向文件中定义它的地方。")
        for issue, terms in issues.items():
            doc.add(heading(2, issue.name, archive.addresses.issue_slug(issue)),
                    "\n".join(_local_line(doc, t) for t in sorted(terms, key=lambda t: (doc.addr.item(t.scope), t.name))))
        pages.append(Page(doc.path, {"title": f"文内简称 · {_year_name(year)}", "type": "glossary-local",
                                     "search": {"exclude": True}}, doc.markdown()))
    return pages


def _index_line(doc: PageDoc, term: Term) -> str:
    aliases = f"（{escape_text('、'.join(term.aliases))}）" if term.aliases else ""
    uses = sum(u.count for u in doc.archive.uses_of(term))
    summary = escape_text(_summary(term))
    count = f" · 出现 {uses} 次" if uses else ""
    return f"- {link(term.name, doc.href(doc.addr.term(term)))}{aliases}：{summary}{count}"


def _local_line(doc: PageDoc, term: Term) -> str:
    site = term.defined_at[0] if term.defined_at else None
    where = link(site.item.title, doc.href(doc.addr.passage(site.item, site.span.start))) if site else ""
    return f"- {escape_text(term.name)}：{escape_text(term.full or '')}" + (f"（见{where}）" if where else "")


def _summary(term: Term, limit: int = 48) -> str:
    text = term.definition or (f"{term.full}的简称" if term.full else "简报中定义的术语")
    return text if len(text) <= limit else text[:limit] + "……"


def render_term(doc: PageDoc, term: Term) -> Page:
    doc.add(print_header(doc))
    doc.add(f"{link('首页', doc.href(HOME), escaped=True)} › {link('术语表', doc.href(GLOSSARY), escaped=True)}\n{{: .crumbs }}")
    doc.add(heading(1, term.name, PAGE_TOP))
    facts = []
    if term.aliases:
        facts.append("别名：" + "、".join(term.aliases))
    if term.category:
        facts.append("分类：" + term.category)
    facts.append("人工整理" if term.curated else "自简报提取")
    doc.add(paragraph(" · ".join(facts), classes=("item-facts",)))
    doc.add(_definition(term))
    if term.defined_at:
        doc.add(heading(2, "简报中的定义", "defined"))
        doc.add("\n".join(f"- {link(site.item.title, doc.href(doc.addr.passage(site.item, site.span.start)))}："
                          f"{escape_text(site.text)}" for site in term.defined_at))
    uses = doc.archive.uses_of(term)
    doc.add(heading(2, "出现位置", "uses"))
    doc.add(*_recent_uses(doc, term, uses))
    meta = {
        "title": term.name,
        "type": "term",
        "aliases": list(term.aliases),
        "category": term.category,
        "curated": term.curated,
        "full": term.full,
        "uses": sum(u.count for u in uses),
        "pages": len(uses),
    }
    return Page(doc.path, compact(meta) | {"curated": term.curated}, doc.markdown())


def _recent_uses(doc: PageDoc, term: Term, uses: tuple[TermUse, ...]) -> list[str]:
    if not uses:
        return ["本站简报中尚未出现。"]
    total = sum(u.count for u in uses)
    out = [paragraph(f"共出现 {total} 次，见于 {len(uses)} 篇。" + ("以下是最近的 {0} 篇。".format(RECENT_USES) if len(uses) > RECENT_USES else ""))]
    out.append(_use_list(doc, uses[:RECENT_USES]))
    if len(uses) > RECENT_USES:
        out.append(link(f"查看全部 {len(uses)} 篇", doc.href(doc.addr.term_uses(term, 1)), escaped=True))
    return out


def _use_list(doc: PageDoc, uses: tuple[TermUse, ...]) -> str:
    lines = []
    for use in uses:
        issue = doc.addr.issue_of(use.item)
        count = f" · {use.count} 次" if use.count > 1 else ""
        lines.append(f"- {link(use.item.title, doc.href(doc.addr.passage(use.item, use.line)))}"
                     f"（{escape_text(issue.name)}{count}）")
    return "\n".join(lines)


def render_term_uses(archive: Archive, term: Term) -> list[Page]:
    """The full list of a term's uses, newest first, on pages of :data:`USES_PER_PAGE` each."""
    uses = archive.uses_of(term)
    if len(uses) <= RECENT_USES:
        return []
    chunks = [uses[k : k + USES_PER_PAGE] for k in range(0, len(uses), USES_PER_PAGE)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        doc = PageDoc(archive.addresses.term_uses(term, number), archive)
        doc.add(print_header(doc), f"{link('术语表', doc.href(GLOSSARY), escaped=True)} › "
                f"{link(term.name, doc.href(archive.addresses.term(term)))}\n{{: .crumbs }}")
        doc.add(heading(1, f"{term.name}：全部出现位置（{number}/{len(chunks)}）", PAGE_TOP), _use_list(doc, chunk))
        doc.add(_pager(doc, term, number, len(chunks)))
        pages.append(Page(doc.path, {"title": f"{term.name}：全部出现位置", "type": "term-uses", "search": {"exclude": True}}, doc.markdown()))
    return pages


def _pager(doc: PageDoc, term: Term, number: int, count: int) -> str:
    parts = []
    if number > 1:
        parts.append(link("上一页", doc.href(doc.addr.term_uses(term, number - 1)), escaped=True))
    if number < count:
        parts.append(link("下一页", doc.href(doc.addr.term_uses(term, number + 1)), escaped=True))
    return " · ".join(parts)


def _definition(term: Term) -> str:
    if term.definition:
        return paragraph(term.definition)
    if term.aliases:
        return paragraph(f"{term.name}，简称{'、'.join(term.aliases)}。")
    return paragraph(term.name)
