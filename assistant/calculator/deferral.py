"""五、缓缴社会保险费: 2020 Q1 pension, unemployment and work-injury contributions paid up to 3 months late,
April with January, May with February, June with March; no late fee. Medical insurance is not in the list."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from assistant.calculator.values import (
    AmountError, CalculatorError, choice, money, number, refuse, said, short, whole_months, yuan, yuan_bound,
)
from corpus.records import Calculation

KIND = "insurance_deferral"
CLAUSE = "5"
COVERED = ("养老保险", "失业保险", "工伤保险")
CATCH_UP = {4: 1, 5: 2, 6: 3}  # month paid in → the deferred month it also settles
MAX_MONTHLY = Decimal(10_000_000_000)
LATER = "此后中央、省出台的相关支持政策更优惠的，太原市遵照从优执行。"
MEDICAL = "医疗保险不在缓缴范围内，应按月正常缴纳。"


@dataclass(frozen=True)
class DeferralRequest:
    kind: ClassVar[str] = KIND
    monthly_amount: Decimal | None = None  # pension + unemployment + work injury per month, 元
    components: tuple[tuple[str, Decimal], ...] = ()  # (("养老保险", 5000), …): summed when given
    asked_month: int | None = None  # the calendar month the question is about (1–12)


def deferral_schedule(monthly_amount: Any = None, components: Any = (), asked_month: Any = None) -> Calculation:
    components = _components(components)
    amount = _monthly(monthly_amount, components)
    if asked_month is not None:
        whole_months(asked_month, "asked_month", 1, 12, unit="月")
    steps = ["2020年1至3月应缴的养老、失业和工伤保险费可以延迟3个月补缴，延迟期内不征收滞纳金，不影响个人权益记录。",
             "即：从4月份开始，缴纳本月并补缴1月份社会保险费，依此类推，6月份完成延期补缴手续。"]
    if components:
        parts = " + ".join(f"{name}{short(value)}" for name, value in components)
        steps.append(f"每月应缴：{parts} = {short(amount)}。")
    result: dict[str, Any] = {"late_fee": 0, "catch_up": {f"{m}月": f"{d}月" for m, d in CATCH_UP.items()},
                              "medical_insurance_covered": False}
    if amount is None:
        steps += [f"{m}月：缴纳{m}月并补缴{d}月的社会保险费。" for m, d in CATCH_UP.items()]
    else:
        steps.append(f"1—3月：可暂不缴纳（每月{short(amount)}缓缴），共缓缴{short(amount)}×3 = {short(amount * 3)}。")
        steps += [f"{m}月：{m}月{short(amount)} + 补缴{d}月{short(amount)} = {short(amount * 2)}。"
                  for m, d in CATCH_UP.items()]
        steps.append(f"1—6月合计{short(amount)}×6 = {short(amount * 6)}，与按月缴纳相同，滞纳金0元。")
        result.update({f"month{m}_payment": number(Decimal(0) if m < 4 else amount * 2) for m in range(1, 7)})
        result["total_payment"] = number(amount * 6)
        result["deferred_total"] = number(amount * 3)
    steps += [MEDICAL, LATER]
    inputs = {"monthly_amount": None if amount is None else number(amount),
              "components": {name: number(value) for name, value in components}, "asked_month": asked_month}
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _components(components: Any) -> tuple[tuple[str, Decimal], ...]:
    if not isinstance(components, tuple):
        raise CalculatorError(f"components must be a tuple of (insurance, amount) pairs, got {components!r}")
    checked = []
    for pair in components:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise CalculatorError(f"each component must be an (insurance, amount) pair, got {pair!r}")
        name = choice(pair[0], "component insurance", COVERED)
        checked.append((name, money(pair[1], "monthly_amount", MAX_MONTHLY, label=f"每月应缴的{name}费")))
    return tuple(checked)


def _monthly(monthly_amount: Any, components: tuple[tuple[str, Decimal], ...]) -> Decimal | None:
    total = sum((value for _, value in components), Decimal(0)) if components else None
    amount = None if monthly_amount is None else money(monthly_amount, "monthly_amount", MAX_MONTHLY)
    if total is not None and amount is not None and total != amount:
        raise CalculatorError(f"monthly_amount {amount} does not equal the sum of its components {total}")
    if total is not None and total > MAX_MONTHLY:
        raise refuse(AmountError, "monthly_amount", f"（各项合计）应在 0 至 {yuan_bound(MAX_MONTHLY)}之间，"
                                                   f"收到 {said(total)}元")
    return amount if total is None else total


def solve(request: DeferralRequest) -> Calculation:
    return deferral_schedule(request.monthly_amount, request.components, request.asked_month)


def needs(request: DeferralRequest) -> None:
    return None  # without an amount the schedule is still an answer: which month settles which


def lead(calc: Calculation) -> str:
    r, month = calc.result, calc.inputs.get("asked_month")
    if "month4_payment" not in r:
        return "2020年1—3月的养老、失业和工伤保险费可延迟3个月补缴：4月补1月、5月补2月、6月补3月，不收滞纳金。"
    amount = Decimal(str(calc.inputs["monthly_amount"]))
    double, single = yuan(amount * 2), yuan(amount, gloss=False)
    if month in CATCH_UP:
        head = f"{month}月需缴{double}：{month}月{single}，另补缴{CATCH_UP[month]}月{single}"
    elif month in (1, 2, 3):
        head = f"{month}月的{yuan(amount)}可暂不缴纳，到{month + 3}月补缴"
    else:
        head = f"1—3月可暂不缴纳，共{yuan(amount * 3)}在4—6月补缴"
    return f"{head}；4、5、6月每月需缴{double}，不收滞纳金，1—6月合计{yuan(amount * 6)}。"
