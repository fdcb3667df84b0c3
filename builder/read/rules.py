"""Line rules of the bulletin grammar: small named recognisers with one shape.

Each ``match_*`` takes one stripped line and returns what it recognised or None; each
``looks_like_*`` answers yes or no. The parser (``segment``, ``policy``, ``news``) decides where a
rule applies; the rules themselves know nothing of position. Normalisation here is for matching
only: callers keep the text as written. The 来源 line of news items has its own module
(:mod:`builder.read.sources`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

# Whitespace as it occurs in pasted web text: ASCII, NBSP, full-width space, zero-width chars.
WHITESPACE = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"
CN_DIGITS = "零〇一二三四五六七八九十百"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = tuple(zip("０１２３４５６７８９（）［］：．，", "0123456789()[]:.,"))
_SENTENCE_END = "。！？!?；;，,、：:…"
_HAN = r"\u4e00-\u9fff"


def strip_line(line: str) -> str:
    """The line without indentation or trailing blanks (NBSP and 全角 spaces included)."""
    return line.strip(WHITESPACE)


def is_blank(line: str) -> bool:
    return not strip_line(line)


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Text normalised for matching: full-width digits and brackets to half-width.

    One ``str.replace`` per character the text holds: on Chinese text that is many times faster
    than ``str.translate``, which looks every character up in its table. A line is folded by several
    rules in turn, so recent answers are kept."""
    for wide, narrow in _FULLWIDTH:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def title_key(text: str) -> str:
    """A title reduced for matching: Han characters, letters and digits only."""
    return re.sub(rf"[^{_HAN}0-9A-Za-z]", "", fold(text))


def words(line: str) -> list[str]:
    """The line split at blanks."""
    return [w for w in re.split(f"[{WHITESPACE}]+", line) if w]


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


def any_number(text: str) -> int | None:
    """``12``, ``１２`` or ``十二`` → 12."""
    text = fold(text)
    return int(text) if text.isdigit() else cn_number(text)


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
_SECTION_LIKE = re.compile(rf"^[{_HAN}]{{2,10}}$")


def match_known_section(line: str) -> bool:
    return line in KNOWN_SECTIONS


def looks_like_section_title(line: str) -> bool:
    """A short line of Han characters only: a section title when it stands alone before an item."""
    return bool(_SECTION_LIKE.match(line))


# --- dates -----------------------------------------------------------------------------------

_YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "o": 0, "О": 0, "Ｏ": 0, "◯": 0, **{c: v for c, v in _CN_VALUES.items() if v}}
_CN_YEAR = "".join(_YEAR_DIGITS)
_CN_DAY = "一二三四五六七八九十"
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4,5})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?")
_CN_DATE = re.compile(rf"(?P<y>[{_CN_YEAR}]{{4}})\s*年\s*(?P<m>[{_CN_DAY}]{{1,2}})\s*月\s*(?P<d>[{_CN_DAY}]{{1,3}})\s*日")
_DATE_LINE = re.compile(r"^(?P<y>\d{4,5})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$")


@dataclass(frozen=True)
class DateReading:
    """A date as written and what it was read as."""

    raw: str
    value: dt.date | None
    repaired: bool
    """True when the value needed a guess-free repair (a doubled digit in the year)."""


def read_date(raw: str) -> DateReading | None:
    """``2023-11-09`` / ``2023年11月9日`` / ``二〇〇四年十一月四日``; ``20233-11-09`` repaired only
    when one repair fits."""
    text = fold(raw).strip(WHITESPACE)
    if m := _CN_DATE.fullmatch(text):
        return _cn_date_reading(raw, m)
    m = _ISO_DATE.fullmatch(text)
    if not m:
        return None
    years = _year_candidates(m["y"])
    if len(years) != 1:
        return DateReading(raw, None, False)
    return DateReading(raw, _safe_date(years[0], int(m["m"]), int(m["d"])), len(m["y"]) != 4)


def _cn_date_reading(raw: str, m: re.Match[str]) -> DateReading:
    year = int("".join(str(_YEAR_DIGITS[c]) for c in m["y"]))
    month, day = cn_number(m["m"]), cn_number(m["d"])
    value = _safe_date(year, month, day) if month and day and 1949 <= year <= 2100 else None
    return DateReading(raw, value, False)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_candidates(text: str) -> list[int]:
    """Plausible years in a year field; a 5-digit field may hold one doubled digit (20233)."""
    if len(text) == 4:
        year = int(text)
        return [year] if 1949 <= year <= 2100 else []
    found = {int(text[:i] + text[i + 1 :]) for i in range(1, len(text)) if text[i] == text[i - 1]}
    return sorted(y for y in found if 1949 <= y <= 2100)


