"""Owners' units and wordings from a blind batch, each as a class: rent quoted per square metre of an area, 角 and 分
after 块 (「六百八十五块五」), premiums said per month for a count of months, the pension and the halved work-injury
contribution asked together, staff counted as 「一百个整」「三十来口子」, and the industry taken from what the firm
does, not from its customers or suppliers (「做钢材贸易的，往厂子里供货」). Bad input to each is refused with the
calculator's own message."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assistant.calculator import (
    AmountError, CalculatorError, NeedsInput, PensionRequest, RefundRequest, RentRequest, SmeRequest,
    WorkInjuryRequest, calculate, find_industry, format_answer, pension_contribution, rent_relief,
)
from assistant.quantities import Area, Headcount, Money, MonthCount, parse_quantities
from assistant.requests import parse_request


def kinds(text: str) -> list[tuple[str, D]]:
    return [(type(q).__name__, q.value) for q in parse_quantities(text)]


def computed(text: str, history: tuple[str, ...] = ()):
    request = parse_request(text, history)
    assert request is not None and not isinstance(request, NeedsInput), request
    return calculate(request)


# -- 角 and 分 after 块 --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("六百八十五块五", "685.5"), ("三块二毛五", "3.25"), ("三块二毛", "3.2"), ("5块5毛", "5.5"), ("5元2角", "5.2"),
    ("二十块零五分", "20.05"), ("一块二", "1.2"), ("两块五毛钱", "2.5"), ("一万二千三百块五", "12300.5"),
    ("八百块五，", "800.5"),
])
def test_jiao_and_fen_after_kuai(text, value):
    assert kinds(text) == [("Money", D(value))]


@pytest.mark.parametrize("text,value", [
    ("每月八千块五险一金另算", "8000"), ("两千块一个月", "2000"), ("三千块一起交", "3000"), ("月租8000元1、2月免收", "8000"),
    ("每月800块5个人分", "800"), ("交了8000块三个月", "8000"),
])
def test_a_digit_after_kuai_that_starts_another_figure_is_no_jiao(text, value):
    assert [v for k, v in kinds(text) if k == "Money"] == [D(value)]


def test_a_price_and_what_it_is_per():
    assert kinds("每平米两块五一天") == [("Money", D("2.5"))]
    assert kinds("两块五一平")[0] == ("Money", D("2.5"))


# -- areas ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("80平米", "80"), ("八十平方", "80"), ("120㎡", "120"), ("200个平方", "200"), ("80m2的铺子", "80"),
    ("100平方米", "100"), ("80平的门面", "80"),
])
def test_areas(text, value):
    found = [q for q in parse_quantities(text) if isinstance(q, Area)]
    assert [q.value for q in found] == [D(value)]


@pytest.mark.parametrize("text", ["平均80", "3平方公里", "八十多平", "人均3000平均下来"])
def test_no_area(text):
    assert not any(isinstance(q, Area) for q in parse_quantities(text))


# -- rent per square metre -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,monthly", [
    ("问一下，国资公司的商铺，80平米，租金按每平米每月95块算。文件说的那三个月，第三个月交多少？", 7600),
    ("国有的铺子，每平米每月95，80平，减免多少", 7600),
    ("国有的铺子，95一平米一个月，八十平米，减免多少", 7600),
    ("国企的房子，120㎡，租金95元/㎡/月，能省多少", 11400),
    ("国有门面，单平月租九十五，建筑面积80平，第三个月交多少", 7600),
    ("国有门面每平每天2元，200平，三个月能减多少", 12000),  # 400 a day × 30
    ("国有门面每平米每天两块五，一个月按31天算，100平米，能减多少", 7750),
    ("国有商铺100平，年租金每平米1200元，第三个月交多少", 10000),
    ("国有铺面，每平米一个季度300块，60平，能减多少", 6000),
    ("国有门面150平，每平米每年600块，按年交，能减多少", 7500),
])
def test_rent_per_square_metre_times_the_area_is_the_monthly_rent(text, monthly):
    calc = computed(text)
    assert calc.kind == "rent_relief" and calc.inputs["monthly_rent"] == monthly
    assert calc.result["month1_payment"] == 0 and calc.result["month3_payment"] == monthly / 2
    assert "平方米" in calc.steps[0]


def test_the_month_by_month_answer_for_a_rent_per_square_metre():
    text = "问一下，国资公司的商铺，80平米，租金按每平米每月95块算。文件说的那三个月，头一个月、第二个月、第三个月分别交多少？"
    answer = format_answer(computed(text))
    assert "前两个月房租免收" in answer and "3800元" in answer and "95元×80平方米 = 每月7600元" in answer


def test_a_rent_per_square_metre_without_the_area_or_period_asks_for_them():
    asked = parse_request("国有门面，每平米每月95块，能减多少")
    assert isinstance(asked, NeedsInput) and asked.missing == ("area",) and "面积" in asked.question_back
    asked = parse_request("国有门面80平米，每平米95块，能减多少")
    assert isinstance(asked, NeedsInput) and asked.missing == ("per",) and "每月、每天还是每年" in asked.question_back


def test_the_whole_rent_said_beside_the_price_per_square_metre_wins():
    calc = computed("国有门面80平米，每平米每月95块，一个月租金7000，能减多少")
    assert calc.inputs["monthly_rent"] == 7000 and "unit_rent" not in calc.inputs


@pytest.mark.parametrize("text,history", [
    ("80平米，能减多少", ("国有门面，每平米每月95块",)),
    ("80平", ("国有门面，每平米每月95块，能减多少",)),
    ("每平米每月95块，能减多少", ("国有门面，80平米",)),
])
def test_the_price_and_the_area_from_different_turns(text, history):
    assert computed(text, history).inputs["monthly_rent"] == 7600


def test_a_price_per_square_metre_for_several_premises_asks_for_the_whole_area():
    asked = parse_request("国有门面两间，每间80平，每平米每月95，能减多少")
    assert isinstance(asked, NeedsInput) and asked.missing == ("area",)


def test_another_figure_beside_the_price_per_square_metre_is_no_whole_rent():
    assert computed("国有门面80平米，每平米每月95块，装修花了5万，能减多少").inputs["monthly_rent"] == 7600


def test_a_charge_per_square_metre_is_no_rent():
    calc = computed("国有门面，物业费每平米每月3块，80平，房租每月8000，能减多少")
    assert calc.inputs["monthly_rent"] == 8000


@pytest.mark.parametrize("text", ["铺子一个月流水5万，能减多少", "门面每月营业额3万，房租能减多少", "店铺工资一个月两万，能减多少"])
def test_the_shops_takings_or_wages_are_no_rent(text):
    asked = parse_request(text)
    assert isinstance(asked, NeedsInput) and asked.missing == ("monthly_rent",)


def test_a_private_landlord_with_a_rent_per_square_metre_is_negotiated():
    calc = computed("私人房东的门面，80平，每平米每月95，能减多少")
    assert calc.result["covered"] is False


def test_rent_by_area_in_the_rule():
    calc = rent_relief(None, "state", unit_rent=D(95), area=D(80), per="month")
    assert calc.inputs["monthly_rent"] == 7600 and calc.inputs["unit_rent"] == 95 and calc.inputs["area"] == 80
    daily = rent_relief(None, "state", unit_rent=D(2), area=D(200), per="day", days_per_month=30)
    assert daily.inputs["monthly_rent"] == 12000 and daily.inputs["per"] == "day"


@pytest.mark.parametrize("text,message", [
    ("国有门面，每平米每月-95块，80平米，能减多少", "每平方米每月租金不能为负数"),
    ("国有门面，每平米每月0元，80平，能减多少", "每平方米每月租金应大于 0"),
    ("国有门面，每平米每月95块，0平米，能减多少", "面积应在 0.01 至"),
    ("国有门面，每平米每月95块，一亿平米，能减多少", "面积应在 0.01 至 10000000平方米"),
    ("国有门面，每平米每月95块，1e400平米，能减多少", "超出了能计算的范围"),
    ("国有门面，每平米每月9亿，100平米，能减多少", "请核对面积和每平方米租金"),
])
def test_bad_rent_per_square_metre_gets_our_message(text, message):
    with pytest.raises(AmountError, match=message):
        request = parse_request(text)
        calculate(request)


def test_the_rule_names_what_a_unit_rent_lacks():
    with pytest.raises(CalculatorError, match="unit_rent needs area and per"):
        rent_relief(None, "state", unit_rent=D(95), per="month")
    with pytest.raises(CalculatorError, match="not with monthly_rent"):
        rent_relief(D(8000), "state", unit_rent=D(95), area=D(80), per="month")
    with pytest.raises(CalculatorError, match="per must be one of"):
        rent_relief(None, "state", unit_rent=D(95), area=D(80), per="week")


# -- premiums said per month for a count of months -----------------------------------------------------
@pytest.mark.parametrize("text,paid,refund", [
    ("单位失业保险去年是按月交的，每个月六百八十五块五，十二个月一个月没断。今年厂里一个人没走。那个返一半的，能返回来多少？",
     8226, 4113),
    ("失业险每月交八百二十块五，交了一整年，我们没裁员，能退多少", 9846, 4923),
    ("去年失业保险每月交1200块二毛，交了10个月，一个都没裁，返多少", 12002, 6001),
    ("失业保险按季度交，每季度两千零五十块五，四个季度都交了，返还多少", 8202, 4101),
    ("我们失业保险每个月交九百块，去年一年都交了，今年没裁人。听说能返一部分，能返多少？", 10800, 5400),
])
def test_a_monthly_premium_for_a_count_of_months_is_last_years_paid(text, paid, refund):
    calc = computed(text)
    assert calc.kind == "unemployment_refund"
    assert calc.inputs["premiums_paid"] == paid and calc.result["refund"] == refund


def test_the_refund_asked_long_after_unemployment_insurance_was_named():
    request = parse_request("失业保险我们一直按时交的，去年每个月交了七百块，全年没断过，厂子里效益也还行，工人一个都没辞退，"
                            "过完年想问问，那个返的能返多少？")
    assert isinstance(request, RefundRequest) and request.periodic_amount == 700


def test_a_monthly_work_injury_contribution_with_jiao():
    calc = computed("工伤保险原来每个月交三百二十块五，降了以后一年能省多少")
    assert calc.result["after"] == 160.25 and calc.result["saving_year"] == 1923


def test_a_monthly_deferral_amount_with_jiao():
    calc = computed("社保每月三项合计一万二千三百块五，1到3月都没交，4月要交多少")
    assert calc.inputs["monthly_amount"] == 12300.5


# -- pension and the halved work-injury contribution together ------------------------------------------
@pytest.mark.parametrize("text,pension,injury,total", [
    ("单位每月缴费基数合计15.5万。养老按文件里企业的费率，工伤原来费率1.2%、按文件下调。这两项单位一个月一共交多少？",
     24800, 930, 25730),
    ("养老和工伤加起来每月要缴多少？工资总额20万，工伤费率以前是0.8%", 32000, 800, 32800),
    ("我们10个人，每人缴费基数5000，养老原来20%，工伤原来0.4%，现在两项一共交多少", 8000, 100, 8100),
    ("缴费基数8万，养老按16%，工伤原费率0.5%减半以后，两个合计每月交多少", 12800, 200, 13000),
])
def test_pension_and_halved_work_injury_together(text, pension, injury, total):
    calc = computed(text)
    assert calc.kind == "pension"
    assert (calc.result["contribution"], calc.result["work_injury"], calc.result["combined"]) == (pension, injury, total)
    assert f"两项合计{total}元" in format_answer(calc)


def test_pension_and_work_injury_over_a_year():
    calc = computed("缴费基数10万，养老和工伤一年下来一共交多少，工伤原费率1%")
    assert calc.result["combined"] == 16500 and calc.result["combined_total"] == 198000


def test_a_work_injury_rate_is_never_the_pensions_old_rate():
    request = parse_request("单位每月缴费基数合计15.5万。养老按文件里企业的费率，工伤原来费率1.2%、按文件下调。这两项单位一个月一共交多少？")
    assert isinstance(request, PensionRequest) and request.old_rate is None and request.work_injury_rate == D("0.012")


def test_pension_and_work_injury_without_the_old_rate_asks_for_it():
    asked = parse_request("养老和工伤一共交多少，基数10万")
    assert isinstance(asked, NeedsInput) and asked.kind == "work_injury" and "原来的工伤保险费率" in asked.question_back


def test_a_work_injury_question_alone_is_unchanged():
    request = parse_request("工伤原来费率1.2%，基数15.5万，下调后能省多少")
    assert isinstance(request, WorkInjuryRequest)


def test_bad_work_injury_rate_in_the_combined_rule():
    with pytest.raises(AmountError, match="原工伤保险费率"):
        pension_contribution(D(100000), work_injury_rate=D("1.5"))


# -- staff counters ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,people", [
    ("服务员后厨加起来一百个整", 100), ("员工一共一百个整", 100), ("工人一百个整儿", 100), ("店里一百人整", 100),
    ("一百号人", 100), ("三十口子", 30), ("员工100位", 100), ("员工一百名", 100), ("后厨8个", 8),
])
def test_staff_counters(text, people):
    found = [q for q in parse_quantities(text) if isinstance(q, Headcount)]
    assert [q.value for q in found] == [D(people)]


def test_rough_counters_keep_their_range():
    q = next(q for q in parse_quantities("员工三十来口子") if isinstance(q, Headcount))
    assert (q.value, q.upper) == (30, 40)


@pytest.mark.parametrize("text", ["我们两口子开的店", "租了2个整层"])
def test_no_staff_count(text):
    assert not any(isinstance(q, Headcount) for q in parse_quantities(text))


@pytest.mark.parametrize("text,size", [
    ("开撸串店（烧烤）的，服务员后厨加起来一百个整，一年流水两千万整，划型算哪一档？", "中型"),
    ("开饭店的，员工一百名整，营业额两千万整，算哪档", "中型"),
    ("开饭馆的，店里三十来口子，营业额一年八百万，算什么规模", "小型"),
    ("开饭店的，两个前台三个后厨，一年营业额九十万，算哪档", "微型"),
])
def test_size_with_owners_staff_counts(text, size):
    assert computed(text).result["size"] == size


# -- the industry from what the firm does -------------------------------------------------------------
@pytest.mark.parametrize("text,industry", [
    ("做钢材贸易的，主要往工地和厂子里供货", "批发业"),
    ("主要给厂子供货，我们是做五金批发的", "批发业"),
    ("我们从厂家进货，开了个超市", "零售业"),
    ("以前在工厂上班，现在开超市的", "零售业"),
    ("做服装贸易，主要是零售", "零售业"),
    ("开商贸公司的", "批发业"),
    ("做外贸的", "批发业"),
    ("客户主要是饭店，我们是做物流的", "交通运输业"),
    ("服务于工厂的软件公司", "软件和信息技术服务业"),
    ("我们给超市供货，是个小厂", "工业"),
    ("给工厂做配件的", "工业"),
    ("开饭店的，也卖点烟酒", "餐饮业"),
    ("因为开饭店，员工多", "餐饮业"),
])
def test_industry_from_what_the_firm_does(text, industry):
    assert find_industry(text)[0] == industry


def test_a_trader_supplying_factories_is_sized_as_wholesale():
    calc = computed("做钢材贸易的，主要往工地和厂子里供货，二百个员工，一年销售额三亿九千万，还算中小微吗？算哪档？")
    assert calc.inputs["industry"] == "批发业" and calc.result["size"] == "中型"


def test_size_request_of_a_trader():
    request = parse_request("开贸易公司的，20个人，一年营收五千万，算什么企业")
    assert isinstance(request, SmeRequest) and request.industry == "贸易"
    calc = calculate(request)
    assert calc.inputs["industry"] == "批发业" and calc.result["size"] == "中型"


# -- quantities spans stay true ------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["每个月六百八十五块五，十二个月", "国有门面80平米，每平米每月95块", "交了一整年"])
def test_spans_point_at_the_text(text):
    for q in parse_quantities(text):
        assert text[q.start:q.end] == q.text


def test_a_whole_year_is_twelve_months():
    assert kinds("交了一整年") == [("MonthCount", 12)]
    assert isinstance(parse_quantities("整一年")[0], MonthCount)
    assert isinstance(parse_quantities("八十平米")[0], Area) and not isinstance(parse_quantities("八十块")[0], Area)
    assert isinstance(parse_quantities("八十块")[0], Money)
