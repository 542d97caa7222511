"""Concurrent load (`python -m evals bench-load`): its figures and checks, and a short run against the real app."""

from __future__ import annotations

import shutil
import threading

import pytest

from assistant.feedback import FeedbackEntry
from evals import bench_load as bl


# -- figures ---------------------------------------------------------------------------------------------

def test_latency_summary_is_nearest_rank_over_the_window():
    row = bl.latency_summary([float(x) for x in range(100, 0, -1)], seconds=20)  # 1..100, unsorted
    assert row == {"calls": 100, "per_s": 5.0, "p50": 50.0, "p95": 95.0, "p99": 99.0, "max": 100.0}
    row = bl.latency_summary([40.0, 10.0, 30.0, 20.0], seconds=4)
    assert (row["p50"], row["p95"], row["p99"], row["max"], row["per_s"]) == (20.0, 40.0, 40.0, 40.0, 1.0)
    assert bl.latency_summary([7.0], 2)["p99"] == 7.0
    assert bl.latency_summary([], 0) == {"calls": 0, "per_s": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0, "max": 0.0}


def _report(**changes) -> dict:
    report = {"url": "http://127.0.0.1:1234/", "users": 10, "seconds": 20.0, "engine_concurrency": "2", "cores": 2,
              "load_before": 0.5, "server_cpu_s": 30.0, "client_cpu_s": 4.0, "conversations": 100, "answers": 300,
              "ratings": 100, "feedback_rows": 100,
              "latency": {"chat": bl.latency_summary([10.0, 20.0, 30.0, 40.0], 20.0),
                          "feedback": bl.latency_summary([5.0], 20.0), "clear": bl.latency_summary([], 20.0)},
              "errors": [], "answer_problems": [], "feedback_problems": []}
    return {**report, **changes}


def test_render_shows_throughput_latency_and_verdict():
    text = bl.render(_report())
    assert "10 users for 20.0 s" in text and "concurrency_limit=2" in text
    assert "100 finished (5.00/s), 300 answers (15.0/s), 100 ratings" in text
    assert "1.50 cores busy" in text
    chat = next(line for line in text.splitlines() if line.startswith("chat"))
    assert chat.split() == ["chat", "4", "0.2", "20.0", "40.0", "40.0", "40.0"]
    assert "errors: 0" in text and "feedback rows: 100 in SQLite for 100 ratings left" in text
    assert text.endswith("PASS") and bl.passed(_report())


def test_any_error_or_missing_row_fails_the_run():
    errors = [f"u{n} c0 /chat turn 1: TimeoutError" for n in range(12)]
    text = bl.render(_report(errors=errors))
    assert "errors: 12" in text and "u9 c0" in text and "u10 c0" not in text and "… 2 more" in text
    assert text.endswith("FAIL")
    assert not bl.passed(_report(feedback_rows=99))
    assert not bl.passed(_report(answer_problems=["u1 c2: turn 3 (rent 20004) lacks ['需交房租10002元']"]))
    assert not bl.passed(_report(conversations=0))


# -- the script and its checks ---------------------------------------------------------------------------

def test_every_conversation_has_its_own_even_rent():
    rents = [bl.rent_for(u, c) for u in range(60) for c in range(0, bl.MAX_CONVERSATIONS, 7)]
    assert len(set(rents)) == len(rents) and all(r % 2 == 0 for r in rents)
    with pytest.raises(ValueError, match="conversation"):
        bl.rent_for(0, bl.MAX_CONVERSATIONS)


def test_answer_check_wants_this_conversations_figures():
    third = "第三个月房租减半，需交房租10001元，减免10001元，三个月共可减免房租50005元，前两个月房租免收，每月减免20002元"
    assert bl.answer_problem(2, 20002, third) is None
    assert "10002" in bl.answer_problem(2, 20004, third)  # another conversation's rent: caught
    assert bl.answer_problem(1, 20002, third) is None
    assert bl.answer_problem(0, 20002, "自本意见发布之日起三个月，前两个月房租免收、第三个月房租减半。") is None


