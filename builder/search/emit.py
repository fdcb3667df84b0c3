"""Write the index as small script files under ``site/search/``.

Each file is a call such as ``__bs.i(7,{…})``: the client loads them with ``<script>`` elements,
so search works over HTTP and from ``file://`` alike, and needs no ``fetch`` or ``eval``.

    search/meta.js        filters and per-page facts for every page (loaded on the first search)
    search/i/<n>.js       posting lists, sharded by FNV-1a of the token
    search/p/<page>.js    a page's URL, title, facts and its sections' anchors and headings
    search/t/<page>-<k>.js the text of a run of sections, for excerpts
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .fields import KINDS, PageRecord
from .index import Index, encode_postings
from .tokens import fnv1a

SHARD_TARGET = 6000
"""Bytes a posting shard aims at; the shard count is the power of two that gets closest above."""
CHUNK_CHARS = 1200
"""Characters of section text per excerpt file (a longer section gets a file of its own)."""


@dataclass
class Emitted:
    """What was written: file count and bytes per kind of file."""

    files: int
    bytes: dict[str, int]
    shards: int


def _js(call: str, *args: object) -> bytes:
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for a in args)
    return f"__bs.{call}({body});\n".encode("utf-8")


def shard_count(sizes: list[int]) -> int:
    total, count = sum(sizes), 8
    while count * SHARD_TARGET < total and count < 8192:
        count *= 2
    return count


def meta_data(records: list[PageRecord], shards: int) -> dict:
    """Facts the client filters and sorts by, one short row per page."""
    kinds = list(KINDS)
    issues = sorted({(r.issue_order, r.issue) for r in records if r.issue}, reverse=True)
    issue_labels = [label for _order, label in issues]
    counts = Counter(r.issuer for r in records if r.issuer)
    issuers = sorted(counts, key=lambda name: (-counts[name], name))
    rows = [[kinds.index(r.kind), _pos(issue_labels, r.issue), _pos(issuers, r.issuer),
             int(r.date.replace("-", "") or 0), len(r.title)] for r in records]
    return {"v": 1, "n": len(records), "shards": shards, "kinds": [KINDS[k] for k in kinds],
            "kindKeys": kinds, "issues": issue_labels, "issuers": issuers, "pages": rows}


def _pos(values: list[str], value: str) -> int:
    return values.index(value) if value in values else -1


def page_files(number: int, record: PageRecord) -> dict[str, bytes]:
    """The page file and its excerpt files."""
    files, chunk, size, texts, rows = {}, 0, 0, [], []
    for section in record.sections:
        if texts and size + len(section.text) > CHUNK_CHARS:
            files[f"t/{number}-{chunk}.js"] = _js("t", f"{number}-{chunk}", texts)
            chunk, size, texts = chunk + 1, 0, []
        rows.append([section.anchor, section.heading, chunk])
        texts.append(section.text)
        size += len(section.text)
    if texts:
        files[f"t/{number}-{chunk}.js"] = _js("t", f"{number}-{chunk}", texts)
    doc = {"u": record.url, "t": record.title, "f": record.facts, "s": rows}
    files[f"p/{number}.js"] = _js("p", number, doc)
    return files


def index_files(index: Index) -> tuple[dict[str, bytes], int]:
    """Posting shards; returns the files and the shard count."""
    encoded = {token: encode_postings(pages) for token, pages in index.postings.items()}
    shards = shard_count([len(t.encode()) + len(v) + 6 for t, v in encoded.items()])
    buckets: dict[int, dict[str, str]] = {}
    for token in sorted(encoded):
        buckets.setdefault(fnv1a(token) % shards, {})[token] = encoded[token]
    files = {f"i/{n}.js": _js("i", n, buckets[n]) for n in sorted(buckets)}
    return files, shards


def write_files(folder: Path, files: dict[str, bytes]) -> Emitted:
    """Write every file (sorted, so the output is byte-identical for the same input)."""
    sizes: Counter[str] = Counter()
    for name in sorted(files):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        sizes[name.split("/")[0] if "/" in name else name] += len(files[name])
    return Emitted(len(files), dict(sizes), 0)
