"""A question's numbers and units → typed quantities with their spans.

Parse, don't validate: 「月租八千」 becomes Money(8000, "八千", …) before any arithmetic (「2.5w」 is 25000: w after
digits is owners' shorthand for 万); `assistant.requests` turns the quantities plus the question's words into one
rule's request. A bare number's words decide what it is (「月租3000」), or, in a list, the bare number's before it
(「一季度2100，二季度2300」). Ranges are the calculator's business, so
a quantity is read as written, sign and all: 「月租-8000元」 is Money(-8000) for the rule to refuse, never 8000;
「1.5e3元」 is 1500. Only two things are refused here, each as a CalculatorError naming the text: a date that
does not exist (「2月30日」, DateError) and a quantity too large or small to be any amount, count or duration
(10^100 or more, as 「1e400元」, or a non-zero one under 10^-100; AmountError). Rough figures keep their range and
only the size standard uses them: 「两百多万」「800来万」, digits said together (「九十七八个」「一百零几」), a figure
bounded from above (「将近300人」「不到三个亿」), and a figure refined by a restatement in brackets right after it
(「将近一百人（九十七八个）」). Capital numerals (「贰万肆仟元整」) are read as the everyday ones, and a figure corrected
later in the same text (「七千二，哦不对，是八千四」) gives way to the correction (see `assistant.corrections`).
Rates may be said as 百分之/千分之/万分之 N or N%/‰/‱ (「万分之八」 0.0008). Money keeps the 角 and 分 owners say after 块 (「六百八十五块五」 685.5, 「三块二毛五」 3.25); an area (「80平米」「120㎡」)
is an Area, for rents quoted per square metre; staff are counted in 个/人/名/位/号人/口子 (「一百个整」「三十来口子」), a
round count less a few is that count less them (「差一个就三百人」 299, 「一百人差两个」 98), 「三百出头」 is rough as 「三百多」,
and `staff_total` sums staff counted group by group (「司机十二个、操作工八个」 20), not customers nor a total said again.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import MAX_EMAX, MIN_EMIN, ROUND_CEILING, Context, Decimal, InvalidOperation, localcontext
from typing import Callable

from assistant.calculator import AmountError, DateError
from assistant.corrections import CORRECTION, passed_over, superseded

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
class Area:
    value: Decimal  # square metres: 「80平米」「八十平方」「120㎡」
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CalendarMonth:
    value: int  # 「4月份」 → 4
    text: str
    start: int
    end: int


Quantity = Money | Rate | Headcount | DateValue | MonthCount | CalendarMonth | Area

# -- numerals ------------------------------------------------------------------------------------------
_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
CN_DIGITS = "零〇一二两三四五六七八九"
_EXPONENT = r"(?:[eE][+-]?\d+)?"  # 「1.5e3」: read as 1500, not as 「1.5」 and 「3」
_ARABIC = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?{_EXPONENT}|\d+(?:\.\d+)?{_EXPONENT}"
# 「1.2万」「3千5」「1万2千」, or all-Chinese 「一百二十万」「两万五」「三点五」 (a run must start with a digit or 十)
# 「2.5w」「3W元」: w after digits is owners' shorthand for 万 (not before another letter: 「5wifi」 is none)
_W = r"[wW](?![A-Za-z])"
_K = r"[kK](?![A-Za-z])"  # 「8k」「1.2k」: 千
# 「36.8 w」「贷款 300 万」: one space may stand before a large unit after digits, as owners type on phones
# each unit-and-digits step atomic: a long run (「2万零2万零…」「1万2万3万…」) is read in one pass, not re-split
_NUMBER = (rf"(?:{_ARABIC})(?>(?:[十百千万亿]|[ \u00a0]?(?=[千万亿wWkK])(?:[千万亿]|{_W}|{_K}))+(?:零(?:{_ARABIC})(?![个天年月日号岁])|(?:{_ARABIC}))?)*"
           rf"|[{CN_DIGITS}十](?:[{CN_DIGITS}十百千万亿]|点(?=[{CN_DIGITS}]))*")
_TOKEN = re.compile(rf"{_ARABIC}|[{CN_DIGITS}]|[十百千万亿]|点")
# 「贰万肆仟元整」: the capital numerals of contracts and receipts stand for the everyday ones, one character each,
# so a text read with them replaced keeps its spans. In running text only a run of two or more numeral characters
# (「壹拾万」「陆万」) or one before 元/圆/月/日/号 is a number: 陆 in 大陆, 肆 in 肆虐, 拾 in 收拾 are words.
_CAPITALS = "壹贰貳叁肆伍陆陸柒捌玖拾佰仟萬億"
_PLAIN = str.maketrans(_CAPITALS, "一二二三四五六六七八九十百千万亿")
# a run with no digit in it (「拾万火急」) is a word unless a unit follows (「拾万元」)
_CAPITAL_DIGIT = re.compile(r"[壹贰貳叁肆伍陆陸柒捌玖两零〇]")
_CAPITAL_RUN = re.compile(rf"[{_CAPITALS}零〇两万亿]*[{_CAPITALS}][{_CAPITALS}零〇两万亿]*")


def _plain_numerals(text: str) -> str:
    """`text` with its capital numerals (「贰万肆仟」) written as everyday ones (「二万四千」), spans unchanged."""
    return _CAPITAL_RUN.sub(lambda m: m.group(0).translate(_PLAIN) if len(m.group(0)) > 1 and _CAPITAL_DIGIT.search(
        m.group(0)) or re.match(r"[元圆月日号]", text[m.end():m.end() + 1]) else m.group(0), text)


class _NotANumber(Exception):
    pass


class _OutOfRange(Exception):
    """A number at or beyond 10^100 (or a non-zero one below 10^-100): no amount, count or duration is."""

    def __init__(self, text: str, large: bool) -> None:
        super().__init__(text)
        self.large = large


MAX_EXPONENT = 100
# Exact for every number below 10^100, with room for any fraction anyone writes; the exponent range is the
# widest there is, so no token read makes decimal arithmetic overflow before the range check refuses it.
_WIDE = Context(prec=400, Emax=MAX_EMAX, Emin=MIN_EMIN)


def readable(value: Decimal | int) -> bool:
    """Whether a value is in the range quantities are read in: 0, or 10^-100 ≤ |value| < 10^100."""
    return value == 0 or -MAX_EXPONENT <= Decimal(value).adjusted() < MAX_EXPONENT


def _arabic(token: str) -> Decimal:
    try:
        value = Decimal(token.replace(",", ""))
    except InvalidOperation:  # an exponent beyond even decimal's range (「1e99999999999999999999」)
        raise _OutOfRange(token, large="-" not in token) from None
    if not readable(value):
        raise _OutOfRange(token, large=value.adjusted() > 0)
    return value


def number_or_none(text: str) -> Decimal | None:
    """chinese_number, or None for text that is no number (「二十八九」) or one out of range."""
    try:
        return chinese_number(text)
    except (_NotANumber, _OutOfRange):
        return None


def chinese_number(text: str) -> Decimal:
    """「两万五」→25000, 「一百二十万」→1200000, 「1.2万」→12000, 「三点五」→3.5, 「1,200,000」→1200000, 「1e4」→10000.
    Capital numerals are read as the everyday ones: 「贰万肆仟」→24000.
    Raises _NotANumber for text that is no number and _OutOfRange for one outside `readable`."""
    text = text.translate(_PLAIN)
    if re.match(r"\d", text):
        text = re.sub(r"[ \u00a0]", "", text)
        text = re.sub(_K, "千", re.sub(_W, "万", text))  # only after a digit, as _NUMBER reads it
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != text or not tokens:
        raise _NotANumber(text)
    with localcontext(_WIDE):
        value = _tokens_value(text, tokens)
    if not readable(value):
        raise _OutOfRange(text, large=value.adjusted() > 0)
    return value


def _tokens_value(text: str, tokens: list[str]) -> Decimal:
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
                pending = Decimal(_DIGIT[token]) if token in _DIGIT else _arabic(token)
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
_DATE = re.compile(rf"(?:(\d{{4}}|[{CN_DIGITS}]{{4}})年)?(\d{{1,2}}|[{CN_DIGITS}十]{{1,3}})月"
                   rf"(\d{{1,2}}|[{CN_DIGITS}十]{{1,4}})[日号]")
_YEAR = re.compile(rf"(?:\d{{4}}|[{CN_DIGITS}]{{4}})年度?")
# 「0.5个点」「一个百分点」「一个半点」: a rate in percentage points, as owners and bankers say it; 「150个基点」 in basis
# points (0.01% each)
_RATE = re.compile(rf"(百分之|千分之|万分之)({_NUMBER})|({_NUMBER})\s*([%％‰‱]|个百分点|个点|个基点|基点|个半百分点|个半点)")
# 「M.D」「M/D」 (「5.20要交的税」) is a date only next to date words, since 「3.15」 is also a number; with a
# four-digit year (「2020-05-20」「2020.5.20」) it always is.
_DOTTED_DATE = re.compile(r"(?<![\d.,/-])(?:(\d{4})([./-]))?(\d{1,2})(?(2)\2|[./])(\d{1,2})(?![\d.%％‰万千百亿元块个人名位岁倍年月周天期eEwWkK]|,\d)")
_DATE_BEFORE = re.compile(r"(到期日|截止日|缴款日|日期|截止到|截至|原定|定于|定在|(延|推迟|拖|推)(期)?(到|至)|"
                          r"(缴款|缴税|申报|纳税)?期限(是|为)|(到期|截止)(日)?(是|为))\s*$")  # 「缴款期限是3.31」
_DATE_AFTER = re.compile(r"\s*[日号]?\s*(要|需|得|该|应|到期|截止|前|之前|以前|缴|交|申报|的税|那天|当天|这天)")
# 「半年」「一年半」: durations in months (not 「上半年」「下半年度」)
_HALF_YEAR = re.compile(rf"(?<![上下前后])半年(?!度)|({_NUMBER})个?年半")
_WHOLE_YEAR = re.compile(r"[一1]整年|整一年")  # 「交了一整年」: 12 months
# 「两百多万」「三十多个人」「十几人」「1万余元」: a rough figure, kept with its range; 「两个亿」 is 「两亿」.
# 「二十来个人」「一百来人」: 来 after a round number is rough too, in headcounts and before 万/亿 (「800来万」 is
# 800–900万, not 800元 over some 来); 「八千来块」 stays 8000. 「一百零几」 is 101–109.
_APPROX = r"多(?!少)|余|(?<=[十零])几|(?<=[十百千0])来(?=个|人|名|位|号人|口子|口人|[万亿])"
# what 「12个…」 counts as people: 「12个快递员」「3个厨师」 (not 「5个分店」)
_STAFF_WORDS = ("员工|职工|工人|雇员|店员|职员|伙计|服务员|营业员|销售员|收银员|快递员|业务员|配送员|送货员|技术员|"
                "司机|师傅|骑手|厨师|保安|保洁|客服|导购|工程师|老师|教师|护士|医生|会计|学徒|"
                "小哥|码农|程序员|设计师|小伙子?|小姑娘|姑娘|阿姨|大姐|帮工|小工|临时工|钟点工|工友|技师|文员|助理|"
                "正式工|合同工|劳务工|季节工|长期工|短期工|兼职|返聘|促销员|装卸工|帮厨|"
                "后厨|厨子|跑堂|传菜员|服务生|前台|店长|经理|工作人员|徒弟|帮手|保姆|电工|焊工|木工|瓦工|普工|技工|"
                "操作工|搬运工|装卸工|理发师|美发师|美容师|发型师|调度员|调度|驾驶员|操作员|药剂师|按摩师|保育员|育婴师|"
                "管理人员|技术人员|行政人员")
# the verbs that name people by what they do (「跑销售的」「拣货打包的」「开车的」; not what they make: 「做的有八百个」)
_DOERS = "跑|做|管|开|干|送|拣|装|搬|修"
_STAFF = f"{_STAFF_WORDS}|人"
# 「20个快递小哥」「8个装修师傅」: a trade, then a word for people; not a place (「3个门店员工」 counts shops) nor a
# thing (「5个项目工人」 counts projects)
_QUALIFIED_STAFF = (rf"(?:(?![店厂部门处间家层室地场点站区组队楼栋院所校园科项品批台辆款件])[\u4e00-\u9fff]){{1,2}}"
                    rf"(?:{_STAFF_WORDS})")
# 「我和老婆俩人」「仨人」: colloquial counts, read only as headcounts (「俩」 is no digit elsewhere)
_PAIR = re.compile(r"(俩|仨)(?:个)?(?=人|名|位)")
# 「六百八十五块五」「三块二毛五」「5块5毛」「二十块零五分」: 角 and 分 after 块/元, as owners say prices. A lone digit after
# 块 is 角 only when said in Chinese and where the figure plainly ends (「八千块五险一金」「两千块一个月」「三千块一起交」
# are 8000, 2000, 3000; 「8000元1、2月免收」 is 8000).
_TAIL_DIGIT = r"[一二三四五六七八九1-9]"
_TAIL_END = (r"(?=$|[\s，,。；;！!？?：:）)\]/／～~—-]|钱|的|了|吧|呢|啊|呀|左右|上下|算|交|缴|付|每|"
             r"一(?:天|日|个?月|年|个?季|个?平|㎡))")  # 「两块五一平」「两块五一天」: the price, then what it is per
_CENTS = (rf"(?:(?:(?<=[块元圆])(?:({_TAIL_DIGIT})[毛角](?:({_TAIL_DIGIT})(?:分|{_TAIL_END}))?|[零〇]({_TAIL_DIGIT})分)"
          rf"|(?<=块)([一二三四五六七八九1-9]){_TAIL_END})(?:钱)?)?")  # 「每平米每天1块2算」
# 「80平米」「八十平方」「120㎡」「200个平方」: an area (not 「平均」「平方公里」)
_AREA_UNITS = r"个?平方米|个?平方(?!公里|千米)|个?平米|个?平(?![均安常时台稳衡价方板面房层顶])|㎡|[mM]²|[mM]2(?!\d)"
_AREA = re.compile(_AREA_UNITS)
_QUANTITY = re.compile(rf"(第)?((?:{_NUMBER})(?:个(?=(?:多|余)?亿))?(?:亿)?)(?:({_APPROX})([万亿])?)?\s*"
                       rf"(元人民币|人民币|块钱|元|块|圆|个季度|个多?月|"
                       rf"个(?={_STAFF}|{_QUALIFIED_STAFF}|每人|每个人|每名|每位)|号人|口子|口人|人|名|位|"
                       rf"{_AREA_UNITS}|"
                       rf"月份|月|年|[日号天岁倍次户家辆台件套吨斤米平])?{_CENTS}")
_MONEY_CONTEXT = re.compile(r"租|费|缴|交|付|(?<!风)险|基数|本金|贷款|借|收入|营收|营业额|销售额|流水|资产|补贴|金额|工资|薪|标准|贴息|税|钱|"
                            r"社保|医保|保险|养老|失业|工伤|续约|涨价|降价")
_PEOPLE_CONTEXT = re.compile(r"人数|员工|职工|从业人员|雇员|工人|参保")
_STOP = re.compile(r"[，,。；;！!？?\n、]")
_FULL_STOP = re.compile(r"[。！!？?\n]")  # a sentence's end (a ； goes on with the same matter)


def _span_free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _not_a_day(said: str, year: int, month: int, day: int) -> DateError:
    if not 1 <= month <= 12:
        return DateError(f"「{said}」不是有效日期：月份应在 1–12 之间，收到 {month}")
    if not 1 <= year <= 9999:
        return DateError(f"「{said}」不是有效日期：年份应在 1–9999 之间，收到 {year}")
    last = calendar.monthrange(year, month)[1]
    return DateError(f"「{said}」不是有效日期：{year}年{month}月只有 1–{last} 日，收到 {day}")


def _day(said: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _not_a_day(said, year, month, day) from None


def _date(match: re.Match) -> DateValue:
    year_text, month_text, day_text = match.groups()
    try:
        year = DEFAULT_YEAR if year_text is None else int("".join(str(_DIGIT.get(c, c)) for c in year_text))
        month, day = int(chinese_number(month_text)), int(chinese_number(day_text))
    except (_NotANumber, _OutOfRange, ValueError):
        raise DateError(f"「{match.group(0)}」不是能读的日期，请写成「3月15日」或「2020年3月15日」") from None
    day_value = _day(match.group(0), year, month, day)
    return DateValue(day_value, match.group(0), match.start(), match.end(), year_text is not None)


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
    day_value = _day(match.group(0), int(year_text), int(month_text), int(day_text))
    return DateValue(day_value, match.group(0), match.start(), match.end(), True)


def _out_of_range(said: str, large: bool) -> AmountError:
    bound = f"数值须小于 10^{MAX_EXPONENT}" if large else f"不为 0 的数值须不小于 10^-{MAX_EXPONENT}"
    return AmountError(f"「{said}」超出了能计算的范围（{bound}），不是任何金额、人数或期限；"
                       f"请写实际的数值，例如「月租8000元」")


# A minus sign before a quantity (「月租-8000元」「负8000元」) makes it negative, for the rule to refuse. A dash
# right after a number or unit is a range or a subtraction (「5000-8000元」「3人-5人」), and one inside a word
# (「COVID-19」) is no sign either.
_SIGNS = "-−－﹣"
_NUMBER_END = re.compile(rf"(?:[\d{CN_DIGITS}十百千万亿%％‰元块圆人名位个)）\]】.,]|个月|季度)$")


def _sign_at(text: str, start: int) -> int | None:
    """Where the sign of the quantity starting at `start` is, or None when it has none."""
    if start == 0:
        return None
    if text[start - 1] == "负":
        return start - 1
    if text[start - 1] not in _SIGNS:
        return None
    before = text[:start - 1]
    if before[-1:].isascii() and before[-1:].isalnum():
        return None
    return None if _NUMBER_END.search(before.rstrip()[-2:]) else start - 1


def _signed(text: str, q: Quantity) -> Quantity:
    at = _sign_at(text, q.start)
    if at is None or isinstance(q, (DateValue, CalendarMonth)):
        return q
    changes = {"value": -q.value, "text": text[at:q.end], "start": at}
    if isinstance(q, (Money, Headcount)):
        changes["upper"] = None  # 「负两百多万」: refused anyway, as a negative amount
    return replace(q, **changes)


def parse_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in `text`, in order, but for those corrected later in it (「七千二，哦不对，是八千四」: only
    8400; see `assistant.corrections`). Raises DateError for a day that does not exist (「2月30日」) and
    AmountError for a quantity outside `readable` (「1e400元」)."""
    found = _scan(text)
    pairs = superseded(text, found, _about(text))
    gone = [old for old, _ in pairs] + list(passed_over(text, found, pairs))
    kept = tuple(_per_group(text, q) for q in found if not any(q is old for old in gone))
    return _staff_changed(text, kept)


