"""Owners' stories the calculator had not read (seed batch ty-1876…1905): rent paid every half month, two premises
with a figure corrected on the way, the stabilization subsidy per insured employee, a due date said from a stated
today, two loans of different terms, a quarter's payroll month by month, last year's premiums from headcounts that
changed. Each class by wordings other than the gold case's."""

import datetime as dt
from decimal import Decimal

import pytest

from assistant.calculator import CalculatorError
from assistant.calculator.interest import interest_subsidy
from assistant.calculator.rent import monthly_from, rent_relief
from assistant.calculator.social_insurance import unemployment_refund, work_injury_cut
from assistant.requests import parse_request


# -- rent every half month ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, half", [
    ("国资公司的铺面，房租半个月一交，一回三千二，三个月能减多少？", Decimal(3200)),
    ("国有门面，每半个月付一次房租，每次4000元，能减免多少", Decimal(4000)),
    ("租的是区国资的底商，租金按半个月交一次，一次1800块，第三个月交多少", Decimal(1800)),
])
def test_rent_paid_every_half_month_is_half_a_months_rent(text, half):
    request = parse_request(text)
    assert (request.per, request.period_rent) == ("half_month", half)


def test_a_monthly_figure_beside_a_half_month_payment_is_the_month():
    request = parse_request("国资门面，半个月一交，每月6000，能减多少")
    assert (request.monthly_rent, request.per) == (Decimal(6000), None)


def test_half_a_months_rent_doubles_with_its_step():
    quoted, monthly, step = monthly_from(Decimal(2950), "half_month")
    assert (quoted, monthly) == (Decimal(2950), Decimal(5900)) and "×2" in step
    calc = rent_relief(None, landlord="state", period_rent=Decimal(2950), per="half_month")
    assert calc.result["relief_total"] == 14750 and calc.result["month3_payment"] == 2950


def test_a_bad_half_month_rent_names_the_field():
    with pytest.raises(CalculatorError, match="半个月的租金.*-5") as refused:
        rent_relief(None, landlord="state", period_rent=Decimal(-5), per="half_month")
    assert refused.value.field == "period_rent"


# -- several premises, a figure corrected on the way --------------------------------------------------------------
@pytest.mark.parametrize("text, rents", [
    ("两间国资门面，一间月租九千，另一间月租五千，不对，是五千五，三个月一共减多少？", (Decimal(9000), Decimal(5500))),
    ("国资公司的门面月租一万二。后来又把隔壁一间也租下来做仓库，也是国资的，月租三千，说错了，是三千六。两间三个月一共减多少？",
     (Decimal(12000), Decimal(3600))),
    ("国资的门面月租3000，不对，还有一间月租5000，三个月一共减多少？", (Decimal(3000), Decimal(5000))),
])
def test_premises_rents_survive_a_correction_and_one_more_place(text, rents):
    assert parse_request(text).premises == rents


def test_one_place_with_its_rent_corrected_is_still_one_rent():
    request = parse_request("两间打通的国资门面，月租3000，不对，是5000，三个月一共减多少？")
    assert request.monthly_rent == Decimal(5000) and request.premises == ()


# -- the stabilization subsidy per insured employee ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "月人均失业保险金标准1500，年度平均参保职工20人，稳岗补贴多少？摊到每个参保职工头上合多少？",
    "稳岗补贴按失业保险金标准1500元、平均参保职工20人算，每个参保员工合多少钱？",
])
def test_the_subsidy_per_insured_employee_is_asked(text):
    assert parse_request(text).per_person


# -- a due date said from a stated today ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, due", [
    ("今天是2020年3月10号，有笔房产税下个月15号到期，最晚能延到哪天？", dt.date(2020, 4, 15)),
    ("今天3月10日，这个月20号要交的增值税能往后延到几号？", dt.date(2020, 3, 20)),
    ("今天是2020年12月5日，下月10号到期的税款最晚能拖到哪天", dt.date(2021, 1, 10)),
])
def test_a_due_day_said_from_today(text, due):
    assert parse_request(text).due_date == due


