"""A second blind batch's owners' wordings, each as a class: a total spread over the months (「摊到三个月里，平均每个月
合多少」), a private person or shop owner as landlord (「跟一个个体老板租的」), a contribution base with the pension's
rate under the deferral (「基数八万七千五，单位养老按文件的费率交」), a yearly premium asked per month, interest for a
term in days (「一年按365天，实际用了73天」), staff counted group by group (「司机十二个、操作工八个」), a headcount said
as a round figure less a few (「差一个就三百人」), and manufacturing named by its products (「商品混凝土搅拌站」). Bad input
to each is refused with the calculator's own message."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assistant.calculator import (
    AmountError, CalculatorError, DeferralRequest, InterestRequest, NeedsInput, RentRequest, SmeRequest,
    WorkInjuryRequest, calculate, deferral_schedule, find_industry, format_answer, interest_subsidy, rent_relief,
)
from assistant.quantities import parse_quantities, staff_total
from assistant.requests import parse_request


def request_of(text: str):
    request = parse_request(text)
    assert request is not None and not isinstance(request, NeedsInput), request
    return request


def answer(text: str) -> str:
    return format_answer(calculate(request_of(text)))


# -- amounts in owners' shorthand ----------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [("月租12.6k", "12600"), ("月租12.6K", "12600"), ("月租1.26w", "12600"),
                                        ("月租1.26W", "12600"), ("一年交¥8,760.00", "8760"), ("￥1,200.50元", "1200.5")])
def test_shorthand_amounts(text, value):
    money = [q for q in parse_quantities(text) if type(q).__name__ == "Money"]
    assert [q.value for q in money] == [D(value)]


# -- a total spread over the three months -----------------------------------------------------------------
@pytest.mark.parametrize("text,figures", [
    ("国企的铺面，月租12.6k。文件那三个月里，我总共还得交多少房租？要是把这笔钱摊到三个月里，平均每个月合多少？",
     ["6300元", "2100元"]),
    ("国有门面月租9000，三个月一共交多少，平摊下来每月多少", ["4500元", "1500元"]),
    ("国有的商铺月租6000，三个月能减免多少？平均每月能省多少？", ["15000元", "5000元"]),
    ("租的国有门面，月租1.26w，平均每个月能省多少", ["31500元", "10500元"]),
])
def test_a_total_spread_over_the_months_gives_the_average_too(text, figures):
    text_out = answer(text)
    assert all(f in text_out for f in figures), text_out


def test_the_average_is_asked_after_what_it_spreads():
    request = request_of("国企的铺面，月租8000。三个月要交多少？摊到每个月合多少？")
    assert isinstance(request, RentRequest) and request.asked == ("payable", "average")
    assert "平均每月交1333.33元" in answer("国企的铺面，月租8000。三个月要交多少？摊到每个月合多少？")


def test_no_average_unless_asked():
    assert "平均每月" not in answer("国有门面月租9000，能减多少")


def test_a_bad_focus_is_refused_with_our_message():
    with pytest.raises(CalculatorError, match="asked must be one of"):
        rent_relief(8000, "state", asked=("average", "average"))


# -- who owns the premises ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "我们理发店的门面是跟一个个体老板租的，月租八千整。老板说文件里头俩月免租那条只管国有的房子。那我这八千整的房租按文件能减多少？",
    "房东是个体户，月租5000，能减多少",
    "租的私人老板的铺面，月租六千，能免几个月",
    "门面是老板个人的房子，月租4000，按文件能减多少",
    "从老板手里租的门面，月租八千，能减多少",
    "店面是房东个人出租的，月租3000，能减多少",
])
def test_a_private_landlord_gets_no_figure(text):
    request = request_of(text)
    assert isinstance(request, RentRequest) and request.landlord == "other"
    out = answer(text)
    assert "国有资产类经营用房" in out and "具体由双方协商" in out and "减免房租" not in out.split("。")[0]


@pytest.mark.parametrize("text,landlord", [
    ("租的国企的门面，月租8000，老板说能减", "state"), ("跟国企老板租的铺面，月租8000，能减多少", "state"),
    ("村集体的厂房，月租8000，能减多少", "collective"),
    ("租了个门面，月租8000，文件说只针对国有的，我这个能减多少", None),
])
def test_state_owners_and_quoted_rules(text, landlord):
    assert request_of(text).landlord == landlord


# -- a base and the pension rate under the deferral ---------------------------------------------------------
def test_a_base_with_the_documents_pension_rate_under_the_deferral():
    text = "我们每月缴费基数合计八万七千五，单位养老按文件的费率交。一季度这块缓着没交，那5月份光养老一项要交多少？"
    request = request_of(text)
    assert isinstance(request, DeferralRequest) and request.wage_base == D(87500)
    assert request.base_rates == (("养老保险", None),)
    out = answer(text)
    assert "28000元" in out and "14000元" in out and "87500元×16%" in out.replace("8.75万元", "87500元")


def test_a_base_with_pension_and_the_halved_work_injury_rate():
    request = request_of("每月缴费基数10万，养老按16%，工伤原来1%按文件减半，一季度都没交，4月要交多少？")
    assert request.base_rates == (("养老保险", None), ("工伤保险", D("0.01"))) and request.halved == ("工伤保险",)
    out = format_answer(calculate(request))
    assert "4月需缴33000元" in out and "16500元" in out and "0.5%" in out, out


def test_only_the_named_insurance_is_counted():
    request = request_of("缴费基数5万，养老失业工伤都缓了，失业费率0.7%，6月光养老要交多少")
    assert request.base_rates == (("养老保险", None),)


def test_a_base_needs_rates_the_document_lacks():
    with pytest.raises(CalculatorError, match="not in the document"):
        deferral_schedule(wage_base=D(50000), base_rates=(("失业保险", None),), asked_month=5)
    with pytest.raises(AmountError):
        deferral_schedule(wage_base=D(-1), base_rates=(("养老保险", None),), asked_month=5)
    with pytest.raises(CalculatorError, match="not both"):
        deferral_schedule(monthly_amount=D(1000), wage_base=D(50000), base_rates=(("养老保险", None),))


# -- a yearly work-injury premium asked per month ------------------------------------------------------------
@pytest.mark.parametrize("text,figures", [
    ("工伤保险以前一年交¥8,760.00。文件说费率下调一半，那现在平摊到每个月要交多少？", ["4380元", "365元"]),
    ("工伤险原来每年交2400块，下调以后每月合多少", ["1200元", "100元"]),
    ("工伤保险原来每季度交1200元，按文件减半后，平均每个月多少钱", ["600元", "200元"]),
])
def test_a_yearly_premium_asked_per_month(text, figures):
    request = request_of(text)
    assert isinstance(request, WorkInjuryRequest) and request.per_month
    out = answer(text)
    assert all(f in out for f in figures), out


def test_no_monthly_split_unless_asked():
    request = request_of("工伤保险原来一年交8760，下调后一年交多少")
    assert isinstance(request, WorkInjuryRequest) and not request.per_month


# -- interest for a term in days ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,days,basis,figures", [
    ("我们是疫情防控重点保障企业，贷款500万，专项再贷款利率1.46%（年化，一年按365天），实际用了73天。贴息平摊到每天是多少？"
     "这73天里省级财政负担多少？", 73, 365, ["14600元", "200元", "7300元"]),
    ("贷款100万，再贷款利率3.6%，借了90天，一年按360天，贴息多少", 90, 360, ["9000元", "100元"]),
    ("贷款100万，再贷款利率3.65%，用了三十天，贴息多少", 30, None, ["3000元", "一年按365天"]),
])
def test_interest_for_a_term_in_days(text, days, basis, figures):
    request = request_of(text)
    assert isinstance(request, InterestRequest) and request.days == days and request.day_basis == basis
    assert request.months is None
    out = answer(text)
    assert all(f in out for f in figures), out


def test_a_term_in_months_is_unchanged():
    request = request_of("贷款100万，再贷款利率3%，期限6个月，贴息多少")
    assert request.months == 6 and request.days is None


def test_bad_days_are_refused_with_our_message():
    with pytest.raises(AmountError, match="天"):
        interest_subsidy(principal=D(1000000), annual_rate=D("0.03"), days=0)
    with pytest.raises(CalculatorError, match="day_basis"):
        interest_subsidy(principal=D(1000000), annual_rate=D("0.03"), days=30, day_basis=300)
    with pytest.raises(CalculatorError, match="not both"):
        interest_subsidy(principal=D(1000000), annual_rate=D("0.03"), days=30, months=1)


# -- staff counted group by group ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,total", [
    ("开宠物医院的，医生护士二十六个，美容师、前台和保洁一共七十四个，去年营业收入八百万。", 100),
    ("做商品混凝土的搅拌站，罐车司机十二个、站里操作工八个，去年营收正好三百万", 20),
    ("司机十二个、操作工八个", 20),
    ("技术员十五人，销售员二十人，行政人员五人", 40),
    ("理发师三个，还有学徒两个", 5),
    ("厨师5个，服务员8个，每天客人两百个", 13),  # customers are no staff
    ("老师十个，学员三百个", 10),
    ("员工30人，会员三百人", 30),
    ("司机十二个、操作工八个，一共二十个", 20),  # the total said again is not added
    ("员工二十人，其中司机十二个、操作工八个", 20),  # nor the breakdown of a total
])
def test_staff_in_groups_are_summed(text, total):
    assert staff_total(text, parse_quantities(text)).value == total


# -- a round figure less a few, or a little over -------------------------------------------------------------
@pytest.mark.parametrize("text,value,upper", [
    ("签了劳动合同的司机和调度差一个就三百人", 299, None), ("员工差两个到一百", 98, None), ("员工差两人到一百", 98, None),
    ("员工三百人差一个", 299, None), ("员工一百人还差两个", 98, None),
    ("员工差几个就三百", 270, 300),  # as 将近三百
    ("员工三百出头", 300, 400), ("员工三百人出头", 300, 400),  # as 三百多 / 三百来人
])
def test_short_of_and_a_bit_over(text, value, upper):
    counts = [q for q in parse_quantities(text) if type(q).__name__ == "Headcount"]
    assert [(q.value, q.upper) for q in counts] == [(D(value), None if upper is None else D(upper))]


def test_short_of_a_round_figure_decides_the_size():
    out = answer("开网约车公司的，签了劳动合同的司机和调度差一个就三百人，去年营收三千万，资产总额五千万，算中型吧？")
    assert "小型" in out.split("。")[0] and "299人" in out


# -- manufacturing named by its products (GB/T 4754) ----------------------------------------------------------
@pytest.mark.parametrize("said", ["我们是做商品混凝土的搅拌站", "做预制件的", "开建材厂", "食品加工厂", "做注塑的",
                                  "做机械加工的", "搞来料加工的", "开砖厂的", "做纸箱包装的", "家具厂"])
def test_manufacturing_by_what_it_makes(said):
    assert find_industry(said)[0] == "工业"


@pytest.mark.parametrize("said,industry", [("卖水泥的", "零售业"), ("瓷砖店", "零售业"), ("开家具店", "零售业"),
                                           ("做混凝土施工的", "建筑业"), ("给搅拌站送货的物流公司", "交通运输业")])
def test_goods_sold_or_built_are_not_manufacturing(said, industry):
    assert find_industry(said)[0] == industry


def test_the_batching_plant_is_small():
    out = answer("我们是做商品混凝土的搅拌站，罐车司机十二个、站里操作工八个，去年营收正好三百万，资产总额两千万。划型算什么？")
    assert "小型" in out.split("。")[0] and "20人" in out
