"""六、减免中小微企业房租: for state-owned-asset premises, months 1–2 rent-free and month 3 at half rent.

Other landlords are only encouraged to cut rent, 「具体由双方协商」, so for them there is no figure to compute.
The rent may be said per month, per longer period, per day, or per square metre of an area (「80平米，每平米每月95块」:
80×95 a month), or paid at once for a term (「两年租金一次性付了50.4万」: ÷24), and each is turned into the monthly rent
first, the step saying how; a rise or cut said of it (「去年月租6000，今年涨了5%」) is applied to that monthly rent.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from assistant.calculator.results import NeedsInput
from assistant.calculator.values import (
    CENT, AmountError, CalculatorError, choice, money, number, plain, refuse, said, short, to_decimal, whole_months, yuan,
    yuan_bound,
)
from corpus.records import Calculation

KIND = "rent_relief"
CLAUSE = "6"
MAX_RENT = Decimal(1_000_000_000)
HALF = Decimal("0.5")
# "collective": 集体-owned premises (「村集体办的创业园」) are not 国有资产类, so the two-month rule does not apply; the
# clause only says that 国有、集体 and publicly funded 小微企业创业载体 should lead in cutting rent, with no amount.
# "carrier": a 创业载体 (孵化器, 众创空间, 创业园) run by others that has had public money, which the same sentence names.
LANDLORDS = ("state", "other", "collective", "carrier")
NEGOTIATED_LANDLORDS = ("other", "collective", "carrier")  # no figure: the parties agree the rent cut
# Which figure the question asked about; it only decides which sentence the answer leads with. A question
# that asks for two figures (「前两个月减免多少？第三个月呢？」) gives a tuple of them, in the order asked.
# "average": the figure asked before it (the payable total unless the relief was asked) spread evenly over the three
# months (「把这笔钱摊到三个月里，平均每个月合多少」).
ASKED = ("relief", "payable", "month3", "months1_2", "average")
RELIEF_MONTHS = 3
NEGOTIATED = "租用其他经营用房的，文件只鼓励业主（房东）为租户减免租金，具体由双方协商。"
COLLECTIVE = ("集体所有的用房不属于国有资产类经营用房。文件另规定：国有、集体及享受过财政支持政策的小微企业创业载体，"
              "疫情期间应带头减免承租的小微企业房租，但没有规定减免比例或金额，具体由双方协商。")
CARRIER = ("创业载体（孵化器、众创空间等）的用房不属于国有资产类经营用房的，不适用前两个月免收、第三个月减半。"
           "文件另规定：国有、集体及享受过财政支持政策的小微企业创业载体，疫情期间应带头减免承租的小微企业房租，"
           "但没有规定减免比例或金额，具体由双方协商。")
_NEGOTIATED_TEXT = {"collective": COLLECTIVE, "carrier": CARRIER}
# Rent quoted for a longer period → months it covers. A quarter is exactly the relief period; a half year or a
# year is spread evenly over its months (the document speaks only of monthly rent).
PERIODS = {"quarter": (3, "季度租金"), "half_year": (6, "半年租金"), "year": (12, "年租金")}
# Rent quoted per day (「一天三百五」) → a month of `days_per_month` days: the contract's count when the user says it
# (「一个月按30天算」), else 30, and the step says which.
DAY = "day"
DAYS_PER_MONTH = 30
# Rent quoted per week (「按周交，一周一千五」) → a month's: 52 weeks a year over 12 months
WEEK = "week"
WEEKS_PER_YEAR = 52
# Rent paid every half month (「房租半个月一交，一回两千九百五」) → a month's: twice that
HALF_MONTH = "half_month"
# Rent quoted per square metre (「每平米每月95块」「2元/㎡/天」) → the rent of the whole area for the same period,
# then a month's as above. MONTH is the per of a unit rent quoted per month.
MONTH = "month"
UNIT_PERS = {MONTH: "每月", DAY: "每天", "quarter": "每季度", "half_year": "每半年", "year": "每年"}
MAX_AREA = Decimal(10_000_000)  # 平方米: ten square kilometres, above any premises
# Rent paid at once for a term of any number of months (「两年租金一次性付了」「18个月的房租一起交了」): spread evenly
TERM = "term"
MAX_TERM_MONTHS = 240  # twenty years, above any lease
MAX_CHANGE = Decimal(10)  # a rise of 1000%: above any renewal
MAX_UNITS = 10_000  # 工位 or 摊位 rented at once


@dataclass(frozen=True)
class RentRequest:
    kind: ClassVar[str] = KIND
    monthly_rent: Decimal | None = None
    landlord: str | None = None  # "state" (国有资产类经营用房), "other", or None when the user did not say
    asked: str | tuple[str, ...] | None = None
    period_rent: Decimal | None = None  # rent quoted per `per` instead of per month
    per: str | None = None  # "quarter", "half_year", "year" or "day" (with period_rent)
    days_per_month: int | None = None  # with per "day": the days a month counts (None: DAYS_PER_MONTH)
    premises: tuple[Decimal, ...] = ()  # or: the monthly rents of several premises, each relieved, then summed
    # or: the rent per square metre for each `per` (one of UNIT_PERS; None when the user did not say), with the area
    unit_rent: Decimal | None = None
    area: Decimal | None = None  # 平方米, with unit_rent
    # with per TERM: the months a rent paid at once covers (「两年租金一次性付了50.4万」: 24)
    term_months: int | None = None
    # a rise (+) or cut (−) of the stated rent, as a fraction (「去年月租6000，今年涨了5%」: 0.05), applied to the
    # monthly rent before the relief
    change: Decimal | None = None
    # premises rented besides these from another landlord (「还有一个底商，房东是个人，月租3200」): (monthly rent,
    # landlord) each, named in the answer with no figure, since the parties agree their rent cut
    not_covered: tuple[tuple[Decimal, str], ...] = ()
    # or: the rent of each of the three months when it changes within them (「头两个月每月9000，第三个月起9600」)
    month_rents: tuple[Decimal, ...] = ()
    # the landlord is not a state one but applies the state rule of their own accord (「房东说国有房子怎么减，他就照着
    # 给我怎么减」): the figures as for state premises, said as the landlord's choice, not the document's rule
    as_state: bool = False
    # the rent is per unit rented (「6个工位，一个工位一个月0.8k」): this many units, named `unit` (工位, 摊位 …)
    units: int | None = None
    unit: str | None = None
    # the part of the rent the user pays, 0 < share < 1 (「房租我俩三七开，我出七成」: 0.7): the premises' figures, then
    # that part of each
    share: Decimal | None = None


def _daily(daily_rent: Any, days_per_month: Any) -> tuple[Decimal, Decimal, str]:
    """(the daily rent, the monthly rent, the step that derives it) for a rent quoted per day."""
    said = days_per_month is not None
    days = whole_months(days_per_month, "days_per_month", 1, 31, unit="天") if said else DAYS_PER_MONTH
    amount = money(daily_rent, "period_rent", MAX_RENT, label="日租金", positive=True)
    how = f"按你说的一个月{days}天" if said else f"你没有说一个月按几天算，这里按{days}天；合同另有约定的以合同为准"
    return amount, amount * days, f"日租金{short(amount)}×{days}天 = 每月{short(amount * days)}（{how}）。"


def _term(term_months: Any) -> tuple[int, str]:
    months = whole_months(term_months, "term_months", 1, MAX_TERM_MONTHS, label="一次付租金的月数")
    years = f"{months // 12}年" if months % 12 == 0 else f"{months // 12}年半" if months % 12 == 6 and months > 12 else ""
    return months, f"{years or f'{months}个月'}租金"


def monthly_from(period_rent: Any, per: Any, days_per_month: Any = None,
                 term_months: Any = None) -> tuple[Decimal, Decimal, str]:
    """(the quoted rent, the monthly rent, the step that derives it) for a rent quoted per `per`: an exact
    division, rounded to the fen only when it does not come out in whole fen (and the step says so); a daily
    rent times the days a month counts; a rent paid at once for a term divided by the term's months."""
    if days_per_month is not None and per != DAY:
        raise CalculatorError(f"days_per_month goes with per {DAY!r}, got per {per!r}")
    if (term_months is not None) != (per == TERM):
        raise CalculatorError(f"term_months goes with per {TERM!r}, got per {per!r} and term_months {term_months!r}")
    if per == DAY:
        return _daily(period_rent, days_per_month)
    if per == WEEK:
        return _weekly(period_rent)
    if per == HALF_MONTH:
        amount = money(period_rent, "period_rent", MAX_RENT / 2, label="半个月的租金", positive=True)
        return amount, amount * 2, f"半个月的租金{short(amount)}×2 = 每月{short(amount * 2)}（半个月交一次，一个月交两次）。"
    months, name = _term(term_months) if per == TERM else PERIODS[
        choice(per, "per", (*PERIODS, DAY, WEEK, HALF_MONTH, TERM))]
    amount = money(period_rent, "period_rent", MAX_RENT * months, label=name, positive=True)
    exact = amount / months
    monthly = exact.quantize(CENT, ROUND_HALF_UP)
    sign = "=" if monthly == exact else "≈"
    note = "" if monthly == exact else "（除不尽，按分四舍五入）"
    how = ("减免期三个月正好是一个季度" if per == "quarter"
           else f"一次付的{name}平均分摊到{months}个月折算" if per == TERM else f"按{name}平均分摊到{months}个月折算")
    return amount, monthly, f"{name}{short(amount)}÷{months}个月 {sign} 每月{short(monthly)}{note}（{how}）。"


