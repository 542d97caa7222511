"""Sixth blind batch (ty-1756…1795): what the document as a whole is for, eligibility asked in English, a yes-no
question that names 中小企业 without any size figure, … Each class by several wordings."""

import pytest

from assistant.intent import Intent, classify
from assistant.requests import SmeRequest, parse_request
from assistant.section_refs import pointed_sections


@pytest.mark.parametrize("text", [
    "市里发这份文件主要想达到什么目标？",
    "过完年厂子停了一个多月，市里这会儿发这个文件，说到底是想让俺们干啥？",
    "这个意见的目的是啥",
    "政府出这份文件图个啥？",
])
def test_what_the_whole_document_is_for_is_its_opening(text):
    from assistant.section_refs import asks_document_purpose

    assert asks_document_purpose(text) and pointed_sections(text) == ("preamble",)


@pytest.mark.parametrize("text", [
    "减免房租这条的目的是啥？",  # one measure's purpose: that clause says it
    "这个文件里贷款贴息的目标企业是哪些",
    "文件里说的目标任务完成了吗",
])
def test_a_measures_purpose_is_not_the_documents(text):
    from assistant.section_refs import asks_document_purpose

    assert not asks_document_purpose(text)


def test_the_opening_sentence_answers_what_the_document_is_for(fake_engine):
    a = fake_engine.answer("市里发这份文件主要想达到什么目标？")
    assert a.citations[0].clause == "preamble" and "复工复产" in a.text


@pytest.mark.parametrize("text", [
    "这个 policy 的 target 是哪些 company？big company 也能 apply 吗？",
    "Which companies are eligible for this policy?",
    "Can a large enterprise apply?",
])
def test_who_the_document_is_for_asked_in_english(text):
    assert classify(text) is Intent.ELIGIBILITY


@pytest.mark.parametrize("text", [
    "疫情期间我们给员工做核酸检测花了两万多，太原给中小企业报销或补贴这笔钱吗？",
    "员工在家隔离，工资照发，政府给中小企业补助吗",
])
def test_a_yes_no_question_naming_small_firms_without_figures_is_no_size_question(text):
    request = parse_request(text)  # neither the size check nor a question back for the industry
    assert not isinstance(request, SmeRequest) and getattr(request, "kind", None) != "sme_size"


def test_a_size_question_with_figures_and_a_bare_particle_still_counts():
    assert isinstance(parse_request("我们是做软件的，员工30个，营收800万，是中小企业吗？"), SmeRequest)


@pytest.mark.parametrize("text, kinds", [
    ("我们小面馆后厨的消毒记录有几天忘了填，市场监管来抽查时发现了，是先让改还是直接罚？", ()),
    ("这几个月社保交不上咋办？", ()),
    ("厂子停了好几周，前几天才复工，房租能减吗", ()),
    ("开学前得提前几天回去？", ("duration",)),
    ("贷款还有几天到期，能延期多久？", ("duration",)),
])
def test_a_time_told_of_is_not_a_duration_asked(text, kinds):
    from assistant.asked_figure import figures_asked

    assert figures_asked(text) == kinds


def test_a_rule_applied_by_the_regulations_is_no_instrument_name():
    from assistant.policy_terms import shipped_terms, starts_with_noun

    assert "规定认定" not in shipped_terms() and "现行规定认定" not in shipped_terms()
    assert not starts_with_noun("规定认定") and starts_with_noun("工伤认定")


@pytest.mark.parametrize("text", [
    "同事说这是市工信局发的一个通知，这份东西到底叫啥、是以谁的名义下发的？",
    "这份意见是以哪个机关的名义发出来的？",
])
def test_whose_name_the_document_is_issued_in(text):
    assert classify(text) is Intent.ISSUER


def test_who_issued_the_standard_the_document_names_is_a_lookup_of_it(fake_engine):
    text = "区里说我们算不算“中小微”，要按太原市自己定的标准来。文件里到底说按哪个规定认定？那个规定是谁发布的？"
    assert classify(text) is Intent.LOOKUP
    a = fake_engine.answer(text)
    assert not a.refused and a.citations[0].clause == "closing" and "中小企业划型标准规定" in a.text


