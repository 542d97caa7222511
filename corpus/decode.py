"""Bytes of a text document → str: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (GBK, GB2312).

The decision is a short list of rules, in order, so a refusal can say exactly why:
1. empty → refused;
2. a UTF-8 or UTF-16 byte-order mark → that encoding, strictly;
3. NUL bytes or a large share of control bytes → binary, refused;
4. strict UTF-8 → UTF-8 (plain ASCII is UTF-8 too);
5. strict GB18030, if it reads as simplified Chinese → GB18030; otherwise refused, naming what was tried.
Nothing is ever decoded with errors="replace": a byte that does not fit is an error with its offset.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from corpus.load import CorpusError

# Share of control characters (other than tab, newlines, form feed) above which a file counts as binary.
MAX_CONTROL_SHARE = 0.05
# GB18030 decodes many non-Chinese byte soups (Big5, Latin-1 mojibake) without error; real simplified
# Chinese text has nearly all of its non-ASCII characters inside GB2312, Big5 read as GBK has about 60%.
MIN_GB2312_SHARE = 0.8
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: the DOS end-of-file mark some old GBK files carry
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_SAMPLE = 1 << 16


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # how the bytes were read: "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030"


def decode_bytes(data: bytes, name: str) -> str:
    """The text of `data` (a file called `name`, used in errors); raises CorpusError naming the file."""
    return decode(data, name).text


def decode(data: bytes, name: str) -> Decoded:
    if not data:
        raise CorpusError(f"{name} is empty (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding, name, offset=len(bom))
            return _checked(Decoded(text, "utf-8-sig" if encoding == "utf-8" else encoding), name)
    _reject_binary_bytes(data, name)
    failures = []
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            failures.append(f"{encoding.upper()} (fails at byte offset {exc.start}: {_hex(data, exc)})")
            continue
        if encoding == "gb18030":
            share = _gb2312_share(text)
            if share < MIN_GB2312_SHARE:
                raise CorpusError(
                    f"{name} is not {failures[0]} and, read as GB18030, only {share:.0%} of its non-ASCII "
                    f"characters are common simplified Chinese (need {MIN_GB2312_SHARE:.0%}); it may be Big5 or "
                    f"another encoding: save it as UTF-8 and add it again")
        return _checked(Decoded(text, encoding), name)
    raise CorpusError(f"{name} cannot be decoded: tried " + " and ".join(failures) + "; save it as UTF-8 and add it again")


def _strict(data: bytes, encoding: str, name: str, offset: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{name} starts with a {encoding.upper()} byte-order mark but fails to decode as "
                          f"{encoding.upper()} at byte offset {exc.start + offset}: {_hex(data, exc)}") from None


def _reject_binary_bytes(data: bytes, name: str) -> None:
    # Only for data without a UTF-16 BOM: in UTF-8 and GB18030, bytes below 0x20 only ever stand for
    # themselves (multi-byte sequences use 0x30 and up), so a NUL byte is a NUL character.
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CorpusError(f"{name} looks binary (NUL byte at offset {nul}); expected a text document")
    sample = data[:_SAMPLE]
    controls = sum(1 for b in sample if (b < 0x20 and chr(b) not in _TEXT_CONTROLS) or b == 0x7F)
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise CorpusError(f"{name} looks binary ({controls} control bytes in its first {len(sample)}); "
                          f"expected a text document")


def _checked(decoded: Decoded, name: str) -> Decoded:
    text = decoded.text
    if not text.replace("\ufeff", "").strip():  # a second BOM is not content either
        raise CorpusError(f"{name} holds only whitespace (read as {decoded.encoding})")
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS)
    if "\x00" in sample or controls > MAX_CONTROL_SHARE * len(sample):
        raise CorpusError(f"{name} looks binary ({controls} control characters in its first {len(sample)} "
                          f"as {decoded.encoding}); expected a text document")
    return decoded


def _gb2312_share(text: str) -> float:
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    return sum(1 for ch in wide if _in_gb2312(ch)) / len(wide)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _hex(data: bytes, exc: UnicodeDecodeError) -> str:
    bad = data[exc.start:exc.end][:4]
    return " ".join(f"0x{b:02x}" for b in bad) + f", {exc.reason}"
