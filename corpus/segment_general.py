"""Sections of any policy text: inline headings, lost paragraph breaks, and news items without headings.

Pure functions. `segment_document` picks the segmenter by the text's structure: a multi-line text with
一、 item lines and a 责任单位 note (the Taiyuan layout) keeps the item segmenter of `corpus.segment`, whose
ids the engine and calculators rely on; everything else goes through `segment_general`.

Section ids (`segment_general`):
- ``preamble``: the text before the first heading (title, 文号, addressees, lead paragraph).
- the numbering path of a heading, outermost first, joined by ".": 三、 → ``3``; 三、（二） → ``3.2``;
  三、（二）1. → ``3.2.1``; 第十二条 → ``art-12``; 第十二条 inside 第二章 → ``ch-2.art-12``.
- ``#k`` marks the k-th part (k ≥ 2) of a span cut at sentence starts to fit the bound: ``3.2#2``,
  ``preamble#2``. Every part keeps the heading path of its span.
- ``p1``, ``p2``, …: a document without headings, packed from whole sentences.
- ``~k`` (rare) marks the k-th heading whose path repeats an earlier id, when a document skips a level in one
  place and not in another (一、1. … 一、（一）).

Granularity: a heading's span runs down to the next heading at the same or a higher level. It is one section
when it fits in MAX_SECTION_CHARS; otherwise its own text before its first sub-heading is a section and each
sub-heading is segmented the same way, so sections are as coarse as the bound allows. A heading with no text
of its own before its first sub-heading (「一、加强生活保障 （一）…」) does not become a heading-only section:
it leads its first sub-heading's section.

Bound: no section is longer than MAX_SECTION_CHARS characters. A longer span without sub-headings is cut at
sentence starts; a single sentence longer than the bound is cut at the bound, mid-sentence — the only place a
section boundary falls inside a sentence (and, for a whitespace run longer than the bound, the only way a
section could be whitespace only; the corpus's longest run is under 200).

Sentences: split after 。！？； (with their closing quotes and brackets), at whitespace outside brackets — the
lost paragraph breaks (「（记者 申铖）」 stays whole; so does a single space between ASCII letters or digits,
「N95 口罩」, unless a heading follows) — and before a 责任单位 note. Whitespace belongs to no sentence, and a
section's sentences lie inside it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.records import Section, Sentence
from corpus.segment import segment, split_units, is_item_document
from corpus.segment_headings import Heading, find_headings

# m3e-small, the default embedder, reads at most 512 tokens (about one per Chinese character); a longer
# section's tail would be invisible to dense retrieval.
MAX_SECTION_CHARS = 500

_TOKEN = re.compile(r"[。！？；!?;][”’）)】」』\"']*|\s+|[（(〔【《“]|[）)〕】》”]")
_OPENERS = "（(〔【《“"
# A 责任单位 note in full-width, ASCII or 〔〕 brackets, allowing one level of brackets inside
# (「各县（市、区）人民政府」).
UNITS_ANY = re.compile(r"[（(〔]责任单位[：:](?P<units>[^（()）〔〕]*(?:[（(][^（()）〔〕]*[）)][^（()）〔〕]*)*)[）)〕]")


def segment_document(doc: str, text: str) -> tuple[Section, ...]:
    """Cleaned text → sections, by the segmenter its structure calls for (see the module docstring)."""
    if is_item_document(text):
        # A document that opens with its first item has an empty preamble: no section (sections are never empty);
        # a space before a 责任单位 note (「…。 （责任单位：…）」) is no sentence (one is never whitespace only).
        sections = tuple(replace(s, sentences=tuple(x for x in s.sentences if x.text.strip()))
                         for s in segment(doc, text) if s.text)
        # The item segmenter has no bound and numbers items as they are written; an item document too long for
        # it, or one whose item numbers repeat (two lists each starting at 一、, a typo) and would give two
        # sections one id, goes the general way (which marks a repeat 「1~2」).
        ids = [s.id for s in sections]
        if all(len(s.text) <= MAX_SECTION_CHARS for s in sections) and len(set(ids)) == len(ids):
            return sections
    return segment_general(doc, text)


def segment_general(doc: str, text: str) -> tuple[Section, ...]:
    """Cleaned text → sections that tile it, each within MAX_SECTION_CHARS (ids as in the module docstring)."""
    if not text:
        raise ValueError("cannot segment empty text: a policy needs at least one character")
    heads = find_headings(text)
    starts = frozenset(h.start for h in heads)
    if not heads:
        plan = [(f"p{k}", f"第{k}部分", (), a, b, a) for k, (a, b) in enumerate(_pack(text, 0, len(text), starts), 1)]
    else:
        plan = _plan(text, heads, starts)
    return tuple(_section(doc, text, starts, *row) for row in plan)


_Row = tuple[str, str, tuple[str, ...], int, int, int]  # id, title, heading path, start, end, body start


def _plan(text: str, heads: tuple[Heading, ...], starts: frozenset[int]) -> list[_Row]:
    n = len(heads)
    ends, parent = [len(text)] * n, [-1] * n
    children: list[list[int]] = [[] for _ in heads]
    stack: list[int] = []
    for k, h in enumerate(heads):
        while stack and heads[stack[-1]].rank >= h.rank:
            ends[stack.pop()] = h.start
        if stack:
            parent[k] = stack[-1]
            children[stack[-1]].append(k)
        stack.append(k)
    ids: list[str] = []
    paths: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for k, h in enumerate(heads):
        p = parent[k]
        sid = f"{ids[p]}.{h.id_part}" if p >= 0 else h.id_part
        seen[sid] = seen.get(sid, 0) + 1
        ids.append(sid if seen[sid] == 1 else f"{sid}~{seen[sid]}")
        paths.append((paths[p] if p >= 0 else ()) + (h.label,))

    rows: list[_Row] = []

    def bounded(k: int, start: int, end: int) -> None:
        h = heads[k]
        rows.extend(_parts(text, ids[k], h.title, paths[k], start, end, h.label_end, starts))

    def emit(k: int, start: int) -> None:
        h, kids = heads[k], children[k]
        if ends[k] - start <= MAX_SECTION_CHARS or not kids:
            bounded(k, start, ends[k])
            return
        first = heads[kids[0]].start
        if text[h.label_end:first].strip():
            bounded(k, start, first)
            emit(kids[0], first)
        else:
            emit(kids[0], start)  # heading only: it leads its first sub-heading's section
        for c in kids[1:]:
            emit(c, heads[c].start)

    if heads[0].start > 0:
        rows.extend(_parts(text, "preamble", "前言", (), 0, heads[0].start, 0, starts))
    for k in range(n):
        if parent[k] < 0:
            emit(k, heads[k].start)
    return rows


def _parts(text: str, sid: str, title: str, path: tuple[str, ...], start: int, end: int, body_start: int,
           starts: frozenset[int]) -> list[_Row]:
    spans = _pack(text, start, end, starts)
    return [(sid if k == 1 else f"{sid}#{k}", title, path, a, b, body_start if k == 1 else a)
            for k, (a, b) in enumerate(spans, 1)]


def _pack(text: str, start: int, end: int, starts: frozenset[int]) -> list[tuple[int, int]]:
    """Tile text[start:end] with spans of at most MAX_SECTION_CHARS, cut at sentence starts where possible."""
    if end - start <= MAX_SECTION_CHARS:
        return [(start, end)]
    cuts = [start] + [s.start for s in sentences(text, start, end, starts) if s.start > start] + [end]
    spans: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        if spans and b - spans[-1][0] <= MAX_SECTION_CHARS:
            spans[-1] = (spans[-1][0], b)
            continue
        # One sentence longer than the bound: cut it at the bound.
        spans.extend((x, min(x + MAX_SECTION_CHARS, b)) for x in range(a, b, MAX_SECTION_CHARS))
    return spans


def sentences(text: str, start: int, end: int, headings: frozenset[int] = frozenset()) -> tuple[Sentence, ...]:
    """Sentences of text[start:end] (rules in the module docstring); `headings` are offsets of heading markers."""
    out: list[Sentence] = []
    i, depth = start, 0
    for m in _TOKEN.finditer(text, start, end):
        ch = m.group()[0]
        if ch.isspace():
            if depth == 0 and not _inside_words(text, m.start(), m.end(), headings):
                _emit(out, text, i, m.start())
                i = m.end()
        elif ch in _OPENERS:
            depth += 1
        elif len(m.group()) == 1 and ch not in "。！？；!?;":
            depth = max(0, depth - 1)
        else:
            _emit(out, text, i, m.end())
            i, depth = m.end(), 0
    _emit(out, text, i, end)
    return tuple(out)


def _inside_words(text: str, a: int, b: int, headings: frozenset[int]) -> bool:
    # 「N95 口罩」「2月10 日」: one plain space next to an ASCII letter or digit is a word gap, not a break.
    if b - a != 1 or text[a] != " " or b in headings:
        return False
    return (a > 0 and _ascii_word(text[a - 1])) or (b < len(text) and _ascii_word(text[b]))


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _emit(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return
    # The 责任单位 note follows an item's last sentence, often without a stop; keep it apart so that a quote
    # of the rule does not drag the department list along.
    m = UNITS_ANY.search(text, a, b)
    if m and (m.start() > a or m.end() < b):
        for x, y in ((a, m.start()), (m.start(), m.end()), (m.end(), b)):
            _emit(out, text, x, y)
        return
    out.append(Sentence(text[a:b], a, b))


def _section(doc: str, text: str, starts: frozenset[int], sid: str, title: str, path: tuple[str, ...],
             start: int, end: int, body_start: int) -> Section:
    body = text[body_start:end]
    units: list[str] = []
    for m in UNITS_ANY.finditer(body):
        units.extend(u for u in split_units(m.group("units")) if u not in units)
    return Section(
        doc=doc,
        id=sid,
        title=title,
        heading_path=path,
        text=text[start:end],
        start=start,
        end=end,
        # The label stops before its 。 or ：; the body starts after it.
        body=UNITS_ANY.sub("", body).strip().lstrip("。：:；;，,").strip(),
        units=tuple(units),
        sentences=sentences(text, start, end, starts),
    )
