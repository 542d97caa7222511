"""Concurrent load: `python -m evals bench-load [--users 50] [--seconds 60]`.

Starts the app as `make run` does (`python app.py`, loopback only, its own temporary feedback database),
waits until it answers, then runs simulated users for a bounded time. Each user is a thread with its own
`gradio_client.Client` (one server-side session, like one browser tab) and goes through what a browser user
does: the chat event (/chat; the conversation lives in the session's server-side state), the 👍/👎 handler
(/feedback) and 清空对话 (/clear) before each new conversation.
Users send their next request as soon as they have the answer (closed loop, no think time), so the figures
are the app's capacity on this machine, with the clients on the same cores.

Each conversation is scripted and its own: 「国有房产的房租怎么减免？」, 「月租{N}元呢？」, 「那第三个月呢？」, with a
rent N no other conversation uses. The last answer is computed from N, which only that session's history
holds; the user then rates it. Afterwards the bench checks every answer's figures, every feedback row in
SQLite (one per rating left, none extra; its question, history and calculation), and fails on any error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.metrics import percentile

FIRST = "国有房产的房租怎么减免？"
THIRD = "那第三个月呢？"
MAX_CONVERSATIONS = 5000  # per user: keeps every rent distinct (see rent_for)
CALL_TIMEOUT_S = 60.0  # one call slower than this counts as an error
STREAM_CLOSE_S = 5.0  # how long a user waits for the client's event stream to close between calls
READY_TIMEOUT_S = 240.0  # app start: imports, model and index load
LOOPBACK = "127.0.0.1"


# -- the script ------------------------------------------------------------------------------------------

def rent_for(user: int, conversation: int) -> int:
    """A monthly rent (元) unique to this user and conversation; even, so half of it is whole."""
    if not 0 <= conversation < MAX_CONVERSATIONS or user < 0:
        raise ValueError(f"user must be >= 0 and conversation in [0, {MAX_CONVERSATIONS}), got {user}, {conversation}")
    return 10_000 * (user + 1) + 2 * conversation


def script(rent: int) -> tuple[str, str, str]:
    return FIRST, f"月租{rent}元呢？", THIRD


def answer_problem(turn: int, rent: int, text: str) -> str | None:
    """What is wrong with the answer to turn `turn` (0, 1, 2) of the conversation about `rent`, or None.

    Turn 1 names the rent; turn 2 does not, so its figures come from this session's history alone.
    """
    expected = {
        0: ["第三个月房租减半"],
        1: [f"共可减免房租{rent * 5 // 2}元", f"每月减免{rent}元"],
        2: [f"需交房租{rent // 2}元", f"每月减免{rent}元"],
    }[turn]
    missing = [e for e in expected if e not in text]
    return f"turn {turn + 1} (rent {rent}) lacks {missing}" if missing else None


@dataclass(frozen=True)
class Rating:
    """A rating a simulated user left, and the row id the app said it stored."""

    user: int
    conversation: int
    rent: int
    rating: int  # +1 / -1
    comment: str
    question: str
    history: tuple[str, ...]  # this conversation's earlier questions
    row: int | None


def comment_for(user: int, conversation: int) -> str:
    return f"bench-load u{user:03d} c{conversation:04d}"


def feedback_problems(left: Sequence[Rating], rows: Sequence) -> list[str]:
    """Compare the ratings users left with the feedback rows (`FeedbackEntry`s): each once, with its own history."""
    problems = []
    by_comment: dict[str, list] = {}
    for row in rows:
        by_comment.setdefault(row.comment, []).append(row)
    expected = {r.comment: r for r in left}
    for comment, found in by_comment.items():
        if comment not in expected:
            problems.append(f"feedback row(s) {[r.id for r in found]} with comment {comment!r} match no rating left")
        elif len(found) > 1:
            problems.append(f"{len(found)} feedback rows {[r.id for r in found]} for one rating ({comment})")
    for comment, rating in expected.items():
        if comment not in by_comment:
            problems.append(f"rating {comment} (row #{rating.row}) is not in the feedback database")
            continue
        row = by_comment[comment][0]
        history = tuple(t.get("content") for t in row.history)
        calc = (row.answer.get("calculation") or {}).get("inputs") or {}
        if rating.row is not None and row.id != rating.row:
            problems.append(f"{comment}: stored as row {row.id}, the app said #{rating.row}")
        if row.rating != rating.rating:
            problems.append(f"{comment}: rating {row.rating}, left {rating.rating}")
        if row.question != rating.question:
            problems.append(f"{comment}: question {row.question!r}, asked {rating.question!r}")
        if history != rating.history or any(t.get("role") != "user" for t in row.history):
            problems.append(f"{comment}: history {list(history)}, this conversation's is {list(rating.history)}")
        if calc.get("monthly_rent") != rating.rent:
            problems.append(f"{comment}: answer computed for rent {calc.get('monthly_rent')}, "
                            f"the user's is {rating.rent}")
    return problems


# -- figures ---------------------------------------------------------------------------------------------

def latency_summary(latencies_ms: Sequence[float], seconds: float) -> dict:
    """Count, rate (calls per second over `seconds`) and nearest-rank p50/p95/p99/max of one kind of call."""
    return {"calls": len(latencies_ms), "per_s": len(latencies_ms) / seconds if seconds > 0 else 0.0,
            "p50": percentile(latencies_ms, 50), "p95": percentile(latencies_ms, 95),
            "p99": percentile(latencies_ms, 99), "max": max(latencies_ms, default=0.0)}


def render(report: dict) -> str:
    """The report as text: setting, throughput, latency table, errors and checks, and a verdict."""
    s = report["seconds"]
    lines = [
        f"bench-load: {report['users']} users for {s:.1f} s against {report['url']} "
        f"(engine concurrency_limit={report['engine_concurrency']}, {report['cores']} cores, "
        f"clients on the same machine)",
        f"conversations: {report['conversations']} finished ({report['conversations'] / s:.2f}/s), "
        f"{report['answers']} answers ({report['answers'] / s:.1f}/s), {report['ratings']} ratings",
        f"server CPU: {report['server_cpu_s']:.1f} s over {s:.1f} s = {report['server_cpu_s'] / s:.2f} cores busy; "
        f"bench clients: {report['client_cpu_s'] / s:.2f} cores; load average before the run "
        f"{report['load_before']:.2f} (other work on the machine skews the figures)",
        "",
        f"{'call':<10}{'calls':>8}{'per s':>9}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}",
    ]
    for kind, row in report["latency"].items():
        lines.append(f"{kind:<10}{row['calls']:>8}{row['per_s']:>9.1f}{row['p50']:>10.1f}{row['p95']:>10.1f}"
                     f"{row['p99']:>10.1f}{row['max']:>10.1f}")
    lines.append("")
    lines.append(f"errors: {len(report['errors'])}")
    if report.get("slow_stream_closes"):
        lines.append(f"  client event streams still open after {STREAM_CLOSE_S:g} s: {report['slow_stream_closes']} "
                     "(the next call may then be cancelled by the client itself)")
    lines += [f"  {e}" for e in report["errors"][:10]]
    if len(report["errors"]) > 10:
        lines.append(f"  … {len(report['errors']) - 10} more")
    lines.append(f"answers checked: {report['answers']} (each conversation's own figures), "
                 f"problems: {len(report['answer_problems'])}")
    lines += [f"  {p}" for p in report["answer_problems"][:10]]
    lines.append(f"feedback rows: {report['feedback_rows']} in SQLite for {report['ratings']} ratings left, "
                 f"problems: {len(report['feedback_problems'])}")
    lines += [f"  {p}" for p in report["feedback_problems"][:10]]
    lines.append("PASS" if passed(report) else "FAIL")
    return "\n".join(lines)


def passed(report: dict) -> bool:
    return (report["conversations"] > 0 and not report["errors"] and not report["answer_problems"]
            and not report["feedback_problems"] and report["feedback_rows"] == report["ratings"])


# -- one simulated user ----------------------------------------------------------------------------------

@dataclass
class UserLog:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"chat": [], "feedback": [], "clear": []})
    errors: list[str] = field(default_factory=list)
    answer_problems: list[str] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    answers: int = 0
    conversations: int = 0
    slow_stream_closes: int = 0  # waits for the client's event stream that gave up (see wait_for_stream_close)


def _text(message: Any) -> str:
    content = message.get("content") if isinstance(message, dict) else None
    if isinstance(content, list):  # Gradio 6 sends message content as parts
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return content if isinstance(content, str) else ""


def _user_questions(chat: list) -> list[str]:
    return [_text(m) for m in chat if isinstance(m, dict) and m.get("role") == "user"]


def wait_for_stream_close(client, limit_s: float = STREAM_CLOSE_S) -> bool:
    """Wait until the client's shared event-stream reader has closed; False if it is still open after `limit_s`.

    gradio_client 2.7.2 keeps one reader per client and tags a new call with that reader while it looks open.
    The server closes the stream once the session has nothing pending, so a call sent between the server's
    close and the reader noticing it is tagged with a reader that is ending, and the client cancels the call
    (CancelledError with no message: once in ~1,400 calls of a CI run). That race is in the load generator's
    client, not in the app; waiting here keeps it out of the app's error count. The wait is not timed.
    """
    lock = getattr(client, "pending_lock", None)
    if lock is None:  # another client version: nothing to wait for
        return True
    end = time.monotonic() + limit_s
    while True:
        with lock:
            if not client.stream_open:
                return True
        if time.monotonic() >= end:
            return False
        time.sleep(0.002)


def simulate_user(client, user: int, deadline: float, log: UserLog) -> None:
    """Scripted conversations in one session until `deadline` (the one under way finishes), each rated.

    Between conversations the user presses 清空对话 (/clear), so each one starts from an empty history.
    """
    for conversation in range(MAX_CONVERSATIONS):
        if time.monotonic() >= deadline:
            return
        rent = rent_for(user, conversation)
        turns = script(rent)
        chat: list = []
        if conversation:
            started = time.perf_counter()
            try:
                client.submit(api_name="/clear").result(timeout=CALL_TIMEOUT_S)
            except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
                log.errors.append(f"u{user} c{conversation} /clear: {type(exc).__name__}: {exc}"[:300])
                return  # the session's history is unknown now: this user stops
            log.latencies["clear"].append((time.perf_counter() - started) * 1000)
            log.slow_stream_closes += not wait_for_stream_close(client)
        for n, question in enumerate(turns):
            started = time.perf_counter()
            try:
                _box, chat, _read_out = client.submit(question, chat, api_name="/chat").result(timeout=CALL_TIMEOUT_S)
            except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
                log.errors.append(f"u{user} c{conversation} /chat turn {n + 1}: {type(exc).__name__}: {exc}"[:300])
                break
            log.latencies["chat"].append((time.perf_counter() - started) * 1000)
            log.slow_stream_closes += not wait_for_stream_close(client)
            text = _text(chat[-1]) if chat else ""
            if 'class="cite-card"' not in text:  # a message (loading, error, refusal) instead of a cited answer
                log.errors.append(f"u{user} c{conversation} /chat turn {n + 1}: no answer: {text[:200]}")
                break
            log.answers += 1
            if _user_questions(chat) != list(turns[:n + 1]):
                log.answer_problems.append(f"u{user} c{conversation}: chat shows questions {_user_questions(chat)}")
            problem = answer_problem(n, rent, text)
            if problem:
                log.answer_problems.append(f"u{user} c{conversation}: {problem}")
        else:
            rating = 1 if (user + conversation) % 2 == 0 else -1
            comment = comment_for(user, conversation)
            started = time.perf_counter()
            try:
                _, status = client.submit("up" if rating > 0 else "down", comment,
                                          api_name="/feedback").result(timeout=CALL_TIMEOUT_S)
            except Exception as exc:  # noqa: BLE001
                log.errors.append(f"u{user} c{conversation} /feedback: {type(exc).__name__}: {exc}"[:300])
                continue
            log.latencies["feedback"].append((time.perf_counter() - started) * 1000)
            log.slow_stream_closes += not wait_for_stream_close(client)
            row = _row_number(status)
            if row is None:
                log.errors.append(f"u{user} c{conversation} /feedback: not stored: {status}"[:300])
            log.ratings.append(Rating(user, conversation, rent, rating, comment, turns[-1], tuple(turns[:-1]), row))
            log.conversations += 1


def _row_number(status: str) -> int | None:
    found = re.search(r"（#(\d+)）", status or "")
    return int(found.group(1)) if found else None


# -- the run ---------------------------------------------------------------------------------------------

def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc (0 where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def start_app(data_dir: Path, feedback_db: Path, log_path: Path, command: Sequence[str] | None = None,
              ) -> tuple[subprocess.Popen, str]:
    """`python app.py` on a free loopback port with its own feedback database; returns (process, url)."""
    from assistant.settings import PROJECT_ROOT

    port = free_port()
    env = {**os.environ, "POLICY_HOST": LOOPBACK, "POLICY_PORT": str(port), "POLICY_DATA_DIR": str(data_dir),
           "POLICY_FEEDBACK_DB": str(feedback_db), "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    with open(log_path, "wb") as out:
        proc = subprocess.Popen(list(command or [sys.executable, "app.py"]), cwd=PROJECT_ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    return proc, f"http://{LOOPBACK}:{port}/"


def wait_until_answering(url: str, proc: subprocess.Popen, seconds: float = READY_TIMEOUT_S) -> None:
    """Poll the page, then /ask, until the engine answers (the app loads it in the background)."""
    deadline = time.monotonic() + seconds
    client = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app.py exited with status {proc.returncode} before answering")
        try:
            if client is None:
                with urllib.request.urlopen(url, timeout=2):
                    pass
                client = connect(url)
            client.predict(FIRST, "[]", api_name="/ask")
            client.close()
            return
        except Exception as exc:  # noqa: BLE001 - not serving yet, or still loading the engine
            if client is not None and "正在加载" not in str(exc):  # app.LOADING_MESSAGE; a failed load is final
                raise RuntimeError(f"/ask failed while waiting for the app: {exc}") from None
            time.sleep(0.5)
    raise RuntimeError(f"the app at {url} did not answer within {seconds:.0f} s")


def stop(proc: subprocess.Popen, seconds: float = 20) -> None:
    """End a server this process started: ask first, then kill (tests use it too)."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def connect(url: str):
    """A gradio_client for the app at `url`, which must be plain HTTP on loopback.

    `ssl_verify=False` because there is no TLS to verify on http://127.0.0.1, and with verification on httpx
    builds a certificate-loading SSL context (about 25 ms of CPU) for each of the several requests gradio_client
    makes per call: the load generator, not the app, would then saturate the cores.
    """
    from gradio_client import Client

    if not url.startswith(f"http://{LOOPBACK}:"):
        raise ValueError(f"bench-load only drives an app on http://{LOOPBACK}:PORT/, got {url!r}")
    return Client(url, verbose=False, analytics_enabled=False, ssl_verify=False)