@pytest.mark.parametrize("text, term", [
    ("俺又没房子能抵押，想贷笔三五年慢慢还的钱", "中长期贷款"),
    ("俺又没房子能抵押，银行给贷不", "信用贷款"),
    ("续贷算下来比去年贵了一截，评估费也涨了", "融资成本"),
    ("市里对我们这样出了力的银行会有什么表示吗", "奖励"),
    ("是等部门把钱发下来，还是得企业自己去报？", "申报"),
    ("养老保险单位那头降到16%，是什么时候开始的", "降至"),
])
def test_owners_words_for_credit_cost_rewards_and_filing(text, term):
    from assistant.lexicon import document_terms

    assert term in document_terms(text)


@pytest.mark.parametrize("text", [
    "俺们几个年轻人租的是一家民营孵化器的工位，那孵化器前年拿过政府的扶持钱，疫情那阵得带头给俺们减房租不？",
    "我们在众创空间租了两间办公室，月租6000，空间是拿了财政补贴的，房租能减多少？",
])
def test_a_publicly_funded_start_up_carrier_is_asked_to_lead_in_cutting_rent(text):
    from assistant.calculator import calculate, format_answer
    from assistant.requests import RentRequest

    request = parse_request(text)
    assert isinstance(request, RentRequest) and request.landlord == "carrier"
    answer = format_answer(calculate(request))
    assert "享受过财政支持政策的小微企业创业载体" in answer and "带头减免" in answer and "前两个月免收" in answer


def test_a_state_run_incubator_is_state_owned_premises():
    from assistant.requests import RentRequest

    request = parse_request("租的国有孵化器的房子，拿过财政扶持资金，月租5000，能减免多少？")
    assert isinstance(request, RentRequest) and request.landlord == "state"


def test_the_three_relief_months_are_dated_from_the_issue_day(fake_engine):
    from assistant.calculator.validity import policy_validity

    steps = " ".join(policy_validity(measure="rent_relief").steps)
    assert "第一个月（免收）2月8日至3月7日" in steps and "第三个月（减半）4月8日至5月7日" in steps
    assert "逐月" not in " ".join(policy_validity().steps)
    request = parse_request("租的是国资公司的铺面，按文件发布那天往后算，减半的那个月大概是从几号到几号？")
    assert getattr(request, "measure", None) == "rent_relief"
    assert getattr(parse_request("我租的门面，5月10号政策还有效吗"), "measure", "none") is None


def test_the_deferral_steps_use_the_documents_words_for_the_months():
    from assistant.calculator import calculate, format_answer

    text = "社保缓缴里说的“一季度”，是指2020年的1到3月，还是文件发布以后的那三个月？"
    request = parse_request(text)
    assert request is not None and "2020年1至3月份应缴纳的" in format_answer(calculate(request))


@pytest.mark.parametrize("text, named", [
    ("文件2月7号发的，执行期三个月；可社保缓缴那条又说6月份补完，还算在政策里头不？", "社保缓缴"),
    ("文件里国有门面那个“三个月”房租减免，跟整份文件的执行期，是从同一天起算的吗？", "国有门面"),
    ("稳岗返还那个现在还能申请吗", "稳岗返还"),
    ("这个政策现在还有效吗", None),
    ("那个文件哪天到期", None),
])
def test_a_clause_named_by_its_subject(text, named):
    from assistant.engine import clause_named

    assert clause_named(text) == named


def test_the_clause_a_period_question_names_is_quoted_beside_the_period(fake_engine):
    a = fake_engine.answer("文件最后说的3个月执行期，跟社保那条“延迟3个月补缴”的3个月，是一回事吗？")
    assert [c.clause for c in a.citations][:1] == ["closing"] and "5" in [c.clause for c in a.citations]
    assert "自发布之日起的3个月" in a.text and "延迟3个月补缴" in a.text