# 「原来8个人，上月底走了一个」「8个人，年后又招了2个」: people who left or joined since the count said before; a count
# said as what is left (「…，现在48个」「剩下6个」) is the headcount itself
_LEFT = r"走了|离职了?|辞职了?|辞了|退休了?|裁了|调走了?"
_JOINED = r"又招了?|新招了?|招了|新来了?|又来了?|新进了?|新增了?"
_STAFF_CHANGE = re.compile(rf"(?:个|名|位|号)?(?:人|{_STAFF_WORDS})?\s*[，,]\s*[^，,。；;！!？?\d{CN_DIGITS}十比]{{0,6}}?"
                           rf"(?:(?P<left>{_LEFT})|(?P<joined>{_JOINED}))\s*"
                           rf"(?P<count>\d{{1,4}}|[{CN_DIGITS}十百]{{1,4}})\s*(?:个人|个|名|位|人)(?:{_STAFF_WORDS})?"
                           r"(?=$|[，,。；;！!？?\s])")  # people, not 「走了3个客户」「少了3个月收入」「新增了3个岗位」
_NOW = re.compile(r"(?:现在|目前|眼下|如今|剩下|还剩|只剩|剩)(?:的|下)?(?:还有|只有|就|是|有|共|一共|\s)*$")


def _staff_changed(text: str, found: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """`found` with a headcount and the changes said right after it (see _STAFF_CHANGE) as one headcount:
    「原来8个人，上月底走了一个」 is 7 people, 「员工52个，上个月走了4个，现在48个」 48. A rough count stays as said."""
    for h in (q for q in found if isinstance(q, Headcount) and q.upper is None):
        if re.search(r"平均|去年|上年|前年", words_before(text, h.start)):
            continue  # a past year's count or an average is what it was (「去年参保30个人，今年走了5个」)
        total, end = h.value, h.end
        while (m := _STAFF_CHANGE.match(text, end)) and (count := number_or_none(m.group("count"))) is not None:
            total, end = total - count if m.group("left") else total + count, m.end()
        if end == h.end:
            continue
        inside = [q for q in found if h.end <= q.start and q.end <= end]
        now = next((q for q in found if isinstance(q, Headcount) and end <= q.start
                    and _NOW.search(text[end:q.start].lstrip("，, "))), None)
        if now is not None and not re.search(r"[。；;！!？?]", text[end:now.start]):
            return tuple(q for q in found if q is not h and not any(q is i for i in inside))
        if total <= 0:
            continue
        changed = Headcount(total, text[h.start:end], h.start, end)
        return tuple(changed if q is h else q for q in found if not any(q is i for i in inside))
    return found


# 「两个班组，每组11个人」「3个车间，每个车间20人」: a headcount said per group, for a number of groups said before it
_GROUPS = r"班组|小组|组|车间|门店|分店|店|班|工地|网点|工段|队"
_GROUP_COUNT = re.compile(rf"(\d{{1,3}}|[{CN_DIGITS}十]{{1,3}})\s*个\s*(?:{_GROUPS})")
_EACH_GROUP = re.compile(rf"(?:每|各)\s*个?\s*(?:{_GROUPS})[^，,。；;！!？?\d{CN_DIGITS}]{{0,4}}$")


def _per_group(text: str, q: Quantity) -> Quantity:
    """A headcount said per group (see _EACH_GROUP) times the groups said just before, as one headcount; any other
    quantity as it is."""
    if not isinstance(q, Headcount) or q.upper is not None or not _EACH_GROUP.search(text[max(0, q.start - 8):q.start]):
        return q
    groups = [*_GROUP_COUNT.finditer(text, max(0, q.start - 24), q.start)]
    count = number_or_none(groups[-1].group(1)) if groups else None
    if count is None or count != int(count) or count < 2:
        return q
    return Headcount(q.value * count, text[groups[-1].start():q.end], groups[-1].start(), q.end)


def parse_continuing(text: str, said_before: str) -> tuple[Quantity, ...]:
    """The quantities of `text` read as going on from `said_before`: a turn that corrects a figure
    (「哦，说错了，是每个月八百六」) names no money word, but the turn it corrects did (「失业险每个月交九百二」).
    Offsets are into `text`; quantities of `said_before` are not returned."""
    joined = re.sub(r"[。！!？?；;\n]", "，", said_before.rstrip("。！!？?；; \n")) + "，"
    return tuple(replace(q, start=q.start - len(joined), end=q.end - len(joined))
                 for q in parse_quantities(joined + text) if q.start >= len(joined))


def corrections(text: str) -> tuple[tuple[Quantity, Quantity], ...]:
    """(corrected, correcting) for each figure a later one in `text` replaces: 「一个亿，不对，是九千八百万」."""
    return superseded(text, _scan(text), _about(text))


def _about(text: str) -> Callable[[Quantity], frozenset[str]]:
    """What the words right before a quantity say it is about: {"资产"} for 「资产总额一个亿」."""
    def about(q: Quantity) -> frozenset[str]:
        said = words_before(text, q.start, limit=12)
        return frozenset(m.group(0) for words in (_MONEY_CONTEXT, _PEOPLE_CONTEXT) for m in words.finditer(said))
    return about


def _scan(said: str) -> tuple[Quantity, ...]:
    """Every quantity in `said`, in order, with the text as said (capital numerals and all)."""
    text = _plain_numerals(said)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _RATE.finditer(text):
        number_text, sign = (m.group(2), m.group(1)) if m.group(1) else (m.group(3), m.group(4))
        try:
            value = chinese_number(number_text)
        except _NotANumber:
            continue
        except _OutOfRange as out:
            raise _out_of_range(m.group(0), out.large) from None
        scale = {"千分之": 1000, "‰": 1000, "万分之": 10000, "‱": 10000, "个基点": 10000, "基点": 10000}.get(sign, 100)
        value += Decimal("0.5") if sign.startswith("个半") else 0
        rate = _signed(text, Rate(value / scale, m.group(0), m.start(), m.end()))
        found.append(rate)
        taken.append((rate.start, rate.end))
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
        except (_NotANumber, _OutOfRange):
            continue  # an out-of-range 「…年半」 is refused below, as a 「…年」
        if years == int(years) and years < 100:
            half = _signed(text, MonthCount(int(years) * 12 + 6, m.group(0), m.start(), m.end()))
            found.append(half)
            taken.append((half.start, half.end))
    for m in _WHOLE_YEAR.finditer(text):
        if _span_free(taken, *m.span()):
            found.append(MonthCount(12, m.group(0), m.start(), m.end()))
            taken.append(m.span())
    taken += [m.span() for m in SHORT_OF.finditer(text) if _span_free(taken, *m.span())]
    for m in _PAIR.finditer(text):
        if _span_free(taken, *m.span()):
            end = m.end() + 1  # with its 人/名/位
            found.append(Headcount(Decimal(2 if m.group(1) == "俩" else 3), text[m.start():end], m.start(), end))
            taken.append((m.start(), end))
    # 「一季度2100，二季度2300」「分别是8、10、12人」「4个人基数3000，另外4个人5000」: a bare number with no words of
    # its own is what the bare number before it in the sentence was read as
    listed: type | None = None
    previous_end = 0
    for m in _QUANTITY.finditer(text):
        if _SENTENCE_END.search(text, previous_end, m.start()):
            listed = None
        previous_end = m.end()
        if not _span_free(taken, *m.span()) or m.group(1):  # 「第三个月」 is an ordinal, not a count
            continue
        try:
            value, pair_upper = _read(m.group(2).replace("个", ""))
        except _NotANumber:
            continue
        except _OutOfRange as out:
            value, pair_upper, large = None, None, out.large
        # An out-of-range number is refused only if it is a quantity at all (「增长1e400倍」 is none); a stand-in
        # value decides that, since only the unit and the words around it do.
        quantity = _classify(text, m, Decimal(1) if value is None else value, listed, pair_upper)
        if quantity is None and _bare(m) and _RESTATES.search(text, 0, m.start()):
            # 「标准大概一千三百多，经办窗口给的准数是1360」「…，具体是1360」: the figure restated is what it was said as
            last = max((q for q in found if q.end <= m.start() and isinstance(q, (Money, Headcount))
                        and not _SENTENCE_END.search(text, q.end, m.start())), key=lambda q: q.end, default=None)
            if last is not None:
                quantity = _classify(text, m, Decimal(1) if value is None else value, type(last), pair_upper)
        if _bare(m):
            listed = type(quantity) if quantity is not None else listed
        if quantity is None:
            continue
        if value is None or not readable(quantity.value):
            raise _out_of_range(m.group(0).strip(), large if value is None else quantity.value.adjusted() > 0)
        found.append(_bounded(text, _signed(text, quantity)))
    quantities = _restated(text, sorted(found, key=lambda q: q.start))
    return quantities if text == said else tuple(replace(q, text=said[q.start:q.end]) for q in quantities)


_RESTATES = re.compile(rf"(?:{CORRECTION.pattern})\s*$")


def _rough(value: Decimal, approx: str | None, scale: str | None, number_text: str = "",
           upper: Decimal | None = None) -> tuple[Decimal, Decimal | None]:
    """(lower bound, exclusive upper bound or None): 「两百多万」 → (2000000, 3000000), 「5万多」 → (50000, 60000),
    「十几」 → (10, 20): 多/余/几/来 add up to one unit of the number's last non-zero digit; 「一百零几」 → (101, 110).
    `upper` is a range the digits themselves said (「九十七八」, see `_read`)."""
    if upper is None and approx == "几" and number_text.endswith(("零", "〇")):
        value, upper = value + 1, value + 10  # 几 after 零 is the ones digit
    elif upper is None and approx and value > 0:
        upper = _one_more(value)
    if scale:
        value *= _LARGE[scale]
        upper = None if upper is None else upper * _LARGE[scale]
    return value, upper


def _one_more(value: Decimal) -> Decimal:
    """`value` plus one unit of its last non-zero digit: the exclusive end of 「value多」 (300 → 400, 98 → 99)."""
    return value + Decimal(10) ** value.normalize().as_tuple().exponent


# 「九十七八」「十八九」「三四万」「两三个」: the last two digits consecutive say a range (97–98), not one number
_DIGIT_PAIR = re.compile(r"(.*?)([一二两三四五六七八])([二三四五六七八九])([十百千万亿]*)")


def _read(number_text: str) -> tuple[Decimal, Decimal | None]:
    """(value, exclusive upper bound or None): a number, or the range two consecutive digits say: 「九十七八」 →
    (97, 99), 「三四万」 → (30000, 50000), as 「四万多」 ends. Raises _NotANumber / _OutOfRange as chinese_number."""
    try:
        return chinese_number(number_text), None
    except _NotANumber:
        pair = _DIGIT_PAIR.fullmatch(number_text)
        if pair is None or _DIGIT[pair.group(3)] != _DIGIT[pair.group(2)] + 1:
            raise
        prefix, low, high, units = pair.groups()
        return chinese_number(prefix + low + units), _one_more(chinese_number(prefix + high + units))


# 「将近300个工人」「差几个不到300」: just under the figure, read as its last tenth (270 to under 300) — a convention,
# since no one says 「将近300」 of 200; 「不到三个亿」「不足50人」 only caps it: anything from 0 up to under it.
_NEARLY = re.compile(r"(?:将近|接近|(?<![最附靠临将接])近|(?<![赶加尽很])快|"
                     r"差(?:一点儿?|点儿?|一些|几个|一两个|[一两几]个人)?不到)\s*$")
_BELOW = re.compile(r"(?:不到|不足|不满|没到|没有到|少于|低于)\s*$")
NEARLY_SHARE = Decimal("0.9")


def _bounds_before(text: str, start: int, value: Decimal, whole: bool) -> tuple[int, Decimal] | None:
    """(where the words start, lower bound) when 将近/不到… right before `start` bound a figure from above."""
    if (nearly := _NEARLY.search(text, 0, start)) is not None:
        low = value * NEARLY_SHARE
        return nearly.start(), low.to_integral_value(ROUND_CEILING) if whole else low
    if (below := _BELOW.search(text, 0, start)) is not None:
        return below.start(), Decimal(0)
    return None


# 「差一个就三百人」「差两个到一百」「三百人差一个」: a headcount said as a round figure less a few is that figure less
# them (299, 98), exactly; 「差几个就三百」 is just under it, as 将近 (see _NEARLY). 「三百出头」「八百万出头」 is a little
# over it, read as 「三百多」 (300 up to under 400).
_SHORT_COUNT = rf"([一两二三四五六七八九几1-9])\s*(?:个|名|位)?\s*(?:人)?"
_SHORT_BEFORE = re.compile(rf"差\s*{_SHORT_COUNT}\s*(?:就|才|便)?\s*(?:到|满|够|凑够|凑满|是)?\s*$")
_SHORT_AFTER = re.compile(rf"\s*(?:还)?差\s*{_SHORT_COUNT}")
SHORT_OF = re.compile(rf"差\s*[一两二三四五六七八九几1-9]\s*(?:个|名|位|人)")  # the few short, never a headcount itself
_A_BIT_OVER = re.compile(r"\s*(?:个|人|名|位)?\s*出头")


def _short_of(text: str, q: Quantity) -> Quantity:
    """A headcount said as 「差一个就三百人」「三百人差两个」 → the count it stands for; 「三百出头」 → its range."""
    if not isinstance(q, (Money, Headcount)) or q.upper is not None or q.value <= 0:
        return q
    if _A_BIT_OVER.match(text, q.end):
        return replace(q, upper=_one_more(q.value))
    if not isinstance(q, Headcount):
        return q
    before, after = _SHORT_BEFORE.search(text, 0, q.start), _SHORT_AFTER.match(text, q.end)
    said = before or after
    if said is None:
        return q
    start, end = (before.start(), q.end) if before else (q.start, after.end())
    if said.group(1) == "几":
        low = (q.value * NEARLY_SHARE).to_integral_value(ROUND_CEILING)
        return replace(q, value=low, upper=q.value, text=text[start:end], start=start, end=end)
    less = Decimal(_DIGIT.get(said.group(1)) or int(said.group(1)))
    if less >= q.value:
        return q
    return replace(q, value=q.value - less, text=text[start:end], start=start, end=end)


def _bounded(text: str, q: Quantity) -> Quantity:
    """An exact amount or headcount said as 「将近300人」「不到三个亿」 → the range it stands for (see _NEARLY)."""
    q = _short_of(text, q)
    if not isinstance(q, (Money, Headcount)) or q.upper is not None or q.value <= 0:
        return q
    whole = isinstance(q, Headcount) and q.value == q.value.to_integral_value()
    bounds = _bounds_before(text, q.start, q.value, whole)
    if bounds is None or bounds[1] >= q.value:
        return q
    start, low = bounds
    return replace(q, value=low, upper=q.value, text=text[start:q.end], start=start)


# 「将近一百人（九十七八个）」「两个多亿（不到三个亿）」: a figure restated in brackets right after it (with at most the
# words for what it counts between) is refined by the restatement.
_BRACKETS = re.compile(r"[（(]([^（）()]{1,24})[）)]")
_RESTATED_BEFORE = re.compile(r"\s*(?:大概|大约|约|差不多|估计|其实|实际上?|准确(?:地)?说|也就|就)?\s*")
_RESTATED_AFTER = re.compile(r"\s*(?:个|人|名|位|号人|口子|元|块)?\s*(?:左右|上下|吧)?\s*")
_COUNTED = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,6}")


