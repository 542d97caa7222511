"""五、缓缴社会保险费: 2020 Q1 pension, unemployment and work-injury contributions paid up to 3 months late,
April with January, May with February, June with March; no late fee. Medical insurance is not in the list."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from assistant.calculator.values import (
    CENT, YEAR, AmountError, CalculatorError, choice, headcount, money, month_runs, month_span, months_said, number,
    percent, plain, rate, refuse, said, short, whole_months, yuan, yuan_bound,
)
from assistant.calculator.social_insurance import PENSION_RATE
from corpus.records import Calculation

KIND = "insurance_deferral"
CLAUSE = "5"
COVERED = ("养老保险", "失业保险", "工伤保险")
CATCH_UP = {4: 1, 5: 2, 6: 3}  # month paid in → the deferred month it also settles
MAX_MONTHLY = Decimal(10_000_000_000)
LATER = "此后中央、省出台的相关支持政策更优惠的，太原市遵照从优执行。"
MEDICAL = "医疗保险不在缓缴范围内，应按月正常缴纳。"
HALF = Decimal("0.5")


@dataclass(frozen=True)
class DeferralRequest:
    kind: ClassVar[str] = KIND
    monthly_amount: Decimal | None = None  # pension + unemployment + work injury per month, 元
    components: tuple[tuple[str, Decimal], ...] = ()  # (("养老保险", 5000), …): summed when given
    asked_month: int | None = None  # the calendar month the question is about (1–12)
    # months whose amount differs from monthly_amount: ((1, 8000), (2, 9000), (3, 10000)); monthly_amount, if
    # given, is every other month's
    month_amounts: tuple[tuple[int, Decimal], ...] = ()
    asked_through: int | None = None  # with asked_month: the question asks for the months' total (「4月到6月加起来」)
    # amounts said for several months together: ((1, 3, 36000),) for 「一季度合计3万6」; each month's share is an
    # equal part: every month's amount when the user said the months are the same (same_every_month), else only
    # those months', and the answer says it assumed equal months
    span_totals: tuple[tuple[int, int, Decimal], ...] = ()
    same_every_month: bool = False
    medical_monthly: Decimal | None = None  # medical insurance per month: not deferred, paid as usual (「连医保」)
    # monthly_amount is the whole social-insurance bill with medical_monthly in it (「一共2万3，其中医保5千」): only the
    # rest is the three deferred insurances
    medical_included: bool = False
    # or: the monthly contribution base (缴费基数) and the insurances paid on it at a rate: ((name, rate), …), a rate of
    # None for 养老保险 being the document's 16%; a name in `halved` has its given (old) rate cut by 50% (item 四's
    # work-injury cut). The monthly components are base × rate each.
    wage_base: Decimal | None = None
    base_rates: tuple[tuple[str, Decimal | None], ...] = ()
    people: Decimal | None = None  # monthly_amount is one person's (「每人每月三险1025，18个人」)
    halved: tuple[str, ...] = ()
    # the amounts said for a whole year (「养老一年19.2万」「医保全年7.2万」), by name: a component's insurance,
    # "monthly_amount" or "medical_monthly"; each is divided evenly over 12 months before anything else
    yearly: tuple[str, ...] = ()


YEARLY_NAMES = (*COVERED, "monthly_amount", "medical_monthly")


def _yearly_to_monthly(yearly: Any, components: Any, monthly_amount: Any, medical_monthly: Any
                       ) -> tuple[Any, Any, Any, list[str]]:
    """(components, monthly_amount, medical_monthly, the steps) once the amounts said for a year are a month's:
    each ÷12, to the fen."""
    if not isinstance(yearly, tuple):
        raise CalculatorError(f"yearly must be a tuple of names from {list(YEARLY_NAMES)}, got {yearly!r}")
    names = {choice(name, "yearly", YEARLY_NAMES) for name in yearly}
    if not names:
        return components, monthly_amount, medical_monthly, []
    steps: list[str] = []

    def month_of(value: Any, field: str, label: str) -> Decimal:
        whole = money(value, field, MAX_MONTHLY * 12, label=f"全年应缴的{label}")
        exact = whole / 12
        share = exact.quantize(CENT, ROUND_HALF_UP)
        sign = "=" if share == exact else "≈"
        steps.append(f"{label}全年{short(whole)}，按月平均：{short(whole)}÷12 {sign} 每月{short(share)}。")
        return share

    if isinstance(components, tuple):
        pairs = [pair for pair in components if isinstance(pair, tuple) and len(pair) == 2]
        if len(pairs) == len(components):
            components = tuple((name, month_of(value, "monthly_amount", f"{name}费") if name in names else value)
                               for name, value in pairs)
    for name in names - set(COVERED):
        if name == "monthly_amount":
            if monthly_amount is None:
                raise CalculatorError("yearly names monthly_amount, but monthly_amount is None")
            monthly_amount = month_of(monthly_amount, "monthly_amount", "社会保险费")
        elif medical_monthly is None:
            raise CalculatorError("yearly names medical_monthly, but medical_monthly is None")
        else:
            medical_monthly = month_of(medical_monthly, "medical_monthly", "医疗保险费")
    held = {pair[0] for pair in components if isinstance(pair, tuple) and pair} if isinstance(components, tuple) else set()
    unknown = names & set(COVERED) - held
    if unknown:
        raise CalculatorError(f"yearly names {sorted(unknown)}, which components do not hold")
    return components, monthly_amount, medical_monthly, steps


def _spread(span_totals: Any, same: bool, amount: Decimal | None, varied: dict[int, Decimal]
            ) -> tuple[Decimal | None, list[str]]:
    """(every month's amount, the steps) once each span's total is spread over its months; a span's share goes
    into `varied` unless the user said every month is the same."""
    if not isinstance(span_totals, tuple):
        raise CalculatorError(f"span_totals must be a tuple of (first month, last month, total), got {span_totals!r}")
    steps = []
    for span in span_totals:
        first, last, total = month_span(span, "span total", "total")
        whole_months(first, "span_totals", 1, 12, label="合计月份的起月", unit="月")
        whole_months(last, "span_totals", first, 12, label="合计月份的止月", unit="月")
        months = last - first + 1
        total = money(total, "monthly_amount", MAX_MONTHLY * months, label=f"{months_said(first, last)}合计应缴的社会保险费")
        exact = total / months
        share = exact.quantize(CENT, ROUND_HALF_UP)
        sign, note = ("=", "") if share == exact else ("≈", "，按分四舍五入")
        basis = "你说每个月金额都一样" if same else "按各月金额相同折算；如各月金额不同，请分别告诉我"
        steps.append(f"{months_said(first, last)}合计{short(total)}÷{months}个月 {sign} 每月{short(share)}（{basis}{note}）。")
        if same:
            if amount is not None and amount != share:
                raise CalculatorError(f"每月应缴{said(amount)}元与{months_said(first, last)}合计{said(total)}元÷{months}个月"
                                      f"不一致，请核对", field="monthly_amount")
            amount = share
            continue
        for month in range(first, last + 1):
            if month in varied:
                raise CalculatorError(f"{month}月的金额给了两次，请每个月只给一个金额", field="monthly_amount")
            varied[month] = share
    return amount, steps


def deferral_schedule(monthly_amount: Any = None, components: Any = (), asked_month: Any = None,
                      month_amounts: Any = (), asked_through: Any = None, span_totals: Any = (),
                      same_every_month: Any = False, medical_monthly: Any = None,
                      medical_included: Any = False, wage_base: Any = None, base_rates: Any = (),
                      halved: Any = (), yearly: Any = (), people: Any = None) -> Calculation:
    on_base: list[str] = []
    components, monthly_amount, medical_monthly, per_year = _yearly_to_monthly(yearly, components, monthly_amount,
                                                                                medical_monthly)
    if wage_base is not None or base_rates != ():
        if components != () or monthly_amount is not None:
            raise CalculatorError(f"give wage_base with base_rates, or monthly_amount/components, not both (got "
                                  f"{wage_base!r}, {base_rates!r}, {monthly_amount!r}, {components!r})")
        components, on_base = _from_base(wage_base, base_rates, halved)
    components = _components(components)
    amount = _monthly(monthly_amount, components)
    each, count, by_people = None, None, []
    if people is not None:  # 「18个人，每人每月三险单位部分1025」: one person's amount, times the people
        if amount is None or wage_base is not None:
            raise CalculatorError(f"people goes with one person's monthly_amount or components, got people {people!r}")
        count = headcount(people, "people", label="人数", minimum=1)
        each, amount = amount, (amount * count).quantize(CENT)
        by_people.append(f"单位每月合计：每人{short(each)}×{plain(count)}人 = {short(amount)}。")
    if not isinstance(medical_included, bool):
        raise CalculatorError(f"medical_included must be True or False, got {medical_included!r}")
    whole_bill: list[str] = []
    if medical_included:
        amount, step = _without_medical(amount, medical_monthly, components, month_amounts, span_totals)
        whole_bill.append(step)
    varied = _month_amounts(month_amounts)
    if not isinstance(same_every_month, bool):
        raise CalculatorError(f"same_every_month must be True or False, got {same_every_month!r}")
    amount, spread = _spread(span_totals, same_every_month, amount, varied)
    medical = None if medical_monthly is None else money(medical_monthly, "medical_monthly", MAX_MONTHLY,
                                                         label="每月应缴的医疗保险费")
    if asked_month is not None:
        whole_months(asked_month, "asked_month", 1, 12, unit="月")
    if asked_through is not None:
        if asked_month is None:
            raise CalculatorError(f"asked_through needs asked_month (the range's first month), got {asked_through!r}")
        whole_months(asked_through, "asked_through", asked_month, 12, label="月份范围的止月", unit="月")
    own = {m: varied.get(m, amount) for m in YEAR if varied.get(m, amount) is not None}
    steps = ["2020年1至3月份应缴纳的养老、失业和工伤保险费可以延迟3个月补缴，延迟期内不征收滞纳金，不影响个人权益记录。",
             "即：从4月份开始，缴纳本月并补缴1月份社会保险费，依此类推，6月份完成延期补缴手续。", *per_year, *whole_bill]
    steps += on_base
    if len(components) > 1 or (components and not on_base):
        parts = " + ".join(f"{name}{short(value)}" for name, value in components)
        steps.append(f"{'每人' if each is not None else ''}每月应缴：{parts} = {short(each if each is not None else amount)}。")
    steps += by_people
    steps += spread
    result: dict[str, Any] = {"late_fee": 0, "catch_up": {f"{m}月": f"{d}月" for m, d in CATCH_UP.items()},
                              "medical_insurance_covered": False}
    if not own:
        steps += [f"{m}月：缴纳{m}月并补缴{d}月的社会保险费。" for m, d in CATCH_UP.items()]
    elif not varied:
        steps.append(f"1—3月：可暂不缴纳（每月{short(amount)}缓缴），共缓缴{short(amount)}×3 = {short(amount * 3)}。")
        steps += [f"{m}月：{m}月{short(amount)} + 补缴{d}月{short(amount)} = {short(amount * 2)}。"
                  for m, d in CATCH_UP.items()]
        steps.append(f"1—6月合计{short(amount)}×6 = {short(amount * 6)}，与按月缴纳相同，滞纳金0元。")
    else:
        steps += _varied_steps(own, amount, varied)
    payments = _payments(own) if own else {}
    result.update({f"month{m}_payment": number(p) for m, p in payments.items() if m <= 6})
    if all(m in own for m in range(1, 7)):
        result["total_payment"] = number(sum((own[m] for m in range(1, 7)), Decimal(0)))
        result["deferred_total"] = number(sum((own[m] for m in range(1, 4)), Decimal(0)))
    if asked_through is not None and own:
        steps.append(_range_step(asked_month, asked_through, payments, result))
    steps += [MEDICAL if medical is None else _medical_step(medical, asked_month, payments, result, asked_through),
              LATER]
    inputs = {"monthly_amount": None if amount is None else number(amount),
              "components": {name: number(value) for name, value in components}, "asked_month": asked_month}
    if on_base:
        inputs["wage_base"] = number(money(wage_base, "wage_base", MAX_MONTHLY))
    if span_totals:
        inputs["span_totals"] = [[first, last, number(total)] for first, last, total in span_totals]
        inputs["same_every_month"] = same_every_month
    if medical is not None:
        inputs["medical_monthly"] = number(medical)
    if medical_included:
        inputs["monthly_total_with_medical"] = number(amount + medical)
    if per_year:
        inputs["yearly"] = sorted(set(yearly))
    if each is not None:
        inputs.update(per_person=number(each), people=number(count))
    if varied:
        inputs["month_amounts"] = {f"{m}月": number(v) for m, v in sorted(varied.items())}
    if asked_through is not None:
        inputs["asked_through"] = asked_through
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _without_medical(amount: Decimal | None, medical_monthly: Any, components: Any, month_amounts: Any,
                     span_totals: Any) -> tuple[Decimal, str]:
    """(the three insurances a month, the step) for a monthly bill said with the medical insurance in it."""
    if amount is None or medical_monthly is None or components or month_amounts or span_totals:
        raise CalculatorError(f"medical_included needs monthly_amount and medical_monthly alone (got "
                              f"{amount!r}, {medical_monthly!r}, {components!r}, {month_amounts!r}, {span_totals!r})")
    medical = money(medical_monthly, "medical_monthly", MAX_MONTHLY, label="每月应缴的医疗保险费")
    if medical >= amount:
        raise refuse(AmountError, "medical_monthly", f"应小于每月社会保险费合计{short(amount)}（医保包含在合计里），"
                                                     f"收到 {said(medical)}元", label="每月应缴的医疗保险费")
    rest = amount - medical
    return rest, (f"每月社保合计{short(amount)}，其中医保{short(medical)}不缓缴；"
                  f"养老、失业、工伤三项每月{short(amount)} − {short(medical)} = {short(rest)}。")


def _payments(own: dict[int, Decimal]) -> dict[int, Decimal]:
    """What each month pays where it is known: nothing in 1–3月, its own amount plus the deferred month's in 4–6月,
    its own amount after that."""
    paid = {m: Decimal(0) for m in (1, 2, 3)}
    paid.update({m: own[m] + own[d] for m, d in CATCH_UP.items() if m in own and d in own})
    paid.update({m: own[m] for m in range(7, 13) if m in own})
    return paid


def _medical_step(medical: Decimal, month: int | None, payments: dict[int, Decimal], result: dict[str, Any],
                  through: int | None = None) -> str:
    """Medical insurance is paid every month as usual; with the month asked, that month's total with it (adds
    month{m}_with_medical to `result`), or with months asked together, their total with it (range_with_medical)."""
    result["medical_monthly"] = number(medical)
    step = f"医疗保险不在缓缴范围内，应按月正常缴纳：每月{short(medical)}。"
    if through is not None and month is not None and "range_payment" in result:
        count = through - month + 1
        three = Decimal(str(result["range_payment"]))
        total = three + medical * count
        result["range_with_medical"] = number(total)
        return step[:-1] + (f"；{months_said(month, through)}连医保：养老、失业、工伤三险{short(three)} + "
                            f"医保{short(medical)}×{count} = {short(total)}。")
    if month is None or month not in payments:
        return step
    total = payments[month] + medical
    result[f"month{month}_with_medical"] = number(total)
    three = "0元（缓缴）" if month in (1, 2, 3) else short(payments[month])
    return step[:-1] + f"；{month}月连医保：养老、失业、工伤三险{three} + 医保{short(medical)} = {short(total)}。"


def _varied_steps(own: dict[int, Decimal], regular: Decimal | None, varied: dict[int, Decimal]) -> list[str]:
    """The schedule when months' amounts differ (「1月8千、2月9千、3月1万」); months without an amount say so."""
    runs = month_runs((m for m in range(1, 7) if m in own), key=own.get)  # 「4—6月每月1万元」 once
    said = "、".join(f"{months_said(r[0], r[-1])}{'每月' if len(r) > 1 else ''}{short(own[r[0]])}" for r in runs)
    missing = [m for m in range(1, 7) if m not in own]
    steps = [f"各月应缴：{said}" + (f"；{'、'.join(f'{m}月' for m in missing)}的金额你没有给出" if missing else "") + "。"]
    if all(m in own for m in (1, 2, 3)):
        deferred = [own[m] for m in (1, 2, 3)]
        steps.append(f"1—3月：可暂不缴纳，共缓缴{' + '.join(short(v) for v in deferred)} = {short(sum(deferred))}。")
    else:
        steps.append("1—3月：可暂不缴纳，到4—6月补缴。")
    for m, d in CATCH_UP.items():
        if m in own and d in own:
            steps.append(f"{m}月：{m}月{short(own[m])} + 补缴{d}月{short(own[d])} = {short(own[m] + own[d])}。")
        elif d in own:
            steps.append(f"{m}月：补缴{d}月{short(own[d])}，另缴{m}月本月应缴的保险费（金额你没有给出）。")
        else:
            steps.append(f"{m}月：缴纳{m}月并补缴{d}月的社会保险费（{d}月的金额你没有给出）。")
    if not missing:
        total = sum((own[m] for m in range(1, 7)), Decimal(0))
        steps.append(f"1—6月合计{' + '.join(short(own[m]) for m in range(1, 7))} = {short(total)}，"
                     f"与按月缴纳相同，滞纳金0元。")
    return steps


