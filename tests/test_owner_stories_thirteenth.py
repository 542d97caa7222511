"""Classes from the 2026-11-28 eighth session's blind batch ty-2376…2415 and the older dev misses still open
(ty-2339, ty-2341, ty-2353, ty-2356), each checked to fail before its change."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.calculator.sme_size import find_industry
from assistant.intent import names_measure
from assistant.precedence import asks_which_applies
from assistant.quantities import Money, parse_quantities
from assistant.rent_share import caller_share, without_share
from assistant.requests import parse_request


def test_a_month_whose_debit_failed_is_not_paid(fake_engine):
    a = fake_engine.answer("银行代扣记录我翻出来了：去年单位失业保险1月到8月每月扣¥1,087.50，9月起多了几个人，每月扣"
                           "¥1,162.50，其中10月那笔扣款失败，到现在也没补。今年一个人没裁，按文件失业险能返多少？")
    assert "6093.75元" in a.text and "10月没交" in a.text


def test_a_total_said_again_as_holding_medical_insurance(fake_engine):
    a = fake_engine.answer("一季度社保按文件缓着没交，每月是8,640块。哦不对，8,640是连医保一起的，医保2,150那块每个月都按时扣了，"
                           "缓着的只有养老、失业、工伤三样。4月起每月数不变。那4月这三样要交多少？4到6月这三样一共交多少？")
    assert "12980元" in a.text and "38940元" in a.text


def test_a_medical_amount_said_elsewhere_is_not_inside_the_total():
    request = parse_request("每月社保一万二，医保另外三千每月照交。一季度缓着，4月交多少？")
    assert request.monthly_amount == Decimal(12000) and not request.medical_included


def test_a_loan_partly_repaid_is_reckoned_span_by_span(fake_engine):
    a = fake_engine.answer("我们在疫情防控重点保障企业名单上。2月中旬贷了600万，专项再贷款利率1.5%；用了3个月先还了200万，"
                           "剩下的400万又用了6个月才还清。合同利率4.05%。贴息一共多少？中央和省里各出多少？")
    assert "52500元" in a.text and "26250元" in a.text and "第2段" in a.text


def test_two_loans_are_still_two_loans():
    request = parse_request("贴息怎么算：两笔贷款，一笔两百万用了半年，另一笔一百万用了3个月，再贷款利率3.15%")
    assert request.loans == ((Decimal(2000000), 6), (Decimal(1000000), 3)) and not request.repaid


@pytest.mark.parametrize("text, share", [
    ("月租9,600，房租我俩三七开，我出七成。", Decimal("0.7")),
    ("我们三个人合伙租的，三个人平摊房租", Decimal(1) / 3),
    ("国企的门面月租2万，我跟朋友对半分摊", Decimal("0.5")),
    ("房租跟朋友合租的，我占60%", Decimal("0.6")),
    ("房租我俩三七开，我出七成半", Decimal("0.75")),
    ("国资门面月租2万，是不是第三个月我只交一半？", None),  # the rule's half, nobody to share with
    ("国资门面月租2万，我出一半的装修钱，能减多少？", None),
    ("国资门面月租2万，赚了钱跟合伙人对半分，房租能减多少", None),
    ("物业费两家平摊，房租能减多少", None),
    ("我们12个人平摊房租", None),
    ("利润我占三成，房租减免多少", None),
    ("国资门面月租2万。装修我出一半。能减多少", None),  # the half is the fit-out's, not the rent's
    ("国资门面月租2万，三七开", None),  # whose seven is not said
    ("国企门面月租2万，能减多少", None),
])
def test_the_callers_part_of_a_shared_rent(text, share):
    assert caller_share(text) == share


def test_a_shared_rent_gives_the_callers_part_first(fake_engine):
    a = fake_engine.answer("我跟发小合伙在区国资公司的门面开手工酸奶店，月租9,600，房租我俩三七开，我出七成。"
                           "按文件国有房子那三个月，我自己那份一共能省多少？第三个月我得掏多少？")
    assert a.text.index("16800元") < a.text.index("24000元") and "3360元" in a.text


def test_sharing_words_ask_no_monthly_average():
    assert "平摊" not in without_share("三个人平摊，我能省多少") and "摊到" in without_share("摊到每个月平均交多少")
    assert parse_request("国企的门面月租2万，我跟朋友对半分摊，第三个月我交多少？").asked == "month3"


def test_a_charge_named_after_its_figure_is_no_other_premises(fake_engine):
    a = fake_engine.answer("前头门面是跟区国资公司租的，月租1.2w，另外每月交800管理费；后头放货的仓库是跟村里一个姓郝的个人"
                           "租的，月租3.5k。两处房租一共能少交多少？第三个月两处房租加一块还得交多少？")
    assert "30000元" in a.text and "9500元" in a.text and "800元" not in a.text.split("计算过程")[0]


def test_the_callers_own_premises_rent_in_a_correction(fake_engine):
    a = fake_engine.answer("哦不对，一万二是我和隔壁我表哥两间门面加一块的，合同是分开签的，我自己那间是七千五。"
                           "那我这间三个月一共减多少？第三个月我交多少？",
                           [{"role": "user", "content": "我在区国资公司租了门面卖童装，月租一万二，按文件这三个月能减多少？"}])
    assert "18750元" in a.text and "3750元" in a.text


def test_a_quarters_wage_base_with_the_work_injury_rate(fake_engine):
    a = fake_engine.answer("我们做机加工的，工伤险原来的费率是0.6%，工资总额每个季度五十四万左右，全年四个季度都按这个数。"
                           "按文件工伤费率下调以后，现在费率是多少？一个季度交多少？一年下来比原来少交多少？")
    assert "0.3%" in a.text and "1620元" in a.text and "6480元" in a.text


def test_a_months_wage_base_is_still_a_months():
    request = parse_request("工伤费率原来0.4%，每月工资总额21万，跟没下调比，一年能省多少")
    assert request.per is None and request.months == 12


def test_which_level_applies_asked_of_no_measure_quotes_the_rule_that_settles_it(fake_engine):
    text = "要是后来国家部委或者山西省出的同类扶持，给得比太原这份还多，那太原的企业按哪边的待遇享受？文件对这种情况有交代吗？"
    assert asks_which_applies(text) and not names_measure(text)
    a = fake_engine.answer(text)
    assert a.citations[0].clause == "closing" and "从优执行" in a.text


def test_which_level_applies_asked_of_a_measure_keeps_its_clause(fake_engine):
    a = fake_engine.answer("国家后来免三个月，市里只写两个月，照哪个办？")
    assert a.citations[0].clause == "6" and "从优执行" in a.text


@pytest.mark.parametrize("text, industry", [
    ("我们在食品街开了两家清吧，卖鸡尾酒、精酿，晚上有驻唱", "餐饮业"),
    ("俺们是给镇上处理生活污水的，管网收来的污水处理达标了再排", "工业"),
    ("我们是做国际货代的，帮外贸厂家订舱，平时都说自己是搞商务服务的", "交通运输业"),
])
def test_owners_trade_words(text, industry):
    assert find_industry(text)[0] == industry


def test_a_field_said_as_这一块_is_no_money():
    said = parse_quantities("平时跟人说俺们也算养殖这一块、农业口的。每个季度卖四千五百万")
    assert [q.value for q in said if isinstance(q, Money)] == [Decimal(45000000)]


def test_a_share_said_of_another_rent_is_not_carried_over():
    request = parse_request("那我另外一家自己单独租的国资门面，月租1万，能减多少？",
                            ["我和朋友合租区国资公司的门面，房租对半分，月租2万，能减多少？"])
    assert request.share is None and request.monthly_rent == Decimal(10000)


def test_the_condition_is_said_once_before_a_shared_part(fake_engine):
    a = fake_engine.answer("我跟朋友合租的门面，月租2万，房租对半分摊，能减多少")
    assert a.text.count("如承租的是国有资产类经营用房") == 1 and "25000元" in a.text


@pytest.mark.parametrize("text, per, amount", [
    ("区国资公司的门面，我这间门面租金是12万，一年一交，能减多少", "year", Decimal(120000)),
    ("两间门面加一块是一万二，我自己那间是七千五，国资公司的，能减多少", None, Decimal(7500)),
])
def test_the_callers_own_premises_rent_keeps_its_period(text, per, amount):
    request = parse_request(text)
    assert (request.per, request.period_rent if per else request.monthly_rent) == (per, amount)


def test_a_rent_said_with_how_its_charges_go_is_still_a_rent():
    request = parse_request("区国资公司的门面月租8000元水电另算，另一间私人的门面月租5000，能减多少")
    assert request.monthly_rent == Decimal(8000) and request.not_covered == ((Decimal(5000), "other"),)


def test_interest_paid_is_no_principal_repaid():
    request = parse_request("贷了600万，利率1.5%，用了3个月，还了4.5万利息，又用了6个月才还清本金，贴息多少")
    assert not request.repaid


def test_a_failed_debit_taken_again_was_paid(fake_engine):
    a = fake_engine.answer("去年单位失业保险1月到8月每月扣¥1,087.50，9月起每月扣¥1,162.50，其中10月那笔扣款失败，第二天"
                           "重新扣上了。今年一个人没裁，按文件失业险能返多少？")
    assert "6675元" in a.text


def test_whether_a_total_holds_medical_asked_is_not_assumed():
    request = parse_request("一季度社保缓缴，每月8640块是连医保一起的吗？医保每月2150。4月要交多少？")
    assert not request.medical_included


def test_a_quarters_wage_base_said_in_an_earlier_turn():
    request = parse_request("那一年下来比原来少交多少？",
                            ["工伤险原来的费率是0.6%，工资总额每个季度五十四万左右，下调以后一个季度交多少？"])
    assert request.per == "quarter" and request.months == 12


def test_which_standard_a_firm_is_classed_by_is_no_question_of_levels():
    text = "小微企业划型，国家有标准，省里也有标准，按哪个标准来？"
    assert not asks_which_applies(text) and names_measure(text)


@pytest.mark.parametrize("text, industry", [
    ("我们做海外现货代购的，开了个网店", "零售业"),
    ("我们是做污水处理设备销售的", None),
])
def test_trade_words_inside_other_words(text, industry):
    assert (find_industry(text) or (None,))[0] != "交通运输业" and (find_industry(text) or (None,))[0] != "工业"


def test_a_yuan_and_cents_after_这_is_money():
    said = parse_quantities("停车费那一块五毛钱也要交吗")
    assert [q.value for q in said if isinstance(q, Money)] == [Decimal("1.5")]


@pytest.mark.parametrize("text", ["这份文件的文号是多少", "文号是什么", "这个意见的发文字号是多少？"])
def test_the_documents_number_asked(fake_engine, text):
    a = fake_engine.answer(text)
    assert not a.refused and "并政发〔2020〕2号" in a.text and a.citations[0].clause == "preamble"


def test_another_documents_number_asked_is_no_question_of_this_ones():
    from assistant.intent import asks_doc_number
    assert not asks_doc_number("那个文件的文号是多少？我要写进报告里。")
    assert not asks_doc_number("降到16%，是根据哪个省里的文件？文号是多少？")


def test_back_to_the_first_thing_asked(fake_engine):
    a = fake_engine.answer("回到头一个事，那条是哪几家单位负责落实的？", [
        {"role": "user", "content": "我租的是区国资公司的门面，疫情期间房租按文件咋减？"},
        {"role": "user", "content": "换个事，厂房的房产税今年实在交不上，能申请减免不？"}])
    assert a.citations[0].clause == "6" and "市国资委" in a.text


def test_what_the_opening_says_is_its_purpose_not_its_number_line(fake_engine):
    a = fake_engine.answer("俺跟他们说市里2号文就是让企业复工的，他们说文件里没这话。文件开头到底咋说的？")
    assert "推动中小微企业复工复产" in a.text


def test_a_debt_owed_to_the_firm_is_no_premium():
    request = parse_request("区住建局欠俺们六十万工程款，俺们自己今年的社保费也紧巴巴的，一季度的能缓缴吗？")
    assert request.monthly_amount is None


def test_of_two_months_asked_the_first_leads():
    request = parse_request("一季度那三样按文件都缓着没交，每月2.34万；医保每月7,800照常交着。4月份连医保一共得准备多少钱？"
                            "5月份里头光补缴的那一笔是多少？")
    assert request.asked_month == 4


def test_the_clauses_of_a_body_say_where_else_the_document_names_it(fake_engine):
    a = fake_engine.answer("有人跟我说市发改委在这份意见里就是挂个名，哪条都不归它管。它到底在哪一条里是责任单位？"
                           "文件最后那段又给它派了啥活？")
    assert "八、加快兑现" in a.text and "会同相关部门解释" in a.text
    assert [c.clause for c in a.citations] == ["8", "closing"]


def test_a_deadline_moved_by_the_tax_office_is_the_due_date():
    request = parse_request("一笔增值税，本来是5月15号截止，后来税务局发短信说这个月申报缴税期限顺延到5月22号。"
                            "去税务局申请延期缴纳的话，最晚能拖到哪天？")
    assert (request.due_date.month, request.due_date.day) == (5, 22) and request.requested_date is None


def test_a_date_the_caller_wants_is_still_a_target():
    request = parse_request("税款5月15号到期，想延到6月15号，行不行？")
    assert (request.due_date.month, request.due_date.day) == (5, 15) and request.requested_date.day == 15


def test_a_deposit_named_after_its_figure_is_no_rent():
    request = parse_request("合同翻出来了，年租金准数是十一万四，签约时另交的两万押金不算在里头。那三个月一共减多少？",
                            ["我们在市国资委下属公司的写字楼里租了一层，一年房租十来万，按文件能减多少？"])
    assert (request.period_rent, request.per) == (Decimal(114000), "year")


@pytest.mark.parametrize("text, rent", [
    ("房租每月8000元物业费500元，国有房子能减多少？", Decimal(8000)),
    ("房租一个月三千水电全包，国有的，能减多少？", Decimal(3000)),
])
def test_a_rent_said_before_a_charge_is_still_the_rent(text, rent):
    assert parse_request(text).monthly_rent == rent


def test_two_questions_asked_together_is_no_yuan():
    said = parse_quantities("俩事一块问：一是档口租金一个季度两万零四百")
    assert [q.value for q in said if isinstance(q, Money)] == [Decimal(20400)]
    assert [q.value for q in parse_quantities("租金每平米每天一块算") if isinstance(q, Money)] == [Decimal(1)]


@pytest.mark.parametrize("text, share", [
    ("房租按股份摊：老张四成，我和老李各三成。", Decimal("0.3")),
    ("国有门面月租一万，这仨月房租我出一半就行了吧？", None),
    ("我们三个股东，我和老李各占三成股，老张四成，房租每月一万", None),
])
def test_a_part_said_with_a_partner_who_pays_as_much(text, share):
    assert caller_share(text) == share


def test_a_date_the_caller_asks_for_is_no_moved_deadline():
    request = parse_request("增值税本来5月15号截止，缴款期限能不能延到6月30号？")
    assert (request.due_date.month, request.due_date.day) == (5, 15)
