"""Where a news item comes from: its 来源 line, and reporters named in its body.

A 来源 line is written in many ways: ``来源:经济日报 王胜强 2023-11-07``, ``来源：上海证券报 作者：张琼斯``,
``2023-08-18 16:41:09来源:21世纪经济报道``, ``发布时间: 2023-01-30 11:15:56 来源: 保山日报``,
``（来源：新华社）``; dates as ``2024-3-5``, ``2024/03/05``, ``2024.3.5`` or ``2024年3月5日``. The line is
read as labelled fields (来源, 作者, 记者, 发布时间 …); unlabelled text before the first label is a
date and time. Reporters in the body: ``本报讯（记者 丰舒潍）``, ``● 本报记者 彭扬``,
``【本報記者 前方 15日電】``, ``红星新闻记者 胡伊文 北京报道``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .rules import WHITESPACE, DateReading

_HAN = r"\u4e00-\u9fff"
_SOURCE_LABELS = ("来源于", "稿件来源", "文章来源", "信息来源", "新闻来源", "来源")
_LABELS = _SOURCE_LABELS + ("责任编辑", "发布时间", "发布日期", "作者", "记者", "编辑", "日期", "时间")
_LABEL = re.compile(rf"(?P<label>{'|'.join(_LABELS)})[{WHITESPACE}]*[:：]")
_OUTLET_ENDS = ("报", "社", "网", "台", "刊", "志", "新闻", "客户端", "微博", "微信", "官网", "频道", "号", "在线", "财经",
                "报道", "资讯", "之声", "观察")
_NAME = re.compile(rf"^[{_HAN}·]{{2,4}}$")
_NOT_NAMES = ("通讯员", "报道", "摄影", "实习生", "见习记者", "记者", "编辑", "本报", "特约", "综合", "整理", "供图")
_MAX_SOURCE_LINE = 100
_TIME = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")


@dataclass
class SourceLine:
    """What a 来源 line says."""

    outlets: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date_raw: str | None = None
    date: DateReading | None = None

    @property
    def outlet(self) -> str:
        return self.outlets[0] if self.outlets else ""


_OUTLET_AND_DATE = re.compile(rf"^(?P<outlet>[^{WHITESPACE}·•|｜]{{2,24}})[{WHITESPACE}]*[·•|｜][{WHITESPACE}]*(?P<rest>\d{{4}}.{{4,20}})$")


def match_source_line(line: str) -> SourceLine | None:
    """A 来源 line (any of the forms above) → outlets, authors and date; None for other lines."""
    if "来源" not in line and not any(mark in line for mark in "·•|｜"):  # every form holds one (a quick test first)
        return None
    return _source_line(line)


def _source_line(line: str) -> SourceLine | None:
    text = _unwrap(line.strip(WHITESPACE))
    if (m := _OUTLET_AND_DATE.match(text)) and _is_date_and_time(m["rest"]):
        found = SourceLine(outlets=[m["outlet"]])
        _take_date(found, m["rest"])
        return found
    fields = _fields(text)
    if fields is None:
        return None
    head, labelled = fields
    found = SourceLine()
    _take_date(found, head)
    for label, value in labelled:
        _take_field(found, label, value)
    return found


def _unwrap(text: str) -> str:
    if text[:1] in "（(【[" and text[-1:] in "）)】]":
        return text[1:-1].strip(WHITESPACE)
    return text


def _fields(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(text before the first label, [(label, value)…]) when the line is a 来源 line."""
    if len(text) > _MAX_SOURCE_LINE:
        return None
    marks = list(_LABEL.finditer(text))
    if not any(m["label"] in _SOURCE_LABELS for m in marks):
        return None
    head = text[: marks[0].start()]
    if not _is_date_and_time(head):
        return None  # text before 来源: a sentence that mentions a source
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return head, [(m["label"], text[m.end() : end].strip(WHITESPACE)) for m, end in zip(marks, ends)]


def _is_date_and_time(head: str) -> bool:
    rest = _TIME.sub("", head)
    found = rules.find_date(rest)
    if found:
        rest = rest[: found[0]] + rest[found[1] :]
    return not rest.strip(WHITESPACE + "|｜/")


def _take_date(found: SourceLine, text: str) -> None:
    if found.date_raw is None and (hit := rules.find_date(text)):
        found.date_raw, found.date = hit[2].raw, hit[2]


def _take_field(found: SourceLine, label: str, value: str) -> None:
    value = _TIME.sub(" ", value)
    hit = rules.find_date(value)
    if hit:
        _take_date(found, value)
        value = value[: hit[0]] + " " + value[hit[1] :]
    if label in _SOURCE_LABELS:
        _take_outlets(found, value)
    elif label in ("作者", "记者"):
        found.authors += [w for w in _name_words(value) if w not in found.authors]


def _take_outlets(found: SourceLine, value: str) -> None:
    """The first word is an outlet; later words are outlets when they read as one, else authors."""
    for k, word in enumerate(w for w in re.split(f"[{WHITESPACE}、，,/／|｜]+", value) if w):
        if k == 0 or looks_like_outlet(word):
            found.outlets.append(word)
        elif is_name(word) and word not in found.authors:
            found.authors.append(word)


def _name_words(value: str) -> list[str]:
    return [w for w in re.split(f"[{WHITESPACE}、，,；;/]+", value) if is_name(w)]


def looks_like_outlet(word: str) -> bool:
    """新华社, 人民日报, 中国证券网, 央视新闻客户端; a Latin name (AASTOCKS)."""
    return word.endswith(_OUTLET_ENDS) or bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9 .&-]+", word))


def is_name(word: str) -> bool:
    """A person's name as bylines write it: 2 to 4 Han characters (· for transliterated names)."""
    return bool(_NAME.match(word)) and not word.endswith(_NOT_NAMES) and not looks_like_outlet(word)


# --- reporters named in the body -----------------------------------------------------------------

_REPORTER = "(?:记者|記者)"
_BRACKETED = re.compile(rf"[(（【\[]\s*(?:本报|本報)?{_REPORTER}\s*(?P<names>[^()（）【】\[\]]{{2,30}}?)\s*[)）】\]]")
_ALONE = re.compile(rf"^[●◎■▲★☆·•\s]*(?:本报|本報|新华社|特约)?{_REPORTER}\s*(?P<names>[^，,。：:]{{2,24}})$")
_REPORTED = re.compile(rf"^\S{{2,16}}?{_REPORTER}\s*(?P<names>.{{2,20}}?)(?:报道|報道)$")


def read_reporters(line: str) -> list[str]:
    """Reporters a body line names: ``本报讯(记者丰舒潍)``, ``◎记者张琼斯``, ``红星新闻记者 胡伊文 北京报道``."""
    text = line.strip(WHITESPACE)
    if m := _BRACKETED.search(text):
        return _names(rules.words(m["names"]))
    if m := _ALONE.match(text):
        return _names(rules.words(m["names"]))
    if m := _REPORTED.match(text):
        return _names(_without_place(rules.words(m["names"])))
    return []


def _without_place(words: list[str]) -> list[str]:
    """``胡伊文 北京`` → 胡伊文; ``周炎炎上海`` (place glued to the name) → 周炎炎."""
    if len(words) > 1:
        return words[:-1]
    word = words[0] if words else ""
    return [word[:-2]] if len(word) in (4, 5) else [word]


def _names(words: list[str]) -> list[str]:
    return [w for w in (re.sub(r"\d+日(?:电|電)$", "", w) for w in words) if is_name(w)]
