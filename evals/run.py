"""Answer every gold case with every system, score the answers, and gather the report's data (JSON-ready)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from corpus.records import Policy
from evals.gold_set import SPLITS, GoldCase
from evals.metrics import CaseScore, by_category, failed_checks, score_case, summarize
from evals.systems import DESCRIPTIONS, Ask, Reply


@dataclass(frozen=True)
class Result:
    system: str
    case: GoldCase
    reply: Reply
    score: CaseScore


def evaluate(systems: Mapping[str, Ask], cases: Sequence[GoldCase], policies: Mapping[str, Policy],
             progress: Callable[[str], None] | None = None) -> list[Result]:
    results = []
    for ask in systems.values() if cases else ():  # one unscored answer each: lazy loads don't count as latency
        ask(cases[0].question, list(cases[0].history))
    for n, case in enumerate(cases, start=1):
        for name, ask in systems.items():  # interleaved, so machine noise hits every system alike
            reply = ask(case.question, list(case.history))
            results.append(Result(name, case, reply, score_case(case, reply, policies)))
        if progress and (n % 50 == 0 or n == len(cases)):
            progress(f"{n}/{len(cases)} cases × {len(systems)} systems")
    return results


def case_row(r: Result) -> dict:
    c, a, s = r.case, r.reply, r.score
    return {
        "id": c.id, "split": c.split, "category": c.category, "question": c.question,
        "history": [turn.get("content", "") for turn in c.history],
        "expected": list(c.expected_sections), "facts": list(c.required_facts), "expect_refused": c.refused,
        "answer": a.text, "refused": a.refused, "cited": [x.clause for x in a.citations], "ranking": list(a.ranking),
        "latency_ms": round(a.latency_ms, 2),
        "checks": {"top_citation": s.top_citation, "hit3": s.hit3, "rr": s.rr, "cite_precision": s.cite_precision,
                   "quotes": s.quotes, "facts": s.facts, "numeric": s.numeric, "refusal": s.refusal},
        "failed": list(failed_checks(s)),
    }


def report_data(results: Sequence[Result], meta: dict) -> dict:
    """Per system: description, overall and per-category summaries per split, and every scored case."""
    names = list(dict.fromkeys(r.system for r in results))
    splits = [sp for sp in SPLITS if any(r.case.split == sp for r in results)]
    report: dict = {"meta": meta, "splits": splits, "systems": {}, "cases": {}}
    for name in names:
        mine = [r for r in results if r.system == name]
        per_split = {sp: [r.score for r in mine if r.case.split == sp] for sp in splits}
        report["systems"][name] = {
            "description": DESCRIPTIONS.get(name, ""),
            "overall": {sp: summarize(scores) for sp, scores in per_split.items()},
            "by_category": {sp: by_category(scores) for sp, scores in per_split.items()},
        }
        report["cases"][name] = [case_row(r) for r in mine]
    return report
