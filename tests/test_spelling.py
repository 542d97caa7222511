"""The homophone typo fixer: fixes typed-by-sound slips towards the documents' words, and nothing else."""

from __future__ import annotations

import pytest

from assistant.spelling import SpellingFixer
from index.tokenize import is_common_word

CORPUS = "不征收滞纳金。取消反担保要求。社保可以延迟3个月补缴。多张发票。交织在一起。"
VOCABULARY = ["滞纳金", "反担保", "社保", "多张", "交织", "发票"]


@pytest.fixture(scope="module")
def fixer():
    return SpellingFixer(VOCABULARY, CORPUS, is_common_word)


@pytest.mark.parametrize("typed, fixed", [
    ("社宝可以缓交吗", "社保可以缓交吗"),
    ("反单保还要不要了", "反担保还要不要了"),
    ("社保延期交有滞纳今吗", "社保延期交有滞纳金吗"),
])
def test_same_sound_slips_become_the_documents_words(fixer, typed, fixed):
    assert fixer.fix(typed) == fixed


@pytest.mark.parametrize("typed", [
    "施行期多长？",  # 多长 (duo zhang to pypinyin) is everyday language, not a slip for 多张
    "要交滞纳金吗",  # 滞 belongs to 滞纳金, which the documents contain, so 交滞 is not a slip for 交织
])
def test_everyday_words_and_parts_of_document_words_stay(fixer, typed):
    assert fixer.fix(typed) == typed


def test_to_is_typed_on_purpose():
    # 管道 is a word of the documents that sounds like 管到, but 到 is no slip
    fixer = SpellingFixer(["管道"], "燃气管道检修。", is_common_word)
    assert fixer.fix("这政策管到什么时候") == "这政策管到什么时候"


def test_no_before_a_verb_is_said_on_purpose():
    fixer = SpellingFixer(["补交", "补贴"], "可以补交。给予补贴。", is_common_word)
    assert fixer.fix("两个退休返聘的不交") == "两个退休返聘的不交"
    assert fixer.fix("社保不贴能拿多少") == "社保补贴能拿多少"  # 贴 alone is no verb said no to


def test_without_the_common_word_check_the_everyday_word_would_be_changed():
    # Shows the check above is what keeps 多长: the bare sound rule alone turns it into 多张.
    assert SpellingFixer(VOCABULARY, CORPUS).fix("施行期多长？") == "施行期多张？"


def test_characters_of_everyday_words_and_place_names_are_never_changed():
    from index.tokenize import is_place_name

    corpus = "新余市发布通知。全市企业。"
    fixer = SpellingFixer(["新余", "全市"], corpus, is_common_word, is_place_name)
    assert fixer.fix("以后重新预约要交费吗") == "以后重新预约要交费吗"  # 新预 is no slip for 新余: 预约 is a word
    assert fixer.fix("阳泉市的房租") == "阳泉市的房租"  # 泉市 is no slip for 全市: 阳泉 is a city
    fixer = SpellingFixer(["安定"], "社会安定。", is_common_word)
    assert fixer.fix("按定期定额交税") == "按定期定额交税"  # 按定 cuts through 定期: no slip for 安定
