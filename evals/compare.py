"""Compare two reports (latest.json files): each overall metric's change, and the cases that got better or worse."""

from __future__ import annotations

from evals.report import COLUMNS, MAIN, fmt, text_table


class ReportError(ValueError):
    """A file is not a report of `python -m evals run`, or lacks the system asked for."""


def change(key: str, a, b) -> str:
    if a is None or b is None:
        return "-"
    delta = b - a
    if key == "cases":
        return f"{delta:+d}"
    if key == "mrr":
        return f"{delta:+.3f}"
    if key.endswith("_ms"):
        return f"{delta:+.1f} ms"
    return f"{delta * 100:+.1f} pp"


def case_changes(rows_a: list[dict], rows_b: list[dict]) -> tuple[list[str], list[str]]:
    """Lines for the cases in both reports whose failed checks changed: (better, worse). A case with checks
    both fixed and newly failed counts as worse."""
    before = {row["id"]: row for row in rows_a}
    better, worse = [], []
    for row in rows_b:
        old = before.get(row["id"])
        if old is None:
            continue
        fixed = [c for c in old["failed"] if c not in row["failed"]]
        broke = [c for c in row["failed"] if c not in old["failed"]]
        what = "; ".join(part for part in (f"fixed {', '.join(fixed)}" if fixed else "",
                                           f"now fails {', '.join(broke)}" if broke else "") if part)
        line = f"{row['id']} [{row['split']}/{row['category']}] {what}"
        if broke:
            worse.append(line)
        elif fixed:
            better.append(line)
    return better, worse


def compare(a: dict, b: dict, system: str = MAIN) -> str:
    for name, rep in (("A", a), ("B", b)):
        if "systems" not in rep or "cases" not in rep:
            raise ReportError(f"{name} is not a report of `python -m evals run` (it has no 'systems' and 'cases')")
        if system not in rep["systems"]:
            raise ReportError(f"system must be one of {sorted(rep['systems'])} (in {name}), got {system!r}")
    out = [f"system: {system}  (A → B)"]
    for split in [sp for sp in a["splits"] if sp in b["splits"]]:
        sa, sb = a["systems"][system]["overall"][split], b["systems"][system]["overall"][split]
        rows = [[label, fmt(k, sa[k]), fmt(k, sb[k]), change(k, sa[k], sb[k])] for k, label in (("cases", "n"), *COLUMNS)]
        out += [f"\n== {split} split ==", text_table(["metric", "A", "B", "change"], rows)]
    better, worse = case_changes(a["cases"][system], b["cases"][system])
    ids_a, ids_b = ({row["id"] for row in rep["cases"][system]} for rep in (a, b))
    out += [f"\nbetter in B ({len(better)}):", *(f"  + {line}" for line in better),
            f"\nworse in B ({len(worse)}):", *(f"  - {line}" for line in worse)]
    if ids_a != ids_b:
        out.append(f"\nonly in A: {sorted(ids_a - ids_b) or 'none'}; only in B: {sorted(ids_b - ids_a) or 'none'}")
    return "\n".join(out)