def _weekly(weekly_rent: Any) -> tuple[Decimal, Decimal, str]:
    """(the weekly rent, the monthly rent, the step) for a rent quoted per week: a year's 52 weeks over 12 months."""
    amount = money(weekly_rent, "period_rent", MAX_RENT * 12 / WEEKS_PER_YEAR, label="周租金", positive=True)
    exact = amount * WEEKS_PER_YEAR / 12
    monthly = exact.quantize(CENT, ROUND_HALF_UP)
    sign, note = ("=", "") if monthly == exact else ("≈", "（除不尽，按分四舍五入）")
    return amount, monthly, (f"周租金{short(amount)}×{WEEKS_PER_YEAR}周÷12个月 {sign} 每月{short(monthly)}{note}"
                             f"（一年按{WEEKS_PER_YEAR}周平均分摊到每月）。")


def _area(value: Any) -> Decimal:
    size = to_decimal(value, "area")
    valid = f"应在 0.01 至 {plain(MAX_AREA)}平方米 之间"
    if size <= 0 or size > MAX_AREA:
        negative = "不能为负数，" if size < 0 else ""
        raise refuse(AmountError, "area", f"{negative}{valid}，收到 {said(size)}平方米")
    return size.quantize(CENT, ROUND_HALF_UP).normalize()


