"""Curated glossary entries: ``seeds/glossary.yaml``, checked where it enters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import InputError
from ..model import Diagnostic, Severity
from .matcher import MIN_FORM

_KEYS = {"term", "aliases", "category", "definition"}
_OPTIONAL = {"not_within"}
"""``not_within``: longer words in which a form is not the term (险资 is not 保险资金 inside 风险资本)."""


@dataclass(frozen=True)
class CuratedEntry:
    """One entry of ``seeds/glossary.yaml``."""

    term: str
    aliases: tuple[str, ...]
    category: str
    definition: str
    line: int
    """Line of the entry in the YAML file."""
    not_within: tuple[str, ...] = ()
    """Words in which a form of the term, though its characters are there, is not the term."""


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader, in C where PyYAML was built with libyaml (the glossary is read on every build)."""


def load_curated(path: Path, shown: str) -> list[CuratedEntry]:
    """Read and check the curated glossary; a malformed entry is an InputError with its line."""
    if not path.is_file():
        return []
    text = _decode(path.read_bytes(), shown)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(shown, (mark.line + 1) if mark else 1, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    data = yaml.load(text, Loader=_LOADER) or {}
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(shown, 1, "the glossary needs a top-level list named terms")
    lines = _entry_lines(root)
    out = [_entry(raw, shown, lines[k] if k < len(lines) else 1) for k, raw in enumerate(entries)]
    _check_unique(out, shown)
    return out


def _decode(data: bytes, shown: str) -> str:
    """The glossary is UTF-8 (a BOM is allowed); anything else is an error at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(shown, line, f"the glossary must be UTF-8: invalid byte 0x{data[exc.start]:02x}") from None


def _entry_lines(root: yaml.Node | None) -> list[int]:
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "terms" and isinstance(value, yaml.SequenceNode):
            return [node.start_mark.line + 1 for node in value.value]
    return []


def _entry(raw: object, shown: str, line: int) -> CuratedEntry:
    if not isinstance(raw, dict) or not _KEYS <= set(raw) <= _KEYS | _OPTIONAL:
        raise InputError(shown, line, f"a glossary entry needs exactly the keys {', '.join(sorted(_KEYS))} "
                         f"(and may have {', '.join(sorted(_OPTIONAL))})")
    aliases, not_within = raw["aliases"] or [], raw.get("not_within") or []
    for key, value in (("aliases", aliases), ("not_within", not_within)):
        if not isinstance(value, list):
            raise InputError(shown, line, f"{key} must be a list, e.g. {key}: [北交所] (or [] for none)")
    if not all(isinstance(v, str) and v.strip() for v in [raw["term"], raw["category"], raw["definition"], *aliases, *not_within]):
        raise InputError(shown, line, "term, category, definition, aliases and not_within must be non-empty text")
    return CuratedEntry(raw["term"].strip(), tuple(a.strip() for a in aliases), raw["category"].strip(),
                        raw["definition"].strip(), line, tuple(w.strip() for w in not_within))


def short_forms(entries: list[CuratedEntry], shown: str) -> list[Diagnostic]:
    """A warning for each form too short to be linked in running text (one character matches everywhere)."""
    return [Diagnostic(shown, e.line, Severity.WARNING, "term-too-short",
                       f"“{form}” has fewer than {MIN_FORM} characters: it is listed in the glossary but never linked in text")
            for e in entries for form in (e.term, *e.aliases) if len(form) < MIN_FORM]


def _check_unique(entries: list[CuratedEntry], shown: str) -> None:
    seen: dict[str, CuratedEntry] = {}
    for entry in entries:
        for form in (entry.term, *entry.aliases):
            if form in seen and seen[form] is not entry:
                raise InputError(shown, entry.line, f"“{form}” is already used by the entry at line {seen[form].line}")
            seen[form] = entry
