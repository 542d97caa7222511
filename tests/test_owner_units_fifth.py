"""Fifth blind batch (ty-1596…1635): rent paid every few months, pension groups named by a bare count, the year's
insured headcounts summed as person-months, workshops and farm-stay restaurants, a figure made exact with 具体是,
「是中型不」, the interpreting body asked by a form's field name, and a measure's own period beside the document's.
Each class by several wordings."""

from decimal import Decimal

import pytest

from assistant.calculator import CalculatorError, calculate, format_answer
from assistant.engine import own_period
from assistant.calculator.rent import rent_relief
from assistant.calculator.sme_size import resolve_industry
from assistant.calculator.social_insurance import job_subsidy, work_injury_cut
from assistant.intent import Intent, classify
from assistant.quantities import Money, Rate, parse_quantities, staff_total
from assistant.requests import parse_request
from corpus.records import Hit


def _calc(text):
    return calculate(parse_request(text))


@pytest.mark.parametrize("text, relief, month3", [
    ("区国资公司的门面，合同上租金是四个月一交，一回交三万二。文件那三个月一共能免多少？第三个月该掏多少？", 20000, 4000),
    ("国有的铺子，每两个月付一次房租，一次1.6万，能减免多少", 20000, 4000),
    ("国企的店面，房租半年一交太贵了，我们改成3个月交一次，一次交2万4，减免多少？", 20000, 4000),
])
def test_rent_paid_every_few_months_is_divided_by_them(text, relief, month3):
    calc = _calc(text)
    assert (calc.result["relief_total"], calc.result["month3_payment"]) == (relief, month3)


def test_a_monthly_rent_said_after_the_payment_interval_stays_monthly():
    calc = _calc("国有门面，三个月一交，每月8000，减免多少？")
    assert calc.result["relief_total"] == 20000


@pytest.mark.parametrize("text, total", [
    ("交社保的一共11个人：5个工人缴费基数三千三，6个是四千一。单位养老按现在的费率一个月合计交多少？", 6576),
    ("4个人缴费基数5000，另外6个按3000，单位养老一个月交多少", 6080),
])
def test_a_second_group_named_by_its_count_alone(text, total):
    assert _calc(text).result["contribution"] == total


@pytest.mark.parametrize("text, subsidy", [
    ("稳岗补贴，去年1到12月每个月的参保人数加起来是264人月，失业保险金标准一千三百六，能拿多少？", 179520),
    ("稳岗补贴，去年各月参保人数合计300人，标准1800元，能拿多少", 270000),
    ("稳岗补贴怎么算？全年参保是120人·月，标准1500", 90000),
])
def test_headcounts_summed_over_the_year_are_averaged_over_twelve(text, subsidy):
    calc = _calc(text)
    assert calc.result["subsidy"] == subsidy
    assert "÷12" in format_answer(calc)


def test_person_months_are_checked_like_a_headcount():
    with pytest.raises(CalculatorError):
        job_subsidy(None, 1360, person_months=-5)
    with pytest.raises(CalculatorError):
        job_subsidy(10, 1360, person_months=120)  # an average and a sum at once


@pytest.mark.parametrize("words, industry", [
    ("做老陈醋的小醋坊", "工业"), ("村里的豆腐坊", "工业"), ("榨油的油坊", "工业"),
    ("山里开农家乐，管吃也管住", "餐饮业"), ("海边的渔家乐", "餐饮业"),
])
def test_workshops_and_farm_stays(words, industry):
    assert resolve_industry(words) == industry


def test_a_rough_figure_made_exact_with_ju_ti_shi():
    calc = _calc("做老陈醋的小醋坊，工人十八个，去年卖醋六百来万，具体是六百一十万。算小型还是微型？")
    assert calc.inputs["revenue_wan"] == 610 and calc.result["size"] == "微型"


@pytest.mark.parametrize("text", [
    "做ERP实施和定制开发的软件公司，120个人，去年营收九百五十万。是中型不？",
    "饭店，30个人，营业额500万，是小型企业不是？",
])
def test_is_size_class_bu_asks_the_size(text):
    assert parse_request(text).kind == "sme_size"


