"""Owners' stories of the seed batch ty-1906…1945 that the calculator had not read: rates in 个半点 and 基点, a
daily rate, a due day said as days or a weekday from a stated today or as a month's end, a tax named by kind whose
payment is deferred, rent per 工位 or 摊位, a headcount per group, the three months' rents named across clauses,
last year's premiums from one headcount all year, a yearly work-injury amount asked over some months. Each class
by wordings other than the gold case's."""

import datetime as dt
from decimal import Decimal

import pytest

from assistant.calculator import CalculatorError
from assistant.calculator.interest import interest_subsidy
from assistant.calculator.rent import rent_relief
from assistant.calculator.social_insurance import work_injury_cut
from assistant.policy_terms import deferred_tax
from assistant.quantities import Headcount, Rate, parse_quantities
from assistant.requests import parse_request


@pytest.mark.parametrize("text, value", [
    ("再贷款利率是两个半点", Decimal("0.025")),
    ("利率一个半百分点", Decimal("0.015")),
    ("客户经理说是175个基点", Decimal("0.0175")),
    ("降了50基点", Decimal("0.005")),
])
def test_rates_in_half_points_and_basis_points(text, value):
    assert [q.value for q in parse_quantities(text) if isinstance(q, Rate)] == [value]


@pytest.mark.parametrize("text, people", [
    ("我们三个班组，每组12个人，都参保了", 36),
    ("2个车间，每个车间15人", 30),
    ("开了两个店，每个店6个员工", 12),
])
def test_a_headcount_per_group_counts_every_group(text, people):
    assert [q.value for q in parse_quantities(text) if isinstance(q, Headcount)] == [people]


@pytest.mark.parametrize("text", ["每组11个人", "两个店，一共20人", "一个车间，每个车间20人"])
def test_a_headcount_without_several_groups_is_as_said(text):
    assert [q.value for q in parse_quantities(text) if isinstance(q, Headcount)] == \
        [Decimal(20) if "20" in text else Decimal(11)]


def test_subsidy_headcount_from_groups():
    request = parse_request("两个车间，每个车间15人，都参保一年了，月人均失业保险金标准1500元，稳岗补贴多少？")
    assert request.insured_employees == 30


# -- a daily rate -------------------------------------------------------------------------------------------------
def test_a_daily_rate_becomes_a_yearly_one_over_the_days():
    request = parse_request("防疫重点企业，贷款300万，用了120天，再贷款日利率是0.005%，贴息多少？")
    assert (request.daily_rate, request.days, request.annual_rate) == (Decimal("0.00005"), 120, None)
    calc = interest_subsidy(principal=Decimal(3000000), daily_rate=Decimal("0.00005"), days=120)
    assert calc.result["total_subsidy"] == 18000 and any("日利率0.005%×365天" in s for s in calc.steps)
    with pytest.raises(CalculatorError):
        interest_subsidy(principal=Decimal(1), daily_rate=Decimal("0.00005"), annual_rate=Decimal("0.01"), days=1)


# -- a due day from a stated today, or a month's end ------------------------------------------------------------
@pytest.mark.parametrize("text, due", [
    ("今天是2020年3月20号，有笔印花税还有15天到期，最晚能延到哪天？", dt.date(2020, 4, 4)),
    ("今天2020年6月3日（星期三），这笔增值税下个星期五到期，申请延期最晚到几号？", dt.date(2020, 6, 12)),
    ("今天是2020年6月3日，这周五到期的房产税能延到哪天？", dt.date(2020, 6, 5)),
    ("今天是2020年4月1日，明天有笔税到期，最晚能延到哪天", dt.date(2020, 4, 2)),
    ("有笔土地使用税11月底到期，最长能延到哪天？", dt.date(2020, 11, 30)),
    ("2021年2月末要交的税款，申请延期能延到哪天", dt.date(2021, 2, 28)),
])
def test_due_days_said_from_today_or_as_a_months_end(text, due):
    assert parse_request(text).due_date == due


def test_a_months_end_said_as_the_target_is_no_due_date():
    request = parse_request("3月15日到期的税，能拖到6月底吗")
    assert (request.due_date, request.requested_month) == (dt.date(2020, 3, 15), 6)


