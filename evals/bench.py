"""Warm answer latency over the gold questions: our engine vs a plain llama-index pipeline, in one run.

Both run on the same Chroma store and the same model; each question is answered once per round, rounds
interleave the two pipelines so machine noise hits both alike. Reports medians and the ratio.
"""

from __future__ import annotations

import time
from statistics import median

from evals.gold_set import load_gold
from evals.metrics import percentile, top_citation_ok


def bench(engine, baseline, rounds: int = 5) -> dict:
    cases = [c for c in load_gold() if not c.refused]
    questions = [(c, list(c.history)) for c in cases]
    for c, h in questions[:5]:  # warm both: model sessions, caches, lazy imports
        engine.answer(c.question, h)
        baseline.top_section(c.question)
    ours, theirs = [], []
    for _ in range(rounds):
        for c, h in questions:
            t = time.perf_counter()
            engine.answer(c.question, h)
            ours.append((time.perf_counter() - t) * 1000)
            # The plain pipeline has no notion of history: it sees the question alone, as llama-index would.
            t = time.perf_counter()
            baseline.top_section(c.question)
            theirs.append((time.perf_counter() - t) * 1000)
    acc_ours = sum(top_citation_ok([x.clause for x in engine.answer(c.question, h).citations], c.expected_sections)
                   for c, h in questions) / len(questions)
    acc_base = 0
    for c, _ in questions:
        s = baseline.top_section(c.question)
        acc_base += bool(s and s.id in c.expected_sections)
    return {
        "questions": len(questions), "rounds": rounds,
        "ours": {"p50": median(ours), "p95": percentile(ours, 95), "top_citation": acc_ours},
        "llama_index": {"p50": median(theirs), "p95": percentile(theirs, 95), "top_citation": acc_base / len(questions)},
    }


def bench_lookup(lookup, rounds: int = 5) -> dict:
    """Hotline search latency: the policy terms a caller names (反担保, 滞纳金 …) and whole gold questions."""
    from index.tokenize import POLICY_TERMS

    kinds = {"terms": list(POLICY_TERMS), "questions": [c.question for c in load_gold()]}
    lookup.search(kinds["terms"][0])  # warm
    out = {}
    for kind, queries in kinds.items():
        times = []
        for _ in range(rounds):
            for q in queries:
                t = time.perf_counter()
                lookup.search(q)
                times.append((time.perf_counter() - t) * 1000)
        out[kind] = {"queries": len(queries), "p50": median(times), "p95": percentile(times, 95),
                     "max": max(times)}
    return out


def render(result: dict) -> str:
    o, b = result["ours"], result["llama_index"]
    lookup = [f"lookup ({kind}: {r['queries']} × {result['rounds']}): p50 {r['p50']:.2f}  p95 {r['p95']:.2f}  "
              f"max {r['max']:.2f} ms" for kind, r in result.get("lookup", {}).items()]
    return "\n".join([
        f"warm answer latency over {result['questions']} answerable gold questions × {result['rounds']} rounds (ms)",
        f"{'pipeline':<28}{'p50':>8}{'p95':>8}{'top-1 cite':>12}",
        f"{'ours (hybrid, onnx)':<28}{o['p50']:>8.2f}{o['p95']:>8.2f}{o['top_citation'] * 100:>11.1f}%",
        f"{'plain llama-index (top-1)':<28}{b['p50']:>8.2f}{b['p95']:>8.2f}{b['top_citation'] * 100:>11.1f}%",
        f"ratio ours/llama-index p50: {o['p50'] / b['p50']:.2f}",
        *lookup,
    ])
