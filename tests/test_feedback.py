"""The feedback store (SQLite, WAL, many threads), its validation, and export of flagged answers as gold drafts."""

import json
import sqlite3
import threading

import pytest

from assistant.feedback import MAX_COMMENT_CHARS, FeedbackEntry, FeedbackError, FeedbackStore, app_version
from evals.__main__ import main
from evals.feedback_export import draft_cases, export
from evals.gold_set import KEYS, _case, load_gold

CITE6 = {"doc": "taiyuan-2020-2", "clause": "6", "title": "六、减免房租", "quote": "免收2个月房租",
         "start": 10, "end": 17}
CITE5 = {**CITE6, "clause": "5", "quote": "缓缴社保"}


def answer(text="月租2万可减免5万元。", citations=(CITE6,), refused=False):
    return {"answer": text, "refused": refused, "citations": list(citations), "calculation": None, "latency_ms": 3.2}


def entry(**kw):
    base = dict(id=7, created_at="2026-11-26T08:00:00+00:00", app_version="0.1.0", rating=-1, comment="",
                question="房租能减多少？", history=(), answer=answer(), citations=(CITE6,))
    return FeedbackEntry(**{**base, **kw})


@pytest.fixture
def store(tmp_path):
    return FeedbackStore(tmp_path / "nested" / "fb.sqlite3", clock=lambda: "2026-11-26T08:00:00+00:00")


def test_round_trip_keeps_every_field(store):
    history = [{"role": "user", "content": "我是小微企业"}, {"role": "assistant", "content": "好的"}]
    fid = store.record("down", "房租能减多少？", history, answer(citations=(CITE6, CITE5)),
                       comment=" 少了第五条 ", app_version="9.9")
    assert fid == 1 and store.count() == 1
    (e,) = store.entries()
    assert e == FeedbackEntry(id=1, created_at="2026-11-26T08:00:00+00:00", app_version="9.9", rating=-1,
                              comment="少了第五条", question="房租能减多少？", history=tuple(history),
                              answer=answer(citations=(CITE6, CITE5)), citations=(CITE6, CITE5))


def test_defaults_utc_time_and_installed_version(tmp_path):
    s = FeedbackStore(tmp_path / "fb.sqlite3")
    s.record(1, "问", [], answer())
    (e,) = s.entries()
    assert e.app_version == app_version() != "" and e.rating == 1 and e.comment == ""
    assert e.created_at.endswith("+00:00") and len(e.created_at) == len("2026-11-26T08:00:00+00:00")


def test_json_columns_are_not_ascii_escaped(store):
    store.record(-1, "房租？", [], answer())
    raw = sqlite3.connect(store.path).execute("SELECT question, answer, citations FROM feedback").fetchone()
    assert "房租" in raw[0] and "减免" in raw[1] and "六、减免房租" in raw[2] and "\\u" not in raw[1] + raw[2]


def test_flagged_only_means_thumbs_down_or_a_comment(store):
    store.record("up", "a", [], answer())
    store.record("up", "b", [], answer(), comment="引用不对")
    store.record("down", "c", [], answer())
    assert [e.question for e in store.entries(flagged_only=True)] == ["b", "c"]
    assert len(store.entries()) == 3


def test_missing_file_reads_as_empty_and_is_not_created(tmp_path):
    s = FeedbackStore(tmp_path / "none" / "fb.sqlite3")
    assert s.entries() == [] and s.count() == 0
    assert not (tmp_path / "none").exists()


def test_wal_mode_is_on(store):
    store.record(1, "问", [], answer())
    assert sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_concurrent_writes_from_many_threads_all_land(store):
    errors, start = [], threading.Barrier(8)

    def write(t):
        start.wait()
        try:
            for i in range(20):
                store.record(1 if i % 2 else -1, f"t{t}-{i}", [], answer())
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count() == 160
    assert {e.question for e in store.entries()} == {f"t{t}-{i}" for t in range(8) for i in range(20)}
    assert sorted(e.id for e in store.entries()) == list(range(1, 161))


@pytest.mark.parametrize("call, message", [
    (dict(rating=0), "rating must be one of [1, -1, 'up', 'down'], got 0"),
    (dict(rating=True), "got True"),
    (dict(rating="👍"), "got '👍'"),
    (dict(rating=[1]), "got [1]"),
    (dict(question="  "), "question must be a non-empty string, got '  '"),
    (dict(question=None), "question must be a non-empty string, got None"),
    (dict(comment="x" * (MAX_COMMENT_CHARS + 1)), f"{MAX_COMMENT_CHARS + 1} characters (limit {MAX_COMMENT_CHARS})"),
    (dict(history="你好"), "history must be a list"),
    (dict(history=[{"role": "system", "content": "x"}]),
     "history[0] must be an object with 'role' in ('user', 'assistant')"),
    (dict(answer_json="文本"), "answer_json must be the answer contract"),
    (dict(answer_json={"answer": "x", "citations": "6"}), "answer_json['citations'] must be a list of objects"),
])
def test_validation_names_the_bad_value_and_the_choices(store, call, message):
    args = dict(rating=1, question="问", history=[], answer_json=answer())
    with pytest.raises(FeedbackError) as err:
        store.record(**{**args, **call})
    assert message in str(err.value)
    assert store.count() == 0


def test_comment_at_the_limit_is_accepted(store):
    store.record(1, "问", [], answer(), comment="x" * MAX_COMMENT_CHARS)
    assert store.count() == 1


