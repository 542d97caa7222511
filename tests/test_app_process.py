"""`python app.py` as `make run` starts it: progress in the terminal, loopback only, answers once loaded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, free_port, stop

pytestmark = pytest.mark.integration


def _wait_for_page(url: str, proc: subprocess.Popen, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"app.py exited with {proc.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8", "replace")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"app.py did not serve {url} within {seconds} s")


def test_app_py_serves_on_loopback_and_answers_after_loading(real_engine, tmp_path):
    from gradio_client import Client

    import app

    data_dir = tmp_path / "index"
    shutil.copytree(real_engine.settings.data_dir, data_dir)  # a built index: the start only loads it
    port = free_port()
    env = {**os.environ, "POLICY_PORT": str(port), "POLICY_DATA_DIR": str(data_dir), "POLICY_TODAY": "2026-11-26",
           "POLICY_FEEDBACK_DB": str(tmp_path / "feedback.sqlite3"), "GRADIO_ANALYTICS_ENABLED": "False"}
    log = tmp_path / "app.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        page = _wait_for_page(f"http://127.0.0.1:{port}/", proc, 90)
        assert "政策助手" in page and str(data_dir) not in page and str(ROOT) not in page
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        deadline = time.monotonic() + 120
        while True:
            try:
                result = client.predict("反担保有什么规定？", "[]", api_name="/ask")
                break
            except Exception as exc:  # noqa: BLE001 - only "still loading" may be retried
                assert "加载" in str(exc) and time.monotonic() < deadline, str(exc)
                time.sleep(1)
        assert result["citations"][0]["clause"] == "3"
        lines = log.read_text(encoding="utf-8", errors="replace")
        assert "[索引] 正在加载模型和索引" in lines and "[索引] 已就绪" in lines
        assert f"engine concurrency_limit={app.ENGINE_CONCURRENCY}）" in lines  # the setting it serves with
        assert _listening_addresses(port) == {"127.0.0.1"}
    finally:
        stop(proc)


def _listening_addresses(port: int) -> set[str]:
    """IPv4 addresses with a listening socket on `port`, read from /proc/net/tcp (no traffic sent)."""
    found = set()
    for line in open("/proc/net/tcp", encoding="ascii").read().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found
