"""Which clauses of a question ask, and which words only set the scene (assistant.scene)."""

from __future__ import annotations

from assistant.scene import asked_part, asking_clauses, scene_words

STORY = "整个疫情我一分钱没挣，房东还天天打电话催租子。我那小门脸是跟街道上一家国有公司租的，合同里压根没写能免，我这仨月到底还得交多少？"


def test_the_clause_with_the_question_asks_and_the_story_does_not():
    asking, scene = asking_clauses(STORY)
    assert asking == ["我这仨月到底还得交多少？"]
    assert scene[0] == "整个疫情我一分钱没挣" and len(scene) == 4


def test_a_question_without_question_words_asks_in_every_clause():
    assert asking_clauses("房租减免，国有房产") == (["房租减免", "国有房产"], [])


def test_story_words_are_scene_but_words_of_the_ask_are_not():
    words = ("一分钱", "打电话", "街道", "仨月")
    assert scene_words(STORY, words) == ("一分钱", "打电话", "街道")


def test_a_word_in_the_story_and_in_the_ask_belongs_to_the_ask():
    q = "俺们是开饭店的，房租一直拖着没交，饭店的房租能减免吗？"
    assert "饭店" not in scene_words(q, ("饭店", "房租"))


def test_one_clause_before_the_ask_names_the_topic_and_is_no_scene():
    # 「饭店的燃气费和水费」 is what the question is about: its nouns must keep counting in full
    assert scene_words("饭店的燃气费和水费，疫情期间有减免吗？", ("燃气费", "水费")) == ()


def test_english_question_words_ask_too():
    asking, scene = asking_clauses("we rent from a state company, our boss asked me, how much can we save?")
    assert asking == ["how much can we save?"]


def test_greetings_and_thanks_are_neither_story_nor_question():
    q = "您好，饭店的燃气费和水费，疫情期间有减免吗？谢谢，麻烦了"
    assert scene_words(q, ("燃气费", "水费")) == ()


def test_a_request_asks_and_a_count_of_months_in_the_story_does_not():
    q = "这几个月生意不好，房东天天催，员工也走了，请介绍一下契税减免政策。"
    asking, scene = asking_clauses(q)
    assert asking == ["请介绍一下契税减免政策"] and "这几个月生意不好" in scene
    assert "契税" not in scene_words(q, ("契税", "生意"))


def test_the_asked_part_is_what_a_phone_question_is_checked_on():
    assert asked_part("客户天天打电话催货，要办理通行证吗？") == "要办理通行证吗？"
    assert asked_part("房租减免政策") == "房租减免政策"