@pytest.mark.parametrize("name, asked, covered", [
    ("企业所得税", "企业所得税申请延期缴纳最长能延多久", True),
    ("消费税", "消费税能不能缓缴三个月", True),
    ("企业所得税", "企业所得税能减免吗", False),
    ("个人所得税", "个人所得税年度汇算能不能延期办", False),
])
def test_a_tax_named_by_kind_is_covered_only_when_its_payment_is_deferred(name, asked, covered):
    assert deferred_tax(name, asked, lambda text: text == "延期缴纳税款") is covered


def test_a_deferred_tax_named_by_kind_is_answered_not_refused(fake_engine):
    a = fake_engine.answer("有笔消费税快到期了，手头紧，申请延期缴纳最长能延多久？")
    assert not a.refused and a.citations[0].clause == "7"


# -- rent per unit rented ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, units, unit, monthly", [
    ("在市属国企的写字楼租了4个工位，每个工位一个月1200，三个月能减多少？", 4, "工位", Decimal(1200)),
    ("国有市场里租了三个摊位，每个摊位月租900元，第三个月交多少", 3, "摊位", Decimal(900)),
])
def test_rent_per_unit_rented(text, units, unit, monthly):
    request = parse_request(text)
    assert (request.units, request.unit, request.monthly_rent) == (units, unit, monthly)


def test_units_multiply_the_rent_with_a_step():
    calc = rent_relief(Decimal(800), landlord="state", units=6, unit="工位")
    assert calc.result["relief_total"] == 12000 and calc.result["month3_payment"] == 2400
    assert any("每个工位每月800元×6个" in s for s in calc.steps)
    with pytest.raises(CalculatorError):
        rent_relief(Decimal(800), landlord="state", units=0, unit="工位")


# -- the three months' rents named across clauses --------------------------------------------------------------------
@pytest.mark.parametrize("text, rents", [
    ("国有的门面，第一个月还是整租，每月一万；后来退了一间，第二、第三个月每月只租六千，能减多少？",
     (Decimal(10000), Decimal(6000), Decimal(6000))),
    ("国资的铺子租金，头一个月按8000元算，后两个月每月租金6000，一共减多少",
     (Decimal(8000), Decimal(6000), Decimal(6000))),
])
def test_the_relief_months_rents_named_across_clauses(text, rents):
    assert parse_request(text).month_rents == rents


# -- last year's premiums from one headcount all year -----------------------------------------------------------------
@pytest.mark.parametrize("text, people, each", [
    ("去年全年都是8个人参保，单位失业保险每人每月40元，今年没裁员，能返多少？", Decimal(8), Decimal(40)),
    ("去年每个月都是20人参保，失业保险每人每月交二十五块，返还多少", Decimal(20), Decimal(25)),
])
def test_premiums_from_one_headcount_all_year(text, people, each):
    request = parse_request(text)
    assert (request.per_person, request.headcounts) == (each, ((1, 12, people),))


# -- a yearly work-injury amount over some months -------------------------------------------------------------------
def test_a_yearly_amount_the_same_every_month_over_some_months():
    request = parse_request("工伤险没下调前一年交6000，每个月一样。下调以后，今年4到8月这5个月一共交多少？")
    assert (request.old_amount, request.per, request.months, request.per_month) == (Decimal(6000), "year", 5, True)
    calc = work_injury_cut(old_amount=Decimal(6000), per="year", months=5, per_month=True)
    assert calc.result["total"] == 1250


def test_a_yearly_amount_over_some_months_needs_them_the_same():
    request = parse_request("工伤险没下调前一年交6000。下调以后，今年4到8月这5个月一共交多少？")
    assert request.months is None


# -- a part's monthly amount said in the next clause; a month of it unpaid --------------------------------------------
@pytest.mark.parametrize("text, parts", [
    ("失业险去年1到6月每个月交500，7月起人多了，每个月600，返还多少？", ((6, 500), (6, 600))),
    ("失业险去年上半年每月交700，7月起基数调了，每个月800，可9月那笔没交，能返多少", ((6, 700), (5, 800))),
    # months listed as unpaid (「11、12月没交」), not only one
    ("去年1到6月每月交失业保险800，7到12月每月960，可11、12月没交，能返多少？", ((6, 800), (4, 960))),
])
def test_monthly_premiums_by_part_said_across_clauses(text, parts):
    request = parse_request(text)
    assert tuple(amount for _, amount in request.parts) == tuple(Decimal(m * a) for m, a in parts)


