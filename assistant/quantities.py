"""A question's numbers and units → typed quantities with their spans → a typed calculator request.

Parse, don't validate: 「月租八千」 becomes Money(8000, "八千", …) before any arithmetic, and
`parse_request` turns the quantities plus the question's words into one rule's request (or asks back for
what is missing). Ranges are the calculator's business; the only error raised here is a date that does not
exist (「2月30日」), as a CalculatorError naming it. Rough figures (「两百多万」) keep their range and only the size
standard uses them; English numbers, units and rule words in mixed questions are read via `from_english`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Sequence

from assistant.calculator import (
    DateError, DeferralRequest, InterestRequest, JobSubsidyRequest, NeedsInput, PensionRequest, PeriodRequest,
    RefundRequest, RentRequest, Request, SmeRequest, TaxDeferralRequest, WorkInjuryRequest, CalculatorError,
    find_industry, needs_input,
)

DEFAULT_YEAR = 2020  # the policy's year: 「3月15日」 in a question about it means 2020-03-15


# -- quantities ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Money:
    value: Decimal  # 元; for a rough amount (「两百多万」) the lower bound
    text: str
    start: int
    end: int
    upper: Decimal | None = None  # a rough amount's exclusive upper bound (「两百多万」: 3000000), else None


@dataclass(frozen=True)
class Rate:
    value: Decimal  # a fraction: 0.004 for 0.4%
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Headcount:
    value: Decimal  # people; whether it must be whole is the rule's call; for 「三十多人」 the lower bound
    text: str
    start: int
    end: int
    upper: Decimal | None = None  # 「三十多人」: 40 (exclusive), else None


@dataclass(frozen=True)
class DateValue:
    value: dt.date
    text: str
    start: int
    end: int
    year_given: bool


@dataclass(frozen=True)
class MonthCount:
    value: int  # a duration: 「3个月」, 「1年」 (12), 「半年」 (6), 「四个季度」 (12)
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CalendarMonth:
    value: int  # 「4月份」 → 4
    text: str
    start: int
    end: int


Quantity = Money | Rate | Headcount | DateValue | MonthCount | CalendarMonth

# -- numerals ------------------------------------------------------------------------------------------
_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
_CN = "零〇一二两三四五六七八九"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# 「1.2万」「3千5」「1万2千」, or all-Chinese 「一百二十万」「两万五」「三点五」 (a run must start with a digit or 十)
_NUMBER = (rf"(?:{_ARABIC})(?:[十百千万亿]+(?:{_ARABIC})?)*"
           rf"|[{_CN}十](?:[{_CN}十百千万亿]|点(?=[{_CN}]))*")
_TOKEN = re.compile(rf"{_ARABIC}|[{_CN}]|[十百千万亿]|点")


class _NotANumber(Exception):
    pass


def chinese_number(text: str) -> Decimal:
    """「两万五」→25000, 「一百二十万」→1200000, 「1.2万」→12000, 「三点五」→3.5, 「1,200,000」→1200000."""
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != text or not tokens:
        raise _NotANumber(text)
    total = section = Decimal(0)
    pending: Decimal | None = None
    last_unit, after_zero, small_floor = 0, False, 10**4
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "点":
            end = i + 1
            while end < len(tokens) and tokens[end] in _DIGIT:
                end += 1
            if end == i + 1:
                raise _NotANumber(text)
            pending = (pending or Decimal(0)) + Decimal("0." + "".join(str(_DIGIT[t]) for t in tokens[i + 1:end]))
            i = end
            continue
        if token in _DIGIT or token[0].isdigit():
            if pending is not None:  # 「三四万」 is a range, not a number
                raise _NotANumber(text)
            if token == "零" or token == "〇":
                after_zero = True
            else:
                pending = Decimal(_DIGIT[token]) if token in _DIGIT else Decimal(token.replace(",", ""))
        elif token in _SMALL:
            unit = _SMALL[token]
            if unit >= small_floor:  # 「千百」 or 「百百」
                raise _NotANumber(text)
            section += (Decimal(1) if pending is None else pending) * unit
            pending, last_unit, after_zero, small_floor = None, unit, False, unit
        else:
            unit = _LARGE[token]
            value = section + (pending or 0)
            if value == 0:
                raise _NotANumber(text)
            total = (total + value) * unit if unit == _LARGE["亿"] else total + value * unit
            section, pending, last_unit, after_zero, small_floor = Decimal(0), None, unit, False, 10**4
        i += 1
    if pending is not None and last_unit and not after_zero and pending < 10 and pending == int(pending):
        pending *= Decimal(last_unit) / 10  # 「两万五」: a digit after a unit counts in the next unit down
    return total + section + (pending or 0)


# -- scanning ------------------------------------------------------------------------------------------
# Loose on purpose: anything shaped like a date is read as one, so 「2月30日」 is reported, not skipped.
_DATE = re.compile(rf"(?:(\d{{4}}|[{_CN}]{{4}})年)?(\d{{1,2}}|[{_CN}十]{{1,3}})月(\d{{1,2}}|[{_CN}十]{{1,4}})[日号]")
_YEAR = re.compile(rf"(?:\d{{4}}|[{_CN}]{{4}})年度?")
_RATE = re.compile(rf"(百分之|千分之)({_NUMBER})|({_NUMBER})\s*([%％‰])")
# 「M.D」「M/D」 (「5.20要交的税」) is a date only next to date words, since 「3.15」 is also a number; with a
# four-digit year (「2020-05-20」「2020.5.20」) it always is.
_DOTTED_DATE = re.compile(r"(?<![\d.,/-])(?:(\d{4})([./-]))?(\d{1,2})(?(2)\2|[./])(\d{1,2})(?![\d.,%％‰万千百亿元块个人名位岁倍])")
_DATE_BEFORE = re.compile(r"(到期日|截止日|缴款日|日期|截止到|截至|原定|定于|定在|(延|推迟|拖|推)(期)?(到|至))\s*$")
_DATE_AFTER = re.compile(r"\s*[日号]?\s*(要|需|得|该|应|到期|截止|前|之前|以前|缴|交|申报|的税|那天|当天|这天)")
# 「半年」「一年半」: durations in months (not 「上半年」「下半年度」)
_HALF_YEAR = re.compile(rf"(?<![上下前后])半年(?!度)|({_NUMBER})个?年半")
# 「两百多万」「三十多个人」「十几人」「1万余元」: a rough figure, kept with its range; 「两个亿」 is 「两亿」.
_APPROX = r"多(?!少)|余|(?<=十)几"
_QUANTITY = re.compile(rf"(第)?((?:{_NUMBER})(?:个(?=亿))?(?:亿)?)(?:({_APPROX})([万亿])?)?\s*"
                       rf"(元人民币|人民币|块钱|元|块|圆|个季度|个多?月|"
                       rf"个(?=员工|职工|工人|人|雇员|店员|职员|伙计|服务员|营业员|销售员|司机|师傅)|人|名|位|"
                       rf"月份|月|年|[日号天岁倍次户家辆台件套吨斤米平])?")
_MONEY_CONTEXT = re.compile(r"租|费|缴|交|付|基数|本金|贷款|借|收入|营收|营业额|销售额|流水|资产|补贴|金额|工资|薪|标准|贴息|税|钱|"
                            r"社保|保险|养老|失业|工伤")
_PEOPLE_CONTEXT = re.compile(r"人数|员工|职工|从业人员|雇员|工人|参保")
_STOP = re.compile(r"[，,。；;！!？?\n、]")


def _span_free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _date(match: re.Match) -> DateValue:
    year_text, month_text, day_text = match.groups()
    try:
        year = DEFAULT_YEAR if year_text is None else int("".join(str(_DIGIT.get(c, c)) for c in year_text))
        month, day = int(chinese_number(month_text)), int(chinese_number(day_text))
    except (_NotANumber, ValueError):
        raise DateError(f"{match.group(0)!r} is not a date I can read; write it like 3月15日 or 2020年3月15日") from None
    if not 1 <= month <= 12:
        raise DateError(f"{match.group(0)!r} is not a date: the month must be 1–12, got {month}")
    try:
        return DateValue(dt.date(year, month, day), match.group(0), match.start(), match.end(), year_text is not None)
    except ValueError:
        last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        raise DateError(f"{match.group(0)!r} is not a date: {year}年{month}月 has days 1–{last}, got {day}") from None


def _dotted_date(text: str, match: re.Match) -> DateValue | None:
    """「2020-05-20」 always (an impossible one is an error); 「5.20」 only beside date words and when it exists."""
    year_text, _, month_text, day_text = match.groups()
    if year_text is None:
        if not (_DATE_BEFORE.search(text[:match.start()]) or _DATE_AFTER.match(text[match.end():])):
            return None
        month, day = int(month_text), int(day_text)
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(DEFAULT_YEAR, month)[1]:
            return None  # 「0.5」「3.45」: a number after all
        return DateValue(dt.date(DEFAULT_YEAR, month, day), match.group(0), match.start(), match.end(), False)
    year, month, day = int(year_text), int(month_text), int(day_text)
    if not 1 <= month <= 12:
        raise DateError(f"{match.group(0)!r} is not a date: the month must be 1–12, got {month}")
    try:
        return DateValue(dt.date(year, month, day), match.group(0), match.start(), match.end(), True)
    except ValueError:
        last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        raise DateError(f"{match.group(0)!r} is not a date: {year}年{month}月 has days 1–{last}, got {day}") from None


def parse_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in `text`, in order. Raises DateError for a day that does not exist (「2月30日」)."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _RATE.finditer(text):
        number_text, sign = (m.group(2), m.group(1)) if m.group(1) else (m.group(3), m.group(4))
        try:
            value = chinese_number(number_text)
        except _NotANumber:
            continue
        scale = 1000 if sign in ("千分之", "‰") else 100
        found.append(Rate(value / scale, m.group(0), m.start(), m.end()))
        taken.append(m.span())
    for m in _DATE.finditer(text):
        if _span_free(taken, *m.span()):
            found.append(_date(m))
            taken.append(m.span())
    for m in _DOTTED_DATE.finditer(text):
        if _span_free(taken, *m.span()) and (date := _dotted_date(text, m)) is not None:
            found.append(date)
            taken.append(m.span())
    taken += [m.span() for m in _YEAR.finditer(text) if _span_free(taken, *m.span())]
    for m in _HALF_YEAR.finditer(text):
        if not _span_free(taken, *m.span()):
            continue
        try:
            years = Decimal(0) if m.group(1) is None else chinese_number(m.group(1))
        except _NotANumber:
            continue
        if years == int(years) and years < 100:
            found.append(MonthCount(int(years) * 12 + 6, m.group(0), m.start(), m.end()))
            taken.append(m.span())
    for m in _QUANTITY.finditer(text):
        if not _span_free(taken, *m.span()) or m.group(1):  # 「第三个月」 is an ordinal, not a count
            continue
        try:
            value = chinese_number(m.group(2).replace("个", ""))
        except _NotANumber:
            continue
        quantity = _classify(text, m, value)
        if quantity is not None:
            found.append(quantity)
    return tuple(sorted(found, key=lambda q: q.start))


def _rough(value: Decimal, approx: str | None, scale: str | None) -> tuple[Decimal, Decimal | None]:
    """(lower bound, exclusive upper bound or None): 「两百多万」 → (2000000, 3000000), 「5万多」 → (50000, 60000),
    「十几」 → (10, 20): 多/余/几 add up to one unit of the number's last non-zero digit."""
    upper = None
    if approx and value > 0:
        upper = value + Decimal(10) ** value.normalize().as_tuple().exponent
    if scale:
        value *= _LARGE[scale]
        upper = None if upper is None else upper * _LARGE[scale]
    return value, upper


