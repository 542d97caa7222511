"""The multi-document gold set over corpus-extra (evals/gold/extra.jsonl): load, validate, check against the texts.

Each case names the documents that answer it (file stems of ../shared/corpus-extra/ncp-policies/*.txt) and short
facts copied verbatim from them. `load_extra` checks the schema and names file:line and field on any error;
`check_against_corpus` checks that every expected document exists and that every fact occurs in one of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from evals.gold_set import GOLD_DIR, SPLITS, GoldError

EXTRA_PATH = GOLD_DIR / "extra.jsonl"
CATEGORIES = (
    "region_lookup", "body_lookup", "measure_lookup", "numeric_fact", "date_fact", "department", "paraphrase",
    "out_of_scope",
)
KEYS = frozenset({"id", "split", "category", "question", "history", "expected_docs", "required_facts", "refused",
                  "note"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ExtraCase:
    id: str
    split: str
    category: str
    question: str
    history: tuple[dict, ...]
    expected_docs: tuple[str, ...]
    required_facts: tuple[str, ...]
    refused: bool
    note: str = ""


def load_extra(path: Path | None = None, split: str = "all") -> list[ExtraCase]:
    """The cases of one split ("dev", "test") or all of them, in file order; raises GoldError on any bad line."""
    if split not in (*SPLITS, "all"):
        raise GoldError(f"split must be one of {(*SPLITS, 'all')}, got {split!r}")
    path = Path(path) if path is not None else EXTRA_PATH
    cases, seen = [], {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: invalid JSON ({exc.msg})") from None
        case = _case(raw, where)
        if case.id in seen:
            raise GoldError(f"{where}: id {case.id!r} duplicates line {seen[case.id]}")
        seen[case.id] = n
        if split in ("all", case.split):
            cases.append(case)
    return cases


def _strings(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GoldError(f"{where}: {key} must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def _case(raw: object, where: str) -> ExtraCase:
    if not isinstance(raw, dict) or set(raw) != KEYS:
        got = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
        raise GoldError(f"{where}: keys must be {sorted(KEYS)}, got {got}")
    if not isinstance(raw["id"], str) or not raw["id"].strip():
        raise GoldError(f"{where}: id must be a non-empty string, got {raw['id']!r}")
    if raw["split"] not in SPLITS:
        raise GoldError(f"{where}: split must be one of {SPLITS}, got {raw['split']!r}")
    if raw["category"] not in CATEGORIES:
        raise GoldError(f"{where}: category must be one of {CATEGORIES}, got {raw['category']!r}")
    if not isinstance(raw["question"], str) or not raw["question"].strip():
        raise GoldError(f"{where}: question must be a non-empty string, got {raw['question']!r}")
    history = raw["history"]
    if not isinstance(history, list) or not all(
            isinstance(t, dict) and t.get("role") == "user" and isinstance(t.get("content"), str) for t in history):
        raise GoldError(f"{where}: history must be a list of {{'role': 'user', 'content': str}} turns, got {history!r}")
    if not isinstance(raw["refused"], bool):
        raise GoldError(f"{where}: refused must be true or false, got {raw['refused']!r}")
    if not isinstance(raw["note"], str):
        raise GoldError(f"{where}: note must be a string, got {raw['note']!r}")
    docs, facts = _strings(raw, "expected_docs", where), _strings(raw, "required_facts", where)
    refused = raw["refused"]
    if refused != (raw["category"] == "out_of_scope"):
        raise GoldError(f"{where}: refused must be true exactly for category 'out_of_scope', "
                        f"got refused={refused} with category {raw['category']!r}")
    if refused and (docs or facts):
        raise GoldError(f"{where}: expected_docs and required_facts must be empty when refused, "
                        f"got {list(docs)!r}, {list(facts)!r}")
    if not refused and not docs:
        raise GoldError(f"{where}: expected_docs must name at least one document when not refused")
    if not refused and not facts:
        raise GoldError(f"{where}: required_facts must hold at least one fact when not refused")
    return ExtraCase(id=raw["id"], split=raw["split"], category=raw["category"], question=raw["question"],
                     history=tuple(history), expected_docs=docs, required_facts=facts, refused=refused,
                     note=raw["note"])


def squeeze(text: str) -> str:
    """The text with all whitespace removed (ASCII and full-width spaces, line breaks): how facts are compared."""
    return _SPACE.sub("", text)


def check_against_corpus(cases: list[ExtraCase], corpus_dir: Path) -> list[str]:
    """Problems found: a missing expected document, or a fact that none of the case's documents states verbatim."""
    corpus_dir = Path(corpus_dir)
    texts: dict[str, str | None] = {}

    def text(doc: str) -> str | None:
        if doc not in texts:
            path = corpus_dir / f"{doc}.txt"
            texts[doc] = squeeze(path.read_text(encoding="utf-8")) if path.is_file() else None
        return texts[doc]

    problems = []
    for case in cases:
        found = {doc: text(doc) for doc in case.expected_docs}
        for doc, body in found.items():
            if body is None:
                problems.append(f"{case.id}: expected doc {doc!r} not found in {corpus_dir}")
        bodies = [body for body in found.values() if body is not None]
        for fact in case.required_facts:
            if bodies and not any(squeeze(fact) in body for body in bodies):
                problems.append(f"{case.id}: fact {fact!r} not in any of {list(case.expected_docs)}")
    return problems
