"""Asked for a phone number or a web address the quoted sentences do not give, the answer adds the document's
sentence that gives one (engine._contact_elsewhere); asked for a list, the items follow the sentence that opens
it. On the fake embedder over the seed plus two small notices."""

from __future__ import annotations

import pytest

from assistant.engine import ASKS_PHONE, ASKS_WEB, STATES_PHONE, STATES_WEB
from tests.conftest import documents_folder, fake_engine_over

NOTICE = ("某市交通运输局关于办理应急运输车辆通行证的通告 一、办理范围 从事应急运输任务的车辆均要办理通行证，由承运单位向"
          "市交通运输局申报。 二、办理方式 申报材料经审核后统一办理，办理结果在线公布，网址为txz.example.gov.cn。"
          " 三、其他 本通告自发布之日起施行。 2020年2月10日 （联系人：王五；联系电话：13912345678）")


FIVE = ("某省应急管理厅关于抗疫物资管理的通知 日前，省应急管理厅印发通知，要求对抗疫物资的管理使用做到“三严格”。"
        "严格使用范围，不得擅自改变用途。严格回收管理，用后及时回收。严格管理责任，责任落实到人。各地要抓好落实。")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return fake_engine_over(tmp_path_factory, documents_folder(tmp_path_factory, "contacts",
                                                               {"permit": NOTICE, "five": FIVE}))


def test_phone_numbers_of_every_usual_form_are_recognised():
    for text in ("联系电话：13912345678", "0771—5860326", "0851-86822440", "请拨打12345", "电话83878729"):
        assert STATES_PHONE.search(text), text
    for text in ("共1000000元", "2020年2月10日", "10000人", "13000000000元"):
        assert not STATES_PHONE.search(text), text


def test_asking_for_a_phone_is_not_any_number():
    assert ASKS_PHONE.search("联系电话多少？") and ASKS_PHONE.search("举报号码是多少")
    assert not ASKS_PHONE.search("发票号码填错了怎么办？") and not ASKS_PHONE.search("身份证号码要写吗？")


def test_web_questions_and_addresses():
    assert ASKS_WEB.search("那个免费上网课的国家平台网址是啥？") and ASKS_WEB.search("在哪个平台上填？")
    assert not ASKS_WEB.search("电话多少？")
    for text in ("登录ykt.eduyun.cn即可", "见WWW.GOV.CN", "http://px.class.com.cn"):
        assert STATES_WEB.search(text), text
    for text in ("按规定办理", "5.com", "版本v1.2.3.cn"):
        assert not STATES_WEB.search(text), text


def test_the_contact_line_is_found_in_another_section_whole(engine):
    # Quoting only item 一, the phone question still gets the notice's last line, with the clause its bracket
    # opened (「（联系人：王五；」) before the one that closes it.
    q = engine._understand("某市应急运输车辆通行证怎么申报？联系电话多少？", [])
    e = engine._evidence(q)
    policy = engine._policy["permit"]
    first = policy.sections[1]
    assert first.title.startswith("办理范围")
    added = engine._contact_elsewhere(q, e, first, list(first.sentences))
    assert [s.text for _, s in added] == ["（联系人：王五；", "联系电话：13912345678）"]
    # quoted already, nothing more is added
    assert engine._contact_elsewhere(q, e, added[-1][0], [s for _, s in added]) == []


def test_a_phone_question_answers_with_the_number(engine):
    answer = engine.answer("某市应急运输车辆通行证怎么申报？联系电话多少？")
    assert answer.citations[0].doc == "permit"
    assert "13912345678" in answer.text and "王五" in answer.text
    assert all(c.doc == "permit" for c in answer.citations)


def test_a_web_question_gets_the_sentence_with_the_address(engine):
    q = engine._understand("某市应急运输车辆通行证的办理结果在哪个网站看？", [])
    e = engine._evidence(q)
    first = engine._policy["permit"].sections[1]
    added = engine._contact_elsewhere(q, e, first, list(first.sentences))
    assert len(added) == 1 and "txz.example.gov.cn" in added[0][1].text


def test_a_phone_said_in_the_story_is_no_question_for_a_phone(engine):
    # 「客户天天打电话催货」 tells what happened; the question asks about the permit
    q = engine._understand("客户天天打电话催货，某市应急运输车辆要办理通行证吗？", [])
    e = engine._evidence(q)
    first = engine._policy["permit"].sections[1]
    assert engine._contact_elsewhere(q, e, first, list(first.sentences)) == []


def test_a_question_that_asks_for_no_contact_gets_none_added(engine):
    answer = engine.answer("某市应急运输车辆通行证由谁申报？")
    assert "13912345678" not in answer.text


def test_a_list_question_gets_the_items_after_the_sentence_that_opens_the_list(engine):
    answer = engine.answer("某省应急管理厅对抗疫物资提出的“三严格”是哪三条？")
    assert answer.citations[0].doc == "five"
    for item in ("严格使用范围", "严格回收管理", "严格管理责任"):
        assert item in answer.text, item


CHARITY = ("某市民政局关于加强疫情期间慈善捐赠管理的通知 一、规范募捐 慈善组织开展募捐要依法备案。\n"
           "二、咨询方式\n政策业务咨询服务：\n张海舟（65396033，13426396042）\n"
           "举报违法热线电话：84038110")


def test_a_quoted_label_line_brings_the_line_it_introduces(tmp_path_factory):
    from assistant.engine import _is_label
    assert _is_label("政策业务咨询服务：") and _is_label("联系方式:")
    assert not _is_label("现将有关事项通知如下，请各单位结合实际认真贯彻执行：") and not _is_label("：")
    engine = fake_engine_over(tmp_path_factory, documents_folder(tmp_path_factory, "label", {"charity": CHARITY}))
    answer = engine.answer("慈善捐赠的通知，政策业务咨询服务找谁？")
    assert "政策业务咨询服务：张海舟（65396033" in answer.text
