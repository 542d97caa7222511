"""Home first, unless another document is clearly what the question is about; and which sentence answers.

Pure checks of doc_focus's coverage measure, then the engine over the seed plus two small documents (a canteen
guide, an elderly-care notice) on the fake embedder.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.doc_focus import answered_elsewhere, rarity, weighted_coverage
from assistant.engine import ANNOUNCES, ASKS_AMOUNT, MANY_DOCUMENTS, Engine, Tuning
from tests.conftest import documents_folder, fake_engine_over

CANTEEN = ("单位食堂新型冠状病毒感染的肺炎预防控制指引 一、错时就餐 单位食堂要安排职工轮流就餐、错时就餐，"
           "就餐期间要避免面对面就餐。 二、晨检 单位食堂应当坚持对从业人员进行每日晨检和体温监测。")
CARE_HOME = ("某市民政局关于做好养老机构疫情防控工作的通知 为做好疫情防控期间养老机构入住老年人防护工作，现就有关事项通知如下："
             " 一、测量体温 养老机构每天早晚各为入住老年人测量1次体温。 二、探视 疫情期间暂停家属探视。")


def test_rarity_weighs_words_fewer_documents_use_more():
    assert rarity(1, 600) > rarity(50, 600) > rarity(600, 600) == pytest.approx(0.0, abs=0.01)
    assert rarity(0, 600) > rarity(1, 600)  # a word no document uses: a topic none of them covers


def test_weighted_coverage_counts_the_words_a_text_uses():
    weights = {"食堂": 2.0, "职工": 0.5, "就餐": 1.5}
    assert weighted_coverage(("食堂", "职工", "就餐"), "职工就餐", weights) == pytest.approx(0.5)
    assert weighted_coverage((), "任何文字", weights) == 1.0


def test_answered_elsewhere_needs_weak_home_coverage_and_a_clearly_better_section():
    weights = {"食堂": 2.0, "就餐": 2.0, "职工": 0.1}
    words = ("食堂", "就餐", "职工")
    home_text, home_sections = "职工工资照发", ["职工工资照发"]
    canteen = ["单位食堂安排职工错时就餐"]
    assert answered_elsewhere(words, weights, home_text, home_sections, canteen, 0.33, 0.3)
    # The home documents use the rare words too: they cover the question, whatever the others hold.
    assert not answered_elsewhere(words, weights, "职工食堂就餐", home_sections, canteen, 0.33, 0.3)
    # Another document no better than the home one, or none at all: stay home.
    assert not answered_elsewhere(words, weights, home_text, home_sections, ["职工工资"], 0.33, 0.3)
    assert not answered_elsewhere(words, weights, home_text, home_sections, [], 0.33, 0.3)


def test_answered_elsewhere_counts_words_the_home_documents_never_use():
    # Rare shared words (职工, 恢复) keep the margin small; three words the home documents never write, all in
    # the other document's section, still say what the question is about.
    weights = {"职工": 2.0, "恢复": 2.0, "食堂": 1.0, "口罩": 1.0, "座位": 1.0}
    words = ("职工", "恢复", "食堂", "口罩", "座位")
    home_text = home = "职工恢复上岗"
    canteen = ["食堂：职工分散就餐，座位间隔，最后一刻才脱口罩"]
    assert not answered_elsewhere(words, weights, home_text, [home], canteen, 0.8, 0.3)  # margin 0.1 alone: stay
    assert answered_elsewhere(words, weights, home_text, [home], canteen, 0.8, 0.3, foreign_words=3)
    # Two such words are not enough at 3, nor are words the other document does not use either.
    assert not answered_elsewhere(words, weights, home_text, [home], ["食堂：职工分散就餐，座位间隔"], 0.8, 0.3,
                                  foreign_words=3)
    assert not answered_elsewhere(words, weights, home_text, [home], ["职工恢复上岗后分散就餐"], 0.8, 0.3,
                                  foreign_words=1)
    # The home documents' own coverage still comes first.
    assert not answered_elsewhere(words, weights, "职工恢复上岗，食堂", [home], canteen, 0.5, 0.3, foreign_words=3)


def test_questions_asking_for_a_count_or_a_deadline_want_a_figure():
    for question in ("每天要给老人量几次体温？", "最晚要在什么时间前登记？", "最迟哪一天报名？"):
        assert ASKS_AMOUNT.search(question), question
    assert not ASKS_AMOUNT.search("单位食堂能面对面就餐吗？")


def test_sentences_that_only_announce_what_follows_are_recognised():
    for sentence in ("现就有关事项通知如下：", "鉴于养老机构实行封闭式管理，制定如下指南：",
                     "现将《养老机构老年人就医指南》印发给你们，请参照执行。"):
        assert ANNOUNCES.search(sentence), sentence
    assert not ANNOUNCES.search("养老机构每天早晚各为入住老年人测量1次体温。")
    assert not ANNOUNCES.search("年营业收入300万元以下。")  # a threshold, not an announcement
    assert ANNOUNCES.search("现将有关事项明确以下几点：")


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    """The engine over the seed plus the two documents, and the same engine with the coverage check off."""
    folder = documents_folder(tmp_path_factory, "routing-extra", {"canteen": CANTEEN, "care-home": CARE_HOME})
    engine = fake_engine_over(tmp_path_factory, folder)
    never_elsewhere = Engine(engine.index, engine.settings, replace(MANY_DOCUMENTS, home_coverage=0.0),
                             home_docs=engine.home_docs, home_tuning=Tuning())
    return engine, never_elsewhere


QUESTION = "单位食堂职工就餐，要避免什么？"


def test_a_question_the_home_document_covers_only_in_common_words_goes_to_the_document_about_it(engines):
    engine, never_elsewhere = engines
    # The home document alone would answer it (its words 单位, 职工 are everywhere), not refuse …
    assert not engine._home.answer(QUESTION).refused
    assert never_elsewhere.answer(QUESTION).citations[0].doc == "taiyuan-2020-2"
    # … but the canteen guide uses its rare words (食堂, 就餐): it answers.
    answer = engine.answer(QUESTION)
    assert answer.citations[0].doc == "canteen" and "避免面对面就餐" in answer.text
    assert [h.section.doc for h in engine.retrieve(QUESTION)][:1] == ["canteen"]


def test_questions_the_home_document_covers_stay_home(engines, fake_engine):
    engine, _ = engines
    for question in ("房租能减免多少？", "缓缴社保找哪个部门？"):
        assert engine.answer(question).to_json()["citations"] == fake_engine.answer(question).to_json()["citations"]
    assert engine.answer("我租的国有门面月租2万，能减免多少？").calculation is not None
    # The calculator implements the home document's rules: its questions stay home whatever else they mention.
    assert engine.answer("我们单位食堂租的国有门面，月租2万，能减免多少？").calculation is not None


def test_the_rule_not_the_announcement_is_quoted(engines):
    engine, _ = engines
    answer = engine.answer("养老机构每天要给入住老年人测量几次体温？")
    assert answer.citations and answer.citations[0].doc == "care-home"
    assert "测量1次体温" in answer.text and "通知如下" not in answer.text
    # 养老 is also the seed calculator's pension rule; its request for figures belongs to the seed's answers only.
    assert "请告诉我" not in answer.text


def test_places_and_bodies_that_picked_the_document_do_not_pick_its_sentences(engines):
    # 「阜阳做小买卖的…银行会不会直接抽贷？」: 阜阳 found the document; inside it, 「徽商银行阜阳分行要…」 must not win
    # over the sentence about 抽贷 just because it names the city again. The same for a district or body named.
    engine, _ = engines
    care_home = engine._policy["care-home"]
    terms = engine._sentence_terms(care_home, "阜阳海陵区养老机构体温", named=("阜阳", "海陵区"))
    assert "体温" in terms and "阜阳" not in terms and not any(t in "海陵区" for t in terms)
    # a province the question did not use to pick the document stays (湖北籍 员工 is what it asks about)
    assert "湖北" in engine._sentence_terms(care_home, "湖北籍员工体温", named=("阜阳",))
    # a named body's own words stay: 税务局 in 「深圳市税务局」 is often the topic
    assert "税务局" in engine._sentence_terms(care_home, "税务局体温", named=("深圳市税务局",))
    assert "阜阳" in engine._home._sentence_terms(engine._home._policy["taiyuan-2020-2"], "阜阳体温")  # one document


def test_a_quoted_title_picks_the_documents_that_contain_it_over_a_place(engines):
    # gold ex-645 (dev): 「上海市交通委那份《上海市交通行业疫情防控工作措施》…」 went to another 上海 document
    engine, _ = engines
    question = "太原那份《单位食堂新型冠状病毒感染的肺炎预防控制指引》要求怎么就餐？"
    assert engine._focus(question).picked == frozenset({"canteen"})
    assert engine.answer(question).citations[0].doc == "canteen"
    # a title no document contains leaves the places to decide
    assert engine._focus("太原那份《火星移民工作措施》怎么说？").picked == frozenset({"taiyuan-2020-2"})


def test_a_runner_up_section_about_as_good_as_the_winner_is_quoted_too(engines):
    # The canteen guide's two items match 「单位食堂就餐晨检」 about equally: over many documents the runner-up's best
    # sentence is quoted after the winner's when it scores at least other_section_ratio of it.
    engine, _ = engines
    question = "单位食堂就餐晨检"
    alone = Engine(engine.index, engine.settings, replace(MANY_DOCUMENTS, other_section_ratio=0.0),
                   home_docs=engine.home_docs, home_tuning=Tuning()).answer(question)
    both = Engine(engine.index, engine.settings, replace(MANY_DOCUMENTS, other_section_ratio=0.5),
                  home_docs=engine.home_docs, home_tuning=Tuning()).answer(question)
    assert {c.doc for c in both.citations} == {"canteen"}
    assert len({c.clause for c in alone.citations}) == 1
    assert {c.clause for c in both.citations} == {"1", "2"}
    assert "错时就餐" in both.text and "晨检" in both.text
    never = Engine(engine.index, engine.settings, replace(MANY_DOCUMENTS, other_section_ratio=1.01),
                   home_docs=engine.home_docs, home_tuning=Tuning()).answer(question)
    assert (never.text, never.citations) == (alone.text, alone.citations)


ROUNDUP = ("人力资源社会保障部：各地出台惠企政策 近期，北京、天津等地人社部门出台援企稳岗举措，北京市阶段性减免社会保险费。"
           "天津市延长社保缴费期限。山东淄博第一批享受稳岗补贴政策企业共计737家，预计返还资金3900万元。"
           "广州近日天气晴好，市民出行方便。")


def test_a_place_no_document_is_from_picks_the_few_that_say_it_with_the_question_topic(tmp_path_factory):
    engine = fake_engine_over(tmp_path_factory, documents_folder(tmp_path_factory, "roundup",
                                                                 {"roundup": ROUNDUP, "canteen": CANTEEN}))
    question = "淄博第一批享受稳岗补贴的企业有多少家？"
    assert engine._said_with_topic(("淄博",), question) == frozenset({"roundup"})
    answer = engine.answer(question)
    assert not answer.refused and answer.citations[0].doc == "roundup" and "737家" in answer.text
    # 广州 is only said with the weather: its rent is no topic said with it
    assert engine._said_with_topic(("广州",), "广州的小微企业房租能减免吗？") == frozenset()


def test_whom_the_document_is_for_still_faces_the_scope_check(engines, fake_engine):
    # The kind of firm asking (夫妻店, 个体户) is what the closing answers; a topic no document has still refuses,
    # over the seed alone and over several documents.
    engine, _ = engines
    for e in (engine, fake_engine):
        assert e.answer("火星移民基地的好处，所有单位都能沾光吗？").refused
    a = fake_engine.answer("俺就是个夫妻店，个体户，这文件里那些好处俺能沾上边不？")
    assert not a.refused and a.intent == "eligibility"
