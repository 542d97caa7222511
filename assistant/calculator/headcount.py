"""年度平均参保职工人数 from insured headcounts said per part of the year (「1到6月每月10人，7到12月每月14人」).

The annual average is the year's person-months over its 12 months, so every month must be accounted for: a
month the user did not mention is not assumed to have had nobody insured (or the same people); the rule asks.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assistant.calculator.values import (
    CENT, YEAR, CalculatorError, headcount, month_runs, month_span, months_said, plain,
)

# (first month, last month, people insured in each of those months)
Spans = tuple[tuple[int, int, Decimal], ...]


def checked_spans(spans: Any) -> Spans:
    """Spans with whole months 1–12 in order and no month given twice; headcounts checked as headcounts."""
    if not isinstance(spans, tuple) or not spans:
        raise CalculatorError(f"monthly_headcounts must be a non-empty tuple of (first, last, people), got {spans!r}")
    checked, seen = [], set()
    for span in spans:
        first, last, people = month_span(span, "monthly headcount", "people")
        if not 1 <= first <= last <= 12:
            raise CalculatorError(f"月份须在 1 至 12 之间且起月不晚于止月，收到 {first}—{last}月", field="insured_employees")
        months = set(range(first, last + 1))
        if months & seen:
            twice = "、".join(f"{m}月" for m in sorted(months & seen))
            raise CalculatorError(f"{twice}的参保人数给了两次，请每个月只给一个人数", field="insured_employees")
        seen |= months
        checked.append((first, last, headcount(people, "insured_employees", label=f"{months_said(first, last)}每月参保人数")))
    return tuple(sorted(checked))


def missing_months(spans: Spans) -> list[int]:
    covered = {m for first, last, _ in spans for m in range(first, last + 1)}
    return [m for m in YEAR if m not in covered]


def annual_average(spans: Spans) -> tuple[Decimal, str]:
    """(the annual average, exact, and the step that shows it) for spans covering all 12 months."""
    person_months = sum(((last - first + 1) * people for first, last, people in spans), Decimal(0))
    average = person_months / 12
    shown = average.quantize(CENT, ROUND_HALF_UP)
    terms = " + ".join(f"{plain(people)}人×{last - first + 1}个月" for first, last, people in spans)
    sign, note = ("=", "") if shown == average else ("≈", "（除不尽，补贴按准确值计算）")
    return average, (f"年度平均参保职工人数 = 全年每月参保人数之和÷12个月：({terms})÷12 {sign} {plain(shown.normalize())}人"
                     f"{note}。")


def describe_missing(months: list[int]) -> str:
    """「7—12月」「3月、5月」: runs of consecutive months."""
    return "、".join(months_said(run[0], run[-1]) for run in month_runs(months))
