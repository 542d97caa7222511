"""Index integrity (issue 7): builds happen aside and swap in whole; a killed build leaves the old index serving
and is redone; a broken or mismatched manifest is named and built again. Fake embedder, real Chroma in tmp."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from corpus import corpus_hash, load_policy, parse_policy
from index.embedder import EmbedderError, FakeEmbedder
from index.generations import BUILDING, CURRENT, Home, build_lock, open_generation, read_current
from index.hybrid import open_index
from index.manifest import ManifestError, read_manifest
from index.store import SECTIONS, SENTENCES, VectorStore
from tests.conftest import ROOT, SEED

NEWS = ("新华社北京2月10日电 人社部发布通知，阶段性减免企业社会保险费。中小微企业三项社保单位缴费免征期限不超过5个月。"
        "大型企业减半征收，期限不超过3个月。")
NEWS_QUESTION = "社保单位缴费免征期限"


def old_corpus():
    return (load_policy(SEED),)


def new_corpus():
    """The seed with one clause reworded, plus a news item: changed, removed and added sections at once."""
    raw = SEED.read_text(encoding="utf-8").replace("不得盲目抽贷", "不得随意抽贷")
    return parse_policy(SEED.stem, raw), parse_policy("news-1", NEWS)


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def encode(self, texts):
        self.texts += len(texts)
        return super().encode(texts)


class BlockingEmbedder(FakeEmbedder):
    """Stops inside encode() until released: a build caught half-way."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.release = threading.Event(), threading.Event()

    def encode(self, texts):
        self.inside.set()
        assert self.release.wait(60), "never released"
        return super().encode(texts)


def promptly(call, seconds: float = 30):
    """call() in a thread: a start that waits for a running build fails the test instead of hanging it."""
    done: list = []

    def run() -> None:
        try:
            done.append(call())
        except BaseException as exc:  # handed to the test's thread
            done.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert done, f"still waiting after {seconds}s (for the build lock?)"
    if isinstance(done[0], BaseException):
        raise done[0]
    return done[0]


def stored_ids(index) -> tuple[set[str], set[str]]:
    """The section and sentence ids in the store `index` opened."""
    return VectorStore(index.client, SECTIONS).ids(), VectorStore(index.client, SENTENCES).ids()


def generation_folders(data_dir: Path) -> list[str]:
    return sorted(p.name for p in data_dir.iterdir() if p.name.startswith("gen-"))


def test_a_build_in_progress_is_never_seen(tmp_path):
    old = open_index(old_corpus(), FakeEmbedder(), tmp_path)
    blocking = BlockingEmbedder()
    built: list = []
    builder = threading.Thread(target=lambda: built.append(open_index(new_corpus(), blocking, tmp_path)))
    builder.start()
    try:
        assert blocking.inside.wait(30), "the build never started embedding"
        assert any(name.endswith(BUILDING) for name in generation_folders(tmp_path))  # really half-way
        meanwhile = promptly(lambda: open_index(old_corpus(), CountingEmbedder(), tmp_path))
        assert meanwhile.report.generation == old.report.generation == read_current(tmp_path).name
        assert read_current(tmp_path).manifest.corpus_hash == corpus_hash(old_corpus())
        assert stored_ids(meanwhile) == stored_ids(old) and len(meanwhile.sections) == len(old.sections)
    finally:
        blocking.release.set()
        builder.join(60)
    counting = CountingEmbedder()
    after = open_index(new_corpus(), counting, tmp_path)
    assert after.report.generation == built[0].report.generation != old.report.generation
    assert counting.texts == 0 and after.report.reasons == ()
    assert len(after.sections) == len(old.sections) + len(new_corpus()[1].sections)
    assert after.search(NEWS_QUESTION, k=1)[0].section.doc == "news-1"


# Run in a child process: build the new corpus with an embedder that hangs on its second call (the sentences),
# after the sections were already added to the copy: the parent kills it there.
CHILD = """
import sys, time
from pathlib import Path
from index.embedder import FakeEmbedder
from index.hybrid import open_index
from tests.test_index_integrity import new_corpus

class HangsOnSentences(FakeEmbedder):
    calls = 0
    def encode(self, texts):
        self.calls += 1
        if self.calls == 2:
            time.sleep(120)
        return super().encode(texts)

open_index(new_corpus(), HangsOnSentences(), Path(sys.argv[1]), progress=lambda m: print(m, flush=True))
"""