def test_today_alone_is_still_read_as_said_when_no_other_day_is():
    # no relative day: the one date said stays the due date, as before
    assert parse_request("税款4月15号到期，今天想申请延期，最晚能到哪天？").due_date == dt.date(2020, 4, 15)


def test_a_day_that_no_month_has_is_not_made_up():
    # 下个月31号 of a 30-day month: no such day; the question is asked back
    request = parse_request("今天是2020年3月2号，有笔税下个月31号到期，能延到哪天？")
    assert getattr(request, "due_date", None) != dt.date(2020, 5, 1)


# -- several loans of different terms ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, loans", [
    ("我们是防疫重点保障企业，贷了两笔：第一笔500万借了6个月，第二笔200万借了4个月，再贷款利率1.6%，贴息多少？",
     ((Decimal(5000000), 6), (Decimal(2000000), 4))),
    ("有笔一百万的贷款用了12个月，另一笔五十万的用了3个月，利率都是1.5%，贴息一共多少", ((Decimal(1000000), 12), (Decimal(500000), 3))),
])
def test_several_loans_each_with_its_own_term(text, loans):
    assert parse_request(text).loans == loans


def test_one_loan_is_still_principal_and_months():
    request = parse_request("贷款200万，期限6个月，再贷款利率1.5%，贴息多少？")
    assert (request.principal, request.months, request.loans) == (Decimal(2000000), 6, ())


def test_several_loans_add_up_each_by_its_own_months():
    calc = interest_subsidy(annual_rate=Decimal("0.015"), loans=((Decimal(2000000), 6), (Decimal(1000000), 3)))
    assert calc.result == {"total_subsidy": 18750, "central": 9375, "provincial": 9375}
    assert any("第2笔" in s and "3750" in s for s in calc.steps)


@pytest.mark.parametrize("loans", [((Decimal(100), 6),), ((Decimal(100), 0), (Decimal(100), 3)), "两笔"])
def test_bad_loans_are_refused_by_name(loans):
    with pytest.raises(CalculatorError):
        interest_subsidy(annual_rate=Decimal("0.015"), loans=loans)


def test_loans_with_a_principal_too_are_refused():
    with pytest.raises(CalculatorError, match="loans alone"):
        interest_subsidy(principal=Decimal(100), annual_rate=Decimal("0.015"), loans=((1, 1), (2, 2)))


# -- a quarter's payroll month by month ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "工伤保险原费率0.6%，1月工资总额30万，2月20万，3月25万，一季度工伤保险一共交多少？",
    "工伤险以前费率千分之六。工资总额：1月三十万，2月二十万，3月二十五万。下调后这三个月合计交多少？",
])
def test_monthly_payrolls_are_summed_for_the_total_asked(text):
    request = parse_request(text)
    assert request.base_parts == ((1, Decimal(300000)), (2, Decimal(200000)), (3, Decimal(250000)))


def test_monthly_payrolls_without_a_total_asked_are_not_summed():
    request = parse_request("工伤险原费率0.4%，1月工资总额25万，2月18万，3月21万，每月交多少？")
    assert request.base_parts == ()


def test_summed_bases_show_their_sum():
    calc = work_injury_cut(Decimal("0.004"), base_parts=((1, Decimal(250000)), (2, Decimal(180000)), (3, Decimal(210000))))
    assert calc.result["after"] == 1280 and any("64万元" in s for s in calc.steps)
    with pytest.raises(CalculatorError, match="twice"):
        work_injury_cut(Decimal("0.004"), base_parts=((1, Decimal(1)), (1, Decimal(2))))
    with pytest.raises(CalculatorError, match="alone"):
        work_injury_cut(Decimal("0.004"), wage_base=Decimal(5), base_parts=((1, Decimal(1)), (2, Decimal(2))))