@pytest.mark.parametrize("text, periods", [
    ("去年7月起每个月交失业保险930元，可11、12月没交，能返多少？", 4),
    ("去年3月开始交失业保险，每月1000，10到12月欠着没交，能返多少", 7),
    ("去年8月起交失业保险，每月1240；12月那笔没交上，能返多少？", 4),
])
def test_months_listed_as_unpaid_are_not_counted(text, periods):
    request = parse_request(text)
    assert request.periods == periods


@pytest.mark.parametrize("text", [
    "去年7月起每个月交失业保险930元，下半年没有没交的，能返多少",  # a part not named by its months
    "去年3月开始交失业保险，每月1000，11、12月都没欠着，能返多少",  # said as paid
    "去年3月开始交失业保险，每月1000，11、12月没有漏交，能返多少",
    "去年3月开始交失业保险，每月1000，医保11、12月没交，能返多少",  # another insurance
    "去年3月起交失业保险，每月1000，今年4、5月没交，能返多少",  # another year
])
def test_months_said_paid_or_of_another_bill_are_counted(text):
    assert parse_request(text).periods == 10 - ("7月起" in text) * 4


def test_a_part_with_no_monthly_figure_in_its_sentence_takes_none():
    from assistant.year_parts import per_part, year_parts

    text = "7月起人多了。每个月600"  # the amount is in another sentence
    assert per_part(text, year_parts(text), parse_quantities(text)) == []


@pytest.mark.parametrize("text", ["这条归哪些市直部门管？", "这事归哪个区直单位负责"])
def test_city_departments_named_as_shi_zhi(text):
    from assistant.intent import Intent, classify

    assert classify(text) == Intent.DEPARTMENT


def test_a_counted_thing_is_no_amount_beside_a_rent():
    # 「修车工位8个」 counts places; only the rent is money
    assert [q.value for q in parse_quantities("年租金十五万六，修车工位8个。")] == [Decimal(156000)]


# -- the pension base from a quarter's contribution, the same every month ---------------------------------------------
@pytest.mark.parametrize("text, total", [
    ("这个季度单位养老一共交了48,000，按文件16%的费率交的，三个月每个月一样，每月缴费基数合计是多少？", Decimal(48000)),
    ("单位养老保险一季度交了9万6，已经按16%交的，每月都一样，缴费基数是多少", Decimal(96000)),
])
def test_a_quarters_pension_contribution_alike_each_month_gives_a_months_base(text, total):
    request = parse_request(text)
    assert (request.contribution, request.contribution_months) == (total, 3)


def test_a_quarters_contribution_without_months_alike_is_not_reversed():
    # a quarter's total not said alike each month: no base is worked back (the rule asks instead)
    request = parse_request("这个季度单位养老一共交了48,000，按文件16%的费率交的，每月缴费基数合计是多少？")
    assert getattr(request, "contribution", None) is None


def test_the_base_from_a_quarter_is_a_months():
    from assistant.calculator.social_insurance import pension_base

    calc = pension_base(Decimal(76800), 3)
    assert calc.result["wage_base"] == 160000 and calc.inputs["contribution_total"] == 76800
    with pytest.raises(CalculatorError):
        pension_base(Decimal(76800), 0)


# -- the deferral: components per person, a month named back, the catch-up month asked ------------------------------
def test_components_listed_per_person_are_multiplied_by_the_people():
    request = parse_request("单位给每个员工交的三险：养老800、失业25、工伤10，一共20个人。一季度全缓了，5月份一共交多少？")
    assert request.people == 20 and dict(request.components) == {"养老保险": 800, "失业保险": 25, "工伤保险": 10}
    from assistant.calculator.deferral import deferral_schedule

    calc = deferral_schedule(components=request.components, people=request.people, asked_month=5)
    assert calc.result["month5_payment"] == 33400
    assert any(s.startswith("每人每月应缴") for s in calc.steps)
    # an amount per person times no one computes nothing: asked back with the valid range, not a schedule of zeros
    with pytest.raises(CalculatorError, match="人数.*1 至"):
        deferral_schedule(components=request.components, people=0, asked_month=5)