def _range_step(first: int, last: int, payments: dict[int, Decimal], result: dict[str, Any]) -> str:
    """The total of the months asked together (「4月到6月加起来」); adds range_payment to `result` when known."""
    months = range(first, last + 1)
    if not all(m in payments for m in months):
        unknown = "、".join(f"{m}月" for m in months if m not in payments)
        return f"{months_said(first, last)}合计：{unknown}的金额你没有给出，无法合计。"
    total = sum((payments[m] for m in months), Decimal(0))
    result["range_payment"] = number(total)
    terms = " + ".join(f"{m}月{short(payments[m])}" for m in months)
    return f"{months_said(first, last)}合计：{terms} = {short(total)}。"


def _month_amounts(month_amounts: Any) -> dict[int, Decimal]:
    if not (isinstance(month_amounts, tuple) and all(
            isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], int) and not isinstance(pair[0], bool)
            for pair in month_amounts)):
        raise CalculatorError(f"month_amounts must be a tuple of (month, amount) pairs, got {month_amounts!r}")
    checked: dict[int, Decimal] = {}
    for month, value in month_amounts:
        whole_months(month, "month_amounts", 1, 12, label="月份", unit="月")
        if month in checked:
            raise CalculatorError(f"{month}月的金额给了两次，请每个月只给一个金额", field="monthly_amount")
        checked[month] = money(value, "monthly_amount", MAX_MONTHLY, label=f"{month}月应缴的社会保险费")
    return checked


