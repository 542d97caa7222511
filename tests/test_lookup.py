"""Lookup (hotline search) and the HTML the app renders from it: ranking, term spans, read-out lines, escaping."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from assistant import render
from assistant.compose import clause_name, read_out_line
from assistant.lookup import Lookup, LookupQueryError, departments, find_spans, search_terms
from corpus.records import Answer, Calculation, Citation

TITLE = "太原市人民政府关于应对新型冠状病毒感染肺炎疫情支持中小微企业发展的意见"


@pytest.fixture(scope="module")
def lookup(fake_engine):
    return Lookup(fake_engine.index)


def test_departments_come_from_the_corpus_in_order(policy):
    units = departments([policy])
    assert units[:3] == ("人行太原中心支行", "山西银保监局", "市金融办")
    assert "市人社局" in units and len(units) == len(set(units))
    assert set(units) == {u for s in policy.sections for u in s.units}


def test_find_spans_prefers_longer_terms_and_never_overlaps():
    assert find_spans("取消反担保要求，降低担保费率", ["担保", "反担保"]) == ((2, 5), (10, 12))
    assert find_spans("abc", ["", "x"]) == ()


@given(st.text(alphabet="反担保费率ab", max_size=30), st.lists(st.text(alphabet="反担保ab", min_size=1, max_size=3), max_size=4))
def test_find_spans_are_sorted_disjoint_and_exact(text, terms):
    spans = find_spans(text, terms)
    assert list(spans) == sorted(spans)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    assert all(text[s:e] in terms for s, e in spans)


def test_search_terms_drop_word_parts_and_map_colloquial_words(policy):
    assert search_terms("反担保", policy.text) == ("反担保",)
    assert search_terms("社保", policy.text) == ("社会保险",)
    assert search_terms("火星", policy.text) == ()


def test_search_ranks_the_clause_holding_the_term_first(lookup, policy):
    result = lookup.search("反担保")
    assert [h.section.id for h in result.hits] == ["3"]
    hit = result.hits[0]
    assert [hit.section.text[s:e] for s, e in hit.spans] == ["反担保"]
    assert hit.read_out == read_out_line(policy, policy.section("3"),
                                         "政府性融资担保机构提高业务办理效率，取消反担保要求，降低担保和再担保费率，帮助企业与金融机构对接，争取尽快放贷。")
    assert hit.clause == "第三条"


def test_search_in_traditional_script_and_with_department(lookup):
    result = lookup.search("減免房租", department="市国资委")
    assert result.hits and all("市国资委" in h.section.units for h in result.hits)
    assert result.hits[0].section.id == "6" and result.terms == ("减免", "房租")


def test_search_without_a_match_shows_nearest_with_a_note(lookup):
    result = lookup.search("火星移民")
    assert result.terms == () and len(result.hits) == 3 and "没有找到「火星移民」" in result.note


def test_empty_search_lists_the_document_and_unknown_department_lists_valid_ones(lookup, policy):
    assert [h.section.id for h in lookup.search("   ").hits] == [s.id for s in policy.sections]
    assert [h.section.id for h in lookup.sections("市人社局")] == ["4", "5", "8"]
    with pytest.raises(LookupQueryError, match="市人社局"):
        lookup.search("房租", department="市火星局")


def test_clause_names_read_out_as_a_person_says_them(policy):
    assert clause_name(policy.section("6")) == "第六条"
    assert clause_name(policy.section("10")) == "第十条"
    assert clause_name(policy.section("closing")) == "结语"
    assert read_out_line(policy, policy.section("6"), " 原文。 ") == f"依据《{TITLE}》第六条：原文。"


# -- rendering -------------------------------------------------------------------------------------------

def test_marked_escapes_text_and_marks_only_given_spans():
    out = render.marked("<b>反担保</b>&", [(3, 6), (4, 5), (9, 99)])
    assert out == '&lt;b&gt;<mark class="hit">反担保</mark>&lt;/b&gt;&amp;'


def test_citation_card_highlights_the_quote_inside_the_whole_section(policy):
    section = policy.section("6")
    sentence = section.sentences[1]
    card = render.citation_card(Citation(section.doc, "6", section.title, sentence.text, sentence.start, sentence.end,
                                         section.units), (policy, section))
    assert f'<mark class="quote">{sentence.text}</mark>' in card
    assert "<details" in card and "六、减免中小微企业房租" in card and "责任单位：" in card


def test_citation_card_with_a_wrong_offset_shows_no_false_highlight(policy):
    section = policy.section("6")
    card = render.citation_card(Citation(section.doc, "6", section.title, "并不在这里的句子。", section.start, section.start + 9),
                                (policy, section))
    assert 'class="quote"' not in card


def test_answer_html_escapes_everything_and_shows_steps_once():
    nasty = Citation(doc="d", clause="3", title="<b>标题</b>", quote='<script>alert("x")</script>', start=0, end=1,
                     units=("<img src=x onerror=alert(1)>",))
    calc = Calculation("rent_relief", {}, {}, ("第一步 <i>", "第二步"), "6")
    text = "合计 5万元\n计算过程：\n1. 第一步 <i>\n2. 第二步\n依据：……"
    out = render.answer_html(Answer(text=text, refused=False, citations=(nasty,), calculation=calc), lambda d, c: None)
    assert "<script>" not in out and "<img" not in out and "<b>" not in out and "<i>" not in out
    assert out.count("第一步") == 1 and out.count("第二步") == 1 and "依据：……" in out
    assert "&lt;b&gt;标题&lt;/b&gt;" in out and "责任单位：&lt;img" in out


def test_read_out_lines_join_quotes_of_one_clause(policy):
    s = policy.section("6")
    a, b = s.sentences[1], s.sentences[2]
    answer = Answer(text="…", refused=False, citations=(
        Citation(s.doc, "6", s.title, a.text, a.start, a.end), Citation(s.doc, "6", s.title, b.text, b.start, b.end),
        Citation("elsewhere", "1", "?", "不在语料里。", 0, 1)))
    lines = render.read_out_lines(answer, lambda d, c: (policy, policy.section(c)) if d == s.doc else None)
    assert lines == f"依据《{TITLE}》第六条：{a.text}{b.text}"


def test_lookup_html_escapes_the_query(lookup):
    out = render.lookup_html(lookup.search("<script>alert(1)</script><b>反担保</b>"))
    assert "<script>" not in out and "<b>" not in out and '<mark class="hit">反担保</mark>' in out
    assert "搜索「反担保」" in out
