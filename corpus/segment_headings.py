"""Inline headings of policy text whose paragraph breaks were lost: 第X章 > 第X条 > 一、 > （一） > 1. > （1）.

Pure functions. A *candidate* is a numbering marker standing at a paragraph boundary — the start of the text
or right after whitespace — because in the one-line documents every paragraph, heading included, follows a
space, while a cross-reference (「本公告第一条」, 「《慈善法》第八条」) or a figure (「1.5倍」, 「2020.3.1」,
「第1季度」) follows another character or is not a marker at all. A candidate is *accepted* only when its
numbering is consistent with its kind's sequence:

- it continues the last accepted heading of its kind (n == last + 1; numbering may carry on across parents,
  as in （十四） under 五、), or
- it is a 1 and the next 1-or-2 of its kind is a 2 (a lone 「一、」 is not a list). Such a restart may come
  under a new parent (「二、」 then 「（一）」 again) or not: a document that lists its items twice (a table of
  contents, a summary before the details) or runs several 1. 2. 3. lists under unnumbered sub-titles.

Kinds are ranked outermost first, fixed by the official numbering order (GB/T 9704): 第X章 (0), 第X条 (1),
一、 (2), （一） (3), 1. / 1、 (4), （1） (5). A heading's parent is the nearest heading before it of a lower
rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"(?:([一二三四五六七八九])百)?(零)?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?")
_POSITIONAL = {"〇": 0, "○": 0, "零": 0, "O": 0, **_DIGIT}

# Kind name → rank (0 is outermost) and how its number reads in a section id.
KIND_RANK = {"chapter": 0, "article": 1, "item": 2, "paren_item": 3, "point": 4, "paren_point": 5}
_ID_PREFIX = {"chapter": "ch-", "article": "art-"}

_CN = "[一二三四五六七八九十百零]+"
_MARKER = re.compile(
    r"(?<!\S)(?:"
    rf"(?P<chapter>第(?P<chapter_n>{_CN}|\d{{1,3}})章)"
    # 「第三条规定」「第一条的」 are references even after a space; an article heading is followed by its text.
    rf"|(?P<article>第(?P<article_n>{_CN}|\d{{1,3}})条)(?![的规、，,第款项中所之和及或至]|$)"
    # 「一、二级」: a list of numerals, not a heading.
    rf"|(?P<item>(?P<item_n>{_CN})、)(?![一二三四五六七八九十])"
    rf"|(?P<paren_item>[（(](?P<paren_item_n>{_CN})[）)])"
    # 「1.5倍」「1、2月」: a digit after the dot or 、 makes it a figure.
    r"|(?P<point>(?P<point_n>\d{1,2})[.．、](?!\d))"
    r"|(?P<paren_point>[（(](?P<paren_point_n>\d{1,2})[）)])"
    r")"
)
# A heading's label runs from its marker to the first whitespace or stop; past this many characters it is cut
# at a comma (or hard), so a numbered sentence without a title does not become a paragraph-long label.
MAX_LABEL_CHARS = 50
_LABEL_STOP = re.compile(r"[\s。！？；：:!?;]")
_COMMA = re.compile(r"[，,]")
_GAP = re.compile(r"[ \t\u3000\xa0]{1,3}")


def chinese_int(numeral: str) -> int:
    """一 → 1, 十 → 10, 十一 → 11, 二十三 → 23, 一百零一 → 101; raises ValueError for anything else."""
    m = _CN_NUMBER.fullmatch(numeral)
    if not numeral or not m:
        raise ValueError(f"not a Chinese numeral: {numeral!r} (expected 一…九百九十九, e.g. 十二, 一百零一)")
    hundreds, zero, tens, ten, ones = m.groups()
    if zero and not (hundreds and ones and not ten):
        raise ValueError(f"not a Chinese numeral: {numeral!r} (零 only stands between 百 and a last digit)")
    value = _DIGIT[hundreds] * 100 if hundreds else 0
    if ten:
        value += (_DIGIT[tens] if tens else 1) * 10
    if ones:
        value += _DIGIT[ones]
    return value


def positional_int(digits: str) -> int:
    """Digit-by-digit numerals as years are written: 二〇二〇 → 2020."""
    if not digits or any(ch not in _POSITIONAL for ch in digits):
        raise ValueError(f"not a digit-by-digit Chinese numeral: {digits!r} (expected characters of 〇一…九)")
    return int("".join(str(_POSITIONAL[ch]) for ch in digits))


@dataclass(frozen=True)
class Heading:
    """An accepted inline heading; offsets are into the text it was found in."""

    start: int  # offset of the marker's first character
    kind: str  # a key of KIND_RANK
    number: int
    marker: str  # 「三、」「（二）」「第十二条」「1.」
    label: str  # marker and title as written, e.g. 「三、加强金融支持」
    label_end: int  # offset just after the label

    @property
    def rank(self) -> int:
        return KIND_RANK[self.kind]

    @property
    def id_part(self) -> str:
        """This heading's step in a section id: 「3」 for 三、 or （三）, 「art-12」 for 第十二条, 「ch-2」 for 第二章."""
        return f"{_ID_PREFIX.get(self.kind, '')}{self.number}"

    @property
    def title(self) -> str:
        """The label without its number; the marker itself when the heading has no words (「第一条」)."""
        return self.label[len(self.marker):].strip() or self.marker


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int  # just after the marker
    kind: str
    number: int


