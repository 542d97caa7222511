"""The CLI contract: batch handling on a fake engine (fast), and the real command in a subprocess."""

import io
import json
import os
import subprocess
import sys

import pytest

from assistant.__main__ import run_batch
from tests.conftest import ROOT


def _batch(lines, ask):
    out = io.StringIO()
    assert run_batch(io.StringIO("\n".join(lines) + "\n"), out, ask) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_batch_goes_on_after_bad_lines(fake_engine):
    lines = [
        json.dumps({"id": "q1", "question": "反担保有什么规定？"}, ensure_ascii=False),
        json.dumps({"id": "q2", "question": ""}),
        "{not json",
        json.dumps({"id": "q4"}),
        json.dumps({"id": "q5", "question": "房" * 100_000}, ensure_ascii=False),
        json.dumps(["a", "list"]),
        json.dumps({"id": "q7", "question": "那第三个月呢？",
                    "history": [{"role": "user", "content": "国有房产的房租怎么减免？"}]}, ensure_ascii=False),
    ]
    out = _batch(lines, fake_engine.answer)
    assert [o.get("id") for o in out] == ["q1", "q2", None, "q4", "q5", None, "q7"]
    assert out[0]["citations"][0]["clause"] == "3"
    assert out[1]["error"] == "empty question"
    assert "invalid JSON" in out[2]["error"]
    assert out[3]["error"] == "missing field 'question'"
    assert "too long" in out[4]["error"]
    assert "expected a JSON object" in out[5]["error"]
    assert out[6]["citations"][0]["clause"] == "6"


def test_an_unexpected_failure_is_one_error_line():
    def broken(question, history):
        raise RuntimeError("boom")

    out = _batch([json.dumps({"id": "x", "question": "q"}), json.dumps({"id": "y", "question": "q"})], broken)
    assert len(out) == 2 and all("internal error" in o["error"] for o in out)


def _cli(*args, stdin=None, env=None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, env=full_env, timeout=600)


@pytest.mark.integration
def test_real_cli_ask_json_and_jsonl(tmp_path):
    env = {"POLICY_DATA_DIR": str(tmp_path / "data")}
    done = _cli("ask", "房租能减免多少？", "--json", env=env)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["citations"][0]["clause"] == "6" and not answer["refused"]

    rent = json.loads(_cli("ask", "--json", "国有房产月租8000元，第三个月要交多少房租", env=env).stdout)
    assert rent["calculation"]["result"]["month3_payment"] == 4000
    assert "4000元" in rent["answer"] and rent["citations"][0]["clause"] == "6"

    human = _cli("ask", "房租能减免多少？", env=env)
    assert human.returncode == 0 and "减免中小微企业房租" in human.stdout

    batch = _cli("ask", "--jsonl", "-", env=env, stdin='{"id": "a", "question": "反担保"}\n{"id": "b", "question": ""}\n')
    rows = [json.loads(line) for line in batch.stdout.splitlines()]
    assert rows[0]["id"] == "a" and rows[0]["citations"][0]["clause"] == "3"
    assert rows[1] == {"id": "b", "error": "empty question"}


def test_cli_usage_and_setting_errors_are_one_line(tmp_path):
    done = _cli("ask")
    assert done.returncode == 2 and "give either a question or --jsonl" in done.stderr
    bad = _cli("ask", "房租", env={"POLICY_TOP_K": "many"})
    assert bad.returncode == 2 and "POLICY_TOP_K='many'" in bad.stderr and "Traceback" not in bad.stderr


def test_the_text_output_labels_each_citation_as_a_person_reads_it():
    from assistant.__main__ import render
    from corpus.records import Answer, Citation
    cited = (Citation("taiyuan-2020-2", "6", "减免中小微企业房租", "…房租…", 10, 20),
             Citation("taiyuan-2020-2", "closing", "结语", "本意见相关政策由市发展改革委…解释。", 30, 40),
             Citation("henan-news", "p2", "第2部分", "预约办理+不见面审批", 50, 60))
    text = render(Answer(text="…", refused=False, citations=cited))
    assert "第6项 减免中小微企业房租" in text and "taiyuan-2020-2 结语（30–40）" in text
    assert "henan-news 第2部分（50–60）" in text and "第closing项" not in text and "第p2项" not in text