def find_date(text: str) -> tuple[int, int, DateReading] | None:
    """The first date written anywhere in ``text``: (start, end, reading)."""
    folded = fold(text)
    found = [m for m in (_ISO_DATE.search(folded), _CN_DATE.search(folded)) if m]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    raw = text[m.start() : m.end()].strip(WHITESPACE)
    reading = read_date(raw)
    return (m.start(), m.end(), reading) if reading else None


def match_date_line(line: str) -> DateReading | None:
    """A line holding only a date, as 成文日期 is written: ``2023年10月25日``, ``二〇〇四年十一月四日``."""
    text = fold(line)
    if _DATE_LINE.match(text) or _CN_DATE.fullmatch(text):
        return read_date(line)
    return None


# --- official documents: head ----------------------------------------------------------------

_OPEN = re.escape("〔[［(（【")
_CLOSE = re.escape("〕]］)）】")
_DOC_NUMBER = re.compile(
    rf"^(?P<agency>[{_HAN}]{{1,14}}?)?\s*[{_OPEN}]\s*(?P<year>\d{{4}})\s*(?:年)?\s*(?P<close>[{_CLOSE}])?\s*"
    rf"(?P<di>第)?\s*(?P<serial>\d{{1,5}})\s*(?P<hao>号)?$"
)
_DECREE_NUMBER = re.compile(rf"^(?P<agency>[{_HAN}]{{0,20}}(?:令|公告))?\s*第\s*(?P<serial>\d{{1,5}}|[{CN_DIGITS}]{{1,8}})\s*号$")
_DECREE_HEADER = re.compile(rf"^(?P<organ>[{_HAN}]{{2,30}})(?:令|公告)$")
_WRAPPED = re.compile(r"^[(（]\s*(?P<inner>.+?)\s*[)）]$")


@dataclass(frozen=True)
class DocNumberReading:
    agency: str
    year: int | None
    serial: int
    normalized: str
    repaired: bool
    """True when the written form differs from the normalised one."""


def match_doc_number(text: str) -> DocNumberReading | None:
    """``国办发〔2023〕37号``, also ``[2023]``, ``(2023)``, a lost ``〕…号`` (``国办发〔202337``), a
    whole line in brackets (``（京财预〔2022〕8号）``) and 令 numbers (``政府令〔2010〕第15号``,
    ``国务院令第752号``; ``(2019)第4号`` under a 令's title, its 机关代字 then being empty)."""
    folded = fold(text).strip(WHITESPACE)
    last = folded[-1:]
    if last not in ("号", ")", "）") and not last.isdecimal():  # every form ends so (a quick test first)
        return None
    return _doc_number(text, folded)


def _doc_number(text: str, folded: str) -> DocNumberReading | None:
    if m := _WRAPPED.match(folded):
        reading = match_doc_number(m["inner"])
        return DocNumberReading(reading.agency, reading.year, reading.serial, reading.normalized, True) if reading else None
    if m := _DOC_NUMBER.match(folded):
        return _doc_number_reading(text, m["agency"] or "", int(m["year"]), int(m["serial"]), bool(m["di"]))
    if m := _DECREE_NUMBER.match(folded):
        serial = any_number(m["serial"])
        return _doc_number_reading(text, m["agency"] or "", None, serial, True) if serial else None
    return None


def match_decree_header(line: str) -> bool:
    """The line a 令 or 公告 prints above its number: ``内蒙古自治区人民政府令``, ``…常务委员会公告``."""
    return bool(_DECREE_HEADER.match(line.strip(WHITESPACE)))


def _doc_number_reading(text: str, agency: str, year: int | None, serial: int, di: bool) -> DocNumberReading | None:
    if not agency and not di:
        return None  # "(2023)12": a bracketed year and a number, not a 文号
    bracket = f"〔{year}〕" if year else ""
    normalized = f"{agency}{bracket}{'第' if di else ''}{serial}号"
    return DocNumberReading(agency, year, serial, normalized, normalized != text.strip(WHITESPACE))


def match_doc_numbers(line: str) -> list[DocNumberReading]:
    """All 发文字号 of a line: one, or several of a joint document (``财金〔2022〕72号　科发〔2022〕5号``)."""
    single = match_doc_number(line)
    if single:
        return [single]
    parts = [p for p in re.split(rf"[{WHITESPACE}、，,；;/]+", line) if p]
    readings = [match_doc_number(p) for p in parts]
    return [r for r in readings if r] if len(parts) > 1 and all(readings) else []


