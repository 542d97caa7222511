"""Read policy files into `Policy` records: the only I/O in `corpus/` is reading the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.clean import clean_text
from corpus.metadata import extract_metadata
from corpus.records import Policy
from corpus.segment_general import segment_document


class CorpusError(ValueError):
    """A corpus file or folder cannot be read as policy text; the message names it."""


def read_text(path: Path) -> str:
    """A corpus file's text: UTF-8, or GB18030/GBK converted; empty, binary or undecodable files are refused
    with a message naming the file (corpus/decode.py decides)."""
    from corpus.decode import decode_bytes

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read policy file {path}: {exc.strerror}") from None
    return decode_bytes(data, str(path))


def parse_policy(doc: str, raw: str) -> Policy:
    """Raw text of one document → Policy with the metadata the text states and its sections."""
    text = clean_text(raw)
    if not text:
        raise CorpusError(f"policy {doc!r} has no text after cleaning")
    meta = extract_metadata(text)
    return Policy(doc=doc, title=meta.title, doc_number=meta.doc_number, issued=meta.issued,
                  addressees=meta.addressees, text=text, sections=segment_document(doc, text),
                  issuer=meta.issuer, region=meta.region, valid_from=meta.valid_from,
                  valid_until=meta.valid_until, validity=meta.validity)


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
