"""Undo the PDF-extraction artefacts of the raw policy text without touching its content.

The raw file ends every paragraph with U+FFFD, hard-wraps lines (with blank lines in the middle of
sentences), indents paragraphs with full-width spaces and, once, starts a wrapped line with a stray ASCII
space. The cleaned text is one paragraph per line: every non-whitespace character of the raw text except
U+FFFD survives, in order, and nothing is added.

Texts without U+FFFD keep their lines. The corpus-extra documents are one line each, paragraphs run
together with spaces (ASCII, U+3000, U+00A0, U+2002): those inner spaces stay as they are — they are where
the segmenter finds paragraphs and headings, and offsets into the cleaned text then match the file — and
only whitespace at the ends of a line goes, of any kind (a line ending in U+00A0 would otherwise leave a
section or title of nothing but space).
"""

from __future__ import annotations

PARAGRAPH_MARK = "\ufffd"


def clean_text(raw: str) -> str:
    """Raw extraction → cleaned text, one paragraph per line, no trailing newline."""
    raw = raw.lstrip("\ufeff")
    if PARAGRAPH_MARK in raw:
        chunks = raw.split(PARAGRAPH_MARK)
    else:  # text without paragraph marks: each non-blank line is a paragraph
        chunks = raw.splitlines()
    paragraphs = [_join_wrapped_lines(chunk) for chunk in chunks]
    return "\n".join(p for p in paragraphs if p)


def _join_wrapped_lines(chunk: str) -> str:
    # Chinese text has no spaces between words, so a hard wrap joins with nothing; layout spaces at the
    # start and end of each wrapped line (indents, the stray " 、市财政局）") are not content.
    return "".join(line.strip() for line in chunk.splitlines())


def content_chars(text: str) -> str:
    """The characters cleaning must preserve: everything but whitespace and the paragraph mark."""
    return "".join(ch for ch in text if not ch.isspace() and ch != PARAGRAPH_MARK)
