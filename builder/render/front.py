"""Front matter as YAML, written as PyYAML writes it, about ten times faster.

PyYAML's representer is Python even with the C emitter, and every item page carries its issue's
item list: at 300 issues the front matter took two seconds of the build. This writer lays out the
block mappings and sequences itself (as PyYAML does: nested mappings indented by two, sequences
flush with their key) and asks PyYAML once per distinct scalar how to write it (plain, quoted,
escaped), so the bytes are PyYAML's. A string with a line break is written double-quoted with
escapes; a value of any other type than str, int, bool, None, list and dict sends the whole front
matter to PyYAML. ``tests/render/test_front.py`` checks both against PyYAML.
"""

from __future__ import annotations

import functools
import json
import re

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""PyYAML's safe dumper, in C (libyaml) when PyYAML was built with it."""
_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]")
"""Characters a YAML reader does not accept raw in a double-quoted scalar (or reads as a break)."""


class _Other(Exception):
    """A value this writer leaves to PyYAML."""


def front_matter(meta: dict[str, object]) -> str:
    """``meta`` as a YAML block mapping (ends with a newline; ``{}`` for an empty mapping)."""
    if not meta:
        return "{}\n"
    try:
        lines: list[str] = []
        _mapping(meta, 0, lines)
    except _Other:
        return yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)
    return "\n".join(lines) + "\n"


def _mapping(meta: dict, indent: int, lines: list[str]) -> None:
    for key, value in meta.items():
        head = " " * indent + _scalar(key) + ":"
        if isinstance(value, dict) and value:
            lines.append(head)
            _mapping(value, indent + 2, lines)
        elif isinstance(value, list) and value:
            lines.append(head)
            _sequence(value, indent, lines)
        else:
            lines.append(head + " " + _scalar(value))


def _sequence(items: list, indent: int, lines: list[str]) -> None:
    for item in items:
        if isinstance(item, (dict, list)) and item:
            nested: list[str] = []
            (_mapping if isinstance(item, dict) else _sequence)(item, indent + 2, nested)
            nested[0] = " " * indent + "- " + nested[0][indent + 2 :]
            lines += nested
        else:
            lines.append(" " * indent + "- " + _scalar(item))


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict) and not value:
        return "{}"
    if isinstance(value, list) and not value:
        return "[]"
    if isinstance(value, str):
        return _string(value)
    raise _Other


@functools.lru_cache(maxsize=1 << 16)
def _string(text: str) -> str:
    if _BREAKS.search(text):
        quoted = json.dumps(text, ensure_ascii=False)
        return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000 else f"\\U{ord(m.group()):08x}", quoted)
    written = yaml.dump(text, Dumper=_DUMPER, allow_unicode=True, width=1_000_000)
    return written.removesuffix("\n...\n").removesuffix("\n")
