"""Render the glossary: an index grouped by pinyin initial, and one page per term with backlinks."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

from ..glossary import Term
from ..link import Archive
from ..link.addresses import GLOSSARY, HOME, PAGE_TOP
from .markdown import escape_text, heading, link
from .page import Page, PageDoc, compact, print_header


def render_glossary(archive: Archive) -> list[Page]:
    pages = [render_glossary_index(PageDoc(GLOSSARY, archive))]
    pages += [render_term(PageDoc(archive.addresses.term(term), archive), term) for term in archive.terms]
    return pages


def initial(name: str) -> str:
    """A–Z group of a headword by the pinyin (or Latin) initial of its first character."""
    first = lazy_pinyin(name.lstrip("《“\"")[:1] or "#", style=Style.FIRST_LETTER, errors=lambda s: list(s))[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


def render_glossary_index(doc: PageDoc) -> Page:
    terms = doc.archive.terms
    shared = [t for t in terms if t.scope is None]
    local = [t for t in terms if t.scope is not None]
    doc.add(print_header(doc), "# 术语表", f"收录 {len(shared)} 个术语（其中 {sum(t.curated for t in shared)} 个为人工整理），"
            f"另有 {len(local)} 个只在单篇文件中使用的简称。正文中的术语在每节首次出现时链接到此处，悬停可见释义。")
    groups: dict[str, list[Term]] = {}
    for term in sorted(shared, key=lambda t: ("".join(lazy_pinyin(t.name)).lower(), t.name)):
        groups.setdefault(initial(term.name), []).append(term)
    doc.add(" · ".join(link(g, f"#g-{g.lower() if g != '#' else 'other'}", escaped=True) for g in sorted(groups)))
    for letter in sorted(groups):
        doc.add(heading(2, letter, f"g-{letter.lower() if letter != '#' else 'other'}"))
        doc.add("\n".join(_index_line(doc, t) for t in groups[letter]))
    if local:
        doc.add(heading(2, "文内简称", "local"), "只在定义它的那篇文件中使用的简称（如《办法》、种子基金）。")
        doc.add("\n".join(_index_line(doc, t) for t in sorted(local, key=lambda t: (doc.addr.item(t.scope), t.name))))
    return Page(doc.path, {"title": "术语表", "type": "glossary"}, doc.markdown())


def _index_line(doc: PageDoc, term: Term) -> str:
    aliases = f"（{escape_text('、'.join(term.aliases))}）" if term.aliases else ""
    uses = sum(u.count for u in doc.archive.uses_of(term))
    summary = escape_text(_summary(term))
    count = f" · 出现 {uses} 次" if uses else ""
    return f"- {link(term.name, doc.href(doc.addr.term(term)))}{aliases}：{summary}{count}"


def _summary(term: Term, limit: int = 48) -> str:
    text = term.definition or (f"{term.full}的简称" if term.full else "简报中定义的术语")
    return text if len(text) <= limit else text[:limit] + "……"


def render_term(doc: PageDoc, term: Term) -> Page:
    doc.add(print_header(doc))
    doc.add(f"{link('首页', doc.href(HOME), escaped=True)} › {link('术语表', doc.href(GLOSSARY), escaped=True)}\n{{: .crumbs }}")
    doc.add(heading(1, term.name, PAGE_TOP))
    facts = []
    if term.aliases:
        facts.append("别名：" + "、".join(escape_text(a) for a in term.aliases))
    if term.category:
        facts.append("分类：" + escape_text(term.category))
    facts.append("人工整理" if term.curated else "自简报提取")
    doc.add(" · ".join(facts) + "\n{: .item-facts }")
    doc.add(_definition(doc, term))
    if term.defined_at:
        doc.add(heading(2, "简报中的定义", "defined"))
        doc.add("\n".join(
            f"- {link(site.item.title, doc.href(doc.addr.passage(site.item, site.span.start)))}"
            f"（{escape_text(site.span.file)} 第 {site.span.start} 行）：{escape_text(site.text)}"
            for site in term.defined_at))
    doc.add(heading(2, "出现位置", "uses"))
    uses = doc.archive.uses_of(term)
    if uses:
        rows = ["| 页面 | 次数 |", "| --- | --- |"]
        rows += [f"| {link(use.item.title, doc.href(doc.addr.item(use.item)))} | {use.count} |" for use in uses]
        doc.add("\n".join(rows))
    else:
        doc.add("本站简报中尚未出现。")
    meta = {
        "title": term.name,
        "type": "term",
        "aliases": list(term.aliases),
        "category": term.category,
        "curated": term.curated,
        "full": term.full,
        "scope": doc.addr.item(term.scope) if term.scope is not None else None,
        "uses": sum(u.count for u in uses),
    }
    return Page(doc.path, compact(meta) | {"curated": term.curated}, doc.markdown())


def _definition(doc: PageDoc, term: Term) -> str:
    if term.definition:
        return escape_text(term.definition)
    if term.scope and term.full:
        where = link(term.defined_at[0].item.title, doc.href(doc.addr.item(term.scope))) if term.defined_at else "该文件"
        return f"“{escape_text(term.name)}”是“{escape_text(term.full)}”的简称，只在{where}中使用。"
    if term.aliases:
        return f"{escape_text(term.name)}，简称{escape_text('、'.join(term.aliases))}。"
    return escape_text(term.name)
