"""Render a report (the dict evals.run.report_data builds) as console text and markdown, and write its files.

The gold README keeps the test split hidden from whoever tunes the engine: test cases that fail are listed
by id, category and failed checks only, unless `reveal_test` asks for their questions and answers too.
"""

from __future__ import annotations

import json
from pathlib import Path

from evals.charts import accuracy_chart, latency_chart

REPORTS = Path(__file__).resolve().parent / "reports"
MAIN = "full"
# Acceptance targets on the held-out test split: the evaluation issue's (top-1 ≥ 97%, facts ≥ 95%, every figure
# exact, refusal precision and recall 100%), which include the foundation's (top-1 ≥ 95%, refusal accuracy 100%,
# tests/test_integration.py::test_gold_test_split_targets).
TARGETS = {"top_citation": 0.97, "facts": 0.95, "numeric": 1.0, "refusal": 1.0, "refusal_precision": 1.0,
           "refusal_recall": 1.0}
COLUMNS = (("top_citation", "top-1"), ("hit3", "hit@3"), ("mrr", "MRR"), ("cite_precision", "cite-P"),
           ("quotes", "quotes"), ("facts", "facts"), ("numeric", "figures"), ("refusal", "refusal"),
           ("refusal_precision", "refuse-P"), ("refusal_recall", "refuse-R"), ("correct", "correct"),
           ("latency_p50_ms", "p50 ms"), ("latency_p95_ms", "p95 ms"))
LABELS = dict(COLUMNS)
METRIC_NOTES = """\
- **top-1**: the first citation is an expected section. **hit@3** / **MRR**: from the engine's retrieval ranking
  (`Engine.retrieve`) of section ids against `expected_sections`. All three over answerable cases. Size cases
  are answered by the calculator, which cites `closing`; retrieval seldom ranks `closing` for them, so their
  hit@3 and MRR are low by construction and pull the overall figures below top-1.
- **cite-P**: share of the distinct cited clauses that are expected sections (answerable cases that cite).
- **quotes**: every citation's quote equals the policy's cleaned `text[start:end]` and lies inside its section.
- **facts**: every required fact is in the answer text (whitespace ignored).
- **figures**: numeric and size cases: every figure-shaped fact (`25000元`, `0.2%`, `2020年8月15日`, a size
  class) appears verbatim and not as the tail of a longer number; the size class must be the first one named.
- **refusal**: refused exactly when the gold says so; **refuse-P/R**: precision and recall with refusal as the
  positive (`-` when undefined). **correct**: the case fails none of the checks above.
- **p50/p95**: answer latency as each system measures it (the retrieval ranking call is not timed)."""


def fmt(key: str, value) -> str:
    if value is None:
        return "-"
    if key == "mrr":
        return f"{value:.3f}"
    if key.endswith("_ms"):
        return f"{value:.1f}"
    if key == "cases":
        return str(value)
    return f"{value * 100:.1f}%"


def grid(named: list[tuple[str, dict]]) -> tuple[list[str], list[list[str]]]:
    header = ["", "n", *(label for _, label in COLUMNS)]
    return header, [[name, str(s["cases"]), *(fmt(k, s[k]) for k, _ in COLUMNS)] for name, s in named]


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(header), *map(line, rows)])


def md_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join([*out, *("| " + " | ".join(r) + " |" for r in rows)])


def systems_grid(report: dict, split: str):
    return grid([(name, s["overall"][split]) for name, s in report["systems"].items()])


def category_grid(report: dict, split: str, system: str = MAIN):
    s = report["systems"][system]
    return grid([*s["by_category"][split].items(), ("ALL", s["overall"][split])])


def split_cases(report: dict, split: str, system: str = MAIN) -> list[dict]:
    return [row for row in report["cases"][system] if row["split"] == split]


def failing(report: dict, split: str, system: str = MAIN) -> list[dict]:
    return [row for row in split_cases(report, split, system) if row["failed"]]


