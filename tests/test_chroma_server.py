"""Server mode: the same index code against `chroma run` on a free loopback port gives the embedded store's results."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port, stop

CHROMA = Path(sys.executable).with_name("chroma")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    executable = str(CHROMA) if CHROMA.exists() else shutil.which("chroma")
    if executable is None:
        pytest.skip("the `chroma` command (installed with the chromadb package) is not on this machine")
    folder = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = open(folder / "server.log", "wb")
    proc = subprocess.Popen([executable, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(folder / "db")],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("chroma run did not start: " + (folder / "server.log").read_text(errors="replace"))
                time.sleep(0.3)
        yield port
    finally:
        stop(proc)
        log.close()


QUESTIONS = ("房租能减免多少？", "反担保有什么规定？", "社保可以缓缴吗？", "税款可以延期缴纳吗？", "信贷余额", "稳岗补贴怎么算？")


def test_server_mode_matches_embedded_store(chroma_server, policy, tmp_path):
    from index.embedder import FakeEmbedder
    from index.hybrid import open_index
    from index.store import SECTIONS, VectorStore

    embedder = FakeEmbedder()
    served = open_index([policy], embedder, tmp_path / "server-manifest", chroma_host="127.0.0.1",
                        chroma_port=chroma_server)
    embedded = open_index([policy], embedder, tmp_path / "embedded")
    assert served.report.added == embedded.report.added == len(policy.sections)
    for question in QUESTIONS:
        assert [h.section.id for h in served.search(question, k=3)] == [h.section.id for h in embedded.search(question, k=3)]
        vector = embedder.encode([question])[0]
        # Chroma's own nearest-neighbour query, through llama-index, agrees as well
        server_ids = [i for i, _ in VectorStore(served.client, SECTIONS).query(vector, 3)]
        local_ids = [i for i, _ in VectorStore(embedded.client, SECTIONS).query(vector, 3)]
        assert server_ids == local_ids
    again = open_index([policy], embedder, tmp_path / "server-manifest", chroma_host="127.0.0.1", chroma_port=chroma_server)
    assert again.report.added == 0  # the server keeps the vectors: a second start embeds nothing


def databases(port: int) -> set[str]:
    from index.store import chroma_admin

    return {d["name"] for d in chroma_admin("127.0.0.1", port).list_databases()}


def test_server_mode_builds_aside_in_a_database_per_generation(chroma_server, policy, tmp_path):
    """A changed corpus is built into a new database (only the change embedded), swapped in by CURRENT; the
    previous database is kept, older ones dropped; a database the server lost is named and built again."""
    from corpus import parse_policy
    from index.embedder import FakeEmbedder
    from index.generations import read_current
    from index.hybrid import open_index
    from tests.conftest import SEED

    def start(policies, messages=None):
        return open_index(policies, FakeEmbedder(), tmp_path, chroma_host="127.0.0.1", chroma_port=chroma_server,
                          progress=None if messages is None else messages.append)

    changed = parse_policy(policy.doc, SEED.read_text(encoding="utf-8").replace("不得盲目抽贷", "不得随意抽贷"))
    first = start([policy])
    second = start([changed])
    assert second.report.added == 1 and not second.report.rebuilt_from_scratch  # the rest copied, not embedded
    assert read_current(tmp_path).name == second.report.generation
    assert {first.report.generation, second.report.generation} <= databases(chroma_server)
    third = start([policy])
    assert third.report.generation in databases(chroma_server)
    assert first.report.generation not in databases(chroma_server)  # only the served and the previous are kept

    from index.store import chroma_admin

    chroma_admin("127.0.0.1", chroma_server).delete_database(third.report.generation)
    messages: list[str] = []
    healed = start([policy], messages)
    assert any(third.report.generation in m and "cannot be opened" in m for m in messages)
    assert healed.report.rebuilt_from_scratch and healed.report.generation != third.report.generation
    assert [h.section.id for h in healed.search("反担保有什么规定？", k=1)] == ["3"]