_NOBODY = re.compile(r"(个)?(人|员工|职工|工人|雇员|店员)?(都|也)?(没|不|未|无)")


def _classify(text: str, m: re.Match, value: Decimal) -> Quantity | None:
    unit, number_text, approx, scale = m.group(5) or "", m.group(2), m.group(3), m.group(4)
    value, upper = _rough(value, approx, scale)
    span = (m.group(0), m.start(), m.end())
    if unit in ("元人民币", "人民币", "块钱", "元", "块", "圆"):
        return Money(value, *span, upper=upper)
    if upper is not None and unit not in ("", "个", "人", "名", "位"):
        return None  # 「十多个月」「三年多」: no rule takes a rough duration
    if unit == "个季度":
        return MonthCount(int(value) * 3, *span) if value == int(value) else None
    if unit.startswith("个") and unit.endswith("月"):
        return MonthCount(int(value), *span) if value == int(value) else None
    if unit in ("个", "人", "名", "位"):
        if value == 1 and number_text == "一" and _NOBODY.match(text, m.end()):
            return None  # 「一个人都没裁」「一人未减」: nobody, not a headcount of one
        return Headcount(value, *span, upper=upper)
    if unit in ("月份", "月"):
        return CalendarMonth(int(value), *span) if value == int(value) and 1 <= value <= 12 else None
    if unit == "年":  # 「贷款期限1年」; four-digit years were masked before this, 「20年3月」 is a date
        is_term = value == int(value) and 0 < value < 100 and not re.match(rf"[\d{_CN}十]", text[m.end():m.end() + 1])
        return MonthCount(int(value) * 12, *span) if is_term else None
    if unit:
        return None  # 天, 倍, 平米 …: not a quantity any rule uses
    if re.search(r"[万亿千]", number_text) or scale:
        return Money(value, *span, upper=upper)  # 「月租8千」「两万五」「两百多万」: amounts said in 千/万 are money
    if number_text[0].isdigit():  # a bare 「12000」: what the words just before it are about decides
        before = _words_before(text, m.start())
        if _PEOPLE_CONTEXT.search(before):
            return Headcount(value, *span, upper=upper)
        if _MONEY_CONTEXT.search(before):
            return Money(value, *span, upper=upper)
    return None


