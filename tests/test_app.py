"""app.py's handlers and its API over a real local server (engine on the fake embedder; browser tests are in
test_browser.py)."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import json  # noqa: E402
import sqlite3  # noqa: E402
import threading  # noqa: E402

import gradio as gr  # noqa: E402
import pytest  # noqa: E402
from gradio_client import Client  # noqa: E402

import app  # noqa: E402
from assistant import render  # noqa: E402
from assistant.question import QuestionError  # noqa: E402
from assistant.settings import load_settings  # noqa: E402
from corpus.records import Answer, Citation  # noqa: E402
from tests.conftest import TODAY, served_app  # noqa: E402

CITATION = Citation(doc="taiyuan-2020-2", clause="6", title="减免中小微企业房租",
                    quote="对承租市属国有企业经营用房的中小微企业，免收2月份房租，3月和4月房租减半收取。",
                    start=100, end=140, units=("市国资委", "各县（市、区）人民政府"))
ANSWER = Answer(text="免收2月份房租，3月和4月房租减半收取。", refused=False, citations=(CITATION,), intent="lookup")


class FakeEngine:
    def __init__(self, answer: Answer = ANSWER, error: Exception | None = None, index=None) -> None:
        self._answer = answer
        self._error = error
        self.index = index
        self.calls: list[tuple[str, list]] = []

    def answer(self, question, history):
        self.calls.append((question, list(history)))
        if self._error is not None:
            raise self._error
        if not question.strip():
            raise QuestionError("empty question")
        return self._answer


@pytest.fixture
def cfg(tmp_path):
    return load_settings(data_dir=tmp_path / "index", feedback_db=tmp_path / "feedback.sqlite3",
                         reports_dir=tmp_path / "reports", today=TODAY)


def services(engine, policy, cfg) -> app.Services:
    return app.Services(lambda: engine, (policy,), cfg)


@pytest.fixture(scope="module")
def server(fake_engine, policy, tmp_path_factory):
    with served_app(fake_engine, [policy], tmp_path_factory.mktemp("app")) as (url, cfg):
        yield url, cfg


@pytest.fixture(scope="module")
def served(server):
    return Client(server[0], verbose=False)


# -- the API through gradio_client ---------------------------------------------------------------------

def test_ask_api_answers_with_citations(served):
    result = served.predict("我租的国有门面月租2万，能减免多少？", "[]", api_name="/ask")
    assert result["refused"] is False
    assert result["citations"][0]["clause"] == "6"
    assert result["calculation"]["result"]["relief_total"] == 50000


def test_ask_api_follow_up_uses_history(served):
    history = [{"role": "user", "content": "国有房产的房租怎么减免？"}]
    result = served.predict("那第三个月呢？", json.dumps(history, ensure_ascii=False), api_name="/ask")
    assert [c["clause"] for c in result["citations"]][:1] == ["6"]
    assert "减半" in result["answer"]


def test_ask_api_reports_bad_input(served):
    with pytest.raises(Exception, match="字以内"):
        served.predict("长" * 1001, "[]", api_name="/ask")
    with pytest.raises(Exception, match="JSON"):
        served.predict("房租能减免多少？", "{not json", api_name="/ask")


def test_lookup_api_ranks_and_locates_terms(served, policy):
    result = served.predict("反担保", "", api_name="/lookup")
    first = result["hits"][0]
    assert first["clause"] == "3" and result["terms"] == ["反担保"]
    text = policy.section("3").text
    assert [text[s:e] for s, e in first["spans"]] == ["反担保"]
    assert first["read_out"].startswith("依据《太原市人民政府关于应对新型冠状病毒感染肺炎疫情支持中小微企业发展的意见》第三条：")


def test_lookup_api_filters_by_department(served, policy):
    result = served.predict("", "市人社局", api_name="/lookup")
    clauses = [h["clause"] for h in result["hits"]]
    assert clauses == [s.id for s in policy.sections if "市人社局" in s.units] and clauses
    with pytest.raises(Exception, match="市人社局"):  # an unknown unit: the error lists the valid ones
        served.predict("房租", "市火星局", api_name="/lookup")


def _text(message: dict) -> str:
    content = message["content"]
    return "".join(part.get("text", "") for part in content) if isinstance(content, list) else content


def test_chat_api_keeps_each_sessions_history_apart(server):
    url, cfg = server
    a, b = Client(url, verbose=False), Client(url, verbose=False)  # two browser tabs: two server-side sessions
    _, chat_a, _ = a.predict("国有房产的房租怎么减免？", [], api_name="/chat")
    _, chat_b, _ = b.predict("国有房产的房租怎么减免？", [], api_name="/chat")
    _, chat_a, _ = a.predict("月租30000元呢？", chat_a, api_name="/chat")
    _, chat_b, _ = b.predict("月租18000元呢？", chat_b, api_name="/chat")
    _, chat_a, read_out = a.predict("那第三个月呢？", chat_a, api_name="/chat")
    _, chat_b, _ = b.predict("那第三个月呢？", chat_b, api_name="/chat")
    assert "需交房租15000元" in _text(chat_a[-1]) and "需交房租9000元" in _text(chat_b[-1])
    assert len(chat_a) == 6 and read_out.startswith("依据《")
    _, status = a.predict("down", "  第三个月？ ", api_name="/feedback")
    assert "👎" in status
    row = int(status.split("#")[1].split("）")[0])
    with sqlite3.connect(cfg.feedback_db) as db:
        question, history, comment, rating = db.execute(
            "SELECT question, history, comment, rating FROM feedback WHERE id = ?", (row,)).fetchone()
    assert (question, comment, rating) == ("那第三个月呢？", "第三个月？", -1)
    assert json.loads(history) == [{"role": "user", "content": "国有房产的房租怎么减免？"},
                                   {"role": "user", "content": "月租30000元呢？"}]
    assert a.predict(api_name="/clear")[1] == []  # 清空对话: the next question has no history
    _, chat_a, _ = a.predict("那第三个月呢？", [], api_name="/chat")
    assert "15000" not in _text(chat_a[-1])


def test_feedback_api_rejects_bad_input_with_a_message(server):
    fresh = Client(server[0], verbose=False)
    with pytest.raises(Exception, match="先用 /chat 提问"):
        fresh.predict("up", "", api_name="/feedback")
    fresh.predict("反担保有什么规定？", [], api_name="/chat")
    for bad in ("meh", "", "1"):
        with pytest.raises(Exception, match=r"rating must be one of \['up', 'down'\]") as info:
            fresh.predict(bad, "", api_name="/feedback")
        assert "Traceback" not in str(info.value)
    with pytest.raises(Exception, match="comment too long"):
        fresh.predict("up", "长" * 2001, api_name="/feedback")
    assert "👍" in fresh.predict(" up ", "", api_name="/feedback")[1]


# -- chat handler ----------------------------------------------------------------------------------------

def test_chat_escapes_question_and_passes_user_history(policy, cfg):
    engine = FakeEngine()
    respond = app.make_respond(services(engine, policy, cfg))
    box, chat, turns, exchanges, read_out = respond("<script>alert(1)</script>房租？", [], [], {})
    assert box == ""
    assert chat[0] == {"role": "user", "content": "&lt;script&gt;alert(1)&lt;/script&gt;房租？"}
    assert "减免中小微企业房租" in chat[1]["content"] and "<script>" not in chat[1]["content"]
    assert read_out.startswith("依据《太原市人民政府关于应对新型冠状病毒感染肺炎疫情支持中小微企业发展的意见》第六条：")
    _, chat, turns, exchanges, _ = respond("那3月呢？", chat, turns, exchanges)
    assert engine.calls[-1] == ("那3月呢？", [{"role": "user", "content": "<script>alert(1)</script>房租？"}])
    assert len(chat) == 4 and turns == ["<script>alert(1)</script>房租？", "那3月呢？"]
    assert sorted(exchanges) == [1, 3] and exchanges[3].history == ({"role": "user", "content": turns[0]},)


def test_chat_over_long_and_empty_questions_get_messages(policy, cfg):
    engine = FakeEngine()
    short = app.Services(lambda: engine, (policy,), load_settings(max_question_chars=10, today=TODAY))
    respond = app.make_respond(short)
    _, chat, turns, exchanges, _ = respond("长" * 11, [], [], {})
    assert "字以内" in chat[-1]["content"] and "10" in chat[-1]["content"]
    _, chat, turns, exchanges, _ = respond("   ", chat, turns, exchanges)
    assert chat[-1] == {"role": "assistant", "content": render.message_html(app.EMPTY_MESSAGE)}
    assert turns == [] and engine.calls == [] and exchanges == {}


def test_chat_errors_are_messages_not_exceptions(policy, cfg, caplog):
    respond = app.make_respond(services(FakeEngine(error=QuestionError("history[0] too long")), policy, cfg))
    _, chat, _, _, _ = respond("房租？", [], [], {})
    assert "history[0] too long" in chat[-1]["content"]

    respond = app.make_respond(services(FakeEngine(error=RuntimeError("boom in /secret/path.py")), policy, cfg))
    with caplog.at_level("ERROR", logger="policy.app"):
        _, chat, turns, _, _ = respond("房租？", [], [], {})
    assert chat[-1]["content"] == render.message_html(app.GENERIC_ERROR)
    assert "secret" not in chat[-1]["content"] and turns == []
    assert any("boom" in (r.exc_text or "") for r in caplog.records)


def test_calculation_steps_shown_once(fake_engine, policy, cfg):
    respond = app.make_respond(services(fake_engine, policy, cfg))
    _, chat, _, _, _ = respond("我租的国有门面月租2万，能减免多少？", [], [], {})
    html = chat[-1]["content"]
    assert html.count("合计减免") == 1 and "<ol>" in html


# -- feedback --------------------------------------------------------------------------------------------

def _like(index: int, liked) -> gr.LikeData:
    return gr.LikeData(None, {"index": index, "value": "…", "liked": liked})


def test_thumbs_store_question_history_answer_and_comment(fake_engine, policy, cfg):
    svc = services(fake_engine, policy, cfg)
    respond, rate = app.make_respond(svc), app.make_rate(svc)
    _, chat, turns, exchanges, _ = respond("国有房产的房租怎么减免？", [], [], {})
    _, chat, turns, exchanges, _ = respond("那第三个月呢？", chat, turns, exchanges)
    comment, status = rate(exchanges, "  第三个月说得不清楚  ", _like(3, False))
    assert comment == "" and "已记录" in status and "👎" in status
    comment, status = rate(exchanges, "", _like(1, True))
    assert "👍" in status
    with sqlite3.connect(cfg.feedback_db) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        rows = db.execute("SELECT rating, question, history, comment, answer, citations FROM feedback ORDER BY id").fetchall()
    assert [(r[0], r[1]) for r in rows] == [(-1, "那第三个月呢？"), (1, "国有房产的房租怎么减免？")]
    assert json.loads(rows[0][2]) == [{"role": "user", "content": "国有房产的房租怎么减免？"}]
    assert rows[0][3] == "第三个月说得不清楚"
    assert json.loads(rows[0][4])["citations"][0]["clause"] == "6"
    assert json.loads(rows[0][5])[0]["clause"] == "6"


def test_rating_a_non_answer_or_into_a_broken_database_says_so(fake_engine, policy, cfg, tmp_path):
    svc = services(fake_engine, policy, cfg)
    comment, status = app.make_rate(svc)({}, "keep me", _like(0, False))
    assert comment == "keep me" and "只能评价" in status
    broken = tmp_path / "not-a-db.sqlite3"
    broken.write_bytes(b"this is not sqlite" * 100)
    svc = services(fake_engine, policy, load_settings(feedback_db=broken, today=TODAY))
    _, chat, turns, exchanges, _ = app.make_respond(svc)("房租？", [], [], {})
    comment, status = app.make_rate(svc)(exchanges, "keep me", _like(1, False))
    assert comment == "keep me" and "没有保存" in status and "Traceback" not in status


# -- lookup and calculator handlers ----------------------------------------------------------------------

def test_search_handler_highlights_and_reports_loading(fake_engine, policy, cfg):
    html, lines = app.make_search(services(fake_engine, policy, cfg))("反担保", app.ALL, app.ALL)
    assert '<mark class="hit">反担保</mark>' in html and 'data-section="3"' in html
    assert lines.startswith("依据《") and "第三条：" in lines
    html, lines = app.make_search(services(fake_engine, policy, cfg))("反" * 201, app.ALL, app.ALL)
    assert "太长" in html and lines == ""

    def loading():
        raise app.EngineLoading(app.LOADING_MESSAGE)

    html, _ = app.make_search(app.Services(loading, (policy,), cfg))("反担保", app.ALL, app.ALL)
    assert app.LOADING_MESSAGE in html


def test_search_handler_browses_one_section(fake_engine, policy, cfg):
    html, lines = app.make_search(services(fake_engine, policy, cfg))("", app.ALL, "taiyuan-2020-2::6")
    assert lines.count("\n") == 0 and "第六条" in lines
    assert html.count('class="lookup-hit"') == 1 and 'data-section="6"' in html


def test_calculator_handler_marks_the_bad_field_then_computes(policy, cfg):
    form = next(f for f in app.FORMS if f.kind == "rent_relief")
    calculate = app.make_calculate(services(FakeEngine(), policy, cfg), form)
    values = {"monthly_rent": "很多钱", "landlord": "国有资产类经营用房"}
    out = calculate(*(values.get(f.name, "") for f in form.fields))
    errors = dict(zip([f.name for f in form.fields], out[:-1]))
    assert errors["monthly_rent"]["visible"] is True and "月租" in errors["monthly_rent"]["value"]
    assert errors["landlord"]["visible"] is False
    values["monthly_rent"] = "2万"
    out = calculate(*(values.get(f.name, "") for f in form.fields))
    assert all(update["visible"] is False for update in out[:-1])
    assert "50000" in out[-1] and "减免中小微企业房租" in out[-1] and "<ol>" in out[-1]


# -- eval tab --------------------------------------------------------------------------------------------

def test_report_tab_without_a_report_says_how_to_make_one(cfg):
    summary, *_ = app.report_views(cfg.reports_dir)
    assert summary == app.NO_REPORT


def test_report_tab_reads_tables_and_hides_test_questions(cfg):
    overall = {"cases": 2, **{k: 0.5 for k, _ in app.eval_report.COLUMNS}}
    row = {"id": "ty-1", "split": "dev", "category": "lookup", "question": "开发集问题？", "history": [],
           "expected": ["3"], "facts": ["x"], "expect_refused": False, "answer": "答", "refused": False,
           "cited": ["4"], "failed": ["top_citation"]}
    report = {"meta": {"generated": "2026-11-26", "model": "m3e-small", "today": "2026-11-26"},
              "splits": ["dev", "test"],
              "systems": {"full": {"overall": {"dev": overall, "test": overall},
                                   "by_category": {"dev": {"lookup": overall}, "test": {"lookup": overall}}}},
              "cases": {"full": [row, {**row, "id": "ty-2", "split": "test", "question": "留出集问题？"}]}}
    cfg.reports_dir.mkdir()
    (cfg.reports_dir / "latest.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    summary, systems, categories, chart, failing = app.report_views(cfg.reports_dir)
    assert "2026-11-26" in summary and systems["data"][0][0] == "full" and categories["data"][-1][0] == "ALL"
    assert chart == ""  # no PNG written in this folder
    (cfg.reports_dir / "accuracy_test.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    chart = app.report_views(cfg.reports_dir)[3]
    assert chart.startswith('<img class="report-chart"') and "data:image/png;base64," in chart
    assert str(cfg.reports_dir) not in chart
    assert "开发集问题" in failing and "ty-2" in failing and "留出集问题" not in failing
    extra_overall = {"cases": 3, "right_doc": 0.5, "facts": 0.25, "refusal": 1.0, "correct": 0.25,
                     "latency_p50_ms": 20.0, "latency_p95_ms": 30.0}
    report["extra"] = {"overall": {"test": extra_overall}, "by_category": {"test": {"region_lookup": extra_overall}},
                       "cases": [], "meta": {"documents": 600}}
    (cfg.reports_dir / "latest.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    summary = app.report_views(cfg.reports_dir)[0]
    assert "多文件（600 份文件" in summary and "| region_lookup | 3 | 50.0% | 25.0% |" in summary


# -- loading ---------------------------------------------------------------------------------------------

def test_loader_says_loading_until_ready_then_answers(policy, cfg):
    release = threading.Event()
    engine = FakeEngine()

    def build():
        release.wait(5)
        return engine

    loader = app.EngineLoader(build, wait_seconds=0.05)
    loader.start()
    respond = app.make_respond(app.Services(loader.get, (policy,), cfg))
    _, chat, turns, _, _ = respond("房租？", [], [], {})
    assert app.LOADING_MESSAGE in chat[-1]["content"] and turns == []
    release.set()
    loader._ready.wait(5)
    _, chat, turns, _, _ = respond("房租？", chat, turns, {})
    assert "减免中小微企业房租" in chat[-1]["content"] and turns == ["房租？"]


def test_loader_failure_is_reported_generically(policy, cfg):
    def build():
        raise OSError("/models/missing: no such file")

    loader = app.EngineLoader(build, wait_seconds=2)
    respond = app.make_respond(app.Services(loader.get, (policy,), cfg))
    _, chat, _, _, _ = respond("房租？", [], [], {})
    assert app.LOAD_FAILED_MESSAGE in chat[-1]["content"] and "/models" not in chat[-1]["content"]


def test_section_and_document_choices(policy):
    other = type(policy)(doc="other", title="另一份文件", doc_number="", issued="", addressees="", text="x",
                         sections=policy.sections[:1])
    assert app.section_choices([policy], None)[2] == ("一、确保中小微企业信贷余额不下降", "taiyuan-2020-2::1")
    assert app.section_choices([policy, other], None) == [(app.ALL, app.ALL)]  # pick a document first
    assert len(app.section_choices([policy, other], "taiyuan-2020-2")) == len(policy.sections) + 1
    assert app.document_choices([policy, other])[2] == ("另一份文件（other）", "other")