def match_addressee(line: str) -> bool:
    """主送机关: a list of bodies ending with a colon, with no sentence in it."""
    return line.endswith((":", "：")) and "。" not in line and len(line) <= 300 and not line.startswith(("为", "根据", "按照"))


_ADDRESSEE_ENDS = ("部门", "单位", "政府", "办事处", "管委会", "委员会", "机构", "局", "厅", "委", "办", "署", "院", "公司",
                   "银行", "协会", "中心", "党委", "团委", "直属机构", "直属单位")


def looks_like_addressee_list(line: str) -> bool:
    """A 主送 line that lost its colon: two or more bodies separated by 、 or commas, nothing else."""
    parts = [p.strip(WHITESPACE) for p in re.split(r"[,，、；;]", line)]
    return (len(parts) >= 2 and len(line) <= 300 and "。" not in line
            and all(p.endswith(_ADDRESSEE_ENDS) and len(p) <= 30 for p in parts))


_PAGE_LABELS = ("信息来源", "发布机构", "发文机构", "索引号", "主题分类", "组配分类", "访问次数", "浏览次数", "阅读次数", "点击数", "字号", "公开方式")
_PAGE_META = re.compile(rf"(?:{'|'.join(_PAGE_LABELS)})[{WHITESPACE}]*[:：]")


def match_page_meta(line: str) -> bool:
    """A line of a web page's own metadata printed with a document (``发布日期:… 信息来源:…``, ``索引号:…``)."""
    return len(line) <= 160 and bool(_PAGE_META.search(line)) and "。" not in line


_NOTE = re.compile(r"^[(（](此件公开发布|此件不公开|此件依申请公开|此件主动公开|本文有删减|有删减|略|此页无正文)[)）]$")


def match_note(line: str) -> bool:
    """附注 and editor's notes: ``(此件公开发布)``, ``（本文有删减）``."""
    return bool(_NOTE.match(line))


_IMPRINT_LABEL = re.compile(r"^(抄\s*送|主\s*题\s*词|信息公开选项|公开方式|内部发送|发\s*送|分\s*送)\s*[:：]")
_PRINTED_ON = re.compile(rf"^.{{2,40}}?[{WHITESPACE}]*(\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[{_CN_YEAR}]{{4}}年[{_CN_DAY}]{{1,2}}月[{_CN_DAY}]{{1,3}}日)\s*印\s*发$")


def match_imprint(line: str) -> bool:
    """A 版记 line: ``抄送：…``, ``主题词：…``, ``市政府办公室 2023年1月5日印发``."""
    return bool(_IMPRINT_LABEL.match(line) or _PRINTED_ON.match(fold(line)))


_MASTHEAD_FILE = re.compile(rf"^(?P<organ>[{_HAN}、{WHITESPACE}]{{2,40}}?)\s*文\s*件$")
_RULE = re.compile(r"^[-—─━=＝_＿－~·*★☆]{3,}$")


def match_masthead_organ(line: str) -> str | None:
    """版头 ``湖南省人民政府办公厅文件`` → 湖南省人民政府办公厅."""
    m = _MASTHEAD_FILE.match(line)
    return m["organ"].strip(WHITESPACE) if m and looks_like_signature(m["organ"]) else None


def is_rule_line(line: str) -> bool:
    """A line of dashes or stars under a 版头 or around a title."""
    return bool(_RULE.match(line))


DOCUMENT_KINDS = ("通知", "意见", "决定", "办法", "方案", "措施", "规定", "细则", "规划", "纲要", "公告", "通告", "批复",
                  "函", "复函", "答复", "指引", "指南", "条例", "计划", "令", "纪要", "决议", "报告", "请示", "通报",
                  "公报", "规则", "预案", "要点", "清单", "名单", "标准", "目录")
_TITLE_SUFFIX = re.compile(rf"[{WHITESPACE}]*[(（][^()（）]{{1,16}}[)）]$")
_ORGAN_END = ("办公厅", "办公室", "人民政府", "政府", "国务院", "部", "委", "委员会", "局", "署", "院", "行", "会", "厅", "中心",
              "银行", "组", "处", "所", "社", "办")


def title_core(title: str) -> str:
    """A title without its 《》 and trailing bracketed notes (（试行）, （2023—2025年）, （征求意见稿））."""
    core = title.strip(WHITESPACE)
    if core.startswith("《") and core.endswith("》"):
        core = core[1:-1]
    while (stripped := _TITLE_SUFFIX.sub("", core)) != core and stripped:
        core = stripped
    return core