@pytest.mark.parametrize("text", [
    "那这条现在还能拿来催吗？",
    "城管说那文件早不管用了。真是这样？",
    "税务的说这个早就不作数了，是吗",
])
def test_whether_the_document_still_counts_in_owners_words(text):
    assert classify(text) is Intent.TIME


def test_a_question_about_the_arrears_clause_is_no_eligibility_question():
    text = "我们是民营企业，被区里一个部门欠着工程款。文件里催政府还欠款的那条，是只管中小微企业，还是把民营企业也算进去了？"
    assert classify(text) is Intent.LOOKUP


def test_whose_word_settles_a_dispute_over_the_wording():
    text = "担保公司说第三条只管新办的业务，俺们觉得文件没这么说。这种争执，文件写明由哪家部门给说法？"
    assert classify(text) is Intent.INTERPRETATION


def test_a_department_question_about_a_measure_is_not_answered_with_its_schedule(fake_engine):
    text = "俺们厂一季度的社保照文件没交，4月份去社保中心，窗口说没接到缓缴的通知。文件里缓缴社保那条，责任单位写的是哪几家？"
    a = fake_engine.answer(text)
    assert a.calculation is None and "市人社局" in a.text and "市财政局" in a.text
    assert fake_engine.answer("每月社保8000，缓缴能缓多少，找哪个部门办？").calculation is not None


def test_a_list_of_monthly_premiums_under_one_heading():
    from assistant.calculator import calculate, format_answer

    text = "单位每月社保：养老8,320，失业260，工伤195，医保2,900。一季度能缓的都缓了，医保照常交的。6月份单位社保一共要交多少？"
    request = parse_request(text)
    assert dict(request.components) == {"养老保险": 8320, "失业保险": 260, "工伤保险": 195}
    assert request.medical_monthly == 2900 and "20450元" in format_answer(calculate(request))


@pytest.mark.parametrize("text, groups", [
    ("开了个小快递站，员工7个，缴费基数都是3650；我自己也在公司交，基数按5k报。单位养老一个月一共交多少？",
     ((7, 3650), (1, 5000))),
    ("员工12个，基数是4000，老板本人也参保，基数按6000交，单位养老每月多少？", ((12, 4000), (1, 6000))),
])
def test_the_owners_own_base_said_in_the_next_clause(text, groups):
    request = parse_request(text)
    assert request.groups == groups


def test_one_group_with_its_base_in_the_next_clause_is_still_one_base():
    request = parse_request("我们公司员工7个，缴费基数都是3650，单位养老一个月交多少？")
    assert not request.groups and request.wage_base == 3650 and request.employees == 7


def test_a_sentence_holding_a_wording_the_question_quotes_is_quoted(fake_engine):
    a = fake_engine.answer("银行打电话说在搞“百行进万企”，这是个啥？")
    assert a.text.startswith("持续开展“百行进万企”活动")  # not the item's first sentence, which lacks it


def test_the_imprint_line_dates_a_document_whose_tail_ends_with_an_attachments_signature():
    from corpus.metadata import find_issued

    body = "各区商务局：" + "现将有关事项通知如下。" * 40
    text = (body + " 天津市商务局 2020年2月15日 附件：《商务部办公厅关于…的通知》 " + "正文。" * 20
            + " 商务部办公厅 2020年2月7日 天津市商务局办公室2020年2月15日印发")
    assert find_issued(text) == "2020-02-15"
    assert find_issued("通知 京政办发〔2020〕5号 2020年2月5日 各区：" + "正文。" * 200 + " 某某办公室2020年2月6日印发") == "2020-02-05"
    assert find_issued(body + " 某某局 2020年3月1日") == "2020-03-01"