def test_components_for_the_firm_are_not_multiplied():
    request = parse_request("单位三险：养老8000、失业250、工伤100，公司20个人。一季度全缓了，5月份一共交多少？")
    assert request.people is None


def test_that_month_names_the_month_said_before_it():
    request = parse_request("2月份走了三个人，那个月三险一共7,600，按文件缓着；3月起每个月三险都是7,000。2月那笔最晚哪个月补？"
                            "那个月连本月一起一共交多少？")
    assert request.asked_month == 5 and dict(request.month_amounts)[2] == 7600 and dict(request.month_amounts)[5] == 7000


def test_a_months_amount_asked_as_such_stays_that_month():
    request = parse_request("3月三险9850，按文件缓着，3月那笔交多少？")
    assert request.asked_month == 3


@pytest.mark.parametrize("turns, groups", [
    (["开了个小饭馆，9个员工交社保，缴费基数都是3800。", "不对，后厨两个大师傅的基数是4500，其余的都是3800。单位养老一个月交多少？"],
     ((2, 4500), (7, 3800))),
    (["12个员工，其中3个人的基数是5000，其余的都是3500，单位养老一个月交多少"], ((3, 5000), (9, 3500))),
])
def test_a_group_and_the_rest_of_the_staff(turns, groups):
    request = parse_request(turns[-1], turns[:-1])
    assert request.groups == tuple((Decimal(n), Decimal(b)) for n, b in groups)


def test_the_rest_without_a_total_is_no_group():
    request = parse_request("两个大师傅的基数是4500，其余的都是3800，单位养老一个月交多少")
    assert request.groups == ()


# -- the seed batch ty-1986…2025 (written after the fixes above) ------------------------------------------------------
@pytest.mark.parametrize("text, industry", [
    ("开了家湘菜馆", "餐饮业"), ("我们是做水电安装的", "建筑业"), ("管道安装的小公司", "建筑业"),
    ("做软件工程公司", "软件和信息技术服务业"),
])
def test_owners_words_for_their_trade(text, industry):
    from assistant.calculator import find_industry

    assert find_industry(text)[0] == industry


@pytest.mark.parametrize("history, text, monthly", [
    ("去年单位失业险每个月交一千一，全年都交了。", "哦，说错了，是每个月九百五。返还能拿多少？", Decimal(950)),
    ("去年失业保险每个月交九百二，一个月没落。", "不对，记错了，是每个月八百。能返多少", Decimal(800)),
])
def test_a_corrected_amount_with_no_money_word_reads_as_the_turn_it_corrects(history, text, monthly):
    request = parse_request(text, [history])
    assert (request.periodic_amount, request.per) == (monthly, "month")


def test_a_turn_read_on_from_the_one_before_keeps_its_own_offsets_and_figures():
    from assistant.quantities import parse_continuing

    text = "说错了，是每个月八百六"
    assert parse_quantities(text) == ()  # no money word in it: alone, no amount
    found = parse_continuing(text, "失业险每个月交九百二。")
    assert [(q.value, text[q.start:q.end]) for q in found] == [(Decimal(860), "八百六")]


@pytest.mark.parametrize("text, months", [
    ("单位养老缴费基数5万，按16%一个月交多少？一年呢？", 12),
    ("每月工伤基数20万，原费率0.4%，下调后一个月交多少？半年下来呢？", 6),
])
def test_a_span_asked_after_the_months_figure(text, months):
    assert parse_request(text).months == months


# -- review mends: what the classes above must not catch -----------------------------------------------------------
def test_a_daily_rate_too_high_for_relending_is_asked_not_read_as_yearly():
    request = parse_request("防疫重点企业，贷款100万，用了90天，日息千分之二，贴息多少？")
    assert "annual_rate" in request.missing  # asked back


def test_several_loans_at_a_daily_rate():
    request = parse_request("贷了两笔：一笔100万用了6个月，另一笔50万用了3个月，再贷款日利率0.004%，贴息多少")
    assert request.daily_rate == Decimal("0.00004") and len(request.loans) == 2


@pytest.mark.parametrize("text", [
    "今天是9999年12月20号，有笔税还有20天到期，能延到哪天？",
    "今天是9999年12月30号，有笔税下周一到期，能延到哪天？",
])
def test_a_stated_today_at_the_end_of_time_is_no_crash(text):
    parse_request(text)  # asks back or answers; never an OverflowError


