"""Render a policy page: metadata block, notice, attached document, departments, citations."""

from __future__ import annotations

from ..link.addresses import PAGE_TOP
from ..model import Attachment, Block, Clause, DocumentBody, Issue, Policy
from .markdown import escape_text, heading, link, markdown_div, paragraph
from .page import (
    Page,
    PageDoc,
    block_markdown,
    cn_date,
    compact,
    crumbs,
    editor_note,
    iso,
    item_front_matter,
    pdf_link,
    print_header,
    related_list,
)

CLAUSE_CLASSES = {-2: "cl-chapter", -1: "cl-section", 0: "cl-article", 1: "cl-1", 2: "cl-2", 3: "cl-3", 4: "cl-4"}
"""Clause headings carry their numbering style, so print styles follow 一、 > （一） > 1. > （1）
whatever heading level a document's nesting gives them."""


def render_policy(doc: PageDoc, item: Policy, issue: Issue) -> Page:
    doc.add(print_header(doc, issue), crumbs(doc, issue, item))
    doc.add(heading(1, item.title, PAGE_TOP))
    doc.add(pdf_link(doc, doc.addr.pdf(issue, item)))
    doc.add(*policy_body(doc, item, 2))
    doc.add(*_related_section(doc, item, issue))
    return Page(doc.path, compact(policy_front_matter(item, issue)), doc.markdown(), (item.span,))


def policy_body(doc: PageDoc, item: Policy, level: int) -> list[str]:
    """Record card, notice, 署名 and date, notes, the attached document, departments and citations;
    parts are headings at ``level``, clauses below them."""
    out = [policy_meta_block(item)]
    out.append(heading(level, "印发通知" if item.attachment else "正文", doc.anchor("notice" if item.attachment else "body")))
    if item.addressee:
        out.append(block_markdown(doc, item.addressee, classes=("addressee",)))
    out += _body(doc, item.body, level + 1)
    out.append(_signature_block(item))
    out += [block_markdown(doc, b) for b in item.notes + item.trailing]
    if item.attachment:
        out.append(heading(level, item.attachment.title, doc.anchor("attachment")))
        out += _body(doc, item.attachment.body, level + 1)
    out += _departments_section(doc, item, level)
    out += _citations_section(doc, item, level)
    return out


def _signature_block(item: Policy) -> str:
    """署名 and 成文日期 in one block, so that print keeps them together."""
    lines = [paragraph(b.text, classes=("signature",)) for b in item.signatures + ((item.date_raw,) if item.date_raw else ())]
    return markdown_div("signature-block", "\n\n".join(lines)) if lines else ""


def policy_front_matter(item: Policy, issue: Issue) -> dict[str, object]:
    number, validity = item.doc_number, item.validity
    return item_front_matter(item, issue) | {
        "issuer": item.issuer,
        "signature": item.signature,
        "doc_number": number.normalized if number else None,
        "doc_number_raw": number.raw if number and number.raw != number.normalized else None,
        "date": iso(item.date),
        "date_cn": cn_date(item.date) if item.date else None,
        "addressee": _strip_colon(item.addressee.text) if item.addressee else None,
        "kind": item.kind,
        "notes": [_strip_brackets(n.text) for n in item.notes],
        "attachment": item.attachment.title if item.attachment else None,
        "effective": iso(validity.effective),
        "valid_until": iso(validity.valid_until),
        "source": str(item.span),
    }


# --- metadata block ------------------------------------------------------------------------------


