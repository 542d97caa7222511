"""Asked for a phone number or a web address the quoted sentences do not give, the answer adds the document's
sentence that gives one (engine._contact_elsewhere), on the fake embedder over the seed plus a small notice."""

from __future__ import annotations

import pytest

from assistant.engine import ASKS_WEB, STATES_PHONE, STATES_WEB
from assistant.settings import load_settings
from tests.conftest import TODAY

NOTICE = ("某市交通运输局关于办理应急运输车辆通行证的通告 一、办理范围 从事应急运输任务的车辆均要办理通行证，由承运单位向"
          "市交通运输局申报。 二、办理方式 申报材料经审核后统一办理，办理结果在线公布，网址为txz.example.gov.cn。"
          " 三、其他 本通告自发布之日起施行。 2020年2月10日 （联系人：王五；联系电话：13912345678）")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from assistant.runtime import build_engine
    from index.embedder import FakeEmbedder

    folder = tmp_path_factory.mktemp("contacts")
    (folder / "permit.txt").write_text(NOTICE, encoding="utf-8")
    cfg = load_settings(data_dir=tmp_path_factory.mktemp("contacts-index"), extra_corpus_dir=folder, today=TODAY)
    return build_engine(cfg, embedder=FakeEmbedder())


def test_phone_numbers_of_every_usual_form_are_recognised():
    for text in ("联系电话：13912345678", "0771—5860326", "0851-86822440", "请拨打12345", "电话83878729"):
        assert STATES_PHONE.search(text), text
    for text in ("共1000000元", "2020年2月10日", "10000人"):
        assert not STATES_PHONE.search(text), text


def test_web_questions_and_addresses():
    assert ASKS_WEB.search("那个免费上网课的国家平台网址是啥？") and ASKS_WEB.search("在哪个平台上填？")
    assert not ASKS_WEB.search("电话多少？")
    assert STATES_WEB.search("登录ykt.eduyun.cn即可") and not STATES_WEB.search("按规定办理")


def test_a_phone_question_gets_the_contact_line_from_the_end_of_the_notice(engine):
    answer = engine.answer("某市应急运输车辆通行证怎么申报？联系电话多少？")
    assert answer.citations[0].doc == "permit"
    assert "13912345678" in answer.text and "王五" in answer.text  # the line split at its semicolon, whole
    assert all(c.doc == "permit" for c in answer.citations)


def test_a_web_question_gets_the_sentence_with_the_address(engine):
    answer = engine.answer("某市应急运输车辆通行证的办理结果在哪个网站看？网址是啥？")
    assert "txz.example.gov.cn" in answer.text


def test_a_question_that_asks_for_no_contact_gets_none_added(engine):
    answer = engine.answer("某市应急运输车辆通行证由谁申报？")
    assert "13912345678" not in answer.text