def kill_mid_build(data_dir: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir)], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    said = []
    try:
        for line in proc.stdout:
            said.append(line.strip())
            if line.startswith("embedding") and "sentences" in line:
                time.sleep(0.2)  # well inside the hanging encode()
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(30)
        assert proc.returncode == -signal.SIGKILL, f"the child was not killed mid-build: {said} {proc.stderr.read()}"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    return said


@pytest.mark.parametrize("next_start", ["old corpus", "new corpus"])
def test_a_build_killed_half_way_leaves_the_old_index_and_is_redone(tmp_path, next_start):
    data_dir = tmp_path / "index"
    old = open_index(old_corpus(), FakeEmbedder(), data_dir)
    said = kill_mid_build(data_dir)
    changed = 1 + len(new_corpus()[1].sections)  # the reworded clause and the news item
    assert any(line.startswith(f"embedding {changed} sections") for line in said)  # the copy was half-updated
    leftover = [n for n in generation_folders(data_dir) if n.endswith(BUILDING)]
    assert len(leftover) == 1
    served = read_current(data_dir)
    assert served.name == old.report.generation and served.problem is None
    # what any reader opens meanwhile: the old generation, whole
    client, vectors, problem = open_generation(Home(data_dir), served)
    assert problem is None and (set(vectors.sections), set(vectors.sentences)) == stored_ids(old)
    client.close()

    messages: list[str] = []
    counting = CountingEmbedder()
    policies = old_corpus() if next_start == "old corpus" else new_corpus()
    again = open_index(policies, counting, data_dir, progress=messages.append)
    assert again.report.interrupted == tuple(leftover)
    assert any("unfinished build" in m and leftover[0] in m and "interrupted" in m for m in messages)
    assert not any(n.endswith(BUILDING) for n in generation_folders(data_dir))
    if next_start == "old corpus":  # a server restarted on the old corpus: cleans up, serves the old index
        assert again.report.generation == old.report.generation and counting.texts == 0
        assert stored_ids(again) == stored_ids(old)
        assert again.search("取消反担保要求", k=1)[0].section.id == "3"
    else:  # the next build finishes the job: the same index a clean build makes
        clean = open_index(new_corpus(), FakeEmbedder(), tmp_path / "clean")
        assert read_current(data_dir).manifest == read_current(tmp_path / "clean").manifest
        assert stored_ids(again) == stored_ids(clean)
        probe = FakeEmbedder().encode([NEWS_QUESTION])[0]
        assert np.allclose(again.dense_scores(probe), clean.dense_scores(probe))
        assert again.search(NEWS_QUESTION, k=1)[0].section.doc == "news-1"


def edit_manifest(data_dir: Path, **fields) -> Path:
    path = data_dir / read_current(data_dir).name / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, **fields}), encoding="utf-8")
    return path


def swap_in_vectors_of_another_size(data_dir: Path) -> Path:
    """The generation's Chroma folder replaced by one holding 32-dimensional vectors; its manifest says 64."""
    other = data_dir.parent / "other"
    open_index(old_corpus(), FakeEmbedder(32), other).client.close()
    folder = data_dir / read_current(data_dir).name
    shutil.rmtree(folder / "chroma")
    shutil.copytree(other / read_current(other).name / "chroma", folder / "chroma")
    return folder


