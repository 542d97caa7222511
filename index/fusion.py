"""Combine dense and lexical rankings: pure functions, over arrays (what the index uses: thousands of sections
per query) and over {key: score} maps (the same arithmetic, for callers holding maps)."""

from __future__ import annotations

from typing import Hashable, Mapping

import numpy as np

Scores = Mapping[Hashable, float]


def scaled(scores: np.ndarray) -> np.ndarray:
    """Min-max to [0, 1]; a flat or empty ranking carries no signal and scales to zeros."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size == 0:
        return scores
    lo, hi = float(scores.min()), float(scores.max())
    if hi - lo <= 1e-12:
        return np.zeros_like(scores)
    return (scores - lo) / (hi - lo)


def fuse(dense: np.ndarray, lexical: np.ndarray, dense_weight: float) -> np.ndarray:
    """Each ranking min-max scaled, mixed with `dense_weight` (1 dense only, 0 lexical only)."""
    if not 0.0 <= dense_weight <= 1.0:
        raise ValueError(f"dense_weight must be within [0, 1], got {dense_weight}")
    return dense_weight * scaled(dense) + (1.0 - dense_weight) * scaled(lexical)


def min_max(scores: Scores) -> dict[Hashable, float]:
    keys = list(scores)
    return dict(zip(keys, scaled(np.array([scores[k] for k in keys])).tolist()))


def weighted_fusion(dense: Scores, lexical: Scores, dense_weight: float) -> list[tuple[Hashable, float]]:
    """`fuse` over maps (a key missing from one ranking scores 0 there), best first; ties keep key order."""
    keys = list(dict.fromkeys([*dense, *lexical]))
    d, lx = min_max(dense), min_max(lexical)
    fused = fuse(np.array([d.get(k, 0.0) for k in keys]), np.array([lx.get(k, 0.0) for k in keys]), dense_weight)
    order = np.argsort(-fused, kind="stable")
    return [(keys[i], float(fused[i])) for i in order]
