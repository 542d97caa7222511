"""Per-case scores and their aggregation: pure functions over plain data, unit-tested on tiny examples."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Iterable, Sequence


@dataclass(frozen=True)
class CaseScore:
    case_id: str
    split: str
    category: str
    top_citation: bool | None  # None for cases that expect a refusal
    facts: bool | None  # every required fact appears in the answer (None for refusals)
    refusal: bool  # refused exactly when the gold says so
    latency_ms: float


def top_citation_ok(cited: Sequence[str], expected: Sequence[str]) -> bool:
    """The first cited clause is one of the expected sections."""
    return bool(cited) and cited[0] in expected


def facts_ok(answer_text: str, facts: Iterable[str]) -> bool:
    # Compare without whitespace: the answer may wrap a quoted sentence differently than the gold wrote it.
    text = "".join(answer_text.split())
    return all("".join(f.split()) in text for f in facts)


def score_case(case, answer_text: str, refused: bool, cited: Sequence[str], latency_ms: float) -> CaseScore:
    if case.refused:
        return CaseScore(case.id, case.split, case.category, None, None, refused, latency_ms)
    return CaseScore(
        case.id, case.split, case.category,
        top_citation=(not refused) and top_citation_ok(cited, case.expected_sections),
        facts=(not refused) and facts_ok(answer_text, case.required_facts),
        refusal=not refused,
        latency_ms=latency_ms,
    )


def rate(values: Iterable[bool | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def summarize(scores: Sequence[CaseScore]) -> dict:
    return {
        "cases": len(scores),
        "top_citation": rate(s.top_citation for s in scores),
        "facts": rate(s.facts for s in scores),
        "refusal": rate(s.refusal for s in scores),
        "latency_p50_ms": median([s.latency_ms for s in scores]) if scores else 0.0,
        "latency_p95_ms": percentile([s.latency_ms for s in scores], 95),
    }


def by_category(scores: Sequence[CaseScore]) -> dict[str, dict]:
    cats: dict[str, list[CaseScore]] = {}
    for s in scores:
        cats.setdefault(s.category, []).append(s)
    return {c: summarize(v) for c, v in sorted(cats.items())}
