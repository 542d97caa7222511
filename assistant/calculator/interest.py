"""二、降低中小微企业融资成本: loan interest subsidy at the PBOC special relending rate, borne 50% by central
and 50% by provincial finance. The rate is not in the text, so it is always the user's figure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from assistant.calculator.results import NeedsInput
from assistant.calculator.values import CENT, CalculatorError, money, number, percent, rate, short, whole_months, yuan
from corpus.records import Calculation

KIND = "interest_subsidy"
CLAUSE = "2"
MAX_AMOUNT = Decimal(100_000_000_000)
MAX_TERM_MONTHS = 360
HALF = Decimal("0.5")
FORMULA = "贴息 = 贷款本金 × 人民银行专项再贷款利率（年利率）× 贷款期限（月）÷ 12"
# A term said in days (「实际用了73天」): interest by the day, a year of `day_basis` days — 365 unless the user says
# 360 (「一年按360天」); the step says which.
DAY_FORMULA = "贴息 = 贷款本金 × 人民银行专项再贷款利率（年利率）× 用款天数 ÷ 一年天数"
DAY_BASES = (365, 360)
DEFAULT_DAY_BASIS = 365
MAX_TERM_DAYS = MAX_TERM_MONTHS * 31


@dataclass(frozen=True)
class InterestRequest:
    kind: ClassVar[str] = KIND
    total_subsidy: Decimal | None = None  # when given, only the split is computed
    principal: Decimal | None = None
    annual_rate: Decimal | None = None  # fraction: 0.0315 is 3.15%
    months: int | None = None
    monthly_rate: Decimal | None = None  # or: the rate said per month (「月息0.125%」), a fraction; ×12 is the annual
    days: int | None = None  # or: the term in days (instead of months)
    day_basis: int | None = None  # with days: the days a year counts (DAY_BASES; None: DEFAULT_DAY_BASIS, said so)
    # or, instead of principal and months: several loans at the same rate, (principal, months) each (「一笔两百万，
    # 用了半年；另一笔一百万，用了3个月」)
    loans: tuple[tuple[Decimal, int], ...] = ()
    # the loans are one loan's balances, span by span, after part was repaid (「600万用了3个月先还了200万，剩下的400万
    # 又用了6个月」): ((600万, 3), (400万, 6))
    repaid: bool = False
    # or: the rate said per day (「日利率0.004%」), a fraction; × the year's days (day_basis, else 365) is the annual
    daily_rate: Decimal | None = None


def annual_from_monthly(monthly_rate: Any) -> tuple[Decimal, Decimal, str]:
    """(the monthly rate, the annual rate, the step that derives it) for a rate said per month: simple interest,
    ×12."""
    monthly = rate(monthly_rate, "monthly_rate", label="月利率")
    yearly = rate(monthly * 12, "annual_rate", label="月利率折算的年利率")
    return monthly, yearly, f"月利率{percent(monthly)}×12 = 年利率{percent(yearly)}。"


def _several_loans(loans: Any, yearly: Decimal, given: str, repaid: bool = False
                   ) -> tuple[Decimal, list[str], list[list]]:
    """(the subsidy summed, the steps, the inputs) for several loans at one rate, each by its own months; or, repaid,
    for one loan's balances span by span."""
    if not (isinstance(loans, tuple) and len(loans) >= 2 and all(isinstance(p, tuple) and len(p) == 2 for p in loans)):
        raise CalculatorError(f"loans must be a tuple of at least two (principal, months) pairs, got {loans!r}")
    if not isinstance(repaid, bool):
        raise CalculatorError(f"repaid must be True or False, got {repaid!r}")
    each = []
    for n, (principal, months) in enumerate(loans, 1):
        name = f"第{n}段未还的本金" if repaid else f"第{n}笔贷款的本金"
        loan = money(principal, "principal", MAX_AMOUNT, label=name)
        term = whole_months(months, "months", 1, MAX_TERM_MONTHS, label=name[:-3] + "期限")
        each.append((loan, term, (loan * yearly * term / 12).quantize(CENT, ROUND_HALF_UP)))
    if repaid and any(later[0] >= earlier[0] for earlier, later in zip(each, each[1:])):
        raise CalculatorError(f"repaid balances must fall span by span, got {loans!r}")
    total = sum((e[2] for e in each), Decimal(0))
    how = "还款前后按每段未还的本金和这段的期限分段算" if repaid else "每笔贷款按它自己的期限算"
    steps = [f"{FORMULA}；{how}，再相加。",
             *(f"第{n}{'段' if repaid else '笔'}：{short(loan)}×{percent(yearly)}×{term}个月÷12 = {short(part)}。"
               for n, (loan, term, part) in enumerate(each, 1)),
             f"合计：{' + '.join(short(e[2]) for e in each)} = {short(total)}（{given}是你提供的数字，文件本身没有写明）。"]
    return total, steps, [[number(loan), term, number(part)] for loan, term, part in each]


