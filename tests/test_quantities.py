"""The quantity parser: every example format, what is not a quantity, rough figures, durations and dates in
every spelling, and properties (Chinese numerals round-trip; spans point at the quantity text)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from hypothesis import given, settings, strategies as st

from assistant.calculator import AmountError, DateError, InterestRequest, JobSubsidyRequest, NeedsInput
from assistant.quantities import (
    CalendarMonth, DateValue, Headcount, Money, MonthCount, Rate, chinese_number, parse_quantities, readable,
)
from assistant.requests import parse_request
from tests.question_texts import texts, to_chinese


def only(text: str):
    found = parse_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,value", [
    ("2万元", "20000"), ("1.2万", "12000"), ("3.6万元", "36000"), ("12000元", "12000"), ("8千", "8000"),
    ("八千元", "8000"), ("两万五", "25000"), ("1,200,000元", "1200000"), ("一百二十万", "1200000"),
    ("三千五百元", "3500"), ("一万零五百元", "10500"), ("1万2千元", "12000"), ("三点五万", "35000"),
    ("5000块", "5000"), ("2万元人民币", "20000"), ("８０００元", "8000"),
])
def test_money_formats(text, value):
    q = only(text)
    assert isinstance(q, Money) and q.value == D(value) and (q.start, q.end) == (0, len(text))


def test_money_span_inside_a_question():
    text = "国有房产月租8000元，第三个月要交多少房租"
    q = only(text)
    assert isinstance(q, Money) and q.text == "8000元" and text[q.start:q.end] == "8000元"


@pytest.mark.parametrize("text,value", [
    ("0.4%", "0.004"), ("百分之十六", "0.16"), ("16%", "0.16"), ("百分之零点四", "0.004"), ("千分之五", "0.005"),
    ("3.15％", "0.0315"),
])
def test_rates(text, value):
    q = only(text)
    assert isinstance(q, Rate) and q.value == D(value) and q.text == text


@pytest.mark.parametrize("text,value", [("20人", 20), ("二十名员工", 20), ("50个员工", 50), ("员工人数35", 35),
                                        ("8个店员", 8), ("15个人", 15)])
def test_headcounts(text, value):
    q = only(text)
    assert isinstance(q, Headcount) and q.value == value


@pytest.mark.parametrize("text,date,year_given", [
    ("3月15日", dt.date(2020, 3, 15), False), ("2020年3月15日", dt.date(2020, 3, 15), True),
    ("三月十五日", dt.date(2020, 3, 15), False), ("2021年2月28号", dt.date(2021, 2, 28), True),
    ("二〇二〇年五月七日", dt.date(2020, 5, 7), True),
])
def test_dates(text, date, year_given):
    q = only(text)
    assert isinstance(q, DateValue) and q.value == date and q.year_given is year_given and q.end == len(text)


@pytest.mark.parametrize("text", ["2月30日", "2021年2月29日", "13月5日", "4月31号"])
def test_impossible_dates_are_errors_that_name_them(text):
    with pytest.raises(DateError) as err:
        parse_quantities(f"税款{text}到期")
    assert text in str(err.value) and ("1–" in str(err.value))


def test_months():
    assert only("三个月") == MonthCount(3, "三个月", 0, 3)
    assert [type(q) for q in parse_quantities("20年3月15日")] == [DateValue]  # 「20年」 here is no loan term
    assert isinstance(only("延期4个月"), MonthCount) and only("期限1年").value == 12
    assert only("4月份") == CalendarMonth(4, "4月份", 0, 3)
    assert parse_quantities("第三个月") == ()  # an ordinal, not a duration


def test_what_is_not_a_quantity():
    assert parse_quantities("一季度一起来看一下") == ()
    assert parse_quantities("2020年的政策") == ()
    # a range, not a number: kept as a rough figure (to the end of 「四万多」), which only the size standard uses
    assert only("三四万") == Money(D(30000), "三四万", 0, 3, upper=D(50000))


def test_several_quantities_in_order():
    found = parse_quantities("饭店员工20人，营业收入1999万元，2020年3月15日")
    assert [type(q) for q in found] == [Headcount, Money, DateValue]
    assert found[1].value == D(19_990_000)


# -- fixes from the dev cases ty-401…460 (own phrasings) -------------------------------------------------
@pytest.mark.parametrize("text,value,upper,kind", [
    ("营业额三百多万", 3_000_000, 4_000_000, Money), ("四十多个员工", 40, 50, Headcount), ("十几人", 10, 20, Headcount),
    ("交了1万余元", 10_000, 20_000, Money), ("8万多元", 80_000, 90_000, Money), ("1500多万", 15_000_000, 16_000_000, Money),
])
def test_rough_figures_keep_their_range(text, value, upper, kind):
    q = only(text)
    assert isinstance(q, kind) and (q.value, q.upper) == (value, upper) and text[q.start:q.end] == q.text


def test_rough_figures_are_not_exact_inputs_for_money_rules():
    out = parse_request("国有门面月租一万多，能省多少")  # no exact rent: ask for it rather than guess
    assert isinstance(out, NeedsInput) and out.missing == ("monthly_rent",)
    assert only("月租2万多少钱").upper is None  # 多少 is a question, not 「多」


@pytest.mark.parametrize("text,value", [("三个亿", 300_000_000), ("流水两个亿元", 200_000_000), ("1个亿", 100_000_000)])
def test_yi_counted_with_ge(text, value):
    q = only(text)
    assert isinstance(q, Money) and q.value == value


def test_nobody_laid_off_is_not_a_headcount_of_one():
    assert parse_quantities("一个人都没裁") == () and parse_quantities("员工一人未减") == ()
    request = parse_request("稳岗补贴：坚持一个员工都没裁，参保职工20人，失业保险金标准1500元")
    assert request == JobSubsidyRequest(D(20), D(1500))


@pytest.mark.parametrize("text,months", [("期限半年", 6), ("借了一年半", 18), ("贷款2年半", 30), ("四个季度", 12)])
def test_half_years_and_quarters_are_durations(text, months):
    assert [q.value for q in parse_quantities(text) if isinstance(q, MonthCount)] == [months]


def test_half_years_are_not_halves_of_a_named_year():
    assert parse_quantities("2018年下半年") == () and parse_quantities("上半年度") == ()
    assert parse_request("贷款800万元，利率2%，期限半年，贴息多少") == InterestRequest(None, D(8_000_000), D("0.02"), 6)


@pytest.mark.parametrize("text,date", [
    ("6.10要缴的税", dt.date(2020, 6, 10)), ("税款原定4/30缴纳", dt.date(2020, 4, 30)),
    ("2021-03-15", dt.date(2021, 3, 15)), ("2020.7.1到期", dt.date(2020, 7, 1)),
])
def test_dotted_and_slashed_dates(text, date):
    dates = [q for q in parse_quantities(text) if isinstance(q, DateValue)]
    assert [d.value for d in dates] == [date] and text[dates[0].start:dates[0].end] == dates[0].text


@pytest.mark.parametrize("text", ["利率3.15", "费率0.5，能省多少", "版本1.2.3", "月租1.5万", "增长2.30倍"])
def test_decimals_are_not_dotted_dates(text):
    assert not any(isinstance(q, DateValue) for q in parse_quantities(text))


def test_impossible_dashed_date_is_an_error():
    with pytest.raises(DateError, match="2020-02-30"):
        parse_quantities("税款2020-02-30到期")


# -- properties ----------------------------------------------------------------------------------------
@given(st.integers(1, 10**12 - 1))
def test_chinese_numerals_round_trip(n):
    assert chinese_number(to_chinese(n)) == n


@given(st.integers(0, 10**9), st.sampled_from(["", "元", "块"]))
def test_arabic_money_round_trip(n, unit):
    text = f"月租{n}{unit}"
    q = only(text)
    assert isinstance(q, Money) and q.value == n and text[q.start:q.end] == q.text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_point_at_the_quantity_text(text):
    try:
        found = parse_quantities(text)
    except (DateError, AmountError):
        return
    for q in found:
        assert text[q.start:q.end] == q.text


# -- signs, scientific notation and absurd sizes (issue 7 「absurd numbers」) --------------------------------
# Read as written, never as another number: a sign is kept for the rule to refuse, 「1.5e3」 is 1500, and a number
# too large to be any quantity is refused here, naming it.
@pytest.mark.parametrize("text,value,said", [
    ("月租-8000元", -8000, "-8000元"), ("月租负8000元", -8000, "负8000元"), ("月租−8000元", -8000, "−8000元"),
    ("月租 -8000元", -8000, "-8000元"), ("每月-8000元", -8000, "-8000元"), ("月租：-2万", -20000, "-2万"),
    ("rent is -8000元", -8000, "-8000元"),
])
def test_a_minus_sign_makes_an_amount_negative(text, value, said):
    q = only(text)
    assert isinstance(q, Money) and q.value == value and q.text == said and text[q.start:q.end] == said


@pytest.mark.parametrize("text,kind,value", [
    ("员工-5人", Headcount, -5), ("延期-3个月", MonthCount, -3), ("费率-0.4%", Rate, D("-0.004")),
])
def test_signs_on_counts_and_rates(text, kind, value):
    q = only(text)
    assert isinstance(q, kind) and q.value == value


@pytest.mark.parametrize("text,values", [
    ("月租5000-8000元", [5000, 8000]), ("员工3人-5人", [3, 5]), ("租金8000 -2000元", [8000, 2000]),
    ("A-8000元", [8000]), ("COVID-19期间月租8000元", [8000]), ("3月-5月", [3, 5]),
])
def test_a_dash_after_a_number_or_inside_a_word_is_no_sign(text, values):
    assert [q.value for q in parse_quantities(text)] == values


@pytest.mark.parametrize("text,value", [
    ("月租1.5e3元", 1500), ("月租1e4元", 10000), ("月租2E4元", 20000), ("月租8e-1万", 8000), ("1e3多元", 1000),
    ("月租9999999999999999999999万", D("99999999999999999999990000")), ("月租1e99元", D("1e99")),
])
def test_scientific_notation_and_huge_amounts_are_read_exactly(text, value):
    money = [q for q in parse_quantities(text) if isinstance(q, Money)]
    assert [q.value for q in money] == [value] and text[money[0].start:money[0].end] == money[0].text


@pytest.mark.parametrize("text", ["月租1e400元", "月租1e309元", "月租1e100元", "月租1e99999999999999999999元",
                                  "月租1e-400元", "贷款1e200万", "员工1e400人", "延期1e400个月", "费率1e400%",
                                  "一亿" * 13 + "元"])
def test_numbers_too_large_to_be_any_quantity_are_refused_naming_them(text):
    with pytest.raises(AmountError) as err:
        parse_quantities(text)
    message = str(err.value)
    bound = "不小于 10^-100" if "e-" in text else "小于 10^100"
    assert "超出了能计算的范围" in message and bound in message and message.count("「") >= 1
    assert text[2:6] in message or text[:4] in message  # the number as written


def test_an_absurd_number_that_is_no_quantity_is_no_error():
    assert parse_quantities("增长了1e400倍") == () and parse_quantities("版本1e400") == ()


@pytest.mark.parametrize("text,words", [
    ("2020-13-45", ["「2020-13-45」", "月份应在 1–12 之间", "13"]),
    ("2月30日", ["「2月30日」", "2020年2月只有 1–29 日", "30"]),
    ("0000-01-01", ["「0000-01-01」", "年份应在 1–9999 之间"]),
    ("十三月五日", ["「十三月五日」", "月份应在 1–12 之间"]),
])
def test_impossible_dates_are_refused_in_chinese(text, words):
    with pytest.raises(DateError) as err:
        parse_quantities(f"税款{text}到期")
    assert all(w in str(err.value) for w in words), str(err.value)
    assert not re.search(r"[A-Za-z]{3,}", str(err.value))


# Arbitrary text, with the number spellings that broke the parser before: signs, exponents, huge runs of digits.
_odd_numbers = st.one_of(
    st.integers(-10**30, 10**30).map(str),
    st.tuples(st.integers(-9, 9), st.integers(-500, 500)).map(lambda t: f"{t[0]}e{t[1]}"),
    st.sampled_from(["1e400", "1e309", "9999999999999999999999万", "负8000", "−8000", "－8000", "1e99999999999999999999",
                     "一亿" * 13, "0", "-0", "1.5E3"]),
)
_odd_texts = st.one_of(texts, st.lists(st.one_of(st.sampled_from(["月租", "员工", "贷款", "费率", "期限", "-", " ", "，"]),
                                                 _odd_numbers, st.sampled_from(["元", "万", "人", "个月", "%", "年", ""])),
                                       max_size=12).map("".join))


@settings(max_examples=400, deadline=None)
@given(_odd_texts)
def test_arbitrary_text_gives_quantities_or_our_errors_only(text):
    try:
        found = parse_quantities(text)
    except (DateError, AmountError) as err:
        assert re.search(r"[\u4e00-\u9fff]", str(err)) and "「" in str(err)  # Chinese, quoting the text
        return
    for q in found:
        assert text[q.start:q.end] == q.text and 0 <= q.start < q.end <= len(text)
        if not isinstance(q, DateValue):
            assert readable(q.value) and D(q.value).is_finite()
    assert [q.start for q in found] == sorted(q.start for q in found)


@given(st.integers(1, 10**9), st.sampled_from(["-", "负", "−"]))
def test_a_signed_amount_is_the_negative_of_the_unsigned_one(n, sign):
    q = only(f"月租{sign}{n}元")
    assert isinstance(q, Money) and q.value == -n


# -- colloquial headcounts -------------------------------------------------------------------------------
@pytest.mark.parametrize("text,people", [
    ("就我和老婆俩人", 2), ("我们仨人", 3), ("仨个人", 3), ("12个快递员", 12), ("3个厨师", 3), ("5个骑手", 5),
    ("两个收银员", 2), ("8个店员", 8),
])
def test_colloquial_headcounts(text, people):
    found = only(text)
    assert isinstance(found, Headcount) and found.value == people


@pytest.mark.parametrize("text,people", [
    ("20个快递小哥", 20), ("299个码农", 299), ("8个装修师傅", 8), ("3个外卖骑手", 3), ("6个程序员", 6),
    ("两个钟点工", 2),
])
def test_people_named_by_trade_or_nickname_are_headcounts(text, people):
    found = only(text)
    assert isinstance(found, Headcount) and found.value == people and found.text.endswith("个")


@pytest.mark.parametrize("text", ["咱俩商量一下", "5个分店", "俩月没开张", "3个项目", "3个门店员工", "两个工厂工人",
                                  "3个月工资"])
def test_not_headcounts(text):
    assert not any(isinstance(q, Headcount) for q in parse_quantities(text))


@pytest.mark.parametrize("text,low,high", [("我们就二十来个人", 20, 30), ("一百来人", 100, 200), ("十来个员工", 10, 20),
                                           ("二百来号人", 200, 300), ("200来号人", 200, 300)])
def test_lai_after_a_round_headcount_is_rough(text, low, high):
    found = only(text)
    assert isinstance(found, Headcount) and (found.value, found.upper) == (low, high)


def test_lai_is_rough_only_for_headcounts_and_before_wan_or_yi():
    assert only("八千来块") == Money(D(8000), "八千", 0, 2)
    # 「800来万」 is 800–900万, not 800元 (来 after a number before 万/亿 rounds it, it divides nothing)
    assert only("营业额800来万") == Money(D(8_000_000), "800来万", 3, 8, upper=D(9_000_000))
    assert only("走货四千来万") == Money(D(40_000_000), "四千来万", 2, 6, upper=D(50_000_000))
    assert only("十来亿") == Money(D(1_000_000_000), "十来亿", 0, 3, upper=D(2_000_000_000))


# -- fixes from the dev cases ty-1026…1075: ranges of digits, 将近/不到, restatements in brackets, counts after staff --
@pytest.mark.parametrize("text,low,high", [
    ("九十七八个人", 97, 99), ("十八九个员工", 18, 20), ("三四十个员工", 30, 50), ("两三个人", 2, 4),
    ("一百零几个人", 101, 110), ("一千零几人", 1001, 1010),
])
def test_consecutive_digits_and_ling_ji_are_ranges(text, low, high):
    found = only(text)
    assert isinstance(found, Headcount) and (found.value, found.upper) == (low, high)


def test_a_month_or_duration_said_as_a_range_is_none():
    assert parse_quantities("五六月份") == () and parse_quantities("一两个月") == ()


@pytest.mark.parametrize("text,kind,low,high", [
    ("将近300个工人", Headcount, 270, 300), ("差几个不到300人", Headcount, 270, 300), ("快20个人了", Headcount, 18, 20),
    ("接近一百人", Headcount, 90, 100), ("将近15个员工", Headcount, 14, 15),  # the last tenth, in whole people
    ("将近两个亿", Money, 180_000_000, 200_000_000), ("月租近3万", Money, 27_000, 30_000),
    ("员工不到10人", Headcount, 0, 10), ("营收不足500万", Money, 0, 5_000_000),  # a cap only: from 0
    ("两个多亿", Money, 200_000_000, 300_000_000),
])
def test_nearly_and_under_bound_a_figure_from_above(text, kind, low, high):
    found = only(text)
    assert isinstance(found, kind) and (found.value, found.upper) == (low, high)
    assert text[found.start:found.end] == found.text


@pytest.mark.parametrize("text", ["最近3个月", "附近300米", "一年3万"])
def test_nearly_words_inside_other_words_bound_nothing(text):
    assert all(getattr(q, "upper", None) is None for q in parse_quantities(text))


@pytest.mark.parametrize("text,kind,low,high", [
    ("将近一百人（九十七八个）", Headcount, 97, 99),
    ("将近20个快递员（十八九个）", Headcount, 18, 20),
    ("将近300个工人（差几个不到300）", Headcount, 270, 300),
    ("两个多亿（不到三个亿）", Money, 200_000_000, 300_000_000),  # both ranges: what both allow
    ("300人（297个）", Headcount, 297, None),  # an exact restatement is the figure
    ("营收约2000万（准确说1980万）", Money, 19_800_000, None),
])
def test_a_figure_restated_in_brackets_is_refined_by_it(text, kind, low, high):
    found = only(text)
    assert isinstance(found, kind) and (found.value, found.upper) == (low, high)
    assert text[found.start:found.end] == found.text and found.text.endswith(("）", ")"))


@pytest.mark.parametrize("text,values", [
    ("将近300人（其中50个是临时工）", [270, 50]),  # brackets that say more than the figure restate nothing
    ("员工30人（不含老板）", [30]),
    ("将近300人（30个）", [270]),  # far outside the figure: not a restatement of it, and no headcount on its own
])
def test_brackets_that_are_no_restatement_leave_the_figure(text, values):
    assert [q.value for q in parse_quantities(text) if isinstance(q, Headcount)] == values


@pytest.mark.parametrize("text,count", [("店员正好50个", 50), ("工人一共三十个", 30), ("员工大概40个左右", 40),
                                        ("店员50个", 50), ("服务员差不多八个吧", 8)])
def test_a_count_after_staff_and_an_adverb_is_a_headcount(text, count):
    found = only(text)
    assert isinstance(found, Headcount) and found.value == count


# -- owners' shorthand and lists -------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [("一年要交2.5w", 25000), ("月租3w", 30000), ("1.2W元", 12000),
                                        ("营收5w多", 50000)])
def test_w_after_digits_is_wan(text, value):
    found = [q for q in parse_quantities(text) if isinstance(q, Money)]
    assert len(found) == 1 and found[0].value == value


def test_w_before_a_letter_or_in_a_word_is_no_wan():
    assert not [q for q in parse_quantities("5wifi") if isinstance(q, Money)]
    assert [q.value for q in parse_quantities("月租5w-8w元")] == [50000, 80000]  # a range, no minus sign


@pytest.mark.parametrize("text,kinds", [
    ("失业保险一季度2100，二季度2300，三季度2500", [(Money, 2100), (Money, 2300), (Money, 2500)]),
    ("平均参保人数分别是8、10、12、14人", [(Headcount, 8), (Headcount, 10), (Headcount, 12), (Headcount, 14)]),
    ("其中4个人缴费基数3000，另外4个人5000", [(Headcount, 4), (Money, 3000), (Headcount, 4), (Money, 5000)]),
])
def test_a_bare_number_in_a_list_is_what_the_one_before_it_was(text, kinds):
    assert [(type(q), q.value) for q in parse_quantities(text)] == kinds


def test_a_list_does_not_carry_across_sentences_or_to_counts_of_things():
    assert [q.value for q in parse_quantities("月租3000。2")] == [3000]
    assert parse_quantities("租了3个门面") == ()  # three shops, not 3元 of rent
    assert [q.value for q in parse_quantities("年度平均参保的工人是18个")] == [18]
    assert parse_quantities("其中4个员工5000")[1:] == ()  # 员工 are the 4: the 5000 has no words of its own


@pytest.mark.parametrize("text, value", [("另一层8k", 8000), ("标准1.2k", 1200), ("月租1.5K", 1500)])
def test_k_after_digits_is_thousands(text, value):
    found = only(text)
    assert isinstance(found, Money) and found.value == value


def test_k_before_another_letter_is_no_number_suffix():
    assert not any(isinstance(q, Money) and q.value == 5000 for q in parse_quantities("5km外"))


@pytest.mark.parametrize("text,kind,value", [
    ("员工工资8000", Money, "8000"),  # the wage is named after the staff: the nearest words decide
    ("员工工资八千", Money, "8000"),
    ("员工一百二，资产总额七千五百万", Headcount, "120"),  # 一百二 is 120, and people were named last
    ("从业人员一千二", Headcount, "1200"),  # said in 千, but of people
    ("员工人数一百二十", Headcount, "120"),
    ("月租三千五", Money, "3500"),
    ("每个员工八千", Money, "8000"),  # per person, or paid to them: money whoever is named
    ("员工每人八千", Money, "8000"),
    ("给员工发了八千", Money, "8000"),
    ("员工两万五", Money, "25000"),  # said in 万: a wage rather than a headcount
    ("年度平均参保的工人是18个", Headcount, "18"),
])
def test_the_words_named_last_decide_a_bare_numbers_kind(text, kind, value):
    first = parse_quantities(text)[0]
    assert isinstance(first, kind) and first.value == D(value)


def test_a_lone_chinese_digit_in_a_word_is_no_bare_number():
    assert parse_quantities("员工一直没来上班") == ()


def test_a_figure_right_after_a_month_is_that_months_amount():
    text = "社保1月9500、2月1万、3月1万1都没交"
    assert [(type(q), q.value) for q in parse_quantities(text)] == [
        (CalendarMonth, 1), (Money, 9500), (CalendarMonth, 2), (Money, 10000), (CalendarMonth, 3), (Money, 11000)]
    assert not any(isinstance(q, Money) for q in parse_quantities("社保3月15要交"))  # may be a day
    assert not any(isinstance(q, Money) for q in parse_quantities("1月9500"))  # nothing says it is money
    # 「4、5月」 after them names months: the 4 is no amount listed after 9800
    assert [q.value for q in parse_quantities("社保1月9500、2月9800，4、5月各交多少") if isinstance(q, Money)] == [9500, 9800]


@pytest.mark.parametrize("text", ["一直交到12月，一个月没断", "一个月都没落下", "一个月也没少交"])
def test_not_one_month_missed_is_no_duration(text):
    assert not any(isinstance(q, MonthCount) for q in parse_quantities(text))


def test_one_month_is_still_a_duration():
    assert [q.value for q in parse_quantities("以前一个月交960") if isinstance(q, MonthCount)] == [1]


@pytest.mark.parametrize("text", ["失业保险1到3月不交，4月开始每月1000", "1-3月没交", "4至12月每月1000", "1到3月上了"])
def test_the_month_a_span_starts_with_is_no_amount(text):
    # 「1到3月」: the 1 is a month of the span, never premiums of 1元
    assert not any(isinstance(q, Money) and q.value < 13 for q in parse_quantities(text))


def test_a_range_of_amounts_and_a_day_after_a_range_stay_amounts():
    assert [q.value for q in parse_quantities("月租5000-6000元")] == [5000, 6000]
    assert any(isinstance(q, Money) and q.value == 1000 for q in parse_quantities("失业保险每月1000，1到6月没裁员"))


@pytest.mark.parametrize("text,counted", [
    ("5个项目工人", False),  # five projects
    ("3个批次工人", False),
    ("8个装修师傅", True),
    ("20个快递小哥", True),
])
def test_a_thing_between_the_number_and_the_staff_word_is_no_headcount(text, counted):
    assert any(isinstance(q, Headcount) for q in parse_quantities(text)) is counted


@pytest.mark.parametrize("text,people", [
    ("店里有两个阿姨一个大姐，营收50万", 3),
    ("3个厨师、2个服务员和1个收银员", 6),
    ("两个阿姨，一个大姐", 3),
    ("员工10人，其中5个厨师", 10),  # the 5 are among the 10
    ("10个人，5个厨师", 10),
    ("5个员工，营收100万", 5),
])
def test_staff_counted_role_by_role_are_summed(text, people):
    from assistant.quantities import staff_total
    assert staff_total(text, parse_quantities(text)).value == people


# -- capital numerals (「贰万肆仟元整」) ------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,said", [
    ("合同上写的是月租金人民币贰万肆仟元整", "24000", "贰万肆仟元"),
    ("去年失业保险单位实缴金额：壹万叁仟捌佰元整", "13800", "壹万叁仟捌佰元"),
    ("贷款金额壹拾贰万零伍佰圆整", "120500", "壹拾贰万零伍佰圆"),
    ("月租伍仟元", "5000", "伍仟元"),
    ("租金两萬元", "20000", "两萬元"),
    ("营收叁億元", "300000000", "叁億元"),
    ("押金玖元", "9", "玖元"),
])
def test_capital_numerals_are_amounts_said_as_written(text, value, said):
    q = only(text)
    assert isinstance(q, Money) and q.value == D(value) and q.text == said and text[q.start:q.end] == said


def test_capital_numerals_in_dates_and_counts():
    assert only("原定贰〇贰〇年伍月叁拾壹日缴纳").value == dt.date(2020, 5, 31)
    assert only("员工壹佰贰拾人") == Headcount(D(120), "壹佰贰拾人", 2, 7)
    assert chinese_number("壹拾贰万零伍佰") == 120500 and chinese_number("陆") == 6


def test_a_lone_capital_numeral_in_a_word_is_no_number():
    assert parse_quantities("疫情肆虐，大陆员工陆续返岗，收拾店面") == ()


_CAPITAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


@given(st.integers(1, 10**12 - 1), st.sampled_from(["万", "萬"]), st.sampled_from(["元整", "圆整", "元"]))
def test_capital_numerals_read_as_the_everyday_ones(n, wan, unit):
    capital = to_chinese(n).translate(_CAPITAL).replace("万", wan)
    assert chinese_number(capital) == chinese_number(to_chinese(n)) == n
    text = f"金额人民币{capital}{unit}"
    q = only(text)
    assert isinstance(q, Money) and q.value == n and q.text == text[q.start:q.end] == capital + unit.rstrip("整")


# -- a figure corrected within the message (「七千二，哦不对，是八千四」) ---------------------------------------------
@pytest.mark.parametrize("text,kind,value", [
    ("国企的门面，月租七千二，哦不对，年初刚涨过，现在是八千四", Money, D(8400)),
    ("年度平均参保职工24个，不对，刚核了一下是21个", Headcount, D(21)),
    ("有笔增值税5月31号到期，哦不对，看错了，是5月13号到期", DateValue, dt.date(2020, 5, 13)),
    ("资产总额一个亿，不对，财务说是九千八百万", Money, D(98_000_000)),
    ("营业额500万，说错了，是530万", Money, D(5_300_000)),
    ("员工30人，更正一下：32人", Headcount, D(32)),
    ("费率0.5%，不对，应该是0.4%", Rate, D("0.004")),
    ("月租8000元。哎呀记错了，8400元。", Money, D(8400)),
    ("员工三十多人，准确说是32人", Headcount, D(32)),
    ("员工24人，不对，21人，不对不对，是22人", Headcount, D(22)),
])
def test_a_corrected_figure_is_replaced_by_the_correction(text, kind, value):
    assert [(type(q), q.value) for q in parse_quantities(text)] == [(kind, value)]


def test_a_figure_of_another_kind_or_about_another_thing_survives_a_correction():
    assert [q.value for q in parse_quantities("员工50人，营收3000万，不对，是3500万")] == [50, 35_000_000]
    assert [q.value for q in parse_quantities("营收3000万，资产2000万，不对，营收是3500万")] == [20_000_000, 35_000_000]
    assert [q.value for q in parse_quantities("营收3000万，员工50人，不对，是45人")] == [30_000_000, 45]
    said = parse_quantities("月租7200元，不对，3月起涨到了8400元")  # the month is no correction, the rent is
    assert [(type(q), q.value) for q in said] == [(CalendarMonth, 3), (Money, 8400)]


@pytest.mark.parametrize("text,values", [
    ("去年营收1500万，今年应该是2000万", [15_000_000, 20_000_000]),  # 应该是 opens no clause
    ("营收800万，应该是小微企业，月租5000元", [8_000_000, 5000]),  # the restatement's clause has no figure
    ("我算的减免6000元对不对？月租3000元", [6000, 3000]),  # 对不对 is a question
    ("营收800万，不对吗？月租5000元", [8_000_000, 5000]),  # the correcting figure must be in the sentence
])
def test_what_is_no_correction_leaves_every_figure(text, values):
    assert [q.value for q in parse_quantities(text)] == values


def test_a_correcting_figure_is_about_what_it_corrects():
    from assistant.turns import Turn
    text = "房开公司，去年营收20个亿，资产总额一个亿，不对，财务说是九千八百万"
    turn = Turn(text, parse_quantities(text), True)
    assert "资产" in turn.label(turn.quantities[-1]) and "资产" not in turn.label(turn.quantities[0])
    request = parse_request(text + "。这样算哪一档？")
    assert (request.revenue_yuan, request.assets_yuan) == (2_000_000_000, 98_000_000)
    request = parse_request("稳岗补贴：月人均失业保险金标准按1360，年度平均参保职工24个，不对，刚核了一下是21个。能拿多少钱？")
    assert request == JobSubsidyRequest(D(21), D(1360))


def test_an_earlier_turn_opening_with_an_aside_and_a_correction_lends_its_figure():
    request = parse_request("这三个月能减免多少？", ["我租的国有门面，月租8000元", "哦不对，是8400元"])
    assert request.monthly_rent == 8400


# -- what only looks like a correction (the review's cases) ---------------------------------------------------------
@pytest.mark.parametrize("text,values", [
    ("国有门面月租8000，应该是减免16000吧？", [8000, 16000]),  # a guess at the result
    ("做餐饮的，营收3000万，应该是5000万以下算小型吧？员工50人", [30_000_000, 50_000_000, 50]),
    ("员工80人，应该是100人以下算小型吧？", [80, 100]),
    ("营收3000万，应该是5000万以下算小型，对吧", [30_000_000, 50_000_000]),  # a threshold, tag question after
    ("员工80人，应该是100人以下", [80, 100]),  # a threshold, no question
    ("月租8000，应该是减免16000，对吧？", [8000, 16000]),
    ("员工20人，营收800万，不对外营业，资产500万，做软件的", [20, 8_000_000, 5_000_000]),  # 不对外 is no denial
    ("员工50人，不对口的岗位有10人", [50, 10]),  # nor is 不对口
    ("员工50人，不对劲的是有10人没来", [50, 10]),
])
def test_a_guess_or_another_word_is_no_correction(text, values):
    assert [q.value for q in parse_quantities(text)] == values


def test_the_review_questions_keep_their_figures():
    assert parse_request("国有门面月租8000，应该是减免16000吧？").monthly_rent == 8000
    request = parse_request("做餐饮的，营收3000万，应该是5000万以下算小型吧？员工50人")
    assert (request.revenue_yuan, request.employees) == (30_000_000, 50)
    assert parse_request("员工80人，应该是100人以下算小型吧？").inputs["employees"] == 80


@pytest.mark.parametrize("text,value", [
    ("月租8000，不对是8400", 8400),
    ("月租8000，不对不对，是8400", 8400),
    ("员工三十多人，准确说是32人，能拿多少？", 32),
    ("月租8000，应该是8400，我记错了", 8400),
])
def test_a_real_correction_still_corrects(text, value):
    assert [q.value for q in parse_quantities(text)] == [value]


def test_an_earlier_turn_guessing_lends_no_figure():
    from assistant.corrections import opens_with_correction
    assert opens_with_correction("哦不对，是8400元") and not opens_with_correction("应该是减免16000吧？")


def test_a_capital_place_word_without_a_digit_is_no_number():
    assert [q.value for q in parse_quantities("拾万火急，月租8000元")] == [8000]
    assert [q.value for q in parse_quantities("押金拾万元")] == [100_000]


# -- a denial that objects or adds a figure corrects nothing (the second review's cases) ------------------------------
@pytest.mark.parametrize("text,values", [
    ("国有门面月租8000，不对啊，第三个月房东收了6000，应该收多少？", [8000, 6000]),
    ("国有门面月租8000，不对呀，房东只免了5000", [8000, 5000]),
    ("国有门面月租8000，算错了，房东多收了2000，能减多少", [8000, 2000]),
    ("国有门面月租8000，说错了，上个月涨了500", [8000, 500]),
    ("国有门面月租8000，错了，涨了1000", [8000, 1000]),
    ("国有门面月租8000，更正一下，还有一间月租5000", [8000, 5000]),  # two premises
    ("做餐饮的，员工50人，营收3000万，更正一下，还有兼职10人", [50, 30_000_000, 10]),
    ("做餐饮的，员工50人，营收3000万，不对，另外还有外卖收入500万", [50, 30_000_000, 5_000_000]),
    ("参保20人，失业保险金标准1360元，不对，还有5个人没参保", [20, 1360, 5]),
    ("参保20人，失业保险金标准1360元，不对，其中2个人是刚招的", [20, 1360, 2]),
    ("贷款100万，年利率3.15%，12个月，不对，已经还了20万", [1_000_000, D("0.0315"), 12, 200_000]),
    ("每月三项社保1万5，不对，医保每月3000，4月交多少？", [15_000, 3000, 4]),  # another thing
    ("国有门面月租8000，不对，押金是2万", [8000, 20_000]),
    ("国有门面月租8000，不对，物业费每月1000另算", [8000, 1000]),
    ("员工50人，其实是30个正式工加20个临时工", [50, 30, 20]),  # a breakdown, not a restatement
    ("员工50人，其实是包括20个临时工", [50, 20]),
])
def test_an_objection_or_another_figure_after_a_denial_corrects_nothing(text, values):
    assert [q.value for q in parse_quantities(text)] == values


def test_the_second_review_requests_keep_the_rent_and_the_insured():
    assert parse_request("国有门面月租8000，不对啊，第三个月房东收了6000，应该收多少？").monthly_rent == 8000
    # 「还有一间」 is one more place: both rents are relieved (before, the 5000 was dropped)
    assert parse_request("国有门面月租8000，更正一下，还有一间月租5000").premises == (8000, 5000)
    assert parse_request("国有门面月租8000，不对，押金是2万").monthly_rent == 8000
    request = parse_request("参保20人，失业保险金标准1360元，不对，还有5个人没参保")
    assert request == JobSubsidyRequest(D(20), D(1360))


@pytest.mark.parametrize("text,value", [
    ("月租8000，不对，是8400", 8400),
    ("月租七千二，哦不对，现在是八千四", 8400),
    ("月租七千二，哦不对，年初刚涨过，现在是八千四", 8400),  # 涨 outside the figure's own clause
    ("资产2000万，不对，资产是2500万", 25_000_000),
])
def test_a_correction_after_the_second_review_still_corrects(text, value):
    assert [q.value for q in parse_quantities(text)] == [value]


# Blind batch ty-2146…2215 (session 32): forms the parser missed.
@pytest.mark.parametrize("text,value", [
    ("实际一共缴了2万零7百", "20700"), ("一共缴了2万零700元", "20700"), ("3万零5元", "30005"),
])
def test_arabic_digits_with_a_zero_before_the_next_part(text, value):
    assert only(text) == Money(D(value), only(text).text, only(text).start, only(text).end)
    assert only("租金2万零头不算").value == D("20000")  # 零头: loose change, not a digit
    # 零 then a count of months is that count, not the amount's last digits
    assert [(type(q), q.value) for q in parse_quantities("借了2万零8个月")] == [(Money, D("20000")), (MonthCount, 8)]


@pytest.mark.parametrize("text,value", [
    ("程序员、产品、测试一共九十九个，", "99"), ("业务员、司机、库管一共十九个，", "19"),
    ("保安、保洁、维修工正好三百个", "300"), ("快递员加分拣员二百九十九个", "299"),
])
def test_a_count_after_a_list_that_opens_with_people_is_a_headcount(text, value):
    counted = [q for q in parse_quantities(text) if isinstance(q, Headcount)]
    assert [q.value for q in counted] == [D(value)]


@pytest.mark.parametrize("text", ["门店、仓库、工厂一共三十个", "饭店、超市一共三十个", "复工一共三十个", "加工一共三十个",
                                  "会员一共三百个，", "学员正好五十个，", "化工、医药项目一共十二个，", "竣工一共三个"])
def test_a_count_after_places_or_work_is_no_headcount(text):
    assert not any(isinstance(q, Headcount) for q in parse_quantities(text))


def test_a_per_month_figure_after_a_sentence_about_paying_is_money():
    found = parse_quantities("三险1月6,300、2月5,900、3月6,100，一季度都缓着没交；4月起每月都是6,400。")
    assert D("6400") in [q.value for q in found if isinstance(q, Money)]
    assert parse_quantities("贷款还完了。每年都是12") == ()  # the paying was another sentence's