def _restatement(text: str, start: int, end: int, whole: bool) -> tuple[Decimal, Decimal | None] | None:
    """(value, exclusive upper or None) of the one figure text[start:end] restates, or None when it says more."""
    m = _QUANTITY.search(text, start, end)
    if m is None or m.group(1) or not _RESTATED_AFTER.fullmatch(text, m.end(), end):
        return None
    try:
        value, upper = _read(m.group(2).replace("个", ""))
    except (_NotANumber, _OutOfRange):
        return None
    value, upper = _rough(value, m.group(3), m.group(4), m.group(2), upper)
    bounds = _bounds_before(text, m.start(), value, whole) if upper is None else None
    lead_end = m.start() if bounds is None else bounds[0]
    if not _RESTATED_BEFORE.fullmatch(text, start, lead_end):
        return None
    return (value, upper) if bounds is None else (bounds[1], value)


def _restated(text: str, found: list[Quantity]) -> tuple[Quantity, ...]:
    """`found` with each figure restated in brackets right after it refined by the restatement, which it absorbs."""
    for brackets in _BRACKETS.finditer(text):
        before = [q for q in found if q.end <= brackets.start()]
        inside = [q for q in found if brackets.start() <= q.start and q.end <= brackets.end()]
        if not before or not isinstance(q := before[-1], (Money, Headcount)):
            continue
        if not _COUNTED.fullmatch(text, q.end, brackets.start()) or any(type(i) is not type(q) for i in inside):
            continue
        said = _restatement(text, brackets.start(1), brackets.end(1), isinstance(q, Headcount))
        if said is None:
            continue
        low, upper = said
        # the restatement must be about this figure: inside its range, or near an exact one (「300人（297个）」)
        near_low, near_high = (q.value * NEARLY_SHARE, q.value / NEARLY_SHARE) if q.upper is None else (q.value, q.upper)
        if low > near_high or (low if upper is None else upper) < near_low:
            continue
        if q.upper is not None and upper is not None and max(low, q.value) < min(upper, q.upper):
            low, upper = max(low, q.value), min(upper, q.upper)  # both ranges: what both allow
        refined = replace(q, value=low, upper=upper, text=text[q.start:brackets.end()], end=brackets.end())
        found = [refined if f is q else f for f in found if f not in inside]
    return tuple(found)


