"""PNG charts of a report, drawn with matplotlib's object API (no pyplot, so no global backend or state).

Labels are English and ids only: a font with Chinese glyphs may be missing.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

PANELS = (("top_citation", "top-1 citation accuracy (answerable cases)"),
          ("correct", "answered right: every check passes (refusal categories included)"))


def accuracy_chart(report: dict, split: str, path: Path) -> Path:
    """Grouped bars: per category, one bar per system, for each panel's metric."""
    systems = list(report["systems"])
    fig = Figure(figsize=(15, 9), layout="constrained")
    axes = fig.subplots(len(PANELS), 1)
    for ax, (metric, title) in zip(axes, PANELS):
        cats = [c for c, s in report["systems"][systems[0]]["by_category"][split].items() if s[metric] is not None]
        width = 0.8 / len(systems)
        for i, name in enumerate(systems):
            by_cat = report["systems"][name]["by_category"][split]
            values = [by_cat[c][metric] or 0.0 for c in cats]
            ax.bar([x - 0.4 + width * (i + 0.5) for x in range(len(cats))], values, width, label=name)
        ax.set_xticks(range(len(cats)), [f"{c}\n(n={report['systems'][systems[0]]['by_category'][split][c]['cases']})"
                                         for c in cats], fontsize=9)
        ax.set_ylim(0, 1.05)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.grid(axis="y", alpha=0.3)
        ax.set_title(f"{split} split: {title}", fontsize=11)
    axes[0].legend(ncol=len(systems), loc="lower center", bbox_to_anchor=(0.5, 1.1), fontsize=9)
    fig.savefig(path, dpi=100)
    return path


def latency_chart(report: dict, path: Path) -> Path:
    """Box plot of per-answer latency per system, log scale, all cases of the run."""
    systems = list(report["systems"])
    data = [[row["latency_ms"] for row in report["cases"][name]] or [0.0] for name in systems]
    fig = Figure(figsize=(10, 5), layout="constrained")
    ax = fig.subplots()
    ax.boxplot(data, tick_labels=systems, whis=(5, 95), showfliers=True, flierprops={"markersize": 2, "alpha": 0.4})
    ax.set_yscale("log")
    ax.set_ylabel("latency per answer (ms, log scale)")
    ax.set_title(f"Answer latency per system ({len(data[0])} cases; box = p25–p75, whiskers = p5–p95)", fontsize=11)
    ax.grid(axis="y", which="both", alpha=0.3)
    fig.savefig(path, dpi=100)
    return path
