"""The policy's validity period: pure date arithmetic, shared by answers and (later) the calculator."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

# The closing paragraph: 「政策执行期暂定为自发布之日起的3个月」.
PERIOD_MONTHS = 3


@dataclass(frozen=True)
class Period:
    start: dt.date  # the issue date
    end: dt.date  # last day in force, under the reading below
    reading: str

    def status(self, today: dt.date) -> str:
        if today < self.start:
            return "尚未开始"
        return "执行中" if today <= self.end else "已结束"


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later; a day the target month lacks becomes its last day (1-31 + 1 month → 2-28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def policy_period(issued: dt.date, months: int = PERIOD_MONTHS) -> Period:
    # Civil Code arts. 201-203: the start day is not counted and a period in months ends on the
    # corresponding day of the last month, so 2020-02-07 + 3 months runs through 2020-05-07.
    return Period(start=issued, end=add_months(issued, months),
                  reading="按《民法典》期间计算规则（发布当日不计入，到期月的对应日届满）")


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
