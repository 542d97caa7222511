"""The evals harness: metrics on tiny hand-made examples, a run on a few gold cases with the fake engine, compare."""

import json

import pytest

from corpus.records import Citation
from evals.gold_set import GoldCase, load_gold
from evals.metrics import (citation_precision, failed_checks, figure_stated, hit_at_k, is_figure,
                           numeric_exact, quotes_ok, reciprocal_rank, refusal_precision_recall, score_case,
                           summarize)
from evals.systems import BASELINE, VARIANTS, Reply


def case(**kw):
    base = dict(id="t-1", split="dev", category="numeric", question="月租2万能省多少？", history=(),
                expected_sections=("6",), required_facts=("50000元",), refused=False)
    return GoldCase(**{**base, **kw})


def cite(section, sentence, **kw):
    fields = dict(doc=section.doc, clause=section.id, title=section.title, quote=sentence.text,
                  start=sentence.start, end=sentence.end)
    return Citation(**{**fields, **kw})


def test_ranking_metrics():
    assert hit_at_k(["5", "1", "6"], ["6"]) and not hit_at_k(["5", "1", "2", "6"], ["6"])
    assert reciprocal_rank(["5", "6"], ["6", "7"]) == 0.5 and reciprocal_rank(["5"], ["6"]) == 0.0
    assert reciprocal_rank([], ["6"]) == 0.0


def test_citation_precision_counts_distinct_clauses():
    assert citation_precision(["6", "6", "5"], ["6"]) == 0.5
    assert citation_precision(["6", "6"], ["6", "7"]) == 1.0
    assert citation_precision([], ["6"]) is None


def test_quote_validity(policy):
    docs = {policy.doc: policy}
    rent = policy.section("6")
    first = rent.sentences[0]
    assert quotes_ok([cite(rent, first)], docs) is True
    assert quotes_ok([], docs) is None
    assert not quotes_ok([cite(rent, first, quote=first.text + "。")], docs)  # not the text at start:end
    assert not quotes_ok([cite(rent, first, clause="5")], docs)  # right text, but outside the cited section
    assert not quotes_ok([cite(rent, first, doc="other-doc")], docs)
    assert not quotes_ok([cite(rent, first, start=first.end, quote="")], docs)  # empty span


def test_figures_are_matched_verbatim():
    assert all(map(is_figure, ["25000元", "1500.5元", "0.2%", "2020年8月15日", "小型"]))
    assert not any(map(is_figure, ["6个月", "第三个月房租减半", "50%的比例"]))
    assert figure_stated("共减免25000元。", "25000元") and not figure_stated("共减免125000元", "25000元")
    assert not figure_stated("2.5万元", "25000元") and not figure_stated("共1.2%", "2%")
    assert figure_stated("属于小型企业；未达中型标准", "小型")
    assert not figure_stated("属于中型企业；小型须满足…", "小型")  # the first class named is the verdict
    assert numeric_exact("可少缴1000元，费率0.2%", ["0.2%", "1000元"]) is True
    assert numeric_exact("费率0.2%", ["0.2%", "1000元"]) is False
    assert numeric_exact("具体由双方协商", ["具体由双方协商"]) is None


def test_refusal_precision_recall():
    # (refused, expected): one true positive, one false positive, one false negative, one true negative
    assert refusal_precision_recall([(True, True), (True, False), (False, True), (False, False)]) == (0.5, 0.5)
    assert refusal_precision_recall([(False, False)]) == (None, None)


def test_score_case_and_summary(policy):
    docs = {policy.doc: policy}
    rent = policy.section("6")
    good = Reply("三个月共可减免房租50000元", False, (cite(rent, rent.sentences[0]),), ("6", "5"), 10.0)
    s = score_case(case(), good, docs)
    assert (s.top_citation, s.facts, s.numeric, s.quotes, s.hit3, s.rr, s.cite_precision) == (True,) * 5 + (1.0, 1.0)
    assert failed_checks(s) == ()
    refused = score_case(case(), Reply("现有文件没有涉及", True, (), ("5", "6"), 30.0), docs)
    assert failed_checks(refused) == ("refusal", "top-1", "facts", "figures") and refused.rr == 0.5
    out_of_scope = case(id="t-2", category="out_of_scope", expected_sections=(), required_facts=(), refused=True)
    wrongly_answered = score_case(out_of_scope, good, docs)
    assert wrongly_answered.top_citation is None and failed_checks(wrongly_answered) == ("refusal",)
    summary = summarize([s, refused, wrongly_answered])
    assert summary["top_citation"] == 0.5 and summary["mrr"] == 0.75 and summary["numeric"] == 0.5
    assert summary["refusal_precision"] == 0.0 and summary["refusal_recall"] == 0.0
    assert summary["correct"] == pytest.approx(1 / 3) and summary["latency_p50_ms"] == 10.0