_PEOPLE_UNITS = ("个", "人", "名", "位", "号人", "口子", "口人")  # 「二百来号人」「三十来口子」
_NOBODY = re.compile(r"(个)?(人|员工|职工|工人|雇员|店员)?(都|也)?(没|不|未|无)")
_NONE_MISSED = re.compile(r"(都|也)?(没|未|不)(断|停|落|少|漏|欠|拉|差|缺)")


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _bare(m: re.Match) -> bool:
    """A number said with no unit, scale or rough word (「3000」): its kind comes from the words around it."""
    return not (m.group(3) or m.group(4) or m.group(5)) and m.group(2)[0].isdigit() and not re.search(
        r"[万亿千wWkK]", m.group(2))


def _cents(m: re.Match) -> Decimal:
    """The 角 and 分 said after 块/元 (「块五」 0.5, 「块二毛五」 0.25, 「块零五分」 0.05), else 0 (see _CENTS)."""
    jiao, fen, only_fen, bare = (m.group(i) for i in (6, 7, 8, 9))
    return sum((Decimal(_DIGIT.get(said) or int(said)) / scale
                for said, scale in ((jiao, 10), (fen, 100), (only_fen, 100), (bare, 10)) if said), Decimal(0))


def _classify(text: str, m: re.Match, value: Decimal, listed: type | None = None,
              pair_upper: Decimal | None = None) -> Quantity | None:
    unit, number_text, approx, scale = m.group(5) or "", m.group(2), m.group(3), m.group(4)
    value, upper = _rough(value, approx, scale, number_text, pair_upper)
    span = (m.group(0), m.start(), m.end())
    if unit == "块" and number_text == "一" and not _cents(m) and (
            re.match(r"儿|问|聊|办|弄|商量", text[m.end():])
            or re.search(r"[加合凑放在到搁这那哪]$", text[:m.start()])):
        return None  # 「仨加一块」「放在一块儿」「养殖这一块」「俩事一块问」: together or a field, not one yuan
    if unit in ("元人民币", "人民币", "块钱", "元", "块", "圆"):
        return Money(value + _cents(m) if upper is None else value, *span, upper=upper)
    if upper is not None and unit not in ("", *_PEOPLE_UNITS):
        return None  # 「十多个月」「三年多」「八十多平」: no rule takes a rough duration or area
    if unit and (area := _AREA.match(text, m.start(5))) is not None and area.end() == m.end(5):
        return Area(value, *span)
    if unit == "个季度":
        return MonthCount(int(value) * 3, *span) if value == int(value) else None
    if unit.startswith("个") and unit.endswith("月"):
        if value == 1 and number_text == "一" and _NONE_MISSED.match(text, m.end()):
            return None  # 「一个月没断」「一个月都没落下」: not one month, every month
        return MonthCount(int(value), *span) if value == int(value) else None
    if unit in _PEOPLE_UNITS:
        if value == 1 and number_text == "一" and _NOBODY.match(text, m.end()):
            return None  # 「一个人都没裁」「一人未减」: nobody, not a headcount of one
        if unit == "口子" and number_text == "两":
            return None  # 「我们两口子开的店」: the couple who own it, not a count of staff
        return Headcount(value, *span, upper=upper)
    if unit in ("月份", "月"):
        return CalendarMonth(int(value), *span) if value == int(value) and 1 <= value <= 12 else None
    if unit == "年":  # 「贷款期限1年」; four-digit years were masked before this, 「20年3月」 is a date
        is_term = (value == int(value) and 0 < value < 100
                   and not re.match(rf"[\d{CN_DIGITS}十]", text[m.end():m.end() + 1]))
        return MonthCount(int(value) * 12, *span) if is_term else None
    if unit:
        return None  # 天, 倍, 平米 …: not a quantity any rule uses
    if _SPAN_START.match(text, m.end()) and value == int(value) and 1 <= value <= 12 and not scale:
        return None  # 「1到3月」「4-12月」: the month a span starts with, not an amount or a count
    before = _SAID_BEFORE.sub("", words_before(text, m.start()))
    listing = _SAID_BEFORE.sub("", words_before(text, m.start(), 16, _LIST_STOP))  # 「保安、保洁、维修工正好」
    if (_STAFF_SAID.search(before) or _STAFF_SAID.search(listing)) and _COUNT_AFTER.match(text, m.end()):
        return Headcount(value, *span, upper=upper)  # 「店员正好50个」「工人一共三十个」: people named, then counted
    if _PER_PERIOD.search(before) and _COUNT_AFTER.match(text, m.end()) and _PEOPLE_CONTEXT.search(_sentence_of(text, m.start())):
        # 「参保的职工，上半年每个月26个，下半年每个月31个」: a count per month in a sentence about people
        return Headcount(value, *span, upper=upper)
    if re.search(r"[万亿千wWkK]", number_text) or scale:
        # 「月租8千」「两万五」「两百多万」: amounts said in 千/万 are money, unless people were named last and the
        # number is said in 百/千 (「从业人员一千二」; 「员工两万五」 is more likely a wage than a headcount)
        in_thousands = not re.search(r"[万亿wWkK]", number_text) and not scale
        kind = Headcount if in_thousands and _named_last(before) is Headcount else Money
        return kind(value, *span, upper=upper)
    composed = len(number_text) >= 2 and re.search("[十百千]", number_text)  # 「一百二十」, not 「一直」's 一
    if (number_text[0].isdigit() or composed) and not re.match(r"\s*(?:[个项份张][\u4e00-\u9fff]|[间处套栋])", text[m.end():]):
        # a bare 「12000」 or 「一百二」 (not 「租了3个门面」「租了2间，」, a count of things): what the words just before it are
        # about decides (the words since the last number and its people: in 「4个员工5000」 员工 are the 4, not the
        # 5000), the nearest first: 「员工工资8000」 is a wage
        if _PRICED_BEFORE.search(words_before(text, m.start())) or _PRICED_AFTER.match(text, m.end()):
            return Money(value, *span, upper=upper)  # 「每平米每月95」「95一平米」: a price per square metre
        if (_PEOPLE_THEN_LEVEL.search(words_before(text, m.start())) and _LEVEL_OF.search(_sentence_of(text, m.start()))
                and ("," in number_text or value >= 1000)):  # 「…俩人变成22」 may be the new headcount
            # 「三险…3月新来了俩人变成9,230」: the amount the new people brought it to, not a count of them
            return Money(value, *span, upper=upper)
        kind = _named_last(before)
        if kind is not None:
            return kind(value, *span, upper=upper)
        if _PER_PERIOD.search(before) and (_MONEY_CONTEXT.search(_sentence_of(text, m.start()))
                                           or _MONEY_CONTEXT.search(words_before(text, m.start(), 30, _FULL_STOP))):
            # 「失业保险按月交，1到6月每月800」: a per-month figure in a sentence about paying is money; so is one
            # after a clause about it (「三险1月6,300…缓着没交；4月起每月都是6,400」), back to the last full stop
            return Money(value, *span, upper=upper)
        if (_AFTER_MONTH.search(text, 0, m.start()) and (value > 31 or value != int(value))
                and (_MONEY_CONTEXT.search(_sentence_of(text, m.start()))
                     or CORRECTION.search(_sentence_of(text, m.start())))):  # 「…记错了，…2月是9,350」: corrected
            # 「社保…1月9500、2月1万」: a figure said right after a month is that month's amount (one up to 31 may
            # be a day: 「3月15」)
            return Money(value, *span, upper=upper)
        if listed is not None and not _MONTHS_LISTED.match(text, m.end()):
            return listed(value, *span)  # listed after one read from its words (see parse_quantities)
    return None


