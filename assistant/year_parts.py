"""Parts of a year named in a question, as spans of calendar months.

Owners say amounts and headcounts per part of the year: 「1到6月每月参保10人」「上半年缴了4600元」「一季度全缓了」
「4月以后每月都是1万」. `year_parts` finds each part with its months; `per_part` pairs a part with the quantity
said for it in the same clause; `series` pairs parts named together with a list said after them (「四个季度…分别是
8、10、12、14人」); `amounts_to_sum` decides which amounts said across turns add up. All are pure;
`assistant.insurance_requests` decides what they mean for a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, Sequence, TypeVar

from assistant.calculator.values import months_said
from assistant.quantities import CN_DIGITS, chinese_number
from assistant.turns import CORRECTION

_MONTH = rf"1[0-2]|[1-9]|十[一二]?|[{CN_DIGITS}]"
_LINK = r"到|至|-|—|–|~|～|－"
# 「1到6月」「1月到6月份」「7—12月」; not inside a date (「3月15日到5月6日」) and not 「6月6日」 after it
_RANGE = re.compile(rf"(?<![\d日号.])({_MONTH})\s*(?:月份?)?\s*(?:{_LINK})\s*({_MONTH})\s*月份?(?![\d{CN_DIGITS}十]*[日号])")
# 「4、5、6三个月」「4、5、6月」「4月、5月、6月」: months listed one after another, read as the span they make when
# each follows the one before (「3、5月」 is two months, not a span)
_MONTH_LIST = re.compile(rf"(?<![\d日号.、])(?:(?:{_MONTH})\s*(?:月份?)?\s*(?:、|和|及|与)\s*)+({_MONTH})\s*"
                         rf"(?:月份?(?![\d{CN_DIGITS}十]*[日号])|(?:这)?(?P<count>[两三四五六几])个月)")
_LISTED_MONTH = re.compile(rf"{_MONTH}")
# 「从4月到12月」「4月开始每月交1150，一直交到12月」: a start said as 从/开始/起, then, in the same sentence, an end
# said as 到/至 right after it or after 一直/交 (「4月起每月1万，到6月要交多少」 asks about June, it names no span)
_NOT_A_DAY = rf"(?![\d{CN_DIGITS}十]*[日号])"
_SPAN = re.compile(rf"(?<![\d日号.])(?P<said>(?:从|自)\s*({_MONTH})\s*月份?{_NOT_A_DAY}(?:\s*(?:才|就)?\s*(?:开始|起))?|"
                   rf"({_MONTH})\s*月份?\s*(?:才|就)?\s*(?:开始|起))"
                   rf"(?:\s*|[^。；;！!？?\n]{{0,30}}?(?:一直|持续|连续|都)(?:交|缴|付|参保)?|"
                   rf"[^。；;！!？?\n]{{0,30}}?(?:交|缴|付|参保)了?)"
                   rf"\s*(?:到|至)\s*({_MONTH})\s*月份?(?:底|末|为止)?{_NOT_A_DAY}")
# 「4月以后」「7月起」「10月份开始」: from that month to the year's end
_FROM = re.compile(rf"(?<![\d日号.])({_MONTH})\s*月份?\s*(?:才|就)?\s*(?:以后|之后|往后|起|开始|以来)")
_HALF = re.compile(r"(?<![之此])([上下前后])半年")  # not 之前半年/此前半年 (the last six months)
_QUARTER = re.compile(r"第?([一二三四1-4])季度|(?<![A-Za-z])Q([1-4])(?![\d])", re.I)
# 「头两个季度」「前三个季度」「后两个季度」: the year's first or last quarters together
_QUARTERS_TOGETHER = re.compile(r"(头|(?<![之以此然])前|(?<![之以此然])后)([两二三2-3])个季度")
# a single month 「1月8千」「3月份」; not a date (「3月15日」), not a duration (「3个月」) and not part of a range
_SINGLE = re.compile(rf"(?<![\d日号.个])({_MONTH})\s*月份?(?![\d{CN_DIGITS}十]*[日号])")
# where a clause ends: what is said for a part of the year stays within its clause
CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")


@dataclass(frozen=True)
class YearPart:
    first: int  # calendar month, 1–12
    last: int  # inclusive
    text: str
    start: int
    end: int

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    def overlaps(self, other: YearPart) -> bool:
        return self.first <= other.last and other.first <= self.last

    @property
    def said(self) -> str:
        """How an answer names it: 「上半年」 as said, 「1—6月」 for a range."""
        if self.first != self.last and re.search(r"[上下]半年|季度", self.text):
            return re.sub(r"\s+", "", self.text)
        return months_said(self.first, self.last)


def _month(text: str) -> int | None:
    value = chinese_number(text)
    return int(value) if value == int(value) and 1 <= value <= 12 else None


def year_parts(text: str) -> tuple[YearPart, ...]:
    """Every part of a year `text` names, in order; ranges before single months, so 「1到6月」 is one part."""
    found: list[YearPart] = []
    taken: list[tuple[int, int]] = []

    def add(first: int | None, last: int | None, m: re.Match, said: int | str = 0) -> None:
        if any(m.start() < end and start < m.end() for start, end in taken):
            return
        taken.append(m.span())  # 「6到3月」 is no part, and neither is its 「3月」
        if first is not None and last is not None and first <= last:
            found.append(YearPart(first, last, m.group(said), m.start(said), m.end(said)))

    for m in _RANGE.finditer(text):
        add(_month(m.group(1)), _month(m.group(2)), m)
    for m in _MONTH_LIST.finditer(text):
        listed = [_month(n) for n in _LISTED_MONTH.findall(m.group(0)[:m.start(1) - m.start()] + m.group(1))]
        counted = m.group("count") in (None, "几") or _month(m.group("count")) == len(listed)  # 「4、5、6两个月」: no
        if None not in listed and all(b == a + 1 for a, b in zip(listed, listed[1:])) and counted:
            add(listed[0], listed[-1], m)
    for m in _SPAN.finditer(text):
        # named where it starts (「4月开始」), so what is said for it before its end pairs with it as with 「4月以后」
        add(_month(m.group(2) or m.group(3)), _month(m.group(4)), m, said="said")
    for m in _FROM.finditer(text):
        add(_month(m.group(1)), 12, m)
    for m in _HALF.finditer(text):
        add(*((1, 6) if m.group(1) in "上前" else (7, 12)), m)
    for m in _QUARTERS_TOGETHER.finditer(text):
        count = int(chinese_number(m.group(2)))
        add(*((1, count * 3) if m.group(1) != "后" else (13 - count * 3, 12)), m)
    for m in _QUARTER.finditer(text):
        q = int(chinese_number(m.group(1) or m.group(2)))
        add(q * 3 - 2, q * 3, m)
    for m in _SINGLE.finditer(text):
        month = _month(m.group(1))
        add(month, month, m)
    return tuple(sorted(found, key=lambda p: p.start))


class _Said(Protocol):
    start: int
    end: int


Q = TypeVar("Q", bound=_Said)


def _clause_start(text: str, start: int) -> int:
    """Where the clause that goes on at `start` begins."""
    return max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)


def part_before(text: str, parts: Sequence[YearPart], start: int) -> YearPart | None:
    """The part said last in the clause that ends at `start`: 「上半年」 for the amount in 「上半年实际缴了4600元」."""
    clause_start = _clause_start(text, start)
    inside = [p for p in parts if clause_start <= p.start and p.end <= start]
    return inside[-1] if inside else None


def per_part(text: str, parts: Sequence[YearPart], quantities: Sequence[Q]) -> list[tuple[YearPart, Q]]:
    """(part, the first quantity after it in the same clause, before the next part): 「1到6月每月参保10人，7到12月
    每月参保14人」 → [(1–6月, 10人), (7–12月, 14人)]."""
    pairs = []
    for n, part in enumerate(parts):
        following = parts[n + 1].start if n + 1 < len(parts) else len(text)
        stop = CLAUSE_END.search(text, part.end)
        limit = min(following, stop.start() if stop else len(text))
        found = next((q for q in quantities if part.end <= q.start < limit), None)
        if found is None:  # 「7月起基数调了，每个月930」: said in the next clause, before the sentence ends
            end = _SENTENCE.search(text, part.end)
            found = next((q for q in quantities if part.end <= q.start < min(following, end.start() if end else len(text))
                          and _PER_MONTH_SAID.search(text, max(part.end, q.start - 6), q.start)), None)
        if found is not None:
            pairs.append((part, found))
    return pairs


# Parts named together, then listed with one quantity each in order: 「四个季度…分别是8、10、12、14人」「前两个季度」
# 「一到四季度」「上下半年分别交了4600、5400」; a month range only with 分别 (「1到3月分别是8千、9千、1万」), since
# 「1到3月每月8千」 is one amount for each.
_SERIES = re.compile(rf"(前|后)?([两二三四2-4])个季度|第?([一二三四1-4])(?:季度)?\s*(?:{_LINK})\s*第?([一二三四1-4])季度|"
                     r"(上下半年|上、下半年|上半年和下半年|上半年、下半年)")
_LISTED = re.compile(r"[\s、，,和及与/]*")
_SENTENCE = re.compile(r"[。；;！!？?\n]")
_PER_MONTH_SAID = re.compile(r"每个?月|一个月|月均")
_QUARTER_NAMES = "一二三四"


def _series_parts(m: re.Match) -> list[YearPart]:
    def part(first: int, last: int, name: str) -> YearPart:
        return YearPart(first, last, name, m.start(), m.end())

    if m.group(5):
        return [part(1, 6, "上半年"), part(7, 12, "下半年")]
    if m.group(2):
        count, side = int(chinese_number(m.group(2))), m.group(1)
        if count != 4 and side is None:
            return []  # 「三个季度」: which three is not said
        quarters = range(1, count + 1) if side != "后" else range(5 - count, 5)
    else:
        quarters = range(int(chinese_number(m.group(3))), int(chinese_number(m.group(4))) + 1)
    return [part(q * 3 - 2, q * 3, f"{_QUARTER_NAMES[q - 1]}季度") for q in quarters]


def series(text: str, quantities: Sequence[Q]) -> list[tuple[YearPart, Q]]:
    """(part, its quantity) for parts named together and then listed one quantity each, in order, in the same
    sentence: 「去年四个季度的平均参保人数分别是8、10、12、14人」 → [(一季度, 8), (二季度, 10), (三季度, 12), (四季度, 14)].
    The listed quantities must follow one another with only 、，和 between them, as many as the parts."""
    named = [(m.end(), _series_parts(m)) for m in _SERIES.finditer(text)]
    named += [(p.end, [YearPart(month, month, f"{month}月", p.start, p.end) for month in range(p.first, p.last + 1)])
              for p in year_parts(text) if p.months > 1 and not re.search(r"季度|半年", p.text)
              and re.match(r"[^，,。；;！!？?\n]{0,8}分别", text[p.end:])]
    for end, parts in named:
        stop = _SENTENCE.search(text, end)
        after = [q for q in quantities if end <= q.start < (stop.start() if stop else len(text))]
        run = after[:1]
        for q in after[1:]:
            if not _LISTED.fullmatch(text[run[-1].end:q.start]):
                break
            run.append(q)
        if parts and len(run) == len(parts):
            return list(zip(parts, run))
    return []


# 「又缴了」「另外交了」「还交了」: an amount on top of one said before; a correction (「不对，是…」) never is.
_ADDITIVE = re.compile(r"又|另外|另行|此外|加上|还有|还(?=[缴交付])|再(?=[缴交付])")


@dataclass(frozen=True)
class PartAmount:
    """An amount as said, with the part of the year it is for (None: not said) and whether it was said as
    additional to an earlier one."""

    value: Decimal
    part: YearPart | None
    additive: bool


def said_as_additional(text: str, start: int) -> bool:
    """Whether the clause before `start` says the amount comes on top of an earlier one (「下半年又缴了」)."""
    clause = text[_clause_start(text, start):start]
    return bool(_ADDITIVE.search(clause)) and not CORRECTION.search(text[:start])


def amounts_to_sum(nearest_first: Sequence[PartAmount]) -> tuple[PartAmount, ...]:
    """Of amounts said across a conversation (nearest first), those that add up to one figure, oldest first.

    Only parts that cannot be the same money are summed: amounts for disjoint parts of the year (「上半年4600」
    「下半年5400」), or an amount said as additional (「又缴了」) with the one before it. A later statement of an
    overlapping part supersedes the earlier one (a correction or a restatement), and an amount for no stated
    part ends the sum unless the one after it was additional: 「去年交了1万」「不对，是1.2万」 is 1.2万, not 2.2万."""
    chosen: list[PartAmount] = []
    for said in nearest_first:
        if not chosen:
            chosen.append(said)
            continue
        if said.part is not None and any(c.part is not None and c.part.overlaps(said.part) for c in chosen):
            continue  # the later figure for the same months stands
        disjoint = said.part is not None and all(c.part is not None for c in chosen)
        if not (disjoint or chosen[-1].additive):
            break
        chosen.append(said)
    return tuple(reversed(chosen))