@pytest.fixture(scope="module")
def report(fake_engine):
    from evals.run import evaluate, report_data
    from evals.systems import build_systems
    from index.embedder import FakeEmbedder
    from index.llama_baseline import PlainLlamaPipeline

    gold = load_gold()
    wanted = ["lookup", "numeric", "size", "followup", "out_of_scope"]
    cases = [next(c for c in gold if c.category == cat and c.split == sp) for cat in wanted for sp in ("dev", "test")]
    systems = build_systems(fake_engine, PlainLlamaPipeline(fake_engine.index, FakeEmbedder()))
    results = evaluate(systems, cases, {p.doc: p for p in fake_engine.index.policies})
    return report_data(results, {"generated": "test", "today": "2026-11-26"})


def test_harness_writes_every_system(report, tmp_path):
    from evals.report import console, write_report

    paths = write_report(report, tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == {"latest.md", "latest.json", "accuracy_dev.png",
                                                   "accuracy_test.png", "latency.png"}
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in paths.values() if p.suffix == ".png")
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    systems = [*VARIANTS, BASELINE]
    assert list(data["systems"]) == systems and list(data["cases"]) == systems
    assert all(len(data["cases"][s]) == 10 for s in systems)
    baseline = data["cases"][BASELINE]
    assert not any(row["refused"] for row in baseline) and all(len(row["cited"]) == 1 for row in baseline)
    md = paths["md"].read_text(encoding="utf-8")
    assert "Where the full system is still wrong" in md and "accuracy_test.png" in md and "| llama_top1 |" in md
    text = console(report, failures=True)
    assert "== test split (5 cases): all systems ==" in text and "dense_only" in text


def test_test_failures_stay_hidden_unless_revealed(report):
    from evals.report import failing, markdown

    hidden, revealed = markdown(report, {}), markdown(report, {}, reveal_test=True)
    for row in failing(report, "test"):
        assert row["id"] in hidden and f"Q: {row['question']}" not in hidden and f"Q: {row['question']}" in revealed
    for row in failing(report, "dev"):
        assert f"Q: {row['question']}" in hidden


def tiny_report(failed: dict[str, list[str]], top: float) -> dict:
    summary = {k: None for k in ("hit3", "mrr", "cite_precision", "quotes", "facts", "numeric", "refusal",
                                 "refusal_precision", "refusal_recall", "correct")}
    summary.update(cases=len(failed), top_citation=top, latency_p50_ms=10.0, latency_p95_ms=20.0)
    rows = [{"id": i, "split": "dev", "category": "lookup", "failed": f} for i, f in failed.items()]
    return {"splits": ["dev"], "systems": {"full": {"overall": {"dev": summary}}}, "cases": {"full": rows}}


def test_compare_lists_cases_and_metric_changes(tmp_path, capsys):
    from evals.__main__ import main

    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(tiny_report({"x": ["top-1"], "y": [], "z": ["facts"]}, 0.5)), encoding="utf-8")
    b.write_text(json.dumps(tiny_report({"x": [], "y": ["refusal"], "z": ["facts"]}, 0.75)), encoding="utf-8")
    assert main(["compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "+ x [dev/lookup] fixed top-1" in out and "- y [dev/lookup] now fails refusal" in out
    assert " z " not in out and "+25.0 pp" in out
    assert main(["compare", str(a), str(b), "--system", "nope"]) == 2
    assert "system must be one of ['full']" in capsys.readouterr().err


def test_bench_lookup_times_terms_and_questions(fake_engine):
    from assistant.lookup import Lookup
    from evals.bench import bench_lookup, render

    result = bench_lookup(Lookup(fake_engine.index), rounds=1)
    assert set(result) == {"terms", "questions"}
    assert result["terms"]["queries"] > 10 and 0 < result["terms"]["p50"] <= result["terms"]["max"]
    text = render({"questions": 1, "rounds": 1, "ours": {"p50": 1, "p95": 2, "top_citation": 1},
                   "llama_index": {"p50": 2, "p95": 3, "top_citation": 0.5}, "lookup": result})
    assert "lookup (terms:" in text and "lookup (questions:" in text


def test_scaled_corpus_copies_documents_with_variation(policy):
    from evals.bench_scale import render, scaled_corpus

    corpus = scaled_corpus([policy], 30)
    assert [p.doc for p in corpus] == ["taiyuan-2020-2", "taiyuan-2020-2~1", "taiyuan-2020-2~2"]
    assert sum(len(p.sections) for p in corpus) >= 30
    copy = corpus[1]
    assert "（第1批）" in copy.text and "山西省" not in copy.text  # another province named
    assert len({s.content_hash for p in corpus for s in p.sections}) == sum(len(p.sections) for p in corpus)
    row = {"size": 30, "sections": 36, "documents": 3, "sentences": 90, "distinct_sections": 30,
           "distinct_sentences": 80, "build_s": 2.0, "sections_per_s": 18.0, "p50_ms": 5.0, "p95_ms": 9.0, "peak_mb": 900}
    text = render([row], {"sections": 10, "sections_per_s": 6.0, "build_s": 1.7}, "onnx")
    assert "3.00× the plain path" in text and "     36" in text and " 30+80 " in text


def test_bench_scale_rejects_bad_sizes(capsys):
    from evals.__main__ import main

    assert main(["bench-scale", "--sizes", "1k"]) == 2
    assert "whole numbers" in capsys.readouterr().err
    assert main(["bench-scale", "--sizes", "0"]) == 2
