"""Render a policy page: 版头, metadata block, notice, every attachment, departments, citations.

The page follows the document's own order (fidelity: every source line's characters appear in
order): lines printed above the title, the title, the record card, the notice with its 署名 and
date, notes, then each attachment under its own heading (and so in the table of contents).
"""

from __future__ import annotations

import html

from ..link.addresses import PAGE_TOP, attachment_anchor
from ..model import Attachment, Block, BlockKind, Clause, DocumentBody, Issue, Policy
from ..read.rules import forwarded_document, printed_document
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
from .table import table_markdown

CLAUSE_CLASSES = {-2: "cl-chapter", -1: "cl-section", 0: "cl-article", 1: "cl-1", 2: "cl-2", 3: "cl-3", 4: "cl-4"}
"""Clause headings carry their numbering style, so print styles follow 一、 > （一） > 1. > （1）
whatever heading level a document's nesting gives them."""


def render_policy(doc: PageDoc, item: Policy, issue: Issue) -> Page:
    doc.add(print_header(doc, issue), crumbs(doc, issue, item))
    doc.add(*(paragraph(b.text, classes=("doc-masthead",)) for b in item.masthead))
    doc.add(heading(1, item.title, PAGE_TOP))
    doc.add(pdf_link(doc, doc.addr.pdf(issue, item)))
    doc.add(*policy_body(doc, item, 2))
    doc.add(*_related_section(doc, item, issue))
    return Page(doc.path, compact(policy_front_matter(doc, item, issue)), doc.markdown(), (item.span,))


def policy_body(doc: PageDoc, item: Policy, level: int) -> list[str]:
    """Record card, corrections, notice, each attachment the bulletin carries, 版记, departments
    and citations; parts are headings at ``level``, clauses below them."""
    out = [policy_meta_block(item), *corrections_note(item.corrections)]
    out += _notice(doc, item, level)
    for number, attachment in enumerate(item.attachments, start=1):
        if attachment.included:
            out += _attachment(doc, attachment, number, level)
    out += [block_markdown(doc, b, classes=("imprint",)) for b in _imprint(item, after_attachments=True)]
    out += _departments_section(doc, item, level)
    out += _citations_section(doc, item, level)
    return out


def _signature_block(signatures: tuple[Block, ...], date_raw: Block | None) -> str:
    """署名 and 成文日期 in one block, so that print keeps them together."""
    lines = [paragraph(b.text, classes=("signature",)) for b in signatures + ((date_raw,) if date_raw else ())]
    return markdown_div("signature-block", "\n\n".join(lines)) if lines else ""


def _notice(doc: PageDoc, item: Policy, level: int) -> list[str]:
    carries = item.attachment is not None
    out = [heading(level, _notice_heading(item) if carries else "正文", doc.anchor("notice" if carries else "body"))]
    out += [paragraph(b.text, classes=("page-meta",)) for b in item.page_meta]
    if item.issuer_line:
        out.append(paragraph(item.issuer_line.text, classes=("issuer-line",)))
    if item.addressee:
        out.append(block_markdown(doc, item.addressee, classes=("addressee",)))
    out += _body(doc, item.body, level + 1)
    out.append(_signature_block(item.signatures, item.date_raw))
    out += [block_markdown(doc, n) for n in item.notes]
    out += [block_markdown(doc, b, classes=("imprint",)) for b in _imprint(item, after_attachments=False)]
    out += [block_markdown(doc, b) for b in item.trailing]
    return out


def _notice_heading(item: Policy) -> str:
    if printed_document(item.title_raw):
        return "印发通知"
    return "转发通知" if forwarded_document(item.title_raw) else "正文"


def _imprint(item: Policy, *, after_attachments: bool) -> list[Block]:
    """版记 lines, on the side of the attachments where the bulletin prints them."""
    texts = [a for a in item.attachments if a.included]
    split = texts[0].span.start if texts else None
    return [b for b in item.imprint if (split is not None and b.span.start > split) == after_attachments]


def _attachment(doc: PageDoc, attachment: Attachment, number: int, level: int) -> list[str]:
    out = [heading(level, attachment_heading(attachment), doc.anchor(attachment_anchor(number)))]
    if attachment.addressee:
        out.append(block_markdown(doc, attachment.addressee, classes=("addressee",)))
    out += _body(doc, attachment.body, level + 1)
    out.append(_signature_block(attachment.signatures, attachment.date_raw))
    out += [block_markdown(doc, n) for n in attachment.notes]
    return out


def attachment_heading(attachment: Attachment) -> str:
    """``附件1 关于…的报告``: the label as written and the title (the listed name when it has none)."""
    title = attachment.title if attachment.titled else attachment.name
    label = attachment.label
    if label and title != label.rstrip(":：") and title != label:
        return f"{label} {title}"
    return label or title


def corrections_note(corrections) -> list[str]:
    """The editor's corrections of this record, as one note under the card."""
    if not corrections:
        return []
    lines = []
    for c in corrections:
        was = f"（原读作“{c.was}”）" if c.was else ""
        note = f"：{c.note}" if c.note else ""
        lines.append(f"{_FIELD_NAMES.get(c.field, c.field)}：{c.value}{was}{note}")
    return [paragraph("编者更正 — " + "；".join(lines), classes=("editor-correction",))]


_FIELD_NAMES = {"kind": "类型", "issuers": "发文机关", "doc_numbers": "发文字号", "date": "日期", "title": "标题",
                "effective": "施行日期", "valid_until": "有效期至", "outlet": "来源", "authors": "作者",
                "split": "拆分", "merge": "合并", "doc_kind": "文种", "addressee": "主送机关"}


