"""Editor's correction files: ``<bulletin stem>.fix.yaml`` beside a bulletin, read and checked.

::

    items:
      - line: 120                    # any line of the item, or
        title: 关于印发…的通知         # its title (or the start of it, when only one item has it)
        kind: policy                 # news | policy
        issuers: [财政部, 科学技术部]
        doc_numbers: [财金〔2024〕5号]
        date: 2024-03-01             # 成文日期, or a news item's date
        effective: 2024-04-01
        valid_until: 2027-03-31
        doc_kind: 通知
        outlet: 经济日报
        authors: [张三]
        split_at: [130]              # a new item starts at line 130
        merge_next: true             # this item and the next one are one item
        note: 署名页缺失，发文机关据财政部网站补

Every problem is an :class:`~builder.errors.InputError` naming the fix file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from . import rules

FIELDS = ("kind", "issuers", "doc_numbers", "date", "effective", "valid_until", "doc_kind", "outlet", "authors")
"""What a correction can set, in the order it is applied."""
_LISTS = ("issuers", "doc_numbers", "authors")
_DATES = ("date", "effective", "valid_until")
_KEYS = set(FIELDS) | {"line", "title", "split_at", "merge_next", "note"}


@dataclass(frozen=True)
class Setting:
    """One field a correction sets, with the line it is written on."""

    name: str
    value: Any
    line: int


@dataclass(frozen=True)
class FixEntry:
    """One entry of a fix file: which item, and what to change."""

    file: str
    """The fix file as shown in messages."""
    line: int
    """Line of the entry."""
    match_line: int | None
    match_title: str | None
    settings: tuple[Setting, ...] = ()
    split_at: tuple[int, ...] = ()
    merge_next: bool = False
    note: str | None = None

    def where(self) -> str:
        return f"line {self.match_line}" if self.match_line is not None else f"title “{self.match_title}”"


def fix_file_for(bulletin: Path) -> Path:
    """``seeds/bulletin-269-1.txt`` → ``seeds/bulletin-269-1.fix.yaml``."""
    return bulletin.with_name(f"{bulletin.stem}.fix.yaml")


def load_fix_file(path: Path, shown: str) -> list[FixEntry]:
    """Read and check a fix file; an empty or absent file has no entries."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(shown, (mark.line + 1) if mark else 1, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return []
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or set(data) != {"items"}:
        raise InputError(shown, 1, "a fix file holds one top-level list named items")
    nodes = _item_nodes(root)
    return [_entry(raw, node, shown) for raw, node in zip(items, nodes)]


def _item_nodes(root: yaml.Node | None) -> list[yaml.Node]:
    assert isinstance(root, yaml.MappingNode)
    value = next(v for k, v in root.value if k.value == "items")
    assert isinstance(value, yaml.SequenceNode)
    return value.value


def _entry(raw: object, node: yaml.Node, shown: str) -> FixEntry:
    line = node.start_mark.line + 1
    if not isinstance(raw, dict) or not isinstance(node, yaml.MappingNode):
        raise InputError(shown, line, "each item of items is a mapping (line: or title:, then what to change)")
    key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    unknown = sorted(set(map(str, raw)) - _KEYS)
    if unknown:
        raise InputError(shown, key_lines.get(unknown[0], line), f"unknown key “{unknown[0]}”; known keys: {', '.join(sorted(_KEYS))}")
    if ("line" in raw) == ("title" in raw):
        raise InputError(shown, line, "say which item to correct with either line: (any line of it) or title:")
    settings = tuple(_setting(name, raw[name], key_lines[name], shown) for name in FIELDS if name in raw)
    return FixEntry(
        file=shown, line=line,
        match_line=_positive(raw["line"], key_lines.get("line", line), shown, "line") if "line" in raw else None,
        match_title=_text(raw["title"], key_lines.get("title", line), shown, "title") if "title" in raw else None,
        settings=settings, split_at=_split_lines(raw, key_lines, shown), merge_next=_flag(raw, key_lines, shown),
        note=_text(raw["note"], key_lines["note"], shown, "note") if "note" in raw else None,
    )


def _setting(name: str, value: object, line: int, shown: str) -> Setting:
    if name == "kind":
        if value not in ("news", "policy"):
            raise InputError(shown, line, "kind is news or policy")
        return Setting(name, value, line)
    if name in _LISTS:
        values = value if isinstance(value, list) else [value]
        texts = tuple(_text(v, line, shown, name) for v in values)
        if name == "doc_numbers":
            for text in texts:
                if rules.match_doc_number(text) is None:
                    raise InputError(shown, line, f"“{text}” is not a 发文字号 (like 国办发〔2023〕37号)")
        return Setting(name, texts, line)
    if name in _DATES:
        return Setting(name, _date(value, line, shown, name), line)
    return Setting(name, _text(value, line, shown, name), line)


def _text(value: object, line: int, shown: str, name: str) -> str:
    if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
        raise InputError(shown, line, f"{name} needs non-empty text")
    return str(value).strip()


def _date(value: object, line: int, shown: str, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    reading = rules.read_date(str(value)) if isinstance(value, str) else None
    if reading is None or reading.value is None:
        raise InputError(shown, line, f"{name} needs a date like 2024-03-01 or 2024年3月1日, not “{value}”")
    return reading.value


def _positive(value: object, line: int, shown: str, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InputError(shown, line, f"{name} needs a line number (1 or more)")
    return value


def _split_lines(raw: dict, key_lines: dict[str, int], shown: str) -> tuple[int, ...]:
    if "split_at" not in raw:
        return ()
    values = raw["split_at"] if isinstance(raw["split_at"], list) else [raw["split_at"]]
    return tuple(sorted(_positive(v, key_lines["split_at"], shown, "split_at") for v in values))


def _flag(raw: dict, key_lines: dict[str, int], shown: str) -> bool:
    value = raw.get("merge_next", False)
    if not isinstance(value, bool):
        raise InputError(shown, key_lines["merge_next"], "merge_next is true or false")
    return value
