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


@pytest.mark.parametrize("raw, value", [
    ("二〇〇四年十一月四日", dt.date(2004, 11, 4)),
    ("二○一○年十二月二十五日", dt.date(2010, 12, 25)),
    ("二OO六年二月二十日", dt.date(2006, 2, 20)),
    ("一九九六年六月二十九日", dt.date(1996, 6, 29)),
    ("二〇二三年十月三十一日", dt.date(2023, 10, 31)),
    ("二〇二三年二月三十日", None),
])
def test_chinese_numeral_dates(raw, value):
    assert rules.match_date_line(raw).value == value
    assert rules.match_date_line(raw).raw == raw


@pytest.mark.parametrize("raw, normalized", [
    ("（京财预〔2022〕8号）", "京财预〔2022〕8号"),
    ("(京财预[2022]8号)", "京财预〔2022〕8号"),
    ("财综[2010]122号", "财综〔2010〕122号"),
    ("政府令〔2010〕第15号", "政府令〔2010〕第15号"),
    ("中国人民银行令〔2024〕第1号", "中国人民银行令〔2024〕第1号"),
    ("国务院令第752号", "国务院令第752号"),
    ("(2019)第4号", "〔2019〕第4号"),
])
def test_doc_numbers_in_brackets_and_decrees(raw, normalized):
    assert rules.match_doc_number(raw).normalized == normalized


def test_several_doc_numbers_on_one_line():
    found = rules.match_doc_numbers("财金〔2022〕72号　国科发〔2022〕5号")
    assert [r.normalized for r in found] == ["财金〔2022〕72号", "国科发〔2022〕5号"]
    assert rules.match_doc_numbers("(2023)12") == []


@pytest.mark.parametrize("line, label, number, rest", [
    ("附件1", "附件1", 1, ""),
    ("附件 2：", "附件 2", 2, ""),
    ("附件：1.国土资源部关于…的报告", "附件", None, "1.国土资源部关于…的报告"),
    ("附件:上 海市支付清 算系统", "附件", None, "上 海市支付清 算系统"),
    ("附件二", "附件二", 2, ""),
])
def test_attachment_labels(line, label, number, rest):
    found = rules.match_attachment_label(line)
    assert (found.label, found.number, found.rest) == (label, number, rest)


def test_attachment_label_rejects_sentences():
    assert rules.match_attachment_label("附件所列项目由各区负责。") is None


def test_listed_titles_are_cleaned():
    assert rules.clean_listed_title("上 海市支付清 算系统运行管 理实施细 则") == "上海市支付清算系统运行管理实施细则"
    assert rules.clean_listed_title("关于开展…工作的通知(工信厅联运行函〔2015〕570号)") == "关于开展…工作的通知"


def test_imprint_lines():
    assert rules.match_imprint("抄送：市委各部门，市人大常委会办公室。")
    assert rules.match_imprint("北京市财政局办公室　　　　2022年3月1日印发")
    assert not rules.match_imprint("各区财政局：")


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


# --- 来源 lines (builder/read/sources.py) --------------------------------------------------------------

from builder.read.sources import match_source_line, read_reporters  # noqa: E402


@pytest.mark.parametrize("line, outlets, authors, date", [
    ("来源:厦门日报 陈志龙 李哲 严明君 20233-11-09", ["厦门日报"], ["陈志龙", "李哲", "严明君"], dt.date(2023, 11, 9)),
    ("来源：光明网", ["光明网"], [], None),
    ("来源:新华社 2024-3-5", ["新华社"], [], dt.date(2024, 3, 5)),
    ("来源：新华社 2024年3月5日", ["新华社"], [], dt.date(2024, 3, 5)),
    ("来源: 新华社 2024/03/05", ["新华社"], [], dt.date(2024, 3, 5)),
    ("来源:新华社 2024.3.5", ["新华社"], [], dt.date(2024, 3, 5)),
    ("来源：上海证券报 作者：张琼斯", ["上海证券报"], ["张琼斯"], None),
    ("来源：新华社、人民日报", ["新华社", "人民日报"], [], None),
    ("来源：新华社 人民日报 2024-03-05", ["新华社", "人民日报"], [], dt.date(2024, 3, 5)),
    ("2023-08-18 16:41:09来源:21世纪经济报道", ["21世纪经济报道"], [], dt.date(2023, 8, 18)),
    ("发布时间: 2023-01-30 11:15:56 来源: 保山日报", ["保山日报"], [], dt.date(2023, 1, 30)),
    ("（来源：经济日报）", ["经济日报"], [], None),
    ("来源：纺织服装周刊 2021年第43期", ["纺织服装周刊"], [], None),
])
def test_source_line_forms(line, outlets, authors, date):
    found = match_source_line(line)
    assert (found.outlets, found.authors, found.date.value if found.date else None) == (outlets, authors, date)


@pytest.mark.parametrize("line", ["资金来源：市财政预算安排。", "本项目的来源:企业自筹", "来源于实践的经验说明，"])
def test_source_line_rejects_sentences(line):
    assert match_source_line(line) is None


@pytest.mark.parametrize("line, names", [
    ("本报讯(记者丰舒潍)为有效缓解中小企业融资难题", ["丰舒潍"]),
    ("本报讯（记者 张三 李四）日前", ["张三", "李四"]),
    ("● 本报记者 彭扬", ["彭扬"]),
    ("◎记者张琼斯", ["张琼斯"]),
    ("【本報記者 前方 15日電】11月14日", ["前方"]),
    ("红星新闻记者 胡伊文 北京报道", ["胡伊文"]),
    ("21世纪经济报道记者周炎炎上海报道", ["周炎炎"]),
    ("上海证券报记者观察到，金融机构", []),
])
def test_reporters_in_the_body(line, names):
    assert read_reporters(line) == names
