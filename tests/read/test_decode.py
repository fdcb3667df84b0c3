"""Decode: encodings, line ends, bad bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.errors import InputError
from builder.read.decode import decode_bytes, split_lines

TEXT = "简报·第268期(上)\n\n资讯传递\n来源:光明网 2023-11-11"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("utf-16"), "utf-16"),
])
def test_encodings(data, encoding):
    source = decode_bytes(data, "seeds/x.txt")
    assert source.encoding == encoding
    assert source.lines == tuple(TEXT.split("\n"))


def test_gbk_text_is_detected_without_hint():
    text = "关于引导保险资金长期稳健投资的通知。国有商业保险公司应当依法合规开展各类投资。\n" * 20
    source = decode_bytes(text.encode("gbk"), "x.txt")
    assert source.text == text
    assert source.encoding.replace("_", "").lower() in {"gb18030", "gbk", "gb2312", "cp936"}


def test_line_ends_keep_line_numbers():
    assert decode_bytes("一\r\n二\r\n三\n四".encode("utf-8"), "x.txt").lines == ("一", "二", "三", "四")
    assert decode_bytes("一\r二\r三".encode("utf-8"), "x.txt").lines == ("一", "二", "三")  # old Mac


def test_a_stray_cr_does_not_shift_later_line_numbers():
    source = decode_bytes("一\n二\r半\n三\n四".encode("utf-8"), "x.txt")
    assert source.lines == ("一", "二 半", "三", "四")
    assert source.lines.index("四") + 1 == 4


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(codec):
    text = "一九九八年三月十日\n国务院办公厅关于印发《专利转化运用专项行动方案(2023—2025年)》的通知\n" * 3
    source = decode_bytes(text.encode(codec), "x.txt")
    assert (source.encoding, source.text) == (codec, text)


def test_nul_in_text_is_an_error_with_its_line():
    with pytest.raises(InputError, match=r"^seeds/x.txt:2: error: NUL character"):
        decode_bytes("甲\n乙\x00丙\n".encode("utf-8"), "seeds/x.txt")


def test_undecodable_bytes_name_file_and_line():
    data = "第一行\n第二行\n".encode("utf-8") + b"\xff\xfe\xfa\x80\x81 bad"
    with pytest.raises(InputError, match=r"^seeds/bad.txt:3: error: cannot decode"):
        decode_bytes(data, "seeds/bad.txt")


def test_one_bad_byte_in_utf8_text_is_reported_not_guessed():
    good = "关于引导保险资金长期稳健投资的通知。\n" * 5
    data = good.encode("utf-8") + b"\xe5\x85 broken\n" + good.encode("utf-8")
    with pytest.raises(InputError, match=r"^seeds/bad.txt:6: error: invalid UTF-8 byte 0xe5"):
        decode_bytes(data, "seeds/bad.txt")


def test_empty_file_is_an_error():
    with pytest.raises(InputError, match=r"^seeds/empty.txt:1: error: the bulletin is empty$"):
        decode_bytes(b" \n\n", "seeds/empty.txt")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="简报\n\r a", max_size=30))
def test_lines_are_those_an_editor_numbers(text):
    """LF or CRLF ends a line, a stray CR in such a file reads as a space; a file without LF uses CR
    (the shortcut for text without CR gives the same lines)."""
    if "\n" not in text:
        expected = tuple(text.split("\r"))
    else:
        expected = tuple(line.removesuffix("\r").replace("\r", " ") for line in text.split("\n"))
    assert split_lines(text) == expected