def _left(user: int, conversation: int, row: int | None = None, rating: int = 1) -> bl.Rating:
    rent = bl.rent_for(user, conversation)
    turns = bl.script(rent)
    return bl.Rating(user, conversation, rent, rating, bl.comment_for(user, conversation), turns[2], turns[:2], row)


def _row(left: bl.Rating, row: int, **changes) -> FeedbackEntry:
    fields = {"id": row, "created_at": "2026-11-26T00:00:00+00:00", "app_version": "0.1.0", "rating": left.rating,
              "comment": left.comment, "question": left.question,
              "history": tuple({"role": "user", "content": q} for q in left.history),
              "answer": {"answer": "…", "calculation": {"inputs": {"monthly_rent": left.rent}}}, "citations": ()}
    return FeedbackEntry(**{**fields, **changes})


def test_feedback_check_passes_when_every_rating_is_stored_once_as_left():
    left = [_left(0, 0, 1), _left(1, 0, 2, rating=-1), _left(0, 1, 3)]
    assert bl.feedback_problems(left, [_row(r, r.row) for r in left]) == []


def test_feedback_check_catches_missing_extra_duplicate_and_foreign_rows():
    a, b = _left(0, 0, 1), _left(1, 0, 2)
    problems = bl.feedback_problems([a, b], [_row(a, 1)])
    assert problems == ["rating bench-load u001 c0000 (row #2) is not in the feedback database"]
    stranger = _row(a, 9, comment="someone else")
    assert "match no rating left" in bl.feedback_problems([a], [_row(a, 1), stranger])[0]
    assert "2 feedback rows [1, 5] for one rating" in bl.feedback_problems([a], [_row(a, 1), _row(a, 5)])[0]
    # a row holding user 1's turn as user 0's history: the isolation failure this bench looks for
    leaked = _row(a, 1, history=tuple({"role": "user", "content": q} for q in b.history))
    assert any("history" in p and "月租20000元呢？" in p for p in bl.feedback_problems([a], [leaked]))
    wrong_rent = _row(a, 1, answer={"answer": "…", "calculation": {"inputs": {"monthly_rent": b.rent}}})
    assert any("rent 20000" in p for p in bl.feedback_problems([a], [wrong_rent]))
    assert any("rating -1" in p for p in bl.feedback_problems([a], [_row(a, 1, rating=-1)]))
    assert any("the app said #1" in p for p in bl.feedback_problems([a], [_row(a, 7)]))


def test_only_loopback_urls_are_driven():
    with pytest.raises(ValueError, match="127.0.0.1"):
        bl.connect("http://0.0.0.0:7860/")


# -- the short run ---------------------------------------------------------------------------------------

class _Stream:
    """The two attributes of gradio_client.Client that say whether its event-stream reader is open."""

    def __init__(self, open_for_s: float | None):
        self.pending_lock = threading.Lock()
        self.stream_open = True
        if open_for_s is not None:
            threading.Timer(open_for_s, self._close).start()

    def _close(self):
        with self.pending_lock:
            self.stream_open = False


def test_users_wait_for_the_clients_stream_to_close_before_the_next_call():
    assert bl.wait_for_stream_close(_Stream(0.05), limit_s=5.0)
    assert not bl.wait_for_stream_close(_Stream(None), limit_s=0.05)  # bounded: never closes, gives up
    assert bl.wait_for_stream_close(object())  # a client without the shared reader: nothing to wait for


@pytest.mark.integration
def test_ten_users_for_twenty_seconds(real_engine, tmp_path, capsys):
    """`python app.py` on a loopback port, 10 users chatting and rating for 20 s: no error, every row, no leaks."""
    data_dir = tmp_path / "index"
    shutil.copytree(real_engine.settings.data_dir, data_dir)  # a built index: the app only loads it
    report = bl.run(10, 20, data_dir)
    with capsys.disabled():
        print("\n" + bl.render(report))
    assert report["errors"] == []
    assert report["answer_problems"] == [] and report["feedback_problems"] == []
    assert report["conversations"] >= 10 and report["feedback_rows"] == report["ratings"] == report["conversations"]
    assert report["answers"] == 3 * report["conversations"]
    assert report["engine_concurrency"] != "?" and bl.passed(report)