BREAKAGES = {
    # name: (break the served index → the path it names, fragments the message must hold)
    "corrupt JSON": (lambda d: _write(d / read_current(d).name / "manifest.json", "{not json"), ["is corrupt"]),
    "field of the wrong type": (lambda d: edit_manifest(d, sections="twelve"),
                                ["is corrupt", "sections must be int, got 'twelve'"]),
    "field missing": (lambda d: _drop_field(d, "corpus_hash"), ["is corrupt", "expected ['model'"]),
    "manifest missing": (lambda d: _unlink(d / read_current(d).name / "manifest.json"), ["is missing"]),
    "counts edited": (lambda d: edit_manifest(d, sections=13).parent,
                      ["does not match its manifest", "sections collection holds 12 vectors but the manifest says 13"]),
    "model edited": (lambda d: edit_manifest(d, model="other-model").parent,
                     ["out of date", "model: 'other-model' → 'fake-bigram-64'"]),
    "vectors of another size": (swap_in_vectors_of_another_size,
                                ["does not match its manifest", "32-dimensional vectors but the manifest says 64"]),
    "Chroma's database damaged": (lambda d: _damage(d / read_current(d).name / "chroma" / "chroma.sqlite3"),
                                  ["cannot be opened"]),
    "CURRENT names a missing folder": (lambda d: _write(d / CURRENT, "gen-20990101-000000-abcdef"),
                                       ["names", "gen-20990101-000000-abcdef", "which does not exist"]),
    "garbage in CURRENT": (lambda d: _write(d / CURRENT, "../../etc/passwd"),
                           ["should name a generation folder like gen-", "but holds '../../etc/passwd'"]),
    "CURRENT not text": (lambda d: _write(d / CURRENT, b"\xff\xfe\x00"), ["cannot be read"]),
}