@pytest.mark.parametrize("text, day", [
    ("有笔房产税缴款期限是3.31，最晚能拖到几号？", (3, 31)),
    ("截止日是4.30，能延期到哪天", (4, 30)),
])
def test_a_due_date_written_with_a_dot_after_its_name(text, day):
    from assistant.quantities import DateValue, parse_quantities

    dates = [q for q in parse_quantities(text) if isinstance(q, DateValue)]
    assert [(d.value.month, d.value.day) for d in dates] == [day]


@pytest.mark.parametrize("text", ["贷款期限是3.5年", "期限是2.5个月", "合同期限是1.5年，月租8000"])
def test_a_term_in_years_or_months_is_no_date(text):
    from assistant.quantities import DateValue, parse_quantities

    assert not any(isinstance(q, DateValue) for q in parse_quantities(text))


def test_the_tax_deferral_from_a_dotted_due_date():
    from assistant.calculator import calculate, format_answer

    answer = format_answer(calculate(parse_request("有笔房产税缴款期限是3.31，去税务局申请延期缴纳的话，最晚能拖到几号？")))
    assert "2020年6月30日" in answer


def test_headcounts_said_per_month_for_each_half_of_the_year():
    from assistant.calculator import calculate, format_answer
    from assistant.quantities import Headcount, parse_quantities

    said = parse_quantities("我们厂去年参保的职工，上半年每个月26个，下半年每个月31个。")
    assert [q.value for q in said if isinstance(q, Headcount)] == [26, 31]
    request = parse_request("厂子暂时困难，但一个人没裁。月人均失业保险金标准按一千三百六算，稳岗补贴能拿多少？",
                            ["我们厂去年参保的职工，上半年每个月26个，下半年每个月31个。"])
    assert "232560元" in format_answer(calculate(request))
    assert not any(isinstance(q, Headcount) for q in parse_quantities("每个月进货20个"))


@pytest.mark.parametrize("text, term", [
    ("要是查出来的问题不算小呢，也只是提醒？", "违法违规"),
    ("文件不是说对小企业先给指条道、让改了就行吗", "主动指导"),
    ("今年小企业从银行拿钱的综合代价，文件拿哪一年来对照", "融资"),
    ("从银行拿钱的综合代价", "成本"),
    ("私人老板自己掏钱办的孵化器，从来没拿过政府一分钱呢", "财政支持"),
])
def test_owners_words_for_inspections_lapses_and_costs(text, term):
    from assistant.lexicon import document_terms

    assert any(term in t for t in document_terms(text))


def test_an_inspection_alone_is_not_law_enforcement():
    from assistant.lexicon import document_terms

    # 「晨检查出发烧」「上面来检查防疫工作」 (school and clinic notices), not 依法履职 over small firms
    assert not {"违法违规", "依法履职"} & set(document_terms("孩子在学校晨检查出发烧，上面来检查防疫工作会不会提前通知"))


@pytest.mark.parametrize("text", [
    "开汽修店的，消防的来说俺们灭火器过期了。文件不是说对小企业先提醒、让改了就行吗？消防也算在里头不？",
    "交通执法的查着货车反光贴掉了，文件说小毛病先提醒，那说的光是城管和市场监管，还是交通执法的也得这样？",
])
def test_whether_another_body_is_bound_by_a_clause_gets_its_responsible_units(fake_engine, text):
    a = fake_engine.answer(text)
    assert a.citations[0].clause == "10" and "各行政执法部门" in a.text and "轻微违法违规行为" in a.text


def test_coming_to_the_door_is_no_place():
    from index.tokenize import place_names

    assert place_names("银行的人打电话说要上门来走访俺们厂") == []
    assert place_names("我在浦东新区开店，员工从武汉回来") == ["浦东新区", "武汉"]


def test_a_bank_visit_is_answered_not_refused_as_a_foreign_place(fake_engine):
    a = fake_engine.answer("今儿银行的人打电话说要上门来走访俺们厂，说是“百行进万企”的活动，这是个啥？")
    assert not a.refused and a.citations[0].clause == "1"


