"""Requests for the social-insurance clauses (四 and 五) from a question and the user's earlier turns: the
unemployment-insurance refund, the job-stabilization subsidy, pension and work-injury contributions, and the Q1
deferral schedule.

Amounts and headcounts are often said per part of the year (「上半年缴了4600元」「1到6月每月参保10人」「1月8千、2月9千」);
`assistant.year_parts` finds those parts, and the builders here decide what they mean for each rule.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Sequence

from assistant.calculator import DeferralRequest, JobSubsidyRequest, PensionRequest, RefundRequest, WorkInjuryRequest
from assistant.calculator.deferral import CATCH_UP
from assistant.calculator.social_insurance import MAX_MONTHS, PENSION_RATE, PER_MONTHS
from assistant.corrections import CORRECTION
from assistant.quantities import (
    CN_DIGITS, CalendarMonth, Headcount, Money, MonthCount, Quantity, Rate, named_after, number_or_none, with_listed,
    words_before,
)
from assistant.turns import Turn, asked_sentence_start, first_found, value_of
from assistant.year_parts import (
    CLAUSE_END, PartAmount, YearPart, amounts_to_sum, part_before, per_part, said_as_additional, series, year_parts,
)


# Premiums said per month or per quarter (「每月交失业保险850块」「每季度4200元」) are a year's worth only once
# multiplied: by the months or quarters the question names (「去年12个月」「四个季度」「下半年」「7月才开始参保」),
# else a full year.
_PER_QUARTER = re.compile(r"每季|每个季度|按季|(?<![一二三四1-4])季度(交|缴|付)")  # 「一季度交了」 is one quarter
_PER_MONTH = re.compile(r"每月|每个月|按月|月缴|月交|月均")
_PERIOD_MONTHS = {"month": 1, "quarter": 3}
_PREMIUMS = r"失业|保险费|保费|缴|交"


# 「1到3月我们还没参保」: a part of the year said as unpaid
_UNPAID = re.compile(r"[^，,。；;！!？?\d]{0,4}(没|未|不)(参保|交|缴|上|买)")
# a month said as unpaid: 「12月那笔资金紧没交上」「11月的欠着」「12月没缴」「10月那笔扣款失败」
_MONTH_UNPAID = re.compile(r"(?:份)?[^，,。；;！!？?\d没未不无]{0,8}(?:(没|未|漏|欠)(交|缴|付|着|扣)|"
                           r"(扣|缴|交)(款|费)?(失败|不成功|没成功))")  # not 「都没欠着」
# 「一年下来要交多少」「半年下来一共交多少」「三个月加起来交多少」: a span the question asks a total over (an amount;
# not a count: 「一年几次申报」「一年下来有几个人能退休」)
_ASKED_OVER = re.compile(r"[^，,。；;！!？?]{0,8}(多少|几)(?!\s*(次|回|遍|趟|期|个?人|名|位|号|天|日|点|岁|家|项|个?月|年))|"
                         # 「一个月一共交多少？一年呢？」: the span asked after the month's figure
                         r"\s*(?:下来|算下来|加起来)?(?:一共|总共)?呢\s*(?:[？?]|$)")


def asked_months(turns: list[Turn], amount: Quantity) -> int | None:
    """The months the question asks a total over, said after the amount when the question states it:
    「每个月工资总额38万…一年下来要交多少」 → 12. None when it asks about one month or names no span, or a span
    beyond what the rules reckon (MAX_MONTHS: 「11年下来」), for which the month's figure is the answer."""
    asked = turns[0]
    after = amount.end if amount in asked.quantities else 0
    spans = [m for m in asked.of(MonthCount) if m.start >= after and m.value > 1
             and _ASKED_OVER.match(asked.text, m.end) and not re.search(r"每\s*$", asked.text[:m.start])]
    return spans[0].value if spans and spans[0].value <= MAX_MONTHS else None


def _paid_per(t: Turn, paid: Money) -> str | None:
    before, after = words_before(t.text, paid.start), t.text[paid.end:paid.end + 3]
    part = part_before(t.text, year_parts(t.text), paid.start)
    if part is not None:
        before = t.text[part.end:paid.start]  # 「按季度交的：一季度2100」: 2100 is that quarter's, said after 按季度
    return ("quarter" if _PER_QUARTER.search(before) or re.match(r"\s*/\s*(季|每季)", after)
            else "month" if _PER_MONTH.search(before) or re.match(r"\s*/\s*月|\s*每月", after) else None)