def _words_before(text: str, start: int, limit: int = 10) -> str:
    window = text[max(0, start - limit):start]
    stops = [s.end() for s in _STOP.finditer(window)]
    return window[stops[-1]:] if stops else window


# -- English in mixed questions -------------------------------------------------------------------------
# Numbers, units and the rules' own words as owners write them in English → the Chinese the parser reads
# (「paid 1.3万」 → 「缴1.3万」, 「100 employees」 → 「100名员工」, 「9,500 yuan」 → 「9,500元」). Applied to each turn
# before parsing, so spans refer to the rewritten text. Longest phrases first; whole words; any case.
_NUM = r"(\d[\d,]*(?:\.\d+)?)"
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_EN_NUMBERED = tuple((re.compile(pattern, re.I), replacement) for pattern, replacement in (
    (rf"{_NUM}\s*k\b", r"\1千"), (rf"{_NUM}\s*thousand\b", r"\1千"), (rf"{_NUM}\s*million\b", r"\1百万"),
    (rf"{_NUM}\s*billion\b", r"\1十亿"),
    (rf"(?:RMB|CNY|[¥￥])\s*{_NUM}([万千百亿]*)", r"\1\2元"),
    (rf"{_NUM}([万千百亿]*)\s*(?:yuan|RMB|CNY|kuai)\b", r"\1\2元"),
    (rf"{_NUM}\s*(?:full[- ]time\s+)?(?:employees?|staff|workers?|people|persons?|heads?)\b", r"\1名员工"),
    (rf"{_NUM}\s*months?\b", r"\1个月"), (rf"{_NUM}\s*quarters?\b", r"\1个季度"), (rf"{_NUM}\s*years?\b", r"\1年"),
    # 「June 15」→「6月15日」; 「in June」→「6月」 (「May」 only as 「May 20」 or 「in May」: it is also a verb)
    (r"\b(" + "|".join(m for m in _EN_MONTHS if m != "may") + r"|(?-i:May))\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b",
     lambda m: f"{_EN_MONTHS.index(m.group(1).lower()) + 1}月{m.group(2)}日"),
    (r"\b(" + "|".join(m for m in _EN_MONTHS if m != "may") + r")\b",
     lambda m: f"{_EN_MONTHS.index(m.group(1).lower()) + 1}月"),
    (r"\b(in|by|to|on|until|till|before|after|from|since|of)\s+(?-i:May)\b", r"\1 5月"),
    (r"\bQ([1-4])\b", lambda m: "一二三四"[int(m.group(1)) - 1] + "季度"),
))
_EN_WORDS = {
    "unemployment insurance": "失业保险", "unemployment": "失业", "pension insurance": "养老保险",
    "pension": "养老保险", "endowment insurance": "养老保险", "work-injury insurance": "工伤保险",
    "work injury insurance": "工伤保险", "work-related injury": "工伤", "work-injury": "工伤", "work injury": "工伤",
    "occupational injury": "工伤", "medical insurance": "医疗保险", "health insurance": "医疗保险",
    "social insurance": "社保", "social security": "社保", "contributions": "缴费", "contribution": "缴费",
    "premiums": "保险费", "premium": "保险费", "contribution base": "缴费基数", "wage base": "缴费基数",
    "salary base": "缴费基数", "late fee": "滞纳金", "late fees": "滞纳金",
    "refund": "返还", "refunded": "返还", "rebate": "返还", "get back": "返还", "paid": "缴", "pay": "交",
    "no layoffs": "没裁员", "no lay-offs": "没裁员", "without layoffs": "没裁员", "no one laid off": "没裁员",
    "did not lay off": "没裁员", "didn't lay off": "没裁员", "layoffs": "裁员", "laid off": "裁员",
    "how much": "多少", "how many": "多少", "how long": "多久", "latest": "最晚",
    "last year": "去年", "this year": "今年", "annual": "年", "annually": "每年", "yearly": "每年",
    "per year": "每年", "a year": "一年", "monthly": "每月", "per month": "每月", "a month": "每月",
    "each month": "每月", "every month": "每月", "quarterly": "每季度", "per quarter": "每季度",
    "first quarter": "一季度", "half a year": "半年", "per person": "每人", "per head": "每人",
    "per employee": "每人", "each person": "每人", "each employee": "每人",
    "deferred": "缓缴", "defer": "缓缴", "postponed": "推迟", "postpone": "推迟", "delayed": "延迟",
    "delay": "延迟", "extend": "延期", "extended": "延期",
    "monthly rent": "月租", "rent": "房租", "landlord": "房东", "state-owned": "国有", "state owned": "国有",
    "private landlord": "私人房东",
    "interest subsidy": "贴息", "interest rate": "利率", "loan": "贷款", "principal": "本金", "tax": "税",
    "taxes": "税",
    "annual revenue": "年营业收入", "revenue": "营业收入", "turnover": "营业收入", "sales": "销售额",
    "total assets": "资产总额", "assets": "资产总额", "employees": "员工", "staff": "员工",
    "software company": "软件公司", "software": "软件", "restaurant": "饭店", "hotel": "酒店",
    "factory": "工厂", "manufacturer": "制造厂", "manufacturing": "制造", "supermarket": "超市",
    "retail": "零售", "retailer": "零售", "wholesale": "批发", "wholesaler": "批发", "logistics": "物流",
    "trucking": "货运", "warehouse": "仓库", "warehousing": "仓储", "courier": "快递", "construction": "建筑",
    "real estate developer": "房地产开发", "real estate": "房地产", "property developer": "房地产开发",
    "property management": "物业", "consulting": "咨询", "advertising": "广告", "farm": "农场",
    "hospital": "医院", "clinic": "诊所",
    "what size": "什么规模", "which size": "什么规模", "size class": "规模", "small or micro": "小型还是微型",
    "micro or small": "微型还是小型", "medium or small": "中型还是小型", "small or medium": "小型还是中型",
}
_EN_WORD = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(map(re.escape, _EN_WORDS), key=len, reverse=True))
                      + r")(?![A-Za-z])", re.I)


