"""Write the index as small script files under ``site/search/``.

Each file is a call such as ``__bs.i(7,{…})``: the client loads them with ``<script>`` elements,
so search works over HTTP and from ``file://`` alike, and needs no ``fetch`` or ``eval``.

    search/meta.js        filters and per-page facts for every page (loaded on the first search)
    search/i/<n>.js       posting lists, sharded by FNV-1a of the token
    search/p/<page>.js    a page's URL, title, facts and its sections' anchors and headings
    search/t/<page>-<k>.js the text of a run of sections, for excerpts
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Stamp, racy, stamp_of
from .fields import KINDS, PageRecord

SHARD_TARGET = 6000
"""Bytes a posting shard aims at; the shard count is the power of two that gets closest above."""
CHUNK_CHARS = 1200
"""Characters of section text per excerpt file (a longer section gets a file of its own)."""


@dataclass
class Emitted:
    """The index: file count and bytes per kind of file; how many files changed."""

    files: int
    bytes: dict[str, int]
    shards: int
    written: int = 0
    """Files whose bytes changed (or that were new)."""
    removed: int = 0
    """Files of a previous index that are no longer part of it."""
    stamps: dict[str, tuple[Stamp, bytes]] = field(default_factory=dict)
    """Each file's status and digest as written or found (for the next build)."""


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


@dataclass
class PageBodies:
    """A page's data files without its number: the page's JSON and its excerpt chunks' JSON (UTF-8)."""

    doc: bytes
    chunks: list[bytes]


def page_bodies(record: PageRecord) -> PageBodies:
    """The page file's data (URL, title, facts, sections) and the section texts in chunks."""
    chunks, size, texts, rows = [], 0, [], []
    for section in record.sections:
        if texts and size + len(section.text) > CHUNK_CHARS:
            chunks.append(_json(texts))
            size, texts = 0, []
        rows.append([section.anchor, section.heading, len(chunks)])
        texts.append(section.text)
        size += len(section.text)
    if texts:
        chunks.append(_json(texts))
    return PageBodies(_json({"u": record.url, "t": record.title, "f": record.facts, "s": rows}), chunks)


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def page_files(number: int, bodies: PageBodies) -> dict[str, bytes]:
    """The page file and its excerpt files, as the page numbered ``number``."""
    files = {f"t/{number}-{k}.js": b'__bs.t("%d-%d",%s);\n' % (number, k, chunk) for k, chunk in enumerate(bodies.chunks)}
    files[f"p/{number}.js"] = b"__bs.p(%d,%s);\n" % (number, bodies.doc)
    return files


def index_files(postings: dict[str, str], hashes: dict[str, int]) -> tuple[dict[str, bytes], int]:
    """Posting shards (a token goes to its FNV-1a hash modulo the shard count); returns the
    files and the shard count."""
    shards = shard_count([len(t.encode()) + len(v) + 6 for t, v in postings.items()])
    buckets: dict[int, dict[str, str]] = {}
    for token, encoded in postings.items():
        buckets.setdefault(hashes[token] % shards, {})[token] = encoded
    files = {f"i/{n}.js": _js("i", n, buckets[n]) for n in sorted(buckets)}
    return files, shards


def write_files(folder: Path, files: dict[str, bytes], known: dict[str, tuple[Stamp, bytes]] | None = None,
                known_at: int = 0) -> Emitted:
    """Make ``folder`` hold exactly ``files``: write those whose bytes differ, delete the others.

    A file with the status and bytes it had when the previous build wrote or checked it
    (``known``, taken at ``known_at``) is not read again; the others are compared byte by byte.
    A file that shares its data with another (a hard link, as a copy of the previous site may
    make) is replaced, not rewritten, so the other copy keeps what it had.
    """
    known = known or {}
    existing = _existing(folder)
    sizes: Counter[str] = Counter()
    stamps: dict[str, tuple[Stamp, bytes]] = {}
    written = 0
    for name in sorted(files):
        data = files[name]
        sizes[name.split("/")[0] if "/" in name else name] += len(data)
        path = folder / name
        digest = hashlib.blake2b(data, digest_size=16).digest()
        found = existing.get(name)
        if found is not None:
            now = stamp_of(found)
            if (known.get(name) == (now, digest) and not racy(now, known_at)) or (
                    found.st_size == len(data) and _read(path, len(data)) == data):
                stamps[name] = (now, digest)
                continue
            if found.st_nlink > 1:
                path.unlink()
        _write(path, data)
        stamps[name] = (stamp_of(os.stat(path)), digest)
        written += 1
    removed = sorted(set(existing) - set(files))
    for name in removed:
        (folder / name).unlink()
    return Emitted(len(files), dict(sizes), 0, written, len(removed), stamps)


def _existing(folder: Path) -> dict[str, os.stat_result]:
    """Files under ``folder`` (relative POSIX names) and their status."""
    found: dict[str, os.stat_result] = {}
    for root, _dirs, names in os.walk(folder):
        rel = os.path.relpath(root, folder).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        for name in names:
            found[prefix + name] = os.stat(os.path.join(root, name))
    return found


def _read(path: Path, size: int) -> bytes:
    """The bytes of a file expected to hold ``size`` (one more is asked for, to see a longer one)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, size + 1)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    """Write a file with as few system calls as it takes (there may be thousands)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