# a word for people, then only words like 正好/一共/大概 before the number (「店员正好50个」)
# 「程序员、产品、测试一共九十九个」「快递员加分拣员二百九十九个」: a list that opens with people counts them all;
# 「办公室加跑销售的二十五个」: people named by what they do
_STAFF_SAID = re.compile(rf"(?:{_STAFF_WORDS}|人数|人手|从业人员|(?:{_DOERS})(?!得)[\u4e00-\u9fff]{{1,3}}的)"
                         rf"(?:(?:、|加|和|跟|及|还有|带)[\u4e00-\u9fff]{{1,4}}?)*"
                         rf"(?:正好|刚好|恰好|一共|总共|共|合计|加起来|大概|大约|"
                         rf"差不多|约|有|就|才|只有|也就|是|将近|接近|近|快|不到|不足|\s|"
                         # 「店员连我一共13个」: the owner counted in
                         rf"(?:连|包括|算上|加上|含)(?:我|老板)(?:自己)?(?:在内)?)*$")
_COUNT_AFTER = re.compile(r"\s*个(?:整儿?|左右|上下|出头)?(?:了|吧|呢|啊)?(?![\u4e00-\u9fff])")  # 「一百个整」
# 「每平米每月95」「单平租金95」 before a bare number, 「95/平米」「95一平米」 after it: a price per square metre
SQUARE_METRE = rf"\s*(?:{_AREA_UNITS})"  # the unit, as prices say it: 「每平米」「/㎡」「一个平方」
_PRICED_BEFORE = re.compile(rf"(?:每|单)\s*{SQUARE_METRE}(?:每个?|一个?|的|按|租金|月租|日租|年租|季租|价格?|是|要|"
                            rf"大概|大约|约|[月天日年]|季度?|\s)*$")