@pytest.mark.parametrize("content", [b"this is not a database, just some text" * 100, b"\x00\xff" * 4096])
def test_corrupt_file_gives_a_clear_error_naming_the_path(tmp_path, content):
    path = tmp_path / "fb.sqlite3"
    path.write_bytes(content)
    store = FeedbackStore(path)
    for call in (lambda: store.record(1, "问", [], answer()), store.entries, store.count):
        with pytest.raises(FeedbackError, match="is not a SQLite database") as err:
            call()
        assert str(path) in str(err.value) and "POLICY_FEEDBACK_DB" in str(err.value)


def test_foreign_table_named_feedback_is_refused(tmp_path):
    path = tmp_path / "fb.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE feedback (x TEXT)")
    with pytest.raises(FeedbackError, match=r"columns \['x'\], expected \['id', 'created_at'"):
        FeedbackStore(path).count()


# -- drafts ---------------------------------------------------------------------------------------------------

def test_drafts_only_flagged_and_never_copy_citations():
    entries = [entry(id=1, rating=1), entry(id=2, rating=-1), entry(id=3, rating=1, comment="数字不对")]
    drafts = draft_cases(entries)
    assert [d["id"] for d in drafts] == ["fb-2", "fb-3"]
    for d in drafts:
        assert set(d) == KEYS
        assert d["expected_sections"] == [] and d["required_facts"] == [] and d["refused"] is False
        assert d["split"] == "dev" and d["category"] == "lookup" and d["history"] == []
    assert drafts[0]["note"] == ("DRAFT from feedback #2 (👎) at 2026-11-26T08:00:00+00:00, app 0.1.0; "
                                 "comment: (none); answer given: 月租2万可减免5万元。; cited: 6")
    assert "(👍)" in drafts[1]["note"] and "comment: 数字不对" in drafts[1]["note"]


def test_draft_with_history_is_a_followup_keeping_user_turns_only():
    history = ({"role": "user", "content": "我是小微企业"}, {"role": "assistant", "content": "您好……"})
    (d,) = draft_cases([entry(history=history)])
    assert d["category"] == "followup" and d["history"] == [{"role": "user", "content": "我是小微企业"}]


def test_draft_note_truncates_the_answer_and_lists_distinct_sections():
    long = "很" * 500
    (d,) = draft_cases([entry(answer=answer(text=long, refused=True), citations=(CITE6, CITE5, CITE6))])
    assert "answer given (refused): " + "很" * 200 + "…;" in d["note"] and "很" * 201 not in d["note"]
    assert d["note"].endswith("cited: 6, 5")
    (d,) = draft_cases([entry(citations=())])
    assert d["note"].endswith("cited: (none)")


def test_draft_passes_gold_case_validation_and_loads_once_filled(tmp_path):
    (d,) = draft_cases([entry(history=({"role": "user", "content": "我是小微企业"},))])
    case = _case(json.loads(json.dumps(d, ensure_ascii=False)), "draft")
    assert case.expected_sections == () and case.category == "followup"
    filled = {**d, "expected_sections": ["6"], "required_facts": ["免收"]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(filled, ensure_ascii=False) + "\n", encoding="utf-8")
    (case,) = load_gold(path, split="dev")
    assert case.expected_sections == ("6",) and case.history == ({"role": "user", "content": "我是小微企业"},)


def test_export_writes_jsonl(store, tmp_path):
    store.record("down", "房租能减多少？", [], answer(), comment="漏了条件")
    store.record("up", "养老保险费率？", [], answer())
    out = tmp_path / "drafts" / "fb.jsonl"
    assert export(store, out) == 1
    text = out.read_text(encoding="utf-8")
    assert "房租能减多少" in text and "\\u" not in text
    assert [json.loads(line)["id"] for line in text.splitlines()] == ["fb-1"]


# -- CLI ------------------------------------------------------------------------------------------------------

def test_cli_export_and_list(store, tmp_path, capsys):
    store.record("down", "房租能减多少？" * 10, [{"role": "user", "content": "月租2万"}], answer())
    store.record("up", "养老保险费率？", [], answer())
    out = tmp_path / "out" / "drafts.jsonl"
    assert main(["feedback", "export", "--db", str(store.path), "--out", str(out)]) == 0
    assert f"wrote 1 draft case from {store.path} to {out}" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["category"] == "followup"

    assert main(["feedback", "list", "--db", str(store.path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "👎" in lines[0] and lines[0].endswith("…") and "👍" in lines[1]
    assert lines[2] == f"2 entries in {store.path}"
    assert main(["feedback", "list", "--flagged", "--db", str(store.path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"1 entry in {store.path}"


def test_cli_missing_db_is_one_line_and_exit_1(tmp_path, capsys):
    missing = tmp_path / "nope.sqlite3"
    assert main(["feedback", "export", "--db", str(missing), "--out", str(tmp_path / "x.jsonl")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(missing) in err and "Traceback" not in err
    assert not (tmp_path / "x.jsonl").exists() and not missing.exists()


def test_cli_corrupt_db_is_an_error_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    assert main(["feedback", "list", "--db", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {bad} is not a SQLite database")


def test_cli_default_db_comes_from_settings(tmp_path, monkeypatch, capsys):
    from assistant import settings as settings_module

    db = tmp_path / "from-env.sqlite3"
    FeedbackStore(db).record("down", "问", [], answer())
    monkeypatch.setenv("POLICY_FEEDBACK_DB", str(db))
    settings_module.settings.cache_clear()
    try:
        out = tmp_path / "d.jsonl"
        assert main(["feedback", "export", "--out", str(out)]) == 0
    finally:
        settings_module.settings.cache_clear()
    assert str(db) in capsys.readouterr().out and out.exists()