def from_english(text: str) -> str:
    """`text` with the English numbers, units and rule words the calculator needs rewritten in Chinese."""
    if not re.search(r"[A-Za-z¥￥]", text):
        return text
    for pattern, replacement in _EN_NUMBERED:
        text = pattern.sub(replacement, text)
    return _EN_WORD.sub(lambda m: _EN_WORDS[m.group(1).lower()], text)


# -- requests ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Turn:
    text: str
    quantities: tuple[Quantity, ...]
    current: bool  # the question itself; earlier turns lend a value only when its label says what it is

    def label(self, q: Quantity) -> str:
        """The words between the previous quantity (or clause break) and `q`: 「月租」 in 「月租8000元」."""
        previous_end = max((p.end for p in self.quantities if p.end <= q.start), default=0)
        return _words_before(self.text[previous_end:q.start], q.start - previous_end, limit=12)

    def of(self, kind: type, rough: bool = False) -> list:
        """The quantities of `kind`; rough ones (「两百多万」) only when the rule can use a range (`rough`)."""
        return [q for q in self.quantities if isinstance(q, kind) and (rough or getattr(q, "upper", None) is None)]

    def money(self, label: str, avoid: str = r"(?!)", fallback: bool = True, rough: bool = False) -> Money | None:
        """The first amount labelled `label`; else, in the question itself, the first amount at all.
        `avoid` is checked on the whole clause before it, so 「一年租金」 is not a monthly rent."""
        amounts = [q for q in self.of(Money, rough) if not re.search(avoid, _words_before(self.text, q.start))]
        labelled = [q for q in amounts if re.search(label, self.label(q))]
        if labelled:
            return labelled[0]
        return amounts[0] if amounts and fallback and self.current else None