@pytest.mark.parametrize("text", [
    "12345转办单上有一栏要填“政策解释责任单位”，并政发2号文这一栏应该填哪两个？",
    "表格里“政策解释负责单位”这一栏写哪个？",
])
def test_the_interpreting_body_asked_by_a_form_field(text):
    assert classify(text) is Intent.INTERPRETATION


def _hits(policy, *ranked):
    return [Hit(section=policy.section(sid), score=score) for sid, score in ranked]


def test_a_measure_with_its_own_period_is_found_when_the_question_is_about_it(policy):
    section, sentence = own_period(_hits(policy, ("4", 1.0), ("closing", 0.64), ("5", 0.48)))
    assert section.id == "4" and "按照国家规定执行" in sentence.text


@pytest.mark.parametrize("ranked", [
    (("6", 1.0), ("7", 0.4)),  # 房租: no period of its own
    (("4", 1.0), ("5", 0.9)),  # not clearly about 稳岗补贴
    (("closing", 1.0), ("4", 0.5)),  # about the document's period
])
def test_no_measure_period_otherwise(policy, ranked):
    assert own_period(_hits(policy, *ranked)) is None


@pytest.mark.integration
def test_a_measure_with_its_own_period_is_quoted_beside_the_documents(real_engine):
    answer = real_engine.answer("那笔稳岗补贴的执行期限是随这份意见的三个月走吗？")
    assert [c.clause for c in answer.citations] == ["closing", "4"]
    assert "按照国家规定执行" in answer.text and "已结束" in answer.text


# Sixth batch (ty-1636…1675): numbers typed with a space before 万/w, rooms counted with 间, areas of each room
# summed under one price, a wage beside the declared base, the owner's own base, a cut said as 下调50%, a month
# said unpaid, 打印店 and 农机合作社.
@pytest.mark.parametrize("text, value", [("每月缴费基数合计 36.8 w", 368000), ("贷款 300 万", 3000000),
                                         ("工资总额 25 万", 250000), ("3 千5", 3500)])
def test_a_space_before_a_large_unit(text, value):
    (amount,) = [q for q in parse_quantities(text) if isinstance(q, Money)]
    assert amount.value == value


def test_rooms_counted_are_no_amount():
    assert not [q for q in parse_quantities("我租了 2 间，一间 45 平") if isinstance(q, Money)]
    assert not [q for q in parse_quantities("租了2间，每间都不大") if isinstance(q, Money)]


@pytest.mark.parametrize("text, relief, month3", [
    ("区国资公司的临街房我租了 2 间，一间 45 平、一间 60 平，租金都是每平每月 80 元。三个月一共减多少？第三个月交多少？",
     21000, 4200),
    ("国有的两间门面，一间50平，另一间30平，租金都按每平米每月100元，能减多少？", 20000, 4000),
])
def test_each_rooms_area_summed_under_one_price(text, relief, month3):
    calc = _calc(text)
    assert (calc.result["relief_total"], calc.result["month3_payment"]) == (relief, month3)


def test_two_rooms_of_unsaid_size_still_ask_for_the_whole_area():
    assert parse_request("国有的两间门面，每间80平，每平米每月100元，能减多少？").missing == ("area",)


@pytest.mark.parametrize("text, total", [
    ("小卖部3个店员，工资实际每人每月发4500，但缴费基数都是按2500报的。单位养老按文件的企业费率，一个月交多少？", 1200),
    ("老板我自己的养老缴费基数按3万报，另外4个员工每人2800。单位养老按现在的费率，一个月一共交多少？", 6592),
])
def test_the_declared_base_and_the_owners_own(text, total):
    assert _calc(text).result["contribution"] == total


def test_a_cut_said_as_a_rate_is_not_the_old_rate_and_a_per_person_amount_is_multiplied():
    calc = _calc("工伤保险以前每人每年交216块，我们一共35个人。按文件费率下调50%以后，单位一个月工伤险总共交多少？")
    assert calc.result["before"] == 7560 and calc.result["after_month"] == 315
    assert "216元×35人" in format_answer(calc)


def test_people_need_a_per_person_amount():
    with pytest.raises(CalculatorError):
        work_injury_cut(old_rate="0.004", people=10)


