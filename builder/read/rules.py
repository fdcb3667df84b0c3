"""Line rules of the bulletin grammar: small named recognisers with one shape.

Each ``match_*`` takes one stripped line and returns what it recognised or None. The parser
(``parse.py``) decides where each rule applies; the rules themselves know nothing of position.
Normalisation here is for matching only: callers keep the text as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Whitespace as it occurs in pasted web text: ASCII, NBSP, full-width space, zero-width chars.
WHITESPACE = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"
CN_DIGITS = "零〇一二三四五六七八九十百"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = str.maketrans("０１２３４５６７８９（）［］：．，", "0123456789()[]:.,")


def strip_line(line: str) -> str:
    """The line without indentation or trailing blanks (NBSP and 全角 spaces included)."""
    return line.strip(WHITESPACE)


def is_blank(line: str) -> bool:
    return not strip_line(line)


def fold(text: str) -> str:
    """Text normalised for matching: full-width digits and brackets to half-width."""
    return text.translate(_FULLWIDTH)


def title_key(text: str) -> str:
    """A title reduced for matching: Han characters, letters and digits only."""
    return re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", fold(text))


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 999 (十二 → 12, 二十 → 20); None if it is not one."""
    if not text or any(ch not in CN_DIGITS for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_VALUES[ch]
    return total + current


# --- issue header ---------------------------------------------------------------------------

_ISSUE_TITLE = re.compile(r"^(?P<name>\S*?简报)\s*[·・.•]?\s*第\s*(?P<number>\d+)\s*期\s*(?:[(（]\s*(?P<part>[上中下])\s*[)）])?$")


@dataclass(frozen=True)
class IssueTitle:
    number: int
    part: str | None


def match_issue_title(line: str) -> IssueTitle | None:
    """``简报·第268期(上)`` → number 268, part 上."""
    m = _ISSUE_TITLE.match(fold(line))
    if not m:
        return None
    return IssueTitle(number=int(m["number"]), part=m["part"])


def match_breadcrumb(line: str) -> bool:
    """``您当前所在位置:主页 > 实时动态 > 简报``."""
    return bool(re.match(r"^(您当前所在位置|当前位置|您的位置)\s*[:：]", line))


# --- sections --------------------------------------------------------------------------------

KNOWN_SECTIONS = ("资讯传递", "政策速递", "专家观点", "研究报告", "数据速览", "国际动态", "工作动态", "要闻速递")
_SECTION_LIKE = re.compile(r"^[\u4e00-\u9fff]{2,10}$")


def match_known_section(line: str) -> bool:
    return line in KNOWN_SECTIONS


def looks_like_section_title(line: str) -> bool:
    """A short line of Han characters only: a section title when it stands alone before an item."""
    return bool(_SECTION_LIKE.match(line))


# --- dates -----------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(?P<y>\d{4,5})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?")
_CN_DATE_LINE = re.compile(r"^(?P<y>\d{4,5})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$")


@dataclass(frozen=True)
class DateReading:
    """A date as written and what it was read as."""

    raw: str
    value: dt.date | None
    repaired: bool
    """True when the value needed a guess-free repair (a doubled digit in the year)."""


def read_date(raw: str) -> DateReading | None:
    """Read ``2023-11-09`` / ``2023年11月9日``; repair ``20233-11-09`` only when one repair fits."""
    m = _ISO_DATE.fullmatch(fold(raw).strip())
    if not m:
        m = _CN_DATE_LINE.match(fold(raw).strip())
    if not m:
        return None
    years = _year_candidates(m["y"])
    if len(years) != 1:
        return DateReading(raw, None, False)
    try:
        value = dt.date(years[0], int(m["m"]), int(m["d"]))
    except ValueError:
        return DateReading(raw, None, False)
    return DateReading(raw, value, len(m["y"]) != 4)


def _year_candidates(text: str) -> list[int]:
    """Plausible years in a year field; a 5-digit field may hold one doubled digit (20233)."""
    if len(text) == 4:
        year = int(text)
        return [year] if 1949 <= year <= 2100 else []
    found = {
        int(text[:i] + text[i + 1 :])
        for i in range(1, len(text))
        if text[i] == text[i - 1]
    }
    return sorted(y for y in found if 1949 <= y <= 2100)


def match_date_line(line: str) -> DateReading | None:
    """A line holding only a date, as 成文日期 is written: ``2023年10月25日``."""
    m = _CN_DATE_LINE.match(fold(line))
    return read_date(line) if m else None


# --- news ------------------------------------------------------------------------------------

_SOURCE = re.compile(r"^(?:来源|来源于|稿件来源|文章来源)\s*[:：]\s*(?P<rest>.*)$")
_TRAILING_DATE = re.compile(r"\s*(?P<date>\d{4,5}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)$")


@dataclass(frozen=True)
class SourceLine:
    outlet: str
    authors: list[str]
    date_raw: str | None


def match_source_line(line: str) -> SourceLine | None:
    """``来源:经济日报 王胜强 2023-11-07`` → outlet, authors, date as written."""
    m = _SOURCE.match(line)
    if not m:
        return None
    rest = m["rest"].strip(WHITESPACE)
    date_raw = None
    dm = _TRAILING_DATE.search(rest)
    if dm:
        date_raw = dm["date"]
        rest = rest[: dm.start()].strip(WHITESPACE)
    words = [w for w in re.split(f"[{WHITESPACE}]+", rest) if w]
    outlet = words[0] if words else ""
    return SourceLine(outlet=outlet, authors=words[1:], date_raw=date_raw)


def match_byline(line: str) -> bool:
    """``作者:黄卓(…);张晓冬(…)``."""
    return bool(re.match(r"^(作者|文|记者|撰文)\s*[:：]", line))


def match_subtitle(line: str) -> bool:
    """``——厦门建行加快实施…``."""
    return line.startswith(("——", "--", "—"))


_SENTENCE_END = "。！？!?；;，,、：:…"


def looks_like_subheading(line: str) -> bool:
    """A short standalone line without sentence punctuation (为什么要做好科技金融大文章)."""
    return 2 <= len(line) <= 30 and "。" not in line and line[-1] not in _SENTENCE_END


# --- official documents ---------------------------------------------------------------------

_OPEN = re.escape("〔[［(（【")
_CLOSE = re.escape("〕]］)）】")
_DOC_NUMBER = re.compile(
    rf"^(?P<agency>[\u4e00-\u9fff]{{1,12}}?)\s*[{_OPEN}]\s*(?P<year>\d{{4}})\s*(?P<close>[{_CLOSE}])?\s*"
    rf"(?P<serial>\d{{1,5}})\s*(?P<hao>号)?$"
)


@dataclass(frozen=True)
class DocNumberReading:
    agency: str
    year: int
    serial: int
    normalized: str
    repaired: bool
    """True when the written form differs from the normalised one."""


def match_doc_number(text: str) -> DocNumberReading | None:
    """``国办发〔2023〕37号``, also ``[2023]``, ``(2023)`` and a lost ``〕…号`` (``国办发〔202337``)."""
    m = _DOC_NUMBER.match(fold(text))
    if not m:
        return None
    normalized = f"{m['agency']}〔{m['year']}〕{int(m['serial'])}号"
    return DocNumberReading(m["agency"], int(m["year"]), int(m["serial"]), normalized, normalized != text)


def match_addressee(line: str) -> bool:
    """主送机关: a list of bodies ending with a colon, with no sentence in it."""
    return line.endswith((":", "：")) and "。" not in line and len(line) <= 300 and not line.startswith(("为", "根据", "按照"))


_NOTE = re.compile(r"^[(（](此件公开发布|此件不公开|此件依申请公开|本文有删减|有删减|略)[)）]$")


def match_note(line: str) -> bool:
    """附注 and editor's notes: ``(此件公开发布)``, ``（本文有删减）``."""
    return bool(_NOTE.match(line))


DOCUMENT_KINDS = ("通知", "意见", "决定", "办法", "方案", "措施", "规定", "细则", "规划", "纲要", "公告", "通告", "批复", "函", "指引", "指南", "条例", "计划")
_ORGAN_END = ("办公厅", "办公室", "人民政府", "政府", "国务院", "部", "委", "委员会", "局", "署", "院", "行", "会", "厅", "中心", "银行")


def looks_like_document_title(line: str) -> bool:
    """Title of a 公文: ends with its 文种, no sentence punctuation inside."""
    return 6 <= len(line) <= 120 and line.endswith(DOCUMENT_KINDS) and "。" not in line


def looks_like_signature(line: str) -> bool:
    """发文机关署名: a short name of one or more bodies."""
    words = [w for w in re.split(f"[{WHITESPACE}]+", line) if w]
    return 0 < len(line) <= 60 and all(w.endswith(_ORGAN_END) for w in words) and "。" not in line


_PRINTED = re.compile(r"印发\s*(?:《(?P<quoted>[^》]+)》|(?P<bare>.+?))\s*的(?:通知|函)$")


def printed_document(title: str) -> str | None:
    """Name of the document a notice 印发: 关于印发《X》的通知 → X."""
    m = _PRINTED.search(title)
    if not m:
        return None
    return m["quoted"] or m["bare"]


# --- clause numbering (GB/T 9704: 一、 → （一） → 1. → （1）; 办法/规定: 第一章 → 第一节 → 第一条) ----

CHAPTER, SECTION, ARTICLE = -2, -1, 0
"""Ranks of 第X章, 第X节, 第X条; 一、, （一）, 1., （1） rank 1 to 4 (a lower rank holds a higher one)."""

_CLAUSE_RULES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (CHAPTER, re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)章(?=[{WHITESPACE}]|$)")),
    (SECTION, re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)节(?=[{WHITESPACE}]|$)")),
    (ARTICLE, re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)条(?=[{WHITESPACE}]|$)")),
    (1, re.compile(rf"^(?P<num>[{CN_DIGITS}]+)[、．.]")),
    (2, re.compile(rf"^[(（](?P<num>[{CN_DIGITS}]+)[)）]")),
    (3, re.compile(r"^(?P<num>\d{1,3})[.．、](?!\d)")),
    (4, re.compile(r"^[(（](?P<num>\d{1,3})[)）]")),
)


