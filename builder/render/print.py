"""The whole-issue print view (``issues/<slug>/print.md``): one page to print or to make a PDF of.

A cover (masthead, 期号, dates, contents), every item in source order (each policy on a new page,
with its record card), the glossary terms the issue uses with their definitions, and the web
address of every item. Items are rendered by the same functions as their own pages, with ids
prefixed by the item and links that point inside the print view where they can.
"""

from __future__ import annotations

from dataclasses import dataclass, field


from ..glossary import Term
from ..link import Archive
from ..link.addresses import SITE_NAME, pinyin_key
from ..model import Issue, Item, NewsItem, Policy
from .home import date_range
from .markdown import (
    Span,
    char_refs,
    escape_text,
    heading,
    link,
    markdown_div,
    paragraph,
    text_paragraph,
)
from .news import news_body
from .page import Page, PageDoc, compact, iso, pdf_link, print_header, related_list
from .policy import policy_body


@dataclass
class _View:
    """One print view being assembled: where each item and term of the issue lands in it."""

    archive: Archive
    issue: Issue
    doc: PageDoc
    items: dict[str, Item]
    """Page path of each item of the issue → the item."""
    terms: dict[str, Term]
    """Page path of each glossary term → the term."""
    used: list[Term] = field(default_factory=list)
    """Terms linked so far, in order of first use."""

    def retarget(self, target: str) -> str:
        """Glossary terms → the list at the end; items of this issue → their place in the view."""
        page, _, anchor = target.partition("#")
        addr = self.archive.addresses
        if page in self.terms:
            term = self.terms[page]
            if term not in self.used:
                self.used.append(term)
            return "#" + addr.print_term_id(term)
        if page in self.items:
            item = self.items[page]
            return "#" + (addr.print_id_prefix(item) + anchor if anchor and anchor != "top" else addr.print_item_id(item))
        return target


def render_print_view(archive: Archive, issue: Issue) -> Page:
    addr = archive.addresses
    view = _View(archive, issue, PageDoc(addr.print_view(issue), archive),
                 {addr.item(i): i for i in issue.items()}, archive.term_pages)
    view.doc.add(print_header(view.doc, issue), pdf_link(view.doc, addr.pdf(issue)), _cover(view))
    for section in issue.sections:
        view.doc.add(heading(1, section.title, "s-" + addr.section_id(section), classes=("print-section",)))
        for item in section.items:
            view.doc.add(*_item(view, item))
    view.doc.add(*_terms_appendix(view), *_addresses_appendix(view))
    dates = issue.dates()
    meta = {
        "title": f"{issue.name} · 打印版",
        "type": "print",
        "issue": issue.number,
        "part": issue.part,
        "date_first": iso(dates[0]) if dates else None,
        "date_last": iso(dates[-1]) if dates else None,
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
    }
    return Page(view.doc.path, compact(meta), view.doc.markdown())


def _cover(view: _View) -> str:
    issue, addr = view.issue, view.archive.addresses
    lines = [paragraph(SITE_NAME, classes=("masthead",)), paragraph(issue.name, classes=("issue-number",)),
             paragraph(f"{date_range(issue)} · 资讯 {len(issue.news())} 篇 · 政策 {len(issue.policies())} 份", classes=("issue-line",)),
             heading(2, "目录", "contents", classes=("print-contents-title",))]
    entries = []
    for section in issue.sections:
        entries.append(f"- {link(section.title, '#s-' + addr.section_id(section))}")
        entries += [f"    - {link(item.title, '#' + addr.print_item_id(item))}" for item in section.items]
    entries += [f"- {link('本期术语', '#terms', escaped=True)}", f"- {link('网址', '#addresses', escaped=True)}"]
    lines.append(markdown_div("print-contents", "\n".join(entries)))
    return markdown_div("print-cover", "\n\n".join(lines))


def _item(view: _View, item: Item) -> list[str]:
    addr = view.archive.addresses
    doc = PageDoc(view.doc.path, view.archive, id_prefix=addr.print_id_prefix(item), retarget=view.retarget)
    kind = "news" if isinstance(item, NewsItem) else "policy"
    out = [heading(2, item.title, addr.print_item_id(item), classes=("print-item", f"print-{kind}"))]
    out += news_body(doc, item, 3) if isinstance(item, NewsItem) else policy_body(doc, item, 3)
    title = "相关政策" if isinstance(item, NewsItem) else "相关报道"
    return out + related_list(doc, title, view.archive.related_to(item), 3)


def _terms_appendix(view: _View) -> list[str]:
    addr = view.archive.addresses
    used = sorted(view.used, key=lambda t: pinyin_key(t.name))
    out = [heading(1, "本期术语", "terms", classes=("print-appendix",))]
    if not used:
        return out + ["本期没有链接到术语表的术语。"]
    for term in used:
        aliases = f"（{'、'.join(term.aliases)}）" if term.aliases else ""
        meaning = term.definition or (f"{term.full}的简称" if term.full else "")
        out.append(text_paragraph([Span(f"<strong>{char_refs(term.name)}</strong>", html=True), Span(f"{aliases}：{meaning}")],
                                  anchor=addr.print_term_id(term), classes=("print-term",)))
    return out


def _addresses_appendix(view: _View) -> list[str]:
    addr, issue = view.archive.addresses, view.issue
    lines = [f"- 本期：{escape_text(addr.url(addr.issue(issue)))}"]
    lines += [f"- {escape_text(item.title)}：{escape_text(addr.url(addr.item(item)))}" for item in issue.items()]
    return [heading(1, "网址", "addresses", classes=("print-appendix",)), "本期各篇在简报网站上的地址（相对网站根目录）：",
            markdown_div("print-addresses", "\n".join(lines))]


def running_label(item: Item, limit: int = 26) -> str:
    """Short name of an item for running headers: the 发文字号, else the title cut short."""
    if isinstance(item, Policy) and item.doc_number and item.doc_number.normalized:
        return item.doc_number.normalized
    return item.title if len(item.title) <= limit else item.title[: limit - 1] + "…"