def test_a_documents_number_asked_in_a_follow_up_is_no_topic_of_its_own(fake_engine):
    history = [{"role": "user", "content": "养老保险费率降到16%，是依据哪个文件定的？"}]
    a = fake_engine.answer("那个文件的文号是多少？我要写进报告里。", history)
    assert not a.refused and "晋政办发" in a.text


@pytest.mark.parametrize("text, intent", [
    ("区里有人说俺是大品牌的加盟店，小企业那些扶持俺沾不上。是这么回事不？到底照啥认定？", Intent.ELIGIBILITY),
    ("公司法务在整理一份“现行有效的扶持政策清单”，问这份并政发2号文该不该列进去。", Intent.TIME),
])
def test_eligibility_and_validity_in_owners_and_lawyers_words(text, intent):
    assert classify(text) is intent


@pytest.mark.parametrize("text, value", [("租金按每平米每天1块2算", "1.2"), ("单价2块5一平", "2.5")])
def test_an_arabic_digit_after_kuai_is_jiao(text, value):
    from decimal import Decimal

    from assistant.quantities import Money, parse_quantities

    assert [q.value for q in parse_quantities(text) if isinstance(q, Money)] == [Decimal(value)]


def test_a_future_said_with_wanghou_is_no_deferral():
    text = "三十几个工人一个没打发。俺们这号眼下卡住、往后有指望的，文件里除了退失业险还有别的补贴没？咋算？"
    assert type(parse_request(text)).__name__ != "DeferralRequest"
    assert type(parse_request("一季度的社保能往后拖几个月？每月8000")).__name__ == "DeferralRequest"


@pytest.mark.parametrize("text, people", [
    ("我们是做连锁美发的，发型师一百八十个、助理一百个、前台收银二十个，平均每月营业额三百万。", 300),
    ("店员四十四个、仓库四个、办公室两个，每个季度营业额一百二十五万", 50),
    ("门店员工七十个、整备洗车二十五个、管理五个；车辆加起来资产总额八千万整", 100),
    ("员工30人，门店3家，每月营收50万", 30),
    ("员工20人，其中5个是兼职", 20),
])
def test_staff_listed_by_role_are_summed_whatever_the_roles_are(text, people):
    from assistant.quantities import parse_quantities, staff_total

    assert staff_total(text, parse_quantities(text)).value == people


@pytest.mark.parametrize("text, industry", [
    ("我们从厂家整车进饮料、方便面，再分送给小区超市和小卖部。", "批发业"),
    ("我们是中央厨房，自己做盒饭送到写字楼", "餐饮业"),
    ("俺们是养蜂的合作社，卖蜂蜜、蜂王浆", "农、林、牧、渔业"),
    ("我们是跑市内冷链配送的货车公司，给超市送冻品。", "交通运输业"),
    ("我们是做服装加工的厂子，从厂家进布料", "工业"),
])
def test_industries_in_owners_words_six(text, industry):
    from assistant.calculator.sme_size import find_industry

    assert find_industry(text)[0] == industry


@pytest.mark.parametrize("text, per", [
    ("快递员三百个，每个季度派件收入五百万整。按标准算哪一档？", "quarter"),
    ("社员六十多个，每个季度卖货收入十二万五。算小型还是微型？", "quarter"),
])
def test_revenue_per_quarter_named_by_what_earns_it(text, per):
    assert parse_request(text).revenue_per == per


def test_groups_counted_before_each_ones_base_and_the_months_asked():
    from assistant.calculator import calculate, format_answer

    text = ("单位养老的缴费基数：管理层3个人每人六千二，车间工人14个每人三千八，学徒2个每人三千。"
            "按文件现在的企业费率，单位这头一个季度（三个月）一共交多少？")
    request = parse_request(text)
    assert request.groups == ((3, 6200), (14, 3800), (2, 3000)) and request.months == 3
    assert "37344元" in format_answer(calculate(request))
    assert parse_request("其中4个人缴费基数3000，另外4个人5000，单位养老每月交多少？").months is None
