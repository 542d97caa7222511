"""Wire settings to a ready Engine: the one place that picks the embedder and opens the index."""

from __future__ import annotations

import threading
from typing import Callable

from assistant.engine import MANY_DOCUMENTS, Engine, Tuning
from assistant.settings import Settings, settings as current_settings
from assistant.policies import home_and_extra
from index.embedder import Embedder, SentenceTransformerEmbedder
from index.hybrid import open_index
from index.onnx_embedder import OnnxEmbedder

_lock = threading.Lock()
_engine: Engine | None = None


def make_embedder(cfg: Settings) -> Embedder:
    if cfg.backend in ("onnx", "onnx-int8"):
        return OnnxEmbedder(cfg.model, cfg.data_dir / "onnx", quantized=cfg.backend == "onnx-int8")
    return SentenceTransformerEmbedder(cfg.model)


def build_engine(cfg: Settings, progress: Callable[[str], None] | None = None,
                 embedder: Embedder | None = None) -> Engine:
    home, extra = home_and_extra(cfg)
    policies = home + extra
    index = open_index(policies, embedder or make_embedder(cfg), cfg.data_dir, cfg.dense_weight, progress,
                       cfg.chroma_host, cfg.chroma_port)
    if not extra:
        return Engine(index, cfg)
    return Engine(index, cfg, MANY_DOCUMENTS, home_docs=frozenset(p.doc for p in home), home_tuning=Tuning())


def default_engine(progress: Callable[[str], None] | None = None) -> Engine:
    """The process-wide engine, built on first use from the environment's settings."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = build_engine(current_settings(), progress)
    return _engine
