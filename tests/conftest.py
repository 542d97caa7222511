"""Shared fixtures: the seed policy, a fast engine on a deterministic fake embedder, the real engine."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
from pathlib import Path

import pytest

from evals.bench_load import stop  # noqa: F401 - ends a server a test started: ask first, then kill

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "data" / "taiyuan-2020-2.txt"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="session")
def policy():
    from corpus import load_policy

    return load_policy(SEED)


@pytest.fixture(scope="session")
def fake_engine(tmp_path_factory):
    from assistant.runtime import build_engine
    from assistant.settings import load_settings
    from index.embedder import FakeEmbedder

    cfg = load_settings(data_dir=tmp_path_factory.mktemp("fake-index"), today=TODAY)
    return build_engine(cfg, embedder=FakeEmbedder())


def documents_folder(tmp_path_factory, name: str, documents: dict[str, str]) -> Path:
    """A fresh folder holding `documents` (file stem → text) as .txt files: extra policies for a test."""
    folder = tmp_path_factory.mktemp(name)
    for stem, text in documents.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return folder


def fake_engine_over(tmp_path_factory, extra: Path):
    """The engine on the fake embedder over the seed plus the documents in `extra`, in a fresh index folder."""
    from assistant.runtime import build_engine
    from assistant.settings import load_settings
    from index.embedder import FakeEmbedder

    cfg = load_settings(data_dir=tmp_path_factory.mktemp(f"{extra.name}-index"), extra_corpus_dir=extra, today=TODAY)
    return build_engine(cfg, embedder=FakeEmbedder())


@pytest.fixture(scope="session")
def real_engine(tmp_path_factory):
    """The real model (onnx backend, checked against torch on export) over a real persistent Chroma store."""
    from assistant.runtime import build_engine
    from assistant.settings import load_settings

    cfg = load_settings(data_dir=tmp_path_factory.mktemp("real-index"), today=TODAY)
    return build_engine(cfg)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served_app(engine, policies, folder: Path, **settings):
    """The app over `engine`, served on a free loopback port as `python app.py` serves it; yields (url, settings)."""
    import app
    from assistant.settings import load_settings

    cfg = load_settings(data_dir=folder / "index", feedback_db=folder / "feedback.sqlite3", today=TODAY, **settings)
    demo = app.build_app(lambda: engine, tuple(policies), cfg)
    url = app.launch(demo, cfg, port=free_port(), block=False)
    try:
        yield url, cfg
    finally:
        demo.close()


