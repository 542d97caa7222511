"""HTML for the app: answers with citation cards, lookup hits, calculator results. Pure functions.

Everything that came from a user or a document is escaped here and nowhere else, so a question holding
<script> shows as text. Highlights are built from offsets (never by pasting markup into text), so no input
can open a tag.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Callable, Sequence

from assistant.compose import clause_label, read_out_line
from assistant.lookup import LookupHit, LookupResult
from corpus.records import Answer, Calculation, Citation, Policy, Section

REFUSAL_NOTE = "政策文件未涉及这一问题，以上不是政策答复，也没有可引用的条款。"

SectionOf = Callable[[str, str], tuple[Policy, Section] | None]  # (doc, section id) → its policy and section


def text_html(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.strip().split("\n"))


def marked(text: str, spans: Sequence[tuple[int, int]], css: str = "hit") -> str:
    """`text` escaped, with each (start, end) span wrapped in <mark>; overlapping or bad spans are skipped."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos or end <= start or end > len(text):
            continue
        out += [html.escape(text[pos:start]), f'<mark class="{css}">', html.escape(text[start:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def units_html(units: Sequence[str]) -> str:
    return f'<div class="cite-units">责任单位：{html.escape("、".join(units))}</div>' if units else ""


def citation_card(citation: Citation, found: tuple[Policy, Section] | None) -> str:
    """The clause, the quote, and the whole section (folded) with the quote highlighted in it."""
    if found is None:  # the section is not in the loaded corpus: show what the answer carries
        label = citation.title or citation.clause
        return (f'<div class="cite-card"><div class="cite-label">📄 {html.escape(label)}</div>'
                f"<blockquote>{text_html(citation.quote)}</blockquote>{units_html(citation.units)}</div>")
    policy, section = found
    start = citation.start - section.start
    spans = [(start, start + len(citation.quote))] if section.text[start:start + len(citation.quote)] == citation.quote else []
    return "".join([
        '<div class="cite-card">',
        f'<div class="cite-label">📄 《{html.escape(policy.title)}》 {html.escape(clause_label(section))}</div>',
        f"<blockquote>{text_html(citation.quote)}</blockquote>",
        units_html(section.units),
        f'<details class="cite-full"><summary>展开条款全文</summary><div class="section-text">{marked(section.text, spans, "quote")}</div></details>',
        "</div>",
    ])


def steps_html(calculation: Calculation | None) -> str:
    if calculation is None or not calculation.steps:
        return ""
    steps = "".join(f"<li>{html.escape(step)}</li>" for step in calculation.steps)
    return f'<div class="calculation">计算过程：<ol>{steps}</ol></div>'


def without_steps(text: str, calculation: Calculation | None) -> str:
    """The answer text minus its numbered arithmetic, which the app shows as a list of its own."""
    if calculation is None or not calculation.steps:
        return text
    numbered = {f"{n}. {step}" for n, step in enumerate(calculation.steps, 1)} | {"计算过程："}
    return "\n".join(line for line in text.split("\n") if line.strip() not in numbered)


def answer_html(answer: Answer, section_of: SectionOf) -> str:
    """One assistant message: the answer text, the arithmetic, then a card per citation."""
    blocks = [f'<div class="answer-text">{text_html(without_steps(answer.text, answer.calculation))}</div>']
    if answer.refused:
        blocks.append(f'<div class="refusal-note">ℹ️ {html.escape(REFUSAL_NOTE)}</div>')
    blocks.append(steps_html(answer.calculation))
    blocks.extend(citation_card(c, section_of(c.doc, c.clause)) for c in answer.citations)
    return "\n\n".join(b for b in blocks if b)


def read_out_lines(answer: Answer, section_of: SectionOf) -> str:
    """The answer's citations as lines to read out on the phone, one per cited clause."""
    quotes: dict[tuple[str, str], list[str]] = {}
    for c in answer.citations:
        quotes.setdefault((c.doc, c.clause), []).append(c.quote)
    lines = []
    for (doc, clause), parts in quotes.items():
        found = section_of(doc, clause)
        if found is not None:
            lines.append(read_out_line(found[0], found[1], "".join(parts)))
    return "\n".join(lines)


def message_html(message: str) -> str:
    return f'<div class="answer-text">{text_html(message)}</div>'


def lookup_hit_html(hit: LookupHit) -> str:
    section = hit.section
    return "".join([
        f'<div class="lookup-hit" data-section="{html.escape(section.id)}">',
        f'<div class="cite-label">{html.escape(clause_label(section))}'
        f'<span class="doc-title"> · 《{html.escape(hit.policy.title)}》</span></div>',
        units_html(section.units),
        f'<div class="section-text">{marked(section.text, hit.spans)}</div>',
        f'<div class="read-out">📋 {html.escape(hit.read_out)}</div>',
        "</div>",
    ])


def lookup_html(result: LookupResult) -> str:
    head = []
    if result.query:
        found = f"找到 {len(result.hits)} 条" if not result.note else ""
        head.append(f'<div class="lookup-summary">搜索「{html.escape(result.query)}」{found}'
                    + (f"，负责单位：{html.escape(result.department)}" if result.department else "") + "</div>")
    elif result.department:
        head.append(f'<div class="lookup-summary">{html.escape(result.department)} 负责的条款：{len(result.hits)} 条</div>')
    if result.note:
        head.append(f'<div class="lookup-note">ℹ️ {html.escape(result.note)}</div>')
    return "\n".join(head + [lookup_hit_html(h) for h in result.hits])


def calculation_html(text: str, calculation: Calculation | None, found: tuple[Policy, Section] | None) -> str:
    """A calculator form's result: the figures and steps as the chat gives them, and the clause applied."""
    blocks = [f'<div class="answer-text">{text_html(without_steps(text, calculation))}</div>',
              steps_html(calculation)]
    if found is not None:
        policy, section = found
        blocks.append(f'<div class="cite-card"><div class="cite-label">📄 依据《{html.escape(policy.title)}》 '
                      f'{html.escape(clause_label(section))}</div>'
                      f'<details class="cite-full" open><summary>条款全文</summary>'
                      f'<div class="section-text">{marked(section.text, ())}</div></details>'
                      f"{units_html(section.units)}</div>")
    return "\n".join(blocks)


def png_html(path: Path, alt: str) -> str:
    """A PNG inlined as a data URI, so the page never carries a server file path; '' when there is none."""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    if not data.startswith(b"\x89PNG"):
        return ""
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img class="report-chart" alt="{html.escape(alt)}" src="data:image/png;base64,{encoded}">'
