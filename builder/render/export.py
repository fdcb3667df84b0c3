"""Data export: the archive as JSON for other tools (``data/policies.json``, ``data/news.json``).

The schemas live beside this module (``schemas/*.schema.json``) and are published with the data.
Plain dicts exist only here, at the edge, where the model turns into JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..link import Addresses, Archive
from ..model import (
    Attachment,
    Citation,
    Clause,
    Correction,
    DocumentBody,
    Issue,
    NewsItem,
    Policy,
    SourceSpan,
)

SCHEMA_VERSION = 1
SCHEMAS = ("policies.schema.json", "news.schema.json")


def export_files(archive: Archive, records: Sequence[IssueRecords] | None = None) -> dict[str, bytes]:
    """``data/…`` files to publish: the two data sets and their schemas. ``records`` are the
    issues' records in the archive's order (:func:`issue_records`, made where the issues' pages
    are rendered); without them they are made here."""
    if records is None:
        records = [issue_records(archive, issue) for issue in archive.issues]
    addr = archive.addresses
    files = {
        addr.data("policies.json"): _data_set("policies", [r.policies for r in records]),
        addr.data("news.json"): _data_set("news", [r.news for r in records]),
    }
    for name in SCHEMAS:
        files[addr.data(name)] = resources.files("builder").joinpath("schemas", name).read_bytes()
    return files


@dataclass(frozen=True)
class IssueRecords:
    """One issue's records as UTF-8 JSON: each a comma-separated run of objects (empty when none).
    Bytes, made where the issue is rendered: the data sets are joined from them without decoding
    and encoding the text again."""

    policies: bytes
    news: bytes


def issue_records(archive: Archive, issue: Issue) -> IssueRecords:
    return IssueRecords(",".join(_json(policy_record(archive, issue, p)) for p in issue.policies()).encode("utf-8"),
                        ",".join(_json(news_record(archive, issue, n)) for n in issue.news()).encode("utf-8"))


def _data_set(name: str, runs: list[bytes]) -> bytes:
    """``{"schema":…,"version":…,"<name>":[…]}``: the same bytes as dumping the whole data set at
    once with :func:`_json` (the issues' records are joined as JSON text)."""
    head = _json({"schema": f"{name}.schema.json", "version": SCHEMA_VERSION})[:-1]
    return b"".join([f'{head},"{name}":['.encode("utf-8"), b",".join(run for run in runs if run), b"]}\n"])


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _issue_ref(addr: Addresses, issue: Issue) -> dict[str, Any]:
    return {"number": issue.number, "part": issue.part, "title": issue.name, "slug": addr.issue_slug(issue)}


def _source(span: SourceSpan) -> dict[str, Any]:
    return {"file": span.file, "first_line": span.start, "last_line": span.end}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def policy_record(archive: Archive, issue: Issue, policy: Policy) -> dict[str, Any]:
    number, validity, addr, main = policy.doc_number, policy.validity, archive.addresses, policy.attachment
    return {
        "id": addr.item_id(policy),
        "url": addr.url(addr.item(policy)),
        "issue": _issue_ref(addr, issue),
        "title": policy.title,
        "title_raw": policy.title_raw,
        "kind": policy.kind,
        "issuer": policy.issuer,
        "issuers": list(policy.issuers),
        "signature": policy.signature,
        "doc_number": number.normalized if number else None,
        "doc_number_raw": number.raw if number else None,
        "doc_numbers": [{"normalized": n.normalized, "raw": n.raw} for n in policy.doc_numbers],
        "date": _iso(policy.date),
        "date_raw": policy.date_raw.text if policy.date_raw else None,
        "addressee": policy.addressee.text if policy.addressee else None,
        "masthead": [b.text for b in policy.masthead],
        "notes": [n.text for n in policy.notes],
        "imprint": [b.text for b in policy.imprint],
        "attachment_title": main.title if main else None,
        "attachment_title_raw": main.title_raw if main else None,
        "attachments": [_attachment_record(addr, a) for a in policy.attachments],
        "validity": {
            "effective": _iso(validity.effective),
            "effective_text": validity.effective_text,
            "valid_until": _iso(validity.valid_until),
            "valid_until_text": validity.valid_until_text,
        },
        "notice": _body_record(addr, policy.body),
        "document": _body_record(addr, main.body) if main else None,
        "departments": [{"name": name, "clauses": [addr.clause_id(c) for c in clauses]} for name, clauses in policy.departments().items()],
        "citations": [_citation_record(archive, c) for c in policy.citations],
        "short_names": [{"short": n.short, "full": n.full, "local": n.local, "line": n.span.start} for n in policy.short_names],
        "corrections": [_correction_record(c) for c in policy.corrections],
        "source": _source(policy.span),
    }


def _attachment_record(addr: Addresses, attachment: Attachment) -> dict[str, Any]:
    return {
        "label": attachment.label,
        "name": attachment.name,
        "title": attachment.title,
        "title_raw": attachment.title_raw,
        "included": attachment.included,
        "addressee": attachment.addressee.text if attachment.addressee else None,
        "signature": attachment.signature,
        "date": _iso(attachment.date),
        "date_raw": attachment.date_raw.text if attachment.date_raw else None,
        "body": _body_record(addr, attachment.body) if attachment.included else None,
        "source": _source(attachment.span),
    }


def _correction_record(correction: Correction) -> dict[str, Any]:
    return {"field": correction.field, "value": correction.value, "was": correction.was, "note": correction.note,
            "file": correction.origin.file, "line": correction.origin.start}


def _citation_record(archive: Archive, citation: Citation) -> dict[str, Any]:
    target = archive.cited.get(citation)
    url = archive.addresses.url(archive.addresses.item(target)) if target else None
    return {"raw": citation.raw, "title": citation.title, "doc_number": citation.doc_number, "url": url, "line": citation.span.start}


def _body_record(addr: Addresses, body: DocumentBody) -> dict[str, Any]:
    return {"preamble": [b.text for b in body.preamble], "clauses": [_clause_record(addr, c) for c in body.clauses]}


def _clause_record(addr: Addresses, clause: Clause) -> dict[str, Any]:
    return {
        "id": addr.clause_id(clause),
        "marker": clause.marker,
        "number": clause.number,
        "level": clause.level,
        "title": clause.title,
        "text": [b.text for b in clause.blocks],
        "departments": [d for b in clause.blocks for d in b.departments],
        "line": clause.span.start,
        "children": [_clause_record(addr, c) for c in clause.children],
    }


def news_record(archive: Archive, issue: Issue, item: NewsItem) -> dict[str, Any]:
    src, addr = item.source, archive.addresses
    return {
        "id": addr.item_id(item),
        "url": addr.url(addr.item(item)),
        "issue": _issue_ref(addr, issue),
        "title": item.title,
        "subtitle": item.subtitle.text if item.subtitle else None,
        "outlet": src.outlet if src else None,
        "outlets": list(src.outlets) if src else [],
        "authors": list(item.authors),
        "date": _iso(item.date),
        "date_raw": src.date_raw if src else None,
        "source_line": src.raw if src else None,
        "dateline": item.dateline.text if item.dateline else None,
        "blocks": [{"kind": b.kind.value, "text": b.text} for b in item.blocks],
        "related_policies": [addr.url(addr.item(ref)) for ref in archive.related_to(item)],
        "corrections": [_correction_record(c) for c in item.corrections],
        "source": _source(item.span),
    }
