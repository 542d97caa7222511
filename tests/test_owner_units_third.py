"""Third blind batch: rents paid at once for a term, a rent rise or cut, 万分之 rates, a work-injury premium
worked back from the halved one, refunds from a wage total times the unit's rate. Each class by several wordings."""

from decimal import Decimal

import pytest

from assistant.calculator import CalculatorError, calculate
from assistant.calculator.rent import rent_relief
from assistant.calculator.social_insurance import unemployment_refund, work_injury_cut
from assistant.quantities import Rate, parse_quantities
from assistant.requests import parse_request


def _calc(text):
    return calculate(parse_request(text))


@pytest.mark.parametrize("text, relief", [
    ("国企的楼，两年租金一次性付了50.4万，减免多少？", 52500),
    ("国企的房子，一次交了18个月的房租27万，能减多少", 37500),
    ("国有的铺面，三年半的租金一起付的，共84万，减免多少？", 50000),
    ("国有门面，一次性付了3年租金36万，减免多少", 25000),
])
def test_rent_paid_at_once_for_a_term_is_divided_by_its_months(text, relief):
    assert _calc(text).result["relief_total"] == relief


@pytest.mark.parametrize("text, relief, month3", [
    ("国有门面，去年月租6000，今年续约涨了5%。一共减了多少？", 15750, 3150),
    ("国有资产的门面，月租8000，房东今年降了10%，能减多少", 18000, 3600),
    ("国有的店面月租1万，续租上调了百分之二十，三个月减免多少", 30000, 6000),
])
def test_a_rent_rise_or_cut_applies_before_the_relief(text, relief, month3):
    calc = _calc(text)
    assert (calc.result["relief_total"], calc.result["month3_payment"]) == (relief, month3)


def test_a_term_or_change_that_is_no_rent_is_our_error():
    for bad in (dict(monthly_rent=6000, change="-1"), dict(monthly_rent=None, period_rent=1, per="term", term_months=0),
                dict(monthly_rent=None, period_rent=1, per="term", term_months="x"),
                dict(monthly_rent=None, period_rent=100, per="year", term_months=3)):
        with pytest.raises(CalculatorError):
            rent_relief(**bad)


@pytest.mark.parametrize("text, value", [("万分之八", "0.0008"), ("万分之12.5", "0.00125"), ("8‱", "0.0008"),
                                         ("千分之五", "0.005")])
def test_rates_per_ten_thousand_and_thousand(text, value):
    (rate,) = [q for q in parse_quantities(f"费率{text}") if isinstance(q, Rate)]
    assert rate.value == Decimal(value)


def test_work_injury_rate_per_ten_thousand_on_a_monthly_wage_total():
    calc = _calc("工伤险原来费率是万分之八，下调以后每月交多少？每月工资总额62.5万")
    assert (calc.result["new_rate"], calc.result["after"]) == (0.0004, 250)


@pytest.mark.parametrize("text, before, per", [
    ("工伤保险现在每个月交1,150元，这是已经下调一半以后的数。要是没下调，一个月得交多少？", 2300, "month"),
    ("工伤险下调后每月交600，原来每月交多少", 1200, "month"),
    ("我们工伤保险已经减半了，现在一年交4380元，不减的话一年交多少？", 8760, "year"),
])
def test_work_injury_worked_back_from_the_halved_premium(text, before, per):
    calc = _calc(text)
    assert (calc.result["before"], calc.inputs["per"]) == (before, per)


def test_work_injury_old_premium_still_halves():
    assert _calc("工伤险原来每月要交2400块，现在交多少").result["after"] == 1200


def test_halved_premium_with_other_inputs_is_our_error():
    with pytest.raises(CalculatorError):
        work_injury_cut(old_amount=100, new_amount=50)
    with pytest.raises(CalculatorError):
        work_injury_cut(new_amount=-5)


@pytest.mark.parametrize("text, refund", [
    ("去年全年工资总额215万，失业保险单位费率0.7%，全交了。没裁员能返多少？", 7525),
    ("上年度缴费基数总额300万，单位失业保险费率千分之五，没裁员能返还多少", 7500),
])
def test_refund_from_wage_total_times_rate(text, refund):
    assert _calc(text).result["refund"] == refund


def test_refund_of_a_paid_amount_unchanged():
    assert _calc("去年交了失业保险2万，能返多少").result["refund"] == 10000


def test_refund_bad_wage_rate_is_our_error():
    with pytest.raises(CalculatorError):
        unemployment_refund(None, wage_base=1000)
    with pytest.raises(CalculatorError):
        unemployment_refund(None, wage_base=1000, unemployment_rate=2)


@pytest.mark.parametrize("text", ["区国资公司的门面，月租一万二千五。文件说三个月房租都减半，那一共能省一万八千七百五，对吧？",
                                  "国有门面月租8000，两个月房租免了，三个月一共减免两万对吗"])
def test_relief_months_said_with_a_figure_are_no_term(text):
    assert parse_request(text).per is None
