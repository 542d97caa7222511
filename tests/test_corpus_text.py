"""The corpus's character-pair index answers exactly as a substring search through the joined texts would."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from assistant.corpus_text import CorpusText
from assistant.doc_focus import FocusIndex, _plain
from corpus.load import parse_policy

ALPHABET = "企业房租减免税费社保ab1"
texts = st.lists(st.text(alphabet=ALPHABET, max_size=40), max_size=12)
words = st.text(alphabet=ALPHABET + "x", max_size=6)  # x: a character no text uses


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(words, min_size=1, max_size=20))
def test_contains_and_document_counts_match_a_substring_search(docs, asked):
    corpus = CorpusText(docs)
    for word in asked:
        assert (word in corpus) == (word in "\n".join(docs)), word
        assert corpus.documents_with(word) == sum(word in d for d in docs), word


def test_real_text_and_edge_cases():
    corpus = CorpusText(["太原市人民政府关于应对新型冠状病毒", "减免房租，中小微企业", "", "企业企业企业A"])
    assert "房租" in corpus and "新型冠状病毒" in corpus and "企业企" in corpus
    assert "阳全市" not in corpus and "😀" not in corpus and "中小微企业发展" not in corpus
    assert corpus.documents_with("企业") == 2 and corpus.documents_with("A") == 1 and corpus.documents_with("") == 4
    assert "x" not in CorpusText([]) and CorpusText([]).documents_with("x") == 0


NUMBERS = ["发改价格〔2020〕258号", "晋政办发〔2020〕8号", "并政发〔2020〕2号", "国办发明电〔2020〕6号", "京政发[2020]7号"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NUMBERS), max_size=3), st.text(alphabet="关于电费 []〔〕（）号2", max_size=12))
def test_a_document_number_is_found_wherever_a_substring_search_finds_it(written, noise):
    policies = [parse_policy(f"doc{i}", f"通知\n{n}\n正文。") for i, n in enumerate(NUMBERS)]
    assert all(_plain(p.doc_number) == _plain(n) for p, n in zip(policies, NUMBERS))
    question = noise.join(written) + "里怎么说？"
    expected = {p.doc for p in policies if _plain(p.doc_number) in _plain(question)}
    assert FocusIndex(policies).numbered(question) == expected
