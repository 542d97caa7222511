"""Read policy files into `Policy` records: the only I/O in `corpus/` is reading the file."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from corpus.clean import clean_text
from corpus.records import Policy
from corpus.segment import paragraphs, segment


class CorpusError(ValueError):
    """A corpus file or folder cannot be read as policy text; the message names it."""


_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(\d{4})\s*[〕\]］)）]\s*(\d+)\s*号$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read policy file {path}: {exc.strerror}") from None
    if not data.strip():
        raise CorpusError(f"policy file {path} is empty")
    if b"\x00" in data[:4096]:
        raise CorpusError(f"policy file {path} looks binary (NUL bytes); expected UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"policy file {path} is not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None


def parse_policy(doc: str, raw: str) -> Policy:
    """Raw text of one document → Policy with metadata from its header lines and its sections."""
    text = clean_text(raw)
    if not text:
        raise CorpusError(f"policy {doc!r} has no text after cleaning")
    header = [p.text for p in paragraphs(text)[:6]]
    title = header[0]
    doc_number = next((_official_doc_number(h) for h in header if _DOC_NUMBER.match(h)), "")
    issued = next((_iso_date(h) for h in header if _DATE.match(h)), "")
    addressees = next((h.rstrip("：:") for h in header if h.endswith(("：", ":")) and len(h) < 200), "")
    return Policy(doc=doc, title=title, doc_number=doc_number, issued=issued, addressees=addressees,
                  text=text, sections=segment(doc, text))


def load_policy(path: Path | str) -> Policy:
    path = Path(path)
    return parse_policy(path.stem, read_text(path))


def load_corpus(folder: Path | str) -> tuple[Policy, ...]:
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist or is not a folder")
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise CorpusError(f"corpus folder {folder} holds no .txt policy files")
    return tuple(load_policy(f) for f in files)


def corpus_hash(policies: tuple[Policy, ...]) -> str:
    h = hashlib.sha256()
    for p in policies:
        h.update(p.doc.encode() + b"\x00" + p.text.encode() + b"\x00")
    return h.hexdigest()[:16]


def _official_doc_number(line: str) -> str:
    # The extraction prints 并政发[2020]2号; the official form uses 〔〕.
    m = _DOC_NUMBER.match(line)
    assert m
    prefix = line[: line.index(next(c for c in line if c in "〔[［(（"))]
    return f"{prefix}〔{m.group(1)}〕{m.group(2)}号"


def _iso_date(line: str) -> str:
    y, mth, d = _DATE.match(line).groups()  # type: ignore[union-attr]
    return f"{int(y):04d}-{int(mth):02d}-{int(d):02d}"
