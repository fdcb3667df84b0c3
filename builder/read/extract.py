"""Readings inside running text: responsible departments, validity, citations, defined names.

Pure functions over strings; the parser calls them and keeps the source text untouched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import rules

# --- responsible departments: "（省税务局、深圳市税务局，省发展改革委、科技厅按职责负责）" -----------

_DEPARTMENTS = re.compile(r"[(（](?P<body>[^()（）]{2,400}?)(?:按职责分工负责|按职责负责|分别负责|牵头负责|负责)[)）]\s*[。.]?$")
_GROUP_SPLIT = re.compile(r"[,，;；]")
_ITEM_SPLIT = re.compile(r"[、]")
_LEVEL_PREFIXES = ("省", "市", "区", "县")
_PLACE_STARTS = ("省", "市", "区", "县", "各", "国家", "中国", "人民银行", "国务院", "中央")


def read_departments(text: str) -> list[str]:
    """Bodies named in a trailing ``（…按职责负责）``; a group's level prefix is carried over.

    ``（省发展改革委、科技厅，深圳市人民政府按职责负责）`` → 省发展改革委, 省科技厅, 深圳市人民政府.
    """
    m = _DEPARTMENTS.search(text)
    if not m:
        return []
    out: list[str] = []
    for group in _GROUP_SPLIT.split(m["body"]):
        items = [i.strip(rules.WHITESPACE) for i in _ITEM_SPLIT.split(group) if i.strip(rules.WHITESPACE)]
        prefix = items[0][0] if items and items[0].startswith(_LEVEL_PREFIXES) and not _is_place(items[0][1:]) else ""
        for k, item in enumerate(items):
            name = prefix + item if k and prefix and not _is_place(item) else item
            if name not in out:
                out.append(name)
    return out


def _is_place(name: str) -> bool:
    """Whether a body's name already says where it is (深圳市税务局, 各地级以上市人民政府 …)."""
    if name.startswith("市场"):  # 市场监管局: a body, not 市 + 场监管局
        return False
    return name.startswith(_PLACE_STARTS) or bool(re.match(r"^[\u4e00-\u9fff]{2,4}[省市区县](?!场)", name))


# --- validity -------------------------------------------------------------------------------------

_SELF = r"本(?:通知|措施|若干措施|方案|实施方案|办法|意见|规定|细则|实施细则|决定|公告|通告|指引|规划|计划)"
_CN_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_FROM_ISSUE = re.compile(rf"(?P<text>(?:{_SELF})?自(?:印发|发布|公布)之日起(?:施行|实施|执行|生效))")
_FROM_DATE = re.compile(rf"(?P<text>(?:{_SELF})?自(?P<date>{_CN_DATE})起(?:施行|实施|执行|生效))")
_UNTIL = re.compile(rf"(?P<text>{_SELF}(?:的)?(?:有效期|实施期限|执行期限)(?:至|到)(?P<date>{_CN_DATE})(?:止)?)")
_PERIOD = re.compile(rf"(?P<text>(?:执行|实施|有效)期(?:限)?(?:为|是)?(?:自)?(?P<start>{_CN_DATE})(?:起)?(?:至|到)(?P<date>{_CN_DATE})(?:止)?)")
_YEARS = re.compile(rf"(?P<text>(?:{_SELF}(?:的)?)?有效期(?:为)?(?P<years>[0-9一二三四五六七八九十]+)年)")


@dataclass(frozen=True)
class ValidityReading:
    effective: dt.date | None
    effective_text: str | None
    valid_until: dt.date | None
    valid_until_text: str | None


def read_validity(text: str, issued: dt.date | None) -> ValidityReading | None:
    """施行/有效期 phrases in one line; ``自印发之日起施行`` takes the 成文日期 ``issued``."""
    if not (("自" in text and "起" in text) or ("年" in text and any(word in text for word in _TERM_WORDS))):
        return None  # a quick test first: 自…起, or a 期 phrase with a date or a number of years
    return _validity(text, issued)


_TERM_WORDS = ("有效期", "实施期", "执行期")
"""What the 期 phrases start with (执行期限, 实施期限 included)."""


def _validity(text: str, issued: dt.date | None) -> ValidityReading | None:
    effective = effective_text = until = until_text = None
    if m := _PERIOD.search(text):
        return ValidityReading(_cn_date(m["start"]), m["text"], _cn_date(m["date"]), m["text"])
    if m := _FROM_DATE.search(text):
        effective, effective_text = _cn_date(m["date"]), m["text"]
    elif m := _FROM_ISSUE.search(text):
        effective, effective_text = issued, m["text"]
    if m := _UNTIL.search(text):
        until, until_text = _cn_date(m["date"]), m["text"]
    elif (m := _YEARS.search(text)) and effective:
        years = int(m["years"]) if m["years"].isdigit() else rules.cn_number(m["years"])
        until, until_text = _add_years(effective, years) if years else None, m["text"]
    if not (effective_text or until_text):
        return None
    return ValidityReading(effective, effective_text, until, until_text)