def _from_base(wage_base: Any, base_rates: Any, halved: Any) -> tuple[tuple[tuple[str, Decimal], ...], list[str]]:
    """(each insurance's monthly contribution, the steps) from the contribution base and the rates."""
    base = money(wage_base, "wage_base", MAX_MONTHLY, label="每月缴费基数")
    if not (isinstance(base_rates, tuple) and base_rates) or not isinstance(halved, tuple):
        raise CalculatorError(f"base_rates must be a non-empty tuple of (insurance, rate or None) pairs and halved a "
                              f"tuple of insurances, got {base_rates!r} and {halved!r}")
    parts, steps = [], []
    for pair in base_rates:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise CalculatorError(f"each base rate must be an (insurance, rate) pair, got {pair!r}")
        name = choice(pair[0], "base_rates insurance", COVERED)
        if pair[1] is None and name != "养老保险":
            raise CalculatorError(f"the rate of {name} is not in the document: give it, got None")
        given = PENSION_RATE if pair[1] is None else rate(pair[1], "base_rates", label=f"{name}费率")
        cut = given * HALF if name in halved else given
        value = (base * cut).quantize(CENT, ROUND_HALF_UP)
        why = ("（文件：企业养老保险费率16%）" if pair[1] is None
               else f"（原费率{percent(given)}，文件规定下调50%）" if name in halved else "")
        steps.append(f"{name}：缴费基数{short(base)}×{percent(cut)}{why} = 每月{short(value)}。")
        parts.append((name, value))
    return tuple(parts), steps


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
    return deferral_schedule(request.monthly_amount, request.components, request.asked_month, request.month_amounts,
                             request.asked_through, request.span_totals, request.same_every_month,
                             request.medical_monthly, request.medical_included, request.wage_base, request.base_rates,
                             request.halved, request.yearly, request.people)