def describe_failure(row: dict, reveal: bool, md: bool = False) -> str:
    head = f"{row['id']} [{row['split']}/{row['category']}] fails: {', '.join(row['failed'])}"
    if not reveal:
        return f"- {head}" if md else f"✗ {head}"
    history = f" (after: {' / '.join(row['history'])})" if row["history"] else ""
    answer = " ".join(row["answer"].split())
    answer = answer if len(answer) <= 240 else answer[:240] + "…"
    expected = ("refusal" if row["expect_refused"] else
                f"sections {', '.join(row['expected'])}; facts {'、'.join(f'「{f}」' for f in row['facts'])}")
    got = "refused" if row["refused"] else f"cited {', '.join(dict.fromkeys(row['cited'])) or 'nothing'}"
    lines = [head, f"Q: {row['question']}{history}", f"expected: {expected}", f"got: {got}: 「{answer}」"]
    if md:
        return f"- **{lines[0]}**  \n  " + "  \n  ".join(lines[1:])
    return "✗ " + "\n  ".join(lines)


def where_wrong(report: dict, split: str) -> str:
    """One plain paragraph: how many cases fail, which checks, which categories are weakest, vs the targets."""
    rows, bad = split_cases(report, split), failing(report, split)
    overall = report["systems"][MAIN]["overall"][split]
    checks: dict[str, int] = {}
    for row in bad:
        for name in row["failed"]:
            checks[name] = checks.get(name, 0) + 1
    cats = sorted(report["systems"][MAIN]["by_category"][split].items(), key=lambda kv: kv[1]["correct"])
    weak = [f"{c} {s['correct'] * 100:.0f}% ({round(s['correct'] * s['cases'])}/{s['cases']})"
            for c, s in cats if s["correct"] < 1]
    text = (f"**{split}**: {len(rows) - len(bad)} of {len(rows)} cases answered right; {len(bad)} fail "
            f"({', '.join(f'{k} {v}' for k, v in sorted(checks.items(), key=lambda kv: -kv[1])) or 'none'}). "
            f"Weakest categories: {', '.join(weak) or 'none'}.")
    if split == "test":
        missed = [f"{LABELS[k]} {fmt(k, overall[k])} < {fmt(k, t)}" for k, t in TARGETS.items()
                  if overall[k] is not None and overall[k] < t]
        met = ", ".join(f"{LABELS[k]} ≥ {fmt(k, t)}" for k, t in TARGETS.items())
        text += f" Targets **not met**: {'; '.join(missed)}." if missed else f" Targets met ({met})."
    return text


EXTRA_COLUMNS = (("right_doc", "right doc first"), ("facts", "facts"), ("refusal", "refusal"), ("correct", "correct"),
                 ("latency_p50_ms", "p50 ms"), ("latency_p95_ms", "p95 ms"))
# Acceptance targets for the multi-document set's test split (issue 6).
EXTRA_TARGETS = {"right_doc": 0.90, "facts": 0.80}


def extra_grids(extra: dict, split: str):
    header = ["", "n", *(label for _, label in EXTRA_COLUMNS)]
    rows = [[name, str(s["cases"]), *(fmt(k, s[k]) for k, _ in EXTRA_COLUMNS)]
            for name, s in [*extra["by_category"][split].items(), ("ALL", extra["overall"][split])]]
    return header, rows


def extra_failures(extra: dict, split: str, reveal: bool) -> list[str]:
    out = []
    for row in extra["cases"]:
        if row["split"] != split or (row["right_doc"] is not False and row["facts_ok"] is not False and row["refusal_ok"]):
            continue
        failed = [name for name, ok in (("right_doc", row["right_doc"]), ("facts", row["facts_ok"]),
                                        ("refusal", row["refusal_ok"])) if ok is False]
        head = f"- {row['id']} [{split}/{row['category']}] fails: {', '.join(failed)}"
        if reveal:
            answer = " ".join(row["answer"].split())[:200]
            head += (f"  \n  Q: {row['question']}  \n  expected {', '.join(row['expected_docs']) or 'refusal'}; facts "
                     f"{'、'.join(row['facts'])}  \n  got {', '.join(row['cited_docs'][:2]) or 'no citation'}: 「{answer}」")
        out.append(head)
    return out


