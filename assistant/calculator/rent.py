"""六、减免中小微企业房租: for state-owned-asset premises, months 1–2 rent-free and month 3 at half rent.

Other landlords are only encouraged to cut rent, 「具体由双方协商」, so for them there is no figure to compute.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from assistant.calculator.results import NeedsInput
from assistant.calculator.values import CENT, CalculatorError, choice, money, number, short, yuan
from corpus.records import Calculation

KIND = "rent_relief"
CLAUSE = "6"
MAX_RENT = Decimal(1_000_000_000)
HALF = Decimal("0.5")
LANDLORDS = ("state", "other")
# Which figure the question asked about; it only decides which sentence the answer leads with. A question
# that asks for two figures (「前两个月减免多少？第三个月呢？」) gives a tuple of them, in the order asked.
ASKED = ("relief", "payable", "month3", "months1_2")
NEGOTIATED = "租用其他经营用房的，文件只鼓励业主（房东）为租户减免租金，具体由双方协商。"
# Rent quoted for a longer period → months it covers. A quarter is exactly the relief period; a half year or a
# year is spread evenly over its months (the document speaks only of monthly rent).
PERIODS = {"quarter": (3, "季度租金"), "half_year": (6, "半年租金"), "year": (12, "年租金")}


@dataclass(frozen=True)
class RentRequest:
    kind: ClassVar[str] = KIND
    monthly_rent: Decimal | None = None
    landlord: str | None = None  # "state" (国有资产类经营用房), "other", or None when the user did not say
    asked: str | tuple[str, ...] | None = None
    period_rent: Decimal | None = None  # rent quoted per `per` instead of per month
    per: str | None = None  # "quarter", "half_year" or "year" (with period_rent)


def monthly_from(period_rent: Any, per: Any) -> tuple[Decimal, Decimal, str]:
    """(the quoted rent, the monthly rent, the step that derives it) for a rent quoted per `per`: an exact
    division, rounded to the fen only when it does not come out in whole fen (and the step says so)."""
    months, name = PERIODS[choice(per, "per", tuple(PERIODS))]
    amount = money(period_rent, "period_rent", MAX_RENT * months, label=name, positive=True)
    exact = amount / months
    monthly = exact.quantize(CENT, ROUND_HALF_UP)
    sign = "=" if monthly == exact else "≈"
    note = "" if monthly == exact else "（除不尽，按分四舍五入）"
    how = "减免期三个月正好是一个季度" if per == "quarter" else f"按{name}平均分摊到{months}个月折算"
    return amount, monthly, f"{name}{short(amount)}÷{months}个月 {sign} 每月{short(monthly)}{note}（{how}）。"


def _asked(asked: Any) -> str | tuple[str, ...] | None:
    """One focus, None, or a non-empty tuple of distinct foci (a single-element tuple is the focus itself)."""
    if isinstance(asked, tuple):
        if not asked or not all(isinstance(f, str) and f in ASKED for f in asked) or len(set(asked)) != len(asked):
            raise CalculatorError(f"asked must be one of {list(ASKED)}, None, or a tuple of distinct ones, got {asked!r}")
        return asked[0] if len(asked) == 1 else asked
    return choice(asked, "asked", (*ASKED, None))


def _json(asked: str | tuple[str, ...] | None) -> str | list[str] | None:
    return list(asked) if isinstance(asked, tuple) else asked


def rent_relief(monthly_rent: Any, landlord: str | None = None, asked: Any = None,
                period_rent: Any = None, per: Any = None) -> Calculation:
    landlord = choice(landlord, "landlord", (*LANDLORDS, None))
    asked = _asked(asked)
    derived: list[str] = []
    quoted = None
    if period_rent is not None or per is not None:
        if monthly_rent is not None:
            raise CalculatorError(f"give monthly_rent or period_rent with per, not both (got {monthly_rent!r}, "
                                  f"{period_rent!r} per {per!r})")
        quoted, monthly_rent, step = monthly_from(period_rent, per)
        derived.append(step)
    if landlord == "other":
        return _negotiated(monthly_rent, asked)
    rent = money(monthly_rent, "monthly_rent", MAX_RENT, positive=True)  # no rent, nothing to relieve
    month3_relief = (rent * HALF).quantize(CENT, ROUND_HALF_UP)
    month3_payment = rent - month3_relief
    relief = rent * 2 + month3_relief
    steps = derived + [
        "减免期：自本意见发布之日（2020年2月7日）起三个月，前两个月房租免收，第三个月房租减半。",
        f"第1、2个月免收：每月减免{short(rent)}，需交0元；两个月共减免{short(rent)}×2 = {short(rent * 2)}。",
        f"第3个月减半：减免{short(rent)}×50% = {short(month3_relief)}，"
        f"需交{short(rent)} − {short(month3_relief)} = {short(month3_payment)}。",
        f"合计减免：{short(rent)}×2个月 + {short(rent)}×50% = {short(relief)}。",
        f"三个月共需交房租：0元 + 0元 + {short(month3_payment)} = {short(month3_payment)}"
        f"（不减免时为{short(rent)}×3 = {short(rent * 3)}）。",
    ]
    if landlord is None:
        steps.append(f"以上按承租国有资产类经营用房计算；{NEGOTIATED}")
    result = {
        "covered": True if landlord == "state" else None,
        "month1_relief": number(rent), "month2_relief": number(rent), "month3_relief": number(month3_relief),
        "months1_2_relief": number(rent * 2),
        "month1_payment": 0, "month2_payment": 0, "month3_payment": number(month3_payment),
        "relief_total": number(relief), "payable_total": number(month3_payment),
    }
    inputs = {"monthly_rent": number(rent), "landlord": landlord, "asked": _json(asked)}
    if quoted is not None:
        inputs.update(period_rent=number(quoted), per=per)
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def _negotiated(monthly_rent: Any, asked: Any) -> Calculation:
    rent = None if monthly_rent is None else number(money(monthly_rent, "monthly_rent", MAX_RENT, positive=True))
    steps = ("本条的房租减免（前两个月免收、第三个月减半）只适用于承租国有资产类经营用房的中小微企业。", NEGOTIATED)
    result = {"covered": False, "relief_total": None, "payable_total": None, "month3_payment": None}
    return Calculation(kind=KIND, inputs={"monthly_rent": rent, "landlord": "other", "asked": _json(_asked(asked))},
                       result=result, steps=steps, clause=CLAUSE)


def needs(request: RentRequest) -> NeedsInput | None:
    if request.monthly_rent is not None or request.period_rent is not None or request.landlord == "other":
        return None
    return NeedsInput(
        kind=KIND, missing=("monthly_rent",), clause=CLAUSE, inputs={"landlord": request.landlord},
        question_back="承租国有资产类经营用房的，前两个月房租免收，第三个月房租减半。"
                      "要算出具体金额，请告诉我每月房租是多少元（例如「月租8000元」；按季度或按年交的也可以直接说），"
                      "以及房子是不是国有资产类经营用房。",
    )


def solve(request: RentRequest) -> Calculation:
    return rent_relief(request.monthly_rent, request.landlord, request.asked, request.period_rent, request.per)


def lead(calc: Calculation) -> str:
    r = calc.result
    if r["covered"] is False:
        return "租用的不是国有资产类经营用房，文件没有规定减免金额：鼓励业主（房东）减免租金，具体由双方协商。"
    rent = Decimal(str(calc.inputs["monthly_rent"]))
    relief, month3 = Decimal(str(r["relief_total"])), Decimal(str(r["month3_payment"]))
    month3_relief = Decimal(str(r["month3_relief"]))
    condition = "" if r["covered"] else "如承租的是国有资产类经营用房，"
    # Every figure is stated whatever was asked; the ones asked for come first, in the order asked.
    sentences = {
        "relief": f"三个月共可减免房租{yuan(relief)}",
        "months1_2": f"前两个月房租免收，每月减免{yuan(rent)}，两个月共减免{yuan(rent * 2)}",
        "month3": f"第三个月房租减半，需交房租{yuan(month3)}，减免{yuan(month3_relief)}",
        "payable": f"三个月共需交房租{yuan(month3)}",
    }
    asked = calc.inputs.get("asked")
    foci = list(asked) if isinstance(asked, (list, tuple)) else [asked] if asked in sentences else []
    default = ["months1_2", "month3", "relief"] if foci == ["payable"] else ["relief", "months1_2", "month3"]
    order = list(dict.fromkeys(foci + default))
    return condition + "，".join(sentences[f] for f in order) + "。"
