"""The vector store and its manifest, on the fake embedder (fast; real Chroma, persistent, in tmp)."""

import json

import numpy as np
import pytest

from corpus import load_corpus
from index.embedder import FakeEmbedder
from index.hybrid import open_index
from index.generations import read_current
from tests.conftest import SEED


def served_manifest(data_dir):
    """The manifest of the generation data_dir/CURRENT names."""
    return read_current(data_dir).manifest


@pytest.fixture()
def policies():
    return load_corpus(SEED.parent)


def test_build_is_idempotent_and_reused(tmp_path, policies):
    first = open_index(policies, FakeEmbedder(), tmp_path)
    assert first.report.rebuilt_from_scratch and first.report.added == 12
    second = open_index(policies, FakeEmbedder(), tmp_path)
    assert not second.report.rebuilt_from_scratch
    assert second.report.added == 0 and second.report.removed == 0
    manifest = served_manifest(tmp_path)
    assert manifest.sections == 12 and manifest.model == "fake-bigram-64" and manifest.dimensions == 64


def test_model_change_rebuilds_and_says_why(tmp_path, policies):
    open_index(policies, FakeEmbedder(64), tmp_path)
    messages = []
    again = open_index(policies, FakeEmbedder(32), tmp_path, progress=messages.append)
    assert again.report.rebuilt_from_scratch
    assert any("fake-bigram-64" in r and "fake-bigram-32" in r for r in again.report.reasons)
    assert messages and "out of date" in messages[0]
    assert served_manifest(tmp_path).dimensions == 32


def test_corpus_change_embeds_only_what_changed(tmp_path, policies):
    from corpus import parse_policy

    open_index(policies, FakeEmbedder(), tmp_path)
    raw = SEED.read_text(encoding="utf-8").replace("不得盲目抽贷", "不得随意抽贷")
    changed = (parse_policy("taiyuan-2020-2", raw),)
    again = open_index(changed, FakeEmbedder(), tmp_path)
    assert not again.report.rebuilt_from_scratch
    assert again.report.added == 1 and again.report.removed == 1
    assert any("corpus_hash" in r for r in again.report.reasons)


def test_adding_a_document_embeds_only_its_sections(tmp_path, policies):
    from corpus import parse_policy

    open_index(policies, FakeEmbedder(), tmp_path)
    news = parse_policy("news-1", "新华社北京2月10日电 人社部发布通知，阶段性减免企业社会保险费。中小微企业三项社保单位缴费"
                                  "免征期限不超过5个月。大型企业减半征收，期限不超过3个月。")
    messages: list[str] = []
    again = open_index((*policies, news), FakeEmbedder(), tmp_path, progress=messages.append)
    assert not again.report.rebuilt_from_scratch
    assert again.report.added == len(news.sections) and again.report.removed == 0
    assert any(m.startswith(f"embedding {len(news.sections)} sections") for m in messages)
    assert [h.section.doc for h in again.search("社保单位缴费免征期限", k=1)] == ["news-1"]


def test_corrupt_manifest_is_reported_and_the_index_built_again(tmp_path, policies):
    first = open_index(policies, FakeEmbedder(), tmp_path)
    manifest = tmp_path / first.report.generation / "manifest.json"
    manifest.write_text("{not json", encoding="utf-8")
    messages: list[str] = []
    again = open_index(policies, FakeEmbedder(), tmp_path, progress=messages.append)
    assert any(str(manifest) in m and "corrupt" in m for m in messages)
    assert again.report.rebuilt_from_scratch and again.report.generation != first.report.generation
    assert served_manifest(tmp_path).sections == 12  # readable again


def test_manifest_records_segmenter_version(tmp_path, policies):
    from corpus import SEGMENTER_VERSION

    open_index(policies, FakeEmbedder(), tmp_path)
    data = json.loads((tmp_path / read_current(tmp_path).name / "manifest.json").read_text(encoding="utf-8"))
    assert data["segmenter_version"] == SEGMENTER_VERSION


def test_search_ranks_the_obvious_section_first(tmp_path, policies):
    index = open_index(policies, FakeEmbedder(), tmp_path)
    assert index.search("取消反担保要求", k=3)[0].section.id == "3"
    assert index.search("城镇土地使用税困难减免", k=3)[0].section.id == "7"


def test_embed_all_keeps_order_and_reports_rate_and_eta():
    from index.embedder import FakeEmbedder
    from index.store import EMBED_CHUNK, embed_all, progress_line

    texts = [("长" * (i % 37)) + str(i) for i in range(EMBED_CHUNK + 40)]
    lines: list[str] = []
    vectors = embed_all(FakeEmbedder(), texts, "sections", lines.append)
    assert np.allclose(vectors, FakeEmbedder().encode(texts))
    assert len(lines) == 2 and lines[-1].startswith(f"sections [{'#' * 20}] {len(texts)}/{len(texts)}")
    assert progress_line("sentences", 50, 200, 2.0) == "sentences [#####---------------] 50/200  25.0/s  ETA 0:06"


def test_embed_all_embeds_a_repeated_text_once():
    from index.embedder import FakeEmbedder
    from index.store import embed_all

    class Counting(FakeEmbedder):
        seen: list[str] = []

        def encode(self, texts):
            self.seen.extend(texts)
            return super().encode(texts)

    texts = ["特此通知。", "免收房租。", "特此通知。", "减半收取。", "免收房租。"]
    embedder = Counting()
    vectors = embed_all(embedder, texts, "sentences", lambda line: None)
    assert sorted(embedder.seen) == sorted(set(texts))  # three texts embedded, not five
    assert np.allclose(vectors, FakeEmbedder().encode(texts))  # and every position still gets its text's vector
    assert embed_all(embedder, [], "sentences", lambda line: None).shape[0] == 0