def extra_markdown(extra: dict, reveal_test: bool) -> list[str]:
    meta = extra.get("meta", {})
    out = ["## Many documents (evals/gold/extra.jsonl)", "",
           f"The engine over {meta.get('documents', '?')} documents ({meta.get('sections', '?')} sections): the seed "
           f"plus `{meta.get('extra_dir', '?')}`. Index build or load: {meta.get('load_s', '?')} s.", ""]
    for split in ("dev", "test"):
        if split not in extra["overall"]:
            continue
        out += [f"### {split}", "", md_table(*extra_grids(extra, split)), ""]
        if split == "test":
            o = extra["overall"]["test"]
            missed = [f"{k} {fmt(k, o[k])} < {fmt(k, t)}" for k, t in EXTRA_TARGETS.items() if o[k] is not None and o[k] < t]
            out += ["Targets (right document first ≥ 90%, facts ≥ 80%): "
                    + (f"**not met**: {'; '.join(missed)}." if missed else "met."), ""]
        reveal = reveal_test or split != "test"
        out += extra_failures(extra, split, reveal) + [""]
    if extra.get("taiyuan"):
        out += ["### The seed's gold set with every document loaded", "",
                "Same metrics as the tables above (full system), but the engine also holds the extra documents.", "",
                md_table(*grid(list(extra["taiyuan"].items()))), ""]
    return out


def console(report: dict, failures: bool = False, reveal_test: bool = False) -> str:
    out = []
    for split in report["splits"]:
        n = report["systems"][MAIN]["overall"][split]["cases"]
        out += [f"\n== {split} split ({n} cases): all systems ==", text_table(*systems_grid(report, split)),
                f"\n-- {split}: full system per category --", text_table(*category_grid(report, split))]
    if failures:
        for split in report["splits"]:
            reveal = reveal_test or split != "test"
            out += [f"\n== failing {split} cases of the full system =="]
            out += [describe_failure(row, reveal) for row in failing(report, split)]
    extra = report.get("extra")
    if extra:
        for split in ("dev", "test"):
            if split in extra["overall"]:
                out += [f"\n== many documents, {split} ==", text_table(*extra_grids(extra, split))]
    return "\n".join(out)


def markdown(report: dict, charts: dict[str, str], reveal_test: bool = False) -> str:
    meta = report["meta"]
    counts = ", ".join(f"{sp} {report['systems'][MAIN]['overall'][sp]['cases']}" for sp in report["splits"])
    out = [f"# 政策助手 evaluation report ({meta.get('generated', '')})", "",
           f"Gold cases: {counts} (`evals/gold/taiyuan.jsonl`). Settings: today {meta.get('today', '?')}, model "
           f"{meta.get('model', '?')} ({meta.get('backend', '?')}). Timing: loading {meta.get('load_s', 0):.0f} s, "
           f"answering with all {len(report['systems'])} systems {meta.get('answer_s', 0):.0f} s.", "",
           "## Where the full system is still wrong", ""]
    out += [f"- {where_wrong(report, sp)}" for sp in report["splits"]]
    out += ["", "The failing cases are listed at the end of this report.", ""]
    for split in report["splits"]:
        out += [f"## {split} split: all systems", "", md_table(*systems_grid(report, split)), ""]
    for split in report["splits"]:
        out += [f"## {split} split: full system per category", "", md_table(*category_grid(report, split)), ""]
    if report.get("extra"):
        out += extra_markdown(report["extra"], reveal_test)
    out += ["## Charts", ""] + [f"- [{name}]({file})" for name, file in charts.items()] + [""]
    out += [f"![{name}]({file})" for name, file in charts.items()] + [""]
    out += ["## Systems", ""] + [f"- **{n}**: {s['description']}" for n, s in report["systems"].items()]
    out += ["", "## Metrics", "", METRIC_NOTES, "", "## Failing cases of the full system", ""]
    for split in report["splits"]:
        bad = failing(report, split)
        reveal = reveal_test or split != "test"
        out += [f"### {split} ({len(bad)} of {len(split_cases(report, split))})", ""]
        if not reveal:
            out += ["Ids and failed checks only: the test split stays hidden from whoever tunes the engine "
                    "(evals/gold/README.md). `python -m evals run --reveal-test` lists them in full.", ""]
        out += [describe_failure(row, reveal, md=True) for row in bad] + [""]
    return "\n".join(out)


def write_report(report: dict, folder: Path = REPORTS, reveal_test: bool = False) -> dict[str, Path]:
    """Write latest.json, latest.md and the charts into `folder`; return their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"json": folder / "latest.json", "md": folder / "latest.md"}
    paths["json"].write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    charts = {f"accuracy per category, {sp}": accuracy_chart(report, sp, folder / f"accuracy_{sp}.png")
              for sp in report["splits"]}
    charts["latency per system"] = latency_chart(report, folder / "latency.png")
    paths.update(charts)
    paths["md"].write_text(markdown(report, {k: p.name for k, p in charts.items()}, reveal_test), encoding="utf-8")
    return paths
