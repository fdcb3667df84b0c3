"""Decode stage: bytes of a bulletin → text lines that keep their original numbers."""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import InputError

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings a Chinese bulletin is found in; tried by charset-normalizer in this order.
_CANDIDATES = ("gb18030", "utf_16", "big5")


@dataclass(frozen=True)
class SourceText:
    """A decoded bulletin."""

    path: str
    """Path shown in diagnostics."""
    encoding: str
    """Encoding the bytes were read with."""
    lines: tuple[str, ...]
    """Line ``n`` of the file is ``lines[n - 1]``; no line-end characters."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def decode_bytes(data: bytes, path: str) -> SourceText:
    """Detect the encoding of ``data`` and split it into lines (CRLF, CR and LF all end a line)."""
    encoding = detect_encoding(data, path)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, 1, "the bulletin is empty")
    log.debug("%s: decoded as %s", path, encoding)
    return SourceText(path=path, encoding=encoding, lines=tuple(text.split("\n")))


def detect_encoding(data: bytes, path: str) -> str:
    """Name of the codec that reads ``data``; raise InputError naming the first bad line."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    line = data[: utf8_error.start].count(b"\n") + 1
    if _mostly_utf8(data):
        raise InputError(path, line, f"invalid UTF-8 byte 0x{data[utf8_error.start]:02x} in otherwise UTF-8 text")
    if _looks_like_utf16(data):
        return "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is not None:
        return best.encoding
    raise InputError(path, line, f"cannot decode the text (not UTF-8, GB18030 or UTF-16): byte 0x{data[utf8_error.start]:02x}")


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: Chinese text has many NUL bytes in one byte lane and few in the other."""
    if len(data) < 4 or len(data) % 2:
        return False
    even, odd = data[0::2].count(0), data[1::2].count(0)
    return max(even, odd) > len(data) // 8 and min(even, odd) == 0


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few broken bytes: reading it as another encoding would garble all of it."""
    lenient = data.decode("utf-8", errors="replace")
    good = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    return good >= 20 and lenient.count("\ufffd") * 50 < good