def policy_front_matter(doc: PageDoc, item: Policy, issue: Issue) -> dict[str, object]:
    number, validity = item.doc_number, item.validity
    main = item.attachment
    return item_front_matter(doc, item, issue) | {
        "issuer": item.issuer,
        "issuers": list(item.issuers) if len(item.issuers) > 1 else None,
        "signature": item.signature,
        "doc_number": number.normalized if number else None,
        "doc_number_raw": number.raw if number and number.raw != number.normalized else None,
        "doc_numbers": [n.shown for n in item.doc_numbers] if len(item.doc_numbers) > 1 else None,
        "date": iso(item.date),
        "date_cn": cn_date(item.date) if item.date else None,
        "addressee": _strip_colon(item.addressee.text) if item.addressee else None,
        "kind": item.kind,
        "notes": [_strip_brackets(n.text) for n in item.notes],
        "attachment": main.name if main else None,
        "attachments": [a.name for a in item.attachments],
        "effective": iso(validity.effective),
        "valid_until": iso(validity.valid_until),
        "corrected": [c.field for c in item.corrections],
        "source": str(item.span),
    }


# --- metadata block ------------------------------------------------------------------------------


def policy_meta_block(item: Policy) -> str:
    """The record card: a grid of label/value pairs, the facts a reader scans first (发文机关, 文号,
    成文日期, 有效期) first; pairs the document does not have are left out. Normalised values carry
    the original in an editor's note. The card is an HTML block (values escaped for HTML)."""
    pairs = [("发文机关", _text(item.issuer_names or "未署名") + _signature_note(item)), ("发文字号", _doc_numbers_cell(item)),
             ("成文日期", _text(cn_date(item.date)) + _date_note(item) if item.date else _text(item.date_raw.text) if item.date_raw else "未注明")]
    pairs += _validity_rows(item)
    if item.kind:
        pairs.append(("文种", _text(item.kind)))
    if item.addressee:
        pairs.append(("主送机关", _text(_strip_colon(item.addressee.text))))
    for note in item.notes:
        pairs.append(("删减说明" if "删减" in note.text else "公开属性", _text(_strip_brackets(note.text))))
    if item.attachments:
        pairs.append(("印发文件" if _carries_by_title(item) else "附件", _attachments_cell(item.attachments)))
    rows = "\n".join(f'<div class="pair"><dt>{label}</dt><dd>{value}</dd></div>' for label, value in pairs)
    return f'<dl class="policy-meta">\n{rows}\n</dl>'


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _date_note(item: Policy) -> str:
    raw = item.date_raw.text if item.date_raw else ""
    return editor_note(f"原文作“{raw}”") if raw and raw != cn_date(item.date) else ""


def _carries_by_title(item: Policy) -> bool:
    from ..read.rules import forwarded_document, printed_document

    return bool(printed_document(item.title_raw) or forwarded_document(item.title_raw))


def _signature_note(item: Policy) -> str:
    from ..read.rules import split_organs, title_organs

    names = item.issuer_names
    if item.signature and names and split_organs(item.signature) != list(item.issuers):
        whence = "，全称取自标题" if list(item.issuers) == title_organs(item.title_raw) else ""
        return editor_note(f"署名作“{item.signature}”{whence}")
    return ""


def _doc_numbers_cell(item: Policy) -> str:
    """Every 文号, normalised; where the bulletin wrote one otherwise, the original in a note."""
    if not item.doc_numbers:
        return "未注明"
    cells = []
    for number in item.doc_numbers:
        note = editor_note(f"原文作“{number.raw}”") if number.normalized and number.normalized != number.raw else ""
        cells.append(_text(number.shown) + note)
    return "；".join(cells)


def _attachments_cell(attachments: tuple[Attachment, ...]) -> str:
    if len(attachments) == 1:
        return _attachment_cell(attachments[0])
    return "；".join(_attachment_cell(a, numbered=k) for k, a in enumerate(attachments, start=1))


def _attachment_cell(attachment: Attachment, numbered: int | None = None) -> str:
    prefix = f"{numbered}. " if numbered else ""
    cell = prefix + _text(attachment.name)
    if attachment.name == attachment.title and attachment.title != attachment.title_raw and attachment.titled:
        cell += editor_note(f"原文作“{attachment.title_raw}”")
    elif attachment.name != attachment.title and attachment.titled:
        cell += editor_note(f"正文标题作“{attachment.title_raw}”")
    if not attachment.included:
        cell += editor_note("正文未收录")
    return cell


def _validity_rows(item: Policy) -> list[tuple[str, str]]:
    v, rows = item.validity, []
    if v.effective_text:
        when = cn_date(v.effective) if v.effective else "见原文"
        rows.append(("施行日期", _text(f"{when}（{v.effective_text}）")))
    if v.valid_until_text:
        when = cn_date(v.valid_until) if v.valid_until else "见原文"
        rows.append(("有效期至", _text(f"{when}（{v.valid_until_text}）")))
    return rows


# --- body ------------------------------------------------------------------------------------------


def _body(doc: PageDoc, body: DocumentBody, level: int) -> list[str]:
    out = _blocks(doc, list(body.preamble))
    for clause in body.clauses:
        out += _clause(doc, clause, level)
    return out


def _blocks(doc: PageDoc, blocks: list[Block]) -> list[str]:
    """Paragraphs with their departments; consecutive table rows as one table."""
    out: list[str] = []
    rows: list[Block] = []
    for block in blocks + [None]:  # type: ignore[list-item]
        if block is not None and block.kind is BlockKind.TABLE_ROW:
            rows.append(block)
            continue
        if rows:
            out.append(table_markdown(rows))
            rows = []
        if block is not None:
            out += _with_departments(doc, block)
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
    out += _blocks(doc, list(blocks))
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


__all__ = ["attachment_heading", "corrections_note", "policy_front_matter", "policy_meta_block", "render_policy"]