def policy_meta_block(item: Policy) -> str:
    """The record card, in a fixed order; rows the document does not have are left out."""
    rows = [("标题", escape_text(item.title))]
    rows.append(("发文机关", escape_text(item.issuer or "未署名") + _signature_note(item)))
    rows += _doc_number_rows(item)
    rows.append(("成文日期", escape_text(cn_date(item.date)) + f"（{item.date.isoformat()}）" if item.date else "未注明"))
    if item.addressee:
        rows.append(("主送机关", escape_text(_strip_colon(item.addressee.text))))
    if item.kind:
        rows.append(("文种", escape_text(item.kind)))
    for note in item.notes:
        rows.append(("删减说明" if "删减" in note.text else "公开属性", escape_text(_strip_brackets(note.text))))
    if item.attachment:
        rows.append(("印发文件", _attachment_cell(item.attachment)))
    rows += _validity_rows(item)
    table = "\n".join(["| 项目 | 内容 |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in rows])
    return f'<div class="policy-meta" markdown>\n\n{table}\n\n</div>'


def _signature_note(item: Policy) -> str:
    if item.signature and item.issuer and item.signature != item.issuer:
        return editor_note(f"署名作“{item.signature}”，全称取自标题")
    return ""


def _doc_number_rows(item: Policy) -> list[tuple[str, str]]:
    number = item.doc_number
    if number is None:
        return [("发文字号", "未注明")]
    if number.normalized is None or number.normalized == number.raw:
        return [("发文字号", escape_text(number.raw))]
    return [("发文字号", escape_text(number.normalized) + editor_note("已规范化")),
            ("发文字号原文", f'<span class="source-form">{escape_text(number.raw)}</span>')]


def _attachment_cell(attachment: Attachment) -> str:
    if attachment.title != attachment.title_raw:
        return escape_text(attachment.title) + editor_note(f"原文作“{attachment.title_raw}”")
    return escape_text(attachment.title)


def _validity_rows(item: Policy) -> list[tuple[str, str]]:
    v, rows = item.validity, []
    if v.effective_text:
        when = escape_text(cn_date(v.effective)) if v.effective else "见原文"
        rows.append(("施行日期", f"{when}（{escape_text(v.effective_text)}）"))
    if v.valid_until_text:
        when = escape_text(cn_date(v.valid_until)) if v.valid_until else "见原文"
        rows.append(("有效期至", f"{when}（{escape_text(v.valid_until_text)}）"))
    return rows


# --- body ------------------------------------------------------------------------------------------


def _body(doc: PageDoc, body: DocumentBody, level: int) -> list[str]:
    out = []
    for block in body.preamble:
        out += _with_departments(doc, block)
    for clause in body.clauses:
        out += _clause(doc, clause, level)
    return out


def _clause(doc: PageDoc, clause: Clause, level: int) -> list[str]:
    anchor = doc.clause_id(clause)
    if clause.title is not None:
        out = [heading(min(level, 6), f"{clause.marker}{clause.title}", anchor, classes=(CLAUSE_CLASSES[clause.level],))]
        blocks = clause.blocks
    else:
        first, *blocks = clause.blocks
        out = [block_markdown(doc, first, anchor=anchor, classes=("clause",), permalink="本条链接")]
        out += _department_line(first)
    for block in blocks:
        out += _with_departments(doc, block)
    for child in clause.children:
        out += _clause(doc, child, level + 1)
    return out


def _with_departments(doc: PageDoc, block: Block) -> list[str]:
    return [block_markdown(doc, block)] + _department_line(block)


def _department_line(block: Block) -> list[str]:
    if not block.departments:
        return []
    names = "、".join(escape_text(n) for n in block.departments)
    return [f"责任单位：{names}\n{{: .departments }}"]


def _departments_section(doc: PageDoc, item: Policy, level: int) -> list[str]:
    table = item.departments()
    if not table:
        return []
    rows = ["| 责任单位 | 措施 |", "| --- | --- |"]
    for name, clauses in table.items():
        cells = "；".join(link(c.label(), f"#{doc.clause_id(c)}") for c in clauses)
        rows.append(f"| {escape_text(name)} | {cells} |")
    return [heading(level, "责任单位与措施", doc.anchor("departments")), "\n".join(rows)]


# --- citations and related pages -------------------------------------------------------------------


def _citations_section(doc: PageDoc, item: Policy, level: int) -> list[str]:
    if not item.citations:
        return []
    lines = []
    for citation in item.citations:
        target = doc.archive.cited.get(citation)
        lines.append(f"- {link(citation.raw, doc.href(doc.addr.item(target))) if target else escape_text(citation.raw)}")
    return [heading(level, "引用文件", doc.anchor("citations")), "\n".join(lines)]


def _related_section(doc: PageDoc, item: Policy, issue: Issue) -> list[str]:
    """News that names this policy or shares an event or several terms with it: this issue first."""
    related = doc.archive.related_to(item)
    out = []
    for title, anchor, same in (("本期相关报道", "related", True), ("往期相关报道", "related-archive", False)):
        out += related_list(doc, title, [ref for ref in related if (doc.addr.issue_of(ref) is issue) == same], 2, anchor)
    return out


def _strip_colon(text: str) -> str:
    return text.rstrip(":：")


def _strip_brackets(text: str) -> str:
    return text.strip("()（）")


__all__ = ["policy_front_matter", "policy_meta_block", "render_policy"]
