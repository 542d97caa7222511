"""The calculator: every rule with exact results, the size standard's band edges for every industry,
errors that name the bad value and the valid range, and property tests (only CalculatorError escapes;
results move the right way as inputs grow)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal as D

import pytest
from hypothesis import given, settings, strategies as st

from assistant.calculator import (
    INDUSTRIES, AmountError, CalculatorError, DateError, DeferralRequest, InterestRequest, JobSubsidyRequest,
    NeedsInput, PensionRequest, PeriodRequest, RefundRequest, RentRequest, SmeRequest, TaxDeferralRequest,
    UnknownIndustryError, WorkInjuryRequest, calculate, deferral_schedule, format_answer, interest_subsidy,
    job_subsidy, pension_contribution, policy_validity, rent_relief, resolve_industry, sme_size, tax_deferral,
    unemployment_refund, work_injury_cut,
)
from assistant.calculator.sme_size import RULES as SIZE_RULES
from assistant.calculator.values import short, yuan
from corpus.records import Calculation


def exact(value) -> D:
    """Results are JSON numbers rounded to the fen; read them back exactly."""
    return D(str(value))


# -- rent (clause 6) -----------------------------------------------------------------------------------
def test_rent_state_premises():
    calc = rent_relief(D(20000), "state")
    assert calc.kind == "rent_relief" and calc.clause == "6"
    r = calc.result
    assert [exact(r[f"month{m}_payment"]) for m in (1, 2, 3)] == [0, 0, D(10000)]
    assert [exact(r[f"month{m}_relief"]) for m in (1, 2, 3)] == [D(20000), D(20000), D(10000)]
    assert exact(r["relief_total"]) == D(50000) and exact(r["payable_total"]) == D(10000)
    assert r["covered"] is True
    assert "合计减免：2万元×2个月 + 2万元×50% = 5万元。" in calc.steps


def test_rent_odd_fen_splits_without_losing_a_fen():
    r = rent_relief(D("1234.57"), "state").result
    assert exact(r["month3_relief"]) + exact(r["month3_payment"]) == D("1234.57")
    assert exact(r["relief_total"]) == D("1234.57") * 2 + exact(r["month3_relief"])


def test_rent_other_landlord_has_no_figure():
    calc = rent_relief(D(8000), "other")
    assert calc.result["covered"] is False and calc.result["relief_total"] is None
    assert any("具体由双方协商" in s for s in calc.steps)
    assert "具体由双方协商" in format_answer(calc)
    assert calculate(RentRequest(landlord="other")).result["relief_total"] is None  # no rent needed


def test_rent_unknown_landlord_computes_with_the_condition_stated():
    calc = rent_relief(D(8000))
    assert exact(calc.result["month3_payment"]) == D(4000) and calc.result["covered"] is None
    assert any("国有资产类经营用房" in s and "协商" in s for s in calc.steps)
    assert format_answer(calc).startswith("如承租的是国有资产类经营用房")


def test_rent_missing_amount_asks_back():
    out = calculate(RentRequest(landlord="state"))
    assert isinstance(out, NeedsInput) and out.missing == ("monthly_rent",) and out.kind == "rent_relief"
    assert "房租" in out.question_back and format_answer(out) == out.question_back


def test_acceptance_month_three_payment():
    calc = calculate(RentRequest(monthly_rent=D(8000), landlord="state", asked="month3"))
    assert isinstance(calc, Calculation)
    assert exact(calc.result["month3_payment"]) == D(4000)
    text = format_answer(calc)
    assert text.startswith("第三个月房租减半，需交房租4000元")
    assert "三个月共可减免房租20000元（2万元）" in text


def test_format_answer_leads_with_plain_digit_yuan_then_steps():
    text = format_answer(rent_relief(D(20000), "state"))
    first, rest = text.split("\n", 1)
    assert "共可减免房租50000元（5万元）" in first and "第三个月房租减半，需交房租10000元（1万元）" in first
    assert rest.startswith("计算过程：\n1. ")
    assert "," not in first and ".00" not in text


def test_fractional_rent_is_written_without_trailing_zeros():
    text = format_answer(rent_relief(D(3001), "state", "month3"))
    assert "需交房租1500.5元" in text and "7502.5元" in text and "1500.50" not in text and "7502.50" not in text


def test_rent_given_per_quarter_is_divided_by_three():
    calc = calculate(RentRequest(landlord="state", asked="relief", period_rent=D(30000), per="quarter"))
    assert exact(calc.inputs["monthly_rent"]) == D(10000) and calc.inputs["per"] == "quarter"
    assert exact(calc.result["relief_total"]) == D(25000) and exact(calc.result["payable_total"]) == D(5000)
    assert calc.steps[0].startswith("季度租金3万元÷3个月 = 每月1万元")
    assert format_answer(calc).startswith("三个月共可减免房租25000元")


def test_rent_given_per_year_is_spread_over_twelve_months_and_says_so():
    calc = rent_relief(None, "state", period_rent=D(120000), per="year")
    assert exact(calc.result["relief_total"]) == D(25000)
    assert "12个月" in calc.steps[0] and "年租金" in calc.steps[0]
    uneven = rent_relief(None, "state", period_rent=D(100000), per="year")
    assert "≈" in uneven.steps[0] and "除不尽" in uneven.steps[0]
    assert exact(uneven.inputs["monthly_rent"]) == D("8333.33")


def test_rent_period_errors():
    with pytest.raises(CalculatorError, match="not both"):
        rent_relief(D(8000), "state", period_rent=D(24000), per="quarter")
    with pytest.raises(CalculatorError, match="quarter"):
        rent_relief(None, "state", period_rent=D(24000), per="fortnight")
    assert rent_relief(None, "state", period_rent=D(1500), per="week").inputs["monthly_rent"] == 6500  # ×52÷12
    assert rent_relief(None, "other", period_rent=D(24000), per="quarter").result["covered"] is False


# -- social insurance (clause 4) -----------------------------------------------------------------------
def test_unemployment_refund_is_half_of_last_years_premiums():
    calc = unemployment_refund(D("36000"))
    assert (calc.kind, calc.clause, exact(calc.result["refund"])) == ("unemployment_refund", "4", D(18000))
    assert exact(unemployment_refund(D("12345.67")).result["refund"]) == D("6172.84")
    assert "可返还失业保险费18000元（1.8万元）" in format_answer(calc)


def test_job_subsidy_formula():
    calc = job_subsidy(D(20), D(1360))
    assert exact(calc.result["subsidy"]) == D(163200) and calc.clause == "4"
    assert "6个月×1360元/月×20人 = 16.32万元。" in calc.steps
    assert exact(job_subsidy(D("12.5"), D(1000)).result["subsidy"]) == D(75000)  # an annual average


def test_job_subsidy_without_the_standard_asks_and_labels_the_reference_value():
    out = calculate(JobSubsidyRequest(insured_employees=D(20)))
    assert isinstance(out, NeedsInput) and out.missing == ("monthly_benefit",)
    assert "6个月" in out.question_back and "年度平均参保职工人数" in out.question_back
    assert "1360元/月" in out.question_back and "推算值" in out.question_back and "不是官方" in out.question_back
    both = calculate(JobSubsidyRequest())
    assert both.missing == ("monthly_benefit", "insured_employees")


def test_pension_at_sixteen_percent():
    calc = pension_contribution(D(5000))
    assert exact(calc.result["contribution"]) == D(800) and exact(calc.result["rate"]) == D("0.16")
    assert "5000元×16% = 800元。" in calc.steps
    assert isinstance(calculate(PensionRequest()), NeedsInput)


def test_pension_with_a_headcount_multiplies_the_per_person_contribution():
    calc = calculate(PensionRequest(wage_base=D(5000), employees=D(20)))
    assert exact(calc.result["contribution"]) == D(16000) and exact(calc.result["per_person"]) == D(800)
    assert "每人：缴费基数5000元×16% = 800元。" in calc.steps
    first = format_answer(calc).split("\n")[0]
    assert "16000元" in first and "800元" in first and "20人" in first
    with pytest.raises(CalculatorError, match="人数应为整数") as err:
        pension_contribution(D(5000), D("2.5"))
    assert err.value.field == "employees"


def test_work_injury_from_the_old_contribution_amount():
    calc = calculate(WorkInjuryRequest(old_amount=D(2400), per="month"))
    r = calc.result
    assert (exact(r["before"]), exact(r["after"]), exact(r["saving"])) == (D(2400), D(1200), D(1200))
    assert r["old_rate"] is None and calc.clause == "4"
    assert "每月交1200元" in format_answer(calc).split("\n")[0]
    odd = work_injury_cut(old_amount=D("0.03"))
    assert exact(odd.result["after"]) + exact(odd.result["saving"]) == D("0.03")
    both = work_injury_cut(D("0.005"), old_amount=D(1000), per="month")
    assert exact(both.result["new_rate"]) == D("0.0025") and exact(both.result["after"]) == D(500)
    with pytest.raises(CalculatorError, match="not both"):
        work_injury_cut(D("0.004"), wage_base=D(100000), old_amount=D(400))
    with pytest.raises(CalculatorError, match="per"):
        work_injury_cut(old_amount=D(400), per="week")


def test_work_injury_rate_halved_and_saving():
    calc = work_injury_cut(D("0.004"), D(1_000_000))
    r = calc.result
    assert exact(r["old_rate"]) == D("0.004") and exact(r["new_rate"]) == D("0.002")
    assert (exact(r["before"]), exact(r["after"]), exact(r["saving"])) == (D(4000), D(2000), D(2000))
    assert "0.4%×50% = 0.2%。" in calc.steps
    assert work_injury_cut(D("0.01")).result["saving"] is None
    assert calculate(WorkInjuryRequest(wage_base=D(1000))).missing == ("old_rate",)


# -- deferral (clause 5) -------------------------------------------------------------------------------
def test_deferral_schedule_pays_two_months_in_april_to_june():
    calc = deferral_schedule(D(5300), asked_month=4)
    r = calc.result
    assert [exact(r[f"month{m}_payment"]) for m in range(1, 7)] == [0, 0, 0, D(10600), D(10600), D(10600)]
    assert exact(r["total_payment"]) == D(31800) and r["late_fee"] == 0
    assert r["catch_up"] == {"4月": "1月", "5月": "2月", "6月": "3月"}
    assert r["medical_insurance_covered"] is False and any("医疗保险不在" in s for s in calc.steps)
    assert calc.clause == "5"
    assert format_answer(calc).startswith("4月需缴10600元（1.06万元）：4月5300元，另补缴1月5300元")


def test_deferral_month_pays_its_own_amount_plus_the_deferred_month():
    for month, deferred in ((4, 1), (5, 2), (6, 3)):
        calc = deferral_schedule(D(20000), asked_month=month)
        assert exact(calc.result[f"month{month}_payment"]) == D(40000)
        assert format_answer(calc).startswith(f"{month}月需缴40000元（4万元）：{month}月20000元，另补缴{deferred}月20000元")
    whole = deferral_schedule(D(12000))
    assert exact(whole.result["deferred_total"]) == D(36000) and "共36000元" in format_answer(whole)
    assert any("从4月份开始，缴纳本月并补缴1月份社会保险费" in s for s in whole.steps)


def test_deferral_components_are_summed():
    calc = deferral_schedule(components=(("养老保险", D(5000)), ("失业保险", D(200)), ("工伤保险", D(100))))
    assert exact(calc.inputs["monthly_amount"]) == D(5300)
    assert "每月应缴：养老保险5000元 + 失业保险200元 + 工伤保险100元 = 5300元。" in calc.steps


def test_deferral_without_amount_still_gives_the_schedule():
    calc = calculate(DeferralRequest())
    assert "month4_payment" not in calc.result and "4月补1月" in format_answer(calc)


def test_deferral_rejects_medical_insurance_and_inconsistent_totals():
    with pytest.raises(CalculatorError, match="医疗保险"):
        deferral_schedule(components=(("医疗保险", D(100)),))
    with pytest.raises(CalculatorError, match="sum of its components"):
        deferral_schedule(D(1), components=(("养老保险", D(100)),))


# -- interest subsidy (clause 2) -----------------------------------------------------------------------
def test_interest_split_of_a_total():
    r = interest_subsidy(D(100001)).result
    assert (exact(r["central"]), exact(r["provincial"])) == (D("50000.50"), D("50000.50"))
    odd = interest_subsidy(D("0.03")).result
    assert exact(odd["central"]) + exact(odd["provincial"]) == D("0.03")


def test_interest_from_principal_rate_and_term():
    calc = interest_subsidy(principal=D(1_000_000), annual_rate=D("0.0315"), months=12)
    r = calc.result
    assert (exact(r["total_subsidy"]), exact(r["central"]), exact(r["provincial"])) == (D(31500), D(15750), D(15750))
    assert calc.clause == "2" and any("文件本身没有写明" in s for s in calc.steps)
    six = interest_subsidy(principal=D(500_000), annual_rate=D("0.03"), months=6).result
    assert exact(six["total_subsidy"]) == D(7500)


def test_interest_asks_for_the_relending_rate():
    out = calculate(InterestRequest(principal=D(1_000_000), months=12))
    assert out.missing == ("annual_rate",) and "人民银行专项再贷款利率" in out.question_back


# -- tax deferral (clause 7) ---------------------------------------------------------------------------
def test_tax_deferral_three_months_with_month_end_rule():
    assert tax_deferral(dt.date(2020, 3, 15)).result["latest_date"] == "2020-06-15"
    calc = tax_deferral(dt.date(2020, 11, 30))
    assert calc.result["latest_date"] == "2021-02-28" and calc.clause == "7"
    assert any("2月没有30日" in s for s in calc.steps)
    assert tax_deferral(dt.date(2019, 11, 30)).result["latest_date"] == "2020-02-29"


def test_tax_deferral_requested_months():
    assert tax_deferral(dt.date(2020, 3, 15), 2).result["allowed"] is True
    over = tax_deferral(dt.date(2020, 3, 15), 4)
    assert over.result["allowed"] is False and over.result["latest_date"] == "2020-06-15"
    assert "超出上限" in format_answer(over)
    assert calculate(TaxDeferralRequest()).missing == ("due_date",)


def test_tax_deferral_to_a_requested_date():
    calc = calculate(TaxDeferralRequest(due_date=dt.date(2020, 5, 15), requested_date=dt.date(2020, 9, 15)))
    assert calc.result["allowed"] is False and calc.result["latest_date"] == "2020-08-15"
    text = format_answer(calc)
    assert "2020年8月15日" in text and "最长不超过3个月" in text and "超出上限" in text
    ok = tax_deferral(dt.date(2020, 3, 31), requested_date=dt.date(2020, 6, 30))
    assert ok.result["allowed"] is True and ok.inputs["requested_date"] == "2020-06-30"
    with pytest.raises(DateError, match="想延至的日期应晚于原定缴纳期限 2020-05-15") as err:
        tax_deferral(dt.date(2020, 5, 15), requested_date=dt.date(2020, 5, 1))
    assert err.value.field == "requested_date"
    with pytest.raises(CalculatorError, match="not both"):
        tax_deferral(dt.date(2020, 5, 15), 2, dt.date(2020, 6, 15))


# -- policy period (closing) ---------------------------------------------------------------------------
def test_policy_period_civil_code_reading():
    calc = policy_validity(on=dt.date(2020, 5, 7), today=dt.date(2026, 11, 26))
    r = calc.result
    assert (r["start"], r["end"]) == ("2020-02-07", "2020-05-07") and calc.clause == "closing"
    assert r["on_inside"] is True and r["today_status"] == "已结束" and r["today_inside"] is False
    assert policy_validity(on=dt.date(2020, 5, 8)).result["on_inside"] is False
    assert policy_validity(on=dt.date(2020, 2, 6)).result["on_status"] == "尚未开始"
    assert policy_validity(on=dt.date(2020, 2, 7)).result["on_status"] == "执行中"
    assert "至2020年5月7日" in format_answer(calc)


# -- SME size (closing; 《中小企业划型标准规定》) ---------------------------------------------------------------
# The table transcribed again from reference/sme-standard.md (lower bounds of 大型, 中型, 小型), so a typo
# in the code's copy shows up here. X people, Y/Z 万元.
STANDARD = {
    "农、林、牧、渔业": ("Y", (20000,), (500,), (50,)),
    "工业": ("XY", (1000, 40000), (300, 2000), (20, 300)),
    "建筑业": ("YZ", (80000, 80000), (6000, 5000), (300, 300)),
    "批发业": ("XY", (200, 40000), (20, 5000), (5, 1000)),
    "零售业": ("XY", (300, 20000), (50, 500), (10, 100)),
    "交通运输业": ("XY", (1000, 30000), (300, 3000), (20, 200)),
    "仓储业": ("XY", (200, 30000), (100, 1000), (20, 100)),
    "邮政业": ("XY", (1000, 30000), (300, 2000), (20, 100)),
    "住宿业": ("XY", (300, 10000), (100, 2000), (10, 100)),
    "餐饮业": ("XY", (300, 10000), (100, 2000), (10, 100)),
    "信息传输业": ("XY", (2000, 100000), (100, 1000), (10, 100)),
    "软件和信息技术服务业": ("XY", (300, 10000), (100, 1000), (10, 50)),
    "房地产开发经营": ("YZ", (200000, 10000), (1000, 5000), (100, 2000)),
    "物业管理": ("XY", (1000, 5000), (300, 1000), (100, 500)),
    "租赁和商务服务业": ("XZ", (300, 120000), (100, 8000), (10, 100)),
    "其他未列明行业": ("X", (300,), (100,), (10,)),
}
SIZES = ("大型", "中型", "小型", "微型")
JUST_BELOW = {"X": D(1), "Y": D("0.01"), "Z": D("0.01")}  # one person; one hundred yuan (0.01万元)


def size_of(industry: str, values: dict[str, D]) -> str:
    wan = D(10000)
    calc = sme_size(industry, employees=values.get("X"),
                    revenue_yuan=None if "Y" not in values else values["Y"] * wan,
                    assets_yuan=None if "Z" not in values else values["Z"] * wan)
    assert calc.result["covered"] is (calc.result["size"] != "大型")
    return calc.result["size"]


def band_edges():
    for industry, (letters, *bands) in STANDARD.items():
        for band_index, band in enumerate(bands):
            at = {letter: D(bound) for letter, bound in zip(letters, band)}
            yield industry, dict(at), SIZES[band_index]
            for letter in letters:
                below = dict(at, **{letter: at[letter] - JUST_BELOW[letter]})
                yield industry, below, SIZES[band_index + 1]


def test_every_industry_is_in_the_standard():
    assert set(INDUSTRIES) == set(STANDARD)


@pytest.mark.parametrize("industry,values,expected", list(band_edges()),
                         ids=[f"{i}-{v}-{e}" for i, v, e in band_edges()])
def test_band_edges_for_every_industry(industry, values, expected):
    assert size_of(industry, values) == expected


@pytest.mark.parametrize("industry,x,y,expected", [
    ("工业", 300, "2000", "中型"), ("工业", 299, "40000", "小型"), ("工业", 1000, "40000", "大型"),
    ("餐饮业", 100, "1999", "小型"), ("软件和信息技术服务业", 10, "50", "小型"),
    ("软件和信息技术服务业", 10, "49.99", "微型"),
])
def test_boundary_cases_named_in_the_standard_notes(industry, x, y, expected):
    assert size_of(industry, {"X": D(x), "Y": D(y)}) == expected


def test_sme_result_explains_the_decision():
    calc = sme_size("饭店", D(100), D(19_990_000))
    assert calc.inputs["industry"] == "餐饮业" and calc.clause == "closing"
    assert calc.result["decided_by"].startswith("达到小型标准") and "营业收入1999万元<2000万元" in calc.result["decided_by"]
    assert "在本意见支持的企业范围内" in format_answer(calc)
    big = sme_size("工业", D(1000), D(400_000_000))
    assert big.result["covered"] is False and "不属于中小微企业" in format_answer(big)


@pytest.mark.parametrize("wording,industry", [
    ("饭店", "餐饮业"), ("餐馆", "餐饮业"), ("超市", "零售业"), ("便利店", "零售业"), ("商店", "零售业"),
    ("工厂", "工业"), ("制造", "工业"), ("软件公司", "软件和信息技术服务业"), ("宾馆", "住宿业"), ("酒店", "住宿业"),
    ("物流", "交通运输业"), ("货运", "交通运输业"), ("仓库", "仓储业"), ("快递", "邮政业"), ("批发", "批发业"),
    ("建筑", "建筑业"), ("施工", "建筑业"), ("房地产", "房地产开发经营"), ("物业", "物业管理"),
    ("租赁", "租赁和商务服务业"), ("商务服务", "租赁和商务服务业"), ("农业", "农、林、牧、渔业"),
    ("养殖", "农、林、牧、渔业"), ("工业", "工业"), ("其他未列明行业", "其他未列明行业"),
    ("养殖场", "农、林、牧、渔业"), ("做建材批发的", "批发业"), ("房地产开发公司", "房地产开发经营"),
    ("服装厂", "工业"), ("理发店", "其他未列明行业"), ("家政公司", "其他未列明行业"),
])
def test_industry_wordings(wording, industry):
    assert resolve_industry(wording) == industry


def test_no_industry_asks_back_instead_of_assuming_the_unlisted_row():
    out = calculate(SmeRequest(employees=D(30), revenue_yuan=D(5_000_000)))
    assert isinstance(out, NeedsInput) and out.missing == ("industry",) and out.clause == "closing"
    assert "所属行业" in out.question_back and "其他未列明行业" in out.question_back and "不能" in out.question_back
    assert "从业人员30人" in out.question_back and out.inputs == {"employees": 30, "revenue_wan": 500}


def test_unknown_industry_lists_the_valid_ones():
    with pytest.raises(UnknownIndustryError) as err:
        sme_size("星际旅行", D(10), D(1_000_000))
    assert "星际旅行" in str(err.value) and all(name in str(err.value) for name in INDUSTRIES)


def test_missing_indicators_are_named():
    out = calculate(SmeRequest(industry="饭店", employees=D(50)))
    assert isinstance(out, NeedsInput) and out.missing == ("revenue_yuan",)
    assert "营业收入" in out.question_back and "已可确定属于中小微企业" in out.question_back
    assert calculate(SmeRequest(industry="建筑业")).missing == ("revenue_yuan", "assets_yuan")
    assert calculate(SmeRequest(employees=D(5))).missing == ("industry",)
    assert isinstance(calculate(SmeRequest(industry="其他行业", employees=D(5))), Calculation)


def test_every_needs_input_names_its_clause():
    empty = [RentRequest(), RefundRequest(), JobSubsidyRequest(), PensionRequest(), WorkInjuryRequest(),
             DeferralRequest(), InterestRequest(), TaxDeferralRequest(), PeriodRequest(), SmeRequest(),
             SmeRequest(industry="建筑业")]
    asked = [out for out in map(calculate, empty) if isinstance(out, NeedsInput)]
    assert len(asked) == 9
    for out in asked:
        assert out.clause in {"2", "4", "5", "6", "7", "closing"} and out.question_back, out


# -- errors --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("call,named", [
    (lambda: rent_relief(D(-1), "state"), ["-1", "0", "1000000000"]),
    (lambda: rent_relief(D("1000000000.01"), "state"), ["1000000000.01", "1000000000"]),
    (lambda: rent_relief(D(8000), "landlady"), ["landlady", "state", "other"]),
    (lambda: work_injury_cut(D("1.2")), ["原工伤保险费率", "120%", "0%", "100%"]),
    (lambda: work_injury_cut(D("-0.01")), ["不能为负数", "-1%", "0%"]),
    (lambda: interest_subsidy(principal=D(1), annual_rate=D(2), months=12), ["年利率", "200%"]),
    (lambda: sme_size("工业", D("20.5"), D(1)), ["从业人员", "20.5", "整数"]),
    (lambda: sme_size("工业", D(-3), D(1)), ["-3", "0"]),
    (lambda: tax_deferral("2020-03-15"), ["2020-03-15", "date"]),
    (lambda: tax_deferral(dt.date(2020, 3, 15), 0), ["0", "1", "120"]),
    (lambda: unemployment_refund(float("nan")), ["nan"]),
    (lambda: pension_contribution(True), ["True"]),
])
def test_errors_name_the_value_and_the_range(call, named):
    with pytest.raises(CalculatorError) as err:
        call()
    assert isinstance(err.value, ValueError)
    assert all(word in str(err.value) for word in named), str(err.value)


def test_error_types():
    with pytest.raises(AmountError):
        rent_relief(D(-5), "state")
    with pytest.raises(DateError):
        policy_validity(on=dt.datetime(2020, 3, 1, 12))
    with pytest.raises(CalculatorError, match="request must be one of"):
        calculate("房租8000")
    with pytest.raises(CalculatorError):
        format_answer("not a calculation")


def test_money_rendering():
    assert yuan(D(50000)) == "50000元（5万元）" and yuan(D(4000)) == "4000元"
    assert yuan(D("617.5")) == "617.5元" and yuan(D("100001")) == "100001元"
    # fractional amounts carry no trailing zeros; whole ones no decimals at all
    assert yuan(D("1500.50")) == "1500.5元" and yuan(D("7502.5")) == "7502.5元" and yuan(D("0.25")) == "0.25元"
    assert short(D("1500.50")) == "1500.5元" and yuan(D("4000.00")) == "4000元" and yuan(D("0.10")) == "0.1元"
    assert yuan(D("1E+4")) == "10000元（1万元）" and short(D(20000)) == "2万元" and short(D(8000)) == "8000元"


# -- fixes from the dev cases ty-401…460 (own phrasings) -------------------------------------------------
def test_rent_two_figures_asked_are_both_stated_in_the_order_asked():
    calc = rent_relief(D(9000), "state", ("month3", "months1_2"))
    assert calc.inputs["asked"] == ["month3", "months1_2"] and exact(calc.result["months1_2_relief"]) == D(18000)
    first = format_answer(calc).split("\n")[0]
    assert first.startswith("第三个月房租减半，需交房租4500元，减免4500元，前两个月房租免收")
    assert "两个月共减免18000元（1.8万元）" in first and "三个月共可减免房租22500元（2.25万元）" in first
    json.dumps(calc.to_json(), ensure_ascii=False)
    # whatever is asked, every figure is in the lead sentence
    for asked in (None, "relief", "payable", "month3", "months1_2", ("payable", "relief")):
        lead = format_answer(rent_relief(D(9000), "state", asked)).split("\n")[0]
        assert all(f in lead for f in ("4500元", "18000元", "22500元", "9000元"))
    assert rent_relief(D(9000), "state", ("relief",)).inputs["asked"] == "relief"  # one focus is just that focus


@pytest.mark.parametrize("asked", [(), ("relief", "relief"), ("relief", "soon"), (["relief"],)])
def test_rent_bad_asked_tuples_are_calculator_errors(asked):
    with pytest.raises(CalculatorError, match="asked"):
        rent_relief(D(9000), "state", asked)


def test_refund_from_a_monthly_or_quarterly_premium():
    calc = unemployment_refund(None, D(1200), "month", 10)
    assert exact(calc.inputs["premiums_paid"]) == D(12000) and exact(calc.result["refund"]) == D(6000)
    assert "每月1200元×10个月 = 1.2万元" in calc.steps[1] and "足额" not in calc.steps[1]
    full_year = calculate(RefundRequest(periodic_amount=D(3000), per="quarter"))
    assert exact(full_year.result["refund"]) == D(6000) and full_year.inputs["periods"] == 4
    assert "按上年度4个季度都足额缴纳计算" in full_year.steps[1]
    assert "可返还失业保险费6000元" in format_answer(full_year)


@pytest.mark.parametrize("call,named", [
    (lambda: unemployment_refund(D(100), D(100), "month"), "not both"),
    (lambda: unemployment_refund(None, D(100), "week"), "per"),
    (lambda: unemployment_refund(None, D(100), "quarter", 5), "缴费期数应在 1 至 4个季度 之间"),
    (lambda: unemployment_refund(None, D(-1), "month"), "每月缴纳的失业保险费不能为负数"),
])
def test_refund_periodic_errors(call, named):
    with pytest.raises(CalculatorError, match=named):
        call()


def test_tax_deferral_to_a_requested_month():
    over = tax_deferral(dt.date(2020, 6, 10), requested_month=10)
    assert over.result["allowed"] is False and over.result["requested_month"] == "2020-10"
    assert format_answer(over).startswith("不行：延期最长不超过3个月，申请延至2020年10月超出上限；")
    assert "最晚可延至2020年9月10日" in format_answer(over)
    edge = tax_deferral(dt.date(2020, 6, 10), requested_month=9)  # only 9月1日–10日 are within the limit
    assert edge.result["allowed"] is True and "须在2020年9月10日前缴纳" in format_answer(edge)
    inside = tax_deferral(dt.date(2020, 6, 10), requested_month=8)
    assert inside.result["allowed"] is True and "未超过3个月的上限" in format_answer(inside)
    wrapped = tax_deferral(dt.date(2020, 11, 30), requested_month=1)  # the next January
    assert wrapped.result["requested_month"] == "2021-01" and wrapped.result["allowed"] is True
    with pytest.raises(DateError, match="所在的月份，不算延期"):
        tax_deferral(dt.date(2020, 6, 10), requested_month=6)
    with pytest.raises(CalculatorError, match="not several"):
        tax_deferral(dt.date(2020, 6, 10), requested_months=2, requested_month=8)
    with pytest.raises(AmountError, match="想延至的月份应在 1 至 12月") as err:
        tax_deferral(dt.date(2020, 6, 10), requested_month=13)
    assert err.value.field == "requested_month"


def test_size_from_a_rough_indicator_when_the_whole_range_agrees():
    # 「营业额一百多万」 for a 6-person tea shop: 100–200万元 and 6 people → 微型 at both ends
    calc = sme_size("奶茶", D(6), D(1_000_000), None, (("revenue_yuan", D(2_000_000)),))
    assert calc.result["size"] == "微型" and calc.inputs["ranges"] == {"revenue_wan": [100, 200]}
    assert calc.steps[0] == "行业：餐饮业（奶茶）；从业人员6人，营业收入100万元（营业收入在100万元以上、不足200万元，按区间下限计）。"
    assert any("区间上限一端同样是微型" in step for step in calc.steps)
    # a range that straddles a band line asks for the exact figure instead of guessing
    out = calculate(SmeRequest("饭店", D(150), D(15_000_000), None, (("revenue_yuan", D(25_000_000)),)))
    assert isinstance(out, NeedsInput) and out.missing == ("revenue_yuan",)
    assert "按下限是小型，按上限是中型" in out.question_back
    with pytest.raises(CalculatorError, match="exact figure"):
        sme_size("饭店", D(150), D(15_000_000), None, (("revenue_yuan", D(25_000_000)),))
    # a range on an indicator the industry does not use changes nothing
    assert sme_size("理发店", D(12), D(1_000_000), None, (("revenue_yuan", D(2_000_000)),)).result["size"] == "小型"


@pytest.mark.parametrize("ranges", [
    [("revenue_yuan", D(1))], (("profit", D(1)),), (("revenue_yuan",),), ((["revenue_yuan"], D(1)),),
    (("revenue_yuan", D(500_000)),), (("assets_yuan", D(500_000)),),
])
def test_size_bad_ranges_are_calculator_errors(ranges):
    with pytest.raises(CalculatorError):
        sme_size("饭店", D(12), D(1_000_000), None, ranges)


def test_large_firm_answer_names_the_standard_and_says_it_is_not_covered():
    calc = sme_size("医院", D(450), None, None)  # 卫生 is an unlisted trade: 从业人员≥300 → 大型
    text = format_answer(calc)
    assert calc.inputs["industry"] == "其他未列明行业" and calc.result["size"] == "大型"
    assert "大型" in text and "中小企业划型标准规定" in text and "不属于中小微企业" in text


@pytest.mark.parametrize("wording,industry", [
    ("房开", "房地产开发经营"), ("苗木基地", "农、林、牧、渔业"), ("民办幼儿园", "其他未列明行业"),
    ("会计师事务所", "租赁和商务服务业"), ("蔬菜批发", "批发业"), ("水产超市", "零售业"), ("蔬菜大棚", "农、林、牧、渔业"),
])
def test_more_industry_wordings(wording, industry):
    assert resolve_industry(wording) == industry


# -- properties ----------------------------------------------------------------------------------------
anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
    st.decimals(allow_nan=True, allow_infinity=True), st.lists(st.integers(), max_size=2),
    st.dates(), st.datetimes(),
)
# mostly plausible amounts (so rules run to the end), sometimes anything at all
amounts = st.integers(0, 3).flatmap(lambda i: anything if i == 0 else st.one_of(
    st.none(), st.integers(0, 10**6), st.decimals(min_value=-10, max_value=10**10, places=3)))
requests = st.one_of(
    st.builds(RentRequest, monthly_rent=amounts, landlord=st.one_of(st.sampled_from(["state", "other"]), anything),
              asked=st.one_of(st.sampled_from(["relief", "payable", "month3", "months1_2"]), anything,
                              st.lists(st.sampled_from(["relief", "payable", "month3", "months1_2", "x"]),
                                       max_size=3).map(tuple))),
    st.builds(RentRequest, landlord=st.sampled_from(["state", "other", None]), period_rent=amounts,
              per=st.one_of(st.sampled_from(["quarter", "half_year", "year"]), anything)),
    st.builds(RefundRequest, premiums_paid=amounts),
    st.builds(RefundRequest, parts=st.one_of(anything, st.lists(st.tuples(st.sampled_from(["上半年", "下半年", ""]),
                                                                       amounts), max_size=3).map(tuple))),
    st.builds(JobSubsidyRequest, monthly_benefit=amounts, insured_employees=st.one_of(st.none(), amounts),
              monthly_headcounts=st.one_of(anything, st.lists(st.tuples(st.integers(-1, 13), st.integers(-1, 13),
                                                                        amounts), max_size=3).map(tuple))),
    st.builds(PensionRequest, wage_base=amounts, employees=amounts, old_rate=st.one_of(anything, st.decimals(-1, 2)),
              months=st.one_of(st.none(), st.integers(-1, 130), anything)),
    st.builds(DeferralRequest, monthly_amount=amounts, asked_month=st.one_of(st.integers(0, 13), anything),
              asked_through=st.one_of(st.integers(0, 13), anything),
              month_amounts=st.one_of(anything, st.lists(st.tuples(st.integers(-1, 13), amounts),
                                                          max_size=4).map(tuple))),
    st.builds(RefundRequest, periodic_amount=amounts, per=st.one_of(st.sampled_from(["month", "quarter"]), anything),
              periods=st.one_of(st.integers(-1, 13), anything)),
    st.builds(JobSubsidyRequest, insured_employees=amounts, monthly_benefit=amounts),
    st.builds(PensionRequest, wage_base=amounts, employees=amounts),
    st.builds(WorkInjuryRequest, old_rate=st.one_of(anything, st.decimals(-1, 2)), wage_base=amounts,
              old_amount=amounts, per=st.one_of(st.sampled_from(["month", "quarter", "year", None]), anything),
              months=st.one_of(st.none(), st.integers(-1, 130), anything)),
    st.builds(DeferralRequest, monthly_amount=amounts, asked_month=anything,
              components=st.one_of(anything, st.lists(st.tuples(
                  st.sampled_from(["养老保险", "失业保险", "工伤保险", "医疗保险"]), amounts), max_size=3).map(tuple))),
    st.builds(InterestRequest, total_subsidy=amounts, principal=amounts,
              annual_rate=st.one_of(anything, st.decimals(-1, 2)), months=anything),
    st.builds(TaxDeferralRequest, due_date=anything, requested_months=anything, requested_date=anything),
    st.builds(TaxDeferralRequest, due_date=st.dates(), requested_month=st.one_of(st.integers(-1, 14), anything)),
    st.builds(PeriodRequest, on=anything, today=anything, issued=anything,
              measure=st.one_of(st.sampled_from([None, "rent_relief"]), anything)),
    st.builds(SmeRequest, industry=st.one_of(st.sampled_from(list(INDUSTRIES) + ["饭店", "软件公司"]), anything),
              employees=amounts, revenue_yuan=amounts, assets_yuan=amounts),
    st.builds(SmeRequest, industry=st.sampled_from(list(INDUSTRIES)), employees=amounts, revenue_yuan=amounts,
              assets_yuan=amounts, ranges=st.one_of(anything, st.lists(st.tuples(
                  st.sampled_from(["employees", "revenue_yuan", "assets_yuan", "profit"]), amounts), max_size=2).map(tuple)),
              revenue_per=st.one_of(st.sampled_from([None, "day", "week", "month", "year"]), anything)),
)


@settings(max_examples=600, deadline=None)
@given(requests)
def test_only_calculator_errors_escape(request):
    try:
        outcome = calculate(request)
    except CalculatorError:
        return
    assert isinstance(outcome, (Calculation, NeedsInput))
    assert format_answer(outcome) and outcome.clause
    if isinstance(outcome, Calculation):
        json.dumps(outcome.to_json(), ensure_ascii=False)  # the answer contract is JSON


money_values = st.decimals(min_value=0, max_value=10**9, places=2)
rents = st.decimals(min_value=D("0.01"), max_value=10**9, places=2)  # a rent of 0 is refused: nothing to relieve


@given(rents, rents)
def test_more_rent_never_less_relief(a, b):
    low, high = sorted((a, b))
    r_low, r_high = rent_relief(low, "state").result, rent_relief(high, "state").result
    assert exact(r_low["relief_total"]) <= exact(r_high["relief_total"])
    assert exact(r_low["month3_payment"]) <= exact(r_high["month3_payment"])


@given(money_values, money_values)
def test_more_premiums_never_smaller_refund(a, b):
    low, high = sorted((a, b))
    assert exact(unemployment_refund(low).result["refund"]) <= exact(unemployment_refund(high).result["refund"])


@given(st.sampled_from(INDUSTRIES), st.integers(0, 5000), st.integers(0, 5000),
       st.decimals(0, 300000, places=2), st.decimals(0, 300000, places=2),
       st.decimals(0, 300000, places=2), st.decimals(0, 300000, places=2))
def test_a_larger_firm_never_gets_a_smaller_size_class(industry, x1, x2, y1, y2, z1, z2):
    def rank(x, y, z):
        calc = sme_size(industry, D(x), y * 10000, z * 10000)
        return SIZES.index(calc.result["size"])  # 0 is 大型

    small = rank(min(x1, x2), min(y1, y2), min(z1, z2))
    large = rank(max(x1, x2), max(y1, y2), max(z1, z2))
    assert large <= small


# Well-typed values a user can give (any sign, any size): every refusal is for the user — Chinese, naming the
# field by its label (a `field` the error carries) and the valid range, never the request's field name.
_figures = st.one_of(st.none(), st.decimals(min_value=-10**30, max_value=10**30, places=2, allow_nan=False),
                     st.integers(-10**20, 10**20).map(D), st.sampled_from([D(0), D("-0.01"), D("1E+99"), D("-1E+99")]))
_counts = st.one_of(st.none(), st.integers(-10**6, 10**6))
user_requests = st.one_of(
    st.builds(RentRequest, monthly_rent=_figures, landlord=st.sampled_from(["state", "other", None])),
    st.builds(RentRequest, period_rent=_figures, per=st.sampled_from(["quarter", "half_year", "year"]),
              landlord=st.sampled_from(["state", None])),
    st.builds(RefundRequest, premiums_paid=_figures),
    st.builds(RefundRequest, parts=st.lists(st.tuples(st.sampled_from(["上半年", "下半年", "一季度", ""]),
                                                      _figures.filter(lambda v: v is not None)),
                                            min_size=2, max_size=3).map(tuple)),
    st.builds(JobSubsidyRequest, monthly_benefit=_figures, monthly_headcounts=st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 12), _figures.filter(lambda v: v is not None)),
        min_size=1, max_size=3).map(lambda spans: tuple((min(a, b), max(a, b), n) for a, b, n in spans))),
    st.builds(PensionRequest, wage_base=_figures, employees=_figures, old_rate=_figures, months=_counts),
    st.builds(DeferralRequest, monthly_amount=_figures, asked_month=st.integers(1, 12),
              asked_through=st.one_of(st.none(), _counts),
              month_amounts=st.lists(st.tuples(st.integers(1, 12), _figures.filter(lambda v: v is not None)),
                                     max_size=4).map(tuple)),
    st.builds(RefundRequest, periodic_amount=_figures, per=st.sampled_from(["month", "quarter"]), periods=_counts),
    st.builds(JobSubsidyRequest, insured_employees=_figures, monthly_benefit=_figures),
    st.builds(PensionRequest, wage_base=_figures, employees=_figures),
    st.builds(WorkInjuryRequest, old_rate=_figures, wage_base=_figures),
    st.builds(WorkInjuryRequest, old_amount=_figures, per=st.sampled_from(["month", "year", None])),
    st.builds(WorkInjuryRequest, old_amount=_figures, per=st.sampled_from(["month", "quarter", "year"]), months=_counts),
    st.builds(PeriodRequest, on=st.one_of(st.none(), st.dates()), measure=st.just("rent_relief")),
    st.builds(DeferralRequest, monthly_amount=_figures, asked_month=_counts),
    st.builds(DeferralRequest, components=st.lists(st.tuples(st.sampled_from(["养老保险", "失业保险", "工伤保险"]),
                                                             _figures.filter(lambda v: v is not None)),
                                                   max_size=3, unique_by=lambda p: p[0]).map(tuple)),
    st.builds(InterestRequest, total_subsidy=_figures),
    st.builds(InterestRequest, principal=_figures, annual_rate=_figures, months=_counts),
    st.builds(TaxDeferralRequest, due_date=st.dates(), requested_months=_counts),
    st.builds(TaxDeferralRequest, due_date=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
              requested_date=st.dates()),
    st.builds(PeriodRequest, on=st.one_of(st.none(), st.dates()), today=st.one_of(st.none(), st.dates())),
    st.builds(SmeRequest, industry=st.sampled_from(list(INDUSTRIES)), employees=_figures, revenue_yuan=_figures,
              assets_yuan=_figures),
)
_NOT_FOR_USERS = re.compile(r"[a-z]+_[a-z_]+|must be|\bgot\b")


@settings(max_examples=600, deadline=None)
@given(user_requests)
def test_a_users_figures_are_refused_in_chinese_naming_the_field(request):
    try:
        outcome = calculate(request)
    except CalculatorError as err:
        message = str(err)
        assert re.search(r"[\u4e00-\u9fff]", message) and not _NOT_FOR_USERS.search(message), message
        assert err.field is not None and err.detail and message.endswith(err.detail), (err.field, message)
        return
    assert format_answer(outcome)
    if isinstance(outcome, Calculation):
        json.dumps(outcome.to_json(), ensure_ascii=False)


# -- amounts and headcounts given per part of the year; rents per half year; the old pension rate -------------
def test_rent_given_per_half_year_is_divided_by_six():
    calc = rent_relief(None, "state", period_rent=D(120000), per="half_year")
    assert exact(calc.inputs["monthly_rent"]) == D(20000) and exact(calc.result["relief_total"]) == D(50000)
    assert calc.steps[0] == "半年租金12万元÷6个月 = 每月2万元（按半年租金平均分摊到6个月折算）。"
    assert "50000元" in format_answer(calc).split("\n")[0]


def test_refund_of_premiums_paid_in_parts_of_the_year_adds_them_up_in_the_steps():
    calc = calculate(RefundRequest(parts=(("上半年", D(4600)), ("下半年", D(5400)))))
    assert exact(calc.result["refund"]) == D(5000) and exact(calc.inputs["premiums_paid"]) == D(10000)
    assert "上年度实际缴纳：上半年4600元 + 下半年5400元 = 1万元。" in calc.steps
    assert calc.inputs["parts"] == [["上半年", 4600], ["下半年", 5400]]
    unnamed = unemployment_refund(None, parts=(("", D(4600)), ("", D(500))))
    assert "上年度实际缴纳：4600元 + 500元 = 5100元。" in unnamed.steps


@pytest.mark.parametrize("call,named", [
    (lambda: unemployment_refund(D(1), parts=(("上半年", D(1)), ("下半年", D(2)))), ["parts", "premiums_paid"]),
    (lambda: unemployment_refund(None, parts=(("上半年", D(1)),)), ["at least two"]),
    (lambda: unemployment_refund(None, parts=(("上半年", D(-1)), ("下半年", D(2)))), ["上半年缴纳的失业保险费", "负数"]),
])
def test_refund_parts_errors(call, named):
    with pytest.raises(CalculatorError) as err:
        call()
    assert all(n in str(err.value) for n in named), str(err.value)


def test_job_subsidy_averages_headcounts_given_per_span_of_months():
    calc = calculate(JobSubsidyRequest(monthly_benefit=D(1360), monthly_headcounts=((1, 6, D(10)), (7, 12, D(14)))))
    assert exact(calc.result["subsidy"]) == D(97920) and exact(calc.inputs["insured_employees"]) == D(12)
    assert "年度平均参保职工人数 = 全年每月参保人数之和÷12个月：(10人×6个月 + 14人×6个月)÷12 = 12人。" in calc.steps
    uneven = job_subsidy(None, D(1360), ((1, 5, D(10)), (6, 12, D(13))))  # (50 + 91) / 12 = 11.75
    assert exact(uneven.result["subsidy"]) == D(95880)
    thirds = job_subsidy(None, D(1000), ((1, 1, D(1)), (2, 12, D(0))))  # 1/12 person: the subsidy uses it exactly
    assert exact(thirds.result["subsidy"]) == D(500) and any("≈ 0.08人" in s for s in thirds.steps)


def test_job_subsidy_with_months_missing_asks_for_them_instead_of_assuming():
    out = calculate(JobSubsidyRequest(monthly_benefit=D(1360), monthly_headcounts=((7, 12, D(14)),)))
    assert isinstance(out, NeedsInput) and out.missing == ("insured_employees",)
    assert "1—6月每月的参保人数" in out.question_back
    with pytest.raises(CalculatorError, match="还缺1—6月"):
        job_subsidy(None, D(1360), ((7, 12, D(14)),))
    with pytest.raises(CalculatorError, match="6月的参保人数给了两次"):
        job_subsidy(None, D(1360), ((1, 6, D(10)), (6, 12, D(14))))
    with pytest.raises(CalculatorError, match="not both"):
        job_subsidy(D(12), D(1360), ((1, 12, D(12)),))


@given(st.integers(0, 10_000), st.integers(1, 11))
def test_the_same_headcount_all_year_averages_to_itself(people, split):
    spans = ((1, split, D(people)), (split + 1, 12, D(people)))
    assert exact(job_subsidy(None, D(1360), spans).result["subsidy"]) == \
        exact(job_subsidy(D(people), D(1360)).result["subsidy"])


def test_pension_saving_from_the_old_rate():
    calc = calculate(PensionRequest(D(500_000), old_rate=D("0.2")))
    assert exact(calc.result["saving"]) == D(20000) and exact(calc.result["before"]) == D(100_000)
    assert "少缴20000元（2万元）" in format_answer(calc).split("\n")[0]
    assert any("（即50万元×(20% − 16%)）" in s for s in calc.steps)
    each = pension_contribution(D(5000), D(20), D("0.2"))
    assert exact(each.result["saving"]) == D(4000) and "20人、每人缴费基数5000元" in format_answer(each)
    with pytest.raises(AmountError) as err:
        pension_contribution(D(5000), old_rate=D("0.14"))
    assert err.value.field == "old_rate" and "16%" in str(err.value) and "14%" in str(err.value)
    assert "saving" not in pension_contribution(D(5000)).result  # no old rate, no comparison


def test_deferral_with_amounts_differing_by_month():
    by_month = tuple((m, D(v)) for m, v in ((1, 8000), (2, 9000), (3, 10000)))
    calc = deferral_schedule(D(10000), month_amounts=by_month, asked_month=5)
    r = calc.result
    assert [exact(r[f"month{m}_payment"]) for m in range(1, 7)] == [0, 0, 0, D(18000), D(19000), D(20000)]
    assert exact(r["total_payment"]) == D(57000) and exact(r["deferred_total"]) == D(27000)
    assert format_answer(calc).startswith("5月需缴19000元（1.9万元）：5月10000元，另补缴2月9000元")
    assert "各月应缴：1月8000元、2月9000元、3—6月每月1万元。" in calc.steps


def test_deferral_with_months_not_given_says_so_and_computes_what_it_can():
    calc = deferral_schedule(month_amounts=((1, D(8000)), (2, D(9000))), asked_month=4)
    assert "month4_payment" not in calc.result and "total_payment" not in calc.result
    assert format_answer(calc).startswith("4月需补缴1月的8000元，另缴4月本月应缴的保险费")
    assert "5月：补缴2月9000元，另缴5月本月应缴的保险费（金额你没有给出）。" in calc.steps
    assert "6月：缴纳6月并补缴3月的社会保险费（3月的金额你没有给出）。" in calc.steps


def test_deferral_months_asked_together_are_summed():
    calc = deferral_schedule(D(12000), asked_month=4, asked_through=6)
    assert exact(calc.result["range_payment"]) == D(72000)
    assert format_answer(calc).startswith("4—6月共需缴72000元（7.2万元）")
    assert "4—6月合计：4月2.4万元 + 5月2.4万元 + 6月2.4万元 = 7.2万元。" in calc.steps
    later = deferral_schedule(D(1000), asked_month=6, asked_through=7)  # July pays only July
    assert exact(later.result["range_payment"]) == D(3000)
    with pytest.raises(AmountError, match="月份范围的止月"):
        deferral_schedule(D(1000), asked_month=6, asked_through=5)
    with pytest.raises(CalculatorError, match="needs asked_month"):
        deferral_schedule(D(1000), asked_through=5)
    with pytest.raises(CalculatorError, match="给了两次"):
        deferral_schedule(month_amounts=((1, D(1)), (1, D(2))))


def test_uniform_deferral_answer_is_unchanged_by_the_per_month_support():
    calc = deferral_schedule(D(5300), asked_month=4)
    assert "month_amounts" not in calc.inputs and "asked_through" not in calc.inputs
    assert "1—3月：可暂不缴纳（每月5300元缓缴），共缓缴5300元×3 = 1.59万元。" in calc.steps


# -- size: one indicator under the 微型 line settles it (the standard's 「或」) -------------------------------
@pytest.mark.parametrize("industry,given,decided", [
    ("工业", {"revenue_yuan": D(2_800_000)}, "营业收入280万元<300万元"),
    ("工业", {"employees": D(19)}, "从业人员19人<20人"),
    ("建筑业", {"assets_yuan": D(2_999_900)}, "资产总额299.99万元<300万元"),
    ("租赁和商务服务业", {"employees": D(9)}, "从业人员9人<10人"),
    ("房地产开发经营", {"revenue_yuan": D(990_000)}, "营业收入99万元<100万元"),
    ("物业管理", {"revenue_yuan": D(4_990_000)}, "营业收入499万元<500万元"),
])
def test_one_indicator_below_the_small_bound_decides_micro(industry, given, decided):
    calc = calculate(SmeRequest(industry=industry, **given))
    assert isinstance(calc, Calculation) and calc.result["size"] == "微型", calc
    assert calc.result["decided_by"].startswith(decided) and "一项低于即为微型" in calc.result["decided_by"]
    assert "或" in calc.steps[1] and "未提供" in calc.steps[0]


@pytest.mark.parametrize("industry,given", [
    ("工业", {"revenue_yuan": D(3_000_000)}),  # 300万 is 小型's bound: 小型 or 微型 depends on the headcount
    ("工业", {"employees": D(20)}),
    ("建筑业", {"revenue_yuan": D(500_000_000)}),
])
def test_one_indicator_at_or_above_the_small_bound_still_asks(industry, given):
    out = calculate(SmeRequest(industry=industry, **given))
    assert isinstance(out, NeedsInput) and out.missing


def test_a_rough_indicator_wholly_below_the_small_bound_decides_micro():
    calc = calculate(SmeRequest(industry="工业", revenue_yuan=D(2_000_000), ranges=(("revenue_yuan", D(3_000_000)),)))
    assert calc.result["size"] == "微型" and calc.result["decided_by"].startswith("营业收入不足300万元")
    straddles = calculate(SmeRequest(industry="工业", revenue_yuan=D(2_000_000),
                                     ranges=(("revenue_yuan", D(4_000_000)),)))
    assert isinstance(straddles, NeedsInput)


def test_revenue_said_per_day_week_or_month_is_scaled_to_a_year_and_says_so():
    calc = sme_size("超市", D(12), D(30_000), revenue_per="week")  # 「一周流水3万」: 3万×52 = 156万 → 小型
    assert calc.result["size"] == "小型" and calc.inputs["revenue_wan"] == 156 and calc.inputs["revenue_per"] == "week"
    assert calc.steps[1] == "你说的是每周的营业收入，按一年52周折算为全年：3万元×52 = 156万元。"
    assert sme_size("饭店", D(12), D(5_000), revenue_per="day").inputs["revenue_wan"] == D("182.5")
    assert sme_size("饭店", D(12), D(100_000), revenue_per="month").inputs["revenue_wan"] == 120
    # a range is scaled with its figure: 每月10万多 is 120万 to under 240万 a year, 小型 at both ends
    ranged = sme_size("饭店", D(12), D(100_000), None, (("revenue_yuan", D(200_000)),), revenue_per="month")
    assert ranged.inputs["ranges"] == {"revenue_wan": [120, 240]}
    # an industry that does not use revenue says nothing about it
    assert not any("折算" in step for step in sme_size("理发店", D(12), D(1_000), revenue_per="day").steps)
    assert sme_size("饭店", D(12), D(300_000), revenue_per="quarter").inputs["revenue_wan"] == 120
    with pytest.raises(CalculatorError, match=r"revenue_per must be one of \['day', 'week', 'month', 'quarter'\]"):
        sme_size("超市", D(12), D(30_000), revenue_per="fortnight")
    with pytest.raises(AmountError, match="每周营业收入不能为负数"):
        sme_size("超市", D(12), D(-30_000), revenue_per="week")


def test_a_range_with_only_a_top_is_said_as_under_it():
    # 「不到300人」: 0 to under 300 people spans 微型 and 小型 for a factory with 5000万元, so it asks
    out = calculate(SmeRequest("工业", D(0), D(50_000_000), ranges=(("employees", D(300)),)))
    assert isinstance(out, NeedsInput) and "你说的从业人员不足300人" in out.question_back
    calc = sme_size("理发店", D(0), None, None, (("employees", D(10)),))  # under 10 people: 微型 whatever
    assert calc.result["size"] == "微型" and "从业人员不足10人" in calc.steps[0]


@given(st.sampled_from([i for i in INDUSTRIES if len(SIZE_RULES[i].indicators) == 2]), st.data())
def test_a_partial_micro_verdict_holds_whatever_the_missing_indicator_is(industry, data):
    rule = SIZE_RULES[industry]
    known, unknown = data.draw(st.permutations(rule.indicators))
    bound = rule.bands[2][rule.indicators.index(known)]
    if known == "employees":
        given = {known: D(data.draw(st.integers(0, int(bound) - 1)))}
    else:
        given = {known: data.draw(st.decimals(0, bound - D("0.01"), places=2)) * 10000}
    assert calculate(SmeRequest(industry=industry, **given)).result["size"] == "微型"
    other = data.draw(st.integers(0, 10**6))
    full = sme_size(industry, **given, **{unknown: D(other) * (1 if unknown == "employees" else 10000)})
    assert full.result["size"] == "微型"


@pytest.mark.parametrize("wording,industry", [
    ("We do 建筑 machinery rental", "租赁和商务服务业"), ("建筑机械租赁公司", "租赁和商务服务业"),
    ("劳务派遣公司", "租赁和商务服务业"), ("开了个快递点", "邮政业"), ("酒店", "住宿业"), ("在淘宝开网店卖衣服", "零售业"),
    ("电商", "零售业"), ("开小卖部的", "零售业"), ("加油站", "零售业"), ("客栈", "住宿业"), ("咖啡馆", "餐饮业"),
    ("互联网公司", "信息传输业"), ("代理记账公司", "租赁和商务服务业"), ("汽修店", "其他未列明行业"),
    ("a construction company", "建筑业"), ("RENTAL", "租赁和商务服务业"), ("装修公司，办公室是租赁的", "建筑业"),
    ("互联网零售", "零售业"), ("房地产开发公司", "房地产开发经营"), ("物流公司的仓库", "交通运输业"),
    ("饭店和超市", "餐饮业"), ("工程机械租赁", "租赁和商务服务业"),
])
def test_industry_named_by_the_head_of_the_compound(wording, industry):
    assert resolve_industry(wording.replace("construction", "建筑")) == industry


def test_english_industry_words_match_whole_words_only():
    with pytest.raises(UnknownIndustryError):
        resolve_industry("parental")


# -- several premises, mixed bases, span totals, medical insurance, more trades ------------------------------
def test_rent_for_several_premises_is_relieved_per_premises_and_summed():
    calc = rent_relief(None, "state", asked="month3", premises=(D(3000), D(5200)))
    r = calc.result
    assert exact(r["month3_payment"]) == D(4100) and exact(r["relief_total"]) == D(20500)
    assert exact(r["months1_2_relief"]) == D(16400) and exact(calc.inputs["monthly_rent"]) == D(8200)
    assert [exact(p["month3_payment"]) for p in r["premises"]] == [D(1500), D(2600)]
    assert "第3个月共需交1500元 + 2600元 = 4100元" in "".join(calc.steps)
    head = format_answer(calc).split("\n")[0]
    assert head.startswith("两处合计") and "4100元" in head and "月租3000元的一处第三个月交1500元" in head
    odd = rent_relief(None, "state", premises=(D("0.03"), D("0.05")))  # halves rounded per premises, as billed
    assert exact(odd.result["month3_relief"]) == D("0.05")
    assert rent_relief(None, "other", premises=(D(3000), D(5200))).result["covered"] is False


@pytest.mark.parametrize("call,named", [
    (lambda: rent_relief(D(1), premises=(D(1), D(2))), ["premises", "monthly_rent"]),
    (lambda: rent_relief(None, premises=(D(1),)), ["at least two"]),
    (lambda: rent_relief(None, premises=(D(3000), D(-1))), ["第2处的月租金", "负数"]),
])
def test_rent_premises_errors(call, named):
    with pytest.raises(CalculatorError) as err:
        call()
    assert all(n in str(err.value) for n in named), str(err.value)


def test_pension_for_groups_with_different_bases():
    calc = pension_contribution(None, groups=((D(4), D(3000)), (D(4), D(5000))))
    assert exact(calc.result["contribution"]) == D(5120) and exact(calc.inputs["wage_base"]) == D(32000)
    assert "缴费基数合计：4人×3000元 + 4人×5000元 = 3.2万元。" in calc.steps
    assert format_answer(calc).startswith("按16%的企业养老保险费率，8人共需单位缴费5120元")
    saved = pension_contribution(None, old_rate=D("0.2"), groups=((D(4), D(3000)), (D(4), D(5000))))
    assert exact(saved.result["saving"]) == D(1280)
    with pytest.raises(CalculatorError, match="groups"):
        pension_contribution(D(1000), groups=((D(4), D(3000)), (D(4), D(5000))))
    with pytest.raises(CalculatorError, match="人数"):
        pension_contribution(None, groups=((D("-4"), D(3000)), (D(4), D(5000))))


def test_deferral_from_a_quarters_total():
    same = deferral_schedule(asked_month=4, span_totals=((1, 3, D(36000)),), same_every_month=True)
    assert exact(same.inputs["monthly_amount"]) == D(12000) and exact(same.result["month4_payment"]) == D(24000)
    assert "1—3月合计3.6万元÷3个月 = 每月1.2万元（你说每个月金额都一样）。" in same.steps
    only_q1 = deferral_schedule(asked_month=4, span_totals=((1, 3, D(36000)),))
    assert only_q1.inputs["monthly_amount"] is None and "month4_payment" not in only_q1.result
    assert "假定各月金额相同" in format_answer(only_q1).split("\n")[0]
    uneven = deferral_schedule(span_totals=((1, 3, D(10000)),), same_every_month=True)
    assert any("≈ 每月3333.33元" in s for s in uneven.steps)
    with pytest.raises(CalculatorError, match="不一致"):
        deferral_schedule(D(5000), span_totals=((1, 3, D(36000)),), same_every_month=True)
    with pytest.raises(CalculatorError, match="给了两次"):
        deferral_schedule(month_amounts=((1, D(8000)),), span_totals=((1, 3, D(36000)),))


def test_deferral_with_medical_insurance_paid_every_month():
    calc = calculate(DeferralRequest(monthly_amount=D(9000), medical_monthly=D(3000), asked_month=4))
    assert exact(calc.result["month4_with_medical"]) == D(21000) and exact(calc.result["month4_payment"]) == D(18000)
    head = format_answer(calc).split("\n")[0]
    assert head.startswith("4月连医保共需缴21000元") and "18000元" in head
    january = deferral_schedule(D(9000), asked_month=1, medical_monthly=D(3000))
    assert exact(january.result["month1_with_medical"]) == D(3000)
    with pytest.raises(CalculatorError, match="医疗保险"):
        deferral_schedule(D(9000), medical_monthly=D(-1))


@pytest.mark.parametrize("said,industry", [("城区供热公司", "工业"), ("供暖站", "工业"), ("游戏开发公司", "软件和信息技术服务业"),
                                           ("做APP开发的", "软件和信息技术服务业"), ("会计师事务所", "租赁和商务服务业"),
                                           ("眼镜店", "零售业")])
def test_more_owner_wordings_of_trades(said, industry):
    assert resolve_industry(said) == industry


# -- totals over the months asked (「一年下来」「半年下来」); a measure's own period ---------------------------------
def test_pension_total_over_the_months_asked():
    calc = calculate(PensionRequest(wage_base=D(380_000), months=12))
    assert exact(calc.result["contribution"]) == D(60800) and exact(calc.result["total"]) == D(729_600)
    assert calc.inputs["months"] == 12 and "一年：每月6.08万元×12 = 72.96万元。" in calc.steps
    assert "一年共需单位缴费729600元" in format_answer(calc).split("\n")[0]
    saved = pension_contribution(D(10000), old_rate=D("0.2"), months=3)
    assert exact(saved.result["total"]) == D(4800) and exact(saved.result["saving_total"]) == D(1200)
    assert "3个月共需单位缴费4800元，共少缴1200元" in format_answer(saved).split("\n")[0]
    with pytest.raises(AmountError, match="所问的月数") as err:
        pension_contribution(D(5000), months=0)
    assert err.value.field == "months"


def test_work_injury_total_over_the_months_asked():
    calc = calculate(WorkInjuryRequest(old_amount=D(960), per="month", months=6))
    assert (exact(calc.result["total"]), exact(calc.result["saving_total"])) == (D(2880), D(2880))
    assert "半年：每月480元×6 = 2880元，少缴480元×6 = 2880元。" in calc.steps
    assert "半年共交2880元" in format_answer(calc).split("\n")[0]
    quarterly = work_injury_cut(old_amount=D(3000), per="quarter", months=6)
    assert exact(quarterly.result["total"]) == D(3000)  # two quarters at 1500
    with pytest.raises(AmountError, match="3的整数倍") as err:
        work_injury_cut(old_amount=D(3000), per="quarter", months=4)
    assert err.value.field == "months"
    with pytest.raises(CalculatorError, match="per"):
        work_injury_cut(old_amount=D(3000), months=6)  # a total needs to know what the amount is per
    with pytest.raises(CalculatorError, match="old_amount or wage_base"):
        work_injury_cut(D("0.004"), months=6)  # a total over months needs an amount or a base
    on_base = work_injury_cut(D("0.004"), D(100000), months=6)  # a month's base: the six months' totals
    assert (exact(on_base.result["total"]), exact(on_base.result["saving_total"])) == (D(1200), D(1200))


def test_the_rent_reliefs_own_period_is_the_policy_period_cited_from_clause_six():
    calc = calculate(PeriodRequest(on=dt.date(2020, 4, 20), measure="rent_relief"))
    assert calc.clause == "6" and calc.result["end"] == "2020-05-07" and calc.result["on_inside"] is True
    head = format_answer(calc).split("\n")[0]
    assert "自本意见发布之日起三个月" in head and "2020年2月7日" in head and "2020年4月20日在这三个月内" in head
    assert policy_validity(on=dt.date(2020, 5, 8), measure="rent_relief").result["on_inside"] is False
    assert policy_validity().clause == "closing"
    with pytest.raises(CalculatorError, match="measure must be one of"):
        policy_validity(measure="tax")


def test_a_total_asked_over_whole_years_is_named_in_years():
    from assistant.calculator.social_insurance import span_said
    assert [span_said(m) for m in (6, 12, 24, 120, 8, 18)] == ["半年", "一年", "2年", "10年", "8个月", "18个月"]


# -- amounts said otherwise: per day, per month, as a range, as a total, with medical, reversed -------------
def test_rent_per_day_is_times_the_days_of_a_month():
    said = rent_relief(None, "state", period_rent=350, per="day", days_per_month=30)
    assert said.inputs["monthly_rent"] == 10500 and said.result["month3_payment"] == 5250
    assert "350元×30天 = 每月1.05万元（按你说的一个月30天）" in said.steps[0]
    unsaid = rent_relief(None, "state", period_rent=400, per="day")
    assert unsaid.inputs["days_per_month"] == 30 and "你没有说一个月按几天算" in unsaid.steps[0]


@pytest.mark.parametrize("kwargs,error", [
    ({"period_rent": 350, "per": "day", "days_per_month": 0}, AmountError),
    ({"period_rent": 350, "per": "day", "days_per_month": 32}, AmountError),
    ({"period_rent": 350, "per": "day", "days_per_month": 30.5}, AmountError),
    ({"period_rent": -350, "per": "day"}, AmountError),
    ({"period_rent": 30000, "per": "quarter", "days_per_month": 30}, CalculatorError),  # days only with per day
])
def test_bad_daily_rent_inputs_are_refused(kwargs, error):
    with pytest.raises(error):
        rent_relief(None, "state", **kwargs)


def test_a_collective_landlord_gets_the_rule_and_the_lead_sentence_but_no_amount():
    calc = rent_relief(3000, "collective")
    assert calc.result["covered"] is False and calc.result["relief_total"] is None
    text = format_answer(calc)
    assert "带头减免" in text and "国有资产类经营用房" in text and "7500" not in text
    assert calculate(RentRequest(landlord="collective")).inputs["monthly_rent"] is None  # no rent needed


def test_a_monthly_interest_rate_is_times_twelve():
    calc = interest_subsidy(principal=6_000_000, monthly_rate=D("0.00125"), months=12)
    assert calc.result == {"total_subsidy": 90000, "central": 45000, "provincial": 45000}
    assert calc.inputs["annual_rate"] == 0.015 and calc.inputs["monthly_rate"] == 0.00125
    request = InterestRequest(principal=D(6_000_000), monthly_rate=D("0.00125"), months=12)
    assert calculate(request).result == calc.result
    assert needs_input_missing(InterestRequest(principal=D(1), monthly_rate=D("0.001"))) == ("months",)


def needs_input_missing(request) -> tuple[str, ...]:
    outcome = calculate(request)
    return outcome.missing if isinstance(outcome, NeedsInput) else ()


@pytest.mark.parametrize("kwargs,error", [
    ({"monthly_rate": D("0.1")}, AmountError),  # 120% a year
    ({"monthly_rate": D("-0.001")}, AmountError),
    ({"monthly_rate": D("0.001"), "annual_rate": D("0.012")}, CalculatorError),
])
def test_bad_monthly_rates_are_refused(kwargs, error):
    with pytest.raises(error):
        interest_subsidy(principal=1_000_000, months=12, **kwargs)


def test_premiums_as_a_range_give_the_refund_range():
    calc = unemployment_refund(9000, premiums_upper=11000)
    assert calc.result == {"refund": 4500, "refund_upper": 5500}
    assert "4500元至5500元" in format_answer(calc)


@pytest.mark.parametrize("kwargs,error", [
    ({"premiums_paid": 11000, "premiums_upper": 9000}, AmountError),
    ({"premiums_paid": 9000, "premiums_upper": -1}, AmountError),
    ({"premiums_paid": None, "periodic_amount": 900, "per": "month", "premiums_upper": 11000}, CalculatorError),
])
def test_bad_premium_ranges_are_refused(kwargs, error):
    with pytest.raises(error):
        unemployment_refund(**kwargs)


def test_a_benefit_total_over_months_is_the_monthly_benefit_times_months():
    assert job_subsidy(9, None, benefit_total=8160).result["subsidy"] == 73440
    assert job_subsidy(9, None, benefit_total=4080, benefit_months=3).result["subsidy"] == 73440
    # 1000 over 7 months is no whole fen a month; the subsidy is still 6/7 of 1000 per person, to the fen
    assert exact(job_subsidy(7, None, benefit_total=1000, benefit_months=7).result["subsidy"]) == 6000
    assert calculate(JobSubsidyRequest(insured_employees=D(9), benefit_total=D(8160))).result["subsidy"] == 73440


@pytest.mark.parametrize("kwargs,error", [
    ({"monthly_benefit": 1360, "benefit_total": 8160}, CalculatorError),
    ({"monthly_benefit": None, "benefit_total": -8160}, AmountError),
    ({"monthly_benefit": None, "benefit_total": 8160, "benefit_months": 0}, AmountError),
    ({"monthly_benefit": None, "benefit_total": 8160, "benefit_months": "6"}, AmountError),
])
def test_bad_benefit_totals_are_refused(kwargs, error):
    with pytest.raises(error):
        job_subsidy(9, **kwargs)


def test_the_pension_base_from_what_was_paid_at_16_percent():
    calc = calculate(PensionRequest(contribution=D(24000)))
    assert calc.result["wage_base"] == 150000 and "150000元" in format_answer(calc)
    assert exact(calculate(PensionRequest(contribution=D(1))).result["wage_base"]) == D("6.25")
    with pytest.raises(AmountError):
        calculate(PensionRequest(contribution=D(-1)))
    with pytest.raises(CalculatorError):
        calculate(PensionRequest(contribution=D(24000), wage_base=D(150000)))


def test_a_monthly_total_with_medical_in_it():
    calc = deferral_schedule(23000, asked_month=5, medical_monthly=5000, medical_included=True)
    assert calc.inputs["monthly_amount"] == 18000 and calc.inputs["monthly_total_with_medical"] == 23000
    assert calc.result["month5_payment"] == 36000 and calc.result["month5_with_medical"] == 41000


@pytest.mark.parametrize("kwargs,error", [
    ({"monthly_amount": 5000, "medical_monthly": 5000}, AmountError),  # medical is the whole bill
    ({"monthly_amount": 23000, "medical_monthly": None}, CalculatorError),
    ({"monthly_amount": None, "medical_monthly": 5000}, CalculatorError),
])
def test_bad_totals_with_medical_are_refused(kwargs, error):
    with pytest.raises(error):
        deferral_schedule(medical_included=True, **kwargs)
    with pytest.raises(CalculatorError):
        deferral_schedule(23000, medical_monthly=5000, medical_included="yes")


@pytest.mark.parametrize("text,industry", [
    ("出租挖掘机、塔吊", "租赁和商务服务业"), ("开搬家公司", "交通运输业"), ("做搬家的", "交通运输业"),
    ("开发楼盘的房企", "房地产开发经营"), ("房企", "房地产开发经营"), ("装卸搬运", "交通运输业"),
    ("出租车公司", "交通运输业"), ("饭店刚搬家", "餐饮业"),
])
def test_industries_by_gbt_4754(text, industry):
    assert resolve_industry(text) == industry


def test_letting_premises_is_not_the_leasing_row():
    with pytest.raises(UnknownIndustryError):
        resolve_industry("房东出租门面")


def test_a_benefit_total_that_is_no_whole_fen_a_month_shows_steps_that_add_up():
    calc = job_subsidy(20, None, benefit_total=8160, benefit_months=7)
    assert calc.inputs["monthly_benefit"] == 1165.71  # rounded to the fen, not 1165.7142857…
    assert (calc.inputs["benefit_total"], calc.inputs["benefit_months"]) == (8160, 7)
    assert calc.result["subsidy"] == 139885.71
    assert not any("1165.71元/月×20人" in step for step in calc.steps)  # 6×1165.71×20 is 139885.20, not the total
    assert any("8160元÷7" in step and "139885.71元" in step for step in calc.steps)
    with pytest.raises(AmountError) as refused:
        job_subsidy(9, None, benefit_total=-8160)
    assert refused.value.field == "benefit_total"


@pytest.mark.parametrize("wording,industry", [
    ("商铺出租", None), ("房屋出租", None), ("场地出租", None), ("做仓库出租的", "仓储业"), ("仓库出租", "仓储业"),
    ("我是开出租的", None), ("跑出租的", None),
    ("我们出租挖掘机、塔吊这些工程机械", "租赁和商务服务业"), ("做设备出租的", "租赁和商务服务业"),
    ("出租车公司", "交通运输业"),
])
def test_letting_premises_or_driving_a_taxi_is_no_leasing_trade(wording, industry):
    from assistant.calculator import find_industry
    found = find_industry(wording)
    assert (found[0] if found else None) == industry
