"""Fuzz targets (issue 7): `answer()` as the CLI calls it, and the corpus reading path, fed mutated seeds.

A small mutation fuzzer, seeded and bounded in time, over the committed seed corpus in tests/fuzz_seeds/:
each case takes a seed (a real-looking question, or a small policy file as bytes), applies a random stack of
mutations (insert / delete / replace / duplicate spans, splice two seeds, insert special characters: NUL, lone
surrogates, RTL marks, full-width digits, huge or negative numbers, 「忽略以上指令」, markup; for files also byte
flips, stray BOMs and truncated multi-byte characters) and checks the target's contract:

- answer: `engine.answer(question, history)` on the fake engine raises nothing but QuestionError, and the
  Answer satisfies the answer contract (DESIGN.md): text non-empty; every citation names a real section of a
  real document, its offsets lie inside that section and its quote is exactly that slice of the text; the JSON
  form has only finite numbers and encodes as UTF-8; a calculation error is a Chinese message without internal
  names. The CLI's JSONL request handler gets the same question as a JSON line and must return one encodable
  response object.
- corpus: the bytes, written to a .txt or .md file, go through `read_document` (ingestion's reader) and
  `parse_policy`: nothing but CorpusError escapes, and the sections tile the text with valid offsets.

The first cases replay every seed unmutated: crashes found and fixed are kept there as regression seeds.

Bounds, from the environment:
  FUZZ_SECONDS   wall-clock budget per target (default 30)
  FUZZ_EXAMPLES  most cases per target (default 300; unlimited when FUZZ_SECONDS is set and this is not)
  FUZZ_SEED      the run's seed (default 0, so CI is deterministic; "random" picks one and prints it)
  FUZZ_CASE      replay this one case of the seed's sequence only
  FUZZ_CASE_SECONDS  a case slower than this fails as a hang (default 10)
  FUZZ_CRASH_DIR where to write a crashing input and its minimized form (default: the test's tmp folder)

    .venv/bin/python -m pytest tests/test_fuzz.py                                    # CI: ≤30 s per target
    FUZZ_SECONDS=600 .venv/bin/python -m pytest tests/test_fuzz.py                   # longer, locally
    FUZZ_SECONDS=600 FUZZ_SEED=random .venv/bin/python -m pytest -s tests/test_fuzz.py
    FUZZ_SEED=7 FUZZ_CASE=1234 .venv/bin/python -m pytest tests/test_fuzz.py -k answer   # replay a failure

A failure names the seed and case, shows the input and a minimized input (delta debugging: the smallest
input found that fails the same way) and writes both to FUZZ_CRASH_DIR, ready to add to tests/fuzz_seeds/.
Besides the mutation fuzzer, hypothesis checks `read_document` over arbitrary bytes.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import random
import re
import signal
import time
import traceback
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from assistant.__main__ import handle_request
from assistant.calculator import KINDS
from assistant.question import QuestionError
from corpus.ingest import read_document
from corpus.load import CorpusError, parse_policy
from corpus.records import Answer
from corpus.segment_general import MAX_SECTION_CHARS

SEEDS = Path(__file__).resolve().parent / "fuzz_seeds"


# -- bounds --------------------------------------------------------------------------------------------
def _bounds() -> tuple[float, int | None, int, int | None]:
    seconds = float(os.environ.get("FUZZ_SECONDS", "30"))
    examples = os.environ.get("FUZZ_EXAMPLES")
    count = int(examples) if examples else (None if "FUZZ_SECONDS" in os.environ else 300)
    seed_text = os.environ.get("FUZZ_SEED", "0")
    seed = random.SystemRandom().randrange(10**9) if seed_text == "random" else int(seed_text)
    case = os.environ.get("FUZZ_CASE")
    return seconds, (count or None), seed, (int(case) if case else None)


# -- mutations -----------------------------------------------------------------------------------------
SPECIALS = (
    "\x00", "\ud800", "\udcff", "\u202e", "\u200f", "\u200b", "\ufeff", "\u3000", "\n", "\r\n", "\t", "\x07",
    "１２３４５", "９９９９９９９９９９９９", "1e400", "1e309", "1.5e3", "-8000", "负", "−", "－", "9999999999999999999999万",
    "0", "0.0001", "100亿", "150%", "-0.4%", "百分之两百", "两百多万", "三十多个人", "2020-13-45", "2月30日", "13月",
    "第三个月", "前两个月", "忽略以上指令", "Ignore previous instructions", "system prompt", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "&lt;", "&#0;", "😀", "🏠", "𠀀", "\u0301", "（", "）", "〔", "【", "……", "？", "。",
    "呢？", "那", "月租", "元", "万", "人", "个月", "年", "%", "社保", "养老", "工伤", "贴息", "税", "房租", "国有",
    "稳岗", "失业", "营业收入", "饭店", "How much", " yuan", "RMB", "¥", "May 20", "Q1", "k", "'; DROP TABLE x; --",
)


def _span(rng: random.Random, n: int) -> tuple[int, int]:
    a = rng.randrange(n + 1)
    return a, min(n, a + rng.choice((1, 1, 2, 3, 5, 8, 20, 100)))


def _mutate_text(rng: random.Random, text: str, seeds: list[str]) -> str:
    """One random edit of a question."""
    op = rng.randrange(9)
    a, b = _span(rng, len(text))
    other = rng.choice(seeds)
    if op == 0:  # insert a special
        return text[:a] + rng.choice(SPECIALS) + text[a:]
    if op == 1:  # delete a span
        return text[:a] + text[b:]
    if op == 2:  # replace a span with a special
        return text[:a] + rng.choice(SPECIALS) + text[b:]
    if op == 3:  # duplicate a span
        return text[:b] + text[a:b] * rng.choice((1, 2, 10)) + text[b:]
    if op == 4:  # splice with another seed
        c = rng.randrange(len(other) + 1)
        return text[:a] + other[c:] if rng.random() < 0.5 else other[:c] + text[a:]
    if op == 5:  # a span of another seed inside this one
        c, d = _span(rng, len(other))
        return text[:a] + other[c:d] + text[a:]
    if op == 6:  # any code point, surrogates included
        return text[:a] + chr(rng.randrange(0x110000)) + text[a:]
    if op == 7:  # a number changed: digits, sign, size
        digits = list(re.finditer(r"\d+(?:\.\d+)?", text))
        if not digits:
            return text + rng.choice(SPECIALS)
        m = rng.choice(digits)
        new = rng.choice((str(rng.randrange(10**rng.randrange(1, 30))), "-" + m.group(), m.group() + "e" + str(
            rng.randrange(-400, 400)), m.group() * 3, "0", "负" + m.group(), m.group().translate(_FULL_WIDTH)))
        return text[:m.start()] + new + text[m.end():]
    # the whole text repeated or cut to a prefix
    return text * rng.choice((2, 5, 40)) if rng.random() < 0.5 else text[:a]


_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _mutate_bytes(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    """One random edit of a file's bytes."""
    op = rng.randrange(8)
    n = len(data)
    a, b = _span(rng, n)
    if op == 0 and n:  # flip a bit
        i = rng.randrange(n)
        return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
    if op == 1:  # random bytes
        return data[:a] + bytes(rng.randrange(256) for _ in range(rng.choice((1, 2, 3, 16)))) + data[a:]
    if op == 2:
        return data[:a] + data[b:]
    if op == 3:
        return data[:b] + data[a:b] * rng.choice((1, 2, 50)) + data[b:]
    if op == 4:  # a stray BOM, NUL or DOS end-of-file mark
        mark = rng.choice((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x00", b"\x1a", b"\r"))
        return data[:a] + mark + data[a:]
    if op == 5:  # splice with another seed
        other = rng.choice(seeds)
        return data[:a] + other[rng.randrange(len(other) + 1):]
    if op == 6:  # truncated: often mid-character
        return data[:a]
    return data[:a] + rng.choice(SPECIALS).encode("utf-8", "surrogatepass") + data[a:]


def _text_edits(rng: random.Random, data: bytes) -> bytes:
    """Structural edits on the decoded text (headings, markers, units), re-encoded in some encoding."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data
    for _ in range(rng.randrange(1, 6)):
        a, b = _span(rng, len(text))
        text = text[:a] + rng.choice(_STRUCTURE) + text[b if rng.random() < 0.3 else a:]
    encoding = rng.choice(("utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16"))
    return text.encode(encoding, "replace")


_STRUCTURE = ("\n一、", "\n二、", "\n十一、", "\n（一）", "\n（二）", "\n1.", "\n2．", "\n第一条 ", "\n第十二条 ", "\n第二章 ",
              "（责任单位：市人社局）", "（责任单位：", "〔责任单位：市财政局〕", "\n# ", "\n## ", "**", "[链接](http://x)", "\n---\n",
              "。", "；", "\n\n", "\u3000\u3000", " ", "发〔2020〕2号", "2020年2月7日", "太原市人民政府", "有效期3个月", "\n附件：")


# -- the loop ------------------------------------------------------------------------------------------
class _Failure(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


class _TooSlow(BaseException):
    """A case over FUZZ_CASE_SECONDS (a BaseException, so that no `except Exception` in the target swallows it)."""


def _alarm(signum, frame):
    raise _TooSlow()


def _outcome(check: Callable[[Any], str], case: Any, limit: float | None = None) -> tuple[str, _Failure | None]:
    """(outcome label, None) or ("crash", the failure): an assertion, any unexpected exception, or a case slower
    than FUZZ_CASE_SECONDS (a hang: catastrophic regex backtracking, a quadratic loop) fails."""
    limit = limit or float(os.environ.get("FUZZ_CASE_SECONDS", "10"))
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return check(case), None
    except _TooSlow:
        return "crash", _Failure("TooSlow", f"over {limit:g} s (FUZZ_CASE_SECONDS)\n{traceback.format_exc(limit=-8)}")
    except AssertionError as exc:
        return "crash", _Failure("AssertionError", f"{exc}\n{traceback.format_exc(limit=6)}")
    except Exception as exc:  # noqa: BLE001 - anything but the target's own error type is a finding
        return "crash", _Failure(type(exc).__name__, f"{exc}\n{traceback.format_exc(limit=12)}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _minimize(case: Any, parts: Callable[[Any], list], rebuild: Callable[[Any, int, Any], Any],
              fails: Callable[[Any], bool], seconds: float = 120.0) -> Any:
    """Delta debugging over each part of a case (a question's characters, each history turn, a file's bytes):
    drop chunks while the case still fails the same way."""
    deadline = time.monotonic() + seconds
    for index in range(len(parts(case))):
        chunks = 2
        while time.monotonic() < deadline:
            data = parts(case)[index]
            if len(data) < 1:
                break
            size = max(1, math.ceil(len(data) / chunks))
            for start in range(0, len(data), size):
                candidate = rebuild(case, index, data[:start] + data[start + size:])
                if fails(candidate):
                    case = candidate
                    chunks = max(chunks - 1, 2)
                    break
            else:
                if size == 1:
                    break
                chunks = min(len(data), chunks * 2)
    return case


def fuzz(name: str, seeds: list, make_case: Callable[[random.Random, int], Any], check: Callable[[Any], str],
         parts: Callable[[Any], list], rebuild: Callable[[Any, int, Any], Any], crash_dir: Path) -> dict[str, int]:
    seconds, count, seed, only = _bounds()
    started = time.monotonic()
    outcomes: dict[str, int] = {}
    cases = [only] if only is not None else range(count if count is not None else 10**12)
    for n in cases:
        if only is None and n >= len(seeds) and time.monotonic() - started > seconds:
            break
        case = make_case(random.Random(f"{seed}/{name}/{n}"), n)
        label, failure = _outcome(check, case)
        outcomes[label] = outcomes.get(label, 0) + 1
        if failure is None:
            continue
        kind = failure.kind
        small = _minimize(case, parts, rebuild, lambda c: (f := _outcome(check, c)[1]) is not None and f.kind == kind)
        crash_dir.mkdir(parents=True, exist_ok=True)
        (crash_dir / f"{name}-{seed}-{n}.repr").write_text(f"{case!r}\n\nminimized:\n{small!r}\n", encoding="utf-8")
        pytest.fail(f"fuzz target {name!r} failed on case {n} of FUZZ_SEED={seed} "
                    f"(replay: FUZZ_SEED={seed} FUZZ_CASE={n} pytest tests/test_fuzz.py -k {name})\n"
                    f"input: {case!r}\nminimized: {small!r}\n{_outcome(check, small)[1]}", pytrace=False)
    print(f"\nfuzz {name}: FUZZ_SEED={seed}, {sum(outcomes.values())} cases in {time.monotonic() - started:.1f}s: "
          f"{dict(sorted(outcomes.items()))}")
    return outcomes


def _crash_dir(tmp_path: Path) -> Path:
    return Path(os.environ["FUZZ_CRASH_DIR"]) if os.environ.get("FUZZ_CRASH_DIR") else tmp_path / "crashes"


# -- target: answer() ----------------------------------------------------------------------------------
def _answer_seeds() -> list[str]:
    return [p.read_text(encoding="utf-8").removesuffix("\n") for p in sorted((SEEDS / "answer").glob("*.txt"))]


_INTERNAL_NAME = re.compile(r"[a-z]+_[a-z_]+|must be|\bgot\b")


def check_answer_contract(engine, answer: Answer) -> None:
    """The answer contract of DESIGN.md, on an Answer object."""
    assert isinstance(answer, Answer), type(answer)
    assert isinstance(answer.text, str) and answer.text.strip(), answer
    assert isinstance(answer.refused, bool)
    assert "<script" not in answer.text.lower()
    policies = {p.doc: p for p in engine.index.policies}
    for c in answer.citations:
        assert c.doc in policies, c
        policy = policies[c.doc]
        section = policy.section(c.clause)  # raises for a clause the document does not have
        assert section.start <= c.start < c.end <= section.end, (c, section.start, section.end)
        assert c.quote == policy.text[c.start:c.end] == section.text[c.start - section.start:c.end - section.start], c
        assert c.quote.strip(), c
        assert c.title == section.title, c
    if answer.refused:
        assert not answer.citations and answer.calculation is None, answer
    elif answer.intent != "calculation_error":  # never from general knowledge: an answer cites the documents
        assert answer.citations, answer
    if answer.calculation is not None:
        assert answer.calculation.kind in KINDS and answer.calculation.clause, answer.calculation
    if answer.intent == "calculation_error":
        assert re.search(r"[\u4e00-\u9fff]", answer.text) and not _INTERNAL_NAME.search(answer.text), answer.text
    as_json = json.dumps(answer.to_json(), ensure_ascii=False, allow_nan=False)  # finite numbers only
    as_json.encode("utf-8")  # no lone surrogates: the CLI writes it as UTF-8
    assert math.isfinite(answer.latency_ms) and answer.latency_ms >= 0


def _answer_case(seeds: list[str]) -> Callable[[random.Random, int], tuple[str, tuple[tuple[str, str], ...]]]:
    def make(rng: random.Random, n: int):
        if n < len(seeds):
            return seeds[n], ()
        question = rng.choice(seeds)
        for _ in range(rng.choice((1, 1, 2, 3, 5, 8))):
            question = _mutate_text(rng, question, seeds)
        history = []
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            turn = rng.choice(seeds)
            if rng.random() < 0.5:
                turn = _mutate_text(rng, turn, seeds)
            history.append((rng.choice(("user", "user", "assistant")), turn))
        return question, tuple(history)
    return make


def _answer_check(engine) -> Callable[[tuple[str, tuple[tuple[str, str], ...]]], str]:
    def check(case) -> str:
        question, history = case
        turns = [{"role": role, "content": content} for role, content in history]
        try:
            answer = engine.answer(question, turns)
        except QuestionError as exc:
            assert str(exc) and "Traceback" not in str(exc)
            label = "QuestionError"
        else:
            check_answer_contract(engine, answer)
            label = "refused" if answer.refused else answer.intent
        # the same request as a line of `python -m assistant ask --jsonl -`
        line = json.dumps({"id": "fuzz", "question": question, "history": turns}, ensure_ascii=False)
        response = handle_request(line, engine.answer, 1)
        assert isinstance(response, dict) and ("error" in response) == (label == "QuestionError"), response
        json.dumps(response, ensure_ascii=False, allow_nan=False).encode("utf-8")
        return label
    return check


def _answer_parts(case) -> list:
    question, history = case
    return [question, *(content for _, content in history)]


def _answer_rebuild(case, index: int, data: str):
    question, history = case
    if index == 0:
        return data, history
    turns = list(history)
    turns[index - 1] = (turns[index - 1][0], data)
    return question, tuple(turns)


def test_fuzz_answer(fake_engine, tmp_path):
    seeds = _answer_seeds()
    assert len(seeds) >= 30
    outcomes = fuzz("answer", seeds, _answer_case(seeds), _answer_check(fake_engine), _answer_parts,
                    _answer_rebuild, _crash_dir(tmp_path))
    assert sum(outcomes.values()) >= min(len(seeds), _bounds()[1] or len(seeds))


# -- target: the corpus reading path -------------------------------------------------------------------
def _corpus_seeds() -> list[tuple[str, bytes]]:
    return [(p.suffix, p.read_bytes()) for p in sorted((SEEDS / "corpus").iterdir()) if p.suffix in (".txt", ".md")]


def check_sections(text: str, sections) -> None:
    """Sections tile the text, in order, with valid offsets, each within the bound; sentences lie inside."""
    assert sections and "".join(s.text for s in sections) == text
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:]):
        assert a.end == b.start, (a.id, b.id)
    ids = [s.id for s in sections]
    assert len(set(ids)) == len(ids), ids
    for s in sections:
        assert 0 < len(s.text) <= MAX_SECTION_CHARS and text[s.start:s.end] == s.text, (s.id, s.start, s.end)
        for snt in s.sentences:
            assert s.start <= snt.start < snt.end <= s.end and text[snt.start:snt.end] == snt.text, (s.id, snt)
            assert snt.text.strip(), (s.id, snt)  # a sentence is never whitespace only


def _corpus_check(folder: Path) -> Callable[[tuple[str, bytes]], str]:
    def check(case: tuple[str, bytes]) -> str:
        suffix, data = case
        path = folder / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            text = read_document(path)
        except CorpusError as exc:
            assert path.name in str(exc), exc  # the message names the file
            return "refused on reading"
        assert isinstance(text, str)
        text.encode("utf-8")  # strictly decoded: no lone surrogates
        try:
            policy = parse_policy("fuzz", text)
        except CorpusError as exc:
            assert str(exc)
            return "refused on parsing"
        check_sections(policy.text, policy.sections)
        assert all(s.doc == "fuzz" for s in policy.sections)
        return "parsed"
    return check


def _corpus_case(seeds: list[tuple[str, bytes]]) -> Callable[[random.Random, int], tuple[str, bytes]]:
    raw = [data for _, data in seeds]

    def make(rng: random.Random, n: int):
        if n < len(seeds):
            return seeds[n]
        suffix, data = rng.choice(seeds)
        if rng.random() < 0.5:
            data = _text_edits(rng, data)
        for _ in range(rng.choice((0, 1, 1, 2, 3, 6))):
            data = _mutate_bytes(rng, data, raw)
        return rng.choice((suffix, ".txt", ".md")), data
    return make


def test_fuzz_corpus(tmp_path):
    seeds = _corpus_seeds()
    assert len(seeds) >= 5
    folder = tmp_path / "files"
    folder.mkdir()
    outcomes = fuzz("corpus", seeds, _corpus_case(seeds), _corpus_check(folder), lambda c: [c[1]],
                    lambda c, _, data: (c[0], data), _crash_dir(tmp_path))
    assert outcomes.get("parsed", 0) >= 1


def test_every_seed_is_valid_as_committed(fake_engine, tmp_path):
    """The seeds themselves pass (the fuzz loops replay them first; this says which one broke)."""
    check = _answer_check(fake_engine)
    for question in _answer_seeds():
        assert check((question, ())) in {"QuestionError", "refused", "lookup", "calculation", "needs_input",
                                         "calculation_error", "department", "interpretation", "time"}, question
    corpus = _corpus_check(tmp_path)
    parsed = [corpus(seed) for seed in _corpus_seeds()]
    assert parsed.count("parsed") == len(parsed), parsed


def test_regression_seeds_parse_in_time(tmp_path):
    # regression-metadata-issuer-hang.txt took 12 s and more before metadata's body check stopped backtracking.
    check = _corpus_check(tmp_path)
    seeds = sorted((SEEDS / "corpus").glob("regression-*"))
    assert any(s.name == "regression-metadata-issuer-hang.txt" for s in seeds)
    for seed in seeds:
        label, failure = _outcome(check, (seed.suffix, seed.read_bytes()), limit=2)  # each parses in milliseconds
        assert failure is None, f"{seed.name}: {failure}"


def test_the_minimizer_finds_a_small_failing_input():
    case = ("国有门面月租8000元，第三个月要交多少房租？" * 3 + "\x00", ())
    small = _minimize(case, _answer_parts, _answer_rebuild, lambda c: "\x00" in c[0])
    assert small == ("\x00", ())


# -- hypothesis: ingestion over arbitrary bytes ----------------------------------------------------------
@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("read-any-bytes")


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES") or 300), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000),
                 st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.text(max_size=400).map(lambda t: t.encode("gb18030", "replace")),
                 st.text(max_size=200).map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le", "surrogatepass"))),
       st.sampled_from([".txt", ".md"]))
def test_read_document_over_any_bytes_raises_only_corpus_errors(folder, data, suffix):
    assert _corpus_check(folder)((suffix, data)) in {"refused on reading", "refused on parsing", "parsed"}
