"""结语: 「政策执行期暂定为自发布之日起的3个月」 — start, end, and whether a date falls inside.

The date arithmetic is `assistant.period`'s (Civil Code reading, through 2020-05-07); this only applies it.
A measure whose own clause states the same period (六's rent relief, 「自本意见发布之日起三个月」) is answered from
that clause when the question is about it: same dates, the measure's words and citation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from assistant.calculator.values import DateError, choice, date
from assistant.period import add_months, chinese_date, policy_period
from corpus.records import Calculation

KIND = "policy_period"
CLAUSE = "closing"
ISSUED = dt.date(2020, 2, 7)  # 并政发〔2020〕2号 is dated 2020年2月7日
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)  # keeps end-date arithmetic in the calendar
# measure → (its clause, what it is called, its period in the clause's own words)
MEASURES = {"rent_relief": ("6", "减免房租", "自本意见发布之日起三个月")}


@dataclass(frozen=True)
class PeriodRequest:
    kind: ClassVar[str] = KIND
    on: dt.date | None = None  # a date the user asks about
    today: dt.date | None = None  # the assistant's "today", for 「现在还有效吗」
    issued: dt.date = ISSUED
    measure: str | None = None  # a MEASURES key when the question is about that measure's own period


def policy_validity(on: Any = None, today: Any = None, issued: Any = ISSUED, measure: Any = None) -> Calculation:
    choice(measure, "measure", (None, *MEASURES))
    issued = date(issued, "issued")
    if not EARLIEST <= issued <= LATEST:
        raise DateError(f"issued must be between {EARLIEST} and {LATEST}, got {issued}")
    period = policy_period(issued)
    steps = [f"政策执行期暂定为自发布之日起的3个月；本意见{chinese_date(period.start)}发布。",
             f"{period.reading}，执行期至{chinese_date(period.end)}（不少地方通知写作「至5月6日」）。"]
    result: dict[str, Any] = {"start": period.start.isoformat(), "end": period.end.isoformat(),
                              "reading": period.reading}
    inputs: dict[str, Any] = {"issued": period.start.isoformat(), "on": None, "today": None}
    if measure is not None:
        _, name, words = MEASURES[measure]
        steps.insert(0, f"{name}的期限：{words}，与政策执行期起止相同。")
        if measure == "rent_relief":
            steps.append("按同一规则逐月算：" + "；".join(
                f"{label}{_month_span(period.start, i)}" for i, label in enumerate(RENT_MONTHS)) + "。")
        inputs["measure"] = measure
    for name, day in (("on", on), ("today", today)):
        if day is None:
            continue
        day = date(day, name)
        status = period.status(day)
        steps.append(f"{'今天' if name == 'today' else ''}{chinese_date(day)}：{status}。")
        inputs[name] = day.isoformat()
        result[f"{name}_status"] = status
        result[f"{name}_inside"] = status == "执行中"
    steps.append("中央、省出台相关支持政策的，太原市遵照从优执行。")
    clause = CLAUSE if measure is None else MEASURES[measure][0]
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=clause)


# which month of the three is which (「减半的那个月是从几号到几号」)
RENT_MONTHS = ("第一个月（免收）", "第二个月（免收）", "第三个月（减半）")


def _month_span(issued: dt.date, index: int) -> str:
    """The index-th month (from 0) after the issue day, the day itself not counted: 2月8日至3月7日 …"""
    first = add_months(issued, index) + dt.timedelta(days=1)
    last = add_months(issued, index + 1)
    return f"{first.month}月{first.day}日至{last.month}月{last.day}日"


def solve(request: PeriodRequest) -> Calculation:
    return policy_validity(request.on, request.today, request.issued, request.measure)


def needs(request: PeriodRequest) -> None:
    return None  # with no date the answer is still the period itself


def lead(calc: Calculation) -> str:
    r = calc.result
    start, end = (chinese_date(dt.date.fromisoformat(r[k])) for k in ("start", "end"))
    measure = calc.inputs.get("measure")
    if measure is None:
        text, within = f"政策执行期自{start}起3个月，按《民法典》期间计算规则至{end}", "执行期"
    else:
        _, name, words = MEASURES[measure]
        text, within = f"{name}{words}：本意见{start}发布，按《民法典》期间计算规则至{end}", "这三个月"
    if calc.inputs["on"]:
        on = chinese_date(dt.date.fromisoformat(calc.inputs["on"]))
        text += f"；{on}{'在' + within + '内' if r['on_inside'] else '不在' + within + '内（' + r['on_status'] + '）'}"
    if calc.inputs["today"]:
        text += f"；按今天（{chinese_date(dt.date.fromisoformat(calc.inputs['today']))}）算，{r['today_status']}"
    return text + "。"