_PRICED_AFTER = re.compile(rf"\s*(?:[/／]|每|一)\s*{SQUARE_METRE}")
# 「每个工位一个月1200」 in a sentence about rent; 「4月起每月都是6,400」
_PER_PERIOD = re.compile(r"(每个?月|一个月|每季度?|月均|每年)(?:都|也|还|就)?(?:是|为)?\s*$")
_MONTHS_LISTED = re.compile(r"(?:\s*[、，,和及与]\s*\d{1,2})+\s*月")  # 「4、5、6月」: the 4 is a month, not a listed amount
_SPAN_START = re.compile(rf"\s*(?:到|至|-|—|~|～)\s*(?:1[0-2]|[1-9]|十[一二]?|[{CN_DIGITS}])\s*月(?!\d|[{CN_DIGITS}十]+[日号])")
# (「2月也是9,870」「2月是9,350」: the month's amount said again or corrected)
_AFTER_MONTH = re.compile(rf"(?<![\d.])(?:1[0-2]|[1-9]|十[一二]?|[{CN_DIGITS}])\s*月份?\s*(?:也|都|还|仍)?(?:是|为)?\s*$")


_PER_PERSON = re.compile(r"每(个|位|名)?(人|员工|职工|工人)|人均(?!参保)|[发给]了?$")


