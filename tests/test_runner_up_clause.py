"""Over many documents, what a runner-up clause of the answering document adds, and which lines are not quotes.

The engine over the seed plus a small funding notice on the fake embedder; pure checks of the heading-line rule.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.compose import is_heading_line
from assistant.engine import ASKS_DOC_NUMBER, MANY_DOCUMENTS, STATES_DOC_NUMBER, Engine, Tuning
from corpus.records import Section, Sentence
from tests.conftest import documents_folder, fake_engine_over

FUNDS = ("某市财政局关于疫情防控经费保障政策的通知 某财社〔2020〕2号 "
         "一、落实患者救治费用补助政策。 对于确诊患者发生的医疗费用，个人负担部分由财政给予补助。"
         "所需资金由地方财政先行支付，市财政对区财政按实际发生费用的60%予以补助。 "
         "二、临时性工作补助。 对于直接接触确诊患者的医务人员，市财政按照每人每天300元予以补助。"
         "补助资金由区财政先行垫付，市财政与区财政据实结算。 "
         "三、加强资金管理。 各区要按照省财政厅疫情防控资金管理办法的要求，管好用好疫情防控资金。"
         "各区财政局要加强资金监管，确保专款专用。各区审计局要开展专项审计，结果报市政府。其全文另见某财办〔2020〕9号。")


def _section(heading: str, *texts: str) -> Section:
    sentences, at = [], 0
    for text in texts:
        sentences.append(Sentence(text=text, start=at, end=at + len(text)))
        at += len(text)
    return Section(doc="d", id="1", title=heading.split("、", 1)[-1], heading_path=(heading,), text="".join(texts),
                   start=0, end=at, body="".join(texts[1:]), units=(), sentences=tuple(sentences))


def test_a_short_heading_line_before_the_clause_text_is_not_a_quote():
    clause = _section("一、落实患者救治费用补助政策", "一、落实患者救治费用补助政策。", "个人负担部分由财政给予补助。")
    assert is_heading_line("一、落实患者救治费用补助政策。", clause)
    assert is_heading_line("一、落实患者救治费用补助政策", clause)
    assert not is_heading_line("个人负担部分由财政给予补助。", clause)


def test_a_heading_line_that_states_a_rule_or_is_the_whole_clause_is_quoted():
    rule = "五、严禁单位食堂对外承接宴席和开展其他经营性服务行为"
    long_heading = _section(rule, f"{rule}。", "违者依法处理。")
    assert not is_heading_line(f"{rule}。", long_heading)
    alone = _section("二、探视", "二、探视。")
    assert not is_heading_line("二、探视。", alone)
    # a heading standing alone, with no stop, is never a quote, however short (a bare 「1.」 item number)
    assert is_heading_line("1.", _section("1.", "1.", "企业应当做好防护。"))


def test_a_question_asking_for_a_document_number_wants_the_sentence_that_writes_one():
    assert ASKS_DOC_NUMBER.search("山东原文件的文号是什么？")
    assert not ASKS_DOC_NUMBER.search("这份通知讲了什么？")
    assert not ASKS_DOC_NUMBER.search("没有文号的通知还算数吗？")
    for written in ("（鲁政办字〔2020〕17号，以下简称", "肺炎机制发﹝2020﹞21号", "京政办发[2020]7号",
                    "财政部 税务总局公告2020年第8号", "商务部令2014年第3号"):
        assert STATES_DOC_NUMBER.search(written), written
    for other in ("2020年2月17号起执行", "位于（2020）5号楼", "园区(2020)12号院"):
        assert not STATES_DOC_NUMBER.search(other), other


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    folder = documents_folder(tmp_path_factory, "runner-up", {"funds": FUNDS})
    return fake_engine_over(tmp_path_factory, folder)


def _with(engine, **changes) -> Engine:
    return Engine(engine.index, engine.settings, replace(MANY_DOCUMENTS, **changes), home_docs=engine.home_docs,
                  home_tuning=Tuning())


# item 二 wins on the second part; item 一 is the runner-up, whose rule and figure are two sentences
QUESTION = "确诊患者个人负担的医疗费，地方财政先行支付后，市财政按多大比例补助？医务人员的补助资金由谁先行垫付、怎么结算？"


def test_a_runner_up_clause_brings_its_further_sentences_as_the_winner_does(engine):
    answer = _with(engine).answer(QUESTION)
    assert [c.clause for c in answer.citations] == ["2", "2", "1", "1"]
    assert "据实结算" in answer.text  # the winner's
    assert "个人负担部分由财政给予补助" in answer.text and "60%" in answer.text  # the runner-up's rule and figure
    assert "一、落实患者救治费用补助政策。" not in [c.quote for c in answer.citations]  # a heading answers nothing
    item = next(s for s in engine.index.sections if s.doc == "funds" and s.id == "1")
    assert "一、落实患者救治费用补助政策。" in [s.text for s in item.sentences]
    quotable = engine._quotable_scores(item, engine.index.embed_query(QUESTION), ["补助"])
    assert "一、落实患者救治费用补助政策。" not in [s.sentence.text for s in quotable]
    # without the runner-up, the first part's own best sentence elsewhere (parts by meaning) gives the rule alone
    alone = _with(engine, other_section_ratio=0.0).answer(QUESTION)
    assert "60%" not in alone.text


def test_asked_for_a_document_number_the_sentence_writing_it_is_quoted(engine):
    # 「文号是什么」 asks no amount, so only the number bonus brings the line that writes it
    asked = "省财政厅那个疫情防控资金管理办法，文号是什么？"
    assert "某财办〔2020〕9号" in _with(engine).answer(asked).text
    assert "某财办〔2020〕9号" not in _with(engine, doc_number_bonus=0.0).answer(asked).text
