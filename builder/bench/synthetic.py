"""A synthetic archive for the benchmark: N issues made from the seed bulletins, each one different.

Issue ``k`` gets its own number and part, dates shifted by two weeks per issue, its own 发文字号
(serials and years shifted), news headlines with a place name, and its items in another order, so
that pages, addresses, search keys and related items differ from issue to issue as in a real archive.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from ..read import decode_bytes, parse_issue

PLACES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "天津", "重庆", "苏州", "合肥", "青岛", "厦门")
_ISO = re.compile(r"(?<!\d)(\d{4,5})-(\d{2})-(\d{2})(?!\d)")
_CN = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_DOC = re.compile(r"〔(\d{4})(〕?)(\d{1,4})(号?)")


def write_archive(seed: Path, glossary: Path | None, target: Path, issues: int) -> list[Path]:
    """``issues`` bulletins made from ``seed`` (plus the glossary) in ``target``; returns their paths."""
    target.mkdir(parents=True, exist_ok=True)
    if glossary is not None and glossary.exists():
        (target / glossary.name).write_bytes(glossary.read_bytes())
    text = decode_bytes(seed.read_bytes(), seed.name).text
    issue, _ = parse_issue(decode_bytes(seed.read_bytes(), seed.name))
    spans = [(s.span.start, [(i.span.start, i.span.end) for i in s.items]) for s in issue.sections]
    out = []
    for k in range(issues):
        path = target / f"bulletin-{1000 + k // 2}-{k % 2 + 1}.txt"
        path.write_text(variant(text, spans, k), encoding="utf-8")
        out.append(path)
    return out


def variant(text: str, spans: list[tuple[int, list[tuple[int, int]]]], k: int) -> str:
    """Issue ``k`` of the archive: renumbered, redated, retitled, items reordered."""
    lines = text.split("\n")
    for _, items in spans:
        for start, _ in items:
            if not _is_policy_title(lines, start):
                lines[start - 1] = f"{PLACES[k % len(PLACES)]}观察：{lines[start - 1]}"
    lines = _reorder(lines, spans, random.Random(k))
    body = "\n".join(lines)
    body = re.sub(r"第\d+期\s*[(（][上中下][)）]", f"第{1000 + k // 2}期({'上下'[k % 2]})", body, count=1)
    shift = dt.timedelta(days=14 * k)
    body = _ISO.sub(lambda m: _shift_iso(m, shift), body)
    body = _CN.sub(lambda m: _shift_cn(m, shift), body)
    return _DOC.sub(lambda m: f"〔{int(m[1]) + k // 26}{m[2]}{int(m[3]) + k}{m[4]}", body)


def _is_policy_title(lines: list[str], start: int) -> bool:
    following = [line.strip() for line in lines[start : start + 4] if line.strip()]
    return bool(following) and bool(_DOC.search(following[0]))


def _reorder(lines: list[str], spans: list[tuple[int, list[tuple[int, int]]]], rnd: random.Random) -> list[str]:
    """Items of each section in another order (their own lines move together)."""
    out = list(lines)
    for _, items in spans:
        if len(items) < 2:
            continue
        blocks = [lines[a - 1 : b] for a, b in items]
        rnd.shuffle(blocks)
        first, last = items[0][0], items[-1][1]
        gap = [""]
        merged = [line for block in blocks for line in block + gap][:-1]
        out[first - 1 : last] = merged + [""] * ((last - first + 1) - len(merged))
    return out


def _shift_iso(m: re.Match[str], shift: dt.timedelta) -> str:
    try:
        day = dt.date(int(m[1][:4]), int(m[2]), int(m[3])) + shift
    except ValueError:
        return m[0]
    year = f"{day.year}{str(day.year)[-1]}" if len(m[1]) == 5 else str(day.year)  # a doubled digit stays doubled
    return f"{year}-{day.month:02d}-{day.day:02d}"


def _shift_cn(m: re.Match[str], shift: dt.timedelta) -> str:
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3])) + shift
    except ValueError:
        return m[0]
    return f"{day.year}年{day.month}月{day.day}日"
