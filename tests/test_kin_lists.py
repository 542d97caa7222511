"""Things the document never names, asked about beside the things it lists (assistant/kin_lists.py)."""

from dataclasses import replace

from assistant.engine import Engine
from assistant.kin_lists import kin_heads, lists_kin

TEXT = "2020年1至3月份应缴纳的养老、失业和工伤保险费，可以延迟3个月补缴。缴纳房产税、城镇土地使用税确有困难的，可申请减免。"


def test_an_unnamed_word_is_known_by_the_ending_the_text_writes():
    assert kin_heads(["医疗保险", "缓缴"], TEXT, TEXT) == {"医疗保险": "保险"}


def test_words_the_text_writes_or_with_too_short_an_ending_have_no_kin():
    # 增值税 ends in 税, one character: the head of too many words to say kinship
    assert kin_heads(["工伤保险费", "增值税", "火星"], TEXT, TEXT) == {}


def test_a_word_whose_rest_the_section_writes_is_no_kind_it_leaves_out():
    # 「bank loan」 → 银行贷款 over a clause about the banks' loans: any of them, not one the list omits
    section = "各银行业金融机构应加大对中小微企业的支持。鼓励提供信用贷款、中长期贷款支持。"
    assert kin_heads(["银行贷款"], section, section) == {}
    assert kin_heads(["银行贷款"], section, "鼓励提供信用贷款、中长期贷款支持。") == {"银行贷款": "贷款"}


def test_a_sentence_lists_kin_when_names_joined_by_conjunctions_come_before_the_kind():
    assert lists_kin("应缴纳的养老、失业和工伤保险费，可以延迟3个月补缴。", ["保险"])
    assert lists_kin("养老保险、失业保险以及工伤保险的单位缴费部分", ["保险"])
    assert not lists_kin("全市参加社会保险的企业2020年一季度社会保险费可延迟缴纳。", ["保险"])
    assert lists_kin("鼓励提供信用贷款、中长期贷款支持。", ["贷款"])


def test_one_joint_before_a_longer_run_is_no_list():
    assert not lists_kin("工资正常调整、新进人员工资核定、到龄退休人员退休待遇核定等工作", ["人员"])
    assert not lists_kin("温州南、台州火车站在进出站口配置多台测温仪", ["火车"])


def _leaning_on_lists(engine: Engine) -> Engine:
    # The fake embedder's cosines are noise of the same size as the tuned bonus; a large one tests the mechanism.
    return Engine(engine.index, engine.settings, replace(engine.tuning, kin_list_bonus=1.0))


def test_a_question_about_an_unlisted_kin_gets_the_list_and_says_what_it_leaves_out(fake_engine):
    a = _leaning_on_lists(fake_engine).answer("社保缓缴包括医保吗？")
    assert a.citations[0].clause == "5" and not a.refused
    assert "养老、失业和工伤保险费" in a.text
    assert a.text.startswith("文件没有提到医疗保险")


def test_a_question_about_a_listed_thing_says_nothing_is_left_out(fake_engine):
    a = _leaning_on_lists(fake_engine).answer("失业保险能缓缴吗？")
    assert a.citations[0].clause == "5" and "没有提到" not in a.text


def test_the_note_is_said_at_the_tuned_bonus_and_not_without_it(fake_engine):
    assert fake_engine.answer("医保能缓缴吗？").text.startswith("文件没有提到医疗保险")
    engine = Engine(fake_engine.index, fake_engine.settings, replace(fake_engine.tuning, kin_list_bonus=0.0))
    assert "没有提到" not in engine.answer("医保能缓缴吗？").text


def test_a_word_the_document_writes_in_a_callers_form_is_not_unnamed():
    # the lexicon reads 医保 as 医疗保险: a document that writes 医保 names it
    doc = "医保费减半征收。养老、失业和工伤保险费可以缓缴。"
    assert kin_heads(["医疗保险"], doc, doc) == {}


def test_the_kind_is_the_shortest_ending_and_not_a_broad_one():
    seed = "2020年1至3月份应缴纳的养老、失业和工伤保险费。国有、集体及享受过财政支持政策的小微企业创业载体。"
    assert kin_heads(["商业保险"], seed, seed) == {"商业保险": "保险"}  # not 业保险, a piece of 失业保险
    trades = "对餐饮、住宿、旅游和公共交通企业给予补贴。"
    assert kin_heads(["中小企业"], trades, trades) == {}
