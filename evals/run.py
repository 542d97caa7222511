"""Run the engine over the gold set and report per-category accuracy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Sequence

from evals.gold_set import GoldCase
from evals.metrics import CaseScore, by_category, score_case, summarize

REPORTS = Path(__file__).resolve().parent / "reports"


def evaluate(engine, cases: Sequence[GoldCase]) -> tuple[list[CaseScore], list[dict]]:
    scores, rows = [], []
    for case in cases:
        a = engine.answer(case.question, list(case.history))
        cited = [c.clause for c in a.citations]
        s = score_case(case, a.text, a.refused, cited, a.latency_ms)
        scores.append(s)
        rows.append({"id": case.id, "split": case.split, "category": case.category, "question": case.question,
                     "expected": list(case.expected_sections), "facts": list(case.required_facts),
                     "expect_refused": case.refused, "cited": cited, "refused": a.refused, "answer": a.text,
                     "ok": all(v in (True, None) for v in (s.top_citation, s.facts, s.refusal))})
    return scores, rows


def fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value * 100:5.1f}%"


def table(scores: Sequence[CaseScore], title: str) -> str:
    lines = [title, f"{'category':<15}{'n':>4}  {'top-cite':>8}  {'facts':>8}  {'refusal':>8}"]
    for name, s in [*by_category(scores).items(), ("ALL", summarize(scores))]:
        lines.append(f"{name:<15}{s['cases']:>4}  {fmt(s['top_citation']):>8}  {fmt(s['facts']):>8}  {fmt(s['refusal']):>8}")
    overall = summarize(scores)
    lines.append(f"latency p50 {overall['latency_p50_ms']:.1f} ms, p95 {overall['latency_p95_ms']:.1f} ms")
    return "\n".join(lines)


def write_report(rows: list[dict], scores: Sequence[CaseScore], folder: Path = REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    splits = sorted({s.split for s in scores})
    report = {
        "overall": {sp: summarize([s for s in scores if s.split == sp]) for sp in splits},
        "by_category": {sp: by_category([s for s in scores if s.split == sp]) for sp in splits},
        "cases": rows,
    }
    path = folder / "latest.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
