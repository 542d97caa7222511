"""Evaluators' 👍/👎 on answers, kept in one SQLite file (WAL mode) so flagged answers can become gold drafts.

Gradio runs handlers in worker threads, so every call opens its own short-lived connection: SQLite connections
are not shared across threads, and WAL plus a busy timeout lets concurrent writers queue instead of failing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from assistant.question import ROLES

DISTRIBUTION = "policy-assistant"
RATINGS = {1: 1, -1: -1, "up": 1, "down": -1}
MAX_COMMENT_CHARS = 2000
BUSY_TIMEOUT_S = 10.0
COLUMNS = ("id", "created_at", "app_version", "rating", "comment", "question", "history", "answer", "citations")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    app_version TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL,
    question TEXT NOT NULL,
    history TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL
)"""


class FeedbackError(ValueError):
    """Bad feedback input, or a feedback file that is not usable; the message names the value or the path."""


@dataclass(frozen=True)
class FeedbackEntry:
    id: int
    created_at: str  # UTC, ISO 8601 with seconds
    app_version: str
    rating: int  # +1 or -1
    comment: str
    question: str
    history: tuple[dict, ...]  # {"role", "content"} turns as the app passed them
    answer: dict  # the answer contract, Answer.to_json()
    citations: tuple[dict, ...]

    @property
    def flagged(self) -> bool:
        """Worth a person's look: a 👎, or any rating that came with a comment."""
        return self.rating == -1 or bool(self.comment.strip())


def app_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"


_installed_version = app_version  # record()'s `app_version` parameter shadows the function inside it


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class FeedbackStore:
    """Feedback rows in the SQLite file at `path`; folder and table are made on first use.

    Reading a file that does not exist yet finds no rows and creates nothing.
    """

    def __init__(self, path: Path, clock: Callable[[], str] = utc_now) -> None:
        self.path = Path(path)
        self._clock = clock
        self._ready = False
        self._init_lock = threading.Lock()  # only the one-time setup needs it; SQLite serialises the writes

    def record(self, rating: int | str, question: str, history: Sequence[dict] | None, answer_json: dict,
               comment: str | None = "", app_version: str | None = None) -> int:
        """Store one rating of one answer; returns the new row's id."""
        row = (
            self._clock(),
            app_version or _installed_version(),
            _rating(rating),
            _comment(comment),
            _question(question),
            _dumps(list(_history(history))),
            _dumps(_answer(answer_json)),
            _dumps(list(_citations(answer_json))),
        )
        with self._connect() as conn:
            cur = conn.execute(f"INSERT INTO feedback ({', '.join(COLUMNS[1:])}) VALUES (?,?,?,?,?,?,?,?)", row)
            conn.commit()
            return int(cur.lastrowid)

    def entries(self, flagged_only: bool = False) -> list[FeedbackEntry]:
        """All rows, oldest first; a file that does not exist yet holds none."""
        if not self.path.exists():
            return []
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id").fetchall()
        entries = [self._entry(row) for row in rows]
        return [e for e in entries if e.flagged] if flagged_only else entries

    def count(self) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FeedbackError(f"cannot create the folder for the feedback database {self.path}: {exc}") from None
        conn = None
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
            self._setup(conn)
            yield conn
        except sqlite3.Error as exc:
            raise FeedbackError(_describe(self.path, exc)) from None
        finally:
            if conn is not None:
                conn.close()

    def _setup(self, conn: sqlite3.Connection) -> None:
        with self._init_lock:
            if self._ready:
                return
            conn.execute("PRAGMA journal_mode=WAL")  # persistent in the file; later connections inherit it
            conn.execute(_SCHEMA)
            conn.commit()
            found = tuple(r[1] for r in conn.execute("PRAGMA table_info(feedback)"))
            if found != COLUMNS:
                raise FeedbackError(f"{self.path} has a 'feedback' table with columns {list(found)}, "
                                    f"expected {list(COLUMNS)}; move the file aside or set POLICY_FEEDBACK_DB")
            self._ready = True

    def _entry(self, row: tuple) -> FeedbackEntry:
        fid, created_at, version_, rating, comment, question, history, answer, citations = row
        try:
            return FeedbackEntry(id=fid, created_at=created_at, app_version=version_, rating=rating,
                                 comment=comment, question=question, history=tuple(json.loads(history)),
                                 answer=json.loads(answer), citations=tuple(json.loads(citations)))
        except (json.JSONDecodeError, TypeError) as exc:
            raise FeedbackError(f"{self.path}: feedback row {fid} has a malformed JSON column ({exc})") from None


def _describe(path: Path, exc: sqlite3.Error) -> str:
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
        return (f"{path} is not a SQLite database (corrupt or some other file); "
                "move it aside or set POLICY_FEEDBACK_DB to another path")
    return f"feedback database {path}: {exc}"


def _rating(rating: Any) -> int:
    # bool is an int subclass (True would pass as a 👍); other types are checked first as lists aren't hashable
    if isinstance(rating, bool) or not isinstance(rating, (int, str)) or rating not in RATINGS:
        raise FeedbackError(f"rating must be one of {list(RATINGS)}, got {rating!r}")
    return RATINGS[rating]


def _question(question: Any) -> str:
    if not isinstance(question, str) or not question.strip():
        raise FeedbackError(f"question must be a non-empty string, got {question!r}")
    return question


def _comment(comment: Any) -> str:
    if comment is None:
        return ""
    if not isinstance(comment, str):
        raise FeedbackError(f"comment must be a string, got {type(comment).__name__}")
    comment = comment.strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise FeedbackError(f"comment too long: {len(comment)} characters (limit {MAX_COMMENT_CHARS})")
    return comment


def _history(history: Any) -> tuple[dict, ...]:
    if history is None:
        return ()
    if not isinstance(history, (list, tuple)):
        raise FeedbackError(f"history must be a list of {{'role', 'content'}} objects, got {type(history).__name__}")
    for n, turn in enumerate(history):
        if not isinstance(turn, dict) or turn.get("role") not in ROLES or not isinstance(turn.get("content"), str):
            raise FeedbackError(f"history[{n}] must be an object with 'role' in {ROLES} and a string 'content', "
                                f"got {turn!r}")
    return tuple({"role": t["role"], "content": t["content"]} for t in history)


def _answer(answer_json: Any) -> dict:
    if not isinstance(answer_json, dict) or not isinstance(answer_json.get("answer"), str):
        raise FeedbackError(f"answer_json must be the answer contract (Answer.to_json()) with a string 'answer', "
                            f"got {type(answer_json).__name__}")
    return answer_json


def _citations(answer_json: dict) -> tuple[dict, ...]:
    citations = answer_json.get("citations") or []
    if not isinstance(citations, list) or not all(isinstance(c, dict) for c in citations):
        raise FeedbackError(f"answer_json['citations'] must be a list of objects, got {citations!r}")
    return tuple(citations)


def _dumps(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise FeedbackError(f"feedback must be JSON-serialisable: {exc}") from None