_TAX = re.compile(r"税|\btax\b", re.I)
_FILING = re.compile(r"申报|报税|报不上|filing", re.I)
_PAYING = re.compile(r"缴|交|付|税款|payment|pay\b", re.I)
# 税/税款 + 延/缓/推迟/晚交: a payment deferral, not the policy's own period (「5月15日到期的税款…延到9月15日」)
_TAX_DEFER = re.compile(r"延|缓|推迟|晚交|晚缴|晚点|拖|往后|最晚|最迟|postpone|defer|extend|delay", re.I)
# 缓/延迟/补缴/没交…: the Q1 social-insurance deferral, whichever insurance the question names
_DEFER = re.compile(r"延期|晚交|晚缴|晚点交|推迟|缓|延迟|延缓|最晚|最迟|拖|往后|补缴|补交|补上|没交|未交|欠|交不上|交不起|"
                    r"(几|哪个?)月(份)?(再)?(交|缴)|delay|defer|postpone", re.I)
_PAY = re.compile(r"交|缴|付")
_RATE_WORDS = re.compile(r"费率|下调|降低|降了|减半|基数|比例")
_INSURANCE = re.compile(r"社保|社会保险|养老|失业|工伤|五险")
_JOB = re.compile(r"稳岗(补贴|补助)|暂时性[^。？?]{0,6}困难|失业保险金标准")
_REFUND = re.compile(r"稳岗返还|失业(保险)?(费)?[^？?]{0,40}(返|退(?!休))|(返还|退还|返|退)[^。？?]{0,8}失业")
# The policy's own period: strong wordings say so by themselves; weak ones (到期, 截止, 还能申请…) only when the
# question is about the policy or document (a loan or a tax bill also 到期).
_PERIOD_STRONG = re.compile(r"有效期|执行期|执行期限|还有效|有效吗|是否有效|还在执行|还执行吗|还算数|"
                            r"(执行|有效)到(什么时候|哪天|几号|几月|哪一?年)|(政策|意见|文件|措施|优惠)[^，。？?]{0,6}(多久|多长)|"
                            r"validity|valid\b|expire", re.I)
_PERIOD_WEAK = re.compile(r"到期|截止|过期|失效|(什么时候|哪天|几号|何时)(结束|截止|到期|为止|开始)|期限|从哪天|"
                          r"哪天(开始|起)|起算|管多久|管多长|还(能|可以)[^，。？?]{0,8}(享受|申请|办|减免|用)|还适用|还管用")
_ABOUT_POLICY = re.compile(r"政策|文件|意见|通知|措施|规定|优惠|好处|减免|policy", re.I)
_RENT = re.compile(r"房租|租金|月租|年租|季租|门面|店面|铺面|商铺|租的|租了|租用|承租|房东")
_SIZE_WORD = re.compile(r"大型|中型|小型|微型|小微|中小微|中小|规模|划型|企业类型|(什么|哪一?类|哪种)(企业|公司)")
_SIZE_ASK = re.compile(r"算不算|算是|算作|属于|属不属于|是不是|是否|划型|哪一?类|什么(规模|类型|企业)|够不够|能不能算|"
                       r"能否算|(吗|么|呢)[？?]?$")
# Asking for the size class itself (「算哪种？」「算哪档」「是中小微吗」): with a headcount or revenue that is enough.
_SIZE_CLASS = re.compile(r"算哪[种类档个样]|哪一[档类种级]|哪[档类种级](企业|公司)?|什么(规模|档|级别|类型|企业|公司)|"
                         r"多大规模|规模多大|属于什么|属于哪|算什么|"
                         r"是不是(中小微|小微|中小|小型|微型|中型|大型)|(中小微|小微|中小|小型|微型|中型|大型)(企业)?[吗么嘛]|"
                         r"(小型|微型|中型|大型)还是(小型|微型|中型|大型)")
_SIZE_INDICATOR = re.compile(r"营收|营业收入|收入|营业额|销售额|流水|资产|员工|职工|从业人员|人数|雇员")
_SIZE_AMOUNT = re.compile(r"营收|营业收入|收入|营业额|销售额|资产|产值|流水")
_WANTS_FIGURE = re.compile(r"多少|几|怎么算|算一下|算算|计算|能省|哪天|哪一天|哪个月|什么时候|最晚|最迟|到哪|"
                           r"算不算|属不属于|属于(哪|什么)|什么(规模|类型)")
_FOLLOW_UP = re.compile(r"呢[？?]?$|^(那|那么|如果|要是|假如)|第[一二三1-3]个?月")
# A question about another clause (loans, guarantees, arrears, departments) borrows no rule from history.
_OTHER_TOPIC = re.compile(r"担保|抽贷|断贷|压贷|续贷|清欠|拖欠|欠款|账款|货款|执法|罚款|技改|高新|部门|找谁|谁负责|归谁|解释")


def _is_sme(text: str, quantities: tuple[Quantity, ...]) -> bool:
    people = any(isinstance(q, Headcount) for q in quantities)
    figures = people or (bool(_SIZE_AMOUNT.search(text)) and any(isinstance(q, Money) for q in quantities))
    if _SIZE_CLASS.search(text) and figures:
        return True
    indicator = find_industry(text) or _SIZE_INDICATOR.search(text) or people
    return bool(_SIZE_WORD.search(text) and _SIZE_ASK.search(text) and indicator)


def _is_tax_deferral(text: str) -> bool:
    if not (_TAX.search(text) and _TAX_DEFER.search(text)) or _INSURANCE.search(text):
        return False
    return not (_FILING.search(text) and not _PAYING.search(text))  # 「延期申报」 is filing, not payment


def _is_insurance_deferral(text: str, quantities: tuple[Quantity, ...]) -> bool:
    if not _INSURANCE.search(text):
        return False
    if _DEFER.search(text):
        return True
    # 「4月份这三项要交多少」: asking what a month pays is the deferral schedule, unless it is about rates
    month = any(isinstance(q, CalendarMonth) for q in quantities)
    return month and bool(_PAY.search(text)) and not _RATE_WORDS.search(text)