def needs(request: DeferralRequest) -> None:
    return None  # without an amount the schedule is still an answer: which month settles which


def lead(calc: Calculation) -> str:
    text, month = _three_lead(calc), calc.inputs.get("asked_month")
    if calc.inputs.get("span_totals") and not calc.inputs["same_every_month"]:
        spans = "、".join(f"{months_said(first, last)}合计{yuan(Decimal(str(total)), gloss=False)}"
                          for first, last, total in calc.inputs["span_totals"])
        text = f"按{spans}平均到各月（假定各月金额相同）：{text}"
    if "medical_monthly" not in calc.inputs:
        return text
    medical = yuan(Decimal(str(calc.inputs["medical_monthly"])), gloss=False)
    if calc.result.get("range_with_medical") is not None:
        span = months_said(month, calc.inputs["asked_through"])
        count = calc.inputs["asked_through"] - month + 1
        monthly = Decimal(str(calc.inputs["medical_monthly"]))
        return (f"{span}连医保共需缴{yuan(Decimal(str(calc.result['range_with_medical'])))}：养老、失业、工伤三险"
                f"{yuan(Decimal(str(calc.result['range_payment'])), gloss=False)}，医保{medical}×{count} = "
                f"{yuan(monthly * count, gloss=False)}（医保不缓缴，按月照常缴纳）。其中三险：{text}")
    with_medical = calc.result.get(f"month{month}_with_medical")
    if with_medical is None:
        return f"{text}医保每月{medical}不缓缴，按月照常缴纳。"
    three = Decimal(str(calc.result[f"month{month}_payment"]))
    return (f"{month}月连医保共需缴{yuan(Decimal(str(with_medical)))}：养老、失业、工伤三险{yuan(three, gloss=False)}，"
            f"医保{medical}（医保不缓缴，按月照常缴纳）。{text}")


