"""四、实施援企稳岗政策: pension rate 16%, unemployment-insurance refund and job-stabilization subsidy,
work-injury rate cut by half."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from assistant.calculator.headcount import annual_average, checked_spans, describe_missing, missing_months
from assistant.calculator.results import NeedsInput
from assistant.calculator.values import (
    CENT, AmountError, CalculatorError, headcount, money, months_said, number, percent, plain, rate, said, short,
    whole_months, yuan, yuan_bound,
)
from corpus.records import Calculation

CLAUSE = "4"
HALF = Decimal("0.5")
MAX_PREMIUMS = Decimal(10_000_000_000)
MAX_BASE = Decimal(10_000_000_000)
MAX_BENEFIT = Decimal(100_000)  # 元/月 per person; a monthly benefit beyond this is a typo
PENSION_RATE = Decimal("0.16")
SUBSIDY_MONTHS = 6
# Not in the policy text: Shanxi paid the benefit at 80% of the local minimum wage from 2018-05-01 and
# Taiyuan's urban districts were in the 1700 元 band, giving 1360 元/月. No source states it directly,
# so it is only ever offered as a labelled reference, never used in a computation.
REFERENCE_BENEFIT = Decimal(1360)
REFERENCE_NOTE = (f"文件没有写明这个标准。参考：山西省自2018年5月1日起失业保险金按当地最低工资标准的80%发放，"
                  f"太原市区最低工资标准为1700元/月，由此推算约为{plain(REFERENCE_BENEFIT)}元/月——这是推算值，"
                  f"不是官方公布的数字，请以人社部门（失业保险经办机构）核定的标准为准。")


def _half(amount: Decimal) -> Decimal:
    return (amount * HALF).quantize(CENT, ROUND_HALF_UP)


# -- unemployment-insurance refund ---------------------------------------------------------------------
# Premiums quoted per month or per quarter → what one period is in months, and its name in answers.
PAID_PER = {"month": (1, "每月", "个月"), "quarter": (3, "每季度", "个季度")}


@dataclass(frozen=True)
class RefundRequest:
    kind: ClassVar[str] = "unemployment_refund"
    premiums_paid: Decimal | None = None  # last year's actually paid unemployment-insurance premiums, 元
    # or: what was paid each `per` ("month" / "quarter") last year, and for how many of them (None: a full year)
    periodic_amount: Decimal | None = None
    per: str | None = None
    periods: int | None = None
    # or: amounts paid in separate parts of last year, summed: (("上半年", 4600), ("下半年", 5400)); a part's name
    # may be "" when the user said only that it came on top (「又缴了5400」)
    parts: tuple[tuple[str, Decimal], ...] = ()
    # with premiums_paid: the top of a range the premiums were said in (「9千到1万1之间」); the refund is a range too
    premiums_upper: Decimal | None = None
    # or: last year's wage total with the unit's unemployment rate (「工资总额215万，费率0.7%，全交了」): their product
    wage_base: Decimal | None = None
    unemployment_rate: Decimal | None = None
    # or: one insured person's monthly premium with the people insured in each part of last year, (first month, last
    # month, people) (「1到8月每月参保15人，9月起每月18人，每人每月37块5」): people × months × premium, summed
    per_person: Decimal | None = None
    headcounts: tuple[tuple[int, int, Decimal], ...] = ()


def _person_months(per_person: Any, headcounts: Any) -> tuple[Decimal, str, dict]:
    """(last year's premiums, the step that adds them up, the inputs) from one person's monthly premium and the
    people insured in each part of the year."""
    spans = checked_spans(headcounts)
    each = money(per_person, "per_person", MAX_PREMIUMS, label="每人每月缴纳的失业保险费", positive=True)
    parts = [(first, last, people, each * people * (last - first + 1)) for first, last, people in spans]
    total = sum((p[3] for p in parts), Decimal(0))
    listed = "；".join(f"{months_said(first, last)}：{plain(people)}人×{last - first + 1}个月×{short(each)} = {short(part)}"
                      for first, last, people, part in parts)
    step = f"上年度实际缴纳：{listed}" + (f"；合计{' + '.join(short(p[3]) for p in parts)} = {short(total)}。"
                                      if len(parts) > 1 else "。")
    return total, step, {"per_person": number(each),
                         "headcounts": [[first, last, number(people)] for first, last, people, _ in parts]}


def _summed_parts(parts: Any) -> tuple[Decimal, str, list[list[Any]]]:
    """(the total, the step that adds it up, the parts as JSON) for premiums paid in parts of last year."""
    if not (isinstance(parts, tuple) and len(parts) >= 2
            and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in parts)):
        raise CalculatorError(f"parts must be a tuple of at least two (name, amount) pairs, got {parts!r}")
    amounts = [money(amount, "premiums_paid", MAX_PREMIUMS, label=f"{name or '其中一笔'}缴纳的失业保险费")
               for name, amount in parts]
    total = sum(amounts, Decimal(0))
    if total > MAX_PREMIUMS:
        raise AmountError(f"上年度实际缴纳的失业保险费（各笔合计）应在 0 至 {yuan_bound(MAX_PREMIUMS)}之间，"
                          f"收到 {said(total)}元", field="premiums_paid")
    added = " + ".join(f"{name}{short(amount)}" for (name, _), amount in zip(parts, amounts))
    return total, f"上年度实际缴纳：{added} = {short(total)}。", [[n, number(a)] for (n, _), a in zip(parts, amounts)]


def _refund_range(low: Any, high: Any) -> Calculation:
    """Premiums known only as a range (both ends inclusive): the refund at each end."""
    paid = money(low, "premiums_paid", MAX_PREMIUMS, label="上年度实际缴纳的失业保险费（区间下限）")
    top = money(high, "premiums_paid", MAX_PREMIUMS, label="上年度实际缴纳的失业保险费（区间上限）")
    if top < paid:
        raise AmountError(f"上年度实际缴纳的失业保险费区间的上限应不小于下限{short(paid)}，收到 {said(top)}元",
                          field="premiums_paid")
    refund, refund_top = _half(paid), _half(top)
    steps = ("对不裁员或少裁员的参保企业，返还其上年度实际缴纳失业保险费的50%。",
             f"下限：{short(paid)}×50% = {short(refund)}。",
             f"上限：{short(top)}×50% = {short(refund_top)}。",
             "实际返还额以人社部门核定的上年度实缴金额为准。")
    return Calculation(kind=RefundRequest.kind, inputs={"premiums_paid": number(paid), "premiums_upper": number(top)},
                       result={"refund": number(refund), "refund_upper": number(refund_top)}, steps=steps,
                       clause=CLAUSE)


def unemployment_refund(premiums_paid: Any, periodic_amount: Any = None, per: Any = None,
                        periods: Any = None, parts: Any = (), premiums_upper: Any = None,
                        wage_base: Any = None, unemployment_rate: Any = None, per_person: Any = None,
                        headcounts: Any = ()) -> Calculation:
    if per_person is not None or headcounts != ():
        others = (premiums_paid, periodic_amount, per, periods, premiums_upper, wage_base, unemployment_rate)
        if any(v is not None for v in others) or parts != ():
            raise CalculatorError(f"give per_person with headcounts alone (got per_person {per_person!r}, headcounts "
                                  f"{headcounts!r}, premiums_paid {premiums_paid!r}, parts {parts!r})")
        paid, step, given = _person_months(per_person, headcounts)
        calc = unemployment_refund(paid)
        return replace(calc, steps=(calc.steps[0], step, *calc.steps[1:]), inputs={**calc.inputs, **given})
    if wage_base is not None or unemployment_rate is not None:
        if (premiums_paid is not None or periodic_amount is not None or parts != () or premiums_upper is not None
                or wage_base is None or unemployment_rate is None):
            raise CalculatorError(f"give wage_base with unemployment_rate alone (got wage_base {wage_base!r}, rate "
                                  f"{unemployment_rate!r}, premiums_paid {premiums_paid!r}, parts {parts!r})")
        base = money(wage_base, "wage_base", MAX_BASE)
        fraction = rate(unemployment_rate, "unemployment_rate", label="失业保险单位费率")
        paid = (base * fraction).quantize(CENT, ROUND_HALF_UP)
        calc = unemployment_refund(paid)
        step = f"上年度实际缴纳：工资总额{short(base)}×失业保险单位费率{percent(fraction)} = {short(paid)}（按全额缴纳计算）。"
        return replace(calc, steps=(calc.steps[0], step, *calc.steps[1:]),
                       inputs={**calc.inputs, "wage_base": number(base), "unemployment_rate": number(fraction)})
    if premiums_upper is not None:
        if parts != () or periodic_amount is not None or per is not None or periods is not None:
            raise CalculatorError(f"give premiums_upper only with premiums_paid (got parts {parts!r}, "
                                  f"{periodic_amount!r} per {per!r})")
        return _refund_range(premiums_paid, premiums_upper)
    steps = ["对不裁员或少裁员的参保企业，返还其上年度实际缴纳失业保险费的50%。"]
    inputs: dict[str, Any] = {"premiums_paid": None}
    if parts != ():
        if premiums_paid is not None or periodic_amount is not None or per is not None or periods is not None:
            raise CalculatorError(f"give parts alone, not with premiums_paid or periodic_amount (got parts {parts!r}, "
                                  f"{premiums_paid!r}, {periodic_amount!r} per {per!r})")
        premiums_paid, step, inputs["parts"] = _summed_parts(parts)
        steps.append(step)
    if periodic_amount is not None or per is not None or periods is not None:
        if premiums_paid is not None:
            raise CalculatorError(f"give premiums_paid or periodic_amount with per, not both "
                                  f"(got {premiums_paid!r} and {periodic_amount!r} per {per!r})")
        if not (isinstance(per, str) and per in PAID_PER):
            raise CalculatorError(f"per must be one of {list(PAID_PER)}, got {per!r}")
        months, each, name = PAID_PER[per]
        in_year = 12 // months
        count = in_year if periods is None else whole_months(periods, "periods", 1, in_year, label="缴费期数",
                                                              unit=name)
        amount = money(periodic_amount, "periodic_amount", (MAX_PREMIUMS / in_year).quantize(CENT, ROUND_DOWN),
                       label=f"{each}缴纳的失业保险费")
        premiums_paid = amount * count
        said = "" if periods is not None else f"（按上年度{count}{name}都足额缴纳计算）"
        steps.append(f"上年度实际缴纳：{each}{short(amount)}×{count}{name} = {short(premiums_paid)}{said}。")
        inputs.update(periodic_amount=number(amount), per=per, periods=count)
    paid = money(premiums_paid, "premiums_paid", MAX_PREMIUMS)
    refund = _half(paid)
    steps.append(f"{short(paid)}×50% = {short(refund)}。")
    inputs["premiums_paid"] = number(paid)
    return Calculation(kind=RefundRequest.kind, inputs=inputs,
                       result={"refund": number(refund)}, steps=tuple(steps), clause=CLAUSE)


def refund_needs(request: RefundRequest) -> NeedsInput | None:
    if request.premiums_paid is not None or request.periodic_amount is not None or request.parts \
            or request.wage_base is not None or request.per_person is not None:
        return None
    return NeedsInput(kind=RefundRequest.kind, missing=("premiums_paid",), clause=CLAUSE,
                      question_back="请告诉我企业上年度实际缴纳的失业保险费是多少元；"
                                    "不裁员或少裁员的参保企业可返还其中的50%。")


def solve_refund(request: RefundRequest) -> Calculation:
    return unemployment_refund(request.premiums_paid, request.periodic_amount, request.per, request.periods,
                               request.parts, request.premiums_upper, request.wage_base, request.unemployment_rate,
                               request.per_person, request.headcounts)


def refund_lead(calc: Calculation) -> str:
    paid, refund = Decimal(str(calc.inputs["premiums_paid"])), Decimal(str(calc.result["refund"]))
    if calc.result.get("refund_upper") is not None:
        top, refund_top = Decimal(str(calc.inputs["premiums_upper"])), Decimal(str(calc.result["refund_upper"]))
        return (f"可返还失业保险费约{yuan(refund)}至{yuan(refund_top)}，即上年度实际缴纳的{yuan(paid, gloss=False)}至"
                f"{yuan(top, gloss=False)}的50%；条件是不裁员或少裁员的参保企业。")
    return (f"可返还失业保险费{yuan(refund)}，即上年度实际缴纳的{yuan(paid, gloss=False)}的50%；"
            f"条件是不裁员或少裁员的参保企业。")


# -- job-stabilization subsidy -------------------------------------------------------------------------
@dataclass(frozen=True)
class JobSubsidyRequest:
    kind: ClassVar[str] = "job_subsidy"
    insured_employees: Decimal | None = None  # annual average insured employees (an average: may be fractional)
    monthly_benefit: Decimal | None = None  # 2018 H2 local monthly per-capita unemployment benefit, 元/月
    # or, instead of the average: people insured each month, by spans of months ((1, 6, 10), (7, 12, 14))
    monthly_headcounts: tuple[tuple[int, int, Decimal], ...] = ()
    # or, instead of monthly_benefit: the standard summed over `benefit_months` months (「6个月的标准加起来8160元」)
    benefit_total: Decimal | None = None
    benefit_months: int = SUBSIDY_MONTHS
    per_person: bool = False  # the question also asks what one insured employee accounts for (「平均每人合多少」)
    # or, instead of the average: the year's monthly headcounts summed (「每个月参保人数加起来264人月」)
    person_months: Decimal | None = None


FORMULA = "稳岗补贴 = 6个月 × 2018年下半年当地月人均失业保险金标准 × 年度平均参保职工人数"


def _benefit_from_total(total: Any, months: Any) -> tuple[Decimal, Decimal, int, str]:
    """(the monthly benefit, exact; the total; its months; the step that derives it) from the standard summed over
    `months` months."""
    count = whole_months(months, "benefit_months", 1, 12, label="失业保险金标准合计的月数")
    summed = money(total, "benefit_total", MAX_BENEFIT * count, label=f"{count}个月的失业保险金标准合计")
    monthly = summed / count
    shown = monthly.quantize(CENT, ROUND_HALF_UP)
    sign = "=" if shown == monthly else "≈"
    said = yuan(summed, gloss=False)
    return monthly, summed, count, (f"{count}个月的失业保险金标准合计{said}，即每月{said}÷{count} {sign} "
                                    f"{yuan(shown, gloss=False)}。")


def job_subsidy(insured_employees: Any, monthly_benefit: Any, monthly_headcounts: Any = (),
                benefit_total: Any = None, benefit_months: Any = SUBSIDY_MONTHS, per_person: Any = False,
                person_months: Any = None) -> Calculation:
    if not isinstance(per_person, bool):
        raise CalculatorError(f"per_person must be True or False, got {per_person!r}")
    averaging: list[str] = []
    inputs: dict[str, Any] = {}
    if benefit_total is not None:
        if monthly_benefit is not None:
            raise CalculatorError(f"give monthly_benefit or benefit_total, not both (got {monthly_benefit!r} and "
                                  f"{benefit_total!r})")
        monthly_benefit, summed, count, step = _benefit_from_total(benefit_total, benefit_months)
        averaging.append(step)
        inputs.update(benefit_total=number(summed), benefit_months=count)
    if person_months is not None:
        if insured_employees is not None or monthly_headcounts != ():
            raise CalculatorError(f"give person_months alone, not with insured_employees or monthly_headcounts (got "
                                  f"{person_months!r}, {insured_employees!r} and {monthly_headcounts!r})")
        summed = headcount(person_months, "person_months", label="全年每月参保人数之和（人月）")
        employees = summed / 12
        shown_average = employees.quantize(CENT, ROUND_HALF_UP)
        sign = "=" if shown_average == employees else "≈"
        averaging.append(f"年度平均参保职工人数 = 全年每月参保人数之和÷12个月：{plain(summed)}人月÷12 {sign} "
                         f"{plain(shown_average.normalize())}人。")
        inputs["person_months"] = number(summed)
    elif monthly_headcounts != ():
        if insured_employees is not None:
            raise CalculatorError(f"give insured_employees or monthly_headcounts, not both (got {insured_employees!r} "
                                  f"and {monthly_headcounts!r})")
        spans = checked_spans(monthly_headcounts)
        missing = missing_months(spans)
        if missing:
            raise CalculatorError(f"年度平均参保职工人数按全年12个月计算，还缺{describe_missing(missing)}的每月参保人数",
                                  field="insured_employees")
        employees, step = annual_average(spans)
        averaging.append(step)
        inputs["monthly_headcounts"] = [[first, last, number(people)] for first, last, people in spans]
    else:
        employees = headcount(insured_employees, "insured_employees", whole=False)
    # a benefit derived from a total keeps its exact value (8160÷7 is no whole fen), so the total multiplies exactly
    benefit = monthly_benefit if benefit_total is not None else money(monthly_benefit, "monthly_benefit", MAX_BENEFIT)
    subsidy = (SUBSIDY_MONTHS * benefit * employees).quantize(CENT, ROUND_HALF_UP)
    shown = employees.quantize(CENT, ROUND_HALF_UP).normalize()
    benefit_shown = benefit.quantize(CENT, ROUND_HALF_UP)
    if benefit_shown == benefit:
        product = f"{SUBSIDY_MONTHS}个月×{yuan(benefit, gloss=False)}/月×{plain(shown)}人 = {short(subsidy)}。"
    else:  # a benefit from a total that is no whole fen a month: the product is said from the total, so it adds up
        product = (f"{SUBSIDY_MONTHS}个月×（{yuan(Decimal(str(inputs['benefit_total'])), gloss=False)}÷"
                   f"{inputs['benefit_months']}）/月×{plain(shown)}人 = {short(subsidy)}"
                   f"（每月标准约{yuan(benefit_shown, gloss=False)}，按未取整的数计算）。")
    steps = (
        "对面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员的参保企业给予稳岗补贴。",
        f"{FORMULA}。",
        *averaging,
        product,
        f"其中失业保险金标准{yuan(benefit_shown, gloss=False)}/月是你提供的数字"
        f"{'（由你给的合计折算）' if benefit_total is not None else ''}，文件本身没有写明。",
    )
    inputs = {"insured_employees": number(shown), "monthly_benefit": number(benefit_shown), **inputs}
    result = {"subsidy": number(subsidy), "months": SUBSIDY_MONTHS}
    if per_person:
        each = (SUBSIDY_MONTHS * benefit).quantize(CENT, ROUND_HALF_UP)
        result["per_person"] = number(each)
        steps += (f"平均每名参保职工：{SUBSIDY_MONTHS}个月×{yuan(benefit_shown, gloss=False)}/月 = {short(each)}"
                  f"（即总额÷年度平均参保职工人数）。",)
    return Calculation(kind=JobSubsidyRequest.kind, inputs=inputs, result=result, steps=steps, clause=CLAUSE)


def job_subsidy_needs(request: JobSubsidyRequest) -> NeedsInput | None:
    asks = {"monthly_benefit": "2018年下半年当地月人均失业保险金标准（元/月，可向人社部门查询）",
            "insured_employees": "企业年度平均参保职工人数"}
    given_spans = request.monthly_headcounts != ()
    missing = tuple(name for name in asks if getattr(request, name) is None
                    and not (name == "insured_employees" and (given_spans or request.person_months is not None)))
    if given_spans:
        try:
            months = missing_months(checked_spans(request.monthly_headcounts))
        except CalculatorError:
            months = []  # the rule itself refuses them, naming what is wrong
        if months:
            asks["insured_employees"] = (f"{describe_missing(months)}每月的参保人数（年度平均参保职工人数按全年12个月"
                                         f"计算，你给出的月份还不全），或直接给出年度平均参保职工人数")
            missing = ("insured_employees", *missing)
    if request.benefit_total is not None:
        missing = tuple(m for m in missing if m != "monthly_benefit")
    if not missing:
        return None
    question = f"{FORMULA}。请告诉我：{'；'.join(asks[m] for m in missing)}。"
    if "monthly_benefit" in missing:
        question += REFERENCE_NOTE
    known = {} if request.insured_employees is None else {"insured_employees": str(request.insured_employees)}
    return NeedsInput(kind=JobSubsidyRequest.kind, missing=missing, question_back=question, clause=CLAUSE,
                      inputs=known)


def solve_job_subsidy(request: JobSubsidyRequest) -> Calculation:
    return job_subsidy(request.insured_employees, request.monthly_benefit, request.monthly_headcounts,
                       request.benefit_total, request.benefit_months, request.per_person, request.person_months)


def job_subsidy_lead(calc: Calculation) -> str:
    subsidy = Decimal(str(calc.result["subsidy"]))
    each = "" if "per_person" not in calc.result else (
        f"，平均每名参保职工{yuan(Decimal(str(calc.result['per_person'])), gloss=False)}"
        f"（{SUBSIDY_MONTHS}个月×{yuan(Decimal(str(calc.inputs['monthly_benefit'])), gloss=False)}/月）")
    return (f"按你提供的失业保险金标准，稳岗补贴为{yuan(subsidy)}{each}，"
            f"适用于面临暂时性困难、坚持不裁员或少裁员的参保企业。")


# -- pension -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PensionRequest:
    kind: ClassVar[str] = "pension"
    wage_base: Decimal | None = None  # the contribution base, 元 (per person when employees is given)
    employees: Decimal | None = None  # people sharing that per-person base; None: the base is the firm's total
    old_rate: Decimal | None = None  # the rate paid before the cut to 16% (0.2 is 20%): gives the saving
    # or, instead of one base: groups of people with their per-person base ((4, 3000), (4, 5000)), summed
    groups: tuple[tuple[Decimal, Decimal], ...] = ()
    months: int | None = None  # the months a total is asked for (「一年下来交多少」: 12); None: one month's
    # or, instead of a base: what the firm paid at 16% (「这个月交了2万4…基数合计是多少」), from which the base follows
    contribution: Decimal | None = None
    # with contribution: the months it was paid over, the same every month (「这个季度一共交了76,800…每月都一样」: 3)
    contribution_months: int | None = None
    # with a base: the work-injury rate before the cut (0.012 is 1.2%), when the question asks what the pension and
    # the halved work-injury contribution on the same base come to together (「这两项一个月一共交多少」)
    work_injury_rate: Decimal | None = None
    # the base (or the months asked) is a year's and the question asks the monthly average too (「平均每月多少」)
    monthly_average: bool = False


MAX_MONTHS = 120  # a total asked over up to ten years (「两年下来」); beyond that it is no question about these rates


def span_said(months: int) -> str:
    """How an answer names the months a total is for: 「一年」「半年」「2年」, else 「8个月」."""
    if months in (12, 6):
        return {12: "一年", 6: "半年"}[months]
    return f"{months // 12}年" if months > 12 and months % 12 == 0 else f"{months}个月"


def _over_months(months: Any, each: Decimal, result: dict[str, Any], saving: Decimal | None = None) -> str:
    """The step that multiplies a month's amount by the months asked; adds months, total (and saving_total)."""
    count = whole_months(months, "months", 1, MAX_MONTHS, label="所问的月数")
    total = each * count
    result.update(months=count, total=number(total))
    step = f"{span_said(count)}：每月{short(each)}×{count} = {short(total)}"
    if saving is not None:
        result["saving_total"] = number(saving * count)
        step += f"，少缴{short(saving)}×{count} = {short(saving * count)}"
    return step + "。"


def _grouped_base(groups: Any) -> tuple[Decimal, str, list[list[Any]]]:
    """(the firm's total base, the step that adds it up, the groups as JSON) for 「4个人基数3000，另外4个人5000」."""
    if not (isinstance(groups, tuple) and len(groups) >= 2
            and all(isinstance(g, tuple) and len(g) == 2 for g in groups)):
        raise CalculatorError(f"groups must be a tuple of at least two (people, base per person) pairs, got {groups!r}")
    checked = [(headcount(people, "employees"), money(base, "wage_base", MAX_BASE, label="每人缴费基数"))
               for people, base in groups]
    total = sum((people * base for people, base in checked), Decimal(0))
    if total > MAX_BASE:
        raise AmountError(f"缴费基数（各组合计）应在 0 至 {yuan_bound(MAX_BASE)}之间，收到 {said(total)}元", field="wage_base")
    terms = " + ".join(f"{plain(people)}人×{short(base)}" for people, base in checked)
    return total, f"缴费基数合计：{terms} = {short(total)}。", [[number(p), number(b)] for p, b in checked]


def pension_contribution(wage_base: Any, employees: Any = None, old_rate: Any = None, groups: Any = (),
                         months: Any = None, work_injury_rate: Any = None, monthly_average: Any = False
                         ) -> Calculation:
    if not isinstance(monthly_average, bool):
        raise CalculatorError(f"monthly_average must be True or False, got {monthly_average!r}")
    grouped: list[str] = []
    json_groups = None
    if groups != ():
        if wage_base is not None or employees is not None:
            raise CalculatorError(f"give groups alone, not with wage_base or employees (got groups {groups!r}, "
                                  f"{wage_base!r}, {employees!r})")
        wage_base, step, json_groups = _grouped_base(groups)
        grouped.append(step)
    base = money(wage_base, "wage_base", MAX_BASE)
    old = None if old_rate is None else rate(old_rate, "old_rate", label="原养老保险费率")
    if old is not None and old < PENSION_RATE:
        raise AmountError(f"原养老保险费率应在 16% 至 100% 之间（文件说的是降至16%），收到 {percent(old)}",
                          field="old_rate", detail=f"应在 16% 至 100% 之间（文件说的是降至16%），收到 {percent(old)}")
    contribution = (base * PENSION_RATE).quantize(CENT, ROUND_HALF_UP)
    steps = ["根据《山西省降低社会保险费率实施方案》（晋政办发〔2019〕26号），自2019年5月起企业养老保险费率降至16%。",
             *grouped]
    inputs: dict[str, Any] = {"wage_base": number(base), "employees": None}
    if json_groups is not None:
        inputs["groups"] = json_groups
    result: dict[str, Any] = {"rate": number(PENSION_RATE), "contribution": number(contribution)}
    people = Decimal(1)
    if employees is None:
        steps.append(f"{short(base)}×16% = {short(contribution)}。")
    else:
        people = headcount(employees, "employees")
        total = contribution * people
        if total > MAX_BASE:
            detail = (f"{plain(people)}人×每人缴费基数{short(base)}得出单位每月缴费{said(total)}元，超过上限"
                      f"{yuan_bound(MAX_BASE)}：请核对人数和每人缴费基数")
            raise AmountError(f"人数{detail}", field="employees", detail=detail)
        steps += [f"每人：缴费基数{short(base)}×16% = {short(contribution)}。",
                  f"{plain(people)}人：{short(contribution)}×{plain(people)}人 = {short(total)}"
                  f"（即{plain(people)}人×{short(base)}×16%）。"]
        inputs["employees"] = number(people)
        result.update(per_person=number(contribution), contribution=number(total))
    if old is not None:
        steps.append(_pension_saving(base, people if employees is not None else None, old, result))
        inputs["old_rate"] = number(old)
    if work_injury_rate is not None:
        steps += _with_work_injury(base, people if employees is not None else None, work_injury_rate, result)
        inputs["work_injury_rate"] = result["work_injury_old_rate"]
    if months is not None:
        saving = None if old is None else Decimal(str(result["saving"]))
        if work_injury_rate is not None:
            count = whole_months(months, "months", 1, MAX_MONTHS, label="所问的月数")
            combined = Decimal(str(result["combined"]))
            result.update(months=count, combined_total=number(combined * count))
            steps.append(f"{span_said(count)}：每月两项合计{short(combined)}×{count} = {short(combined * count)}。")
        else:
            steps.append(_over_months(months, Decimal(str(result["contribution"])), result, saving))
        inputs["months"] = result["months"]
    if monthly_average and months is None:  # a year's base: its contribution is a year's, spread over 12 months
        year = Decimal(str(result["contribution"]))
        exact = year / 12
        each = exact.quantize(CENT, ROUND_HALF_UP)
        result["monthly_average"] = number(each)
        steps.append(f"平均每月：{short(year)}÷12 {'=' if each == exact else '≈'} {short(each)}。")
    return Calculation(kind=PensionRequest.kind, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _with_work_injury(base: Decimal, people: Decimal | None, old_rate: Any, result: dict[str, Any]) -> list[str]:
    """The steps adding the work-injury contribution at the halved rate on the same base to the pension's; adds
    work_injury_old_rate, work_injury_rate, work_injury and combined to `result`."""
    old = rate(old_rate, "work_injury_rate", label="原工伤保险费率")
    new = old * HALF
    whole = base * (people or 1)
    injury = (whole * new).quantize(CENT, ROUND_HALF_UP)
    pension = Decimal(str(result["contribution"]))
    combined = pension + injury
    result.update(work_injury_old_rate=number(old), work_injury_rate=number(new), work_injury=number(injury),
                  combined=number(combined))
    said_base = f"{plain(people)}人×{short(base)}" if people is not None else short(base)
    return [f"工伤保险费率下调50%：{percent(old)}×50% = {percent(new)}；单位应缴工伤保险费：{said_base}×{percent(new)}"
            f" = {short(injury)}。",
            f"养老保险与工伤保险两项合计：{short(pension)} + {short(injury)} = {short(combined)}。"]


def pension_base(contribution: Any, months: Any = None) -> Calculation:
    """The reverse of the pension rule: the firm's contribution at 16% → the contribution base it was paid on; a
    contribution paid over `months` months alike is a month's that many times."""
    count = None if months is None else whole_months(months, "contribution_months", 1, MAX_MONTHS,
                                                     label="缴费的月数")
    paid = money(contribution, "contribution", (MAX_BASE * PENSION_RATE * (count or 1)).quantize(CENT, ROUND_DOWN),
                 label="单位缴纳的养老保险费")
    spread = []
    total = paid
    if count is not None and count > 1:
        exact_month = paid / count
        paid = exact_month.quantize(CENT, ROUND_HALF_UP)
        spread = [f"{span_said(count)}共缴{short(total)}，每月相同：{short(total)}÷{count} "
                  f"{'=' if paid == exact_month else '≈'} 每月{short(paid)}。"]
    exact = paid / PENSION_RATE
    base = exact.quantize(CENT, ROUND_HALF_UP)
    sign = "=" if base == exact else "≈"
    steps = ("根据《山西省降低社会保险费率实施方案》（晋政办发〔2019〕26号），自2019年5月起企业养老保险费率降至16%。",
             *spread,
             "单位缴费 = 缴费基数 × 16%，所以缴费基数 = 单位缴费 ÷ 16%。",
             f"{short(paid)}÷16% {sign} {short(base)}{'（每月的缴费基数）' if spread else ''}。")
    inputs = {"contribution": number(paid), "wage_base": None, "employees": None}
    if spread:
        inputs.update(contribution_total=number(total), contribution_months=count)
    return Calculation(kind=PensionRequest.kind, inputs=inputs,
                       result={"rate": number(PENSION_RATE), "wage_base": number(base), "contribution": number(paid)},
                       steps=steps, clause=CLAUSE)


def _pension_saving(base: Decimal, people: Decimal | None, old: Decimal, result: dict[str, Any]) -> str:
    """The step comparing the old rate with 16% on the same base; adds old_rate, before and saving to `result`."""
    each = (base * old).quantize(CENT, ROUND_HALF_UP)
    before = each * (people or 1)
    after = Decimal(str(result["contribution"]))
    result.update(old_rate=number(old), before=number(before), saving=number(before - after))
    whole = f"{plain(people)}人×{short(base)}" if people is not None else short(base)
    return (f"原费率{percent(old)}时应缴：{whole}×{percent(old)} = {short(before)}；现应缴{short(after)}；"
            f"少缴{short(before)} − {short(after)} = {short(before - after)}"
            f"（即{whole}×({percent(old)} − 16%)）。")


def pension_needs(request: PensionRequest) -> NeedsInput | None:
    if request.wage_base is not None or request.groups or request.contribution is not None:
        return None
    known = {} if request.employees is None else {"employees": str(request.employees)}
    return NeedsInput(kind=PensionRequest.kind, missing=("wage_base",), clause=CLAUSE, inputs=known,
                      question_back="企业养老保险费率自2019年5月起为16%。请告诉我缴费基数（元；按人给的话再说人数），"
                                    "我来算单位应缴的养老保险费。")


def solve_pension(request: PensionRequest) -> Calculation:
    if request.contribution_months is not None and request.contribution is None:
        raise CalculatorError(f"contribution_months goes with contribution, got {request.contribution_months!r} "
                              f"and no contribution")
    if request.contribution is not None:
        if (request.wage_base is not None or request.groups or request.old_rate is not None
                or request.months is not None or request.employees is not None or request.work_injury_rate is not None):
            raise CalculatorError(f"give contribution alone, to find the base it was paid on (got {request!r})")
        return pension_base(request.contribution, request.contribution_months)
    return pension_contribution(request.wage_base, request.employees, request.old_rate, request.groups, request.months,
                                request.work_injury_rate, request.monthly_average)


def pension_lead(calc: Calculation) -> str:
    if calc.inputs.get("contribution") is not None:
        paid, base = Decimal(str(calc.inputs["contribution"])), Decimal(str(calc.result["wage_base"]))
        if calc.inputs.get("contribution_months"):  # a total over months alike: a month's base
            total, count = Decimal(str(calc.inputs["contribution_total"])), calc.inputs["contribution_months"]
            return (f"按16%的企业养老保险费率反推，每月的缴费基数（合计）为{yuan(base)}：{span_said(count)}共缴"
                    f"{yuan(total, gloss=False)}，每月{yuan(paid, gloss=False)}，{yuan(paid, gloss=False)}÷16%。")
        return (f"按16%的企业养老保险费率反推，单位缴纳养老保险费{yuan(paid)}对应的缴费基数（合计）为{yuan(base)}："
                f"{yuan(paid, gloss=False)}÷16%。")
    if "combined" in calc.result:
        return _combined_lead(calc)
    lead = _pension_month_lead(calc)
    if "monthly_average" in calc.result:
        return f"{lead[:-1]}，这是全年的；平均每月{yuan(Decimal(str(calc.result['monthly_average'])))}。"
    if "total" not in calc.result:
        return lead
    months, total = calc.result["months"], Decimal(str(calc.result["total"]))
    text = f"{lead[:-1]}；{span_said(months)}共需单位缴费{yuan(total)}"
    if "saving_total" in calc.result:
        text += f"，共少缴{yuan(Decimal(str(calc.result['saving_total'])))}"
    return text + "。"


def _combined_lead(calc: Calculation) -> str:
    """The pension and the halved work-injury contribution on the same base, and what they come to together."""
    r = calc.result
    base = Decimal(str(calc.inputs["wage_base"]))
    pension, injury, combined = (Decimal(str(r[k])) for k in ("contribution", "work_injury", "combined"))
    old, new = Decimal(str(r["work_injury_old_rate"])), Decimal(str(r["work_injury_rate"]))
    people = calc.inputs.get("employees")
    whole = "" if people is None else f"{plain(Decimal(str(people)))}人、每人"
    text = (f"按16%的企业养老保险费率和下调50%后的工伤保险费率{percent(new)}（原{percent(old)}），{whole}缴费基数"
            f"{yuan(base)}，单位每月需缴养老保险费{yuan(pension)}、工伤保险费{yuan(injury)}，两项合计{yuan(combined)}")
    if "combined_total" in r:
        text += f"；{span_said(r['months'])}两项共需缴{yuan(Decimal(str(r['combined_total'])))}"
    if "saving" in r:
        text += f"；养老保险按原费率{percent(Decimal(str(r['old_rate'])))}算，每月少缴{yuan(Decimal(str(r['saving'])))}"
    return text + "。"


def _pension_month_lead(calc: Calculation) -> str:
    base, contribution = Decimal(str(calc.inputs["wage_base"])), Decimal(str(calc.result["contribution"]))
    if "saving" in calc.result:
        old, before, saving = (Decimal(str(calc.result[k])) for k in ("old_rate", "before", "saving"))
        whole = "" if calc.inputs.get("employees") is None else f"{plain(Decimal(str(calc.inputs['employees'])))}人、每人"
        return (f"企业养老保险费率由{percent(old)}降至16%，按{whole}缴费基数{yuan(base)}计算，单位少缴{yuan(saving)}："
                f"原应缴{yuan(before)}，现应缴{yuan(contribution)}。")
    if calc.inputs.get("groups"):
        groups = [(Decimal(str(p)), Decimal(str(b))) for p, b in calc.inputs["groups"]]
        people = sum((p for p, _ in groups), Decimal(0))
        terms = " + ".join(f"{plain(p)}人×{yuan(b, gloss=False)}" for p, b in groups)
        return (f"按16%的企业养老保险费率，{plain(people)}人共需单位缴费{yuan(contribution)}："
                f"缴费基数合计{terms} = {yuan(base, gloss=False)}，×16%。")
    if calc.inputs.get("employees") is None:
        return f"按16%的企业养老保险费率，缴费基数{yuan(base)}对应单位缴费{yuan(contribution)}。"
    people, each = Decimal(str(calc.inputs["employees"])), Decimal(str(calc.result["per_person"]))
    return (f"按16%的企业养老保险费率，{plain(people)}人共需单位缴费{yuan(contribution)}："
            f"每人缴费基数{yuan(base, gloss=False)}，单位每人缴{yuan(each, gloss=False)}。")


# -- work injury ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkInjuryRequest:
    kind: ClassVar[str] = "work_injury"
    old_rate: Decimal | None = None  # the rate before the cut, as a fraction (0.004 is 0.4%)
    wage_base: Decimal | None = None  # optional: gives the saving in 元
    old_amount: Decimal | None = None  # or: the contribution paid before the cut, 元 (same base → it halves)
    per: str | None = None  # what old_amount is paid per: "month", "year", or None when not said
    months: int | None = None  # the months a total is asked for (「半年下来一共交多少」: 6), with old_amount and per
    # 「一年交8760…平摊到每个月要交多少」: a yearly or quarterly old_amount asked per month as well
    per_month: bool = False
    # or: the contribution paid after the cut (「现在每月交1150，已经是减半后的」), 元: before it, twice as much
    new_amount: Decimal | None = None
    # old_amount is one person's (「以前每人每年交216块，一共35个人」): the firm's is that times `people`
    people: Decimal | None = None
    # or, instead of wage_base: each month's base, (month, base), their sum the base of the total asked (「一季度工资
    # 总额：1月25万，2月18万，3月21万…一季度一共交多少」)
    base_parts: tuple[tuple[int, Decimal], ...] = ()


PER = {"month": "每月", "quarter": "每季度", "year": "每年", None: ""}
PERIODS_A_YEAR = {"month": 12, "quarter": 4}
PER_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _summed_base(base_parts: Any) -> tuple[Decimal, str, list]:
    """(the bases summed, the step that sums them, the inputs) for the bases of several months."""
    if not (isinstance(base_parts, tuple) and len(base_parts) >= 2
            and all(isinstance(p, tuple) and len(p) == 2 for p in base_parts)):
        raise CalculatorError(f"base_parts must be a tuple of at least two (month, base) pairs, got {base_parts!r}")
    months = [whole_months(m, "base_parts", 1, 12, label="工资总额所在的月份", unit="月") for m, _ in base_parts]
    if len(set(months)) != len(months):
        raise CalculatorError(f"base_parts names a month twice: {base_parts!r}")
    bases = [money(b, "base_parts", MAX_BASE, label=f"{m}月的缴费基数") for m, (_, b) in zip(months, base_parts)]
    total = sum(bases, Decimal(0))
    said = " + ".join(f"{m}月{short(b)}" for m, b in zip(months, bases))
    return total, f"缴费基数按各月工资总额相加：{said} = {short(total)}。", [[m, number(b)] for m, b in zip(months, bases)]


def work_injury_cut(old_rate: Any = None, wage_base: Any = None, old_amount: Any = None,
                    per: Any = None, months: Any = None, per_month: Any = False,
                    new_amount: Any = None, people: Any = None, base_parts: Any = ()) -> Calculation:
    if not (per is None or isinstance(per, str) and per in PER):
        raise CalculatorError(f"per must be one of {list(PER)}, got {per!r}")
    summed = None
    if base_parts != ():
        if wage_base is not None or old_amount is not None or new_amount is not None or months is not None:
            raise CalculatorError(f"give base_parts alone, not with wage_base, old_amount, new_amount or months "
                                  f"(got base_parts {base_parts!r})")
        wage_base, summed_step, summed_inputs = _summed_base(base_parts)
        summed = (summed_step, summed_inputs)
    undone = None
    if new_amount is not None:
        if old_amount is not None or wage_base is not None or old_rate is not None:
            raise CalculatorError(f"give new_amount alone, not with old_amount, wage_base or old_rate (got new_amount "
                                  f"{new_amount!r}, old_amount {old_amount!r}, wage_base {wage_base!r}, "
                                  f"old_rate {old_rate!r})")
        now = money(new_amount, "new_amount", MAX_BASE / 2, label="下调后应缴的工伤保险费")
        old_amount = now * 2
        undone = (f"下调后{PER[per]}应缴{short(now)}是减半后的数，没有下调时为{short(now)}÷50% = "
                  f"{short(old_amount)}。")
    if old_amount is not None and wage_base is not None:
        raise CalculatorError(f"give wage_base (with old_rate) or old_amount, not both "
                              f"(got wage_base {wage_base!r}, old_amount {old_amount!r})")
    steps = ["市各类用人单位继续执行工伤保险费率下调50%的政策。"]
    result: dict[str, Any] = {"old_rate": None, "new_rate": None, "before": None, "after": None, "saving": None}
    inputs: dict[str, Any] = {"old_rate": None, "wage_base": None, "old_amount": None, "per": per}
    if old_rate is not None or old_amount is None:
        old = rate(old_rate, "old_rate")
        new = old * HALF
        steps.append(f"{percent(old)}×50% = {percent(new)}。")
        inputs["old_rate"] = number(old)
        result.update(old_rate=number(old), new_rate=number(new))
        if wage_base is not None:
            base = money(wage_base, "wage_base", MAX_BASE)
            before = (base * old).quantize(CENT, ROUND_HALF_UP)
            after = (base * new).quantize(CENT, ROUND_HALF_UP)
            if summed:
                steps.append(summed[0])
                inputs["base_parts"] = summed[1]
            steps += [f"原应缴：{short(base)}×{percent(old)} = {short(before)}；"
                      f"现应缴：{short(base)}×{percent(new)} = {short(after)}；少缴{short(before - after)}。"]
            inputs["wage_base"] = number(base)
            result.update(before=number(before), after=number(after), saving=number(before - after))
            quarterly = per == "quarter" and not per_month  # 「工资总额每个季度五十四万」: a quarter's base
            if months is not None and old_amount is None and not (quarterly and months == 3):
                # a month's (a quarter's) base, the totals asked over months
                count = whole_months(months, "months", 1, MAX_MONTHS, label="所问的月数")
                times = count // 3 if quarterly else count
                if quarterly and count % 3:
                    raise CalculatorError(f"months must be whole quarters with a quarter's wage_base, got {months!r}")
                steps.append(f"{span_said(count)}：现应缴{short(after)}×{times} = {short(after * times)}，"
                             f"少缴{short(before - after)}×{times} = {short((before - after) * times)}"
                             f"（按{'每季度' if quarterly else '每月'}缴费基数不变计算）。")
                inputs["months"] = count
                result.update(months=count, total=number(after * times), saving_total=number((before - after) * times))
            elif quarterly:  # the year's figures beside the quarter's
                steps.append(f"一年四个季度：现应缴{short(after)}×4 = {short(after * 4)}，"
                             f"少缴{short(before - after)}×4 = {short((before - after) * 4)}（按每季度缴费基数不变计算）。")
                result.update(after_year=number(after * 4), saving_year=number((before - after) * 4))
            if per_month is True and per in ("quarter", "year") and months is None:  # a year's (quarter's) base
                steps.append(_monthly_share(per, after, before - after, result, f"{PER[per]}现应缴"))
                inputs["per_month"] = True
    if people is not None and old_amount is None:
        raise CalculatorError(f"people goes with old_amount (one person's contribution), got people {people!r} "
                              f"and old_amount {old_amount!r}")
    if old_amount is not None:
        before = money(old_amount, "old_amount", MAX_BASE)
        when = PER[per]
        if people is not None:
            count = headcount(people, "people", label="人数", minimum=1)
            each, before = before, (before * count).quantize(CENT, ROUND_HALF_UP)
            steps.append(f"单位{when}合计：每人{short(each)}×{plain(count)}人 = {short(before)}。")
            inputs["people"] = number(count)
            money(before, "old_amount", MAX_BASE, label="全单位原应缴的工伤保险费")
        after = _half(before)
        steps += ["缴费基数不变时，费率减半，应缴的工伤保险费也减半。", *([undone] if undone else []),
                  f"原来{when}应缴{short(before)}×50% = {short(after)}，{when}少缴{short(before)} − {short(after)}"
                  f" = {short(before - after)}。"]
        inputs["old_amount"] = number(before)
        if undone:
            inputs["new_amount"] = number(after)
        result.update(before=number(before), after=number(after), saving=number(before - after))
        times = PERIODS_A_YEAR.get(per)
        if times and months in (None, 12):  # what a year comes to: owners compare yearly
            steps.append(f"一年：{when}{short(after)}×{times} = {short(after * times)}，"
                         f"少缴{short(before - after)}×{times} = {short((before - after) * times)}。")
            result.update(after_year=number(after * times), saving_year=number((before - after) * times))
        if months is not None and not (times and months == 12):
            steps.append(_work_injury_over(months, per, after, before - after, result, per_month is True))
            inputs["months"] = result["months"]
        if per_month is True and per in ("quarter", "year"):
            steps.append(_monthly_share(per, after, before - after, result, when))
            inputs["per_month"] = True
    elif months is not None and wage_base is None:
        raise CalculatorError(f"months goes with old_amount or wage_base (a total of what is paid), got months "
                              f"{months!r} and neither")
    return Calculation(kind=WorkInjuryRequest.kind, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _monthly_share(per: str, after: Decimal, saving: Decimal, result: dict[str, Any], said: str) -> str:
    """The step sharing a year's (quarter's) contribution and saving over its months, recorded in `result`."""
    count = PER_MONTHS[per]
    monthly, monthly_saving = ((x / count).quantize(CENT, ROUND_HALF_UP) for x in (after, saving))
    result.update(after_month=number(monthly), saving_month=number(monthly_saving))
    return (f"平摊到每月：{said}{short(after)}÷{count} = 每月{short(monthly)}，"
            f"每月少缴{short(saving)}÷{count} = {short(monthly_saving)}。")


def _work_injury_over(months: Any, per: Any, after: Decimal, saving: Decimal, result: dict[str, Any],
                      even: bool = False) -> str:
    """The step for a total asked over `months` of a contribution paid each `per`: 「半年下来」 of 480元 a month; a
    yearly or quarterly one the same every month (`even`) may be asked over any months (「一年7380，每月一样…下半年」)."""
    if per not in PER_MONTHS:
        raise CalculatorError(f"months needs per to be one of {list(PER_MONTHS)}, got {per!r}")
    count = whole_months(months, "months", 1, MAX_MONTHS, label="所问的月数")
    step = PER_MONTHS[per]
    if count % step and even:
        total, saved = ((x * count / step).quantize(CENT, ROUND_HALF_UP) for x in (after, saving))
        result.update(months=count, total=number(total), saving_total=number(saved))
        return (f"{span_said(count)}（每月相同）：{PER[per]}{short(after)}÷{step}×{count} = {short(total)}，"
                f"少缴{short(saving)}÷{step}×{count} = {short(saved)}。")
    if count % step:
        raise AmountError(f"所问的月数应为{step}的整数倍（原应缴金额是{PER[per]}的），收到 {count}个月", field="months")
    times = count // step
    result.update(months=count, total=number(after * times), saving_total=number(saving * times))
    return (f"{span_said(count)}：{PER[per]}{short(after)}×{times} = {short(after * times)}，"
            f"少缴{short(saving)}×{times} = {short(saving * times)}。")


def work_injury_needs(request: WorkInjuryRequest) -> NeedsInput | None:
    if request.old_rate is not None or request.old_amount is not None or request.new_amount is not None:
        return None
    return NeedsInput(kind=WorkInjuryRequest.kind, missing=("old_rate",), clause=CLAUSE,
                      inputs={} if request.wage_base is None else {"wage_base": str(request.wage_base)},
                      question_back="工伤保险费率下调50%。各行业费率不同，文件没有写明；请告诉我企业原来的工伤保险费率"
                                    "（例如0.4%），需要算省多少钱的话再给出缴费基数（元）；"
                                    "也可以直接告诉我原来每月交多少工伤保险费，基数不变时下调后减半。")


def solve_work_injury(request: WorkInjuryRequest) -> Calculation:
    return work_injury_cut(request.old_rate, request.wage_base, request.old_amount, request.per, request.months,
                           request.per_month, request.new_amount, request.people, request.base_parts)


def work_injury_lead(calc: Calculation) -> str:
    r, inputs = calc.result, calc.inputs
    if r["old_rate"] is None:
        before, after, saving = (Decimal(str(r[k])) for k in ("before", "after", "saving"))
        when = PER[inputs.get("per")]
        if inputs.get("new_amount") is not None:  # worked back from what is paid now: the old figure first
            return (f"工伤保险费率下调了50%，现在{when}交的{yuan(after, gloss=False)}是减半后的数；没有下调的话，"
                    f"{when}要交{yuan(before)}，即下调让{when}少交{yuan(saving)}。")
        text = (f"工伤保险费率下调50%，缴费基数不变时应缴的工伤保险费也减半：原来{when}交{yuan(before, gloss=False)}，"
                f"下调后{when}交{yuan(after)}，{when}少交{yuan(saving)}")
        if r.get("total") is not None:
            text += (f"；{span_said(r['months'])}共交{yuan(Decimal(str(r['total'])))}，"
                     f"少交{yuan(Decimal(str(r['saving_total'])))}")
        elif r.get("after_year") is not None:
            text += f"；一年共交{yuan(Decimal(str(r['after_year'])))}，少交{yuan(Decimal(str(r['saving_year'])))}"
        if r.get("after_month") is not None:
            text += (f"；平摊到每个月交{yuan(Decimal(str(r['after_month'])))}，"
                     f"每月少交{yuan(Decimal(str(r['saving_month'])))}")
        return text + "。"
    old, new = (Decimal(str(r[k])) for k in ("old_rate", "new_rate"))
    text = f"工伤保险费率下调50%：由{percent(old)}降为{percent(new)}"
    if inputs.get("wage_base") is not None:
        when = "每季度" if inputs.get("per") == "quarter" and not inputs.get("per_month") else ""
        text += (f"，按{when}缴费基数{yuan(Decimal(str(inputs['wage_base'])))}{when}应缴"
                 f"{yuan(Decimal(str(r['after'])))}，{when}可少缴{yuan(Decimal(str(r['saving'])))}")
        if r.get("months"):
            text += (f"；{span_said(r['months'])}共交{yuan(Decimal(str(r['total'])))}，"
                     f"少缴{yuan(Decimal(str(r['saving_total'])))}")
        elif r.get("after_year") is not None:
            text += f"；一年共交{yuan(Decimal(str(r['after_year'])))}，少缴{yuan(Decimal(str(r['saving_year'])))}"
        if r.get("after_month") is not None:
            text += (f"；平摊到每个月交{yuan(Decimal(str(r['after_month'])))}，"
                     f"每月少缴{yuan(Decimal(str(r['saving_month'])))}")
    elif r["saving"] is not None:
        when = PER[inputs.get("per")]
        text += (f"；原来{when}交{yuan(Decimal(str(r['before'])), gloss=False)}，"
                 f"下调后{when}交{yuan(Decimal(str(r['after'])))}")
    return text + "。"