@pytest.mark.parametrize("text, refund", [
    ("去年8月起交失业保险，每月1,240；12月那笔资金紧没交上，到现在还欠着。今年没裁人，返还能拿多少？", 2480),
    ("去年7月开始交失业保险，每月1000，11月的欠着没交，没裁员，能返多少", 2500),
])
def test_a_month_said_unpaid_is_not_counted(text, refund):
    assert _calc(text).result["refund"] == refund


@pytest.mark.parametrize("words, industry", [
    ("开图文打印店的，复印打印装订", "租赁和商务服务业"), ("农机专业合作社，给村里代耕代收", "农、林、牧、渔业"),
])
def test_print_shops_and_farm_machinery(words, industry):
    assert resolve_industry(words) == industry


def test_inside_the_three_months_asked_with_li_tou():
    assert parse_request("我是2020年5月3日才申请的，还在文件那3个月里头吗？").kind == "policy_period"


@pytest.mark.parametrize("text, relief, others", [
    ("我们有三处门面：柳巷那个是区国资公司的，月租4500；亲贤街那个也是国资的，月租6,800；还有一个在小区底商，房东是个人，"
     "月租3200。国有的两处一共能减多少？私人那处呢？", 28250, [3200]),
    ("两间铺面，一间是国企的，月租8000；另一间房东是私人，月租5000。能减多少？", 20000, [5000]),
])
def test_premises_of_other_landlords_are_named_without_a_figure(text, relief, others):
    calc = _calc(text)
    assert calc.result["relief_total"] == relief
    assert [o["monthly_rent"] for o in calc.inputs["not_covered"]] == others
    lead = format_answer(calc).split("\n")[0]
    assert f"{relief}元" in lead and "具体由双方协商" in lead


def test_premises_all_of_one_landlord_are_relieved_together():
    calc = _calc("国有的两间铺面，一间月租3000，另一间月租5200，能减多少？")
    assert calc.result["relief_total"] == 20500 and "not_covered" not in calc.inputs


def test_not_covered_premises_need_a_covered_one():
    with pytest.raises(CalculatorError):
        rent_relief(8000, "other", not_covered=((5000, "other"),))
    with pytest.raises(CalculatorError):
        rent_relief(8000, "state", not_covered=((5000, "state"),))


@pytest.mark.parametrize("text, relief, month3", [
    ("国资公司的门面，合同约定4月起涨租：文件那三个月里头两个月每月9000，第三个月起每月9600。一共能少交多少？第三个月交多少？",
     22800, 4800),
    ("国有门面，第一个月租金8000，第二个月起每月8500，第三个月每月也是8500，能减免多少", 20750, 4250),
])
def test_a_rent_that_changes_within_the_three_months(text, relief, month3):
    calc = _calc(text)
    assert (calc.result["relief_total"], calc.result["month3_payment"]) == (relief, month3)


@pytest.mark.parametrize("text", [
    "国有门面月租8000，头两个月每月8000都免了，第三个月交4000对吗",
    "国有门面，头两个月每月9000，第三个月每月也是9000，能减多少",  # the same rent: the plain rule
])
def test_months_said_apart_without_a_change_are_not_month_rents(text):
    request = parse_request(text)
    assert getattr(request, "month_rents", ()) == ()


def test_month_rents_are_three_and_alone():
    for bad in (dict(month_rents=(9000, 9600)), dict(monthly_rent=9000, month_rents=(9000, 9000, 9600)),
                dict(month_rents=(9000, -1, 9600))):
        with pytest.raises(CalculatorError):
            rent_relief(bad.pop("monthly_rent", None), "state", **bad)


# Batches ty-1676…1755: staff counted as 正式工 plus 临时工, revenue per quarter, rent per week, 个点, a rent level
# changed to in a later turn, landlords named by their office, a year's saving on a monthly base, a deferral amount
# per person, people who pay nothing, wholesale to businesses, event set-up and group catering.
@pytest.mark.parametrize("text, people", [
    ("正式工260个，另外常年用着45个临时工", 305), ("正式员工92个，另外签了劳务合同的临时工8个", 100),
    ("保安保洁绿化正式工260个，临时保洁45个", 305), ("员工50人，其中临时工10个", 50),
    ("员工50人，另外临时工里有10个是返聘的", 50),
])
def test_staff_of_another_kind_added(text, people):
    assert staff_total(text, parse_quantities(text)).value == people