def refund(turns: list[Turn], today) -> RefundRequest:
    def premiums(t: Turn) -> tuple[Money, str | None, int | None] | None:
        paid = _actually_paid(t) or t.money(_PREMIUMS)
        if paid is None:
            return None
        per = _paid_per(t, paid)
        if per is None:
            return paid, None, None
        step = _PERIOD_MONTHS[per]
        spans = [m.value for m in t.of(MonthCount) if m.value <= 12 and m.value % step == 0]
        if not spans:  # 「下半年每月交1200」「去年7月才开始参保，每月交1200」: the months of that part of the year
            # (not a part said as unpaid: 「1到3月还没参保，4月开始每月交1150」 paid from April)
            # (the part the amount is said for first: 「1到3月上了，4到12月每月1000」 is 9 months at 1000)
            parts = year_parts(t.text)
            own = part_before(t.text, parts, paid.start)
            chosen = [p for p in [*([own] if own else []), *parts] if 1 < p.months < 12 and p.months % step == 0
                      and not _UNPAID.match(t.text, p.end)][:1]
            # 「8月起每月1240；12月那笔没交上」「11、12月没交」: months of the span said as unpaid were not paid
            spans = [p.months - len(_said_unpaid(t.text, parts, p.end) & set(range(p.first, p.last + 1)))
                     for p in chosen] if step == 1 else [p.months for p in chosen]
        # 「交了-3个月」「交了0个月」 go to the rule to be refused, not dropped for a full year's worth
        odd = [s for s in spans if s <= 0]
        return paid, per, ((odd[0] if odd else max(spans)) // step if spans else None)

    # 「去年全年工资总额215万，失业保险单位费率0.7%，全交了」: the premiums are the wage total times the unit's rate
    wages = first_found(turns, _wages_with_rate)
    if wages is not None and _actually_paid(turns[0]) is None:
        return RefundRequest(wage_base=wages[0].value, unemployment_rate=wages[1].value)
    by_part = first_found(turns, _monthly_by_part)
    if by_part:  # 「1到6月每月800，7到12月每月960」: each part's months at its own monthly amount
        return RefundRequest(parts=by_part)
    people_paid = first_found(turns, _person_premium_by_part)
    if people_paid:  # 「1到8月每月参保15个人，9月起每月18个人，每人每月交37块5」
        return RefundRequest(per_person=people_paid[0], headcounts=people_paid[1])
    found = first_found(turns, premiums)
    if found is not None and found[1] is not None:
        paid, per, periods = found
        return RefundRequest(periodic_amount=paid.value, per=per, periods=periods)
    ranged = first_found(turns, _premium_range)
    # 「估计在9千到1万1之间」: both ends, refunded alike; not when another turn says a part of the sum
    if ranged is not None and not any(_paid_parts(t) for t in turns if ranged[0] not in t.quantities):
        return RefundRequest(ranged[0].value, premiums_upper=ranged[1].value)
    if any(_said_range(t) for t in turns):  # a range beside other amounts: which sum is meant is unclear, so ask
        return RefundRequest()
    parts = amounts_to_sum([said for t in turns for said in reversed(_paid_parts(t))])
    if len(parts) > 1:
        return RefundRequest(parts=tuple((p.part.said if p.part else "", p.value) for p in parts))
    return RefundRequest(parts[0].value if parts else None if found is None else found[0].value)


def _person_premium_by_part(t: Turn) -> tuple[Decimal, tuple[tuple[int, int, Decimal], ...]] | None:
    """(one person's monthly premium, the people insured in each part of the year) when a turn says both: a premium
    said per person and per month, and headcounts for two or more parts of the year (see _headcount_spans)."""
    spans = _headcount_spans(t)
    if not spans:  # 「全年一直是12个人参保…每人每月28块5」: one headcount the whole year
        people = t.of(Headcount)
        whole_year = _WHOLE_YEAR.search(t.text) and all(m.value == 12 for m in t.of(MonthCount))
        spans = ((1, 12, people[0].value),) if len(people) == 1 and whole_year and not year_parts(t.text) else ()
    elif len(spans) < 2:
        return None
    each = [q for q in t.of(Money) if _PER_PERSON.search(words_before(t.text, q.start))
            and re.search(r"每个?月|一个月|月均", words_before(t.text, q.start))]
    return (each[0].value, spans) if spans and len(each) == 1 and len(t.of(Money)) == 1 else None


# the whole of last year: 「全年一直」「12个月一个月没断」「一整年」
_WHOLE_YEAR = re.compile(r"全年|一整年|整年|12个月|十二个月|一个月(都)?没(断|落|停|少)|每个月都|每个?月都?(是)?参保")


_BETWEEN = re.compile(r"\s*(到|至|-|—|–|~|～)\s*")


def _said_range(t: Turn) -> bool:
    """Whether the turn joins two amounts by 到/至 (「5400到6000」)."""
    amounts = t.of(Money, rough=True)
    return any(_BETWEEN.fullmatch(t.text[a.end:b.start]) for a, b in zip(amounts, amounts[1:]))


def _premium_range(t: Turn) -> tuple[Money, Money] | None:
    """Last year's premiums said as a range: 「估计在9千到1万1之间」 → (9千, 1万1); the amounts joined by 到/至 with
    nothing else between, the premiums' words before the first (or the question itself), the second the larger.
    Only when the two ends are the only amounts in the turn: a range that is one part of a sum (「上半年4600，下半年
    5400到6000」「9千到1万，另外补缴了2千」) is not the whole year's, so it is no range here."""
    amounts = t.of(Money, rough=True)
    if len(amounts) != 2:
        return None
    low, high = amounts
    if (low.upper is None and high.upper is None and _BETWEEN.fullmatch(t.text[low.end:high.start])
            and high.value > low.value and (t.current or re.search(_PREMIUMS, t.label(low)))):
        return low, high
    return None


def _wages_with_rate(t: Turn) -> tuple[Money, Rate] | None:
    """A wage total (工资总额、缴费基数) and one rate said as the unit's rate (费率), not the refund's 50%."""
    wages = t.money(r"工资|薪|基数|总额", fallback=False)
    rates = [r for r in t.of(Rate) if re.search(r"费率|单位|缴费比例|比例", t.label(r)) and r.value < Decimal("0.5")]
    return (wages, rates[0]) if wages is not None and len(rates) == 1 else None


def _actually_paid(t: Turn) -> Money | None:
    """「应缴2万，实际只交了一万六」: the refund is of what was actually paid, said after 实际/实缴."""
    return next((q for q in t.of(Money)
                 if re.search(r"实际[^，,。]{0,3}(交|缴)|实缴|实交", words_before(t.text, q.start))), None)


def _monthly_by_part(t: Turn) -> tuple[tuple[str, Decimal], ...] | None:
    """Premiums said per month for two or more separate parts of the year, as each part's total."""
    monthly = [q for q in t.of(Money) if _paid_per(t, q) == "month"]
    parts = year_parts(t.text)
    pairs = per_part(t.text, parts, monthly)
    if len(pairs) < 2 or any(a.overlaps(b) for n, (a, _) in enumerate(pairs) for b, _ in pairs[n + 1:]):
        return None
    # 「7月起每个月930，可11月那笔没交」: a month said as unpaid after the parts is not paid
    unpaid = _said_unpaid(t.text, parts, pairs[-1][1].end)
    listed = []
    for part, q in pairs:
        missed = sorted(m for m in unpaid if part.first <= m <= part.last)
        months = part.months - len(missed)
        less = f"，{'、'.join(f'{m}月' for m in missed)}没交" if missed else ""
        listed.append((f"{part.said}（{months}个月×{q.value:f}元{less}）", q.value * months))
    return tuple(listed)


def _said_unpaid(text: str, parts: Sequence[YearPart], after: int) -> set[int]:
    """The calendar months said as unpaid after `after` (「12月那笔没交上」「11、12月没交」「10到12月欠着」): named
    as months (「上半年有一个月没交」 does not say which), of the same year and insurance (not 「今年4月没交」
    「医保11月没交」)."""
    return {month for m in parts if m.start >= after and "月" in m.text and _MONTH_UNPAID.match(text, m.end)
            and not _OTHER_BILL.search(text[max(0, m.start - 4):m.start])
            and not _PAID_LATER.search(re.split(r"[。；;！!？?]", text[m.end:])[0])
            for month in range(m.first, m.last + 1)}


# 「10月那笔扣款失败，第二天重新扣上了」「没扣成，11月一起补扣了」: paid after all
_PAID_LATER = re.compile(r"(?<![没未])补(?:扣|交|缴)(?:上|了)|重新扣|又扣上|扣上了|一起(?:补)?扣")


_OTHER_BILL = re.compile(r"今年|前年|明年|医保|医疗|养老|工伤|生育")


def _paid_parts(t: Turn) -> list[PartAmount]:
    """The premiums a turn states as totals, with the part of the year each is for: the amounts it lists by part
    (「上半年交了4600元，下半年交了5400元」), else its premium amount as the other rules read it (「上半年实际缴了4600元」)."""
    parts = year_parts(t.text)
    listed = [(q, part) for part, q in series(t.text, t.of(Money))] or [
        (q, part) for q in t.of(Money)
        if _paid_per(t, q) is None and (part := part_before(t.text, parts, q.start)) is not None]
    if len(listed) < 2:  # 「上半年应该是4800元」: an amount for a part counts though its label is not 交/缴
        paid = _actually_paid(t) or t.money(_PREMIUMS) or (listed[0][0] if listed else None)
        listed = [] if paid is None or _paid_per(t, paid) else [(paid, part_before(t.text, parts, paid.start))]
    # 「四季度那笔3420到现在还欠着没交上」: an amount said as unpaid was not paid; 「头两个季度各交了3150」: each quarter's
    listed = [(q, part) for q, part in listed if not _MONTH_UNPAID.match(t.text, q.end)]
    return [PartAmount(q.value * _each_quarter(t.text, part, q), part, said_as_additional(t.text, q.start))
            for q, part in listed]


def _each_quarter(text: str, part: YearPart | None, q: Money) -> int:
    """How many quarters an amount said for `part` with 各 counts for (「头两个季度各交了3150」: 2); else 1."""
    if part is None or part.months % 3 or part.months == 3 or "季度" not in part.text:
        return 1
    return part.months // 3 if re.search(r"各(?:交|缴|付)?了?(?:是|为)?\s*$", text[part.end:q.start]) else 1


_SUM_WORDS = r"加起来|合计|一共|总共|共计|总计"
_SUMMED_OVER = re.compile(rf"{_SUM_WORDS}|累计|总额")
# 「1360元/月」「1360元每月」「1360一个月」: a figure said per month after it
_PER_MONTH_AFTER = re.compile(r"\s*(?:元|块)?\s*(?:/|／|每|一个?|每个?)\s*月")


def _benefit_months(t: Turn, benefit: Money) -> int | None:
    """The months a benefit figure is summed over: 「6个月的失业保险金标准加起来是8160元」 → 6; None for a monthly
    figure (「月人均失业保险金标准1360元」「每月1360」「累计…1360元/月」)."""
    if _PER_MONTH_AFTER.match(t.text, benefit.end):
        return None
    clause = CLAUSE_END.split(t.text[:benefit.start])[-1]
    start = benefit.start - len(clause)
    spans = [m for m in t.of(MonthCount) if start <= m.start and m.end <= benefit.start and m.value > 1]
    if not spans:
        return None
    between = t.text[spans[-1].end:benefit.start]
    return spans[-1].value if _SUMMED_OVER.search(between) and not re.search(r"每|月人均|/月|月均", between) else None


def job(turns: list[Turn], today) -> JobSubsidyRequest:
    said = first_found(turns, lambda t: (t, q) if (q := t.money(r"标准|失业保险金|失业金|月人均", fallback=False)) else None)
    benefit = None if said is None else said[1]
    summed = None if said is None else _benefit_months(*said)
    given = {"monthly_benefit": value_of(benefit)} if summed is None else {"benefit_total": benefit.value,
                                                                           "benefit_months": summed}
    given["per_person"] = bool(_ASKED_PER_PERSON.search(turns[0].text))
    summed_people = first_found(turns, _person_months)  # before the spans: 「1到12月每个月人数加起来264」 is no span's
    if summed_people is not None:
        return JobSubsidyRequest(person_months=summed_people.value, **given)
    spans = first_found(turns, _headcount_spans)
    if spans:
        return JobSubsidyRequest(monthly_headcounts=spans, **given)
    employees = first_found(turns, _insured_headcount)
    return JobSubsidyRequest(insured_employees=value_of(employees), **given)


# 「平均每人合多少」「每个人能拿多少」「人均多少钱」「摊到每个职工头上多少」: the question asks one employee's share too
# (not the standard's own name, 「月人均失业保险金标准」, nor a figure said per person: 「每人每月1360元」)
_ASKED_PER_PERSON = re.compile(r"(平均每人|(?<![月])人均|每个?人|每名|每位|一个人|每个?(参保)?(职工|员工|工人)|(摊|分|落)到?每个?"
                               r"(参保)?(人|职工|员工))(头上)?[^，,。；;！!？?\d]{0,6}(多少|几|合计?多|算多|是多)")


# The year's monthly headcounts summed: 「264人月」, or said as each month's headcount added up (「每个月的参保人数加起来
# 是264」); the annual average is that over 12
_PERSON_MONTH_UNIT = re.compile(rf"\s*[·•.]?\s*月(?!\d|份|底|末|初|[{CN_DIGITS}十])")
_MONTHLY_SUMMED = re.compile(r"(每个?月|各月|月度|逐月)[^，,。；;！!？?]{0,10}(人数|人头)[^，,。；;！!？?]{0,4}(加起来|之和|合计|累计|加总|总和)")


def _person_months(t: Turn) -> Headcount | None:
    """A headcount said as person-months (see _PERSON_MONTH_UNIT, _MONTHLY_SUMMED)."""
    return next((h for h in t.of(Headcount) if _PERSON_MONTH_UNIT.match(t.text, h.end)
                 or _MONTHLY_SUMMED.search(words_before(t.text, h.start, 24))), None)


def _insured_headcount(t: Turn) -> Headcount | None:
    """The turn's headcount, the insured one when it says several (「在册25个人，年度平均参保职工19个」: the subsidy is
    reckoned on 年度平均参保职工人数, 19)."""
    people = t.of(Headcount)
    found = next((h for h in people if re.search(r"参保|平均", t.label(h))), next(iter(people), None))
    # 「年度平均参保职工：厂里31人、门市部8人」: the sites listed after it under one account add up (not 「在册40人」
    # 「女工8个」: another count of the same people or a part of them)
    return None if found is None else with_listed(t.text, found, role=_SITE)


_SITE = re.compile(r"^[\u4e00-\u9fff]{0,4}(厂|店|门市|仓库|车间|工地|分公司|公司|总部|基地|网点|门面|铺子|部)里?$")


def _headcount_spans(t: Turn) -> tuple[tuple[int, int, Decimal], ...] | None:
    """People insured per part of the year: 「1到6月每月参保10人，7到12月每月参保14人」 → ((1, 6, 10), (7, 12, 14)).
    An average said outright (「年度平均参保职工12人」) is the figure itself, not a part's."""
    listed = series(t.text, t.of(Headcount))  # 「四个季度的平均参保人数分别是8、10、12、14人」: each quarter's average
    if listed:
        return tuple((part.first, part.last, h.value) for part, h in listed)
    people = [h for h in t.of(Headcount) if not re.search(r"平均", words_before(t.text, h.start))]
    pairs = per_part(t.text, year_parts(t.text), people)
    if len(pairs) == 1 and pairs[0][0].months == 1:
        return None  # 「12月参保20人」 alone: the headcount as said, as before
    return tuple((part.first, part.last, h.value) for part, h in pairs) or None


_PER_PERSON = re.compile(r"每人|人均|每个人|每名|每位|一个人|一人|平均")
# a base said for a year (「年工资总额」「一年缴费基数」「全年」), not a year said as a date (「2021年每月工资总额」)
_YEARLY_BASE = re.compile(rf"(?<![去今前明上\d{CN_DIGITS}十])年|(?<![\d{CN_DIGITS}十])[一全每]年")
_PART_OF_YEAR = re.compile(r"半年|季度|个月")
_FIRM_TOTAL = re.compile(r"总额|合计|一共|全部|总共|全员|全公司|总")


def pension(turns: list[Turn], today) -> PensionRequest:
    """A base said per person (「每人缴费基数5000元」) or next to a headcount is multiplied by it; a firm's
    total (「工资总额10万」) is not."""
    # any turn may say how many of the people pay nothing (「22个人里有4个是返聘的，不交社保」)
    paying = first_found(turns, _paying_people)

    def headcount(t: Turn) -> Headcount | None:
        # 「一个人一个月交多少」 asks per person: a 「一个人」 is not a headcount of one
        return paying or next((h for h in t.of(Headcount) if not (h.value == 1 and h.text.startswith("一"))), None)

    old_rate = value_of(first_found(turns, _old_pension_rate))
    paid = _paid_for_base(turns)
    if paid is not None:
        return PensionRequest(contribution=paid[0].value, contribution_months=paid[1])
    asks_base = bool(_ASKS_BASE.search(turns[0].text))
    for t in turns:
        groups = _base_groups(t) or _rest_group(t, turns)
        if groups:  # 「…学徒2个每人三千。单位这头一个季度一共交多少」: over the months asked after the last base
            months = asked_months(turns, t.of(Money)[-1]) if t.of(Money) else None
            return PensionRequest(old_rate=old_rate, groups=groups, months=months)
        # 「工资每人4500，但缴费基数按2500报的」: the base said as such over a wage
        base = t.money(r"基数", fallback=False) or t.money(r"基数|工资|薪|收入")
        if base is None:
            continue
        if asks_base and not re.search(r"基数|工资|薪|收入", t.label(base)):
            continue  # the question asks for the base: an amount not said as one (「交了2万4」) is no base
        said = words_before(t.text, base.start)
        people = headcount(t)
        if people is None and _PER_PERSON.search(said):
            people = first_found(turns, headcount)
        if _FIRM_TOTAL.search(said) and not _PER_PERSON.search(said):
            people = None
        # a base is a month's (「每个月工资总额38万」); one said for a year is not multiplied again
        yearly = bool(_YEARLY_BASE.search(said))
        months = None if yearly else asked_months(turns, base)
        # 「全年缴费工资基数合计186万…平均每月多少」: a year's contribution asked per month as well
        average = yearly and bool(_ASKED_MONTHLY.search(turns[0].text))
        return PensionRequest(base.value, value_of(people), old_rate, months=months, monthly_average=average)
    return PensionRequest(employees=value_of(first_found(turns, headcount)), old_rate=old_rate)


# 「22个人里有4个是退休返聘的，根本不交社保」: some of the people said pay no contributions
_NOT_PAYING = re.compile(r"[^。；;！!？?]{0,16}(不交|不缴|没交|没缴|不参保|没参保|未参保|不用交|不用缴|不买)")


def _paying_people(t: Turn) -> Headcount | None:
    """The people who pay, when a turn names a group and then how many of them do not (see _NOT_PAYING): the group
    less those; None otherwise."""
    for group in t.of(Headcount):
        some = _SOME_OF.match(t.text, group.end)
        count = number_or_none(some.group(1)) if some else None
        if count is not None and 0 < count < group.value and _NOT_PAYING.match(t.text, some.end()):
            return Headcount(group.value - count, t.text[group.start:some.end()], group.start, some.end())
    return None


# 「22个人里有4个」「其中3名」: how many of a group just named
_SOME_OF = re.compile(rf"\s*(?:个|名|位)?人?(?:里|中|当中|里面|里头|之中)?(?:有|面有|其中)?\s*(\d{{1,5}}|[{CN_DIGITS}十百]{{1,4}})\s*(?:个|名|位)?人?")


# 「基数合计是多少」「缴费基数多少」「按多少基数交的」: the question asks for the base itself
_ASKS_BASE = re.compile(r"基数[^，,。；;！!？?]{0,6}(多少|几|多大|多高)|(多少|多大)[^，,。；;！!？?]{0,4}基数|反推|倒推")


# What turns the reverse off: the employee's share in the amount (「单位加个人」), people (the base asked per person, or
# the amount paid for several), a year's amount (「去年交了28万8」), the policy's floor or ceiling (「基数最低多少」)
_NOT_FIRM_MONTH = re.compile(r"个人|职工|员工|每人|人均|平均|年|最低|最高|下限|上限|封顶|保底|托底")
# What makes the amount other than the pension alone for one month: another insurance named, or insurance as a whole
# (「社保一共交了2万4」「养老和失业一共」), or a quarter (「这个季度交了7万2」)
_NOT_PENSION_ALONE = re.compile(r"失业|工伤|医疗|医保|生育|社保|社会保险|[两三四五几多各]险|[两三四五几多各]项|季")


def _paid_for_base(turns: list[Turn]) -> tuple[Money, int | None] | None:
    """What the firm paid at the current rate when the question asks for the base it was paid on: 「单位养老保险这个月
    交了2万4，已经是按文件里的企业费率交的，缴费基数合计是多少」 → 2万4. Narrow on purpose, since a wrong base is worse
    than asking: the question itself says the amount, says 单位 paid it, names no people, no year and no floor or
    ceiling, gives no base, and no rate other than 16%, and names 养老 and no other insurance, no insurance as a whole
    and no quarter unless it says every month was the same (then the months it was paid over: 3); earlier turns
    are not read."""
    asked = turns[0]
    text = asked.text
    # 「这个季度一共交了76,800…三个月每月都一样」: a quarter's, the same every month, is three months' of it
    evenly = "季" in text and bool(_SAME_EVERY_MONTH.search(text))
    if (not _ASKS_BASE.search(text) or "单位" not in text or _NOT_FIRM_MONTH.search(text)
            or "养老" not in text or any(m.group() != "季" or not evenly for m in _NOT_PENSION_ALONE.finditer(text))
            or asked.of(Headcount) or any(t.of(Headcount) for t in turns)
            or any(r.value != Decimal("0.16") for r in asked.of(Rate))
            or asked.money(r"基数|工资|薪|收入", fallback=False)):
        return None
    paid = asked.money(r"交|缴|付|保费|保险费", avoid=r"基数|工资|薪|收入", fallback=False)
    if paid is None:
        return None
    # 「这个季度…每月交了24000，每个月都一样」: said as a month's, it is one month's
    return paid, 3 if evenly and not re.search(r"每个?月|一个月|月均", asked.label(paid)) else None


def _base_groups(t: Turn) -> tuple[tuple[Decimal, Decimal], ...] | None:
    """People with their per-person base, when a turn gives several: 「其中4个人缴费基数3000，另外4个人5000」 →
    ((4, 3000), (4, 5000)). Each amount follows its headcount in the same clause, with nothing between."""
    if not re.search(r"基数|工资|薪", t.text):
        return None
    pairs = [(people.value, base.value) for people, base in zip(t.quantities, t.quantities[1:])
             if isinstance(people, Headcount) and isinstance(base, Money) and people.upper is None
             and base.upper is None and not CLAUSE_END.search(t.text[people.end:base.start])]
    if not pairs:  # 「员工7个，缴费基数都是3650」: the base in the next clause, said as the base
        pairs = [(people.value, base.value) for people, base in zip(t.quantities, t.quantities[1:])
                 if isinstance(people, Headcount) and isinstance(base, Money) and people.upper is None
                 and base.upper is None and len(CLAUSE_END.findall(t.text[people.end:base.start])) == 1
                 and _BASE_SAID.search(CLAUSE_END.split(t.text[:base.start])[-1])]
    if len(pairs) == 1:  # 「老板我自己的基数按3万报，另外4个员工每人2800」: the owner is a group of one
        pairs += [(Decimal(1), base.value) for base in t.of(Money)
                  if _ONESELF.search(CLAUSE_END.split(t.text[:base.start])[-1])
                  or _ONESELF_PAYS.search(t.text, 0, base.start)]
    if len(pairs) == 1:  # 「5个工人基数三千三，6个是四千一」: the next group named by a bare count after the first
        pairs += [(number_or_none(said.group(1)), base.value)
                  for previous, base in zip(t.quantities, t.quantities[1:])
                  if isinstance(base, Money) and base.upper is None and not isinstance(previous, Headcount)
                  and (said := _BARE_GROUP.search(CLAUSE_END.split(t.text[previous.end:base.start])[-1]))]
        pairs = [(people, base) for people, base in pairs if people]
    return tuple(pairs) if len(pairs) > 1 else None


# 「…两个大师傅的基数是4500，其余的都是3800」: the rest of the people, as a group
_THE_REST = re.compile(r"(?:其余|其他|剩下|别的|余下)的?(?:人|员工|职工)?(?:都|也|全)?(?:是|按|为)?\s*$")


def _rest_group(t: Turn, turns: list[Turn]) -> tuple[tuple[Decimal, Decimal], ...] | None:
    """((n, base), (total − n, rest's base)) when a turn names one group's base and the rest's, the total headcount
    said in it or an earlier turn: 「9个员工…」「两个大师傅的基数是4500，其余的都是3800」."""
    pairs = [(people, base) for people, base in zip(t.quantities, t.quantities[1:])
             if isinstance(people, Headcount) and isinstance(base, Money) and people.upper is None
             and base.upper is None and not CLAUSE_END.search(t.text[people.end:base.start])
             and re.search(r"基数|工资", t.text[people.end:base.start])]
    rest = [q for q in t.of(Money) if _THE_REST.search(CLAUSE_END.split(t.text[:q.start])[-1])]
    if len(pairs) != 1 or len(rest) != 1:
        return None
    named = pairs[0][0].value
    total = next((h.value for turn in turns for h in turn.of(Headcount) if h.upper is None and h.value > named), None)
    return None if total is None else ((named, pairs[0][1].value), (total - named, rest[0].value))


# the owner's own base in its clause: 「老板我自己的基数按3万报」「我本人按5000交」
_ONESELF = re.compile(r"(?:我|老板)(?:自己|本人)|本人的?|老板的")
# 「我自己也在公司交，基数按5k报」: the owner pays too, the base in the next clause
_ONESELF_PAYS = re.compile(r"(?:我|老板)(?:自己|本人)(?:也|还)[^，,；;]{0,6}(?:交|缴|参保)[^，,；;]*[，,；;][^，,；;]*基数[^，,；;]{0,4}$")
# 「缴费基数都是3650」: a clause that says the amount after it is the base
# (「基数每人5,000」「按最低基数3,300报」: per person, or the lowest base)
_BASE_SAID = re.compile(r"^\s*(?:都|也)?(?:按|是)?(?:最低|最低的)?(?:缴费)?(?:基数|工资)(?:都是|都按|是|为|按|每人|每个人|人均)*\s*$")
# the words before a base in its clause that name a group by its count alone: 「6个是」「另外6个的」「剩下6个按」
_BARE_GROUP = re.compile(rf"^(?:另外|其余|剩下|还有|其他)?的?\s*(\d{{1,4}}|[{CN_DIGITS}十百]{{1,4}})\s*个(?:人)?\s*"
                         r"(?:是|的|为|按|都是|都按)?(?:缴费)?(?:基数|工资)?(?:是|为|按)?\s*$")


_BEFORE_CUT = re.compile(r"以前|之前|原来|原先|原|过去|以往|当初|降(之|以)?前|没降")


def _old_pension_rate(t: Turn) -> Rate | None:
    """The rate paid before the cut to 16%: 「以前单位养老按20%交，现在降到文件里的费率」. A rate said as before the
    cut, or followed by a cut (「20%降到16%」); 16% itself is the current rate, and a work-injury rate is none."""
    for r in t.of(Rate):
        if r.value != Decimal("0.16") and r is not _work_injury_rate(t) and (
                _BEFORE_CUT.search(t.label(r)) or re.search(r"降", t.text[r.end:])):
            return r
    return None


_INSURANCE_NAMED = re.compile(r"养老|失业|工伤|医疗|医保|生育")


def _work_injury_rate(t: Turn) -> Rate | None:
    """The rate said of work-injury insurance: the last insurance named in its clause before it is 工伤
    (「工伤原来费率1.2%」, not 「养老20%，工伤…」)."""
    for r in t.of(Rate):
        named = _INSURANCE_NAMED.findall(CLAUSE_END.split(t.text[:r.start])[-1])
        if named and named[-1] == "工伤":
            return r
    return None


def pension_with_work_injury(turns: list[Turn], today) -> PensionRequest | WorkInjuryRequest:
    """「养老按文件的费率，工伤原来1.2%、按文件下调，这两项一个月一共交多少」: the pension at 16% and the work-injury
    contribution at half its old rate, on the same base, and their sum. Without the old work-injury rate, the
    work-injury rule asks for it."""
    rate_q = first_found(turns, _work_injury_rate)
    request = pension(turns, today)
    if rate_q is None or request.contribution is not None:
        return work_injury(turns, today) if rate_q is None else request
    return replace(request, work_injury_rate=rate_q.value)


def _contribution_per(turns: list[Turn], paid: Money) -> str | None:
    """What a contribution said is paid per: "quarter", "month", "year", or None when its words do not say."""
    said = words_before(next(t for t in turns if paid in t.quantities).text, paid.start)
    return ("quarter" if re.search(r"(每|一)个?季度?|按季", said)
            else "month" if re.search(r"每个?月|一个月|按月|月均", said)
            else "year" if re.search(r"每年|一年|全年|年缴|按年", said) else None)


# The contribution said as already cut: 「下调后每月交600」「现在每月交1150，这是已经下调一半以后的数」「减半后一年交4380」
# 「已经打了对折的，每月800」; the words may come before the figure or in the sentence after it.
_CUT_DONE = re.compile(r"(下调|降|减半|减了一半|打了?对折|砍半|优惠)[^，,。；;？?]{0,6}(后|以后|之后|过的|了的)|"
                       r"已经[^，,。；;？?]{0,8}(下调|降|减半|减|打折|打了?对折)")
_IF_NOT_CUT = re.compile(r"(没|不|未)(下调|降|减|打折|优惠)|原来|以前|之前|原本|原先")


def _paid_after_cut(t: Turn) -> Money | None:
    """The contribution a turn says is paid after the cut (see _CUT_DONE), when it asks what it was before."""
    if not (_CUT_DONE.search(t.text) and _IF_NOT_CUT.search(t.text)):
        return None
    for q in t.of(Money):
        clause = CLAUSE_END.split(t.text[:q.start])[-1]
        after = re.split(r"[。；;？?]", t.text[q.end:])[0]
        if re.search(r"基数|工资|薪|收入|总额", clause) or _IF_NOT_CUT.search(clause):
            continue
        if _CUT_DONE.search(clause) or _CUT_DONE.search(after) or re.search(r"现在|目前|如今", clause):
            return q
    return None


def work_injury(turns: list[Turn], today) -> WorkInjuryRequest:
    def old_rate(t: Turn):
        # 「按文件费率下调50%以后」: the cut itself, not a rate paid
        rates = [r for r in t.of(Rate) if not _CUT_SAID.search(words_before(t.text, r.start, 4))]
        labelled = [r for r in rates if re.search(r"工伤|费率|原|以前|之前|现在|目前", t.label(r))]
        return (labelled or (rates if t.current else [None]))[0] if rates else None

    rate_q = first_found(turns, old_rate)
    base = first_found(turns, lambda t: t.money(r"基数|工资|薪|收入|总额", fallback=False))
    # 「工伤险原来每月要交2400块」: the contribution itself; at the same base it halves with the rate
    # (an amount said as after the cut — 「下调后每月交600」 — is not the old contribution)
    paid = None if base else first_found(turns, lambda t: t.money(r"交|缴|付|保费|保险费|原来|以前|之前|每月|每年|工伤",
                                                              avoid=r"基数|工资|薪|收入|总额|后|现在", fallback=False))
    # 「现在每个月交1150，这是已经下调一半以后的数」: what is paid after the cut, worked back to what it was before
    now = None if base or paid or rate_q else first_found(turns, _paid_after_cut)
    if now is not None:
        return WorkInjuryRequest(new_amount=now.value, per=_contribution_per(turns, now))
    if base is None and paid is None:
        loose = turns[0].money(r"(?!)", avoid=r"后|现在")  # unlabelled: a base next to a rate, else what was paid
        base, paid = (loose, None) if rate_q is not None else (None, loose)
    if base is not None and paid is None and rate_q is not None and (parts := _month_bases(turns[0])):
        return WorkInjuryRequest(old_rate=rate_q.value, base_parts=parts)
    per = None if paid is None else _contribution_per(turns, paid)
    # 「以前每人每年交216块，我们一共35个人」: one person's contribution, and the people it is paid for
    said_for_one = paid is not None and any(paid in t.quantities and _PER_PERSON.search(words_before(t.text, paid.start))
                                            for t in turns)
    people = first_found(turns, lambda t: next(iter(t.of(Headcount)), None)) if said_for_one else None
    months = asked_months(turns, paid) if per is not None else None
    if base is not None and paid is None and rate_q is not None and not _YEARLY_BASE.search(
            words_before(turns[0].text, base.start) if base in turns[0].quantities else ""):
        # 「每月工资总额21万…跟没下调比，一年能省多少」: a month's base, the saving asked over a span; 「工资总额每个季度
        # 五十四万」 a quarter's
        months = asked_months(turns, base)
        said = next(t for t in turns if base in t.quantities)
        quarter = bool(_PER_QUARTER.search(words_before(said.text, base.start)))
        if quarter and months is not None and months % 3:
            months = None
        return WorkInjuryRequest(old_rate=rate_q.value, wage_base=base.value, months=months,
                                 per="quarter" if quarter else None)
    if base is not None and paid is None and rate_q is not None and _ASKED_MONTHLY.search(turns[0].text) \
            and base in turns[0].quantities and not _PART_OF_YEAR.search(words_before(turns[0].text, base.start)):
        # 「去年全年工资总额216万…平摊到每个月交多少」: a whole year's base (not 「下半年」's), asked per month as well
        return WorkInjuryRequest(old_rate=rate_q.value, wage_base=base.value, per="year", per_month=True)
    per_month = per in ("quarter", "year") and bool(_ASKED_MONTHLY.search(turns[0].text))
    if months is not None and months % PER_MONTHS[per] and per in ("quarter", "year") \
            and any(_SAME_EVERY_MONTH.search(t.text) for t in turns):
        per_month = True  # 「一年7380，每月一样…下半年这6个月」: any months, from the monthly share
    elif months is not None and (months % PER_MONTHS[per] or months in (PER_MONTHS[per], 12)):
        # 「每季度2400，8个月交多少」: no whole number of payments; one payment or a year: the rule's own figures
        months = None
    return WorkInjuryRequest(old_rate=value_of(rate_q), wage_base=value_of(base), old_amount=value_of(paid), per=per,
                             months=months, per_month=per_month, people=value_of(people))


_CUT_SAID = re.compile(r"(下调|调低|降低|下降|减少|降|减)了?\s*$")
# a total over the months asked (「一季度工伤险一共交多少」「这三个月合计」)
_ASKED_TOTAL = re.compile(rf"{_SUM_WORDS}|共(交|缴|要|得|需)")


def _month_bases(t: Turn) -> tuple[tuple[int, Decimal], ...] | None:
    """Each single month's payroll a turn lists (「1月25万，2月…18万，3月21万」), when the question asks the total over
    them; None unless two or more months, each with its own amount."""
    if not (t.current and _ASKED_TOTAL.search(t.text[asked_sentence_start(t.text):])):
        return None
    pairs = per_part(t.text, [p for p in year_parts(t.text) if p.months == 1], t.of(Money))
    if len(pairs) < 2 or len(pairs) != len([q for q in t.of(Money) if re.search(r"基数|工资|薪|收入|总额", t.before(q))
                                           or any(q is a for _, a in pairs)]):
        return None
    return tuple((part.first, amount.value) for part, amount in pairs)


# 「平摊到每个月要交多少」「每月合多少」「一个月多少钱」: a figure asked per month
_ASKED_MONTHLY = re.compile(r"(平摊|均摊|分摊|摊|平均|折合|合)[^，,。；;！!？?]{0,4}(每个?月|一个月|月)|"
                            r"(每个?月|一个月|月均)[^，,。；;！!？?\d]{0,6}(多少|几)")


_COVERED = {"养老": "养老保险", "失业": "失业保险", "工伤": "工伤保险"}
_TOGETHER = re.compile(r"合计|一共|总共|共计|总计|加起来|一起|[两三几]项|三险|社保|社会保险|共")
_RANGE_END = re.compile(rf"[\d{CN_DIGITS}十]月?份?\s*(到|至|-|—|~|～)\s*$")
_RANGE_START = re.compile(rf"\s*(到|至|-|—|~|～)\s*[\d{CN_DIGITS}十]")


def deferral(turns: list[Turn], today) -> DeferralRequest:
    def components(t: Turn):
        parts = {}
        for q in t.of(Money):
            # 「单位每月社保：养老8,320，失业260…」: a list's heading is not the first item's label
            label = re.split(r"[：:]", t.label(q))[-1]
            clause = re.split(r"[：:]", CLAUSE_END.split(t.text[:q.start])[-1])[-1]  # not the list's heading (「三险是这样：」)
            previous_end = max((p.end for p in t.quantities if p.end <= q.start), default=0)
            since_previous = CLAUSE_END.split(t.text[previous_end:q.start])[-1]
            if (_TOGETHER.search(label) or sum(word in clause for word in _COVERED) > 1 and _TOGETHER.search(clause)
                    or sum(word in since_previous for word in _COVERED) > 1):
                # 「养老、失业、工伤三项一共2万元」「pension + unemployment + work-injury … 9,500」: the monthly
                # total, not the work-injury part (「养老5000+失业200」 names one insurance before each amount)
                continue
            names = [n for word, n in _COVERED.items() if word in label]
            if len(names) == 1 and names[0] not in parts:
                parts[names[0]] = q
        return tuple(parts.items()) or None

    said_parts = first_found(turns, components) or ()
    parts = tuple((name, q.value) for name, q in said_parts)
    yearly = [name for name, q in said_parts if _said_yearly(turns, q)]
    by_month = first_found(turns, _month_amounts) or {}
    varied = len({q.value for q in by_month.values()}) > 1  # one amount for every month named is just the amount
    spans = first_found(turns, _span_totals) or {}
    tied = (set(by_month.values()) if varied else set()) | set(spans)
    medical = first_found(turns, _medical)

    def regular(t: Turn) -> Money | None:
        found = t.money(r"社保|社会保险|每月|月|合计|一共|共|[两三几]项|养老|失业|工伤", avoid=r"医疗|医保|欠(?:俺|我|咱)",
                        fallback=not tied)
        if found is not None and _DEBT_AFTER.match(t.text, found.end):
            return None  # 「区住建局欠俺们六十万工程款」: a debt owed to the firm, no premium
        return None if found in tied or found is medical else found

    if by_month and not varied and set(by_month) != set(range(1, 13)):
        # 「3月…一共9,850；4月起每个月都是10,200」: the months named have their amount, the others the one said
        # without a month; different amounts make the schedule vary
        other = first_found(turns, lambda t: next((q for q in t.of(Money) if q not in by_month.values()
                                                    and q is not medical and regular(t) is q), None))
        if other is not None and other.value not in {q.value for q in by_month.values()}:
            varied, tied = True, set(by_month.values()) | set(spans)

    asked, through = _asked_range(turns[0]) or (_asked_month(turns[0]), None)
    if asked in CATCH_UP_OF and _WHEN_CAUGHT_UP.search(turns[0].text):
        asked = CATCH_UP_OF[asked]  # 「3月那笔最晚哪个月补？那个月一共交多少」: the month it is paid in
    base = None if parts or by_month or spans else first_found(turns, lambda t: t.money(r"基数", fallback=False))
    rates = _base_rates(turns) if base is not None else ()
    if rates:
        return DeferralRequest(wage_base=base.value, base_rates=rates[0], halved=rates[1], asked_month=asked,
                               asked_through=through, medical_monthly=value_of(medical))
    regular_q = None if parts else first_found(turns, regular)
    amount = value_of(regular_q)
    yearly += [name for name, q in (("monthly_amount", regular_q), ("medical_monthly", medical))
               if q is not None and _said_yearly(turns, q)]
    if by_month or spans:
        yearly = []  # amounts said per month or per span: a year's figure beside them is not spread again
    # 「18个人，每人每月三险单位部分1,025」: one person's amount; the firm's is that times the people; so are the
    # components listed under 「单位给每个人交的三险是这样：」
    each = regular_q is not None and not parts and any(
        regular_q in t.quantities and re.search(r"每人|人均|每个人|每名|每位", CLAUSE_END.split(t.text[:regular_q.start])[-1])
        for t in turns) or bool(parts) and any(
        said_parts[0][1] in t.quantities and re.search(r"每人|每个人|每名|每位|每个员工|每个职工",
                                                       CLAUSE_END.split(t.text[:said_parts[0][1].start])[-1])
        for t in turns)
    people = first_found(turns, lambda t: next((h for h in t.of(Headcount) if h.value > 1), None)) if each else None
    return DeferralRequest(monthly_amount=amount, components=parts, asked_month=asked, asked_through=through,
                           people=value_of(people),
                           yearly=tuple(yearly),
                           month_amounts=tuple((m, q.value) for m, q in sorted(by_month.items())) if varied else (),
                           span_totals=tuple((p.first, p.last, q.value) for q, p in spans.items()),
                           same_every_month=bool(spans) and any(_SAME_EVERY_MONTH.search(t.text) for t in turns),
                           medical_monthly=value_of(medical),
                           medical_included=_inside_total(turns, medical, amount, bool(parts or by_month or spans)))


_DEBT_AFTER = named_after(r"工程款|货款|账款|欠款|尾款|借款")


# 「养老一年19.2万」「全年医保7.2万」「年缴6千」「19.2万/年」: an amount said for a whole year (not 去年/今年 or a
# dated year: 「2020年每月」)
_YEAR_BEFORE = re.compile(rf"(?<![去今前明上后\d{CN_DIGITS}十])[一全每整]年(?!度|底|初|中|级)|年(缴|交|付)|按年")
_YEAR_AFTER = re.compile(r"\s*(元|块|万元|万)?\s*(/|／|每|一|一整)\s*年(?!度|底|初)")


def _said_yearly(turns: list[Turn], q: Money) -> bool:
    t = next((t for t in turns if q in t.quantities), None)
    if t is None:
        return False
    return bool(_YEAR_BEFORE.search(t.label(q)) or _YEAR_AFTER.match(t.text, q.end))


# 「光养老一项」「只算养老」「单算工伤」: the question limits the figure to the insurances it names
_ONLY = re.compile(r"(光|只|仅|单)(算|看|说|问)?(养老|失业|工伤)")
_CUT = re.compile(r"下调|减半|降一半|降低?50%|减50%|按文件|按政策|打对折|砍半")


def _base_rates(turns: list[Turn]) -> tuple[tuple[tuple[str, Decimal | None], ...], tuple[str, ...]] | None:
    """((insurance, rate or None), …) and the names whose rate is item 四's cut: for a contribution base with the
    insurances named on it (「基数八万七千五，单位养老按文件的费率交」: pension at the document's 16%; 「工伤原来1.2%，按文件
    下调」: work injury at 0.6%). None unless every named insurance has a rate: pension always does."""
    text = "；".join(t.text for t in turns)
    only = {_COVERED[m.group(3)] for m in _ONLY.finditer(turns[0].text)}
    named = [name for word, name in _COVERED.items() if word in text and (not only or name in only)]
    if not named:
        return None
    rates: list[tuple[str, Decimal | None]] = []
    halved: list[str] = []
    for name in named:
        said = first_found(turns, lambda t: next((r for r in t.of(Rate) if _rate_named(t, r) == name[:2]), None))
        if name == "养老保险":
            rates.append((name, None if said is None or said.value == PENSION_RATE else said.value))
        elif said is None:
            return None  # 失业/工伤 rates are not in the document: the amount it asks for is needed
        else:
            rates.append((name, said.value))
            if name == "工伤保险" and _CUT.search(text):
                halved.append(name)
    return tuple(rates), tuple(halved)


def _rate_named(t: Turn, r: Rate) -> str | None:
    named = _INSURANCE_NAMED.findall(CLAUSE_END.split(t.text[:r.start])[-1])
    return named[-1] if named else None


_SAME_EVERY_MONTH = re.compile(r"(每个?月|各月|每月的?金额)[^，,。；;？?]{0,6}(一样|相同|一致|不变)|金额(都)?(一样|相同)")
_SPAN_TOTAL = re.compile(r"合计|一共|总共|共计|总计|共|加起来|累计")


def _span_totals(t: Turn) -> dict[Money, YearPart] | None:
    """Amounts said for several months together: 「一季度合计3万6」「1到3月一共2.7万」 → {3万6: 1—3月}. A quarter's or
    half year's amount is its total unless said per month (「一季度每月1.2万」); a month range's only with 合计/共."""
    parts = year_parts(t.text)
    found = {}
    for q in t.of(Money):
        part = part_before(t.text, parts, q.start)
        if part is None or part.months == 1:
            continue
        between = t.text[part.end:q.start]
        if len(between) > 12 or re.search(r"每月|每个月|月均|都是|各|医", between) or any(
                part.end <= o.start < q.start for o in t.quantities):
            continue
        if _SPAN_TOTAL.search(between) or re.search(r"季度|半年", part.text):
            found[q] = part
    return found or None


# 「其中医保5千」「含医保5000」: the medical amount said as part of the total before it; the part word right before 医保
# and nothing but 费/每月 between 医保 and the figure. Not 含 in medical's own description (「医保（含生育）每月5千」
# 「医保含大病每月5千」), nor a total that holds it (「包括医保在内一共2万3」), nor one said as apart from the total
# (「另外包括医保每月5千」: 另外 makes it separate).
_PART_OF = re.compile(r"(?<!另外)(?<!另)(?<!此外)(?<!外加)(?:其中|含|包括|包含)的?(?:医保|医疗保险|医疗)费?"
                      r"(?:每个?月|一个月|月)?(?:是|为|有)?$")


def _inside_total(turns: list[Turn], medical: Money | None, amount: Decimal | None, itemized: bool) -> bool:
    """Whether the medical amount was said inside the one monthly total (「每月社保一共2万3，其中医保5千」), so the
    deferred three are the rest; not with amounts said per insurance or per month, which never held it."""
    if medical is None or amount is None or itemized:
        return False
    return any(medical in t.quantities and bool(_PART_OF.search(t.label(medical))) for t in turns) or any(
        number_or_none(said.group(1)) == amount for t in turns for said in _HOLDS_MEDICAL.finditer(t.text))


# 「哦不对，8,640是连医保一起的」「8640里头含着医保」: the total said again as holding medical insurance (a repeat that
# a correction drops from the turn's quantities, so it is read from the words right before)
_HOLDS_MEDICAL = re.compile(rf"(?<![\d.{CN_DIGITS}十百千万])([\d{CN_DIGITS}十][\d.,{CN_DIGITS}十百千万]*)\s*(?:块|元)?钱?\s*"
                            r"(?:是|为|里头?|里面|当中)?(?:连|含|包括|包含)着?了?(?:医保|医疗保险|医疗)(?:一起|一块|在内)"
                            r"(?!的?\s*(?:吗|么|嘛|不|没|[？?]))")  # 「是连医保一起的吗？」 asks


def _medical(t: Turn) -> Money | None:
    """Medical insurance said per month (「医保每月3000元」), or as part of a monthly total (「每月社保一共2万3，其中医保
    5千」): not deferred, but part of what a month pays. Not a total said with medical in it (「包括医保在内一共2万3」)."""
    return next((q for q in t.of(Money) if re.search(r"医保|医疗", t.label(q))
                 and not re.search(rf"在内|{_SUM_WORDS}", t.label(q))
                 and (re.search(r"月", t.label(q)) or _PART_OF.search(t.label(q)) or _monthly_list(t.text, q)
                      or _MONTHLY_AFTER.match(t.text, q.end))), None)


# 「医保2,150那块每个月都按时扣了」: said per month after the figure
_MONTHLY_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?(?:那块|那部分|那笔)?[^，,。；;！!？?\d]{0,2}(?:每个?月|按月|月月)")


def _monthly_list(text: str, q: Money) -> bool:
    """「单位每月社保：养老8,320，…医保2,900」: an item of a list whose heading says the amounts are monthly."""
    sentence = re.split(r"[。！!？?；;]", text[:q.start])[-1]
    return bool(re.search(r"(每个?月|月缴|月交)[^：:]{0,8}[：:]", sentence))


def _month_amounts(t: Turn) -> dict[int, Money] | None:
    """Amounts said for particular months: 「1月8千、2月9千、3月1万」「4月以后每月都是1万」 → {1: 8千, 2: 9千, 3: 1万,
    4…12: 1万}. A span's amount counts for each of its months only when said per month (「每月」「都是」); an
    amount said first for a month stands, unless a correction (「记错了」「不对」) comes before it is said again."""
    parts = year_parts(t.text)
    found: dict[int, Money] = {}
    for q in t.of(Money):
        part = part_before(t.text, parts, q.start)
        # 「3月份多招了俩人，那个月养老失业工伤一共9,850」: 那个月 names the month said before, whatever came between
        back = _THAT_MONTH.search(CLAUSE_END.split(t.text[:q.start])[-1])
        earlier = [p for p in parts if p.end <= q.start and p.months == 1]
        if part is None and back is not None and earlier:
            found.setdefault(earlier[-1].first, q)
            continue
        if part is None or any(part.end <= o.start < q.start and not _NEW_LEVEL.match(t.text, o.end)
                               for o in t.quantities if not isinstance(o, CalendarMonth)):
            continue  # a figure between them is what the amount is of; not one that changed it (「多招了俩人变成1万」)
        listed = _listed_with(t.text, parts, part)
        between = t.text[part.end:q.start]
        per_month = re.search(r"每月|每个月|月均|都是|各", between) or (
            _FROM_ON.search(part.text) and _LEVEL.match(between))  # 「四月起涨到八千一」: the level from then on
        if len(between) > 12 or ((len(listed) > 1 or part.months > 1) and not per_month):
            continue  # 「1到3月共3万」: a span's total, not a month's amount
        for said in listed:
            for month in range(said.first, said.last + 1):
                if month in found and CORRECTION.search(t.text, found[month].end, said.start):
                    found[month] = q  # 「…2月也是9,870…哦2月我记错了，…2月是9,350」: the month's amount corrected
                found.setdefault(month, q)
    return found or None


_FROM_ON = re.compile(r"(起|开始|以后|之后|往后)$")
_THAT_MONTH = re.compile(r"^(那个月|那月|当月)")  # not 这个月: the month the owner is in
# 「3月那笔最晚哪个月补？那个月连本月一起交多少」: the month a deferred one is paid in is the month asked
_WHEN_CAUGHT_UP = re.compile(r"(哪个月|几月份?|什么时候)(补|交|缴)[^？?]{0,4}[？?][^？?]*(那个月|那月|当月)[^？?]{0,12}(多少|几)")
CATCH_UP_OF = {deferred: paid_in for paid_in, deferred in CATCH_UP.items()}
_LEVEL = re.compile(r"\s*(?:就|又|再)?(?:涨到|涨成|涨为|变成|变为|降到|降为|调到|调成|调整为|增加到|增至|是|为)")
# 「多招了俩人变成一万零四百」: the words after a figure that say the amount after it is the month's new level
_NEW_LEVEL = re.compile(r"[^，,。；;？?\d]{0,4}?(?:变成|变为|涨到|涨成|增加到|增至|降到|降为|成了)")
_LIST_JOIN = re.compile(r"\s*(?:[、，,和跟及与]|还有)\s*")


def _listed_with(text: str, parts: Sequence[YearPart], last: YearPart) -> list[YearPart]:
    """The months listed together ending with `last`: 「1月、2月都是每月9800」 → [1月, 2月]."""
    listed = [last]
    while (prior := next((p for p in parts if p.end <= listed[0].start
                          and _LIST_JOIN.fullmatch(text, p.end, listed[0].start)), None)) is not None:
        listed.insert(0, prior)
    return listed


_SUMMED = re.compile(r"加起来|一共|合计|总共|共计|总计|累计|算下来")


def _asked_range(t: Turn) -> tuple[int, int] | None:
    """Months asked for together: 「4月到6月这三个月加起来一共要交多少」 → (4, 6). Not a span the question only
    describes (「1到3月都缓了」), and not one inside 1–3月, which pay nothing then."""
    for part in year_parts(t.text):
        clause = CLAUSE_END.split(t.text[part.start:])[0]
        if part.months > 1 and part.last >= 4 and _SUMMED.search(clause) and re.search(r"交|缴|付", clause):
            return part.first, part.last
    return None


# the rest of a sentence that asks a figure: 「…一共得准备多少钱？」
_ASKS = re.compile(r"[^。；;！!？?]{0,24}(多少|几)[^。；;！!？?]{0,6}[？?]")


def _asked_month(t: Turn) -> int | None:
    """The calendar month a question asks about: not the end of a range (「1到3月都缓了」), and preferably the
    one the payment words follow (「4月份这三项要交多少」)."""
    months = [q for q in t.of(CalendarMonth)
              if not _RANGE_END.search(t.text[:q.start]) and not _RANGE_START.match(t.text[q.end:])]
    paying = [q for q in months if re.search(r"交|缴|付|补|准备|掏|花", CLAUSE_END.split(t.text[q.end:])[0])]
    # 「1月的按时交了…5月和6月各要交多少？」: the sentence that asks names the month asked; of several that ask
    # (「4月份连医保一共得准备多少钱？5月份里头光补缴的那一笔是多少？」) the first
    asked_from = asked_sentence_start(t.text)
    asking = [q for q in paying if _ASKS.match(t.text, q.end)]
    paying = asking[:1] or [q for q in paying if q.start >= asked_from] or paying
    chosen = (paying or months or [None])[0]
    return None if chosen is None else chosen.value
