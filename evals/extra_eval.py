"""Score the assistant on the multi-document gold set (evals/gold/extra.jsonl) over corpus-extra.

Per case: is the first cited document one of the expected ones (right document first), are all required facts
in the answer (whitespace ignored), was it refused exactly when it should be. Pure scoring; `run_extra` asks.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from statistics import median
from typing import Callable, Sequence

from corpus.records import Answer
from evals.extra_gold import ExtraCase
from evals.metrics import facts_ok, percentile, rate

@dataclass(frozen=True)
class ExtraScore:
    case: ExtraCase
    cited_docs: tuple[str, ...]
    answer: str
    refused: bool
    right_doc: bool | None  # None for cases that should be refused
    facts: bool | None
    refusal: bool
    latency_ms: float

    @property
    def correct(self) -> bool:
        return self.refusal and self.right_doc is not False and self.facts is not False


def score_extra(case: ExtraCase, answer: Answer, latency_ms: float) -> ExtraScore:
    cited = tuple(dict.fromkeys(c.doc for c in answer.citations))
    answerable = not case.refused
    right = (bool(cited) and cited[0] in case.expected_docs and not answer.refused) if answerable else None
    facts = (facts_ok(answer.text, case.required_facts) and not answer.refused) if answerable else None
    return ExtraScore(case, cited, answer.text, answer.refused, right, facts, answer.refused == case.refused, latency_ms)


def summarize_extra(scores: Sequence[ExtraScore]) -> dict:
    latencies = [s.latency_ms for s in scores]
    return {
        "cases": len(scores),
        "right_doc": rate(s.right_doc for s in scores),
        "facts": rate(s.facts for s in scores),
        "refusal": rate(s.refusal for s in scores),
        "correct": rate(s.correct for s in scores),
        "latency_p50_ms": median(latencies) if latencies else None,
        "latency_p95_ms": percentile(latencies, 95) if latencies else None,
    }


def extra_report(scores: Sequence[ExtraScore]) -> dict:
    """{"overall": {split: summary}, "by_category": {split: {category: summary}}, "cases": [rows]}."""
    out: dict = {"overall": {}, "by_category": {}, "cases": []}
    for split in ("dev", "test"):
        part = [s for s in scores if s.case.split == split]
        if not part:
            continue
        out["overall"][split] = summarize_extra(part)
        categories = sorted({s.case.category for s in part})
        out["by_category"][split] = {c: summarize_extra([s for s in part if s.case.category == c]) for c in categories}
    for s in scores:
        out["cases"].append({"id": s.case.id, "split": s.case.split, "category": s.case.category,
                             "question": s.case.question, "expected_docs": list(s.case.expected_docs),
                             "facts": list(s.case.required_facts), "expect_refused": s.case.refused,
                             "cited_docs": list(s.cited_docs), "answer": s.answer, "refused": s.refused,
                             "right_doc": s.right_doc, "facts_ok": s.facts, "refusal_ok": s.refusal,
                             "latency_ms": round(s.latency_ms, 2)})
    return out


def run_extra(ask: Callable[[str, list], Answer], cases: Sequence[ExtraCase],
              say: Callable[[str], None] | None = None) -> list[ExtraScore]:
    scores = []
    for n, case in enumerate(cases, 1):
        started = time.perf_counter()
        answer = ask(case.question, list(case.history))
        scores.append(score_extra(case, answer, (time.perf_counter() - started) * 1000))
        if say and n % 50 == 0:
            say(f"  {n}/{len(cases)} multi-document cases")
    return scores