def by_area(unit_rent: Any, area: Any, per: Any) -> tuple[Decimal, Decimal, str]:
    """(the rent per square metre, the whole area's rent for the same period, the step that multiplies them)."""
    per = choice(per, "per", tuple(UNIT_PERS))
    each = UNIT_PERS[per]
    months = 1 if per in (MONTH, DAY) else PERIODS[per][0]
    price = money(unit_rent, "unit_rent", MAX_RENT * months, label=f"每平方米{each}租金", positive=True)
    size = _area(area)
    whole = (price * size).quantize(CENT, ROUND_HALF_UP)
    if whole > MAX_RENT * months:
        detail = (f"每平方米{each}{short(price)}×{plain(size)}平方米得出{each}租金{said(whole)}元，超过上限"
                  f"{yuan_bound(MAX_RENT * months)}：请核对面积和每平方米租金")
        raise AmountError(f"面积{detail}", field="area", detail=detail)
    return price, whole, f"每平方米{each}租金{short(price)}×{plain(size)}平方米 = {each}{short(whole)}。"


def _asked(asked: Any) -> str | tuple[str, ...] | None:
    """One focus, None, or a non-empty tuple of distinct foci (a single-element tuple is the focus itself)."""
    if isinstance(asked, tuple):
        if not asked or not all(isinstance(f, str) and f in ASKED for f in asked) or len(set(asked)) != len(asked):
            raise CalculatorError(f"asked must be one of {list(ASKED)}, None, or a tuple of distinct ones, got {asked!r}")
        return asked[0] if len(asked) == 1 else asked
    return choice(asked, "asked", (*ASKED, None))


def _json(asked: str | tuple[str, ...] | None) -> str | list[str] | None:
    return list(asked) if isinstance(asked, tuple) else asked


def _count(n: int) -> str:
    return "一两三四五六七八九"[n - 1] if 1 <= n <= 9 else str(n)


def _several(premises: Any) -> list[Decimal]:
    if not (isinstance(premises, tuple) and len(premises) >= 2):
        raise CalculatorError(f"premises must be a tuple of at least two monthly rents, got {premises!r}")
    return [money(r, "monthly_rent", MAX_RENT, label=f"第{n}处的月租金", positive=True)
            for n, r in enumerate(premises, 1)]