def looks_like_document_title(line: str) -> bool:
    """Title of a 公文: ends with its 文种 (bracketed notes aside), no sentence punctuation inside."""
    core = title_core(line)
    return 4 <= len(line) <= 120 and core.endswith(DOCUMENT_KINDS) and "。" not in line and "\t" not in line


def looks_like_title(line: str) -> bool:
    """A line that could head an item: short, no sentence, not ending like a clause or a list."""
    return (2 <= len(line) <= 120 and "。" not in line and "\t" not in line and line[-1] not in "，,；;：:、"
            and not match_clause_marker(line))


def looks_like_signature(line: str) -> bool:
    """发文机关署名: a short name of one or more bodies (separated by blanks or 、)."""
    parts = [w for w in re.split(f"[{WHITESPACE}、]+", line) if w]
    return (0 < len(line) <= 60 and bool(parts) and all(w.endswith(_ORGAN_END) for w in parts)
            and not re.search(r"[。，,：:；;！？!?《》“”]", line))


_POSTS = ("省长", "市长", "县长", "区长", "州长", "主席", "总理", "部长", "行长", "主任", "局长", "署长", "院长", "会长", "书记", "代省长",
          "代市长", "代县长", "代区长")
_POST = re.compile(rf"^(?P<place>[{_HAN}]{{0,8}}?)(?P<post>{'|'.join(sorted(_POSTS, key=len, reverse=True))})[{WHITESPACE}:：]*(?P<name>[{_HAN}·]{{2,5}})?$")


def match_post_signature(line: str) -> str | None:
    """A 令 signed by a post: ``省长``, ``行长　易纲`` → the post."""
    m = _POST.match(line)
    return m["post"] if m else None


def looks_like_signature_continuation(line: str) -> bool:
    """A short line without punctuation above a signature: the first half of a long body's name."""
    return 2 <= len(line) <= 24 and not re.search(rf"[^{_HAN}()（）]", line)


def split_organs(text: str) -> list[str]:
    """``国务院办公厅、中央军委办公厅`` or ``国务院办公厅　中央军委办公厅`` → the bodies."""
    return [w for w in re.split(f"[{WHITESPACE}、，,]+", text) if w]


_PRINTED = re.compile(r"(?:印发|颁发|发布|公布)\s*(?:《(?P<quoted>[^》]+)》|(?P<bare>.+?))\s*的(?:通知|函|决定)$")
_FORWARDED = re.compile(r"(?:转发|批转)\s*(?P<name>.+?)\s*的(?:通知|函)$")


def printed_document(title: str) -> str | None:
    """Name of the document a notice 印发: 关于印发《X》的通知 → X."""
    m = _PRINTED.search(title_core(title) if title.startswith("《") else title)
    if not m:
        return None
    return m["quoted"] or m["bare"]


def forwarded_document(title: str) -> str | None:
    """Name of the document a notice 转发 or 批转: …转发国家地震局关于…报告的通知 → 国家地震局关于…报告."""
    m = _FORWARDED.search(title_core(title) if title.startswith("《") else title)
    return m["name"] if m else None


def title_organs(title: str) -> list[str]:
    """Bodies named at the start of a title (before 关于/转发/批转/印发/对), when they read as bodies."""
    core = title_core(title)
    m = re.match(rf"^(?P<prefix>[{_HAN}、{WHITESPACE}]{{2,60}}?)[{WHITESPACE}]*(?:关于|转发|批转|印发|对)", core)
    if not m:
        return []
    organs = split_organs(m["prefix"])
    return organs if organs and all(looks_like_signature(o) for o in organs) else []


# --- attachments -------------------------------------------------------------------------------

_LABEL = re.compile(rf"^附\s*件\s*(?P<num>[0-9０-９一二三四五六七八九十]{{0,3}})(?P<sep>[{WHITESPACE}]*[:：.．、]?)[{WHITESPACE}]*(?P<rest>.*)$")
_LIST_ENTRY = re.compile(r"^(?P<num>\d{1,2})\s*[.．、]\s*(?P<title>.+)$")


@dataclass(frozen=True)
class AttachmentLabel:
    label: str
    """``附件1`` as written, without the colon."""
    written: str
    """The label as written, colon included (``附件1：``)."""
    number: int | None
    rest: str
    """Text after the label on the same line (a title, or the first entry of a list)."""


