"""The answer engine: answer(question, history) → Answer, plus the CLI (python -m assistant)."""

from __future__ import annotations

from typing import Any, Sequence

from corpus.records import Answer


def answer(question: str, history: Sequence[Any] = ()) -> Answer:
    """Answer with the default engine (built from the environment's settings on first call)."""
    from assistant.runtime import default_engine

    return default_engine().answer(question, history)


__all__ = ["Answer", "answer"]