def _cn_date(text: str) -> dt.date | None:
    reading = rules.read_date(re.sub(r"\s+", "", text))
    return reading.value if reading else None


def _add_years(start: dt.date, years: int) -> dt.date:
    """The last day of validity: N years after ``start``, minus one day."""
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return end - dt.timedelta(days=1)


# --- citations --------------------------------------------------------------------------------------

_OPEN, _CLOSE = re.escape("〔[［(（【"), re.escape("〕]］)）】")
DOC_NUMBER_IN_TEXT = re.compile(
    rf"(?P<agency>[\u4e00-\u9fff]{{1,8}}?)[{_OPEN}](?P<year>(?:19|20)\d{{2}})[{_CLOSE}](?P<serial>\d{{1,5}})号"
)
_DOC_NUMBER_CORE = re.compile(rf"[{_OPEN}](?:19|20)\d{{2}}[{_CLOSE}]\d{{1,5}}号")
"""The part of a 发文字号 after the agency: text without it holds none (a quick test first)."""
_LEADING_WORDS = ("根据", "按照", "依据", "参照", "落实", "贯彻", "执行", "印发", "见", "和", "及", "与", "或", "的")
_BOOK = re.compile(r"《(?P<title>[^《》]{1,200})》")


@dataclass(frozen=True)
class CitationReading:
    raw: str
    title: str | None
    doc_number: str | None


def find_doc_numbers(text: str) -> list[tuple[int, int, str]]:
    """Bare 发文字号 in running text: (start, end, normalised)."""
    if not _DOC_NUMBER_CORE.search(text):
        return []
    out = []
    for m in DOC_NUMBER_IN_TEXT.finditer(text):
        agency, start = m["agency"], m.start("agency")
        for word in _LEADING_WORDS:
            if agency.startswith(word) and len(agency) > len(word):
                agency, start = agency[len(word) :], start + len(word)
        out.append((start, m.end(), f"{agency}〔{m['year']}〕{int(m['serial'])}号"))
    return out


def read_citations(text: str) -> list[CitationReading]:
    """``《…》`` (with the 发文字号 in the parentheses right after it) and bare 发文字号, in order."""
    found: list[tuple[int, CitationReading]] = []
    claimed: list[tuple[int, int]] = []
    for m in _BOOK.finditer(text):
        end, number = m.end(), None
        after = re.match(r"\s*[(（](?P<inner>[^()（）]{0,120})[)）]", text[end:])
        if after:
            numbers = find_doc_numbers(after["inner"])
            if numbers:
                number = numbers[0][2]
                end += after.end()
                claimed.append((m.end(), end))
        found.append((m.start(), CitationReading(text[m.start() : end], m["title"], number)))
    for start, stop, number in find_doc_numbers(text):
        if not any(a <= start < b for a, b in claimed) and not _inside_book(text, start):
            found.append((start, CitationReading(text[start:stop], None, number)))
    return [reading for _, reading in sorted(found, key=lambda pair: pair[0])]


def _inside_book(text: str, position: int) -> bool:
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)


# --- defined short names ------------------------------------------------------------------------------

_SHORT_NAME = re.compile(
    r"[(（][^()（）]{0,40}?(?:以下简称|以下称|下称|简称)\s*[:：]?\s*(?P<short>[“\"「『]?[^()（）“”\"」』,，;；]{1,20}?[”\"」』]?)\s*[)）]"
)
_LATIN_ABBR = re.compile(r"[(（](?P<latin>[A-Za-z][A-Za-z0-9\-·. ]{1,40}?)[)）]")
_PHRASE_STOPS = "，,。；;：:、！？!?“”\"（）()《》\n"
_SPLIT_WORDS = ("的", "领域", "方面")
_JOIN_WORDS = ("和", "与", "及")
_VERBS = ("深化", "支持", "开展", "推动", "鼓励", "引导", "发展", "设立", "加快", "完善", "优化", "探索", "实施",
          "推进", "积极", "进一步", "加强", "扩大", "中标", "发挥", "提升", "健全", "培育", "依托", "通过", "利用", "在", "由",
          "对", "为", "将", "把", "是", "向", "从", "按照", "根据")


@dataclass(frozen=True)
class ShortNameReading:
    short: str
    full: str
    start: int
    """Offset of the definition's parenthesis in the line."""
    end: int


