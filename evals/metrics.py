"""Per-case scores and their aggregation: pure functions over plain data, unit-tested on tiny examples.

A case is *answerable* when the gold does not expect a refusal. Per case:
- top_citation: the first cited clause is an expected section (answerable cases).
- hit3, rr: an expected section is among the first 3 retrieved; 1 / rank of the first one (0 when the ranking
  misses it). Averaged over cases, rr is the MRR (answerable cases).
- cite_precision: the share of distinct cited clauses that are expected sections (answerable cases that cite).
- quotes: every citation's quote is the policy's cleaned text[start:end] and lies inside its section.
- facts: every required fact is in the answer text, whitespace ignored.
- numeric: numeric and size cases only: every figure-shaped fact (50000元, 0.2%, 2020年6月15日, a size class)
  appears verbatim, not as the tail of a longer number; a size class must be the first one the answer names.
- refusal: refused exactly when the gold says so. Over many cases, refusal precision and recall count a
  refusal as the positive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from corpus.records import Citation, Policy

if TYPE_CHECKING:
    from evals.gold_set import GoldCase
    from evals.systems import Reply

FIGURE_CATEGORIES = ("numeric", "size")
SIZE_CLASSES = ("大型", "中型", "小型", "微型")
_FIGURE = re.compile(r"\d+(?:\.\d+)?[元%]|\d{4}年\d{1,2}月\d{1,2}日")
_SIZE = re.compile("|".join(SIZE_CLASSES))


@dataclass(frozen=True)
class CaseScore:
    case_id: str
    split: str
    category: str
    top_citation: bool | None  # None for cases that expect a refusal (so are the other answerable-only checks)
    facts: bool | None
    refusal: bool  # refused exactly when the gold says so
    latency_ms: float
    refused: bool = False  # what the system did
    expect_refused: bool = False  # what the gold wants
    hit3: bool | None = None
    rr: float | None = None
    cite_precision: float | None = None  # None when nothing was cited
    quotes: bool | None = None  # None when nothing was cited
    numeric: bool | None = None  # None outside numeric/size cases or when no fact is figure-shaped


# -- one case ---------------------------------------------------------------------------------------------
def top_citation_ok(cited: Sequence[str], expected: Sequence[str]) -> bool:
    """The first cited clause is one of the expected sections."""
    return bool(cited) and cited[0] in expected


def hit_at_k(ranking: Sequence[str], expected: Sequence[str], k: int = 3) -> bool:
    return any(r in expected for r in ranking[:k])


def reciprocal_rank(ranking: Sequence[str], expected: Sequence[str]) -> float:
    return next((1.0 / n for n, r in enumerate(ranking, start=1) if r in expected), 0.0)


def citation_precision(cited: Sequence[str], expected: Sequence[str]) -> float | None:
    """Share of the distinct cited clauses that are expected; None when nothing is cited."""
    distinct = list(dict.fromkeys(cited))
    return sum(c in expected for c in distinct) / len(distinct) if distinct else None


def quote_ok(citation: Citation, policies: Mapping[str, Policy]) -> bool:
    policy = policies.get(citation.doc)
    section = next((s for s in policy.sections if s.id == citation.clause), None) if policy else None
    return (section is not None and section.start <= citation.start < citation.end <= section.end
            and policy.text[citation.start:citation.end] == citation.quote)


def quotes_ok(citations: Sequence[Citation], policies: Mapping[str, Policy]) -> bool | None:
    return all(quote_ok(c, policies) for c in citations) if citations else None


def facts_ok(answer_text: str, facts: Iterable[str]) -> bool:
    # Compare without whitespace: the answer may wrap a quoted sentence differently than the gold wrote it.
    text = "".join(answer_text.split())
    return all("".join(f.split()) in text for f in facts)


def is_figure(fact: str) -> bool:
    return fact in SIZE_CLASSES or _FIGURE.fullmatch(fact) is not None


def figure_stated(answer_text: str, figure: str) -> bool:
    if figure in SIZE_CLASSES:  # the verdict comes first; later mentions are the bands it was checked against
        first = _SIZE.search(answer_text)
        return first is not None and first.group() == figure
    return re.search(rf"(?<![\d.]){re.escape(figure)}", answer_text) is not None  # 4000元 is not in 14000元


def numeric_exact(answer_text: str, facts: Iterable[str]) -> bool | None:
    figures = [f for f in facts if is_figure(f)]
    return all(figure_stated(answer_text, f) for f in figures) if figures else None


def score_case(case: GoldCase, reply: Reply, policies: Mapping[str, Policy]) -> CaseScore:
    answerable = not case.refused
    text = "" if reply.refused else reply.text
    cited = [c.clause for c in reply.citations]
    expected = case.expected_sections

    def when_answerable(value):
        return value if answerable else None

    return CaseScore(
        case.id, case.split, case.category,
        top_citation=when_answerable(not reply.refused and top_citation_ok(cited, expected)),
        facts=when_answerable(not reply.refused and facts_ok(text, case.required_facts)),
        refusal=reply.refused == case.refused,
        latency_ms=reply.latency_ms,
        refused=reply.refused,
        expect_refused=case.refused,
        hit3=when_answerable(hit_at_k(reply.ranking, expected)),
        rr=when_answerable(reciprocal_rank(reply.ranking, expected)),
        cite_precision=when_answerable(citation_precision(cited, expected)),
        quotes=quotes_ok(reply.citations, policies),
        numeric=numeric_exact(text, case.required_facts) if answerable and case.category in FIGURE_CATEGORIES else None,
    )


def failed_checks(s: CaseScore) -> tuple[str, ...]:
    """The names of the checks a case fails; empty when it is answered right."""
    failed = [("refusal", not s.refusal), ("top-1", s.top_citation is False), ("facts", s.facts is False),
              ("figures", s.numeric is False), ("quote", s.quotes is False),
              ("wrong section", s.cite_precision is not None and s.cite_precision < 1)]
    return tuple(name for name, bad in failed if bad)


# -- many cases -------------------------------------------------------------------------------------------
def rate(values: Iterable[bool | float | None]) -> float | None:
    """Mean of the values that apply (not None); None when none do."""
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def refusal_precision_recall(pairs: Iterable[tuple[bool, bool]]) -> tuple[float | None, float | None]:
    """(refused, expected to refuse) pairs → precision and recall of refusing; None where undefined."""
    pairs = list(pairs)
    true_pos = sum(r and e for r, e in pairs)
    refused = sum(r for r, _ in pairs)
    expected = sum(e for _, e in pairs)
    return (true_pos / refused if refused else None, true_pos / expected if expected else None)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def summarize(scores: Sequence[CaseScore]) -> dict:
    precision, recall = refusal_precision_recall((s.refused, s.expect_refused) for s in scores)
    latencies = [s.latency_ms for s in scores]
    return {
        "cases": len(scores),
        "top_citation": rate(s.top_citation for s in scores),
        "hit3": rate(s.hit3 for s in scores),
        "mrr": rate(s.rr for s in scores),
        "cite_precision": rate(s.cite_precision for s in scores),
        "quotes": rate(s.quotes for s in scores),
        "facts": rate(s.facts for s in scores),
        "numeric": rate(s.numeric for s in scores),
        "refusal": rate(s.refusal for s in scores),
        "refusal_precision": precision,
        "refusal_recall": recall,
        "correct": rate(not failed_checks(s) for s in scores),
        "latency_p50_ms": median(latencies) if latencies else 0.0,
        "latency_p95_ms": percentile(latencies, 95),
    }


def by_category(scores: Sequence[CaseScore]) -> dict[str, dict]:
    cats: dict[str, list[CaseScore]] = {}
    for s in scores:
        cats.setdefault(s.category, []).append(s)
    return {c: summarize(v) for c, v in sorted(cats.items())}
