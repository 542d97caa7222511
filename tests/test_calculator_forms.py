"""Calculator forms: every form runs to the same figures as the calculator called directly, the policy's own
numbers come out, bad entries get a message beside the right field and no outcome, and no entry anywhere
makes the runner raise."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from hypothesis import given, settings, strategies as st

from assistant.calculator import (
    INDUSTRIES, KINDS, DeferralRequest, InterestRequest, JobSubsidyRequest, NeedsInput, PensionRequest,
    PeriodRequest, RefundRequest, RentRequest, SmeRequest, TaxDeferralRequest, WorkInjuryRequest, calculate,
    format_answer,
)
from assistant.calculator import forms
from assistant.calculator.forms import FIELD_KINDS, FORM_ERROR, FORMS, Field, FormError, FormResult, form_for, run_form
from corpus.records import Calculation

STATE = "国有资产类经营用房"


def exact(value) -> D:
    return D(str(value))


def result_of(kind: str, **values) -> dict:
    outcome = run_form(kind, values)
    assert outcome.ok, dict(outcome.field_errors)
    assert isinstance(outcome.outcome, Calculation)
    return outcome.outcome.result


# -- the forms as data ---------------------------------------------------------------------------------
def test_one_form_per_calculator_kind_each_citing_its_rules_section():
    assert sorted(form.kind for form in FORMS) == sorted(KINDS)
    sections = {form.kind: form.section for form in FORMS}
    assert sections == {"rent_relief": "6", "unemployment_refund": "4", "job_subsidy": "4", "pension": "4",
                        "work_injury": "4", "insurance_deferral": "5", "interest_subsidy": "2", "tax_deferral": "7",
                        "policy_period": "closing", "sme_size": "closing"}
    for form in FORMS:
        assert form_for(form.kind) is form
        assert form.title and form.description and form.fields
        assert len({f.name for f in form.fields}) == len(form.fields)
        assert all(f.kind in FIELD_KINDS and f.label and f.example for f in form.fields)


def test_field_names_match_the_requests():
    requests = {RentRequest: "rent_relief", RefundRequest: "unemployment_refund", JobSubsidyRequest: "job_subsidy",
                PensionRequest: "pension", WorkInjuryRequest: "work_injury", DeferralRequest: "insurance_deferral",
                InterestRequest: "interest_subsidy", TaxDeferralRequest: "tax_deferral", PeriodRequest: "policy_period",
                SmeRequest: "sme_size"}
    for request, kind in requests.items():
        names = {forms.REQUEST_NAMES.get(f.name, f.name) for f in form_for(kind).fields}
        assert names <= set(request.__dataclass_fields__), (kind, names)


def test_every_fields_example_is_a_valid_entry_for_it():
    for form in FORMS:
        for field in form.fields:
            errors = run_form(form.kind, {field.name: field.example}).field_errors
            assert field.name not in errors, (form.kind, field.name, errors.get(field.name))


def test_unknown_kind_or_field_is_a_form_error_naming_the_valid_ones():
    with pytest.raises(FormError, match="rent_relief") as caught:
        run_form("rent", {})
    assert "sme_size" in str(caught.value) and "'rent'" in str(caught.value)
    with pytest.raises(FormError, match="rent_relief"):
        form_for("nope")
    with pytest.raises(FormError, match="monthly_rent") as caught:
        run_form("rent_relief", {"monthly_rnet": "2万"})
    assert "monthly_rnet" in str(caught.value)
    assert isinstance(FormError("x"), ValueError)


def test_a_field_of_an_unknown_kind_is_refused_naming_the_kinds():
    with pytest.raises(FormError, match="money"):
        Field(name="x", label="x", kind="text", required=True, example="1")
    with pytest.raises(FormError, match="choices"):
        Field(name="x", label="x", kind="choice", required=True, example="1")


# -- valid forms: the same figures as the calculator called directly -------------------------------------
VALID = [
    ("rent_relief", {"monthly_rent": "2万", "landlord": STATE}, RentRequest(D(20000), "state")),
    ("rent_relief", {"monthly_rent": "8000", "landlord": "其他业主"}, RentRequest(D(8000), "other")),
    ("rent_relief", {"landlord": "其他业主"}, RentRequest(None, "other")),
    ("unemployment_refund", {"premiums_paid": "12000元"}, RefundRequest(D(12000))),
    ("job_subsidy", {"insured_employees": "20", "monthly_benefit": "1360"}, JobSubsidyRequest(D(20), D(1360))),
    ("job_subsidy", {"insured_employees": "20"}, JobSubsidyRequest(D(20))),
    ("pension", {"wage_base": "5000", "employees": "10人"}, PensionRequest(D(5000), D(10))),
    ("pension", {"wage_base": "5万"}, PensionRequest(D(50000))),
    ("pension", {"wage_base": "50万", "old_rate": "20"}, PensionRequest(D(500000), old_rate=D("0.2"))),
    ("work_injury", {"old_rate": "0.4", "wage_base": "100万"}, WorkInjuryRequest(D("0.004"), D(1000000))),
    ("work_injury", {"old_amount": "2000", "per": "每月"}, WorkInjuryRequest(old_amount=D(2000), per="month")),
    ("insurance_deferral", {"monthly_amount": "8000", "asked_month": "4月"}, DeferralRequest(D(8000), (), 4)),
    ("insurance_deferral", {}, DeferralRequest()),
    ("interest_subsidy", {"principal": "100万", "annual_rate": "3.15%", "months": "12"},
     InterestRequest(None, D(1000000), D("0.0315"), 12)),
    ("interest_subsidy", {"total_subsidy": "31500"}, InterestRequest(D(31500))),
    ("tax_deferral", {"due_date": "2020-03-15", "requested_months": "4"}, TaxDeferralRequest(dt.date(2020, 3, 15), 4)),
    ("tax_deferral", {"due_date": "2020年3月15日", "requested_date": "2020-06-15"},
     TaxDeferralRequest(dt.date(2020, 3, 15), requested_date=dt.date(2020, 6, 15))),
    ("policy_period", {"on": "2020-05-07"}, PeriodRequest(dt.date(2020, 5, 7))),
    ("policy_period", {}, PeriodRequest()),
    ("sme_size", {"industry": "餐饮业", "employees": "50", "revenue_wan": "1500"},
     SmeRequest("餐饮业", D(50), D(15_000_000))),
    ("sme_size", {"industry": "饭店", "employees": "50", "revenue_wan": "1500万元"},
     SmeRequest("饭店", D(50), D(15_000_000))),
    ("sme_size", {"industry": "建筑业", "revenue_wan": "8000", "assets_wan": "6000"},
     SmeRequest("建筑业", revenue_yuan=D(80_000_000), assets_yuan=D(60_000_000))),
    ("sme_size", {"industry": "工厂", "revenue_wan": "280"}, SmeRequest("工厂", revenue_yuan=D(2_800_000))),  # 微型 by 或
]


@pytest.mark.parametrize("kind, values, request_", VALID, ids=[f"{k}-{n}" for n, (k, _, _) in enumerate(VALID)])
def test_a_valid_form_gives_what_the_calculator_gives(kind, values, request_):
    result = run_form(kind, values)
    direct = calculate(request_)
    assert result == FormResult(ok=True, field_errors=result.field_errors, outcome=direct,
                                text=format_answer(direct), section=form_for(kind).section)
    assert dict(result.field_errors) == {}


def test_rent_of_20000_at_state_premises_saves_50000():
    # 第六条: months 1–2 free, month 3 at half rent
    r = result_of("rent_relief", monthly_rent="2万", landlord=STATE)
    assert exact(r["relief_total"]) == 50000 and exact(r["month3_payment"]) == 10000
    assert [exact(r[f"month{m}_payment"]) for m in (1, 2, 3)] == [0, 0, 10000]
    text = run_form("rent_relief", {"monthly_rent": "20000", "landlord": STATE}).text
    assert "50000元" in text and "计算过程" in text


def test_rent_from_other_landlords_is_negotiated_not_computed():
    r = result_of("rent_relief", monthly_rent="2万", landlord="其他业主")
    assert r["covered"] is False and r["relief_total"] is None


def test_the_other_rules_known_figures():
    assert exact(result_of("unemployment_refund", premiums_paid="1.2万")["refund"]) == 6000  # 50% back
    assert exact(result_of("job_subsidy", insured_employees="20", monthly_benefit="1360")["subsidy"]) == 163200
    assert exact(result_of("pension", wage_base="5000", employees="10")["contribution"]) == 8000  # 16%
    injury = result_of("work_injury", old_rate="0.4%", wage_base="100万")
    assert exact(injury["new_rate"]) == D("0.002") and exact(injury["saving"]) == 2000
    deferral = result_of("insurance_deferral", monthly_amount="8000", asked_month="四月")
    assert exact(deferral["month4_payment"]) == 16000 and exact(deferral["month1_payment"]) == 0
    loan = result_of("interest_subsidy", principal="100万", annual_rate="3.15", months="1年")
    assert [exact(loan[k]) for k in ("total_subsidy", "central", "provincial")] == [31500, 15750, 15750]
    assert result_of("tax_deferral", due_date="2020-03-15")["latest_date"] == "2020-06-15"
    assert result_of("tax_deferral", due_date="2020-03-15", requested_months="4")["allowed"] is False
    assert result_of("policy_period", on="2020-05-07")["on_inside"] is True
    assert result_of("policy_period", on="2020年5月8日")["on_inside"] is False
    assert result_of("sme_size", industry="饭店", employees="50", revenue_wan="1500")["size"] == "小型"
    assert result_of("sme_size", industry="工业", employees="1000", revenue_wan="4亿元")["size"] == "大型"


def test_job_subsidy_without_the_benefit_standard_answers_with_how_to_get_it():
    result = run_form("job_subsidy", {"insured_employees": "20", "monthly_benefit": ""})
    assert result.ok and isinstance(result.outcome, NeedsInput)
    assert result.outcome.missing == ("monthly_benefit",)
    assert result.text == result.outcome.question_back and "1360" in result.text and result.section == "4"


# -- wordings: the same as chat ------------------------------------------------------------------------
@pytest.mark.parametrize("entry, rent", [
    ("2万", 20000), ("两万五", 25000), ("1,200,000", 1200000), ("1,200,000元", 1200000), ("1.2万元", 12000),
    ("八千", 8000), ("20000元", 20000), ("２００００", 20000), (" 2 万 ", 20000), ("2万/月", 20000), (20000, 20000),
    (12000.5, D("12000.5")), (D("3000"), 3000), ("1e4", 10000), ("1.5E3元", 1500),
])
def test_money_wordings(entry, rent):
    result = result_of("rent_relief", monthly_rent=entry, landlord=STATE)
    assert exact(result["month1_relief"]) == rent


@pytest.mark.parametrize("entry, yuan", [
    ("1500", 15_000_000), ("1500万", 15_000_000), ("1500万元", 15_000_000), ("15000000元", 15_000_000),
    ("0.5", 5000), ("两千", 20_000_000), (1500, 15_000_000),
])
def test_a_wan_field_reads_bare_numbers_as_wan_and_respects_a_stated_unit(entry, yuan):
    calc = run_form("sme_size", {"industry": "零售业", "employees": "20", "revenue_wan": entry}).outcome
    assert exact(calc.inputs["revenue_wan"]) * 10000 == yuan


@pytest.mark.parametrize("entry, fraction", [("3.15", "0.0315"), ("3.15%", "0.0315"), ("3.15％", "0.0315"),
                                             ("百分之三点一五", "0.0315"), (3.15, "0.0315"), ("0", "0")])
def test_percent_entries_mean_percent(entry, fraction):
    calc = run_form("interest_subsidy", {"principal": "100万", "annual_rate": entry, "months": "12"}).outcome
    assert exact(calc.inputs["annual_rate"]) == D(fraction)


@pytest.mark.parametrize("entry, months", [("12", 12), ("12个月", 12), ("1年", 12), ("半年", 6), ("十二个月", 12), (6, 6)])
def test_month_counts(entry, months):
    calc = run_form("interest_subsidy", {"principal": "100万", "annual_rate": "3", "months": entry}).outcome
    assert calc.inputs["months"] == months


@pytest.mark.parametrize("entry", ["2020-03-15", "2020/3/15", "2020.3.15", "2020年3月15日", "3月15日",
                                   "二〇二〇年三月十五日", "2020-03-15 00:00:00", dt.date(2020, 3, 15),
                                   dt.datetime(2020, 3, 15, 9, 30)])
def test_date_wordings(entry):
    assert result_of("tax_deferral", due_date=entry)["latest_date"] == "2020-06-15"


@pytest.mark.parametrize("entry", ["三十", "30人", "三十人", "30", 30])
def test_headcount_wordings(entry):
    assert run_form("pension", {"wage_base": "5000", "employees": entry}).outcome.inputs["employees"] == 30


@pytest.mark.parametrize("entry", ["饭店", "超市", "软件公司", "餐饮业"])
def test_industry_accepts_common_wordings(entry):
    result = run_form("sme_size", {"industry": entry, "employees": "50", "revenue_wan": "1500"})
    assert result.ok and result.outcome.inputs["industry_as_said"] == entry


# -- bad entries: a message beside the right field, and no outcome ---------------------------------------
def bad(kind: str, values: dict) -> dict:
    result = run_form(kind, values)
    assert not result.ok and result.outcome is None and result.text == ""
    assert result.section == form_for(kind).section
    return dict(result.field_errors)


@pytest.mark.parametrize("kind, values, field, words", [
    ("rent_relief", {"monthly_rent": "abc", "landlord": STATE}, "monthly_rent", ["月租金：请输入金额，例如 20000 或 2万"]),
    ("rent_relief", {"monthly_rent": "-5", "landlord": STATE}, "monthly_rent", ["月租金", "不能为负数"]),
    ("rent_relief", {"monthly_rent": -5, "landlord": STATE}, "monthly_rent", ["不能为负数"]),
    ("rent_relief", {"monthly_rent": "负两万", "landlord": STATE}, "monthly_rent", ["不能为负数"]),
    ("rent_relief", {"monthly_rent": "两万多", "landlord": STATE}, "monthly_rent", ["确切金额"]),
    ("rent_relief", {"monthly_rent": float("nan"), "landlord": STATE}, "monthly_rent", ["请输入金额"]),
    ("rent_relief", {"monthly_rent": True, "landlord": STATE}, "monthly_rent", ["请输入金额"]),
    ("rent_relief", {"monthly_rent": "2万", "landlord": "私人"}, "landlord", ["私人", STATE, "其他业主"]),
    ("rent_relief", {"monthly_rent": "2万"}, "landlord", ["房屋类型：请填写"]),
    ("tax_deferral", {"due_date": "2020-02-30"}, "due_date", ["不存在", "2020-03-15"]),
    ("tax_deferral", {"due_date": "下周"}, "due_date", ["日期格式应为 2020-03-15"]),
    ("tax_deferral", {"due_date": 20200315}, "due_date", ["日期格式应为 2020-03-15"]),
    ("tax_deferral", {"due_date": "2020-03-15", "requested_months": "2.5"}, "requested_months", ["整数"]),
    ("pension", {"wage_base": "5000", "employees": "10.5"}, "employees", ["人数", "整数"]),
    ("pension", {"wage_base": "5000", "employees": "三十多"}, "employees", ["确切人数"]),
    ("interest_subsidy", {"principal": "100万", "annual_rate": "150", "months": "12"}, "annual_rate", ["0%–100%"]),
    ("interest_subsidy", {"principal": "100万", "annual_rate": "abc", "months": "12"}, "annual_rate", ["百分比"]),
    ("insurance_deferral", {"asked_month": "13"}, "asked_month", ["1–12"]),
    ("insurance_deferral", {"asked_month": 0}, "asked_month", ["1–12"]),
    ("job_subsidy", {"monthly_benefit": "1360"}, "insured_employees", ["年度平均参保职工人数：请填写"]),
])
def test_a_bad_entry_gets_a_message_on_its_field(kind, values, field, words):
    errors = bad(kind, values)
    assert list(errors) == [field], errors
    assert all(word in errors[field] for word in words), errors[field]


def test_every_bad_field_is_reported_at_once():
    errors = bad("interest_subsidy", {"principal": "-1", "annual_rate": "x", "months": "1.5"})
    assert list(errors) == ["principal", "annual_rate", "months"]


def test_unknown_industry_lists_every_valid_one():
    message = bad("sme_size", {"industry": "火星采集", "employees": "5"})["industry"]
    assert message.startswith("所属行业：") and "火星采集" in message
    assert all(industry in message for industry in INDUSTRIES)


def test_the_calculator_is_not_called_while_a_field_is_bad(monkeypatch):
    def refuse(request):
        raise AssertionError(f"calculated {request}")
    monkeypatch.setattr(forms, "calculate", refuse)
    bad("rent_relief", {"monthly_rent": "abc", "landlord": STATE})
    bad("interest_subsidy", {"total_subsidy": "1万", "principal": "100万"})


def test_alternatives_given_together_are_pointed_out():
    assert "二选一" in bad("work_injury", {"old_rate": "0.4", "wage_base": "100万", "old_amount": "2000"})["old_amount"]
    assert "留空" in bad("interest_subsidy", {"total_subsidy": "1万", "principal": "100万"})["total_subsidy"]
    assert "二选一" in bad("tax_deferral", {"due_date": "2020-03-15", "requested_months": "2",
                                          "requested_date": "2020-05-01"})["requested_date"]


_INTERNAL = re.compile(r"[a-z]+_[a-z_]+|must be|\bgot\b|超出可计算的范围（")


@pytest.mark.parametrize("kind, values, field, words", [
    ("rent_relief", {"monthly_rent": "20亿", "landlord": STATE}, "monthly_rent",
     ["月租金：应在 0.01 至 1000000000元（10亿元）之间", "收到 2000000000元"]),
    ("rent_relief", {"monthly_rent": "0", "landlord": STATE}, "monthly_rent", ["月租金：应大于 0"]),
    ("rent_relief", {"monthly_rent": "1e400", "landlord": STATE}, "monthly_rent", ["月租金：数值超出了能计算的范围"]),
    ("rent_relief", {"monthly_rent": "1.5e3元", "landlord": "其他业主"}, None, []),
    ("sme_size", {"industry": "餐饮业", "employees": "50", "revenue_wan": "10000000000"}, "revenue_wan",
     ["上年营业收入：应在 0 至 10000000000000元（10万亿元）之间"]),
    ("pension", {"wage_base": "1亿", "employees": "1000"}, "employees", ["人数：1000人×每人缴费基数", "超过上限"]),
    ("unemployment_refund", {"premiums_paid": "1e11"}, "premiums_paid",
     ["上年度实际缴纳的失业保险费：应在 0 至 10000000000元（100亿元）之间"]),
    ("insurance_deferral", {"monthly_amount": "200亿"}, "monthly_amount", ["每月应缴的养老+失业+工伤保险费：应在"]),
    ("work_injury", {"old_rate": "100", "old_amount": "-1"}, "old_amount", ["原应缴工伤保险费：不能为负数"]),
])
def test_a_rules_range_error_is_chinese_and_names_the_field_by_its_label(kind, values, field, words):
    result = run_form(kind, values)
    if field is None:
        assert result.ok, result.field_errors
        return
    assert list(result.field_errors) == [field], result.field_errors
    assert all(w in result.field_errors[field] for w in words), result.field_errors[field]
    assert not _INTERNAL.search(result.field_errors[field])


def test_a_rules_range_error_lands_on_the_field_it_names():
    assert "1000000000" in bad("rent_relief", {"monthly_rent": "20亿", "landlord": STATE})["monthly_rent"]
    assert bad("interest_subsidy", {"principal": "1万", "annual_rate": "3", "months": "400"})["months"].startswith(
        "贷款期限：应在 1 至 360个月 之间")
    assert "2100-12-31" in bad("tax_deferral", {"due_date": "2200-01-01"})["due_date"]
    assert "晚于" in bad("tax_deferral", {"due_date": "2020-03-15", "requested_date": "2020-03-01"})["requested_date"]


def test_what_the_rule_still_needs_is_asked_for_beside_the_field():
    errors = bad("rent_relief", {"landlord": STATE})
    assert errors["monthly_rent"].startswith("月租金：请填写") and "国有资产" in errors[FORM_ERROR]
    errors = bad("sme_size", {"industry": "工业", "employees": "50"})
    assert set(errors) == {"revenue_wan", FORM_ERROR} and "工业" in errors[FORM_ERROR]
    assert set(bad("sme_size", {"industry": "建筑业"})) == {"revenue_wan", "assets_wan", FORM_ERROR}
    assert set(bad("interest_subsidy", {"principal": "100万"})) == {"annual_rate", "months", FORM_ERROR}
    assert set(bad("work_injury", {})) == {"old_rate", FORM_ERROR}


def test_field_errors_are_read_only():
    errors = run_form("rent_relief", {"monthly_rent": "abc", "landlord": STATE}).field_errors
    with pytest.raises(TypeError):
        errors["monthly_rent"] = "changed"


# -- property: nothing a user types makes the runner raise -----------------------------------------------
_entries = st.one_of(
    st.none(), st.text(max_size=12),
    st.text(alphabet="0123456789.,-%万千百十亿元人月年日号/－一二两三四五六七八九零多几余负个份半 ", max_size=10),
    st.integers(-10**15, 10**15), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(), st.decimals(allow_nan=True), st.sampled_from(["2020-02-30", "0", "1e400", "两百多万", STATE]),
)


@st.composite
def filled_forms(draw):
    form = draw(st.sampled_from(FORMS))
    names = draw(st.lists(st.sampled_from([f.name for f in form.fields]), unique=True))
    return form, {name: draw(_entries) for name in names}


@settings(max_examples=400, deadline=None)
@given(filled_forms())
def test_any_entry_in_any_form_gives_a_form_result(filled):
    form, values = filled
    result = run_form(form.kind, values)
    assert isinstance(result, FormResult) and result.section == form.section
    if result.ok:
        assert not result.field_errors and result.outcome is not None and result.text
    else:
        assert result.field_errors and result.outcome is None
        assert set(result.field_errors) <= {f.name for f in form.fields} | {FORM_ERROR}
        assert all(isinstance(m, str) and m for m in result.field_errors.values())
        assert "计算时出错" not in result.field_errors.get(FORM_ERROR, ""), result.field_errors
        # every message is for the user: Chinese, no request field names, no English from the rules (the user's
        # own entry, echoed in 「」, may be anything: 「a__」)
        assert not any(_INTERNAL.search(re.sub(r"「[^」]*」", "", m)) for m in result.field_errors.values()), \
            result.field_errors
