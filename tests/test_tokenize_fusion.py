import pytest

from index.fusion import min_max, weighted_fusion
from index.tokenize import POLICY_TERMS, tokens


@pytest.mark.parametrize("text, expected", [
    ("企业养老保险费率降至16%", "16%"),
    ("可以延迟3个月补缴", "3个月"),
    ("力争2020年中小微企业信贷余额不低于2019年同期余额", "2019年"),
    ("返还其上年度实际缴纳失业保险费的50%", "50%"),
    ("2019 年同期", "2019"),
    ("费率降至１６％", "16%"),  # full-width digits fold
])
def test_numbers_survive_tokenization(text, expected):
    assert expected in tokens(text)


@pytest.mark.parametrize("term", ["中小微企业", "反担保", "滞纳金", "失业保险费", "城镇土地使用税", "责任单位"])
def test_policy_terms_stay_whole(term):
    assert term in POLICY_TERMS
    assert term in tokens(f"关于{term}的规定")


def test_search_mode_also_emits_parts_of_long_words():
    toks = tokens("贷款贴息")
    assert {"贷款", "贴息"} <= set(toks)


def test_stopwords_and_punctuation_are_dropped():
    assert tokens("的，了。吗？") == []


def test_min_max_and_weighted_fusion():
    assert min_max({}) == {}
    assert min_max({"a": 1.0, "b": 1.0}) == {"a": 0.0, "b": 0.0}
    assert min_max({"a": 1.0, "b": 3.0}) == {"a": 0.0, "b": 1.0}
    fused = weighted_fusion({"a": 0.9, "b": 0.1}, {"a": 0.0, "b": 5.0}, dense_weight=0.7)
    assert [k for k, _ in fused] == ["a", "b"]
    fused = weighted_fusion({"a": 0.9, "b": 0.1}, {"a": 0.0, "b": 5.0}, dense_weight=0.3)
    assert [k for k, _ in fused] == ["b", "a"]
    with pytest.raises(ValueError, match="dense_weight must be within"):
        weighted_fusion({}, {}, 1.5)



def test_top_k_matches_a_stable_full_sort_ties_included():
    import numpy as np

    from index.hybrid import top_k

    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(1, 60))
        scores = rng.integers(0, 6, n).astype(np.float32)  # few distinct values: many ties
        for k in (1, 3, 5, n, n + 2):
            assert top_k(scores, k).tolist() == np.argsort(-scores, kind="stable")[:k].tolist()
    assert top_k(np.array([1.0, 2.0], dtype=np.float32), 0).tolist() == []
    with_nan = np.array([0.5, np.nan, 0.9, np.nan], dtype=np.float32)
    assert top_k(with_nan, 3).tolist() == np.argsort(-with_nan, kind="stable")[:3].tolist()


def test_place_names_include_a_place_inside_an_organisation_word():
    from index.tokenize import place_names

    assert place_names("香港特区政府的防疫抗疫基金") == ["香港"]
    assert place_names("太原市人民政府的意见") == ["太原市"]
    assert place_names("中国人民银行的再贷款") == []
    assert place_names("我是北京大学毕业生") == [] and place_names("上海证券交易所上市公司") == []


def test_cities_jieba_tags_as_other_nouns_are_places_but_not_everyday_words():
    from index.tokenize import place_names
    assert place_names("长治的饭店能减免吗") == ["长治"]  # jieba: 'n'
    assert place_names("阳泉的饭店能减免吗") == ["阳泉"]  # jieba: 'nr'
    assert place_names("大同小异") == [] and place_names("大同的饭店") == []  # 大同 is 'd': too often no place


def test_a_measure_word_after_a_numeral_starts_no_place_name():
    from index.tokenize import place_names

    assert place_names("正月里一天门都没开") == []  # 一天 + 门, not the city 天门
    assert place_names("我在天门开店") == ["天门"]