@pytest.mark.parametrize("text, due", [
    ("今天是2020年4月2号，有笔税4月15号到期，我明天去问问，最晚能延到哪天？", dt.date(2020, 4, 15)),
    ("今天是2020年4月2号，有笔税大后天到期，最晚能延到哪天？", None),
    ("有笔税8月底到期，能不能延到10月15号？", dt.date(2020, 8, 31)),
])
def test_relative_days_that_are_no_due_date(text, due):
    request = parse_request(text)
    assert getattr(request, "due_date", None) == due


def test_a_target_said_from_today_is_no_due_date():
    request = parse_request("今天是2020年4月2号，有笔税款想延到下个月26号，可以吗？")
    assert getattr(request, "due_date", None) != dt.date(2020, 5, 26)


def test_a_collective_landlord_following_the_rule_is_not_read_as_a_private_one():
    request = parse_request("房东是村集体，月租5000，村里说照那个办法给我减，能省多少")
    assert request.landlord == "collective" and not request.as_state
    with pytest.raises(CalculatorError, match="as_state"):
        rent_relief(Decimal(5000), landlord="collective", as_state=True)


def test_eleven_units_are_no_single_unit():
    request = parse_request("在国企写字楼租了十一个工位，租金一个月一共8800元，三个月能减多少？")
    assert request.units is None and request.monthly_rent == 8800


def test_every_month_and_a_half_is_no_half_month():
    request = parse_request("国有门面，房租一个半月交一次，每次9000元，能减多少？")
    assert request.per != "half_month"


@pytest.mark.parametrize("text, span", [("4、5和6月合计", (4, 6)), ("4月、5月和6月合计", (4, 6))])
def test_months_listed_with_he(text, span):
    from assistant.year_parts import year_parts

    assert [(p.first, p.last) for p in year_parts(text)] == [span]


@pytest.mark.parametrize("text", ["截止到5月，6月份开始每月1200", "4、5、6两个月"])
def test_a_comma_or_a_wrong_count_makes_no_listed_span(text):
    from assistant.year_parts import year_parts

    assert (4, 6) not in [(p.first, p.last) for p in year_parts(text)]
    assert (5, 6) not in [(p.first, p.last) for p in year_parts(text)]


def test_a_months_pension_in_a_quarter_alike_is_not_divided():
    request = parse_request("这个季度单位养老每月交了24000，按16%交的，每个月都一样，每月缴费基数合计是多少？")
    assert (request.contribution, request.contribution_months) == (Decimal(24000), None)


def test_this_month_is_no_month_named_before():
    request = parse_request("3月份停工了，这个月三险交了6800，4月起每个月三险都是7,000，5月交多少？")
    assert 3 not in dict(request.month_amounts)


# -- a figure the clause does not give for the thing asked ------------------------------------------------------------
def test_a_rate_in_another_clause_is_no_rate_of_the_thing_asked():
    from assistant.asked_figure import unstated

    quote = "按照人民银行专项再贷款利率给予贷款贴息支持，由中央财政和省级财政各负担50%。"
    assert unstated(("rate",), [quote], ["奖励", "放贷"]) == ("rate",)
    assert unstated(("rate",), [quote], ["再贷款", "利率"]) == ("rate",)  # named, but its clause has no figure
    assert unstated(("rate",), [quote], ["中央财政", "负担"]) == ()  # the 50% is the share asked about
    assert unstated(("rate",), [quote]) == ()  # without the asked words, any figure counts, as before


def test_an_amount_given_by_a_rule_in_the_clause_that_names_it_is_stated():
    from assistant.asked_figure import unstated

    quote = "补贴标准按6个月的2018年下半年当地月人均失业保险金标准和年度平均参保职工人数实施补贴"
    assert unstated(("amount",), [quote], ["稳岗", "补助", "补贴"]) == ()


def test_a_reward_rate_the_document_does_not_give_is_said_not_written(fake_engine):
    a = fake_engine.answer("文件说对支持中小微企业有突出贡献的金融机构予以奖励，这个奖励按放贷额的百分之几给？")
    assert a.refused and "没有写明" in a.text
