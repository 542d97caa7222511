"""Cleaned text of a Taiyuan-shaped document → preamble, numbered items, closing; with character offsets.

The layout: one paragraph per line, items headed by 「一、…」 lines, each item ending in a 责任单位 note. The
engine and calculators rely on this segmenter's ids ("preamble", "1"…"10", "closing") for that document, so
it stays as it is; `corpus.segment_general.segment_document` sends every other text to the general segmenter.

Pure functions. The sections tile the cleaned text: the first starts at 0, each ends where the next
starts, the last ends at len(text), so every character belongs to exactly one section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.records import Section, Sentence

# Bump when segmentation changes: the index manifest records it and rebuilds on a mismatch.
SEGMENTER_VERSION = "inline-headings-2"

CHINESE_NUMERALS = "一二三四五六七八九十"
ITEM_HEADING = re.compile(r"^(十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?|[一二三四五六七八九])、(.+)$")
UNITS_NOTE = re.compile(r"[（〔(]责任单位[：:](?P<units>.+)[）〕)]$")
_SENTENCE_END = "。！？；!?;"
_CLOSERS = "”’）】」』\"'"


@dataclass(frozen=True)
class Paragraph:
    text: str
    start: int  # offset of the paragraph's first character in the cleaned text


def paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line:
            out.append(Paragraph(line, pos))
        pos += len(line) + 1
    return out


def is_item_document(text: str) -> bool:
    """Whether `text` has the Taiyuan layout: several 「一、…」 item lines and a line with a 责任单位 note."""
    if "\n" not in text:
        return False
    lines = text.split("\n")
    return sum(1 for line in lines if ITEM_HEADING.match(line)) >= 2 and any(UNITS_NOTE.search(line) for line in lines)


def chinese_number(numeral: str) -> int:
    """一 → 1 … 十 → 10, 十一 → 11, 二十三 → 23 (item numbers in policy headings)."""
    digits = {c: i + 1 for i, c in enumerate(CHINESE_NUMERALS[:9])}
    if not re.fullmatch(ITEM_HEADING.pattern[1:].split("、")[0], numeral):
        raise ValueError(f"not a Chinese item numeral: {numeral!r} (expected 一…九十九)")
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    if numeral in digits:
        return digits[numeral]
    raise ValueError(f"not a Chinese item numeral: {numeral!r} (expected 一…九十九)")


def split_units(units: str) -> tuple[str, ...]:
    """「各县（市、区）人民政府、市工信局」 → ("各县（市、区）人民政府", "市工信局"): split on 、 outside brackets."""
    parts, depth, current = [], 0, []
    for ch in units:
        if ch in "（(〔[【":
            depth += 1
        elif ch in "）)〕]】":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return tuple(p for p in parts if p)


def sentences(text: str, start: int, end: int) -> tuple[Sentence, ...]:
    """Sentences of text[start:end], split after 。！？； (with any closing quote or bracket) and at line ends."""
    out: list[Sentence] = []
    i = start
    while i < end:
        while i < end and text[i] == "\n":
            i += 1
        if i >= end:
            break
        j = i
        while j < end and text[j] != "\n" and text[j] not in _SENTENCE_END:
            j += 1
        if j < end and text[j] in _SENTENCE_END:
            j += 1
            while j < end and text[j] in _CLOSERS:
                j += 1
        out.extend(_split_units_note(text, i, j))
        i = j
    return tuple(out)


def _split_units_note(text: str, i: int, j: int) -> list[Sentence]:
    # The responsible-units note follows the last sentence of an item without a stop; keep it apart
    # so that a quote of the rule does not drag the department list along.
    piece = text[i:j]
    m = re.search(r"[（〔]责任单位[：:]", piece)
    if m and m.start() > 0 and UNITS_NOTE.search(piece):
        k = i + m.start()
        return [Sentence(text[i:k], i, k), Sentence(text[k:j], k, j)]
    return [Sentence(piece, i, j)]


def units_note(section: Section) -> Sentence | None:
    """The sentence of a section that is its 责任单位 note (「（责任单位：…）」), if it has one."""
    return next((s for s in section.sentences if UNITS_NOTE.match(s.text)), None)


def segment(doc: str, text: str) -> tuple[Section, ...]:
    """Cleaned text of a document with numbered items (一、…) → preamble, items, closing."""
    paras = paragraphs(text)
    headings = [k for k, p in enumerate(paras) if ITEM_HEADING.match(p.text)]
    if not headings:
        return (_section(doc, text, "preamble", "前言", (), 0, len(text), 0),)

    sections: list[Section] = []
    first = paras[headings[0]].start
    body_start = paras[headings[0] - 1].start if headings[0] > 0 else 0
    sections.append(_section(doc, text, "preamble", "前言", (), 0, first, body_start))

    for n, k in enumerate(headings):
        heading = paras[k]
        numeral, title = ITEM_HEADING.match(heading.text).groups()  # type: ignore[union-attr]
        stop = headings[n + 1] if n + 1 < len(headings) else len(paras)
        # The item ends with the paragraph that carries its 责任单位 note; anything after the last item's
        # note belongs to the closing.
        last = k
        for m in range(k + 1, stop):
            last = m
            if UNITS_NOTE.search(paras[m].text):
                break
        end = paras[last + 1].start if last + 1 < len(paras) else len(text)
        if n + 1 < len(headings):
            end = paras[headings[n + 1]].start
        section_id = str(chinese_number(numeral))
        sections.append(
            _section(doc, text, section_id, title, (heading.text,), heading.start, end, heading.start + len(heading.text) + 1)
        )
    if sections[-1].end < len(text):
        start = sections[-1].end
        sections.append(_section(doc, text, "closing", "结语", (), start, len(text), start))
    return tuple(sections)


def _section(doc: str, text: str, section_id: str, title: str, heading_path: tuple[str, ...],
             start: int, end: int, body_start: int) -> Section:
    span = text[start:end]
    body = text[body_start:end].strip("\n")
    units: tuple[str, ...] = ()
    m = UNITS_NOTE.search(body)
    if m:
        units = split_units(m.group("units"))
        body = body[: m.start()].rstrip()
    return Section(
        doc=doc,
        id=section_id,
        title=title,
        heading_path=heading_path,
        text=span,
        start=start,
        end=end,
        body=body,
        units=units,
        sentences=sentences(text, start, end),
    )