def _is_period(text: str) -> bool:
    return bool(_PERIOD_STRONG.search(text) or (_PERIOD_WEAK.search(text) and _ABOUT_POLICY.search(text)))


def _topic(text: str, quantities: tuple[Quantity, ...]) -> str | None:
    """Which rule the words are about (an ordered list: the first that matches wins)."""
    checks = (
        ("sme_size", lambda: _is_sme(text, quantities)),
        ("tax_deferral", lambda: _is_tax_deferral(text)),
        ("insurance_deferral", lambda: _is_insurance_deferral(text, quantities)),
        ("interest_subsidy", lambda: "贴息" in text),
        ("job_subsidy", lambda: bool(_JOB.search(text))),
        ("unemployment_refund", lambda: bool(_REFUND.search(text))),
        ("work_injury", lambda: "工伤" in text),
        ("pension", lambda: "养老" in text),
        ("policy_period", lambda: _is_period(text)),
        ("rent_relief", lambda: bool(_RENT.search(text))),
    )
    return next((kind for kind, hit in checks if hit()), None)


HISTORY_TURNS = 3  # how many earlier user turns a follow-up may lean on


def parse_request(text: str, history: Sequence[str] = (), today: dt.date | None = None) -> Request | NeedsInput | None:
    """The calculator request a question asks for, a NeedsInput saying what to ask back, or None when the
    question wants no computation (a lookup). Values the question lacks may come from earlier user turns
    (「月租金1万元」 … 「能省多少钱？」). Raises CalculatorError only for an impossible date."""
    if not isinstance(text, str) or isinstance(history, str) or not all(isinstance(h, str) for h in history):
        raise CalculatorError(f"text must be a string and history a sequence of strings, got {text!r}, {history!r}")
    text = from_english(text)
    turns = [_Turn(text, parse_quantities(text), True)]
    earlier = []
    for turn in reversed(tuple(history)):
        turn = from_english(turn)
        try:
            earlier.append(_Turn(turn, parse_quantities(turn), False))
        except DateError:
            continue  # an old turn's bad date was reported when it was asked
    kind = _topic(text, turns[0].quantities)
    wants = bool(turns[0].quantities) or bool(_WANTS_FIGURE.search(text))
    if kind is None and earlier and not _OTHER_TOPIC.search(text) and (wants or _FOLLOW_UP.search(text)):
        # The conversation so far, read as one text from the nearest turn back: 「每月三项合计15000元」
        # + 「1到3月都没交」 + 「6月份要交多少？」 is the deferral schedule though no single turn says so.
        for n in range(1, min(len(earlier), HISTORY_TURNS) + 1):
            context = list(reversed(earlier[:n])) + turns
            joined = "；".join(t.text for t in context)
            found = _topic(joined, tuple(q for t in context for q in t.quantities))
            if found is not None:
                # 「那第三个月呢？」 computes only if some turn gave a number; otherwise it is a lookup follow-up
                kind, wants = found, wants or any(t.quantities for t in earlier[:n])
                break
    if kind is None or not (wants or kind == "policy_period"):
        return None
    request = _BUILDERS[kind](turns + earlier, today)
    return needs_input(request) or request


def _first(turns: list[_Turn], pick: Callable[[_Turn], object]):
    return next((found for t in turns if (found := pick(t)) is not None), None)


def _value(q) -> Decimal | None:
    return None if q is None else q.value


_OTHER_LANDLORD = re.compile(r"非国有|不是国有|不属于国有|私人|个人(的)?房|个人房东|房东是个人|民营|私企|私房|商业地产")
_STATE_LANDLORD = re.compile(r"国有|国企|国资|公房|政府(的)?房")


_QUARTER = r"季度|一季|每季|季租|季付"
_YEARLY = r"年租|每年|一年|全年|年付"
_PER_WORDS = {"quarter": (_QUARTER, r"按季度?(交|付|缴)|季付"), "year": (_YEARLY, r"按年(交|付|缴)|年付")}


def _rent(turns: list[_Turn], today) -> RentRequest:
    def landlord(t: _Turn) -> str | None:
        return "other" if _OTHER_LANDLORD.search(t.text) else "state" if _STATE_LANDLORD.search(t.text) else None

    def amount(t: _Turn) -> tuple[Money, str] | None:
        """The rent this turn states and what it is per: 「月租8000」 month, 「季度租金3万」 quarter, 「年租12万」 year."""
        monthly = t.money(r"月租|每月|一个月|租金|房租|租", avoid=f"{_YEARLY}|{_QUARTER}")
        if monthly is not None:
            if not re.search(r"月", t.label(monthly)):  # 「按季度交租…租金3万」: the clause before says the period
                per = next((per for per, (_, paid) in _PER_WORDS.items() if re.search(paid, t.text)), "month")
                return monthly, per
            return monthly, "month"
        for q in t.of(Money):
            before = _words_before(t.text, q.start)
            per = next((per for per, (words, _) in _PER_WORDS.items() if re.search(words, before)), None)
            if per and (re.search(r"租", before) or t.current):
                return q, per
        return None

    found = _first(turns, amount)
    rent, per = found if found else (None, "month")
    focus = _rent_focus(turns[0].text)
    if per == "month":
        return RentRequest(monthly_rent=_value(rent), landlord=_first(turns, landlord), asked=focus)
    return RentRequest(landlord=_first(turns, landlord), asked=focus, period_rent=_value(rent), per=per)


