"""Checked input values and how amounts are written in answers.

Every rule takes its inputs through these checks, so a bad value fails in one place with a message that
names the value and the valid range, and nothing but `CalculatorError` leaves the calculator.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

CENT = Decimal("0.01")
WAN = Decimal(10000)
RATE_STEP = Decimal("1e-8")


class CalculatorError(ValueError):
    """An input the calculator cannot use; the message names the value and what would be valid."""


class AmountError(CalculatorError):
    """A money amount, rate, headcount or count outside its valid range."""


class UnknownIndustryError(CalculatorError):
    """An industry the size standard does not list."""


class DateError(CalculatorError):
    """A date that does not exist or is not a date."""


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


def money(value: Any, name: str, maximum: Decimal) -> Decimal:
    """A non-negative amount in 元, at most `maximum`, rounded to the fen."""
    amount = to_decimal(value, name)
    if amount < 0 or amount > maximum:
        raise AmountError(f"{name} must be between 0 and {plain(maximum)} 元, got {plain(amount)}")
    return amount.quantize(CENT, ROUND_HALF_UP).copy_abs()  # copy_abs: -0.001 rounds to 0.00, not -0.00


def rate(value: Any, name: str) -> Decimal:
    """A fraction between 0 and 1 (0.16 is 16%)."""
    fraction = to_decimal(value, name)
    if fraction < 0 or fraction > 1:
        raise AmountError(f"{name} must be between 0 and 1 (0%–100%), got {plain(fraction)} ({percent(fraction)})")
    return fraction.quantize(RATE_STEP, ROUND_HALF_UP).normalize().copy_abs()  # no policy rate is finer


def headcount(value: Any, name: str, whole: bool = True, maximum: int = 10_000_000) -> Decimal:
    count = to_decimal(value, name)
    if count < 0 or count > maximum:
        raise AmountError(f"{name} must be between 0 and {maximum} people, got {plain(count)}")
    if whole and count != count.to_integral_value():
        raise AmountError(f"{name} must be a whole number of people (0–{maximum}), got {plain(count)}")
    return count.quantize(Decimal(1) if whole else CENT, ROUND_HALF_UP).copy_abs()


def whole_months(value: Any, name: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AmountError(f"{name} must be a whole number of months ({minimum}–{maximum}), got {value!r}")
    if not minimum <= value <= maximum:
        raise AmountError(f"{name} must be between {minimum} and {maximum} months, got {value}")
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


# -- writing amounts -----------------------------------------------------------------------------------
def plain(number: Decimal) -> str:
    """Plain digits: no exponent, no thousands separators, no trailing .00 on whole numbers."""
    if not -12 <= number.adjusted() <= 18:
        return str(number)  # only error messages see such values; a million zeros helps nobody
    if number == number.to_integral_value():
        return f"{number.to_integral_value():f}"
    return f"{number.normalize():f}"


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
