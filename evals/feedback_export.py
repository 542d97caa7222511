"""Flagged feedback → draft gold cases (JSONL) for a person to review, complete and move into the gold set.

A draft records what was asked and what the engine said, but never what the right answer is: expected_sections
and required_facts stay empty, because copying the engine's own citations would grade the engine by itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from assistant.feedback import FeedbackEntry, FeedbackStore

ANSWER_PREVIEW_CHARS = 200
THUMBS = {1: "👍", -1: "👎"}


def draft_cases(entries: Iterable[FeedbackEntry]) -> list[dict]:
    """One draft per flagged entry (a 👎, or a comment), in the gold schema of evals/gold_set.py."""
    return [_draft(e) for e in entries if e.flagged]


def export(store: FeedbackStore, out_path: Path) -> int:
    """Write the store's flagged entries as draft cases to `out_path` (always written, even empty); the count."""
    drafts = draft_cases(store.entries(flagged_only=True))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in drafts), encoding="utf-8")
    return len(drafts)


def _draft(entry: FeedbackEntry) -> dict:
    # Gold history holds the earlier user turns only (evals/gold/README.md).
    history = [{"role": "user", "content": t["content"]} for t in entry.history if t.get("role") == "user"]
    return {
        "id": f"fb-{entry.id}",
        "split": "dev",  # test is the held-out split; a person moves a case there deliberately
        "category": "followup" if history else "lookup",
        "question": entry.question,
        "history": history,
        "expected_sections": [],
        "required_facts": [],
        "refused": False,
        "note": _note(entry),
    }


def _note(entry: FeedbackEntry) -> str:
    text = str(entry.answer.get("answer", ""))
    preview = text[:ANSWER_PREVIEW_CHARS] + ("…" if len(text) > ANSWER_PREVIEW_CHARS else "")
    cited = list(dict.fromkeys(str(c.get("clause", "?")) for c in entry.citations))
    refused = " (refused)" if entry.answer.get("refused") else ""
    return (f"DRAFT from feedback #{entry.id} ({THUMBS.get(entry.rating, entry.rating)}) at {entry.created_at}, "
            f"app {entry.app_version}; comment: {entry.comment or '(none)'}; "
            f"answer given{refused}: {preview}; cited: {', '.join(cited) or '(none)'}")
