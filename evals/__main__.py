"""python -m evals run [--split dev|test|all] [--failures] [--reveal-test] [--out DIR] [--extra DIR | --no-extra]
python -m evals compare A.json B.json [--system NAME]
python -m evals bench [--rounds N]
python -m evals bench-load [--users N] [--seconds S] [--data-dir DIR]
python -m evals feedback export [--db PATH] [--out PATH]
python -m evals feedback list [--db PATH] [--flagged]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from assistant.logs import configure_logging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description="Score the assistant on the gold set.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="answer every gold case with the system, its ablations and a llama-index "
                                     "baseline; print tables and write evals/reports/latest.{md,json} and charts")
    run.add_argument("--split", choices=("dev", "test", "all"), default="all")
    run.add_argument("--failures", action="store_true", help="list the full system's failing cases")
    run.add_argument("--reveal-test", action="store_true",
                     help="show failing test cases' questions and answers too (the test split is meant to stay "
                          "hidden from whoever tunes the engine)")
    run.add_argument("--out", type=Path, default=None, help="report folder (default evals/reports)")
    run.add_argument("--extra", type=Path, default=None,
                     help="folder of extra documents for the multi-document set (default: "
                          "../shared/corpus-extra/ncp-policies when it exists)")
    run.add_argument("--no-extra", action="store_true", help="skip the multi-document evaluation")
    cmp = sub.add_parser("compare", help="what changed between two latest.json reports, case by case")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    cmp.add_argument("--system", default="full")
    bench = sub.add_parser("bench", help="warm latency vs a plain llama-index pipeline, side by side")
    bench.add_argument("--rounds", type=int, default=5)
    scale = sub.add_parser("bench-scale", help="build throughput, answer latency and peak memory at growing sizes")
    scale.add_argument("--sizes", default="1000,10000,100000", help="section counts, comma-separated")
    scale.add_argument("--plain-sample", type=int, default=300,
                       help="sections the plain llama-index path builds for its rate (0 to skip)")
    load = sub.add_parser("bench-load", help="start the app on a loopback port and drive it with simulated users "
                                             "(chat and feedback, as a browser does); throughput, latency, checks")
    load.add_argument("--users", type=int, default=50, help="concurrent simulated users (default 50)")
    load.add_argument("--seconds", type=float, default=60.0, help="how long users start new conversations (default 60)")
    load.add_argument("--data-dir", type=Path, default=None, help="a built index (default: the data_dir setting)")
    fb = sub.add_parser("feedback", help="the app's 👍/👎 feedback: list it, or export flagged answers as draft "
                                         "gold cases for a person to review")
    fb_sub = fb.add_subparsers(dest="action", required=True)
    fb_export = fb_sub.add_parser("export", help="write 👎 and commented answers as draft gold cases (JSONL)")
    fb_export.add_argument("--db", type=Path, default=None, help="feedback database (default: the feedback_db setting)")
    fb_export.add_argument("--out", type=Path, default=None,
                           help="draft file (default evals/gold/drafts/feedback-YYYYMMDD.jsonl)")
    fb_list = fb_sub.add_parser("list", help="one line per feedback entry")
    fb_list.add_argument("--db", type=Path, default=None, help="feedback database (default: the feedback_db setting)")
    fb_list.add_argument("--flagged", action="store_true", help="only 👎 and commented entries")
    args = parser.parse_args(argv)

    if args.command == "feedback":
        return feedback(args)

    if args.command == "bench-scale":
        from evals.bench_scale import main as bench_scale

        try:
            sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
        except ValueError:
            print(f"error: --sizes must be whole numbers separated by commas, got {args.sizes!r}", file=sys.stderr)
            return 2
        if not sizes or min(sizes) < 1:
            print(f"error: --sizes must name at least one positive size, got {args.sizes!r}", file=sys.stderr)
            return 2
        configure_logging(fmt="%(message)s")
        return bench_scale(sizes, args.plain_sample, default_extra_dir(),
                           lambda msg: print(msg, file=sys.stderr, flush=True))

    if args.command == "bench-load":
        from evals.bench_load import main as bench_load

        if args.users < 1 or args.seconds <= 0:
            print(f"error: --users must be at least 1 and --seconds above 0, got {args.users} and {args.seconds:g}",
                  file=sys.stderr)
            return 2
        configure_logging(fmt="%(message)s")
        return bench_load(args.users, args.seconds, args.data_dir, lambda msg: print(msg, file=sys.stderr, flush=True))

    if args.command == "compare":
        from evals.compare import ReportError, compare

        try:
            reports = [json.loads(p.read_text(encoding="utf-8")) for p in (args.a, args.b)]
            print(compare(*reports, system=args.system))
        except (OSError, json.JSONDecodeError, ReportError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0

    started = time.perf_counter()
    configure_logging(fmt="%(message)s")
    from assistant.runtime import current_settings, default_engine
    from index.embedder import SentenceTransformerEmbedder
    from index.llama_baseline import PlainLlamaPipeline

    say = lambda msg: print(msg, file=sys.stderr)  # noqa: E731
    engine = default_engine(say)
    cfg = current_settings()
    # The plain pipeline runs the model the default way (sentence-transformers on torch), as llama-index would.
    baseline = PlainLlamaPipeline(engine.index, SentenceTransformerEmbedder(cfg.model))
    if args.command == "bench":
        from assistant.lookup import Lookup
        from evals.bench import bench as run_bench, bench_lookup, render

        result = run_bench(engine, baseline, args.rounds)
        result["lookup"] = bench_lookup(Lookup(engine.index), args.rounds)
        print(render(result))
        return 0

    from evals.gold_set import load_gold
    from evals.report import REPORTS, console, write_report
    from evals.run import evaluate, report_data
    from evals.systems import build_systems

    cases = load_gold(split=args.split)
    loaded = time.perf_counter()
    results = evaluate(build_systems(engine, baseline), cases, {p.doc: p for p in engine.index.policies}, say)
    meta = {"generated": dt.datetime.now().isoformat(timespec="seconds"), "today": cfg.today.isoformat(),
            "model": cfg.model, "backend": cfg.backend, "dense_weight": cfg.dense_weight,
            "load_s": round(loaded - started, 1), "answer_s": round(time.perf_counter() - loaded, 1)}
    report = report_data(results, meta)
    extra_dir = None if args.no_extra else (args.extra or default_extra_dir())
    if extra_dir is not None:
        if not extra_dir.is_dir():
            print(f"error: --extra {extra_dir} is not a folder", file=sys.stderr)
            return 2
        report["extra"] = multi_document(cfg, extra_dir, args.split, say)
    print(console(report, args.failures, args.reveal_test))
    paths = write_report(report, args.out or REPORTS, args.reveal_test)
    print(f"\nreport: {paths['md']} (also {paths['json'].name} and {len(paths) - 2} charts)")
    print(f"total time {time.perf_counter() - started:.0f} s")
    return 0


def default_extra_dir() -> Path | None:
    from assistant.settings import PROJECT_ROOT

    folder = PROJECT_ROOT.parent / "shared" / "corpus-extra" / "ncp-policies"
    return folder if folder.is_dir() else None


def multi_document(cfg, extra_dir: Path, split: str, say) -> dict:
    """The engine over the seed plus `extra_dir` (its own index under data_dir/multi), scored on extra.jsonl."""
    from assistant.runtime import build_engine
    from evals.extra_eval import extra_report, run_extra
    from evals.extra_gold import load_extra

    started = time.perf_counter()
    multi_cfg = cfg.model_copy(update={"extra_corpus_dir": extra_dir, "data_dir": cfg.data_dir / "multi"})
    engine = build_engine(multi_cfg, say)
    loaded = time.perf_counter()
    cases = load_extra(split=split)
    report = extra_report(run_extra(engine.answer, cases, say))
    # The seed's own gold set, answered with every document loaded: more documents must not cost it accuracy.
    from evals.gold_set import load_gold
    from evals.metrics import summarize
    from evals.run import evaluate
    from evals.systems import ask_engine

    gold = load_gold(split=split)
    results = evaluate({"full": ask_engine(engine)}, gold, {p.doc: p for p in engine.index.policies}, say)
    report["taiyuan"] = {sp: summarize([r.score for r in results if r.case.split == sp])
                         for sp in ("dev", "test") if any(r.case.split == sp for r in results)}
    report["meta"] = {"documents": len(engine.index.policies), "sections": len(engine.index.sections),
                      "extra_dir": str(extra_dir), "load_s": round(loaded - started, 1),
                      "answer_s": round(time.perf_counter() - loaded, 1)}
    return report


def feedback(args: argparse.Namespace) -> int:
    from assistant.feedback import FeedbackError, FeedbackStore
    from assistant.settings import SettingsError, settings
    from evals.feedback_export import THUMBS, export
    from evals.gold_set import GOLD_DIR

    try:
        db = args.db or settings().feedback_db
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not db.is_file():
        print(f"no feedback database at {db} (nobody has rated an answer yet, or pass --db PATH)", file=sys.stderr)
        return 1
    store = FeedbackStore(db)
    try:
        if args.action == "export":
            out = args.out or GOLD_DIR / "drafts" / f"feedback-{dt.date.today():%Y%m%d}.jsonl"
            n = export(store, out)
            print(f"wrote {n} draft case{'s' if n != 1 else ''} from {db} to {out}; fill in expected_sections and "
                  f"required_facts before moving any into the gold set")
            return 0
        entries = store.entries(flagged_only=args.flagged)
    except (FeedbackError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for e in entries:
        question = " ".join(e.question.split())
        question = question if len(question) <= 40 else question[:39] + "…"
        print(f"{e.id:>5}  {e.created_at}  {THUMBS[e.rating]}  {'💬' if e.comment else '  '}  {question}")
    print(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} in {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