def _write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def _damage(path: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[100:4100] = b"\x00garbage" * 500
    path.write_bytes(bytes(data))
    return path.parent.parent


def _unlink(path: Path) -> Path:
    path.unlink()
    return path


def _drop_field(data_dir: Path, field: str) -> Path:
    path = data_dir / read_current(data_dir).name / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data[field]
    return _write(path, json.dumps(data))


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_a_broken_or_mismatched_index_is_named_and_built_again_aside(tmp_path, breakage):
    data_dir = tmp_path / "index"
    first = open_index(old_corpus(), FakeEmbedder(), data_dir)
    first.client.close()
    damage, fragments = BREAKAGES[breakage]
    named = damage(data_dir)
    messages: list[str] = []
    again = open_index(old_corpus(), FakeEmbedder(), data_dir, progress=messages.append)
    said = "\n".join(messages)
    assert str(named) in said, f"the message should name {named}: {said}"
    for fragment in fragments:
        assert fragment in said
    assert any(fragment in " ".join(again.report.reasons) for fragment in fragments)
    assert again.report.rebuilt_from_scratch and again.report.generation != first.report.generation
    # the app starts on the rebuilt index, and the next start is the quiet one
    assert again.search("取消反担保要求", k=1)[0].section.id == "3"
    counting = CountingEmbedder()
    assert open_index(old_corpus(), counting, data_dir).report.reasons == () and counting.texts == 0


def test_read_manifest_names_the_file_and_the_field(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps(["not", "an", "object"]), encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest.json is corrupt \(a JSON object was expected, got list\)"):
        read_manifest(tmp_path)
    good = {"model": "m", "dimensions": 64, "segmenter_version": "v", "corpus_hash": "h", "sections": 1, "sentences": 2}
    (tmp_path / "manifest.json").write_text(json.dumps({**good, "dimensions": True}), encoding="utf-8")
    with pytest.raises(ManifestError, match="dimensions must be int, got True"):
        read_manifest(tmp_path)
    (tmp_path / "manifest.json").write_text(json.dumps(good), encoding="utf-8")
    assert read_manifest(tmp_path).sentences == 2


class WrongSizeEmbedder(FakeEmbedder):
    """A new model that says 64 dimensions and returns 32: a build whose store disagrees with its manifest."""

    def __init__(self) -> None:
        super().__init__()
        self.name = "fake-wrong-size"

    def encode(self, texts):
        return super().encode(texts)[:, :32]


class FailingEmbedder(FakeEmbedder):
    def encode(self, texts):
        raise EmbedderError("the model fell over")


@pytest.mark.parametrize("embedder, error", [(WrongSizeEmbedder(), ManifestError), (FailingEmbedder(), EmbedderError)],
                         ids=["fails its check", "raises"])
def test_a_failed_build_is_not_swapped_in_and_leaves_nothing(tmp_path, embedder, error):
    old = open_index(old_corpus(), FakeEmbedder(), tmp_path)
    with pytest.raises(error) as failure:
        open_index(new_corpus(), embedder, tmp_path)
    if error is ManifestError:
        assert "fails its check (the sections collection holds 32-dimensional vectors" in str(failure.value)
    assert read_current(tmp_path).name == old.report.generation
    assert generation_folders(tmp_path) == [old.report.generation]
    counting = CountingEmbedder()
    assert open_index(old_corpus(), counting, tmp_path).report.generation == old.report.generation
    assert counting.texts == 0


class SlowEmbedder(CountingEmbedder):
    def encode(self, texts):
        time.sleep(0.3)  # long enough that the other builder arrives while this one builds
        return super().encode(texts)


def test_two_builders_at_once_end_with_one_generation(tmp_path):
    (tmp_path / "onnx").mkdir(parents=True)
    (tmp_path / "onnx" / "model.onnx").write_bytes(b"not ours")  # folders beside the generations are left alone
    old = open_index(old_corpus(), FakeEmbedder(), tmp_path)
    start = threading.Barrier(2)
    embedders = [SlowEmbedder(), SlowEmbedder()]
    results: list = [None, None]

    def build(i: int) -> None:
        start.wait()
        results[i] = open_index(new_corpus(), embedders[i], tmp_path)

    threads = [threading.Thread(target=build, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    reports = sorted((r.report for r in results), key=lambda r: r.reasons == ())
    assert reports[0].reasons and reports[1].reasons == ()  # one built, the other waited and found it done
    assert reports[0].generation == reports[1].generation == read_current(tmp_path).name
    assert sorted(e.texts for e in embedders)[0] == 0  # the waiting one embedded nothing
    assert stored_ids(results[0]) == stored_ids(results[1])
    assert generation_folders(tmp_path) == sorted([old.report.generation, reports[0].generation])
    assert (tmp_path / "onnx" / "model.onnx").read_bytes() == b"not ours"


def test_only_the_served_and_the_previous_generation_are_kept(tmp_path):
    (tmp_path / "multi").mkdir(parents=True)  # evals keep another index in data_dir/multi
    names = []
    for n, policies in enumerate([old_corpus(), new_corpus(), old_corpus()]):
        index = open_index(policies, FakeEmbedder(), tmp_path)
        names.append(index.report.generation)
        index.client.close()
    assert len(set(names)) == 3
    assert generation_folders(tmp_path) == sorted(names[1:])
    assert (tmp_path / "multi").is_dir()


def test_opening_an_up_to_date_index_takes_no_lock_and_writes_nothing(tmp_path):
    def ours():  # everything but Chroma's own files, which Chroma rewrites whenever it reads them
        return {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if "chroma" not in p.relative_to(tmp_path).parts}

    open_index(old_corpus(), FakeEmbedder(), tmp_path).client.close()
    before = ours()
    counting = CountingEmbedder()
    with build_lock(tmp_path):  # a builder holding the lock does not delay a start that has nothing to build
        again = promptly(lambda: open_index(old_corpus(), counting, tmp_path))
    assert again.report.reasons == () and counting.texts == 0
    assert ours() == before


def make_legacy(data_dir: Path) -> None:
    """Turn a generation into the layout before generations: data_dir/chroma + data_dir/manifest.json."""
    folder = data_dir / read_current(data_dir).name
    (folder / "chroma").rename(data_dir / "chroma")
    (folder / "manifest.json").rename(data_dir / "manifest.json")
    folder.rmdir()
    (data_dir / CURRENT).unlink()


def test_an_index_from_before_generations_is_moved_not_embedded_again(tmp_path):
    first = open_index(old_corpus(), FakeEmbedder(), tmp_path)
    ids = stored_ids(first)
    first.client.close()
    make_legacy(tmp_path)
    messages: list[str] = []
    counting = CountingEmbedder()
    moved = open_index(old_corpus(), counting, tmp_path, progress=messages.append)
    assert counting.texts == 0 and moved.report.added == 0
    assert any("moving the index" in m for m in messages)
    assert not (tmp_path / "chroma").exists() and not (tmp_path / "manifest.json").exists()
    assert read_current(tmp_path).name == moved.report.generation
    assert stored_ids(moved) == ids
    assert moved.search("取消反担保要求", k=1)[0].section.id == "3"