def interest_subsidy(total_subsidy: Any = None, principal: Any = None, annual_rate: Any = None,
                     months: Any = None, monthly_rate: Any = None, days: Any = None,
                     day_basis: Any = None, loans: Any = (), daily_rate: Any = None, repaid: Any = False
                     ) -> Calculation:
    steps = ["对符合条件的疫情防控重点保障中小微企业，按照人民银行专项再贷款利率给予贷款贴息支持，由中央财政和省级财政各负担50%。"]
    inputs: dict[str, Any] = {"total_subsidy": None, "principal": None, "annual_rate": None, "months": None}
    if daily_rate is not None:
        if annual_rate is not None or monthly_rate is not None or total_subsidy is not None:
            raise CalculatorError(f"give one of annual_rate, monthly_rate or daily_rate, and no total_subsidy (got "
                                  f"{annual_rate!r}, {monthly_rate!r}, {daily_rate!r} and {total_subsidy!r})")
        if day_basis is not None and day_basis not in DAY_BASES:
            raise CalculatorError(f"day_basis must be one of {list(DAY_BASES)} or None, got {day_basis!r}")
        daily = rate(daily_rate, "daily_rate", label="日利率")
        basis = DEFAULT_DAY_BASIS if day_basis is None else day_basis
        annual_rate = rate(daily * basis, "annual_rate", label="日利率折算的年利率")
        steps.append(f"日利率{percent(daily)}×{basis}天 = 年利率{percent(annual_rate)}"
                     f"（{'一年按你说的' if day_basis is not None else '一年按'}{basis}天计）。")
        inputs["daily_rate"] = number(daily)
    if loans != () and any(v is not None for v in (total_subsidy, principal, months, days, day_basis)):
        raise CalculatorError(f"give loans alone, not with total_subsidy, principal, months or days (got loans "
                              f"{loans!r})")
    if total_subsidy is not None:
        total = money(total_subsidy, "total_subsidy", MAX_AMOUNT)
        inputs["total_subsidy"] = number(total)
    else:
        loan = money(principal, "principal", MAX_AMOUNT) if loans == () else None
        if monthly_rate is not None:
            if annual_rate is not None:
                raise CalculatorError(f"give annual_rate or monthly_rate, not both (got {annual_rate!r} and "
                                      f"{monthly_rate!r})")
            monthly, annual_rate, step = annual_from_monthly(monthly_rate)
            steps.append(step)
            inputs["monthly_rate"] = number(monthly)
        yearly = rate(annual_rate, "annual_rate")
        given = (f"日利率{percent(daily)}" if daily_rate is not None else f"利率{percent(yearly)}"
                 if monthly_rate is None else f"月利率{percent(monthly)}")
        if loans != ():
            total, loan_steps, each = _several_loans(loans, yearly, given, repaid)
            steps += loan_steps
            borrowed = Decimal(str(each[0][0])) if repaid else sum((Decimal(str(e[0])) for e in each), Decimal(0))
            inputs.update(principal=number(borrowed), annual_rate=number(yearly), loans=each)
            if repaid:
                inputs["repaid"] = True
        elif days is not None or (day_basis is not None and daily_rate is None):  # a daily rate's basis converted it
            if months is not None:
                raise CalculatorError(f"give months or days, not both (got {months!r} and {days!r})")
            count = whole_months(days, "days", 1, MAX_TERM_DAYS, label="用款天数", unit="天")
            if day_basis is not None and day_basis not in DAY_BASES:
                raise CalculatorError(f"day_basis must be one of {list(DAY_BASES)} or None, got {day_basis!r}")
            basis = DEFAULT_DAY_BASIS if day_basis is None else day_basis
            total = (loan * yearly * count / basis).quantize(CENT, ROUND_HALF_UP)
            per_day = (total / count).quantize(CENT, ROUND_HALF_UP)
            said_basis = "一年按你说的" if day_basis is not None else "你没有说一年按多少天计息，这里一年按"
            steps += [f"{DAY_FORMULA}（{said_basis}{basis}天计）。",
                      f"{short(loan)}×{percent(yearly)}×{count}天÷{basis} = {short(total)}"
                      f"（{given}是你提供的数字，文件本身没有写明）。",
                      f"平摊到每天：{short(total)}÷{count} = {short(per_day)}。"]
            inputs.update(principal=number(loan), annual_rate=number(yearly), days=count, day_basis=basis)
        else:
            term = whole_months(months, "months", 1, MAX_TERM_MONTHS)
            total = (loan * yearly * term / 12).quantize(CENT, ROUND_HALF_UP)
            steps += [f"{FORMULA}。",
                      f"{short(loan)}×{percent(yearly)}×{term}个月÷12 = {short(total)}"
                      f"（{given}是你提供的数字，文件本身没有写明）。"]
            inputs.update(principal=number(loan), annual_rate=number(yearly), months=term)
    central = (total * HALF).quantize(CENT, ROUND_HALF_UP)
    provincial = total - central  # the remainder, so the two shares always add up to the total
    steps += [f"中央财政负担：{short(total)}×50% = {short(central)}。",
              f"省级财政负担：{short(total)} − {short(central)} = {short(provincial)}。"]
    result = {"total_subsidy": number(total), "central": number(central), "provincial": number(provincial)}
    if inputs.get("days"):
        result["per_day"] = number((total / inputs["days"]).quantize(CENT, ROUND_HALF_UP))
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def needs(request: InterestRequest) -> NeedsInput | None:
    if request.total_subsidy is not None:
        return None
    asks = {"principal": "贷款本金（元）", "annual_rate": "人民银行专项再贷款利率（年利率，文件没有写明）",
            "months": "贷款期限（月）"}
    missing = tuple(name for name in asks if getattr(request, name) is None
                    and not (name == "annual_rate" and (request.monthly_rate is not None
                                                        or request.daily_rate is not None))
                    and not (name == "months" and request.days is not None)
                    and not (name in ("principal", "months") and request.loans != ()))
    if not missing:
        return None
    known = {name: str(getattr(request, name)) for name in asks
             if name not in missing and getattr(request, name) is not None}
    if request.monthly_rate is not None:  # the rate was said per month: that is what is known, not an annual one
        known["monthly_rate"] = str(request.monthly_rate)
    return NeedsInput(kind=KIND, missing=missing, clause=CLAUSE, inputs=known,
                      question_back=f"{FORMULA}，由中央财政和省级财政各负担50%。"
                                    f"请告诉我：{'；'.join(asks[m] for m in missing)}；或者直接给出贴息总额。")


def solve(request: InterestRequest) -> Calculation:
    return interest_subsidy(request.total_subsidy, request.principal, request.annual_rate, request.months,
                            request.monthly_rate, request.days, request.day_basis, request.loans, request.daily_rate,
                            request.repaid)


def lead(calc: Calculation) -> str:
    total, central, provincial = (Decimal(str(calc.result[k])) for k in ("total_subsidy", "central", "provincial"))
    text = f"贴息共{yuan(total)}，由中央财政和省级财政各负担50%：中央财政{yuan(central)}，省级财政{yuan(provincial)}"
    if calc.result.get("per_day") is not None:
        text += (f"；按{calc.inputs['days']}天、一年{calc.inputs['day_basis']}天计，平摊到每天"
                 f"{yuan(Decimal(str(calc.result['per_day'])))}")
    return text + "。"