def _three_lead(calc: Calculation) -> str:
    r, month = calc.result, calc.inputs.get("asked_month")
    if calc.inputs["monthly_amount"] is None and "month_amounts" not in calc.inputs:
        return "2020年1—3月的养老、失业和工伤保险费可延迟3个月补缴：4月补1月、5月补2月、6月补3月，不收滞纳金。"
    if "month_amounts" in calc.inputs:
        return _varied_lead(calc)
    amount = Decimal(str(calc.inputs["monthly_amount"]))
    double, single = yuan(amount * 2), yuan(amount, gloss=False)
    if "range_payment" in r:
        first, last = month, calc.inputs["asked_through"]
        head = f"{months_said(first, last)}共需缴{yuan(Decimal(str(r['range_payment'])))}"
    elif month in CATCH_UP:
        head = f"{month}月需缴{double}：{month}月{single}，另补缴{CATCH_UP[month]}月{single}"
    elif month in (1, 2, 3):
        head = f"{month}月的{yuan(amount)}可暂不缴纳，到{month + 3}月补缴"
    else:
        head = f"1—3月可暂不缴纳，共{yuan(amount * 3)}在4—6月补缴"
    return f"{head}；4、5、6月每月需缴{double}，不收滞纳金，1—6月合计{yuan(amount * 6)}。"