# -- last year's premiums from changing headcounts ---------------------------------------------------------------------
@pytest.mark.parametrize("text, spans, each", [
    ("去年1到6月每月参保10人，7到12月每月12人，失业保险每人每月40元，全交了，返还多少？",
     ((1, 6, Decimal(10)), (7, 12, Decimal(12))), Decimal(40)),
    ("去年上半年每月参保20个人，下半年每月25个人，单位失业保险每人每月交三十块，没裁员，能返多少",
     ((1, 6, Decimal(20)), (7, 12, Decimal(25))), Decimal(30)),
])
def test_premiums_from_headcounts_by_part_and_one_persons_premium(text, spans, each):
    request = parse_request(text)
    assert (request.per_person, request.headcounts) == (each, spans)


def test_person_months_times_the_premium_are_refunded_half():
    calc = unemployment_refund(None, per_person=Decimal("37.5"),
                               headcounts=((1, 8, Decimal(15)), (9, 12, Decimal(18))))
    assert calc.inputs["premiums_paid"] == 7200 and calc.result["refund"] == 3600
    with pytest.raises(CalculatorError):
        unemployment_refund(Decimal(100), per_person=Decimal(1), headcounts=((1, 12, Decimal(1)),))
    with pytest.raises(CalculatorError):
        unemployment_refund(None, per_person=Decimal(1), headcounts=((1, 6, Decimal(1)), (5, 12, Decimal(2))))


# -- months listed one after another ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("4、5、6三个月社保加起来一共要交多少", (4, 6)),
    ("4月、5月、6月合计交多少", (4, 6)),
    ("那4、5、6月加起来呢", (4, 6)),
    ("1、2、3月都缓着", (1, 3)),
])
def test_months_listed_in_a_row_are_one_span(text, span):
    from assistant.year_parts import year_parts

    assert [(p.first, p.last) for p in year_parts(text)] == [span]


@pytest.mark.parametrize("text", ["3、5月交了", "4和6月"])
def test_months_listed_with_a_gap_are_no_span(text):
    from assistant.year_parts import year_parts

    assert all(p.months == 1 for p in year_parts(text))


def test_a_range_asked_with_medical_named_adds_the_medical_months():
    request = parse_request("每月养老8000、失业200、工伤100，医保每月2000。一季度三险全缓着。4、5、6三个月社保加起来一共交多少？")
    assert (request.asked_month, request.asked_through, request.medical_monthly) == (4, 6, Decimal(2000))
    from assistant.calculator.deferral import deferral_schedule, lead

    calc = deferral_schedule(components=(("养老保险", Decimal(8000)), ("失业保险", Decimal(200)), ("工伤保险", Decimal(100))),
                             asked_month=4, asked_through=6, medical_monthly=Decimal(2000))
    assert calc.result["range_payment"] == 49800 and calc.result["range_with_medical"] == 55800
    assert "55800元" in lead(calc) and "49800元" in lead(calc)


# -- a private landlord applying the state rule anyway ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "房东是私人的，月租8000，他说按国有的标准给我减，三个月能省多少？",
    "跟个体户租的铺子，月租五千，老板说文件里国有的怎么减他也照着减，照那个办法算能少交多少",
])
def test_a_private_landlord_following_the_state_rule_gets_the_figures(text):
    request = parse_request(text)
    assert request.landlord == "other" and request.as_state


@pytest.mark.parametrize("text", [
    "房东是私人的，月租8000，他不肯按国有的标准给我减，能省多少",
    "私人房东的门面月租5000，能减多少",
    "我们租的是私人房东的仓库，月租6000，按文件房租能减多少？",  # what the document gives, not the landlord's choice
])
def test_a_private_landlord_not_said_to_follow_it_gets_no_figure(text):
    assert not parse_request(text).as_state


def test_the_figures_under_a_private_landlord_say_whose_choice_they_are():
    from assistant.calculator.rent import lead

    calc = rent_relief(Decimal(6400), landlord="other", as_state=True)
    assert calc.result["relief_total"] == 16000 and calc.result["covered"] is False
    assert "具体由双方协商" in lead(calc) and "16000元" in lead(calc)
    assert any("自愿" in s for s in calc.steps)
    with pytest.raises(CalculatorError, match="as_state"):
        rent_relief(Decimal(6400), landlord="state", as_state=True)