def candidates(text: str) -> list[_Candidate]:
    """Every numbering marker at a paragraph boundary, in text order, whether or not its sequence holds."""
    out = []
    for m in _MARKER.finditer(text):
        kind = next(k for k in KIND_RANK if m.group(k) is not None)
        raw = m.group(f"{kind}_n")
        try:
            number = int(raw) if raw.isdigit() else chinese_int(raw)
        except ValueError:
            continue  # 「十十、」「一一、」: not a numeral, so not a heading
        if number > 0:
            out.append(_Candidate(m.start(), m.end(), kind, number))
    return out


def find_headings(text: str) -> tuple[Heading, ...]:
    """The accepted headings of `text`, in text order (see the module docstring for the rules)."""
    by_kind: dict[str, list[_Candidate]] = {k: [] for k in KIND_RANK}
    for c in candidates(text):
        by_kind[c.kind].append(c)
    accepted = sorted((c for cands in by_kind.values() for c in _accept(cands)), key=lambda c: c.start)
    return tuple(_heading(text, c) for c in accepted)


def _accept(cands: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    last = 0
    for k, c in enumerate(cands):
        if (last and c.number == last + 1) or (c.number == 1 and _list_follows(cands, k)):
            out.append(c)
            last = c.number
    return out


def _list_follows(cands: list[_Candidate], k: int) -> bool:
    # A 1 starts a list only if the next 1-or-2 of its kind is a 2: a lone 「1.」 or 「一、」 is not a list.
    following = next((c.number for c in cands[k + 1:] if c.number <= 2), None)
    return following == 2


def _heading(text: str, c: _Candidate) -> Heading:
    title_start = c.end
    # 「一、 总体要求」「1. 加大财税支持。」: the title may follow a space; an article's text may not
    # (「第一条 根据…」 is the article, not its title), nor may the next heading (「一、 （一）…」).
    gap = _GAP.match(text, c.end)
    if c.kind != "article" and gap and not _MARKER.match(text, gap.end()) and not _LABEL_STOP.match(text, gap.end()):
        title_start = gap.end()
    stop = _LABEL_STOP.search(text, title_start)
    end = stop.start() if stop else len(text)
    if end - c.start > MAX_LABEL_CHARS:
        comma = _COMMA.search(text, title_start, c.start + MAX_LABEL_CHARS)
        end = comma.start() if comma else c.start + MAX_LABEL_CHARS
    if end <= title_start:
        end = c.end
    return Heading(c.start, c.kind, c.number, text[c.start:c.end], text[c.start:end], end)
