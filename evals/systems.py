"""The systems one run compares, each behind the same call: (question, history) → Reply.

Five are the engine with one Tuning switch changed (all sharing one index); the sixth is a plain llama-index
pipeline that retrieves the top-1 section and cites it whole.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Callable

from assistant.engine import Engine
from corpus.records import Citation

# name → the Tuning fields that differ from the full system
VARIANTS: dict[str, dict] = {
    "full": {},
    "bm25_only": {"dense_weight": 0.0},
    "dense_only": {"dense_weight": 1.0},
    "no_history": {"use_history": False},
    "no_calculator": {"use_calculator": False},
}
BASELINE = "llama_top1"
DESCRIPTIONS = {
    "full": "the engine as shipped: hybrid retrieval (dense + BM25), calculator, follow-up history",
    "bm25_only": "full system with Tuning(dense_weight=0.0): BM25 ranking only",
    "dense_only": "full system with Tuning(dense_weight=1.0): dense (embedding) ranking only",
    "no_history": "full system with Tuning(use_history=False): earlier turns ignored",
    "no_calculator": "full system with Tuning(use_calculator=False): no computed figures",
    BASELINE: "plain llama-index VectorStoreIndex, top-1 retrieval on the question alone: it cites that section "
              "whole, never refuses, and its answer text is the whole section text; its ranking holds one "
              "section, so hit@3 equals top-1 and MRR is 0 or 1",
}


@dataclass(frozen=True)
class Reply:
    """What a system said for one question, plus its retrieval ranking (section ids, best first)."""

    text: str
    refused: bool
    citations: tuple[Citation, ...]
    ranking: tuple[str, ...]
    latency_ms: float


Ask = Callable[[str, list], Reply]


def engine_variants(base: Engine) -> dict[str, Engine]:
    """The full system (the base engine's own tuning, as the app and the CLI build it) and its ablations over
    the same index; with more documents than the home corpus (POLICY_EXTRA_CORPUS_DIR), each keeps home-first
    answering, its home engine ablated the same way."""
    return {name: Engine(base.index, base.settings, replace(base.tuning, **changes), home_docs=base.home_docs,
                         home_tuning=replace(base.home_tuning, **changes))
            for name, changes in VARIANTS.items()}


def ask_engine(engine: Engine) -> Ask:
    def ask(question: str, history: list) -> Reply:
        a = engine.answer(question, history)
        # Engine.retrieve applies no Tuning.use_history of its own (answer() drops the history); do it here.
        hits = engine.retrieve(question, history if engine.tuning.use_history else [])
        return Reply(a.text, a.refused, a.citations, tuple(h.section.id for h in hits), a.latency_ms)
    return ask


def ask_llama(pipeline) -> Ask:
    """`pipeline` has top_section(question) → Section | None, like index.llama_baseline.PlainLlamaPipeline."""
    def ask(question: str, history: list) -> Reply:
        started = time.perf_counter()
        s = pipeline.top_section(question)
        ms = (time.perf_counter() - started) * 1000
        if s is None:
            return Reply("", False, (), (), ms)
        return Reply(s.text, False, (Citation(s.doc, s.id, s.title, s.text, s.start, s.end),), (s.id,), ms)
    return ask


def build_systems(base: Engine, pipeline) -> dict[str, Ask]:
    """Every system of a run, in report order: the engine variants, then the llama-index baseline."""
    systems = {name: ask_engine(engine) for name, engine in engine_variants(base).items()}
    systems[BASELINE] = ask_llama(pipeline)
    return systems