def _rent_focus(asked: str) -> str | tuple[str, ...] | None:
    """Which figures the question asks for, one per question clause, in the order asked: 「前两个月减免多少？
    第三个月又减免多少？」 asks two."""
    foci: list[str] = []
    for clause in re.split(r"[？?。；;！!\n]", asked):
        focus = ("month3" if re.search(r"第(三|3)个?月|最后一个月", clause)
                 else "months1_2" if re.search(r"前(两|2)个月|头(两|2)个月|第(一|二|1|2)个?月", clause)
                 else "relief" if re.search(r"少(交|付|缴)|省|减免?多少|免多少|优惠多少|便宜多少|能减", clause)
                 else "payable" if re.search(r"(要|需要|得|该)?(交|付|缴)多少", clause) else None)
        if focus is not None and focus not in foci:
            foci.append(focus)
    return None if not foci else foci[0] if len(foci) == 1 else tuple(foci)


# Premiums said per month or per quarter (「每月交失业保险850块」「每季度4200元」) are a year's worth only once
# multiplied: by the months or quarters the question names (「去年12个月」「四个季度」), else a full year.
_PER_QUARTER = re.compile(r"每季|每个季度|按季|季度(交|缴|付)")
_PER_MONTH = re.compile(r"每月|每个月|按月|月缴|月交|月均")
_PERIOD_MONTHS = {"month": 1, "quarter": 3}