@pytest.mark.parametrize("text, size", [
    ("我们厂是生产塑料编织袋的，正式工260个，另外常年用着45个临时工，每个季度营收520万。算哪一档？", "中型"),
    ("开门店卖手机和配件的，正式店员42个、临时促销员9个，营业额平均每月45.5万。算中型还是小型？", "中型"),
    ("我们是盖厂房、做钢结构安装的施工企业，一共一千一百人，去年每个季度营收1600万，资产总额5200万。划型算哪一档？", "中型"),
    ("我们做团餐，给学校和工厂食堂配送饭菜，正式员工240个，临时帮厨65个，每个季度营收2600万。还能算中小微吗？", "大型"),
    ("我们给公司开年会、办展会做场地布置和舞台搭建，20个人，公司资产总额95万，去年营收六百万。算哪一类？", "微型"),
])
def test_size_with_staff_kinds_quarterly_revenue_and_trades(text, size):
    assert _calc(text).result["size"] == size


def test_sold_on_to_businesses_is_wholesale():
    assert resolve_industry("我们从面粉厂进货，再卖给饭店和面馆") == "批发业"
    assert resolve_industry("开了个水果店，卖给附近居民") == "零售业"


def test_rent_per_week_is_a_year_of_weeks_over_twelve_months():
    calc = _calc("国企产业园的车间，租金按周交，一周一千五百块钱。第三个月交多少？三个月一共减多少？")
    assert (calc.result["month3_payment"], calc.result["relief_total"]) == (3250, 16250)


@pytest.mark.parametrize("text, value", [("费率是0.5个点", "0.005"), ("降了一个百分点", "0.01")])
def test_rates_in_points(text, value):
    (rate,) = [q for q in parse_quantities(text) if isinstance(q, Rate)]
    assert rate.value == Decimal(value)


def test_a_rent_level_changed_to_in_a_later_turn():
    request = parse_request("哦不对，3800是去年的，今年续约涨到4200了。那三个月一共能减多少？",
                            ("我在市机关事务管理局的房子里开复印店，月租3800，第三个月交多少？",))
    assert (request.monthly_rent, request.landlord) == (4200, "state")


def test_a_years_saving_on_a_monthly_wage_base():
    calc = _calc("工伤险原费率0.6%，每月工资总额21万。现在每月交多少？跟没下调比，一年能省多少？")
    assert (calc.result["after"], calc.result["saving_total"]) == (630, 7560)


def test_a_deferral_amount_per_person_times_the_people():
    calc = _calc("我们18个人，每人每月三险（养老失业工伤）单位部分1,025块钱，一季度全缓了。5月份单位一共要交多少？")
    assert calc.inputs["monthly_amount"] == 18450


def test_people_who_pay_nothing_are_not_counted():
    request = parse_request("等等，22个人里有4个是退休返聘的，根本不交社保。那单位养老一个月到底交多少？",
                            ("我们一共22个人交社保，每人缴费基数都是3800，单位养老一个月交多少？",))
    assert calculate(request).result["contribution"] == 10944


def test_medical_insurance_said_with_a_bare_figure():
    request = parse_request("医保单位部分每月3,200，能不能也一起缓？4月份连医保一共要交多少？",
                            ("养老失业工伤三险每月合计9,850元，一季度都缓着没交。",))
    assert request.medical_monthly == 3200


def test_a_statement_of_a_few_days_does_not_ask():
    from assistant.scene import asking_clauses
    asking, scene = asking_clauses("健康证过期了几天，吓得俺一宿没睡着。那是个甚规矩？")
    assert "健康证过期了几天" in scene


def test_a_loan_falling_due_is_not_the_policys_period():
    assert getattr(parse_request("市里那个文件对银行贷款总量有没有底线？我这笔到期了还能给续上不？"), "kind", None) \
        != "policy_period"
    assert parse_request("那个文件到期了吗？").kind == "policy_period"


@pytest.mark.parametrize("text, intent", [
    ("这份 document 的 addressee list 里有没有我们园区？", Intent.ADDRESSEES),
    ("让我们去找文件里写明负责说明条文的单位。是哪几家？", Intent.INTERPRETATION),
])
def test_addressees_in_english_and_who_explains_the_articles(text, intent):
    assert classify(text) is intent