@dataclass(frozen=True)
class ClauseMarker:
    level: int
    marker: str
    number: int
    rest: str


def match_clause_marker(line: str) -> ClauseMarker | None:
    """A line opening a numbered clause, with the marker split off."""
    for level, pattern in _CLAUSE_RULES:
        m = pattern.match(line)
        if not m:
            continue
        raw = m["num"]
        number = int(raw) if raw.isdigit() else cn_number(raw)
        if number is None or number == 0:
            continue
        rest = line[m.end() :].lstrip(WHITESPACE)
        if not rest:
            return None
        return ClauseMarker(level, line[: m.end()].rstrip(WHITESPACE), number, rest)
    return None


_HEADING_MAX = 40


def split_heading(rest: str) -> tuple[str | None, str]:
    """Split a clause's text into (heading, body).

    ``指导思想`` → heading only; ``加强…工作。加强地方…`` → first sentence + body; a single
    long sentence or a clause that is one sentence → no heading, all body.
    """
    if "。" not in rest:
        if len(rest) <= _HEADING_MAX and rest[-1] not in _SENTENCE_END:
            return rest, ""
        return None, rest
    first, _, after = rest.partition("。")
    if after.strip(WHITESPACE) and len(first) <= _HEADING_MAX:
        return first + "。", after.lstrip(WHITESPACE)
    return None, rest


_LOST_DASH = re.compile(r"[(（](?P<a>(?:19|20)\d{2})(?P<b>(?:19|20)\d{2})年[)）]")


def find_lost_year_dash(text: str) -> str | None:
    """``(20232025年)`` where the dash of a year range was lost → ``(2023—2025年)``."""
    m = _LOST_DASH.search(text)
    if not m or int(m["a"]) >= int(m["b"]):
        return None
    return text[: m.start("b")] + "—" + text[m.start("b") :]