_LEVEL_OF = re.compile(rf"{_MONEY_CONTEXT.pattern}|养老|失业|工伤|医保|社保")  # what new people raise
_PEOPLE_THEN_LEVEL = re.compile(rf"(?:俩|仨|\d+|[{CN_DIGITS}十]+)\s*(?:个|名|位)?人[^，,。；;\d]{{0,2}}"
                                r"(?:变成|变为|涨到|涨成|增加到|增至|降到|成了)\s*$")


def _named_last(before: str) -> type | None:
    """Headcount or Money: which kind of words `before` names last (None when neither). An amount per person
    or paid to them (「每个员工八千」「给员工发了八千」) is money whoever is named."""
    if _PER_PERSON.search(before):
        return Money
    people = max((m.end() for m in _PEOPLE_CONTEXT.finditer(before)), default=-1)
    money = max((m.end() for m in _MONEY_CONTEXT.finditer(before)), default=-1)
    if people < 0 and money < 0:
        return None
    return Headcount if people > money else Money


def _sentence_of(text: str, start: int) -> str:
    """The text before `start`, back to the last sentence end."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    return text[ends[-1] if ends else 0:start]


_SAID_BEFORE = re.compile(rf"^.*\d\s*(?:个|名|位)?(?:{_STAFF})?")


# 「两个阿姨一个大姐」「3个厨师、2个服务员和1个收银员」: staff counted role by role, each count right after the last
_NEXT_ROLE = re.compile(rf"(?:{_QUALIFIED_STAFF}|{_STAFF_WORDS})\s*(?:和|跟|与|及|、|，|,|加上?|还有|另外|外加)?\s*")
_ROLE_AFTER = re.compile(rf"\s*(?:{_QUALIFIED_STAFF}|{_STAFF_WORDS})")


# 「医生护士二十六个，美容师、前台和保洁一共七十四个」「司机十二个、操作工八个」: staff counted group by group, each
# group's roles named before its count. A role is a word for staff or a trade ending in 师/员/工/手 (美容师, 调度员); not
# customers (会员, 学员), nor a total said again (「…，员工一共二十个」「其中」 splits the count before it).
_ROLE = (rf"(?:[\u4e00-\u9fff]{{0,4}}(?:{_STAFF_WORDS}|调度|(?<!会)(?<!学)(?<!团)(?<!党)(?<!议)(?<!社)(?<!成)(?<!球)员|"
         rf"(?<!律)(?<!大)师|(?<!加)(?<!施)(?<!打)(?<!用)(?<!开)(?<!复)(?<!完)工|(?<!选)(?<!对)(?<!歌)手)|"
         # 「办公室加跑销售的二十五个」: staff named by where they sit or what they do
         rf"(?:办公室|车间|仓库|门市部?|行政|财务|研发)(?:里|上)?的?|(?:{_DOERS}|看|搞)(?!得)[\u4e00-\u9fff]{{1,3}}的)")
_GROUP_UNIT = re.compile(r"\s*(?:个|名|位|人|号人)?(?:人)?")
_GROUP_GAP = re.compile(r"\s*(?:[，,、；;]|和|跟|与|及|还有|另外|另有|加上?|外加)\s*(?:还有|另外|另有|加上?)?\s*")
_GROUP_ROLES = re.compile(rf"(?:(?:{_ROLE})\s*(?:[、，,和跟与及/]|加上?)?\s*){{1,6}}"
                          rf"(?:正好|刚好|一共|总共|共|合计|加起来|有|是|\s)*")
_GROUP_TOTAL = re.compile(r"员工|职工|从业人员|人数|总人数|工作人员|全体|总共|一共|合计|总计|加起来|其中|全部|所有")


# 「正式工260个，另外常年用着45个临时工」「另外签了劳务合同的临时工8个」: staff of another kind added to the count
# before; not a part of it (「其中临时工10个」「里面有4个是返聘的」)
_EXTRA = re.compile(r"[^。；;！!？?]{0,3}(?:另外|另有|还有|加上|外加|再加上?|以及)(?:(?!其中|里|当中|中间|中有)[^。；;！!？?，,]){0,12}$")
_OTHER_KIND = re.compile(r"临时|兼职|劳务|季节|返聘|实习|外包|小时工|钟点工|派遣|短期|帮厨|促销|装卸")


def _extra_staff(text: str, last: Quantity, q: Quantity) -> bool:
    """Whether headcount `q` counts staff of another kind said as in addition to `last` (see _EXTRA)."""
    between = text[last.end:q.start]
    return bool(_EXTRA.search(between)) and bool(_OTHER_KIND.search(between + text[q.end:q.end + 6]))


def _next_group(text: str, last: Quantity, q: Quantity) -> bool:
    """Whether headcount `q` is the next group of staff after `last`, its roles named between them."""
    unit = _GROUP_UNIT.match(text, last.end)
    gap = _GROUP_GAP.match(text, unit.end())
    if gap is None:
        return False
    roles = _GROUP_ROLES.fullmatch(text, gap.end(), q.start)
    if roles is None:
        return False
    named = text[gap.end():q.start]
    return not re.match(rf"\s*(?:{_GROUP_TOTAL.pattern})", named) and not re.match(r"^(?:员工|职工|从业人员|工作人员)",
                                                                                   named)


def staff_total(text: str, quantities: tuple[Quantity, ...]) -> Headcount | None:
    """The first headcount, summed with the ones listed right after it by role: 「两个阿姨一个大姐」 → 3 people,
    「司机十二个、操作工八个」 → 20. Rough counts are not summed (the first stands)."""
    people = [i for i, q in enumerate(quantities) if isinstance(q, Headcount)]
    if not people:
        return None
    first = last = quantities[people[0]]
    total = first.value
    # 「店里一共12个人，送外卖的5个」: after a total, the groups named are parts of it
    said_total = re.search(r"(?:一共|总共|合计|共有|加起来|全部)\s*$", words_before(text, first.start))
    for q in quantities[people[0] + 1:] if not said_total else ():
        if not (isinstance(q, Headcount) and first.upper is None and q.upper is None
                and ((_NEXT_ROLE.fullmatch(text, last.end, q.start) and _ROLE_AFTER.match(text, q.end))
                     or _next_group(text, last, q) or _extra_staff(text, last, q))):
            break
        total, last = total + q.value, q
    return with_listed(text, first, total, last.end)


def with_listed(text: str, first: Headcount, total: Decimal | None = None, end: int | None = None,
                role: re.Pattern[str] | None = None) -> Headcount:
    """`first` (counted up to `total` at `end`) with the counts listed after it, each with its role or place
    (each matching `role` when given): 「发型师一百八十个、助理一百个、前台收银二十个」, 「厂里31人、门市部8人」."""
    total, end = (first.value, first.end) if total is None or end is None else (total, end)
    while first.upper is None and (m := _MORE_IN_LIST.match(text, end)) and not _NOT_A_ROLE.search(m.group("role")) \
            and (role is None or role.search(m.group("role"))):
        count = number_or_none(m.group("count"))
        if count is None or count != int(count) or count <= 0:
            break
        total, end = total + count, m.end()
    if end == first.end:
        return first
    return Headcount(total, text[first.start:end], first.start, end)


# after a count of people, a list goes on with 「、」 (a comma may start 「其中…」「一共…」 or the customers: 「老师十个，学员三百个」)
_MORE_IN_LIST = re.compile(rf"\s*(?:个|人|名|位)?(?:人)?\s*、\s*(?:还有|另外|外加|加上?)?\s*(?P<role>[\u4e00-\u9fff]{{1,6}}?)\s*"
                           rf"(?P<count>\d{{1,5}}|[{CN_DIGITS}十百千]{{1,6}})\s*(?:个人|个|人|名|位)(?=[、，,。；;！!？?\s]|$)")
# words of a list item that make its figure no count of people: money, time, area, age
_NOT_A_ROLE = re.compile(r"月|季|年|天|周|万|元|块|收入|营收|营业|资产|平米|平方|亩|岁|其中|一共|共|合计|学员|会员|学生|客户|顾客")


_LIST_STOP = re.compile(r"[，,。；;！!？?\n]")  # a clause's ends, a list's 、 kept


def named_after(words: str, unless: str = "") -> re.Pattern[str]:
    """What a figure is, said right after it (matched at the figure's end): 「800管理费」「两万押金」「4.5万利息」; not when
    `unless` follows the word (「水电另算」 says how a charge goes, not that the figure is one)."""
    return re.compile(rf"\s*(?:元|块)?钱?的?(?:{words})" + (f"(?!{unless})" if unless else ""))


def words_before(text: str, start: int, limit: int = 10, stop: re.Pattern[str] = _STOP) -> str:
    window = text[max(0, start - limit):start]
    stops = [s.end() for s in stop.finditer(window)]
    return window[stops[-1]:] if stops else window
