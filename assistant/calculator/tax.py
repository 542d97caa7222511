"""七、延期缴纳税款: on application, tax payment may be deferred by at most 3 months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from assistant.calculator.results import NeedsInput
from assistant.calculator.values import CalculatorError, DateError, date, refuse, whole_months
from assistant.period import add_months, chinese_date
from corpus.records import Calculation

KIND = "tax_deferral"
CLAUSE = "7"
MAX_MONTHS = 3
# Wide enough for any real due date, narrow enough that adding months never leaves the calendar.
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


@dataclass(frozen=True)
class TaxDeferralRequest:
    kind: ClassVar[str] = KIND
    due_date: dt.date | None = None  # the original payment deadline
    requested_months: int | None = None  # how long the user wants to defer, if they said
    requested_date: dt.date | None = None  # or the day the user wants to pay by
    requested_month: int | None = None  # or the calendar month (1–12) the user wants to pay in: 「延到11月」


def _month_after(due: dt.date, month: Any) -> tuple[int, int]:
    """(year, month) of the first 「N月」 after the due date: 「5月20日的税延到11月」 is 2020-11, 「11月的延到2月」 the
    next February. The due month itself is no deferral."""
    month = whole_months(month, "requested_month", 1, 12, unit="月")
    if month == due.month:
        raise refuse(DateError, "requested_month", f"{month}月就是原定缴纳期限（{due}）所在的月份，不算延期：请说一个更晚的月份")
    return (due.year if month > due.month else due.year + 1), month


def tax_deferral(due_date: Any, requested_months: Any = None, requested_date: Any = None,
                 requested_month: Any = None) -> Calculation:
    due = date(due_date, "due_date")
    if not EARLIEST <= due <= LATEST:
        raise refuse(DateError, "due_date", f"应在 {EARLIEST} 至 {LATEST} 之间，收到 {due}")
    latest = add_months(due, MAX_MONTHS)
    steps = ["确有困难不能按期缴纳税款的企业，由企业申请，可依法办理延期缴纳税款，最长不超过3个月。",
             f"{chinese_date(due)} + 3个月 = {chinese_date(latest)}"
             + (f"（{latest.month}月没有{due.day}日，按该月最后一天计）。" if latest.day != due.day else "。")]
    result: dict[str, Any] = {"latest_date": latest.isoformat(), "max_months": MAX_MONTHS}
    if requested_months is not None:
        months = whole_months(requested_months, "requested_months", 1, 120)
        allowed = months <= MAX_MONTHS
        steps.append(f"申请延期{months}个月：{'不超过' if allowed else '超过了'}3个月的上限。")
        result.update(requested_date=add_months(due, months).isoformat(), allowed=allowed)
    if requested_date is not None:
        if requested_months is not None:
            raise CalculatorError(f"give requested_months or requested_date, not both "
                                  f"(got {requested_months!r} and {requested_date!r})")
        wanted = date(requested_date, "requested_date")
        if not due < wanted <= LATEST:
            raise refuse(DateError, "requested_date", f"应晚于原定缴纳期限 {due}、不晚于 {LATEST}，收到 {wanted}")
        allowed = wanted <= latest
        steps.append(f"申请延至{chinese_date(wanted)}：{'未超过' if allowed else '超过了'}最晚期限{chinese_date(latest)}"
                     f"（{'在' if allowed else '超出'}3个月的上限{'内' if allowed else ''}）。")
        result.update(requested_date=wanted.isoformat(), allowed=allowed)
    if requested_month is not None:
        if requested_months is not None or requested_date is not None:
            raise CalculatorError(f"give one of requested_months, requested_date, requested_month, not several "
                                  f"(got {requested_months!r}, {requested_date!r}, {requested_month!r})")
        year, month = _month_after(due, requested_month)
        asked = f"{year}年{month}月"
        if (year, month) < (latest.year, latest.month):
            allowed, how = True, f"整个{asked}都在最晚期限{chinese_date(latest)}之前（未超过3个月的上限）"
        elif (year, month) == (latest.year, latest.month):
            allowed, how = True, f"须在{chinese_date(latest)}前缴纳，{asked}{latest.day}日以后就超过3个月的上限"
        else:
            allowed, how = False, f"超过了最晚期限{chinese_date(latest)}（超出3个月的上限）"
        steps.append(f"申请延至{asked}：{how}。")
        result.update(requested_month=f"{year}-{month:02d}", allowed=allowed)
    steps.append("延期须由企业申请、经税务机关依法批准，批准的期限以税务机关决定为准。")
    inputs = {"due_date": due.isoformat(), "requested_months": requested_months,
              "requested_date": None if requested_date is None else requested_date.isoformat(),
              "requested_month": requested_month}
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def needs(request: TaxDeferralRequest) -> NeedsInput | None:
    if request.due_date is not None:
        return None
    return NeedsInput(kind=KIND, missing=("due_date",), clause=CLAUSE,
                      question_back="延期缴纳税款最长不超过3个月（须由企业申请、依法办理）。"
                                    "请告诉我这笔税款原定的缴纳期限（例如「3月15日」），我来算最晚可以延到哪天。")


def solve(request: TaxDeferralRequest) -> Calculation:
    return tax_deferral(request.due_date, request.requested_months, request.requested_date, request.requested_month)


def lead(calc: Calculation) -> str:
    due = dt.date.fromisoformat(calc.inputs["due_date"])
    latest = dt.date.fromisoformat(calc.result["latest_date"])
    text = f"原定{chinese_date(due)}缴纳的税款，申请延期后最晚可延至{chinese_date(latest)}（最长3个月，须企业申请、依法办理）"
    month = calc.result.get("requested_month")
    month_text = None if month is None else f"{int(month[:4])}年{int(month[5:])}月"
    if calc.result.get("allowed") is False:
        asked = (f"{calc.inputs['requested_months']}个月" if calc.inputs.get("requested_months") is not None
                 else f"延至{month_text}" if month_text
                 else f"延至{chinese_date(dt.date.fromisoformat(calc.inputs['requested_date']))}")
        text = f"不行：延期最长不超过3个月，申请{asked}超出上限；" + text
    elif calc.result.get("allowed") is True and month_text:
        last_month = month == f"{latest.year}-{latest.month:02d}"  # only its first days are within the limit
        text = (f"可以申请：延至{month_text}" + (f"须在{chinese_date(latest)}前缴纳" if last_month else "未超过3个月的上限")
                + "；" + text)
    elif calc.result.get("allowed") is True and calc.inputs.get("requested_date"):
        text = f"可以申请：延至{chinese_date(dt.date.fromisoformat(calc.inputs['requested_date']))}未超过3个月的上限；" + text
    return text + "。"
