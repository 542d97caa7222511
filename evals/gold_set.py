"""Gold cases: load and validate the JSONL files under evals/gold/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SPLITS = ("dev", "test")
CATEGORIES = (
    "lookup", "colloquial", "paraphrase", "typo", "traditional", "mixed_lang", "department", "interpretation",
    "time", "numeric", "size", "followup", "out_of_scope", "injection",
)
KEYS = {"id", "split", "category", "question", "history", "expected_sections", "required_facts", "refused", "note"}


class GoldError(ValueError):
    """A gold file or case is malformed; the message names the file, the line and the field."""


@dataclass(frozen=True)
class GoldCase:
    id: str
    split: str
    category: str
    question: str
    history: tuple[dict, ...]
    expected_sections: tuple[str, ...]
    required_facts: tuple[str, ...]
    refused: bool
    note: str = ""


def load_gold(path: Path | None = None, split: str = "all") -> list[GoldCase]:
    if split not in (*SPLITS, "all"):
        raise GoldError(f"split must be one of {(*SPLITS, 'all')}, got {split!r}")
    path = path or GOLD_DIR / "taiyuan.jsonl"
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
        case = _case(raw, f"{path}:{n}")
        if split in ("all", case.split):
            cases.append(case)
    return cases


def _case(raw: dict, where: str) -> GoldCase:
    if not isinstance(raw, dict) or set(raw) != KEYS:
        got = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
        raise GoldError(f"{where}: keys must be {sorted(KEYS)}, got {got}")
    if raw["split"] not in SPLITS:
        raise GoldError(f"{where}: split must be one of {SPLITS}, got {raw['split']!r}")
    if raw["category"] not in CATEGORIES:
        raise GoldError(f"{where}: category must be one of {CATEGORIES}, got {raw['category']!r}")
    return GoldCase(
        id=raw["id"], split=raw["split"], category=raw["category"], question=raw["question"],
        history=tuple(raw["history"]), expected_sections=tuple(raw["expected_sections"]),
        required_facts=tuple(raw["required_facts"]), refused=bool(raw["refused"]), note=raw.get("note", ""),
    )
