"""app.py with a fake engine: the `ask` API over a real local server, formatting, and the chat handler."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import json  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402

import pytest  # noqa: E402
from gradio_client import Client  # noqa: E402

import app  # noqa: E402
from assistant.question import QuestionError  # noqa: E402
from assistant.settings import settings  # noqa: E402
from corpus.records import Answer, Citation  # noqa: E402

CITATION = Citation(doc="taiyuan-2020-2", clause="6", title="减免中小微企业房租",
                    quote="对承租市属国有企业经营用房的中小微企业，免收2月份房租，3月和4月房租减半收取。",
                    start=100, end=140, units=("市国资委", "各县（市、区）人民政府"))
ANSWER = Answer(text="免收2月份房租，3月和4月房租减半收取。", refused=False, citations=(CITATION,), intent="lookup")


class FakeEngine:
    def __init__(self, answer: Answer = ANSWER, error: Exception | None = None) -> None:
        self._answer = answer
        self._error = error
        self.calls: list[tuple[str, list]] = []

    def answer(self, question, history):
        self.calls.append((question, list(history)))
        if self._error is not None:
            raise self._error
        if not question.strip():
            raise QuestionError("empty question")
        return self._answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served():
    engine = FakeEngine()
    demo = app.build_app(lambda: engine)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, share=False)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        yield engine, client
    finally:
        demo.close()


def test_ask_endpoint_returns_answer_json(served):
    engine, client = served
    history = [{"role": "user", "content": "租金"}, {"role": "assistant", "content": "……"}]
    result = client.predict("房租能减免多少？", json.dumps(history, ensure_ascii=False), api_name="/ask")
    assert result["answer"] == ANSWER.text
    assert result["refused"] is False
    assert [c["clause"] for c in result["citations"]] == ["6"]
    assert result["citations"][0]["quote"] == CITATION.quote
    assert engine.calls[-1] == ("房租能减免多少？", history)


def test_ask_endpoint_reports_bad_input(served):
    _, client = served
    with pytest.raises(Exception, match="字以内"):
        client.predict("长" * (settings().max_question_chars + 1), "[]", api_name="/ask")
    with pytest.raises(Exception, match="JSON"):
        client.predict("房租能减免多少？", "{not json", api_name="/ask")


def test_formatting_escapes_html():
    nasty = Citation(doc="d", clause="3", title="<b>标题</b>", quote='<script>alert("x")</script>', start=0, end=1,
                     units=("<img src=x onerror=alert(1)>",))
    out = app.format_answer(Answer(text="<script>alert(1)</script>", refused=False, citations=(nasty,)))
    assert "<script>" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "第3项 · &lt;b&gt;标题&lt;/b&gt;" in out
    assert "<blockquote>&lt;script&gt;" in out
    assert "责任单位：&lt;img" in out


def test_citation_card_has_label_quote_and_units():
    out = app.format_answer(ANSWER)
    assert "第6项 · 减免中小微企业房租" in out
    assert f"<blockquote>{CITATION.quote}</blockquote>" in out
    assert "责任单位：市国资委、各县（市、区）人民政府" in out


def test_refusal_shown_with_note_and_no_card():
    out = app.format_answer(Answer(text="现有文件没有涉及「出口退税」，无法据此回答。", refused=True, intent="refusal"))
    assert "出口退税" in out and app.REFUSAL_NOTE in out and "cite-card" not in out


def test_chat_escapes_question_and_passes_user_history():
    engine = FakeEngine()
    respond = app.make_respond(lambda: engine, 1000)
    box, chat, turns = respond("<script>alert(1)</script>房租？", [], [])
    assert box == ""
    assert chat[0] == {"role": "user", "content": "&lt;script&gt;alert(1)&lt;/script&gt;房租？"}
    assert "第6项 · 减免中小微企业房租" in chat[1]["content"]
    _, chat, turns = respond("那3月呢？", chat, turns)
    assert engine.calls[-1] == ("那3月呢？", [{"role": "user", "content": "<script>alert(1)</script>房租？"}])
    assert len(chat) == 4 and turns == ["<script>alert(1)</script>房租？", "那3月呢？"]


def test_chat_over_long_and_empty_questions_get_messages():
    engine = FakeEngine()
    respond = app.make_respond(lambda: engine, 10)
    _, chat, turns = respond("长" * 11, [], [])
    assert "字以内" in chat[-1]["content"] and "10" in chat[-1]["content"]
    _, chat, turns = respond("   ", chat, turns)
    assert chat[-1] == {"role": "assistant", "content": app.format_message(app.EMPTY_MESSAGE)}
    assert turns == [] and engine.calls == []


def test_chat_errors_are_messages_not_exceptions(caplog):
    respond = app.make_respond(lambda: FakeEngine(error=QuestionError("history[0] too long")), 1000)
    _, chat, _ = respond("房租？", [], [])
    assert "history[0] too long" in chat[-1]["content"]

    respond = app.make_respond(lambda: FakeEngine(error=RuntimeError("boom in /secret/path.py")), 1000)
    with caplog.at_level("ERROR", logger="policy.app"):
        _, chat, turns = respond("房租？", [], [])
    assert chat[-1]["content"] == app.format_message(app.GENERIC_ERROR)
    assert "secret" not in chat[-1]["content"] and turns == []
    assert any("boom" in (r.exc_text or "") for r in caplog.records)


def test_loader_says_loading_until_ready_then_answers():
    release = threading.Event()
    engine = FakeEngine()

    def build():
        release.wait(5)
        return engine

    loader = app.EngineLoader(build, wait_seconds=0.05)
    loader.start()
    respond = app.make_respond(loader.get, 1000)
    _, chat, turns = respond("房租？", [], [])
    assert app.LOADING_MESSAGE in chat[-1]["content"] and turns == []
    release.set()
    loader._ready.wait(5)
    _, chat, turns = respond("房租？", chat, turns)
    assert "第6项" in chat[-1]["content"] and turns == ["房租？"]


def test_loader_failure_is_reported_generically():
    def build():
        raise OSError("/models/missing: no such file")

    loader = app.EngineLoader(build, wait_seconds=2)
    respond = app.make_respond(loader.get, 1000)
    _, chat, _ = respond("房租？", [], [])
    assert app.LOAD_FAILED_MESSAGE in chat[-1]["content"] and "/models" not in chat[-1]["content"]