def read_short_names(text: str) -> list[ShortNameReading]:
    """``X（以下简称Y）``, ``X（下称“Y”）`` and ``全称（ABBR）`` definitions in one line."""
    if "（" not in text and "(" not in text:  # both forms open a parenthesis (a quick test first)
        return []
    return _short_names(text)


def _short_names(text: str) -> list[ShortNameReading]:
    out = []
    for m in _SHORT_NAME.finditer(text):
        short = m["short"].strip("“”\"「」『』 ")
        full = _title_before(text, m.start()) or _phrase_before(text, m.start(), split_joins=False)
        if short and full and short != full:
            out.append(ShortNameReading(short if not m["short"].startswith("《") else m["short"], full, m.start(), m.end()))
    for m in _LATIN_ABBR.finditer(text):
        phrase = _phrase_before(text, m.start(), split_joins=True)
        if phrase and re.search(r"[\u4e00-\u9fff]", phrase):
            out.append(ShortNameReading(m["latin"].strip(), phrase, m.start(), m.end()))
    return sorted(out, key=lambda r: r.start)


def _title_before(text: str, position: int) -> str | None:
    """The 《…》 title that ends right before ``position`` (the parenthesis after a cited document)."""
    head = text[:position].rstrip(rules.WHITESPACE)
    if head.endswith("》"):
        start = head.rfind("《")
        return head[start:] if start >= 0 else None
    return None


def _phrase_before(text: str, position: int, *, split_joins: bool) -> str:
    """The noun phrase before ``position``: back to punctuation, after the last 的 (and 和/与/及
    when ``split_joins``: ``…试点和合格境外有限合伙人（QFLP）``), without leading verbs."""
    start = position
    while start > 0 and text[start - 1] not in _PHRASE_STOPS:
        start -= 1
    phrase = text[start:position].strip(rules.WHITESPACE)
    phrase = re.sub(r"^\d+[.．、]", "", phrase)
    for word in _SPLIT_WORDS + (_JOIN_WORDS if split_joins else ()):
        if word in phrase:
            tail = phrase.rsplit(word, 1)[1]
            phrase = tail if len(tail) >= 2 else phrase
    changed = True
    while changed:
        changed = False
        for verb in _VERBS:
            if phrase.startswith(verb) and len(phrase) - len(verb) >= 2:
                phrase, changed = phrase[len(verb) :], True
    return phrase


# --- 文种 ----------------------------------------------------------------------------------------------


def document_kind(title: str) -> str | None:
    """文种 from a title's ending, bracketed notes aside: the longest known kind it ends with
    (复函 before 函; 实施意见 is an 意见, 管理办法 an 办法)."""
    core = rules.title_core(title)
    return next((k for k in sorted(rules.DOCUMENT_KINDS, key=len, reverse=True) if core.endswith(k)), None)


# --- 发文机关 from a 机关代字 ------------------------------------------------------------------------------

_AGENCY_CODES = {
    "国发": "国务院", "国函": "国务院", "国令": "国务院",
    "国办发": "国务院办公厅", "国办函": "国务院办公厅", "国办发明电": "国务院办公厅",
    "中发": "中共中央", "中办发": "中共中央办公厅",
    "银发": "中国人民银行", "银办发": "中国人民银行办公厅", "银函": "中国人民银行",
    "证监发": "中国证券监督管理委员会",
}
"""Exact 机关代字 of central bodies."""
_PREFIX_CODES = (("工信厅", "工业和信息化部办公厅"), ("工信部", "工业和信息化部"), ("发改", "国家发展和改革委员会"),
                 ("财", "财政部"))
"""代字 that open with a body's code and go on with the office's (财金, 财综, 发改高技, 工信部联规 …)."""


def issuer_from_agency(agency: str) -> str | None:
    """The body a central 机关代字 stands for (国函 → 国务院, 财综 → 财政部); None when unknown."""
    if agency in _AGENCY_CODES:
        return _AGENCY_CODES[agency]
    return next((body for code, body in _PREFIX_CODES if agency.startswith(code) and len(agency) <= len(code) + 3), None)


# --- attachments named in running text ---------------------------------------------------------------

_SEE_ATTACHMENT = re.compile(r"《(?P<title>[^《》]{2,80})》\s*[(（]\s*(?:见|详见)?\s*(?P<label>附件\s*(?P<num>\d{1,2})?)\s*[)）]")


@dataclass(frozen=True)
class AttachmentMention:
    title: str
    label: str
    number: int | None


def read_attachment_mentions(text: str) -> list[AttachmentMention]:
    """``填写《…核销申请表》(见附件1)`` → the attachment's title and label."""
    out = []
    for m in _SEE_ATTACHMENT.finditer(text):
        out.append(AttachmentMention(m["title"], re.sub(r"\s+", "", m["label"]), int(m["num"]) if m["num"] else None))
    return out
