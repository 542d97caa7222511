"""Checked input values and how amounts are written in answers.

Every rule takes its inputs through these checks, so a bad value fails in one place with a message that
names the value and the valid range, and nothing but `CalculatorError` leaves the calculator.

Two kinds of message: a value a user can type or say (a rent, a rate, a headcount, a date) that is out of range
is refused in Chinese, naming the field by its label (「月租金」, not `monthly_rent`) and giving the valid range —
the chat answer and the form show it as it is; the error's `field` says which request field it is about.
A value only a caller's bug can produce (a wrong type, an unknown code) is refused in English for the developer.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Iterable

CENT = Decimal("0.01")
WAN = Decimal(10000)
YI = Decimal(10) ** 8
RATE_STEP = Decimal("1e-8")

# The request fields' labels as the user knows them; a rule may give a more precise one (「季度租金」).
LABELS = {
    "monthly_rent": "月租金", "period_rent": "租金", "premiums_paid": "上年度实际缴纳的失业保险费",
    "periodic_amount": "每期缴纳的失业保险费", "periods": "缴费期数", "insured_employees": "年度平均参保职工人数",
    "monthly_benefit": "月人均失业保险金标准", "benefit_total": "失业保险金标准合计", "wage_base": "缴费基数", "employees": "人数",
    "old_rate": "原工伤保险费率", "old_amount": "原应缴工伤保险费", "monthly_amount": "每月应缴的社会保险费",
    "asked_month": "月份", "total_subsidy": "贴息总额", "principal": "贷款本金", "annual_rate": "年利率",
    "months": "贷款期限", "days_per_month": "每月天数", "due_date": "原定缴纳期限", "requested_months": "延期月数",
    "requested_date": "想延至的日期", "requested_month": "想延至的月份", "revenue_yuan": "营业收入",
    "assets_yuan": "资产总额", "on": "要查的日期", "unit_rent": "每平方米租金", "area": "面积",
    "work_injury_rate": "原工伤保险费率",
}


class CalculatorError(ValueError):
    """An input the calculator cannot use; the message names the value and what would be valid.

    `field`: the request field the error is about (None when it is about no single one); `detail`: the message
    without the field's label, for a form that shows the label itself (「月租金：应在…」)."""

    def __init__(self, message: str, field: str | None = None, detail: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.detail = message if detail is None else detail


class AmountError(CalculatorError):
    """A money amount, rate, headcount or count outside its valid range."""


class UnknownIndustryError(CalculatorError):
    """An industry the size standard does not list."""


class DateError(CalculatorError):
    """A date that does not exist or is not a date."""


def refuse(error: type[CalculatorError], name: str, detail: str, label: str | None = None) -> CalculatorError:
    """A user-facing error about field `name`: 「{label}{detail}」, e.g. 「月租金应在 0 至 …之间，收到 …」."""
    return error(f"{label or LABELS[name]}{detail}", field=name, detail=detail)


def to_decimal(value: Any, name: str) -> Decimal:
    # bool is an int subclass; True as "1 yuan" is always a caller's mistake.
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float, str)):
        raise AmountError(f"{name} must be a number, got {value!r} ({type(value).__name__})")
    try:
        number = Decimal(str(value).strip()) if isinstance(value, (float, str)) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise AmountError(f"{name} must be a number, got {value!r}") from None
    if not number.is_finite():
        raise AmountError(f"{name} must be a finite number, got {value!r}")
    return number


def money(value: Any, name: str, maximum: Decimal, label: str | None = None, positive: bool = False) -> Decimal:
    """A non-negative amount in 元 (more than 0 when `positive`), at most `maximum`, rounded to the fen."""
    amount = to_decimal(value, name)
    valid = f"应在 {'0.01' if positive else '0'} 至 {yuan_bound(maximum)}之间"
    if amount < 0:
        raise refuse(AmountError, name, f"不能为负数，{valid}，收到 {said(amount)}元", label)
    if amount > maximum:
        raise refuse(AmountError, name, f"{valid}，收到 {said(amount)}元", label)
    rounded = amount.quantize(CENT, ROUND_HALF_UP).copy_abs()  # copy_abs: -0.001 rounds to 0.00, not -0.00
    if positive and rounded == 0:
        raise refuse(AmountError, name, f"应大于 0，{valid}，收到 {said(amount)}元", label)
    return rounded


def rate(value: Any, name: str, label: str | None = None) -> Decimal:
    """A fraction between 0 and 1 (0.16 is 16%)."""
    fraction = to_decimal(value, name)
    if fraction < 0 or fraction > 1:
        negative = "不能为负数，" if fraction < 0 else ""
        raise refuse(AmountError, name, f"{negative}应在 0% 至 100% 之间，收到 {said(fraction * 100)}%", label)
    return fraction.quantize(RATE_STEP, ROUND_HALF_UP).normalize().copy_abs()  # no policy rate is finer


def headcount(value: Any, name: str, whole: bool = True, maximum: int = 10_000_000,
              label: str | None = None, minimum: int = 0) -> Decimal:
    """A count of people between `minimum` and `maximum`: 0 by default (a firm may have laid off everyone), 1 where
    an amount per person is multiplied (times no one there is nothing to compute)."""
    count = to_decimal(value, name)
    valid = f"应在 {minimum} 至 {maximum}人 之间"
    if count < 0:
        raise refuse(AmountError, name, f"不能为负数，{valid}，收到 {said(count)}人", label)
    if count < minimum or count > maximum:
        raise refuse(AmountError, name, f"{valid}，收到 {said(count)}人", label)
    if whole and count != count.to_integral_value():
        raise refuse(AmountError, name, f"应为整数（{minimum} 至 {maximum}人），收到 {said(count)}", label)
    return count.quantize(Decimal(1) if whole else CENT, ROUND_HALF_UP).copy_abs()