def drive(url: str, users: int, seconds: float, server_pid: int | None = None) -> tuple[list[UserLog], float, dict]:
    """Run `users` simulated users against `url` for `seconds`; returns (their logs, wall seconds, CPU seconds)."""
    logs = [UserLog() for _ in range(users)]
    clients: list = [None] * users
    ready = threading.Barrier(users + 1)
    window: dict[str, float] = {}

    def user(n: int) -> None:
        try:
            clients[n] = connect(url)
        except Exception as exc:  # noqa: BLE001
            logs[n].errors.append(f"u{n}: could not connect: {type(exc).__name__}: {exc}"[:300])
        ready.wait()
        if clients[n] is not None:
            simulate_user(clients[n], n, window["deadline"], logs[n])

    threads = [threading.Thread(target=user, args=(n,), name=f"user-{n}", daemon=True) for n in range(users)]
    for t in threads:
        t.start()
    time.sleep(0.1)
    while ready.n_waiting < users:  # every client connected (or failed): start everyone at once
        time.sleep(0.05)
    server0, client0 = _cpu_seconds(server_pid) if server_pid else 0.0, sum(os.times()[:2])
    started = time.monotonic()
    window["deadline"] = started + seconds
    ready.wait()
    for t in threads:
        t.join(seconds + CALL_TIMEOUT_S * 4 + 30)
    wall = time.monotonic() - started
    cpu = {"server": (_cpu_seconds(server_pid) - server0) if server_pid else 0.0,
           "client": sum(os.times()[:2]) - client0}
    for c in clients:
        if c is not None:
            c.close()
    return logs, wall, cpu