def match_attachment_label(line: str) -> AttachmentLabel | None:
    """``附件1``, ``附件 2：``, ``附件：1.…``, ``附件:上海市…细则`` → label, number, rest of the line."""
    m = _LABEL.match(line)
    if not m or (m["num"] == "" and not m["sep"].strip(WHITESPACE) and m["rest"]):
        return None  # 附件 followed by text without a colon: a sentence (附件所列…)
    label = line[: m.start("sep")].strip(WHITESPACE)
    written = line[: m.start("rest")].strip(WHITESPACE)
    return AttachmentLabel(label, written, any_number(m["num"]) if m["num"] else None, m["rest"].strip(WHITESPACE))


def match_list_entry(line: str) -> tuple[int, str] | None:
    """An entry of a 附件 list: ``2.湖北省…意见`` → (2, title)."""
    m = _LIST_ENTRY.match(fold(line))
    return (int(m["num"]), line[m.start("title") :].strip(WHITESPACE)) if m else None


_LISTED_NUMBER = re.compile(rf"[{WHITESPACE}]*[(（][^()（）]*\d{{4}}[^()（）]*号[^()（）]*[)）]$")


def clean_listed_title(text: str) -> str:
    """A listed title as pages show it: without a trailing （…〔2015〕12号）, end punctuation, or the
    stray blanks a PDF copy leaves between Han characters."""
    text = _LISTED_NUMBER.sub("", text).strip(WHITESPACE).rstrip("；;。.,，")
    text = re.sub(rf"(?<=[{_HAN}])[{WHITESPACE}]+(?=[{_HAN}])", "", text)
    return title_core(text) if text.startswith("《") else text


# --- clause numbering (GB/T 9704: 一、 → （一） → 1. → （1）; 办法/规定: 第一章 → 第一节 → 第一条) ----

CHAPTER, SECTION, ARTICLE = -2, -1, 0
"""Ranks of 第X章, 第X节, 第X条; 一、, （一）, 1., （1） rank 1 to 4 (a lower rank holds a higher one)."""

_CLAUSE_RULES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (CHAPTER, re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)章(?=[{WHITESPACE}]|[{_HAN}]|$)")),
    (SECTION, re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)节(?=[{WHITESPACE}]|[{_HAN}]|$)")),
    (ARTICLE, re.compile(rf"^第(?P<num>[{CN_DIGITS}]+)条(?=[{WHITESPACE}]|[{_HAN}]|$)")),
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


_CLAUSE_OPENERS = frozenset("第(（" + CN_DIGITS)
"""What a clause marker starts with, besides a decimal digit."""


def match_clause_marker(line: str) -> ClauseMarker | None:
    """A line opening a numbered clause, with the marker split off."""
    first = line[:1]
    if first not in _CLAUSE_OPENERS and not first.isdecimal():  # a quick test first (\d is any decimal digit)
        return None
    return _clause_marker(line)


def _clause_marker(line: str) -> ClauseMarker | None:
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


def split_cells(raw: str) -> tuple[str, ...] | None:
    """A row of a table pasted as tab-separated cells (leading and trailing tabs are indentation)."""
    text = raw.strip(WHITESPACE)
    if "\t" not in text:
        return None
    return tuple(cell.strip(WHITESPACE) for cell in text.split("\t"))


_LOST_DASH = re.compile(r"[(（](?P<a>(?:19|20)\d{2})(?P<b>(?:19|20)\d{2})年[)）]")


def find_lost_year_dash(text: str) -> str | None:
    """``(20232025年)`` where the dash of a year range was lost → ``(2023—2025年)``."""
    m = _LOST_DASH.search(text)
    if not m or int(m["a"]) >= int(m["b"]):
        return None
    return text[: m.start("b")] + "—" + text[m.start("b") :]


# --- news: lines inside items (the 来源 line: see sources.py) ------------------------------------


def match_byline(line: str) -> bool:
    """``作者:黄卓(…);张晓冬(…)``."""
    return bool(re.match(r"^(作者|文|记者|撰文)\s*[:：]", line))


_DATELINE = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?$")


def match_dateline(line: str) -> bool:
    """A line holding a date and maybe a time only, printed by a news page by its 来源 line."""
    return bool(_DATELINE.match(fold(line).strip(WHITESPACE)))


def match_subtitle(line: str) -> bool:
    """``——厦门建行加快实施…``."""
    return line.startswith(("——", "--", "—"))


def looks_like_subheading(line: str) -> bool:
    """A short standalone line without sentence punctuation (为什么要做好科技金融大文章)."""
    return 2 <= len(line) <= 30 and "。" not in line and line[-1] not in _SENTENCE_END