def whole_months(value: Any, name: str, minimum: int, maximum: int, label: str | None = None,
                 unit: str = "个月") -> int:
    """A whole count between `minimum` and `maximum`: months by default (「贷款期限」), or what `unit` says
    (「月」 for a calendar month, 「个季度」)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise AmountError(f"{name} must be a whole number ({minimum}–{maximum} {unit}), got {value!r}", field=name)
    if not minimum <= value <= maximum:
        negative = "不能为负数，" if value < 0 else ""
        raise refuse(AmountError, name, f"{negative}应在 {minimum} 至 {maximum}{unit} 之间，收到 {said(Decimal(value))}",
                     label)
    return value


def date(value: Any, name: str) -> dt.date:
    # datetime is a date subclass, but its time of day would be silently dropped
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise DateError(f"{name} must be a date (datetime.date), got {value!r}")
    return value


def choice(value: Any, name: str, valid: tuple[Any, ...]) -> Any:
    if value not in valid:
        raise CalculatorError(f"{name} must be one of {list(valid)}, got {value!r}")
    return value


# -- months of the year -------------------------------------------------------------------------------
YEAR = range(1, 13)  # calendar months


def month_span(span: Any, what: str, value: str) -> tuple[int, int, Any]:
    """`span` as (first month, last month, `value`) with whole-number months; a rule checks the months' range
    and the value itself. Anything else is a caller's bug: 「each {what} must be (first month, last month, …)」."""
    if not (isinstance(span, tuple) and len(span) == 3 and all(isinstance(m, int) and not isinstance(m, bool)
                                                                  for m in span[:2])):
        raise CalculatorError(f"each {what} must be (first month, last month, {value}), got {span!r}")
    return span


def month_runs(months: Iterable[int], key: Callable[[int], Any] = lambda month: None) -> list[list[int]]:
    """Months in order as runs of consecutive ones, [1, 2, 3, 5] → [[1, 2, 3], [5]], so an answer names a run
    once (「1—3月」); a run also keeps to one `key(month)` (one amount: 「4—6月每月1万元」)."""
    runs: list[list[int]] = []
    for month in months:
        if runs and runs[-1][-1] == month - 1 and key(runs[-1][0]) == key(month):
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


def months_said(first: int, last: int) -> str:
    """How an answer names months: 「3月」, or 「1—6月」 for a span."""
    return f"{first}月" if first == last else f"{first}—{last}月"


# -- writing amounts -----------------------------------------------------------------------------------
def plain(number: Decimal) -> str:
    """Plain digits: no exponent, no thousands separators, no trailing .00 on whole numbers."""
    if not -12 <= number.adjusted() <= 18:
        return said(number)  # only error messages see such values; a million zeros helps nobody
    if number == number.to_integral_value():
        return f"{number.to_integral_value():f}"
    return f"{number.normalize():f}"


def said(number: Decimal) -> str:
    """A value as an error message quotes it: plain digits, or 「1E+400」 for one too large or small for them."""
    if number.is_finite() and -12 <= number.adjusted() <= 18:
        return plain(number)
    if number.is_finite() and number == number.to_integral_value() and 0 < number.adjusted() < 40:
        return f"{number.to_integral_value():f}"  # 「99999999999999999999999」 as typed, not 「1E+23」
    return f"{number.normalize():E}" if number.is_finite() else str(number)


def yuan_bound(amount: Decimal) -> str:
    """A range's end as people say it: 「1000000000元（10亿元）」, 「100000元（10万元）」."""
    for unit, name in ((YI * WAN, "万亿"), (YI, "亿"), (WAN, "万")):
        if amount >= unit and amount % unit == 0:
            return f"{plain(amount)}元（{plain(amount / unit)}{name}元）"
    return f"{plain(amount)}元"


def _money_digits(amount: Decimal) -> str:
    """Rounded to the fen, then plain digits without trailing zeros: 4000, 1500.5, 0.25."""
    amount = amount.quantize(CENT, ROUND_HALF_UP)
    return plain(amount) if amount == amount.to_integral_value() else f"{amount.normalize():f}"


def yuan(amount: Decimal, gloss: bool = True) -> str:
    """「50000元（5万元）」: the figure a person reads out, with the 万元 form people say."""
    text = f"{_money_digits(amount)}元"
    if gloss and amount >= WAN and amount % 100 == 0:  # 「1.06万元」 helps; 「10.0001万元」 does not
        text += f"（{plain(amount / WAN)}万元）"
    return text


def short(amount: Decimal) -> str:
    """The compact form used inside arithmetic steps: 「2万元」 for round amounts, else 「8000元」."""
    if amount >= WAN and amount % 100 == 0:
        return f"{plain(amount / WAN)}万元"
    return f"{_money_digits(amount)}元"


def percent(fraction: Decimal) -> str:
    return f"{plain(fraction * 100)}%"


def number(value: Decimal) -> int | float:
    """A JSON-ready number for Calculation.inputs/result (the answer contract is JSON)."""
    return int(value) if value == value.to_integral_value() else float(value)