def _each_relieved(rent: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """(month 3's relief, month 3's payment, the three months' relief) for one monthly rent."""
    month3_relief = (rent * HALF).quantize(CENT, ROUND_HALF_UP)
    return month3_relief, rent - month3_relief, rent * 2 + month3_relief


def _premises_relief(premises: Any, landlord: str | None, asked: Any) -> Calculation:
    """Several premises (「一间月租3000，另一间月租5200」): each one's relief, then the totals. Month 3's half is
    rounded per premises, as each is billed."""
    rents = _several(premises)
    each = [_each_relieved(rent) for rent in rents]
    total = sum(rents, Decimal(0))
    month3_relief, month3_payment, relief = (sum((e[i] for e in each), Decimal(0)) for i in range(3))

    def added(values: list[Decimal]) -> str:
        return " + ".join(short(v) for v in values)

    steps = ["减免期：自本意见发布之日（2020年2月7日）起三个月，前两个月房租免收，第三个月房租减半。"]
    steps += [f"第{n}处（月租{short(rent)}）：前两个月免收，减免{short(rent)}×2 = {short(rent * 2)}；第3个月减半，"
              f"减免{short(half)}，需交{short(rent)} − {short(half)} = {short(paid)}；三个月共减免{short(saved)}。"
              for n, (rent, (half, paid, saved)) in enumerate(zip(rents, each), 1)]
    steps += [f"{_count(len(rents))}处合计：前两个月每月共减免{added(rents)} = {short(total)}，两个月共减免{short(total * 2)}；"
              f"第3个月共需交{added([e[1] for e in each])} = {short(month3_payment)}，"
              f"共减免{added([e[0] for e in each])} = {short(month3_relief)}。",
              f"三个月合计减免：{added([e[2] for e in each])} = {short(relief)}；三个月共需交房租{short(month3_payment)}"
              f"（不减免时为{short(total)}×3 = {short(total * 3)}）。"]
    if landlord is None:
        steps.append(f"以上按承租国有资产类经营用房计算；{NEGOTIATED}")
    result = {**_months(landlord, total, month3_relief, month3_payment, relief),
              "premises": [{"monthly_rent": number(rent), "month3_payment": number(paid), "month3_relief": number(half),
                            "relief_total": number(saved)} for rent, (half, paid, saved) in zip(rents, each)]}
    inputs = {"monthly_rent": number(total), "premises": [number(r) for r in rents], "landlord": landlord,
              "asked": _json(asked)}
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _months(landlord: str | None, rent: Decimal, month3_relief: Decimal, month3_payment: Decimal,
            relief: Decimal) -> dict:
    """The result fields every rent calculation has: each month's relief and payment, and the totals."""
    return {
        "covered": True if landlord == "state" else None,
        "month1_relief": number(rent), "month2_relief": number(rent), "month3_relief": number(month3_relief),
        "months1_2_relief": number(rent * 2),
        "month1_payment": 0, "month2_payment": 0, "month3_payment": number(month3_payment),
        "relief_total": number(relief), "payable_total": number(month3_payment),
    }


AS_STATE = ("房东不是国有资产类经营用房的业主，文件没有规定他必须减免，只鼓励业主减免租金，具体由双方协商；"
            "以上是按你说的，房东自愿照国有资产类经营用房的办法（前两个月免收、第三个月减半）算出的数。")


def _as_state(calc: Calculation, landlord: Any) -> Calculation:
    """The figures for state premises, said as a private landlord's own choice (see RentRequest.as_state)."""
    return replace(calc, steps=(*calc.steps, AS_STATE), inputs={**calc.inputs, "landlord": landlord, "as_state": True},
                   result={**calc.result, "covered": False})


def rent_relief(*args: Any, share: Any = None, **kwargs: Any) -> Calculation:
    """The relief for the premises the rule covers (see _covered_relief), the others named with no figure, and the
    user's own part of the figures when the rent is shared."""
    calc = _premises_relief_all(*args, **kwargs)
    return calc if share is None else _shared(calc, share)


def _shared(calc: Calculation, share: Any) -> Calculation:
    """The calculation with the user's part of the relief and of month 3's rent (「我出七成」: 70% of each)."""
    part = to_decimal(share, "share")
    if not 0 < part < 1:
        raise refuse(AmountError, "share", f"应在 0 到 1 之间（不含），收到 {said(part)}", "你分摊的房租比例")
    if calc.result.get("relief_total") is None:
        return calc  # no figure to share: the parties agree the rent cut
    relief, month3 = (Decimal(str(calc.result[k])) for k in ("relief_total", "month3_payment"))
    own_relief, own_month3 = ((v * part).quantize(CENT, ROUND_HALF_UP) for v in (relief, month3))
    named = share_name(part)
    step = (f"你分摊{named}：三个月减免{short(relief)}×{named} = {short(own_relief)}；"
            f"第三个月需交{short(month3)}×{named} = {short(own_month3)}。")
    return replace(calc, steps=(*calc.steps, step), inputs={**calc.inputs, "share": number(part)},
                   result={**calc.result, "share_relief": number(own_relief), "share_month3_payment": number(own_month3)})


def share_name(part: Decimal) -> str:
    """「七成」 for 0.7, 「一半」 for 0.5, 「1/3」 for a third, else a percentage."""
    if part == HALF:
        return "一半"
    for den in (3, 4, 5):
        for num in range(1, den):
            if abs(part - Decimal(num) / den) < Decimal("1e-9") and (part * 10) % 1:
                return f"{num}/{den}"
    if (part * 10) % 1 == 0:
        return f"{'一二三四五六七八九'[int(part * 10) - 1]}成"
    return f"{plain(part * 100)}%"


def _premises_relief_all(*args: Any, not_covered: Any = (), as_state: Any = False, **kwargs: Any) -> Calculation:
    if not isinstance(as_state, bool):
        raise CalculatorError(f"as_state must be True or False, got {as_state!r}")
    if as_state:
        landlord = kwargs.pop("landlord", args[1] if len(args) > 1 else None)
        if not_covered != () or landlord != "other":
            raise CalculatorError(f"as_state goes with landlord 'other' and no not_covered, got landlord {landlord!r} "
                                  f"and not_covered {not_covered!r}")
        return _as_state(_covered_relief(*args[:1], "state", *args[2:], **kwargs), landlord)
    calc = _covered_relief(*args, **kwargs)
    if not_covered == ():
        return calc
    if not isinstance(not_covered, tuple) or calc.inputs.get("landlord") in NEGOTIATED_LANDLORDS:
        raise CalculatorError(f"not_covered must be a tuple of (monthly rent, landlord) beside premises the rule "
                              f"covers, got {not_covered!r}")
    others = []
    for n, pair in enumerate(not_covered, 1):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise CalculatorError(f"not_covered must hold (monthly rent, landlord) pairs, got {pair!r}")
        rent = money(pair[0], "monthly_rent", MAX_RENT, label=f"其他房东的第{n}处的月租金", positive=True)
        others.append({"monthly_rent": number(rent), "landlord": choice(pair[1], "landlord", NEGOTIATED_LANDLORDS)})
    rents = "、".join(short(Decimal(str(o["monthly_rent"]))) for o in others)
    step = (f"另外{_count(len(others))}处（月租{rents}）不是国有资产类经营用房，"
            f"不适用上面的减免：{NEGOTIATED}")
    # 「第三个月两处加一块还得交多少」: the others at their full rent unless their landlords agree a cut
    month3 = Decimal(str(calc.result["month3_payment"]))
    whole = month3 + sum((Decimal(str(o["monthly_rent"])) for o in others), Decimal(0))
    added = (f"第三个月各处合计（另外{_count(len(others))}处按原租金、未协商减免时）：{short(month3)} + "
             f"{' + '.join(short(Decimal(str(o['monthly_rent']))) for o in others)} = {short(whole)}。")
    return replace(calc, steps=calc.steps + (step, added), inputs={**calc.inputs, "not_covered": others},
                   result={**calc.result, "month3_payment_all": number(whole)})


def _month_by_month(month_rents: Any, landlord: str | None, asked: Any) -> Calculation:
    """The relief when the rent changes within the three months: months 1 and 2 free at their own rents, month 3
    half of its own."""
    if not (isinstance(month_rents, tuple) and len(month_rents) == 3):
        raise CalculatorError(f"month_rents must be a tuple of the three months' rents, got {month_rents!r}")
    first, second, third = (money(r, "monthly_rent", MAX_RENT, label=f"第{n}个月的房租", positive=True)
                            for n, r in enumerate(month_rents, 1))
    month3_relief, month3_payment, _ = _each_relieved(third)
    relief = first + second + month3_relief
    steps = ["减免期：自本意见发布之日（2020年2月7日）起三个月，前两个月房租免收，第三个月房租减半；租金在这三个月里有变化，"
             "按每个月自己的租金算。",
             f"第1、2个月免收：减免{short(first)} + {short(second)} = {short(first + second)}，需交0元。",
             f"第3个月减半：减免{short(third)}×50% = {short(month3_relief)}，"
             f"需交{short(third)} − {short(month3_relief)} = {short(month3_payment)}。",
             f"合计减免：{short(first)} + {short(second)} + {short(month3_relief)} = {short(relief)}；"
             f"三个月共需交房租{short(month3_payment)}（不减免时为{short(first + second + third)}）。"]
    if landlord is None:
        steps.append(f"以上按承租国有资产类经营用房计算；{NEGOTIATED}")
    result = {**_months(landlord, first, month3_relief, month3_payment, relief), "month2_relief": number(second),
              "months1_2_relief": number(first + second)}
    inputs = {"monthly_rent": number(first), "month_rents": [number(r) for r in (first, second, third)],
              "landlord": landlord, "asked": _json(asked)}
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _covered_relief(monthly_rent: Any, landlord: str | None = None, asked: Any = None,
                period_rent: Any = None, per: Any = None, premises: Any = (),
                days_per_month: Any = None, unit_rent: Any = None, area: Any = None,
                term_months: Any = None, change: Any = None, month_rents: Any = (), units: Any = None,
                unit: Any = None) -> Calculation:
    landlord = choice(landlord, "landlord", (*LANDLORDS, None))
    asked = _asked(asked)
    if month_rents != ():
        if any(v not in (None, ()) for v in (monthly_rent, period_rent, per, premises, unit_rent, area, term_months,
                                            change, days_per_month, units)):
            raise CalculatorError(f"give month_rents alone, not with another rent (got month_rents {month_rents!r})")
        return _negotiated(None, asked, landlord) if landlord in NEGOTIATED_LANDLORDS else \
            _month_by_month(month_rents, landlord, asked)
    priced: list[str] = []
    unit_inputs: dict[str, Any] = {}
    if unit_rent is not None or area is not None:
        if monthly_rent is not None or period_rent is not None or premises != ():
            raise CalculatorError(f"give unit_rent with area alone, not with monthly_rent, period_rent or premises "
                                  f"(got {unit_rent!r} per m² on {area!r} m², {monthly_rent!r}, {period_rent!r}, "
                                  f"{premises!r})")
        if unit_rent is None or area is None or per is None:
            if landlord in NEGOTIATED_LANDLORDS:
                return _negotiated(None, asked, landlord)
            raise CalculatorError(f"unit_rent needs area and per (one of {list(UNIT_PERS)}), got {unit_rent!r} per "
                                  f"m² on {area!r} m² per {per!r}")
        price, whole, step = by_area(unit_rent, area, per)
        priced.append(step)
        unit_inputs = {"unit_rent": number(price), "area": number(_area(area)), "unit_per": per}
        if per == MONTH:
            monthly_rent, per = whole, None
        else:
            period_rent = whole
    if not (unit is None or isinstance(unit, str)) or (unit is not None and units is None):
        raise CalculatorError(f"unit names what units counts, got unit {unit!r} with units {units!r}")
    if premises != ():
        if monthly_rent is not None or period_rent is not None or per is not None or units is not None:
            raise CalculatorError(f"give premises alone, not with monthly_rent or period_rent (got premises "
                                  f"{premises!r}, {monthly_rent!r}, {period_rent!r} per {per!r})")
        if landlord not in NEGOTIATED_LANDLORDS:
            return _premises_relief(premises, landlord, asked)
        monthly_rent = sum(_several(premises), Decimal(0))
    derived: list[str] = []
    quoted = None
    if period_rent is not None or per is not None or days_per_month is not None or term_months is not None:
        if monthly_rent is not None:
            raise CalculatorError(f"give monthly_rent or period_rent with per, not both (got {monthly_rent!r}, "
                                  f"{period_rent!r} per {per!r})")
        quoted, monthly_rent, step = monthly_from(period_rent, per, days_per_month, term_months)
        derived.append(step)
    derived = priced + derived
    if units is not None:
        if monthly_rent is None or priced:
            raise CalculatorError(f"units goes with the rent of one unit, not with a rent per square metre or none "
                                  f"(got units {units!r}, monthly_rent {monthly_rent!r}, unit_rent {unit_rent!r})")
        count = whole_months(units, "units", 1, MAX_UNITS, label="租用的个数", unit="个")
        one = money(monthly_rent, "monthly_rent", (MAX_RENT / count).quantize(CENT, ROUND_DOWN),
                    label=f"每个{unit or '单位'}的月租金", positive=True)
        monthly_rent = one * count
        derived.append(f"每个{unit or '单位'}每月{short(one)}×{count}个 = 每月{short(monthly_rent)}。")
        unit_inputs = {**unit_inputs, "unit_monthly_rent": number(one), "units": count, "unit": unit}
    stated = None
    if change is not None:
        if monthly_rent is None:
            raise CalculatorError(f"change goes with a rent, got change {change!r} and no rent")
        stated, monthly_rent, step = _changed(monthly_rent, change)
        derived.append(step)
    if landlord in NEGOTIATED_LANDLORDS:
        return _negotiated(monthly_rent, asked, landlord)
    rent = money(monthly_rent, "monthly_rent", MAX_RENT, positive=True)  # no rent, nothing to relieve
    month3_relief, month3_payment, relief = _each_relieved(rent)
    steps = derived + [
        "减免期：自本意见发布之日（2020年2月7日）起三个月，前两个月房租免收，第三个月房租减半。",
        f"第1、2个月免收：每月减免{short(rent)}，需交0元；两个月共减免{short(rent)}×2 = {short(rent * 2)}。",
        f"第3个月减半：减免{short(rent)}×50% = {short(month3_relief)}，"
        f"需交{short(rent)} − {short(month3_relief)} = {short(month3_payment)}。",
        f"合计减免：{short(rent)}×2个月 + {short(rent)}×50% = {short(relief)}。",
        f"三个月共需交房租：0元 + 0元 + {short(month3_payment)} = {short(month3_payment)}"
        f"（不减免时为{short(rent)}×3 = {short(rent * 3)}）。",
    ]
    if (spread := _spread(asked, relief, month3_payment)) is not None:
        steps.append(spread[1])
    if landlord is None:
        steps.append(f"以上按承租国有资产类经营用房计算；{NEGOTIATED}")
    result = _months(landlord, rent, month3_relief, month3_payment, relief)
    inputs = {"monthly_rent": number(rent), "landlord": landlord, "asked": _json(asked), **unit_inputs}
    if stated is not None:
        inputs.update(stated_rent=number(stated), change=number(to_decimal(change, "change")))
    if quoted is not None:
        inputs.update(period_rent=number(quoted), per=per)
        if per == TERM:
            inputs["term_months"] = int(term_months)
        if per == DAY:
            inputs["days_per_month"] = DAYS_PER_MONTH if days_per_month is None else days_per_month
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _changed(monthly_rent: Any, change: Any) -> tuple[Decimal, Decimal, str]:
    """(the stated monthly rent, the rent after the rise or cut, the step): 「去年月租6000，今年涨了5%」 → 6300."""
    stated = money(monthly_rent, "monthly_rent", MAX_RENT, positive=True)
    by = to_decimal(change, "change")
    if not -1 < by <= MAX_CHANGE or by == 0:
        raise refuse(AmountError, "change", f"应在 -100%（不含）至 {plain(MAX_CHANGE * 100)}% 之间且不为 0，"
                                            f"收到 {said(by * 100)}%", "租金涨跌的幅度")
    now = (stated * (1 + by)).quantize(CENT, ROUND_HALF_UP)
    word = "上涨" if by > 0 else "下降"
    return stated, now, (f"租金{word}{plain(abs(by) * 100)}%：{short(stated)}×{plain((1 + by) * 100)}% = "
                         f"每月{short(now)}（按调整后的月租计算）。")


def _spread(asked: str | tuple[str, ...] | None, relief: Decimal, payable: Decimal) -> tuple[Decimal, str] | None:
    """(the monthly average, its step) when the question asks a total spread over the three months."""
    foci = list(asked) if isinstance(asked, tuple) else [asked]
    if "average" not in foci:
        return None
    spread_relief = "relief" in foci[:foci.index("average")]
    total, name = (relief, "三个月共减免") if spread_relief else (payable, "三个月共需交房租")
    average = (total / RELIEF_MONTHS).quantize(CENT, ROUND_HALF_UP)
    return average, f"平摊到三个月：{name}{short(total)}÷{RELIEF_MONTHS} = 平均每月{short(average)}。"


def _negotiated(monthly_rent: Any, asked: Any, landlord: str = "other") -> Calculation:
    rent = None if monthly_rent is None else number(money(monthly_rent, "monthly_rent", MAX_RENT, positive=True))
    steps = ("本条的房租减免（前两个月免收、第三个月减半）只适用于承租国有资产类经营用房的中小微企业。",
             _NEGOTIATED_TEXT.get(landlord, NEGOTIATED))
    result = {"covered": False, "relief_total": None, "payable_total": None, "month3_payment": None}
    return Calculation(kind=KIND, inputs={"monthly_rent": rent, "landlord": landlord, "asked": _json(_asked(asked))},
                       result=result, steps=steps, clause=CLAUSE)


def needs(request: RentRequest) -> NeedsInput | None:
    if request.landlord in NEGOTIATED_LANDLORDS and not request.as_state:
        return None
    if request.unit_rent is not None and (request.area is None or request.per is None):
        missing = tuple(name for name, value in (("area", request.area), ("per", request.per)) if value is None)
        asks = {"area": "面积是多少平方米", "per": "这个每平方米的租金是每月、每天还是每年的"}
        return NeedsInput(
            kind=KIND, missing=missing, clause=CLAUSE,
            inputs={"landlord": request.landlord, "unit_rent": str(request.unit_rent)},
            question_back=f"承租国有资产类经营用房的，前两个月房租免收，第三个月房租减半。你给的是每平方米的租金"
                          f"（{plain(request.unit_rent)}元/平方米），要算出每月房租，请告诉我"
                          f"{'，以及'.join(asks[m] for m in missing)}。")
    if (request.monthly_rent is not None or request.period_rent is not None or request.premises or request.month_rents
            or request.unit_rent is not None):
        return None
    return NeedsInput(
        kind=KIND, missing=("monthly_rent",), clause=CLAUSE, inputs={"landlord": request.landlord},
        question_back="承租国有资产类经营用房的，前两个月房租免收，第三个月房租减半。"
                      "要算出具体金额，请告诉我每月房租是多少元（例如「月租8000元」；按季度或按年交的也可以直接说），"
                      "以及房子是不是国有资产类经营用房。",
    )


def solve(request: RentRequest) -> Calculation:
    return rent_relief(request.monthly_rent, request.landlord, request.asked, request.period_rent, request.per,
                       request.premises, request.days_per_month, request.unit_rent, request.area,
                       request.term_months, request.change, request.month_rents, request.units, request.unit,
                       not_covered=request.not_covered, as_state=request.as_state, share=request.share)


def lead(calc: Calculation) -> str:
    own = _share_lead(calc)
    others = calc.inputs.get("not_covered")
    if not others:
        covered = _covered_lead(calc)
        # the condition is said once, before the caller's part
        return own + covered.removeprefix(_condition(calc)) if own else covered
    rents = "、".join(yuan(Decimal(str(o["monthly_rent"])), gloss=False) for o in others)
    return (f"{own}国有资产类经营用房的部分：{_covered_lead(calc)}另外月租{rents}的"
            f"{_count(len(others))}处不是国有资产类经营用房，文件没有规定减免金额，"
            f"鼓励业主（房东）减免租金，具体由双方协商；那边未协商减免的话，第三个月各处合计需交"
            f"{yuan(Decimal(str(calc.result['month3_payment_all'])))}。")


def _share_lead(calc: Calculation) -> str:
    """The user's own part first when the rent is shared, then (after it) the premises' figures."""
    if calc.result.get("share_relief") is None:
        return ""
    named = share_name(Decimal(str(calc.inputs["share"])))
    return (f"{_condition(calc)}按你分摊的{named}算：你那份三个月共可减免{yuan(Decimal(str(calc.result['share_relief'])))}，"
            f"第三个月你需交{yuan(Decimal(str(calc.result['share_month3_payment'])))}。整处房子：")


def _condition(calc: Calculation) -> str:
    """What the figures rest on, said before them: nothing for state premises, the assumption for a landlord not said,
    the landlord's own choice for a private one applying the rule anyway."""
    if calc.result["covered"]:
        return ""
    if calc.inputs.get("as_state"):
        return "照国有资产类经营用房的办法算（文件不要求这位房东减免，鼓励业主减免，具体由双方协商），"
    return "如承租的是国有资产类经营用房，"


def _covered_lead(calc: Calculation) -> str:
    r = calc.result
    if calc.inputs.get("month_rents"):
        first, second, third = (yuan(Decimal(str(v)), gloss=False) for v in calc.inputs["month_rents"])
        free = f"前两个月每月免收{first}" if first == second else f"第一个月免收{first}、第二个月免收{second}"
        condition = _condition(calc)
        return (f"{condition}三个月共可减免房租{yuan(Decimal(str(r['relief_total'])))}：{free}，第三个月按当月租金"
                f"{third}减半，需交房租{yuan(Decimal(str(r['month3_payment'])))}，减免"
                f"{yuan(Decimal(str(r['month3_relief'])))}。")
    if r["covered"] is False and calc.inputs.get("landlord") == "carrier":
        return ("创业载体的用房不属于国有资产类经营用房的，不适用前两个月免收、第三个月减半；但文件要求国有、集体及"
                "享受过财政支持政策的小微企业创业载体疫情期间带头减免承租的小微企业房租，没有规定减免金额，具体由双方协商。")
    if r["covered"] is False and calc.inputs.get("landlord") == "collective":
        return ("集体所有的用房不属于国有资产类经营用房，不适用前两个月免收、第三个月减半；文件要求国有、集体及享受过"
                "财政支持政策的小微企业创业载体疫情期间带头减免承租的小微企业房租，但没有规定减免金额，具体由双方协商。")
    if r["covered"] is False and not calc.inputs.get("as_state"):
        return "租用的不是国有资产类经营用房，文件没有规定减免金额：鼓励业主（房东）减免租金，具体由双方协商。"
    rent = Decimal(str(calc.inputs["monthly_rent"]))
    relief, month3 = Decimal(str(r["relief_total"])), Decimal(str(r["month3_payment"]))
    month3_relief = Decimal(str(r["month3_relief"]))
    condition = _condition(calc)
    # Every figure is stated whatever was asked; the ones asked for come first, in the order asked.
    sentences = {
        "relief": f"三个月共可减免房租{yuan(relief)}",
        "months1_2": f"前两个月房租免收，每月减免{yuan(rent)}，两个月共减免{yuan(rent * 2)}",
        "month3": f"第三个月房租减半，需交房租{yuan(month3)}，减免{yuan(month3_relief)}",
        "payable": f"三个月共需交房租{yuan(month3)}",
    }
    asked = calc.inputs.get("asked")
    foci = list(asked) if isinstance(asked, (list, tuple)) else [asked] if asked in sentences or asked == "average" else []
    if (spread := _spread(tuple(foci), relief, month3)) is not None:
        spread_relief = "relief" in foci[:foci.index("average")]
        sentences["average"] = f"摊到三个月，平均每月{'减免' if spread_relief else '交'}{yuan(spread[0])}"
        if foci == ["average"]:
            foci = ["payable", "average"]
    default = ["months1_2", "month3", "relief"] if foci == ["payable"] else ["relief", "months1_2", "month3"]
    order = list(dict.fromkeys(foci + default))
    if "premises" not in r:
        return condition + "，".join(sentences[f] for f in order) + "。"
    # several premises: the totals, then each one's own figures
    each = "；".join(f"月租{yuan(Decimal(str(p['monthly_rent'])), gloss=False)}的一处第三个月交"
                    f"{yuan(Decimal(str(p['month3_payment'])), gloss=False)}、三个月共减免"
                    f"{yuan(Decimal(str(p['relief_total'])), gloss=False)}" for p in r["premises"])
    return (f"{condition}{_count(len(r['premises']))}处合计（月租共{yuan(rent, gloss=False)}）："
            + "，".join(sentences[f] for f in order) + f"。分别是：{each}。")
