"""Line rules: 发文字号, dates, clause markers, 来源 lines."""

from __future__ import annotations

import datetime as dt

import pytest

from builder.read import rules


@pytest.mark.parametrize("raw, normalized", [
    ("国办发〔2023〕37号", "国办发〔2023〕37号"),
    ("国办发〔202337", "国办发〔2023〕37号"),
    ("银发[2023]98号", "银发〔2023〕98号"),
    ("粤府(2020)12号", "粤府〔2020〕12号"),
    ("财金（２０２２）７２号", "财金〔2022〕72号"),
    ("京政办发〔2023〕023", "京政办发〔2023〕23号"),
])
def test_doc_number_forms(raw, normalized):
    reading = rules.match_doc_number(raw)
    assert reading.normalized == normalized
    assert reading.repaired == (raw != normalized)


@pytest.mark.parametrize("text", ["国务院办公厅", "2023年10月17日", "一、总体要求", "各区人民政府:"])
def test_doc_number_rejects(text):
    assert rules.match_doc_number(text) is None


@pytest.mark.parametrize("raw, value, repaired", [
    ("2023-11-09", dt.date(2023, 11, 9), False),
    ("20233-11-09", dt.date(2023, 11, 9), True),
    ("2023年10月17日", dt.date(2023, 10, 17), False),
    ("2023-13-01", None, False),
    ("20245-01-01", None, False),  # no doubled digit: no guess
])
def test_read_date(raw, value, repaired):
    reading = rules.read_date(raw)
    assert (reading.value, reading.repaired) == (value, repaired)


def test_source_line():
    found = rules.match_source_line("来源:厦门日报 陈志龙 李哲 严明君 20233-11-09")
    assert (found.outlet, found.authors, found.date_raw) == ("厦门日报", ["陈志龙", "李哲", "严明君"], "20233-11-09")
    found = rules.match_source_line("来源：光明网")
    assert (found.outlet, found.authors, found.date_raw) == ("光明网", [], None)


@pytest.mark.parametrize("line, level, marker, number", [
    ("一、指导思想", 1, "一、", 1),
    ("(十一)畅通知识产权要素国际循环。发挥…", 2, "(十一)", 11),
    ("（三）完善科创保险和担保体系", 2, "（三）", 3),
    ("41.加强评估考核。建立…", 3, "41.", 41),
    ("12．发挥北交所作用。", 3, "12．", 12),
    ("（2）细项", 4, "（2）", 2),
])
def test_clause_markers(line, level, marker, number):
    m = rules.match_clause_marker(line)
    assert (m.level, m.marker, m.number) == (level, marker, number)


@pytest.mark.parametrize("line", ["2.42万亿元的贷款余额", "2023年1月1日起", "(省税务局按职责负责)", "十分重要"])
def test_clause_marker_rejects(line):
    assert rules.match_clause_marker(line) is None


def test_split_heading():
    assert rules.split_heading("指导思想") == ("指导思想", "")
    assert rules.split_heading("加强组织实施。坚持党的领导。") == ("加强组织实施。", "坚持党的领导。")
    single = "国有商业保险公司绩效评价其他事项,仍按照《办法》有关规定执行。"
    assert rules.split_heading(single) == (None, single)


def test_cn_number():
    assert [rules.cn_number(t) for t in ("一", "十", "十五", "二十", "二十三", "一百零五")] == [1, 10, 15, 20, 23, 105]


def test_lost_year_dash():
    assert rules.find_lost_year_dash("专利转化运用专项行动方案(20232025年)") == "专利转化运用专项行动方案(2023—2025年)"
    assert rules.find_lost_year_dash("方案(2023—2025年)") is None
