"""Fourth calculator batch: the job subsidy's per-person share when asked, a year's pension spread per month when
asked, and insurance amounts said for a year under the Q1 deferral divided by 12 first. Each by several wordings."""

from decimal import Decimal

import pytest

from assistant.calculator import CalculatorError, calculate, format_answer
from assistant.calculator.deferral import deferral_schedule
from assistant.calculator.social_insurance import job_subsidy, pension_contribution
from assistant.requests import parse_request


def _calc(text):
    return calculate(parse_request(text))


@pytest.mark.parametrize("text, each, total", [
    ("稳岗补贴的月人均失业保险金标准就按1360元，年度平均参保职工一百零五人。算下来平均每人合多少？总共多少？", 8160, 856800),
    ("稳岗补贴，失业保险金标准1360元/月，年度平均参保职工20人，每个人能拿多少，一共多少", 8160, 163200),
    ("失业保险金标准每月1500元，平均参保职工10人，稳岗补贴人均多少钱？", 9000, 90000),
    ("稳岗补贴按失业保险金标准1200元一个月算，年度平均参保30人，摊到每个职工头上是多少", 7200, 216000),
])
def test_job_subsidy_per_person_when_asked(text, each, total):
    calc = _calc(text)
    assert (calc.result["per_person"], calc.result["subsidy"]) == (each, total)
    assert f"{each}元" in format_answer(calc).split("\n")[0]


@pytest.mark.parametrize("text", [
    "稳岗补贴的月人均失业保险金标准1360元，年度平均参保职工105人，能拿多少？",
    "失业保险金标准1360元/月，平均参保职工20人，稳岗补贴总共多少",
])
def test_job_subsidy_without_a_per_person_question_has_no_per_person_line(text):
    assert "per_person" not in _calc(text).result


@pytest.mark.parametrize("text, year, month", [
    ("单位全年缴费工资基数合计186万，单位养老按文件里的费率交，一年得交多少？平均每月多少？", 297600, 24800),
    ("年工资总额120万，养老按16%交，一年交多少，月均多少", 192000, 16000),
    ("一年的缴费基数合计90万，养老一年交多少？折合每个月多少钱？", 144000, 12000),
    ("全年缴费基数100万，单位养老保险要交多少，每月合多少？", 160000, Decimal("13333.33")),
])
def test_pension_on_a_yearly_base_with_its_monthly_average(text, year, month):
    calc = _calc(text)
    assert (calc.result["contribution"], Decimal(str(calc.result["monthly_average"]))) == (year, month)
    assert f"{month}元" in format_answer(calc).split("\n")[0]


def test_pension_on_a_yearly_base_without_a_monthly_question_is_as_before():
    calc = _calc("单位全年缴费工资基数合计186万，单位养老按文件里的费率交，一年得交多少？")
    assert calc.result["contribution"] == 297600 and "monthly_average" not in calc.result


@pytest.mark.parametrize("text, month6", [
    ("单位这头：养老一年19.2万，失业一年6千，工伤一年3千6，医保一年7.2万，都是按月平均交。一季度能缓的都缓了，"
     "6月份养老、失业、工伤这几样一共要交多少？", 33600),
    ("养老全年24万，失业全年1万2，工伤全年6000，按月交的，一季度缓缴了，6月要交多少", 2 * (20000 + 1000 + 500)),
    ("养老每年12万、失业每年3600、工伤每年2400，1到3月缓缴，6月份一共交多少？", 2 * (10000 + 300 + 200)),
    ("养老保险费19.2万/年，失业6000/年，工伤3600/年，社保缓缴的话6月交多少", 33600),
])
def test_deferral_amounts_said_for_a_year_are_divided_by_twelve(text, month6):
    calc = _calc(text)
    assert calc.result["month6_payment"] == month6
    assert any("÷12" in step for step in calc.steps)


def test_deferral_monthly_amounts_are_not_divided():
    calc = _calc("养老每月1.6万，失业每月500，工伤每月300，一季度缓缴了，6月份要交多少？")
    assert calc.result["month6_payment"] == 33600 and not any("÷12" in step for step in calc.steps)


def test_a_whole_yearly_total_and_medical():
    calc = deferral_schedule(monthly_amount=Decimal(240000), medical_monthly=Decimal(60000), asked_month=6,
                             yearly=("monthly_amount", "medical_monthly"))
    assert (calc.result["month6_payment"], calc.result["medical_monthly"]) == (40000, 5000)


@pytest.mark.parametrize("bad", [
    dict(components=(("养老保险", Decimal(1200)),), yearly="养老保险"),
    dict(components=(("养老保险", Decimal(1200)),), yearly=("医保",)),
    dict(components=(("养老保险", Decimal(1200)),), yearly=("失业保险",)),
    dict(components=(("养老保险", Decimal(-1200)),), yearly=("养老保险",)),
    dict(monthly_amount=None, yearly=("monthly_amount",)),
    dict(monthly_amount=Decimal(1), yearly=("medical_monthly",)),
])
def test_bad_yearly_input_is_our_error(bad):
    with pytest.raises(CalculatorError):
        deferral_schedule(**bad)


def test_bad_flags_are_our_error():
    with pytest.raises(CalculatorError):
        job_subsidy(10, 1360, per_person="yes")
    with pytest.raises(CalculatorError):
        pension_contribution(100000, monthly_average=1)
