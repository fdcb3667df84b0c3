"""Decode stage: bytes of a bulletin → text lines that keep their original numbers."""

from __future__ import annotations

import codecs
import functools
import hashlib
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

    @functools.cached_property
    def digest(self) -> str:
        """A digest of the shown path and the text (computed once: the parse cache's and the
        render cache's keys both start from it)."""
        digest = hashlib.sha256(self.path.encode() + b"\0")
        digest.update(self.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


def decode_bytes(data: bytes, path: str) -> SourceText:
    """Detect the encoding of ``data`` and split it into lines as an editor numbers them."""
    encoding = detect_encoding(data, path)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = split_lines(text)
    if not text.strip():
        raise InputError(path, 1, "the bulletin is empty")
    if "\x00" in text:
        number = next(number for number, line in enumerate(lines, start=1) if "\x00" in line)
        raise InputError(path, number, "NUL character in the text: the file is binary or in an encoding that was not recognised")
    log.debug("%s: decoded as %s", path, encoding)
    return SourceText(path=path, encoding=encoding, lines=lines)


def split_lines(text: str) -> tuple[str, ...]:
    """Lines ended by LF or CRLF; a file with no LF at all uses CR (old Mac). A stray CR inside a line
    of an LF or CRLF file does not end the line (editors number lines so); it reads as a space."""
    if "\n" not in text:
        return tuple(text.split("\r"))
    if "\r" not in text:
        return tuple(text.split("\n"))
    return tuple(line.removesuffix("\r").replace("\r", " ") for line in text.split("\n"))


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
    if (utf16 := _utf16_reading(data)) is not None:
        return utf16
    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is not None:
        return best.encoding
    raise InputError(path, line, f"cannot decode the text (not UTF-8, GB18030 or UTF-16): byte 0x{data[utf8_error.start]:02x}")


def _utf16_reading(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes read as plausible text in one of them, else None.

    Chinese text has NUL bytes in both byte lanes (一 is U+4E00), so the test is the text itself: it
    must decode strictly and be almost all CJK, ASCII or the punctuation and spaces bulletins use.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    best, score = None, 0.0
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share = sum(1 for ch in text if _plausible(ch)) / max(len(text), 1)
        if share > score:
            best, score = name, share
    return best if score >= 0.95 else None


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (0x20 <= code < 0x7F or ch in "\t\r\n" or 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF or 0x2010 <= code <= 0x2027 or code in (0xA0, 0xB7, 0xFEFF) or 0x3400 <= code <= 0x4DBF)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few broken bytes: reading it as another encoding would garble all of it."""
    lenient = data.decode("utf-8", errors="replace")
    good = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    return good >= 20 and lenient.count("\ufffd") * 50 < good
