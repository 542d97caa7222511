"""Logging set-up for the entry points (CLI, evals, app); library modules only get loggers."""

from __future__ import annotations

import logging

# Libraries that set their own loggers to DEBUG and would otherwise print through ours.
_CHATTY = ("bm25s", "jieba", "httpx", "chromadb", "onnxruntime")


def configure_logging(level: int = logging.WARNING, fmt: str = "%(levelname)s %(message)s") -> None:
    logging.basicConfig(level=level, format=fmt)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