def _refund(turns: list[_Turn], today) -> RefundRequest:
    def premiums(t: _Turn) -> tuple[Money, str | None, int | None] | None:
        paid = t.money(r"失业|保险费|保费|缴|交")
        if paid is None:
            return None
        before, after = _words_before(t.text, paid.start), t.text[paid.end:paid.end + 3]
        per = ("quarter" if _PER_QUARTER.search(before) or re.match(r"\s*/\s*(季|每季)", after)
               else "month" if _PER_MONTH.search(before) or re.match(r"\s*/\s*月|\s*每月", after) else None)
        if per is None:
            return paid, None, None
        step = _PERIOD_MONTHS[per]
        spans = [m.value for m in t.of(MonthCount) if 0 < m.value <= 12 and m.value % step == 0]
        return paid, per, (max(spans) // step if spans else None)

    found = _first(turns, premiums)
    if found is None:
        return RefundRequest()
    paid, per, periods = found
    if per is None:
        return RefundRequest(paid.value)
    return RefundRequest(periodic_amount=paid.value, per=per, periods=periods)


def _job(turns: list[_Turn], today) -> JobSubsidyRequest:
    employees = _first(turns, lambda t: next(iter(t.of(Headcount)), None))
    benefit = _first(turns, lambda t: t.money(r"标准|失业保险金|失业金|月人均", fallback=False))
    return JobSubsidyRequest(insured_employees=_value(employees), monthly_benefit=_value(benefit))


_PER_PERSON = re.compile(r"每人|人均|每个人|每名|每位|一个人|一人|平均")
_FIRM_TOTAL = re.compile(r"总额|合计|一共|全部|总共|全员|全公司|总")


def _pension(turns: list[_Turn], today) -> PensionRequest:
    """A base said per person (「每人缴费基数5000元」) or next to a headcount is multiplied by it; a firm's
    total (「工资总额10万」) is not."""
    def headcount(t: _Turn) -> Headcount | None:
        # 「一个人一个月交多少」 asks per person: a 「一个人」 is not a headcount of one
        return next((h for h in t.of(Headcount) if not (h.value == 1 and h.text.startswith("一"))), None)

    for t in turns:
        base = t.money(r"基数|工资|薪|收入")
        if base is None:
            continue
        said = _words_before(t.text, base.start)
        people = headcount(t)
        if people is None and _PER_PERSON.search(said):
            people = _first(turns, headcount)
        if _FIRM_TOTAL.search(said) and not _PER_PERSON.search(said):
            people = None
        return PensionRequest(base.value, _value(people))
    return PensionRequest(employees=_value(_first(turns, headcount)))


def _work_injury(turns: list[_Turn], today) -> WorkInjuryRequest:
    def old_rate(t: _Turn):
        rates = t.of(Rate)
        labelled = [r for r in rates if re.search(r"工伤|费率|原|以前|之前|现在|目前", t.label(r))]
        return (labelled or (rates if t.current else [None]))[0] if rates else None

    rate_q = _first(turns, old_rate)
    base = _first(turns, lambda t: t.money(r"基数|工资|薪|收入|总额", fallback=False))
    # 「工伤险原来每月要交2400块」: the contribution itself; at the same base it halves with the rate
    # (an amount said as after the cut — 「下调后每月交600」 — is not the old contribution)
    paid = None if base else _first(turns, lambda t: t.money(r"交|缴|付|保费|保险费|原来|以前|之前|每月|每年|工伤",
                                                              avoid=r"基数|工资|薪|收入|总额|后|现在", fallback=False))
    if base is None and paid is None:
        loose = turns[0].money(r"(?!)", avoid=r"后|现在")  # unlabelled: a base next to a rate, else what was paid
        base, paid = (loose, None) if rate_q is not None else (None, loose)
    per = None
    if paid is not None:
        said = _words_before(next(t for t in turns if paid in t.quantities).text, paid.start)
        per = "month" if re.search(r"月", said) else "year" if re.search(r"年", said) else None
    return WorkInjuryRequest(old_rate=_value(rate_q), wage_base=_value(base), old_amount=_value(paid), per=per)


_COVERED = {"养老": "养老保险", "失业": "失业保险", "工伤": "工伤保险"}
_TOGETHER = re.compile(r"合计|一共|总共|共计|总计|加起来|一起|[两三几]项|三险|社保|社会保险|共")
_RANGE_END = re.compile(rf"[\d{_CN}十]月?份?\s*(到|至|-|—|~|～)\s*$")
_RANGE_START = re.compile(rf"\s*(到|至|-|—|~|～)\s*[\d{_CN}十]")


def _deferral(turns: list[_Turn], today) -> DeferralRequest:
    def components(t: _Turn):
        parts = {}
        for q in t.of(Money):
            label = t.label(q)
            clause = re.split(r"[，,。；;！!？?\n]", t.text[:q.start])[-1]
            previous_end = max((p.end for p in t.quantities if p.end <= q.start), default=0)
            since_previous = re.split(r"[，,。；;！!？?\n]", t.text[previous_end:q.start])[-1]
            if (_TOGETHER.search(label) or sum(word in clause for word in _COVERED) > 1 and _TOGETHER.search(clause)
                    or sum(word in since_previous for word in _COVERED) > 1):
                # 「养老、失业、工伤三项一共2万元」「pension + unemployment + work-injury … 9,500」: the monthly
                # total, not the work-injury part (「养老5000+失业200」 names one insurance before each amount)
                continue
            names = [n for word, n in _COVERED.items() if word in label]
            if len(names) == 1 and names[0] not in parts:
                parts[names[0]] = q.value
        return tuple(parts.items()) or None

    parts = _first(turns, components) or ()
    amount = None if parts else _value(_first(turns, lambda t: t.money(
        r"社保|社会保险|每月|月|合计|一共|共|[两三几]项|养老|失业|工伤", avoid=r"医疗|医保")))
    return DeferralRequest(monthly_amount=amount, components=parts, asked_month=_asked_month(turns[0]))


def _asked_month(t: _Turn) -> int | None:
    """The calendar month a question asks about: not the end of a range (「1到3月都缓了」), and preferably the
    one the payment words follow (「4月份这三项要交多少」)."""
    months = [q for q in t.of(CalendarMonth)
              if not _RANGE_END.search(t.text[:q.start]) and not _RANGE_START.match(t.text[q.end:])]
    paying = [q for q in months if re.search(r"交|缴|付|补", re.split(r"[，,。；;！!？?\n]", t.text[q.end:])[0])]
    chosen = (paying or months or [None])[0]
    return None if chosen is None else chosen.value


def _interest(turns: list[_Turn], today) -> InterestRequest:
    annual_rate = _first(turns, lambda t: next(iter(t.of(Rate)), None))
    months = _first(turns, lambda t: next(iter(t.of(MonthCount)), None))
    principal = _first(turns, lambda t: t.money(r"贷款|借|本金|融资|贷", fallback=annual_rate is not None))
    total = None if principal else _first(turns, lambda t: t.money(r"贴息"))
    return InterestRequest(total_subsidy=_value(total), principal=_value(principal),
                           annual_rate=_value(annual_rate), months=_value(months))


def _tax(turns: list[_Turn], today) -> TaxDeferralRequest:
    """The first date not introduced as a target is the due date; a later date said as 「延到/延至…」 (in the
    question itself) is the date the user wants to pay by."""
    def due(t: _Turn):
        dates = t.of(DateValue)
        return next((d for d in dates if not _TARGET.search(t.label(d))), dates[0] if dates else None)

    due_q = _first(turns, due)
    asked = turns[0]
    months = next(iter(asked.of(MonthCount)), None)
    wanted = month = None
    if months is None and due_q is not None:
        wanted = next((d for d in asked.of(DateValue)
                       if d is not due_q and d.value > due_q.value and _TARGET.search(asked.label(d))), None)
        if wanted is None:  # 「延到11月」: a month, not a day
            month = next((m for m in asked.of(CalendarMonth)
                          if m.value != due_q.value.month and _TARGET.search(asked.label(m))), None)
    return TaxDeferralRequest(due_date=_value(due_q), requested_months=_value(months), requested_date=_value(wanted),
                              requested_month=_value(month))


_TARGET = re.compile(r"(延|推迟|拖|缓|晚|推|改)[^，。？?]{0,3}(到|至)$|(延|拖|推)期?(到|至)|到$|至$")


def _period(turns: list[_Turn], today) -> PeriodRequest:
    on = next(iter(turns[0].of(DateValue)), None)
    return PeriodRequest(on=_value(on), today=today)


def _sme(turns: list[_Turn], today) -> SmeRequest:
    """Rough indicators (「两百多万」) are kept as ranges: the class is given when the whole range agrees."""
    industry = _first(turns, lambda t: find_industry(t.text))
    employees = _first(turns, lambda t: next(iter(t.of(Headcount, rough=True)), None))
    assets = _first(turns, lambda t: t.money(r"资产", fallback=False, rough=True))
    revenue = _first(turns, lambda t: t.money(r"营收|营业收入|收入|营业额|销售额|产值|流水", avoid=r"资产", rough=True))
    given = (("employees", employees), ("revenue_yuan", revenue), ("assets_yuan", assets))
    ranges = tuple((name, q.upper) for name, q in given if q is not None and q.upper is not None)
    return SmeRequest(industry=industry[1] if industry else None, employees=_value(employees),
                      revenue_yuan=_value(revenue), assets_yuan=_value(assets), ranges=ranges)


_BUILDERS: dict[str, Callable[[list[_Turn], dt.date | None], Request]] = {
    "rent_relief": _rent, "unemployment_refund": _refund, "job_subsidy": _job, "pension": _pension,
    "work_injury": _work_injury, "insurance_deferral": _deferral, "interest_subsidy": _interest,
    "tax_deferral": _tax, "policy_period": _period, "sme_size": _sme,
}
