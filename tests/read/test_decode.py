"""Decode: encodings, line ends, bad bytes."""

from __future__ import annotations

import codecs

import pytest

from builder.errors import InputError
from builder.read.decode import decode_bytes

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
    source = decode_bytes("一\r\n二\r三\n四".encode("utf-8"), "x.txt")
    assert source.lines == ("一", "二", "三", "四")


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
