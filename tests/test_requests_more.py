"""parse_request on owners' wordings: rent per half year, premiums and headcounts said per part of the year (and
summed across turns only when they cannot be the same money), the old pension rate, per-month deferral amounts
and months asked together, the interest split asked on its own, and size questions in everyday words. Also the
year-parts parser itself, with properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given, strategies as st

from assistant.calculator import (
    Calculation, DeferralRequest, InterestRequest, JobSubsidyRequest, NeedsInput, PensionRequest, PeriodRequest,
    RefundRequest, RentRequest, SmeRequest, TaxDeferralRequest, WorkInjuryRequest, calculate, format_answer,
)
from assistant.quantities import Headcount, parse_quantities
from assistant.requests import parse_request
from assistant.year_parts import PartAmount, YearPart, amounts_to_sum, part_before, per_part, year_parts


def lead(request) -> str:
    return format_answer(calculate(request)).split("\n")[0]


# -- year parts ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,spans", [
    ("去年1到6月每月参保10人，7到12月每月参保14人", [(1, 6), (7, 12)]),
    ("1月8千、2月9千、3月1万；4月以后每月都是1万", [(1, 1), (2, 2), (3, 3), (4, 12)]),
    ("上半年缴了4600元，下半年又缴了5400元", [(1, 6), (7, 12)]),
    ("一季度全缓了，4月到6月加起来", [(1, 3), (4, 6)]),
    ("第三季度、Q4", [(7, 9), (10, 12)]),
    ("我们去年7月才开始参保", [(7, 12)]),
    ("1月份至3月份", [(1, 3)]),
    ("十月到十二月", [(10, 12)]),
])
def test_year_parts(text, spans):
    assert [(p.first, p.last) for p in year_parts(text)] == spans


@pytest.mark.parametrize("text", ["3月15日到5月6日要交的税", "第三个月", "12个月都交了", "交了3个月", "6到3月"])
def test_not_parts_of_a_year(text):
    assert year_parts(text) == ()


def test_a_quantity_pairs_with_the_part_before_it_in_its_clause():
    text = "1—6月每月10人，7—12月14人，一共20人"
    people = [q for q in parse_quantities(text) if isinstance(q, Headcount)]
    pairs = per_part(text, year_parts(text), people)
    assert [(p.first, p.last, h.value) for p, h in pairs] == [(1, 6, 10), (7, 12, 14)]
    assert part_before(text, year_parts(text), text.index("20人")) is None  # another clause


def _part(first: int, last: int) -> YearPart:
    return YearPart(first, last, f"{first}-{last}", 0, 0)


def test_amounts_to_sum_rules():
    h1, h2 = _part(1, 6), _part(7, 12)
    assert amounts_to_sum([PartAmount(D(5400), h2, True), PartAmount(D(4600), h1, False)]) == (
        PartAmount(D(4600), h1, False), PartAmount(D(5400), h2, True))
    # a later figure for the same months stands: a correction or a restatement, never added
    assert amounts_to_sum([PartAmount(D(4800), h1, False), PartAmount(D(4600), h1, False)]) == (
        PartAmount(D(4800), h1, False),)
    # no part said and not 「又」: the later figure is the figure
    assert len(amounts_to_sum([PartAmount(D(12000), None, False), PartAmount(D(10000), None, False)])) == 1
    assert len(amounts_to_sum([PartAmount(D(500), None, True), PartAmount(D(10000), None, False)])) == 2
    # a whole-year total after parts is the total, not one more part
    assert len(amounts_to_sum([PartAmount(D(10000), None, False), PartAmount(D(5400), h2, False),
                               PartAmount(D(4600), h1, False)])) == 1


_spans = st.tuples(st.integers(1, 12), st.integers(1, 12)).map(lambda ab: _part(min(ab), max(ab)))
_said = st.builds(PartAmount, st.integers(0, 10**6).map(D), st.one_of(st.none(), _spans), st.booleans())


@given(st.lists(_said, max_size=6))
def test_summed_parts_never_overlap_and_keep_the_nearest(said):
    chosen = amounts_to_sum(said)
    assert (not said) == (not chosen)
    if said:
        assert chosen[-1] == said[0]  # the nearest figure always counts
    labelled = [c.part for c in chosen if c.part is not None]
    assert all(not a.overlaps(b) for i, a in enumerate(labelled) for b in labelled[i + 1:])


# -- rent per half year --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["国企的厂房，房租半年一交，半年12万。三个月一共能少交多少？",
                                  "国有门面半年租金12万，能省多少", "国有门面每半年交一次租金，一次12万，能减免多少"])
def test_rent_per_half_year(text):
    request = parse_request(text)
    assert (request.period_rent, request.per) == (D(120000), "half_year")
    assert "50000元" in lead(request)


def test_a_years_rent_is_still_a_year_and_half_year_words_do_not_leak():
    assert parse_request("国有仓库，租金一年9.6万元，第三个月交多少").per == "year"
    assert parse_request("国有门面月租2万，上半年生意不好，能省多少").monthly_rent == D(20000)


# -- unemployment refund -------------------------------------------------------------------------------
def test_refund_beats_the_deferral_schedule_when_a_month_is_named():
    request = parse_request("我们去年7月才开始参保，失业保险单位每月交1200，下半年6个月都交了，没裁员，返还多少？")
    assert request == RefundRequest(periodic_amount=D(1200), per="month", periods=6)
    assert "3600元" in lead(request)


@pytest.mark.parametrize("text,periods", [
    ("去年7月才开始参保，失业保险每月交1200，没裁员，返还多少", 6),
    ("失业保险下半年每月交1200，没裁员，能返多少", 6),
    ("失业保险每月交1200，去年一年都交了，返还多少", 12),
])
def test_monthly_premiums_count_the_months_of_the_part_of_the_year(text, periods):
    assert parse_request(text).periods == periods


@pytest.mark.parametrize("history,question,total", [
    (["问下失业保险返还，我们去年上半年实际缴了4600元", "下半年又缴了5400元，一个人都没裁"], "返还能有多少钱？", 10000),
    ([], "失业保险上半年交了4600元，下半年交了5400元，返还多少", 10000),
    (["失业保险一季度交了2000元", "二季度又交了2000元", "下半年交了4000元"], "能返多少", 8000),
    (["去年失业保险交了4600元", "另外还交了500元"], "返还多少", 5100),
])
def test_premiums_for_separate_parts_are_summed(history, question, total):
    request = parse_request(question, history)
    assert sum(v for _, v in request.parts) == total and len(request.parts) > 1
    assert f"{total // 2}元" in lead(request)


@pytest.mark.parametrize("history,question,paid", [
    (["去年失业保险实际缴了4600元", "不对，是5400元，一个人都没裁"], "返还能有多少钱？", 5400),  # a correction
    (["去年失业保险缴了1万元"], "就是1万元，返还多少", 10000),  # a restatement
    (["失业保险上半年交了4600元", "上半年应该是4800元"], "返还多少", 4800),  # the same half again
    (["失业保险上半年交了4600元", "下半年交了5400元"], "全年一共交了1万元，返还多少", 10000),  # the total
    ([], "去年交了失业保险1.2万，今年1月交了1000，能返多少", 12000),  # one part beside a whole: no list of parts
])
def test_corrections_and_restatements_are_not_summed(history, question, paid):
    request = parse_request(question, history)
    assert request == RefundRequest(D(paid)), request


def test_a_corrected_half_still_adds_to_the_other_half():
    request = parse_request("返还多少", ["失业保险上半年交了4600元", "上半年应该是4800元", "下半年5400元"])
    assert request.parts == (("上半年", D(4800)), ("下半年", D(5400)))


# -- job subsidy ---------------------------------------------------------------------------------------
def test_headcounts_given_per_span_of_months_are_averaged():
    request = parse_request("厂里暂时困难但没裁人。去年1到6月每月参保10人，7到12月每月参保14人，"
                            "月人均失业保险金标准1360元，稳岗补贴一共多少？")
    assert request == JobSubsidyRequest(monthly_benefit=D(1360), monthly_headcounts=((1, 6, D(10)), (7, 12, D(14))))
    assert "97920元" in lead(request)
    halves = parse_request("稳岗补贴多少？上半年参保20人，下半年参保30人，失业保险金标准1360元")
    assert halves.monthly_headcounts == ((1, 6, D(20)), (7, 12, D(30)))


def test_an_average_said_outright_is_not_a_span():
    request = parse_request("稳岗补贴：去年年度平均参保职工25人，失业保险金标准1360元，能拿多少")
    assert request == JobSubsidyRequest(D(25), D(1360))


def test_one_months_headcount_alone_is_read_as_before():
    assert parse_request("稳岗补贴多少？去年12月参保20人，失业保险金标准1360元") == JobSubsidyRequest(D(20), D(1360))


def test_headcounts_for_part_of_the_year_ask_for_the_rest():
    out = parse_request("稳岗补贴多少？7到12月每月参保14人，失业保险金标准1360元")
    assert isinstance(out, NeedsInput) and "1—6月每月的参保人数" in out.question_back


# -- pension -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,base,old", [
    ("以前单位养老按20%交，现在降到文件里的费率，每月缴费基数总额50万，每个月能少交多少？", 500000, "0.2"),
    ("养老保险费率从19%降到16%，工资总额每月10万，省了多少", 100000, "0.19"),
    ("养老保险缴费基数5000元，费率16%，每月交多少", 5000, None),
])
def test_pension_old_rate(text, base, old):
    request = parse_request(text)
    assert (request.wage_base, request.old_rate) == (D(base), None if old is None else D(old))


# -- insurance deferral ----------------------------------------------------------------------------------
def test_san_xian_is_the_deferral_and_months_asked_together_are_summed():
    request = parse_request("三险每月合计一万二，一季度全缓了，4月到6月这三个月加起来一共要交多少？")
    assert request == DeferralRequest(monthly_amount=D(12000), asked_month=4, asked_through=6)
    assert "72000元" in lead(request)
    schedule = parse_request("三险的缓缴，补缴最晚几月份要完成？")
    assert isinstance(schedule, DeferralRequest) and schedule.monthly_amount is None


@pytest.mark.parametrize("text", ["每月养老、失业、工伤三项一共2万元，1到3月都缓了，4月份这三项要交多少？",
                                  "每个月社保2万，1到3月加起来要补交多少"])
def test_a_span_described_or_inside_the_deferred_months_is_not_asked_together(text):
    assert parse_request(text).asked_through is None


def test_amounts_that_differ_by_month():
    request = parse_request("我们养老失业工伤三项，1月8千、2月9千、3月1万，都没交；4月以后每月都是1万。5月份要交多少？")
    amounts = dict(request.month_amounts)
    assert request.monthly_amount is None and request.asked_month == 5
    assert (amounts[1], amounts[2], amounts[3], amounts[4], amounts[12]) == (8000, 9000, 10000, 10000, 10000)
    assert "19000元" in lead(request)
    regular = parse_request("养老失业工伤每月1万，其中1月8千、2月9千，都没交，4月要交多少？")
    assert regular.monthly_amount == D(10000) and dict(regular.month_amounts) == {1: 8000, 2: 9000}
    assert "18000元" in lead(regular)


def test_one_amount_for_every_month_named_is_just_the_monthly_amount():
    request = parse_request("2月份养老失业工伤一共1.6万，拖到5月补交要收滞纳金吗？5月份本月加补缴一共交多少（每月都是1.6万）？")
    assert request.month_amounts == () and request.monthly_amount == D(16000)
    spans = parse_request("1到3月每月社保5000没交，4月要交多少")
    assert spans.month_amounts == () and spans.monthly_amount == D(5000)


# -- interest subsidy ------------------------------------------------------------------------------------
def test_the_provincial_share_asked_alone_is_the_interest_subsidy():
    request = parse_request("省里负担多少？", ["我们是疫情防控重点保障企业，贷了600万", "人民银行专项再贷款利率1.5%，贷一年"])
    assert request == InterestRequest(None, D(6_000_000), D("0.015"), 12)
    assert "45000元" in lead(request)
    assert parse_request("再贷款公司能提供什么支持？") is None  # clause 三's lenders, not the subsidy
    assert not isinstance(parse_request("国有门面月租2万，能省多少？省下的钱掏不掏税"), InterestRequest)


# -- size ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,history,industry,size", [
    ("We do construction machinery rental，10个员工，资产总额100万元，算哪一档？", [], "租赁和商务服务业", "小型"),
    ("劳务派遣公司，坐班的就9个人，资产一千万，营业额3000万，属于啥企业？", [], "租赁和商务服务业", "微型"),
    ("开了个快递点，12个快递员，一年营收300万，算啥规模", [], "邮政业", "微型"),
    ("酒店299名员工，年营业收入1.2亿元，算不算大企业？", [], "住宿业", "中型"),
    ("加工厂去年营收280万，人数没细算，能判断是哪类吗？", [], "工业", "微型"),
    ("在淘宝开网店卖衣服，客服加打包一共12个人，年销售额150万，算小微里的哪种？", [], "零售业", "小型"),
    ("三百个人，年收入两千万，算啥？", ["我们是做快递分拣的，属于邮政业"], "邮政业", "中型"),
    ("开小卖部的，就我和老婆俩人，一年营业额30万，算啥企业？", [], "零售业", "微型"),
])
def test_size_questions_in_owners_words(text, history, industry, size):
    request = parse_request(text, history)
    assert isinstance(request, SmeRequest), request
    calc = calculate(request)
    assert isinstance(calc, Calculation) and calc.inputs["industry"] == industry and calc.result["size"] == size


def test_colloquial_headcounts_are_read():
    assert parse_request("开小卖部的，就我和老婆俩人，一年营业额30万，算啥企业？").employees == 2
    assert parse_request("开了个快递点，12个快递员，一年营收300万，算啥规模").employees == 12


def test_a_rough_headcount_without_an_industry_asks_for_the_industry_and_says_the_range():
    out = parse_request("我们就二十来个人，算不算中小微企业啊？")
    assert isinstance(out, NeedsInput) and out.missing == ("industry",)
    assert "从业人员20人以上、不足30人" in out.question_back and "中小企业划型标准规定" in out.question_back


# -- fresh owner wordings: several premises, quarters, mixed bases, medical insurance, more trades -------------
def test_several_premises_rents_are_relieved_each_and_summed():
    request = parse_request("我在国有资产的楼里租了两间铺面，一间月租3000，另一间月租5200，第三个月两间加起来要交多少？")
    assert request == RentRequest(landlord="state", asked="month3", premises=(D(3000), D(5200)))
    text = lead(request)
    assert "4100元" in text and "1500元" in text and "2600元" in text
    follow = parse_request("第三个月两间加起来要交多少？", ["一间月租3000，另一间月租5200"])
    assert follow.premises == (D(3000), D(5200))
    each = parse_request("两间铺面每间月租3000，都是国有的，能减多少")
    assert each.premises == (D(3000), D(3000)) and "15000元" in lead(each)


@pytest.mark.parametrize("text", ["月租8000，不对，是9000，能省多少", "原来月租1万，现在月租8000，能省多少"])
def test_two_rents_for_one_place_are_not_two_premises(text):
    assert parse_request(text).premises == ()


def test_quarterly_premiums_listed_in_history_are_the_refund_when_it_is_asked():
    history = ["去年失业保险是按季度交的：一季度2100，二季度2300，三季度2500，四季度2700", "一个员工都没裁"]
    request = parse_request("返还能拿多少？", history)
    assert isinstance(request, RefundRequest) and sum(v for _, v in request.parts) == 9600
    assert "4800元" in lead(request)
    listed = parse_request("失业保险返还多少？上下半年分别交了4600元和5400元")
    assert [v for _, v in listed.parts] == [4600, 5400]
    assert not isinstance(parse_request("退休人员能拿多少？", history), RefundRequest)


def test_quarterly_average_headcounts_give_the_annual_average():
    history = ["厂子暂时困难，但一个没裁", "去年四个季度的平均参保人数分别是8、10、12、14人"]
    request = parse_request("月人均失业保险金标准按1360元，稳岗补贴一共多少？", history)
    assert request.monthly_headcounts == ((1, 3, D(8)), (4, 6, D(10)), (7, 9, D(12)), (10, 12, D(14)))
    assert "89760元" in lead(request)


def test_mixed_payroll_bases_are_summed_before_the_rate():
    request = parse_request("单位养老保险一个月一共交多少？", ["公司8个员工，其中4个人缴费基数3000，另外4个人5000"])
    assert request == PensionRequest(groups=((D(4), D(3000)), (D(4), D(5000))))
    assert "5120元" in lead(request)


def test_a_quarters_total_with_equal_months_is_a_third_a_month():
    request = parse_request("三险（养老、失业、工伤）每个月金额都一样，一季度合计3万6，全部缓缴了，4月份要交多少？")
    assert request.span_totals == ((1, 3, D(36000)),) and request.same_every_month and request.monthly_amount is None
    assert "24000元" in lead(request)
    unsaid = parse_request("三险一季度合计3万6，全部缓缴了，4月份要交多少？")
    assert not unsaid.same_every_month and "72000元" not in lead(unsaid)


def test_medical_insurance_paid_monthly_is_added_to_the_month_asked():
    request = parse_request("4月份连医保一共要交多少？", ["我们每月养老、失业、工伤三项合计9000元，医保每月3000元",
                                                 "一季度三险都缓缴了，医保每个月都按时交了"])
    assert request.monthly_amount == D(9000) and request.medical_monthly == D(3000)
    assert "21000元" in lead(request) and "18000元" in lead(request)


@pytest.mark.parametrize("text,industry,size", [
    ("城区供热公司，职工400人，年营收1.8亿元，按中小企业划型标准属于哪档？", "工业", "中型"),
    ("我们会计师事务所60个人，资产总额99万元，营业收入800万，按规模怎么划？", "租赁和商务服务业", "微型"),
    ("游戏开发公司，员工300人，去年营收刚好1个亿，还能享受中小微企业的政策吗？", "软件和信息技术服务业", "大型"),
    ("做APP开发的，15个人，营收80万，怎么划型？", "软件和信息技术服务业", "小型"),
])
def test_more_trades_and_how_is_it_classed_wordings(text, industry, size):
    request = parse_request(text)
    assert isinstance(request, SmeRequest), request
    calc = calculate(request)
    assert calc.inputs["industry"] == industry and calc.result["size"] == size


def test_how_to_split_the_interest_is_not_a_size_question():
    assert not isinstance(parse_request("我们饭店贷款100万，利率2%，贴息中央和省里怎么分"), SmeRequest)


# -- spans said from a start to an end, totals asked over months, landlords, periods and trades in owners' words ---
@pytest.mark.parametrize("text,spans", [
    ("去年1到3月还没参保，4月开始每月交1150元，一直交到12月", [(1, 3), (4, 12)]),
    ("从4月开始到9月", [(4, 9)]),
    ("失业保险从3月起每月交1000，交到10月", [(3, 10)]),
    ("七月开始交，交到十二月", [(7, 12)]),
    ("4月起每月1万，到6月要交多少", [(4, 12), (6, 6)]),  # 6月 is asked about, not where the span ends
])
def test_a_span_from_a_start_to_an_end_said_later(text, spans):
    assert [(p.first, p.last) for p in year_parts(text)] == spans


def test_a_span_is_named_where_it_starts_so_its_amount_pairs_with_it():
    text = "1到6月每月参保10人，7月起每月参保14人，一直到12月"
    people = [q for q in parse_quantities(text) if isinstance(q, Headcount)]
    assert [(p.first, p.last, h.value) for p, h in per_part(text, year_parts(text), people)] == [
        (1, 6, 10), (7, 12, 14)]


@pytest.mark.parametrize("text,periods", [
    ("去年1到3月我们还没参保，4月开始每月交失业保险1,150元，一直交到12月，一个月没断。今年一个员工没裁，返还多少钱？", 9),
    ("失业保险从3月起每月交1000，交到10月，没裁员，能返多少", 8),
])
def test_monthly_premiums_count_the_months_paid_not_the_months_unpaid(text, periods):
    request = parse_request(text)
    assert isinstance(request, RefundRequest) and request.per == "month" and request.periods == periods


@pytest.mark.parametrize("text,months,total", [
    ("每个月工资总额38万，按文件里现在的企业养老费率，单位这块一年下来要交多少？", 12, "729600元"),
    ("养老保险每月缴费基数5万，半年一共交多少", 6, "48000元"),
])
def test_a_pension_total_asked_over_months(text, months, total):
    request = parse_request(text)
    assert isinstance(request, PensionRequest) and request.months == months
    assert total in lead(request)


def test_a_pension_base_said_for_a_year_or_a_month_asked_is_not_multiplied():
    assert parse_request("年工资总额456万，养老一年交多少").months is None
    assert parse_request("养老保险缴费基数5000元，每月交多少").months is None


@pytest.mark.parametrize("text,per,months", [
    ("工伤保显以前一个月交960，文件说减半，那半年下来一共交多少？", "month", 6),
    ("工伤险原来每季度交3000，现在半年要交多少", "quarter", 6),
    ("工伤险原来每月要交2400块，现在一年能省多少", "month", None),  # the rule gives the year itself
    ("工伤险原来每季度要交2400块，8个月一共交多少", "quarter", None),  # no whole number of quarters
])
def test_a_work_injury_total_asked_over_months(text, per, months):
    request = parse_request(text)
    assert isinstance(request, WorkInjuryRequest) and (request.per, request.months) == (per, months)


@pytest.mark.parametrize("text", [
    "我在村里开民宿，院子是跟一个老乡个人租的，一年房租六万。他说政府文件让房东免三个月，我看了说的是国有的房子？那我这个能让他减多少？",
    "租的村民的院子开农家乐，月租3000，能减多少",
    "门面是从个人手里租的，月租5000，能免几个月",
])
def test_a_private_person_as_landlord_is_no_state_premises(text):
    request = parse_request(text)
    assert isinstance(request, RentRequest) and request.landlord == "other"
    assert "具体由双方协商" in lead(request)


def test_a_day_inside_the_rent_reliefs_three_months_is_its_period_question():
    request = parse_request("国有门面减房租那条，我4月20号才去申请，还在文件说的那三个月里面吗？")
    assert request == PeriodRequest(on=dt.date(2020, 4, 20), measure="rent_relief")
    assert "自本意见发布之日起三个月" in lead(request) and "2020年2月7日" in lead(request)
    assert parse_request("5月7日政策还有效吗") == PeriodRequest(on=dt.date(2020, 5, 7))  # the document's own
    # a rent with figures asked over the three months is the relief, not the period
    assert isinstance(parse_request("国有门面月租8000，在政策三个月内一共要交多少"), RentRequest)


@pytest.mark.parametrize("text,industry,size", [
    ("开了个快递站，20个快递小哥，一年营收100万，算小型还是微型？", "邮政业", "小型"),
    ("我们是做有线电视网络传输的小公司，10个员工，一年营收一百万，划型算啥？", "信息传输业", "小型"),
    ("做软件的，299个码农，去年营收2个亿，是大企业还是中型？", "软件和信息技术服务业", "中型"),
    ("搞卫星传输服务的，120人，营收1500万，算哪一档？", "信息传输业", "中型"),
])
def test_people_by_nickname_and_transmission_trades(text, industry, size):
    request = parse_request(text)
    assert isinstance(request, SmeRequest), request
    calc = calculate(request)
    assert calc.inputs["industry"] == industry and calc.result["size"] == size


def test_each_months_amount_said_right_after_the_month():
    request = parse_request("社保里养老失业工伤这三样，1月9500、2月1万、3月1万1都还没交，4月起每月1万2。4、5、6月各要交多少？")
    assert isinstance(request, DeferralRequest) and request.month_amounts[:4] == (
        (1, D(9500)), (2, D(10000)), (3, D(11000)), (4, D(12000)))
    assert all(figure in lead(request) for figure in ("21500元", "22000元", "23000元"))


# -- dev cases ty-1026…1075: rough and restated headcounts, revenue per period, APP trades, the insured headcount --
@pytest.mark.parametrize("text,industry,size", [
    ("开面馆的，二十来个人，一年营业额300来万，算哪种？", "餐饮业", "小型"),  # 20–29 people, 300–399万
    ("做五金批发的，七八个人，一年走货两千来万，算中型不？", "批发业", "小型"),
    ("机械加工厂将近300个工人（差几个不到300），去年营收8000万，算中型吗？", "工业", "小型"),
    ("物业公司，保洁将近一百人（九十七八个），一年收入600万，算什么规模？", "物业管理", "微型"),
    ("快递站将近20个快递员（十八九个），年营收300万，属于哪一档？", "邮政业", "微型"),
    ("跑货运的，五百来号人，年营收两个多亿（不到三个亿），算哪档？", "交通运输业", "中型"),
    ("开培训学校的，老师一共一百零几个人，算什么规模？", "其他未列明行业", "中型"),
    ("开服装店的，店员正好10个，去年营业收入99万，算哪档？", "零售业", "微型"),
    ("做小程序外包的，30个人，营收600万，属于什么规模？", "软件和信息技术服务业", "小型"),
])
def test_size_from_rough_restated_and_adverb_headcounts(text, industry, size):
    request = parse_request(text)
    assert isinstance(request, SmeRequest), request
    calc = calculate(request)
    assert isinstance(calc, Calculation), calc
    assert calc.inputs["industry"] == industry and calc.result["size"] == size


def test_nearly_a_band_line_is_below_it_and_a_range_across_a_line_asks():
    # 「将近100人」 is 90–99: under the 物业 小型 line of 100 people, wherever in that range
    assert calculate(parse_request("物业公司将近100人，营收800万，算哪档？")).result["size"] == "微型"
    # 「不到300人」 caps the count only: 0–299 people spans 微型 and 小型 for a factory, so it asks
    out = parse_request("加工厂不到300人，营收5000万，算哪档？")
    assert isinstance(out, NeedsInput) and "从业人员不足300人" in out.question_back


@pytest.mark.parametrize("text,per,size", [
    ("开了个便利店，12个店员，一周流水差不多3万，算哪档？", "week", "小型"),  # 3万×52 = 156万
    ("开饭馆的，15个人，每天营业额5000左右，算哪种规模？", "day", "小型"),  # 5000×365 = 182.5万
    ("开饭馆的，15个人，流水一个月8万，算哪种规模？", "month", "微型"),  # 8万×12 = 96万 < 100万
    ("开饭馆的，15个人，一年营业额300万，每周营业7天，算哪种规模？", None, "小型"),  # the week is not the figure's
])
def test_revenue_said_per_day_week_or_month_is_a_years_worth(text, per, size):
    request = parse_request(text)
    assert isinstance(request, SmeRequest) and request.revenue_per == per
    calc = calculate(request)
    assert calc.result["size"] == size
    assert ("折算为全年" in format_answer(calc)) == (per is not None)


def test_apps_and_mini_programs_are_software_unless_another_trade_is_named():
    assert parse_request("做APP外包的，team 有 45 人，revenue 800万，属于什么规模？").industry == "APP"
    assert calculate(parse_request("做APP外包的，45人，营收800万，属于什么规模？")).inputs["industry"] == "软件和信息技术服务业"
    restaurant = calculate(parse_request("开饭馆的，用小程序点餐，20人，营收300万，算哪档？"))
    assert restaurant.inputs["industry"] == "餐饮业"


def test_the_job_subsidy_takes_the_insured_headcount_over_the_roll():
    request = parse_request("场里在册25个人，年度平均参保职工19个，月人均失业保险金标准按1360算，稳岗补贴能拿多少？")
    assert request == JobSubsidyRequest(insured_employees=D(19), monthly_benefit=D(1360))
    assert "155040元" in lead(request)
    # the standard said in English in the question, the insured headcount in an earlier turn
    request = parse_request("benefit standard 按 1,360 元/月 算，稳岗补贴 total 多少？",
                            ["We are a small software company（做软件的），现在暂时困难 but no layoffs",
                             "年度平均参保 headcount 是 15 人"])
    assert request == JobSubsidyRequest(insured_employees=D(15), monthly_benefit=D(1360))


# -- review 6: period particles, the tenant as 个人, dated bases, asked spans, role headcounts, trade verbs --
@pytest.mark.parametrize("text", [
    "门面在三个月内没营业，月租5000，房租能减免吗？",
    "我们店在三个月内不开业，房租能减免吗？",
    "我们在三个月内没有裁员，文件说的返还能拿吗",
    "在疫情期间内不开门，房租有减免吗",
])
def test_not_or_no_followed_by_a_verb_is_no_period_question(text):
    assert not isinstance(parse_request(text), PeriodRequest)


def test_a_clause_ending_particle_still_asks_whether_a_day_is_inside():
    for text in ("4月20号还在文件说的那三个月里面吗", "4月20号还在文件说的那三个月里面不？", "4月20号还在政策期限内没有？"):
        assert isinstance(parse_request(text), PeriodRequest), text
    rent = parse_request("门面在三个月内没营业，月租5000，房租能减免吗？")
    assert isinstance(rent, RentRequest) and "12500元" in lead(rent)


@pytest.mark.parametrize("text,figure", [
    ("我个人租的国有门面，月租5000能减多少", "12500元"),
    ("我是个体户，个人租的国有门面月租5000，能免多少", "12500元"),
    ("我以个人名义租的国有门面，月租5000能减多少", "12500元"),
    ("从老乡手里租的国有门面，月租5000", "12500元"),
    ("房子是跟邻居租的，国有的，月租3000，能减多少", "7500元"),
])
def test_state_premises_said_outright_win_over_a_person_named(text, figure):
    request = parse_request(text)
    assert isinstance(request, RentRequest) and request.landlord == "state" and figure in lead(request)


@pytest.mark.parametrize("text,landlord", [
    ("我个人租的门面，月租5000", None),  # the tenant is the 个人: who owns it is not said
    ("我们跟个人租的门面，月租5000，能免多少？", "other"),
    ("我从个人那里租的，是不是国有的我不知道，月租5000", "other"),  # doubted, not said
    ("租的不是国有的房子，月租5000", "other"),
])
def test_a_person_as_landlord_or_tenant(text, landlord):
    request = parse_request(text)
    assert isinstance(request, (RentRequest, NeedsInput)), request
    if isinstance(request, RentRequest):
        assert request.landlord == landlord


def test_a_year_said_as_a_date_is_no_yearly_base():
    request = parse_request("2021年每月工资总额10万，养老保险一年下来交多少")
    assert isinstance(request, PensionRequest) and request.months == 12 and "192000元" in lead(request)
    assert parse_request("我们公司成立3年了，每月工资总额38万，养老保险一年下来要交多少").months == 12
    assert parse_request("养老保险一年缴费基数60万，一年下来要交多少").months is None  # a year's base


def test_a_span_beyond_the_rules_range_or_a_count_asked_is_not_multiplied():
    far = parse_request("养老保险每月基数5万，11年下来交多少")
    assert far.months is None and "8000元" in lead(far) and "无法计算" not in lead(far)
    assert parse_request("养老保险每月基数5万，一年几次申报？").months is None  # how many filings
    assert parse_request("养老保险每月基数5万，一年下来有几个人能退休").months is None
    two = parse_request("养老保险每月基数5万，两年下来交多少")
    assert two.months == 24 and "2年共需单位缴费192000元" in lead(two)
    assert parse_request("养老保险每月基数5万，一年下来交多少").months == 12


def test_staff_listed_by_role_are_one_headcount_and_projects_are_none():
    request = parse_request("店里有两个阿姨一个大姐，营收50万，餐饮，算微型吗")
    assert isinstance(request, SmeRequest) and request.employees == 3
    request = parse_request("5个项目工人，建筑公司营收500万，资产800万，算啥规模")
    assert isinstance(request, SmeRequest) and request.employees is None


@pytest.mark.parametrize("text,industry", [
    ("卖有线电视机顶盒的，营收100万，10个员工，算什么规模", "零售业"),
    ("数据中心机房建设，营收1000万，资产800万，算什么规模", "建筑业"),
    ("建设数据中心的，营收1000万，资产800万，算什么规模", "建筑业"),
    ("批发蔬菜的，10个员工，营收500万，算什么规模", "批发业"),
    ("做有线电视网络传输的，10个员工，营收100万，算什么规模", "信息传输业"),
    ("开饭店卖炒菜的，10个员工，营收100万，算什么规模", "餐饮业"),
    ("做网站建设的，10个员工，营收100万，算什么规模", "软件和信息技术服务业"),
])
def test_a_trade_verb_names_the_trade_over_the_goods_after_it(text, industry):
    request = parse_request(text)
    assert isinstance(request, (SmeRequest, NeedsInput)), request
    assert calculate(request).inputs["industry"] == industry if isinstance(request, SmeRequest) \
        else request.inputs["industry"] == industry


@pytest.mark.parametrize("text,measure", [
    ("我租的门面，5月10号政策还有效吗？", None),  # renting describes the asker
    ("房租减免，5月10号还在三个月里面吗？", "rent_relief"),
    ("国有门面减房租那条，我4月20号才去申请，还在文件说的那三个月里面吗？", "rent_relief"),
    ("免租的政策5月10号还有效吗？", "rent_relief"),
    ("5月10号政策还有效吗？", None),
])
def test_the_rent_reliefs_own_period_only_when_asked_about(text, measure):
    request = parse_request(text)
    assert isinstance(request, PeriodRequest) and request.measure == measure


@pytest.mark.parametrize("text,paid", [
    ("失业保险1到3月不交，4月开始每月1000，没裁员能返多少", 9000),
    ("失业保险1到3月上了，4到12月每月1000，没裁员能返多少", 9000),  # the months the amount is said for
    ("从3月起每月交1000失业保险，去年交到10月，没裁员，能返多少", 8000),
])
def test_month_numbers_in_a_span_are_not_premiums(text, paid):
    request = parse_request(text)
    assert isinstance(request, RefundRequest) and request.premiums_paid is None and request.periodic_amount == 1000
    assert calculate(request).inputs["premiums_paid"] == paid and f"{paid // 2}元" in lead(request)


# -- rents per day, other charges, collective landlords ---------------------------------------------------
@pytest.mark.parametrize("text,days,month3", [
    ("租的是市属国企的临街铺面，合同是按天算租金的，一天三百五，一个月按30天算。第三个月房租要交多少？", 30, 5250),
    ("国企门面日租金400元，第三个月要交多少？", None, 6000),  # no count said: 30 days, and the step says so
    ("国企的门面每天租金500，按31天一个月，第三个月交多少？", 31, 7750),
])
def test_a_rent_said_per_day_is_a_month_of_days(text, days, month3):
    request = parse_request(text)
    assert isinstance(request, RentRequest) and request.per == "day" and request.days_per_month == days
    assert f"{month3}元" in lead(request)


@pytest.mark.parametrize("text,relief", [
    ("国企的厂房，租金半年一付，半年9万3；另外物业费每月1500，水电一个月大概两千。光房租一共能少交多少？", 38750),
    ("国企门面，物业费每月1000，月租8000，能减多少？", 20000),
    ("国企门面，物业费一年1.2万，房租每季度3万，能减多少？", 25000),
])
def test_other_charges_beside_the_rent_are_not_rent(text, relief):
    assert f"{relief}元" in lead(parse_request(text))


@pytest.mark.parametrize("text,landlord", [
    ("我们在村集体办的创业园里租了间办公室，月租3000，园区不是国有的。能减多少？", "collective"),
    ("租的是集体所有的厂房，月租5000，能减多少？", "collective"),
    ("租的国企门面，月租5000，文件说国有、集体及享受过财政支持的创业载体要带头减免，能减多少？", "state"),
])
def test_a_collective_landlord_is_not_state_owned(text, landlord):
    request = parse_request(text)
    assert isinstance(request, RentRequest) and request.landlord == landlord
    if landlord == "collective":
        calc = calculate(request)
        assert calc.result["covered"] is False and calc.result["relief_total"] is None
        assert "带头减免" in lead(request) and "国有资产类经营用房" in lead(request)


# -- amounts said otherwise than the rule takes them ---------------------------------------------------
def test_premiums_said_as_a_range_give_the_refund_at_both_ends():
    request = parse_request("去年失业保险实际交了多少会计还在核，估计在9千到1万1之间，我们一个人没裁。返还大概在什么范围？")
    assert isinstance(request, RefundRequest) and (request.premiums_paid, request.premiums_upper) == (9000, 11000)
    assert "4500元" in lead(request) and "5500元" in lead(request)
    # one amount is no range
    assert parse_request("去年失业保险交了1万2，没裁员，能返多少").premiums_upper is None


@pytest.mark.parametrize("text,history", [
    ("社保局的人说6个月的失业保险金标准加起来是8160元，那稳岗补贴一共能拿多少？", ["暂时困难没裁员", "年度平均参保职工9个人"]),
    ("稳岗补贴，半年的失业保险金标准合计8160元，年度平均参保职工9人，能拿多少？", []),
])
def test_a_benefit_standard_summed_over_months_is_divided_back(text, history):
    request = parse_request(text, history)
    assert isinstance(request, JobSubsidyRequest) and request.monthly_benefit is None
    assert (request.benefit_total, request.benefit_months) == (8160, 6)
    assert "73440元" in lead(request)
    # a monthly figure stays one
    monthly = parse_request("稳岗补贴，月人均失业保险金标准1360元，年度平均参保职工9人，能拿多少？")
    assert monthly.monthly_benefit == 1360 and monthly.benefit_total is None


@pytest.mark.parametrize("text,base", [
    ("单位养老保险这个月交了2万4，已经是按文件里的企业费率交的，那我们单位的缴费基数合计是多少？", "150000元"),
    ("养老保险单位每月缴了8000元，按16%算，缴费基数是多少？", "50000元"),
])
def test_a_pension_paid_at_16_percent_gives_the_base(text, base):
    request = parse_request(text)
    assert isinstance(request, PensionRequest) and request.wage_base is None and request.contribution is not None
    assert base in lead(request)


def test_a_pension_paid_at_another_rate_or_a_base_given_is_not_reversed():
    paid_at_20 = parse_request("养老保险按20%交了8000元，缴费基数是多少？")
    assert getattr(paid_at_20, "contribution", None) is None
    assert getattr(paid_at_20, "wage_base", None) is None  # nor the amount paid read as the base: it asks
    assert parse_request("养老保险每月缴费基数10万，单位交多少？").wage_base == 100000


def test_a_monthly_total_with_medical_in_it_defers_only_the_rest():
    request = parse_request("每月社保一共2万3，其中医保5千，剩下的是养老失业工伤。一季度除了医保都缓了，医保每月按时交。"
                            "5月份一共要交多少？")
    assert isinstance(request, DeferralRequest) and request.medical_included
    assert (request.monthly_amount, request.medical_monthly) == (23000, 5000)
    calc = calculate(request)
    assert calc.result["month5_payment"] == 36000 and calc.result["month5_with_medical"] == 41000
    # medical said on its own (not inside the total) is added, not taken out
    apart = parse_request("每月养老失业工伤三项2万，医保每月5000，5月份要交多少？")
    assert not apart.medical_included and calculate(apart).result["month5_with_medical"] == 45000


@pytest.mark.parametrize("text,annual", [
    ("我们是疫情防控重点保障企业，贷了600万，专项再贷款利率折成月息是0.125%，贷12个月。贴息一共多少？", None),
    ("贴息：贷款600万，月利率0.125%，12个月，贴息多少？", None),
    ("贴息：贷款600万，年利率1.5%，12个月，贴息多少？", D("0.015")),
])
def test_a_monthly_interest_rate_is_turned_into_the_annual_one(text, annual):
    request = parse_request(text)
    assert isinstance(request, InterestRequest) and request.annual_rate == annual
    assert request.monthly_rate == (D("0.00125") if annual is None else None)
    assert "90000元" in lead(request)


# -- industries by GB/T 4754 -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,industry,size", [
    ("开发楼盘的房企，几十号人，去年营收九百九十九万，资产总额三个亿，划型算哪档？", "房地产开发经营", "小型"),
    ("我们出租挖掘机、塔吊这些工程机械，员工正好300人，资产总额12个亿，营收一年3个亿，还算中小微吗？", "租赁和商务服务业", "大型"),
    ("开搬家公司的，搬运师傅加调度19个人，一年营收300万，算小型不？", "交通运输业", "微型"),
    ("在批发市场做蔬菜一级批发，档口6个人，一周走货大概三十来万，算哪类企业？", "批发业", "小型"),
])
def test_trades_named_by_what_they_do(text, industry, size):
    request = parse_request(text)
    assert isinstance(request, SmeRequest), request
    calc = calculate(request)
    assert calc.inputs["industry"] == industry and calc.result["size"] == size


# -- review fixes: each reviewer input is a case --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "国有门面，一天400，一个月按二十八九天算，能减多少",
    "国有门面，日租金400，每个月按二三十天算，能减多少",
    "国有门面，日租金400，按三三天算，能减多少",
    "国有门面，日租金400，一个月按二十八九天算，能减多少",
])
def test_a_loose_count_of_days_asks_for_the_rent_and_never_raises(text):
    request = parse_request(text)
    assert isinstance(request, NeedsInput) and request.missing == ("monthly_rent",)


@pytest.mark.parametrize("text", [
    "国有门面，每天营业额5000元，房租能减多少",
    "国有门面，疫情期间一天损失三千，能减多少房租？",
    "国有门面，一天营业额两千，房租能减多少",
    "国有门面，每天亏两千，房租能减多少",
    "国有门面，员工一天两百，租金能减吗？",
    "国有门面，合同按天算租金，员工一天两百，租金能减多少？",
])
def test_a_per_day_figure_that_is_not_rent_is_no_rent(text):
    request = parse_request(text)
    assert isinstance(request, NeedsInput) and request.missing == ("monthly_rent",)


@pytest.mark.parametrize("text", [
    "我们是集体所有制企业，租的国有门面，月租1万，能减多少？",
    "租的国有门面，月租1万，我们员工集体的意见是想多减点，能减多少？",
    "租的国有门面，月租1万，集体的宿舍另算，能减多少？",
    "租了国有的门面，和村里的房东不一样，月租1万，能减多少？",
    "租的国有门面，月租1万，村委会的意见是减，能减多少？",
    "租的国有资产公司的门面，以前是集体的，月租1万，能减多少？",
])
def test_collective_words_do_not_outweigh_a_state_landlord(text):
    request = parse_request(text)
    assert isinstance(request, RentRequest) and request.landlord == "state"
    assert "25000元" in lead(request)


@pytest.mark.parametrize("text,landlord", [
    ("租的村委会的房子，月租2000，能减多少？", "collective"),
    ("房东是村集体，月租2000，能减多少？", "collective"),
    ("我们是集体所有制企业，租的私人门面，月租2000，能减多少？", "other"),
])
def test_collective_only_of_the_premises_or_landlord(text, landlord):
    assert parse_request(text).landlord == landlord


@pytest.mark.parametrize("text", [
    "贷款100万，按月算息年利率3.15%，12个月，贴息多少",
    "贷款100万，按月计息利率3.15%，12个月，贴息多少",
    "贷款100万，月利率是年利率3.15%除以12，12个月，贴息多少",
])
def test_a_rate_charged_monthly_but_said_per_year_is_annual(text):
    request = parse_request(text)
    assert isinstance(request, InterestRequest) and request.monthly_rate is None and request.annual_rate == D("0.0315")
    assert calculate(request).result["total_subsidy"] == 31500


def test_an_implausible_or_loosely_named_monthly_rate_is_asked_for():
    request = parse_request("贷款100万，月利3.15%，12个月，贴息多少")
    assert isinstance(request, NeedsInput) and "annual_rate" in request.missing
    request = parse_request("贷款100万，月息3.15%，12个月，贴息多少")
    assert isinstance(request, NeedsInput) and "annual_rate" in request.missing
    # a plausible one labelled 月息 stays monthly
    request = parse_request("贷了600万，专项再贷款利率折成月息是0.125%，贷12个月，贴息多少？")
    assert isinstance(request, InterestRequest) and request.monthly_rate == D("0.00125")
    assert calculate(request).result["total_subsidy"] == 90000


def test_a_monthly_rate_asked_back_shows_no_none_string():
    request = parse_request("贷款12个月，利息月息0.4%，贴息多少")
    assert isinstance(request, NeedsInput)
    assert "None" not in request.inputs.values() and request.inputs.get("monthly_rate") == "0.004"
    assert "annual_rate" not in request.inputs


@pytest.mark.parametrize("text,april", [
    ("每月三项社保1万8，医保（含生育）每月5千，4月交多少？", 36000),
    ("每月三项社保1万8，医保含大病每月5千，4月交多少？", 36000),
    ("每月社保三项合计1万8，包括医保在内一共2万3，4月交多少？", 36000),
])
def test_medicals_own_description_is_not_a_part_of_the_total(text, april):
    request = parse_request(text)
    assert isinstance(request, DeferralRequest) and not request.medical_included
    assert calculate(request).result["month4_payment"] == april


def test_a_benefit_said_per_month_after_the_figure_is_monthly():
    request = parse_request("参保20人，6个月累计失业保险金标准1360元/月，补贴多少")
    assert isinstance(request, JobSubsidyRequest) and request.monthly_benefit == 1360 and request.benefit_total is None
    assert calculate(request).result["subsidy"] == 163200


@pytest.mark.parametrize("text,rent", [
    ("国有门面，物业租金每月8000，能减多少", 8000),
    ("国有门面，不含物业费月租8000，能减多少", 8000),
    ("国有门面，水电自理月租8000，能减多少", 8000),
    ("国有门面，每月交物业公司8000租金，能减多少", 8000),
    ("国有门面，月租金含物业费一共1万，能减多少", 10000),
])
def test_a_charge_word_that_qualifies_the_rent_does_not_hide_it(text, rent):
    request = parse_request(text)
    assert isinstance(request, RentRequest) and request.monthly_rent == rent


@pytest.mark.parametrize("text,history", [
    ("养老保险这个月交了2万4（单位加个人），缴费基数是多少？", []),
    ("单位20个员工，养老保险这个月交了2万4，平均每人缴费基数是多少？", []),
    ("单位养老保险去年交了28万8，缴费基数是多少？", []),
    ("单位养老保险缴费基数最低多少？", []),
    ("单位养老保险这个月交了1万6，缴费基数最高多少？", []),
    ("单位养老保险这个月交了2万4，缴费基数合计是多少？", ["我们有20个员工"]),
])
def test_a_pension_amount_is_reversed_only_for_the_firm_in_one_month(text, history):
    request = parse_request(text, history)
    assert getattr(request, "contribution", None) is None


def test_a_rate_in_an_earlier_turn_does_not_stop_the_reverse():
    request = parse_request("单位养老保险这个月交了2万4，按文件费率交的，缴费基数合计是多少？", ["工伤保险费率0.4%"])
    assert isinstance(request, PensionRequest) and request.contribution == 24000
    assert "150000元" in lead(request)


@pytest.mark.parametrize("text", [
    "去年失业保险上半年4600，下半年5400到6000，没裁员，能返还多少？",
    "去年失业保险交了9千到1万，另外补缴了2千，没裁员，能返还多少？",
])
def test_a_range_beside_other_premiums_asks_back(text):
    request = parse_request(text)
    assert isinstance(request, NeedsInput) and request.missing == ("premiums_paid",)


# -- second review of the request building --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "单位这个月社保一共交了2万4，养老缴费基数是多少？",  # a total of several insurances
    "单位这个月养老和失业一共交了2万4，养老缴费基数是多少？",
    "单位养老保险这个季度交了7万2，缴费基数是多少？",  # a quarter's worth, not a month's
    "单位每个季度养老交7万2，缴费基数是多少？",
])
def test_a_pension_base_is_not_reversed_from_a_sum_of_insurances_or_a_quarter(text):
    request = parse_request(text)  # the question asks back for the base, not a base worked back at 16%
    assert isinstance(request, NeedsInput) and request.kind == "pension" and request.missing == ("wage_base",)


def test_medical_said_as_separate_is_added_to_the_total():
    request = parse_request("每月社保1万8，另外包括医保每月5千，4月交多少？")
    assert isinstance(request, DeferralRequest) and not request.medical_included
    assert (request.monthly_amount, request.medical_monthly) == (18000, 5000)
    # April pays April + January of the three (2×18000) and April's medical insurance
    assert calculate(request).result["month4_with_medical"] == 41000


def test_the_relending_rate_wins_over_the_bank_rate():
    request = parse_request("贷款100万，12个月，银行月息0.4%，再贷款利率3.15%，贴息多少")
    assert isinstance(request, InterestRequest) and request.annual_rate == D("0.0315") and request.monthly_rate is None
    assert "31500元" in lead(request)


def test_a_month_of_working_days_counts_those_days():
    request = parse_request("国企门面，房租一天400，一个月按22个工作日算，第三个月交多少？")
    assert isinstance(request, RentRequest) and request.per == "day" and request.days_per_month == 22
    assert "4400元" in lead(request)
    steps = " ".join(calculate(request).steps)
    assert "没有说一个月按几天算" not in steps and "22天" in steps


# -- a day inside the period, asked as whether the document had started; another clause's coverage ---------------
@pytest.mark.parametrize("text,inside", [
    ("2020年2月28号我们去银行办的续贷，那天这份意见已经开始执行了吧？", True),
    ("3月1日签的合同，那时候文件开始实施了吗", True),
    ("2020年8月1日交的房租，文件那会儿已经生效了吗", False),
])
def test_whether_a_day_falls_after_the_start_is_a_period_question(text, inside):
    request = parse_request(text, today=dt.date(2026, 11, 26))
    assert isinstance(request, PeriodRequest) and request.on is not None
    assert ("在" in lead(request)) and (("不在" in lead(request)) != inside)


@pytest.mark.parametrize("text", [
    "俺们是民营的厂子，一百五十来号人。有人说市里文件光替小微企业清欠，俺们这号民营的算不算在里头？",
    "我们公司80人，被拖欠了货款，文件说的中小微企业清欠，个体户算不算在内？",
])
def test_whether_another_clause_covers_a_firm_is_no_size_question(text):
    assert not isinstance(parse_request(text, today=dt.date(2026, 11, 26)), (SmeRequest, NeedsInput))


def test_a_size_question_that_mentions_another_clause_is_still_one():
    text = "我们被拖欠了货款，厂里150人，年营收3000万，算小微企业吗？"
    assert isinstance(parse_request(text, today=dt.date(2026, 11, 26)), SmeRequest)


def test_a_weak_period_word_about_something_else_is_no_period_question():
    story = "说俺们灭火器过期了俩月，拍了照说回头再来。文件不是说对小企业先给指条道吗？消防也算在里头不？"
    assert not isinstance(parse_request(story, today=dt.date(2026, 11, 26)), PeriodRequest)
    assert isinstance(parse_request("这个政策是不是已经过期了？", today=dt.date(2026, 11, 26)), PeriodRequest)


def test_a_dotted_or_iso_date_before_a_half_width_comma_is_read():
    # the engine's cleaned text turns ，into , (dev ty-1426)
    request = parse_request("有笔税款截止日是2020-04-21,钱一时凑不齐,最晚到哪天?", today=dt.date(2026, 11, 26))
    assert isinstance(request, TaxDeferralRequest) and request.due_date == dt.date(2020, 4, 21)


def test_a_due_date_asked_without_one_gets_the_rule_and_the_question_not_a_refusal(fake_engine):
    a = fake_engine.answer("俺们有笔税一时交不上，申请延期缴纳的话，最晚能延到哪天？")
    assert not a.refused and "最长不超过3个月" in a.text and "原定的缴纳期限" in a.text


def test_the_documents_own_period_is_asked_whatever_the_story_rents():
    text = "我们2020年4月底才跟国资公司签了房租减免的补充协议，那会儿这份意见还在执行期里吗？"
    request = parse_request(text, today=dt.date(2026, 11, 26))
    assert isinstance(request, PeriodRequest) and request.measure is None
    rent = parse_request("4月20号签的，房租减免还在三个月里面吗？", today=dt.date(2026, 11, 26))
    assert isinstance(rent, PeriodRequest) and rent.measure == "rent_relief"


# -- corrections that carry what the figure is per, and changes said on the way to the corrected figure ---------------
def test_a_corrected_annual_rent_stays_annual():
    request = parse_request("厂房是跟市国资委下面一家公司租的，年租金十四万四，哦不对，我翻了下合同是十五万六。"
                            "第三个月的房租该交多少？")
    assert (request.period_rent, request.per) == (156_000, "year")
    assert calculate(request).result["month3_payment"] == 6500


def test_a_change_on_the_way_to_the_corrected_figure_is_no_figure_of_its_own():
    assert [q.value for q in parse_quantities("员工52个，哦不对，上个月走了4个，现在48个")] == [48]
    request = parse_request("开超市的，员工52个，哦不对，上个月走了4个，现在48个，一年营业额760万。算中型还是小型？")
    assert (request.employees, request.revenue_yuan) == (48, 7_600_000)
    # a change with no figure after it still corrects nothing
    assert [q.value for q in parse_quantities("国有门面月租8000，说错了，上个月涨了500")] == [8000, 500]


# -- the deferral schedule: months listed together, a level changed by a story, the month the last sentence asks ------
def test_months_listed_together_share_the_amount_said_for_each():
    text = ("三险（养老失业工伤）1月、2月都是每月9800块，3月多招了俩人变成一万零四百，4到6月也都是一万零四百。"
            "1月的按时交了，2月和3月的缓着。5月和6月各要交多少？")
    request = parse_request(text)
    assert dict(request.month_amounts) == {1: 9800, 2: 9800, 3: 10_400, 4: 10_400, 5: 10_400, 6: 10_400}
    assert request.asked_month == 5
    result = calculate(request).result
    assert (result["month5_payment"], result["month6_payment"]) == (20_200, 20_800)
    # months listed without 都/每月 are no per-month amount: 「1月、2月9800」 may be their total
    assert parse_request("三险1月、2月9800块，4月要交多少？").month_amounts == ()


def test_medical_insurance_asked_under_the_deferral_gets_the_schedule_that_leaves_it_out():
    request = parse_request("我们医保单位部分一个月4千4，一季度三个月的医保能不能也按缓缴办，等4月份再一起补上？那样4月要交多少？")
    assert isinstance(request, DeferralRequest)
    assert "医疗保险不在缓缴范围内" in format_answer(calculate(request))


def test_a_level_from_a_month_on_counts_for_each_month_after_it():
    # ty-1581 (dev): 「四月起涨到八千一」 is April's amount and every month's after it
    text = ("单位养老、失业、工伤三样合计：一月八千三百五，二月、三月都是七千九，四月起涨到八千一。医保单位部分每月一千八，"
            "一直按月交的没缓。一季度那三样我们全缓了。4月份单位一共得交多少（连医保）？")
    request = parse_request(text)
    assert dict(request.month_amounts)[4] == 8100 and dict(request.month_amounts)[6] == 8100
    assert calculate(request).result["month4_with_medical"] == 18_250
    # a span's total is still no month's amount
    assert 4 not in dict(parse_request("三险1月8千，4到6月共2万4，4月要交多少？").month_amounts or ())


def test_asking_for_a_longer_loan_term_is_no_question_about_the_policy_period():
    # ty-1561 (dev): 「期限能长点不」 asks for a longer loan, not how long the document runs
    assert parse_request("文件里对受影响大的小店，银行能给不要抵押的贷款不？期限能长点不？") is None
    assert isinstance(parse_request("文件里说的减免期限是多久？"), PeriodRequest)


def test_a_figure_said_again_after_a_denial_is_no_correction_the_next_one_is():
    # ty-1587 (dev): after a dash, the old figure repeated as last year's, then the corrected one
    said = parse_quantities("一年营业额一百二十万——哦说错了，一百二十万是前年的，去年疫情只有九十三万")
    assert [q.value for q in said if q.value > 1000] == [930_000]
    request = parse_request("开了个便利店，店员十二个，一年营业额一百二十万——哦说错了，一百二十万是前年的，去年疫情只有九十三万。"
                            "按去年的数，我们算小型还是微型？")
    assert request.revenue_yuan == 930_000 and format_answer(calculate(request)).count("微型") >= 1


def test_a_loan_story_that_mentions_the_shop_asks_nothing_of_its_rent():
    # ty-1557 (dev): 「开建材门市十几年了，年年在银行续贷…」 asked about the loan and got a rent question back
    text = ("我在小区门口开建材门市十几年了，年年在银行续贷。今年疫情一来，客户经理打电话说到期就不给续了。"
            "文件对银行这么搞有啥说法没？实在还不上能缓缓不？")
    assert parse_request(text) is None
    # rent asked in the last sentence still is
    assert isinstance(parse_request("银行续贷的事先不说，我租的国有门面月租8000，房租能减多少？"), RentRequest)


# Blind batch ty-2146…2215 (session 32): questions the request parser missed.
def test_a_size_asked_in_a_sentence_before_another_is_still_a_size_question():
    r = parse_request("我们是搞路桥施工的，去年营收九个亿，资产总额八亿整，员工一千五百来人。还算中小微不？能享受这文件不？",
                      today=dt.date(2026, 11, 26))
    assert isinstance(r, SmeRequest) and r.revenue_yuan == D("900000000") and r.assets_yuan == D("800000000")
    # a clause before a comma is the story; the question's last sentence asks for the rent
    r = parse_request("去年营收500万，算小微不，房租每月8000能减多少？", today=dt.date(2026, 11, 26))
    assert isinstance(r, RentRequest) and r.monthly_rent == D("8000")


def test_a_day_asked_to_be_inside_the_rent_reliefs_three_months_named_before_it():
    r = parse_request("国有门面免租那条，我们拖到5月6号才去办了手续，按文件说的那三个月算，这天还在里头不？",
                      today=dt.date(2026, 11, 26))
    assert isinstance(r, PeriodRequest) and r.on == dt.date(2020, 5, 6) and r.measure == "rent_relief"
    # whether a thing is covered is no question of dates
    for text in ("房租减免3个月，物业费在里面吗？", "免三个月房租，我们这种个体户在里面吗？"):
        assert not isinstance(parse_request(text, today=dt.date(2026, 11, 26)), PeriodRequest), text


def test_a_quarterly_rent_from_an_earlier_turn_that_names_the_rent_a_clause_before():
    r = parse_request("按2号文这一季我实际还要交多少房租？", ["我们在市属国企的写字楼租了两层，租金一个季度一交，每季度四万五千六。"],
                      today=dt.date(2026, 11, 26))
    assert isinstance(r, RentRequest) and r.period_rent == D("45600") and r.per == "quarter"


def test_a_property_agency_is_no_business_service_broker():
    from assistant.calculator.sme_size import find_industry
    assert find_industry("我们是做二手房买卖和租房中介的房产中介公司")[0] == "其他未列明行业"
    assert find_industry("做婚姻中介的")[0] == "租赁和商务服务业"
