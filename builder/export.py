"""Data export: the archive as JSON for other tools (``data/policies.json``, ``data/news.json``).

The schemas live beside this module (``schemas/*.schema.json``) and are published with the data.
Plain dicts exist only here, at the edge, where the model turns into JSON.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .model import Archive, Block, Clause, DocumentBody, Issue, NewsItem, Policy, SourceSpan
from .slugs import html_path, item_path

SCHEMA_VERSION = 1
SCHEMAS = ("policies.schema.json", "news.schema.json")


def export_files(archive: Archive) -> dict[str, bytes]:
    """``data/…`` files to publish: the two data sets and their schemas."""
    policies = [policy_record(issue, p) for issue in archive.issues for p in issue.policies()]
    news = [news_record(issue, n) for issue in archive.issues for n in issue.news()]
    files = {
        "data/policies.json": _dump({"schema": "policies.schema.json", "version": SCHEMA_VERSION, "policies": policies}),
        "data/news.json": _dump({"schema": "news.schema.json", "version": SCHEMA_VERSION, "news": news}),
    }
    for name in SCHEMAS:
        files[f"data/{name}"] = resources.files("builder").joinpath("schemas", name).read_bytes()
    return files


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _issue_ref(issue: Issue) -> dict[str, Any]:
    return {"number": issue.number, "part": issue.part, "title": issue.title, "slug": issue.slug}


def _source(span: SourceSpan) -> dict[str, Any]:
    return {"file": span.file, "first_line": span.start, "last_line": span.end}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def policy_record(issue: Issue, policy: Policy) -> dict[str, Any]:
    number, validity = policy.doc_number, policy.validity
    return {
        "id": f"{issue.slug}/{policy.slug}",
        "url": html_path(item_path(issue, policy)),
        "issue": _issue_ref(issue),
        "title": policy.title,
        "kind": policy.kind,
        "issuer": policy.issuer,
        "signature": policy.signature,
        "doc_number": number.normalized if number else None,
        "doc_number_raw": number.raw if number else None,
        "date": _iso(policy.date),
        "date_raw": policy.date_raw.text if policy.date_raw else None,
        "addressee": policy.addressee.text if policy.addressee else None,
        "notes": [n.text for n in policy.notes],
        "attachment_title": policy.attachment.title if policy.attachment else None,
        "validity": {
            "effective": _iso(validity.effective),
            "effective_text": validity.effective_text,
            "valid_until": _iso(validity.valid_until),
            "valid_until_text": validity.valid_until_text,
        },
        "notice": _body_record(policy.body),
        "document": _body_record(policy.attachment.body) if policy.attachment else None,
        "departments": _departments(policy),
        "citations": [
            {"raw": c.raw, "title": c.title, "doc_number": c.doc_number,
             "url": html_path(c.target) if c.target else None, "line": c.span.start}
            for c in policy.citations
        ],
        "short_names": [{"short": n.short, "full": n.full, "local": n.local, "line": n.span.start} for n in policy.short_names],
        "source": _source(policy.span),
    }


def _body_record(body: DocumentBody) -> dict[str, Any]:
    return {"preamble": [_text(b) for b in body.preamble], "clauses": [_clause_record(c) for c in body.clauses]}


def _clause_record(clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.anchor,
        "marker": clause.marker,
        "number": clause.number,
        "level": clause.level,
        "title": clause.title,
        "text": [_text(b) for b in clause.blocks],
        "departments": [d for b in clause.blocks for d in b.departments],
        "line": clause.span.start,
        "children": [_clause_record(c) for c in clause.children],
    }


def _text(block: Block) -> str:
    return block.text


def _departments(policy: Policy) -> list[dict[str, Any]]:
    """Department → ids of the clauses that name it, in order of first mention."""
    table: dict[str, list[str]] = {}
    for body in [policy.body] + ([policy.attachment.body] if policy.attachment else []):
        for clause in body.iter_clauses():
            for block in clause.blocks:
                for name in block.departments:
                    ids = table.setdefault(name, [])
                    if clause.anchor not in ids:
                        ids.append(clause.anchor)
    return [{"name": name, "clauses": ids} for name, ids in table.items()]


def news_record(issue: Issue, item: NewsItem) -> dict[str, Any]:
    src = item.source
    return {
        "id": f"{issue.slug}/{item.slug}",
        "url": html_path(item_path(issue, item)),
        "issue": _issue_ref(issue),
        "title": item.title,
        "subtitle": item.subtitle.text if item.subtitle else None,
        "outlet": src.outlet if src else None,
        "authors": src.authors if src else [],
        "date": _iso(item.date),
        "date_raw": src.date_raw if src else None,
        "source_line": src.raw if src else None,
        "blocks": [{"kind": b.kind.value, "text": b.text} for b in item.blocks],
        "related_policies": [html_path(ref.path) for ref in item.related_policies],
        "source": _source(item.span),
    }
