"""Classes from the 2026-11-28 second session's blind batches (ty-2106…2145, ex-1991…2050), each checked to fail
before its change."""

from __future__ import annotations

import pytest

from assistant.calculator.sme_size import find_industry
from assistant.doc_focus import named, with_full_place_names
from assistant.intent import Intent, classify, returns_to_first
from assistant.lexicon import with_document_terms
from assistant.quantities import Headcount, parse_quantities


@pytest.mark.parametrize("text, written", [
    ("闽省那边是怎么抓菜篮子保供的？", "福建省那边是怎么抓菜篮子保供的？"),
    ("津门这边的厂子", "天津这边的厂子"),
    ("回沪上", "回上海"),
    # documents write 返京 and 来沪 themselves: kept, the full name added
    ("返京工人要观察多少天", "返京工人要观察多少天 北京"),
    ("川里要出省打工", "川里要出省打工 四川"),
    # nothing to write out
    ("节省开支的办法", "节省开支的办法"),
    ("内蒙古的企业", "内蒙古的企业"),
])
def test_a_place_said_by_nickname_is_searched_by_its_full_name(text, written):
    assert with_full_place_names(text) == written


def test_a_province_short_name_with_its_province_word_is_named():
    places = ("福建", "湖南", "山东")
    assert named("闽省那边是怎么抓菜篮子保供的？", places) == ("福建",)
    assert named("鲁省对拉生活物资的车怎么放行？", places) == ("山东",)
    assert named("全省都在节省开支", places) == ()


@pytest.mark.parametrize("text", [
    "第五条说一季度以后的社保「视疫情情况再做调整」，社保中心说怎么调不归他们定。这份意见里的条文到底该以哪几家单位的说法为准？",
    "子公司说它的房子不算「国有资产类经营用房」。我们想找文件里写明有权给这句话下定论的单位，该找谁？",
])
def test_whose_word_settles_a_wording_is_the_interpreting_body(text):
    assert classify(text) is Intent.INTERPRETATION


def test_which_body_carries_out_a_clause_asked_as_哪家负责():
    assert classify("按第十条应该先提醒俺们改。这一条是哪家负责落实的？") is Intent.DEPARTMENT
    assert classify("哪家银行利率低？") is not Intent.DEPARTMENT


def test_going_back_to_the_first_question():
    assert returns_to_first("回到头一个，它是按哪个利率贴的？")
    assert returns_to_first("再说回最开始那个，谁出钱？")
    assert not returns_to_first("回到工伤那个，是只有小企业才享受吗？")


def test_going_back_to_the_first_question_takes_its_clause(fake_engine):
    history = [{"role": "user", "content": "我们是做防护服的，算疫情防控重点保障企业，贷款能贴息吗？"},
               {"role": "user", "content": "换个话题，一季度社保能缓吗？"}]
    a = fake_engine.answer("回到头一个，它是按哪个利率贴的？这钱最后谁出？", history)
    assert a.citations[0].clause == "2"


def test_a_later_part_is_about_the_first_part_not_the_earlier_turns(fake_engine):
    history = [{"role": "user", "content": "工伤保险费率是不是降了？降多少？"},
               {"role": "user", "content": "那这条是哪两个部门管的？"}]
    a = fake_engine.answer("换个事儿，企业交税要是实在凑不齐，能往后拖多久？这个又归谁管？", history)
    assert "最长不超过3个月" in a.text and "市税务局" in a.text and "市人社局" not in a.text


@pytest.mark.parametrize("text", ["会计跟俺说这个月的税能缓三个月，这缓下来的税到底还交不交？", "缓税能缓多久"])
def test_a_tax_said_as_one_character_beside_缓_is_a_tax_deferral(text):
    assert "延期缴纳税款" in with_document_terms(text)


def test_the_owner_counted_in_with_the_staff_is_a_headcount():
    found = parse_quantities("店员连我一共13个，一周流水3.6w")
    assert [q.value for q in found if isinstance(q, Headcount)] == [13]


def test_a_shop_of_supplies_is_retail():
    assert find_industry("我开了两家母婴用品店")[0] == "零售业"
    assert find_industry("办公用品店")[0] == "零售业"


def test_whether_a_body_was_among_the_addressees():
    assert classify("县里还没转发，管不着俺们。这文件当初到底发给县里了没？") is Intent.ADDRESSEES
    assert classify("文件发给企业的补贴有多少吗") is not Intent.ADDRESSEES


def test_a_date_said_for_the_document_asks_when_it_was_issued():
    assert classify("我记得太原这份支持中小微企业的意见是情人节前后、2月中旬出的，能这么写吗？") is Intent.ISSUED
    assert classify("文件是2月7号发的吧？") is Intent.ISSUED
    assert classify("这个文件3月发的补贴什么时候到？") is not Intent.ISSUED
    assert classify("这个文件2月发的，现在还管用吗？") is Intent.TIME
