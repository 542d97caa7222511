"""Boundary types shared by corpus, index, assistant, evals and the app.

Small frozen dataclasses: library objects (llama-index nodes, Chroma results) are converted into these
once, inside `index/`, and nothing outside sees them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# The numbering that opens a heading (the markers of corpus/segment_headings.py).
HEADING_NUMBER = re.compile(r"第[一二三四五六七八九十百零\d]+[章条]|[一二三四五六七八九十百零]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a section; `start`/`end` are offsets into the cleaned document text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A citable unit of a policy: preamble, a numbered item, or the closing paragraphs."""

    doc: str  # file stem of the source document
    id: str  # "preamble", "1".."10", "closing"; elsewhere a numbering path (corpus/segment_general.py)
    title: str  # heading text without its number, e.g. "减免中小微企业房租"
    heading_path: tuple[str, ...]  # e.g. ("六、减免中小微企业房租",)
    text: str  # the section as it stands in the cleaned text, heading included
    start: int
    end: int
    body: str  # text without the heading and the 责任单位 note
    units: tuple[str, ...]  # 责任单位, in document order
    sentences: tuple[Sentence, ...]

    @property
    def number(self) -> str:
        """The Chinese ordinal of a numbered item ("六"), or "" for preamble and closing."""
        m = re.match(r"([一二三四五六七八九十百零]+)、", self.heading_path[0]) if self.id.isdigit() else None
        return m.group(1) if m else ""

    @property
    def numbering(self) -> str:
        """How a citation names the clause: 「三、（二）」 for ("三、加强金融支持", "（二）降低融资成本"), 「六、」
        for a Taiyuan item, 「第二章第十二条」; "" for a preamble, closing or packed part (cite its id)."""
        return "".join(m.group() for h in self.heading_path if (m := HEADING_NUMBER.match(h)))

    @property
    def content_hash(self) -> str:
        import hashlib

        key = f"{self.doc}\x1f{self.id}\x1f{self.start}\x1f{self.text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Policy:
    doc: str
    title: str
    doc_number: str  # 文号 in its official form, e.g. 并政发〔2020〕2号
    issued: str  # ISO date, e.g. 2020-02-07
    addressees: str
    text: str  # the cleaned text that every offset refers to
    sections: tuple[Section, ...]
    # What the text states about itself (corpus/metadata.py); "" where it does not say.
    issuer: str = ""  # issuing body, e.g. 太原市人民政府
    region: str = ""  # e.g. 山西省太原市, 广西壮族自治区, 全国 (a national body)
    valid_from: str = ""  # ISO date
    valid_until: str = ""  # ISO date; "" for a relative period such as 「自发布之日起的3个月」
    validity: str = ""  # the sentence stating the period, verbatim

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        valid = [s.id for s in self.sections]
        raise KeyError(f"section {section_id!r} is not in {self.doc}; valid ids: {valid}")


@dataclass(frozen=True)
class Hit:
    """A retrieved section with the scores that ranked it."""

    section: Section
    score: float
    dense: float | None = None
    lexical: float | None = None


@dataclass(frozen=True)
class Citation:
    doc: str
    clause: str
    title: str
    quote: str
    start: int
    end: int
    units: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "clause": self.clause,
            "title": self.title,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Calculation:
    kind: str
    inputs: dict[str, Any]
    result: dict[str, Any]
    steps: tuple[str, ...]
    clause: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "inputs": self.inputs, "result": self.result, "steps": list(self.steps)}


@dataclass(frozen=True)
class Answer:
    text: str
    refused: bool
    citations: tuple[Citation, ...] = ()
    calculation: Calculation | None = None
    latency_ms: float = 0.0
    intent: str = "lookup"  # which path produced it: lookup, department, interpretation, time, refusal, error

    def to_json(self, request_id: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if request_id is not None:
            out["id"] = request_id
        out.update(
            answer=self.text,
            refused=self.refused,
            citations=[c.to_json() for c in self.citations],
            calculation=self.calculation.to_json() if self.calculation else None,
            latency_ms=round(self.latency_ms, 2),
        )
        return out