def run(users: int, seconds: float, data_dir: Path, say: Callable[[str], None] = lambda m: None,
        command: Sequence[str] | None = None) -> dict:
    """Start the app, drive it, stop it, check the feedback database; returns the report (see `render`)."""
    from assistant.feedback import FeedbackStore

    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        feedback_db, log_path = Path(tmp) / "feedback.sqlite3", Path(tmp) / "app.log"
        proc, url = start_app(data_dir, feedback_db, log_path, command)
        try:
            say(f"starting the app at {url} (index {data_dir}) …")
            try:
                wait_until_answering(url, proc)
            except RuntimeError as exc:
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
                raise RuntimeError(f"{exc}\n--- app log (end) ---\n{tail}") from None
            say(f"running {users} users for {seconds:g} s …")
            load_before = os.getloadavg()[0]
            logs, wall, cpu = drive(url, users, seconds, proc.pid)
        finally:
            stop(proc)
        rows = FeedbackStore(feedback_db).entries()
        app_log = log_path.read_text(encoding="utf-8", errors="replace")
    left = [r for log in logs for r in log.ratings]
    return {
        "url": url, "users": users, "seconds": wall, "engine_concurrency": engine_concurrency(app_log),
        "cores": os.cpu_count(), "load_before": load_before,
        "server_cpu_s": cpu["server"], "client_cpu_s": cpu["client"],
        "conversations": sum(log.conversations for log in logs), "answers": sum(log.answers for log in logs),
        "ratings": len(left), "feedback_rows": len(rows),
        "latency": {kind: latency_summary([x for log in logs for x in log.latencies[kind]], wall)
                    for kind in ("chat", "feedback", "clear")},
        "errors": [e for log in logs for e in log.errors],
        "slow_stream_closes": sum(log.slow_stream_closes for log in logs),
        "answer_problems": [p for log in logs for p in log.answer_problems],
        "feedback_problems": feedback_problems(left, rows),
    }


def engine_concurrency(app_log: str) -> str:
    """The engine's concurrency_limit as the app announced it at start (app.main prints it), or '?'."""
    found = re.search(r"engine concurrency_limit=(\d+)", app_log)
    return found.group(1) if found else "?"


def main(users: int, seconds: float, data_dir: Path | None, say: Callable[[str], None]) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # gradio_client must not phone home
    if data_dir is None:
        from assistant.settings import settings

        data_dir = settings().data_dir
    try:
        report = run(users, seconds, data_dir, say)
    except RuntimeError as exc:  # the app did not start or never answered; the message carries its log's end
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(render(report))
    return 0 if passed(report) else 1
