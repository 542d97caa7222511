"""The scope decision on hand-made feature vectors: no model, no index."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pytest

from assistant.scope import MODEL, ScopeFeatures, ScopeModel, noun_coverage, out_of_scope, scope_features, word_tag


def features(**kw) -> ScopeFeatures:
    base = dict(has_topic=True, foreign=False, other_instrument=False, noun_coverage=1.0, best_bm25=5.0, top_bm25=5.0, top_dense=0.8)
    base.update(kw)
    return ScopeFeatures(**base)


# -- noun coverage ---------------------------------------------------------------------------------------
def test_coverage_of_no_words_is_full():
    assert noun_coverage([]) == 1.0


def test_a_missing_noun_counts_fully():
    # 住房 (missing) + 基金 (known) + 缓缴 (known, 'x' = added policy term): 1 - 1 / 3
    assert noun_coverage([("n", False), ("n", True), ("x", True)]) == pytest.approx(2 / 3)


def test_a_missing_verb_barely_counts():
    # 担保 (v, known) 费率 (n, known) 太贵 … 便宜 (a, missing): nouns decide, the adjective costs 0.1 of its 0.5
    value = noun_coverage([("v", True), ("n", True), ("a", False)])
    assert value == pytest.approx(1 - 0.1 / (1 + 0.5 + 0.5))
    assert value > noun_coverage([("v", True), ("n", True), ("n", False)])


def test_only_missing_verbs_still_lower_coverage():
    # 「怎么减肥」: nothing the corpus knows, so coverage is below 1 even though no noun is missing
    assert noun_coverage([("v", False)]) == pytest.approx(1 - 0.1 / 0.5)


def test_locatives_are_not_nouns():
    # 区里 ('s') missing in 「技改的钱市里早拨到区里了」 should not count like a missing topic noun
    assert noun_coverage([("l", True), ("s", False)]) > noun_coverage([("l", True), ("n", False)])


def test_a_missing_noun_of_the_story_counts_less_than_one_of_the_ask():
    # 「…房东还天天打电话催租子…我这仨月到底还得交多少？」: 打电话 (story, missing) vs. 契税 (asked about, missing)
    words = [("n", True), ("n", False)]
    story = noun_coverage(words, scene=[False, True])
    assert story == pytest.approx(1 - 0.3 / (1 + 0.5))
    assert noun_coverage(words) < story < 1.0
    assert noun_coverage(words, scene=[False, False]) == noun_coverage(words)


def test_scene_words_reach_the_coverage_from_the_evidence():
    ev = _Evidence(hits=(_Hit(0.8, 2.0),), topical=("业主", "打电话"), scene=("打电话",))
    plain = _Evidence(hits=(_Hit(0.8, 2.0),), topical=("业主", "打电话"))
    known = lambda w: w == "业主"  # noqa: E731
    assert scope_features(ev, known).noun_coverage > scope_features(plain, known).noun_coverage


def test_coverage_weights_come_from_the_model():
    strict = ScopeModel(missing_other_weight=1.0, other_weight=1.0)
    assert noun_coverage([("v", False), ("n", True)], strict) == pytest.approx(0.5)


# -- the decision ----------------------------------------------------------------------------------------
def test_fully_covered_strong_match_is_answered():
    assert not out_of_scope(features())


def test_no_topic_is_refused():
    assert out_of_scope(features(has_topic=False))


def test_foreign_place_or_year_is_refused():
    assert out_of_scope(features(foreign=True))


def test_nothing_matched_and_far_off_is_refused():
    assert out_of_scope(features(top_bm25=0.0, best_bm25=0.0, top_dense=0.55))
    assert not out_of_scope(features(top_bm25=0.0, best_bm25=3.0, top_dense=0.7))


def test_uncovered_question_with_weak_match_is_refused():
    # 「个人所得税税率是多少?」: no topical noun in the corpus, BM25 ~1
    assert out_of_scope(features(noun_coverage=0.0, best_bm25=0.96, top_bm25=0.96, top_dense=0.75))


def test_half_covered_question_depends_on_lexical_match():
    # a colloquial question about a covered clause (技改资金 … 口罩 生产线) vs. one about another topic
    assert not out_of_scope(features(noun_coverage=0.5, best_bm25=5.7))
    assert out_of_scope(features(noun_coverage=0.5, best_bm25=1.0))


def test_refusal_is_monotone_in_both_signals():
    for cov in (0.0, 0.25, 0.5, 0.75, 1.0):
        for bm in (0.0, 0.5, 1.0, 2.0, 4.0, 8.0):
            f = features(noun_coverage=cov, best_bm25=bm)
            if out_of_scope(f):
                assert out_of_scope(features(noun_coverage=max(0.0, cov - 0.25), best_bm25=bm))
                assert out_of_scope(features(noun_coverage=cov, best_bm25=bm / 2))


def test_score_matches_written_coefficients():
    f = features(noun_coverage=0.6, best_bm25=2.0)
    expected = MODEL.w_coverage * 0.6 + MODEL.w_log_bm25 * math.log1p(2.0) + MODEL.bias
    assert MODEL.score(f) == pytest.approx(expected)
    assert out_of_scope(f) == (expected >= 0)


def test_a_different_model_can_be_passed():
    always = replace(MODEL, w_coverage=0.0, w_log_bm25=0.0, bias=1.0)
    assert out_of_scope(features(), always)


# -- features from an Engine's evidence -------------------------------------------------------------------
@dataclass
class _Hit:
    dense: float | None
    lexical: float | None


@dataclass
class _Evidence:
    hits: tuple
    topical: tuple
    foreign_places: tuple = ()
    foreign_years: tuple = ()
    absent_terms: tuple = ()
    scene: tuple = ()


def test_scope_features_from_evidence():
    corpus = "社会保险费可延迟缴纳 缓缴 基金"
    ev = _Evidence(hits=(_Hit(0.79, 0.96), _Hit(0.70, 2.5), _Hit(0.6, None)), topical=("住房", "基金", "缓缴"))
    f = scope_features(ev, lambda w: w in corpus)
    assert f.has_topic and not f.foreign
    assert f.noun_coverage == pytest.approx(2 / 3)
    assert f.best_bm25 == 2.5 and f.top_bm25 == 0.96 and f.top_dense == 0.79


def test_scope_features_foreign_and_empty():
    f = scope_features(_Evidence(hits=(_Hit(None, None),), topical=(), foreign_years=("2023",)), lambda w: True)
    assert f.foreign and not f.has_topic and f.best_bm25 == 0.0 and f.top_dense == 0.0
    assert out_of_scope(f)


def test_an_instrument_the_documents_never_name_refuses_even_with_every_word_known():
    full_match = features(noun_coverage=1.0, best_bm25=9.0, top_bm25=9.0)
    assert not out_of_scope(full_match)
    assert out_of_scope(replace(full_match, other_instrument=True))
    ev = _Evidence(hits=(_Hit(0.8, 9.0),), topical=("创业", "担保", "贷款"), absent_terms=("创业担保贷款",))
    assert scope_features(ev, lambda w: True).other_instrument


def test_word_tag_is_the_words_own_dictionary_tag():
    assert word_tag("住房").startswith("n")
    assert word_tag("沾光").startswith("v")
    assert word_tag("缓缴") == "x"  # a policy term the project adds to jieba
