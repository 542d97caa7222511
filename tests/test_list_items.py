"""A quoted sentence that opens a list brings the list's items (engine.list_after), and one-character colloquial
words inside longer words (退休, 拖欠) are not read as themselves (lexicon)."""

from assistant.engine import list_after
from assistant.lexicon import document_terms, in_document_terms
from corpus.load import parse_policy

CHANNELS = ("关于某省纳税人办理发票寄递业务暂免邮费的通告 全省纳税人可以通过以下三种渠道网上办理发票申领业务： "
            "1.登录某省电子税务局； 2.关注“某省税务”微信公众号，访问“办税服务”功能； "
            "3.下载“某省税务”手机APP。选择邮寄方式领取的，邮政免费为您邮寄。")


def _sentence(policy, words):
    return next((sec, s) for sec in policy.sections for s in sec.sentences if words in s.text)


def test_a_list_opened_at_a_sections_end_brings_the_next_sections_items():
    policy = parse_policy("channels", CHANNELS)
    opener = _sentence(policy, "以下三种渠道")
    items = [s.text for _, s in list_after(policy, [opener])]
    assert any("电子税务局" in t for t in items) and any("微信公众号" in t for t in items)
    assert any("手机APP" in t for t in items)


def test_items_already_quoted_are_not_repeated():
    policy = parse_policy("channels", CHANNELS)
    opener, app = _sentence(policy, "以下三种渠道"), _sentence(policy, "手机APP")
    items = [s.text for _, s in list_after(policy, [opener, app])]
    assert not any("手机APP" in t for t in items) and len(items) == 2


def test_a_sentence_that_opens_the_whole_document_brings_nothing():
    policy = parse_policy("notice", "关于做好防疫的通知 现将有关事项通知如下： 一、做好防疫。二、保障供应。")
    opener = _sentence(policy, "通知如下")
    assert list_after(policy, [opener]) == []


def test_a_sentence_that_opens_no_list_brings_nothing():
    policy = parse_policy("channels", CHANNELS)
    assert list_after(policy, [_sentence(policy, "免费为您邮寄")]) == []


def test_one_character_words_inside_longer_words():
    assert "返还" not in document_terms("刚到退休年龄，养老金会补发吗") and "返还" not in in_document_terms("刚到退休年龄")
    assert "返还" in document_terms("失业保险能退多少")
    assert "延期" not in document_terms("工程款被拖欠了半年") and "延期" not in in_document_terms("工程款被拖欠")
    assert "延期" in document_terms("贷款能拖几个月吗")
