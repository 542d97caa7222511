"""Combine dense and lexical rankings: pure functions over {key: score} maps."""

from __future__ import annotations

from typing import Hashable, Mapping

Scores = Mapping[Hashable, float]


def min_max(scores: Scores) -> dict[Hashable, float]:
    """Scale to [0, 1]; a flat or empty map scales to all zeros (it carries no ranking signal)."""
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    if hi - lo <= 1e-12:
        return {k: 0.0 for k in scores}
    return {k: (v - lo) / (hi - lo) for k, v in scores.items()}


def weighted_fusion(dense: Scores, lexical: Scores, dense_weight: float) -> list[tuple[Hashable, float]]:
    """Min-max normalize each ranking, mix them with `dense_weight`, best first (ties keep key order)."""
    if not 0.0 <= dense_weight <= 1.0:
        raise ValueError(f"dense_weight must be within [0, 1], got {dense_weight}")
    d, lx = min_max(dense), min_max(lexical)
    keys = list(dict.fromkeys([*dense, *lexical]))
    fused = {k: dense_weight * d.get(k, 0.0) + (1.0 - dense_weight) * lx.get(k, 0.0) for k in keys}
    return sorted(fused.items(), key=lambda kv: -kv[1])