def _varied_lead(calc: Calculation) -> str:
    r, month = calc.result, calc.inputs.get("asked_month")
    own = {int(k.rstrip("月")): Decimal(str(v)) for k, v in calc.inputs["month_amounts"].items()}
    if calc.inputs["monthly_amount"] is not None:
        own = {m: own.get(m, Decimal(str(calc.inputs["monthly_amount"]))) for m in YEAR}
    paid = {m: Decimal(str(r[f"month{m}_payment"])) for m in CATCH_UP if f"month{m}_payment" in r}
    if "range_payment" in r:
        head = f"{months_said(month, calc.inputs['asked_through'])}共需缴{yuan(Decimal(str(r['range_payment'])))}"
    elif month in paid:
        d = CATCH_UP[month]
        head = f"{month}月需缴{yuan(paid[month])}：{month}月{yuan(own[month], gloss=False)}，另补缴{d}月{yuan(own[d], gloss=False)}"
    elif month in CATCH_UP and CATCH_UP[month] in own:
        d = CATCH_UP[month]
        head = f"{month}月需补缴{d}月的{yuan(own[d])}，另缴{month}月本月应缴的保险费"
    elif month in (1, 2, 3) and month in own:
        head = f"{month}月的{yuan(own[month])}可暂不缴纳，到{month + 3}月补缴"
    else:
        head = "1—3月可暂不缴纳，在4—6月补缴"
    rest = ""
    if len(paid) == 3:
        rest = f"；4、5、6月分别需缴{'、'.join(yuan(paid[m], gloss=False) for m in CATCH_UP)}"
    total = f"，1—6月合计{yuan(Decimal(str(r['total_payment'])))}" if "total_payment" in r else ""
    return f"{head}{rest}，不收滞纳金{total}。"
