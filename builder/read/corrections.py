"""Editor's corrections, applied after parsing: a corrected, still frozen ``Issue`` and diagnostics.

A bulletin ``seeds/<stem>.txt`` may have ``seeds/<stem>.fix.yaml`` beside it (format:
:mod:`.fixfile`). Each entry names an item by a line or by its title and can set its kind, its
发文机关, 文号, dates, outlet and authors, split it at lines or merge it with the next item. Items
whose lines change are parsed again from the source; every change is recorded on the item
(``corrections``, shown on its page) and reported as an ``info`` diagnostic with both places.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..model import (
    Correction,
    Diagnostic,
    DocNumber,
    Issue,
    Item,
    NewsItem,
    NewsSource,
    Policy,
    Severity,
    SourceSpan,
)
from . import rules
from .context import Context, Line, source_lines
from .decode import SourceText
from .fixfile import FixEntry, Setting, fix_file_for, load_fix_file
from .parse import parse_item
from .segment import Kind, classify

log = logging.getLogger(__name__)


@dataclass
class _Work:
    """One bulletin being corrected: its lines, its items per section, the new diagnostics."""

    issue: Issue
    lines: list[Line]
    items: list[list[Item]]
    ctx: Context
    reparsed: list[tuple[int, int]]
    """Line ranges parsed again (their first diagnostics are replaced)."""


def correct_issues(bulletins: list[Path], display, sources: list[SourceText], issues: list[Issue],
                   diagnostics: list[Diagnostic]) -> list[Issue]:
    """Apply each bulletin's fix file (``display`` shows a path as diagnostics do); ``diagnostics``
    is updated in place. A malformed fix file is an :class:`InputError`."""
    fixes = {display(path): fix_file_for(path) for path in bulletins}
    out = []
    for source, issue in zip(sources, issues):
        fix = fixes.get(source.path)
        entries = load_fix_file(fix, display(fix)) if fix is not None else []
        out.append(correct_issue(issue, source, entries, diagnostics) if entries else issue)
    return out


def correct_issue(issue: Issue, source: SourceText, entries: list[FixEntry], diagnostics: list[Diagnostic]) -> Issue:
    """The issue with ``entries`` applied, in order."""
    work = _Work(issue, source_lines(source.lines), [list(s.items) for s in issue.sections], Context(issue.source), [])
    for entry in entries:
        _apply(work, entry)
    diagnostics[:] = [d for d in diagnostics if not _stale(d, work)] + work.ctx.diagnostics
    sections = tuple(replace(s, items=tuple(items)) for s, items in zip(issue.sections, work.items))
    return replace(issue, sections=sections)


def _stale(diagnostic: Diagnostic, work: _Work) -> bool:
    return diagnostic.file == work.issue.source and any(a <= diagnostic.line <= b for a, b in work.reparsed)


# --- finding the item ------------------------------------------------------------------------------


def _locate(work: _Work, entry: FixEntry) -> tuple[int, int]:
    """(section, item) indexes of the item the entry names."""
    found = [(s, k) for s, items in enumerate(work.items) for k, item in enumerate(items) if _names(entry, item)]
    if not found:
        raise InputError(entry.file, entry.line, f"no item of {work.issue.source} has {entry.where()}")
    if len(found) > 1:
        raise InputError(entry.file, entry.line, f"{len(found)} items of {work.issue.source} have {entry.where()}; give a line")
    return found[0]


def _names(entry: FixEntry, item: Item) -> bool:
    if entry.match_line is not None:
        return item.span.start <= entry.match_line <= item.span.end
    title = entry.match_title or ""
    return item.title == title or (len(title) >= 4 and item.title.startswith(title))


# --- applying one entry ----------------------------------------------------------------------------


def _apply(work: _Work, entry: FixEntry) -> None:
    s, k = _locate(work, entry)
    item = work.items[s][k]
    if entry.merge_next:
        item = _merge(work, entry, s, k)
    if entry.split_at:
        _split(work, entry, s, k)
        item = work.items[s][k]
    kind, was = next((x.value for x in entry.settings if x.name == "kind"), None), _kind_of(item)
    if kind and kind != was:
        item = _carry(item, _reparse(work, item.span.start, item.span.end, Kind(kind)))
        item = _record(work, item, entry, Setting("kind", kind, _line_of(entry, "kind")), was)
    for setting in entry.settings:
        if setting.name != "kind":
            item = _set(work, item, entry, setting)
    work.items[s][k] = item


def _merge(work: _Work, entry: FixEntry, s: int, k: int) -> Item:
    items = work.items[s]
    if k + 1 >= len(items):
        raise InputError(entry.file, entry.line, f"merge_next: the item at {entry.where()} is the last of its section")
    first, second = items[k], items[k + 1]
    merged = _carry(first, _reparse(work, first.span.start, second.span.end, Kind(_kind_of(first))), second)
    del items[k + 1]
    items[k] = _record(work, merged, entry, Setting("merge", f"{first.title} + {second.title}", entry.line), None)
    return items[k]


def _split(work: _Work, entry: FixEntry, s: int, k: int) -> None:
    item = work.items[s][k]
    cuts = [item.span.start] + list(entry.split_at) + [item.span.end + 1]
    if any(not item.span.start < line <= item.span.end for line in entry.split_at):
        raise InputError(entry.file, entry.line, f"split_at: a line between {item.span.start + 1} and {item.span.end} "
                                                 f"(the lines of “{item.title[:30]}”)")
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        part_lines = work.lines[a - 1 : b - 1]
        kind = Kind(_kind_of(item)) if a == item.span.start else classify(part_lines, work.ctx)
        parts.append(_reparse(work, a, b - 1, kind))
    parts[0] = _record(work, _carry(item, parts[0]), entry, Setting("split", "、".join(str(x) for x in entry.split_at), entry.line), None)
    work.items[s][k : k + 1] = parts


def _reparse(work: _Work, start: int, end: int, kind: Kind) -> Item:
    work.reparsed.append((start, end))
    return parse_item(work.lines[start - 1 : end], kind, work.ctx)


def _carry(old: Item, new: Item, *more: Item) -> Item:
    """A re-parsed item keeps the corrections made to the items it replaces."""
    return replace(new, corrections=old.corrections + tuple(c for m in more for c in m.corrections))


def _kind_of(item: Item) -> str:
    return "news" if isinstance(item, NewsItem) else "policy"


def _line_of(entry: FixEntry, name: str) -> int:
    return next((x.line for x in entry.settings if x.name == name), entry.line)


# --- setting fields ---------------------------------------------------------------------------------


def _set(work: _Work, item: Item, entry: FixEntry, setting: Setting) -> Item:
    name, value = setting.name, setting.value
    if isinstance(item, Policy):
        changed, was = _set_policy(item, name, value, entry, setting)
    else:
        changed, was = _set_news(item, name, value, entry, setting)
    return _record(work, changed, entry, setting, was)


def _set_policy(item: Policy, name: str, value, entry: FixEntry, setting: Setting) -> tuple[Policy, str | None]:
    if name == "issuers":
        return replace(item, issuers=tuple(value)), item.issuer_names
    if name == "doc_numbers":
        was = "、".join(n.shown for n in item.doc_numbers) or None
        return replace(item, doc_numbers=tuple(_doc_number(v) for v in value)), was
    if name == "date":
        return replace(item, date=value), item.date.isoformat() if item.date else None
    if name == "doc_kind":
        return replace(item, kind=value), item.kind
    if name in ("effective", "valid_until"):
        return _set_validity(item, name, value)
    raise InputError(entry.file, setting.line, f"{name} cannot be set on a policy (“{item.title[:30]}”)")


def _set_validity(item: Policy, name: str, value) -> tuple[Policy, str | None]:
    v = item.validity
    if name == "effective":
        was = v.effective.isoformat() if v.effective else None
        return replace(item, validity=replace(v, effective=value, effective_text=v.effective_text or "编者更正")), was
    was = v.valid_until.isoformat() if v.valid_until else None
    return replace(item, validity=replace(v, valid_until=value, valid_until_text=v.valid_until_text or "编者更正")), was


def _doc_number(text: str) -> DocNumber:
    reading = rules.match_doc_number(text)
    assert reading is not None  # checked when the fix file was read
    return DocNumber(text, reading.normalized, reading.agency, reading.year, reading.serial)


def _set_news(item: NewsItem, name: str, value, entry: FixEntry, setting: Setting) -> tuple[NewsItem, str | None]:
    if name == "date":
        return replace(item, corrected_date=value), item.date.isoformat() if item.date else None
    if name == "authors":
        return replace(item, authors=tuple(value)), "、".join(item.authors) or None
    if name == "outlet":
        source = item.source or NewsSource("", item.title_span, (), (), None, None)
        return replace(item, source=replace(source, outlets=(value,))), source.outlet or None
    raise InputError(entry.file, setting.line, f"{name} cannot be set on a news item (“{item.title[:30]}”)")


def _record(work: _Work, item: Item, entry: FixEntry, setting: Setting, was: str | None) -> Item:
    value = _shown(setting.value)
    correction = Correction(setting.name, value, was, SourceSpan(entry.file, setting.line, setting.line), entry.note)
    work.ctx.report(item.span.start, Severity.INFO, "corrected",
                    f"editor's correction ({entry.file}:{setting.line}): {setting.name} = {value}" + (f" (was {was})" if was else ""))
    return replace(item, corrections=item.corrections + (correction,))


def _shown(value) -> str:
    if isinstance(value, tuple):
        return "、".join(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
