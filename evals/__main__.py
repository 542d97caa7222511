"""python -m evals run [--split dev|test|all] [--failures]"""

from __future__ import annotations

import argparse
import logging
import sys

from assistant.logs import configure_logging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description="Score the assistant on the gold set.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="answer every gold case and print accuracy per category")
    run.add_argument("--split", choices=("dev", "test", "all"), default="all")
    run.add_argument("--failures", action="store_true", help="list the failing cases with the answer given")
    bench = sub.add_parser("bench", help="warm latency vs a plain llama-index pipeline, side by side")
    bench.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    configure_logging(fmt="%(message)s")
    from assistant.runtime import default_engine
    from evals.gold_set import load_gold
    from evals.run import evaluate, table, write_report

    engine = default_engine(lambda msg: print(msg, file=sys.stderr))
    if args.command == "bench":
        from assistant.runtime import current_settings
        from evals.bench import bench as run_bench, render
        from index.embedder import SentenceTransformerEmbedder
        from index.llama_baseline import PlainLlamaPipeline

        baseline = PlainLlamaPipeline(engine.index, SentenceTransformerEmbedder(current_settings().model))
        print(render(run_bench(engine, baseline, args.rounds)))
        return 0
    cases = load_gold(split=args.split)
    scores, rows = evaluate(engine, cases)
    for split in ("dev", "test"):
        part = [s for s in scores if s.split == split]
        if part:
            print(table(part, f"\n== {split} split ({len(part)} cases) =="))
    path = write_report(rows, scores)
    print(f"\nreport: {path}")
    if args.failures:
        for row in rows:
            if not row["ok"]:
                print(f"\n✗ {row['id']} [{row['split']}/{row['category']}] {row['question']}\n"
                      f"  expected {row['expected']} facts {row['facts']} refused={row['expect_refused']}\n"
                      f"  got cited {row['cited']} refused={row['refused']}: {row['answer'][:150]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
