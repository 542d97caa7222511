"""python -m assistant ask "问题" [--json] | --jsonl FILE|-   (the answer contract in DESIGN.md)"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any, Callable, TextIO

from assistant.logs import configure_logging
from assistant.question import QuestionError
from assistant.settings import SettingsError
from corpus.load import CorpusError
from index.embedder import EmbedderError
from index.manifest import ManifestError
from corpus.records import Answer

log = logging.getLogger("assistant")


def handle_request(line: str, ask: Callable[[str, list], Answer], line_no: int) -> dict[str, Any]:
    """One JSONL request line → one response object; bad input becomes an `error` object, never an exception."""
    try:
        request = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {line_no}: invalid JSON ({exc.msg} at column {exc.colno})"}
    if not isinstance(request, dict):
        return {"id": None, "error": f"line {line_no}: expected a JSON object, got {type(request).__name__}"}
    request_id = request.get("id")
    if "question" not in request:
        return {"id": request_id, "error": "missing field 'question'"}
    try:
        return ask(request["question"], request.get("history") or []).to_json(request_id)
    except QuestionError as exc:
        return {"id": request_id, "error": str(exc)}


def run_batch(source: TextIO, sink: TextIO, ask: Callable[[str, list], Answer]) -> int:
    for n, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            response = handle_request(line, ask, n)
        except Exception as exc:  # one broken request must not end the batch
            log.exception("request on line %d failed", n)
            response = {"id": None, "error": f"line {n}: internal error ({type(exc).__name__})"}
        sink.write(_json_line(response, n) + "\n")
        sink.flush()
    return 0


def _json_line(response: dict[str, Any], line_no: int) -> str:
    """The response as one line of JSON text. A request id JSON text cannot carry back (a lone surrogate, which
    UTF-8 cannot encode; 1e400, which would come back as the non-JSON Infinity) gets an error line instead of
    ending the batch or breaking the output."""
    try:
        line = json.dumps(response, ensure_ascii=False, allow_nan=False)
        line.encode("utf-8")
        return line
    except (ValueError, UnicodeEncodeError):
        return json.dumps({"id": None, "error": f"line {line_no}: the request's id cannot be written back as JSON "
                                                f"text (a lone surrogate or a non-finite number); use a string or an "
                                                f"integer"}, ensure_ascii=False)


def render(answer: Answer) -> str:
    lines = [answer.text]
    for n, c in enumerate(answer.citations, start=1):
        units = f"\n     责任单位：{'、'.join(c.units)}" if c.units else ""
        # 「第6项 减免中小微企业房租」 for the seed's numbered items; 「结语」「第2部分」「三、（二）…」 are their own labels
        label = f"第{c.clause}项 {c.title}" if c.clause.isdigit() else c.title
        lines.append(f"  [{n}] {c.doc} {label}（{c.start}–{c.end}）\n     「{c.quote}」{units}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Ask the policy assistant.")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question, or a JSONL batch")
    ask.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--jsonl", metavar="FILE", help="read requests from FILE ('-' for stdin), write JSON lines")
    sub.add_parser("build", help="build or refresh the index and exit")
    args = parser.parse_args(argv)

    configure_logging()
    if args.command == "ask" and (args.question is None) == (args.jsonl is None):
        parser.error("give either a question or --jsonl FILE")

    try:
        from assistant.runtime import default_engine

        engine = default_engine(lambda msg: print(msg, file=sys.stderr))
        if args.command == "build":
            report = engine.index.report
            print(f"index ready: {len(engine.index.sections)} sections" + (f", {report}" if report else ""))
            return 0
        if args.jsonl is not None:
            if args.jsonl == "-":
                return run_batch(sys.stdin, sys.stdout, engine.answer)
            try:
                with open(args.jsonl, encoding="utf-8", errors="replace") as source:
                    return run_batch(source, sys.stdout, engine.answer)
            except OSError as exc:
                print(f"error: cannot read {args.jsonl}: {exc.strerror}", file=sys.stderr)
                return 2
        try:
            answer = engine.answer(args.question)
        except QuestionError as exc:
            if args.json:
                print(json.dumps({"id": None, "error": str(exc)}, ensure_ascii=False))
            else:
                print(f"error: {exc}", file=sys.stderr)
            return 2
        print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else render(answer))
        return 0
    except (SettingsError, CorpusError, EmbedderError, ManifestError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
