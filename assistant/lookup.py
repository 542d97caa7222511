"""Lookup for hotline staff: ranked sections for a search, the matching terms located, a read-out line each.

Unlike `Engine.answer`, lookup never refuses and never condenses: it shows whole sections, best first, and
where the searched words occur in them. Ranking is the same hybrid index the engine uses; a section is listed
only when it contains a searched word, unless none does, and then the closest sections by meaning are shown
with a note saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from assistant.compose import clause_name, is_heading_line, read_out_line
from assistant.lexicon import with_document_terms
from assistant.question import clean
from corpus.records import Policy, Section, Sentence
from index.hybrid import PolicyIndex
from index.tokenize import tokens

MAX_QUERY_CHARS = 200
NEAREST_WHEN_NO_MATCH = 3


class LookupQueryError(ValueError):
    """A lookup asked for something that does not exist (e.g. an unknown department); the message lists the valid ones."""


@dataclass(frozen=True)
class LookupHit:
    policy: Policy
    section: Section
    score: float
    spans: tuple[tuple[int, int], ...]  # where searched words occur, as offsets into section.text
    read_out: str  # 「依据《…》第三条：…」 with the sentence that holds the most searched words

    @property
    def clause(self) -> str:
        return clause_name(self.section)


@dataclass(frozen=True)
class LookupResult:
    query: str  # as searched (cleaned)
    department: str | None
    terms: tuple[str, ...]  # searched words found somewhere in the corpus, longest first
    hits: tuple[LookupHit, ...]
    note: str = ""  # said above the hits, e.g. that nothing contains the words and these are only close


def departments(policies: Sequence[Policy]) -> tuple[str, ...]:
    """Every responsible unit named in the corpus, in order of first appearance."""
    seen: dict[str, None] = {}
    for policy in policies:
        for section in policy.sections:
            for unit in section.units:
                seen.setdefault(unit, None)
    return tuple(seen)


def find_spans(text: str, terms: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Non-overlapping occurrences of `terms` in `text`, longer terms winning, in text order."""
    taken = [False] * len(text)
    spans = []
    for term in sorted(set(terms), key=len, reverse=True):
        if not term:
            continue
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            if not any(taken[start:end]):
                spans.append((start, end))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(term, end)
    return tuple(sorted(spans))


def search_terms(query: str, corpus_text: str) -> tuple[str, ...]:
    """The query's words worth highlighting: tokens (and the whole query) that occur in the corpus, with the
    document's own terms for colloquial or English words (社保 → 社会保险)."""
    found = {t for t in set(tokens(with_document_terms(query))) | {query} if t and t in corpus_text}
    # jieba's search mode also yields the parts of a word (社会保险 → 社会, 保险); marking those is noise.
    whole = {t for t in found if not any(t != other and t in other for other in found)}

    def order(term: str) -> tuple[int, int, str]:  # longest first, then as typed; document terms after
        at = query.find(term)
        return -len(term), at if at >= 0 else len(query), term

    return tuple(sorted(whole, key=order))


def _best_sentence(section: Section, spans: Sequence[tuple[int, int]]) -> Sentence | None:
    if not section.sentences:
        return None
    offset = section.start
    headings = set(section.heading_path)

    def inside(sentence: Sentence) -> int:
        return sum(1 for s, e in spans if sentence.start <= s + offset and e + offset <= sentence.end)

    best = max((s for s in section.sentences if s.text.strip() not in headings), key=inside, default=None)
    if best is None:
        return None
    return best if inside(best) else None


def read_out(policy: Policy, section: Section, spans: Sequence[tuple[int, int]] = ()) -> str:
    sentence = _best_sentence(section, spans)
    if sentence is None:  # nothing matched in a sentence: read the body's first sentence
        sentence = next((s for s in section.sentences if not is_heading_line(s.text, section)), None)
    quote = sentence.text if sentence else section.body
    return read_out_line(policy, section, quote)


class Lookup:
    def __init__(self, index: PolicyIndex) -> None:
        self.index = index
        self.policies = index.policies
        self.departments = departments(self.policies)
        self._policy_of = {p.doc: p for p in self.policies}
        self._corpus_text = "\n".join(p.text for p in self.policies)

    def sections(self, department: str | None = None, doc: str | None = None) -> tuple[LookupHit, ...]:
        """The whole corpus in document order (only one department's or one document's sections when given)."""
        department, doc = self._department(department), self._doc(doc)
        return tuple(self._hit(s, 0.0, ()) for s in self.index.sections
                     if self._serves(s, department) and doc in (None, s.doc))

    def search(self, query: str, department: str | None = None, limit: int = 10, doc: str | None = None) -> LookupResult:
        department, doc = self._department(department), self._doc(doc)
        if not isinstance(query, str):
            raise LookupQueryError(f"query must be text, got {type(query).__name__}")
        text = clean(query)
        if len(text) > MAX_QUERY_CHARS:
            raise LookupQueryError(f"搜索词太长（{len(text)} 字），请精简到 {MAX_QUERY_CHARS} 字以内")
        if not text:
            return LookupResult(text, department, (), self.sections(department, doc), "")
        terms = search_terms(text, self._corpus_text)
        ranked = self.index.search(with_document_terms(text), k=len(self.index.sections))
        allowed = [h for h in ranked if self._serves(h.section, department) and doc in (None, h.section.doc)]
        matched = [(h, find_spans(h.section.text, terms)) for h in allowed]
        with_terms = [(h, spans) for h, spans in matched if spans]
        note = ""
        if not with_terms:
            with_terms = matched[:NEAREST_WHEN_NO_MATCH]
            where = f"「{department}」负责的条款中" if department else "文件中"
            note = f"{where}没有找到「{text}」，下面是意思最接近的条款，请核对原文。" if with_terms else \
                f"{where}没有找到「{text}」。"
        hits = tuple(self._hit(h.section, h.score, spans) for h, spans in with_terms[:limit])
        return LookupResult(text, department, terms, hits, note)

    def _hit(self, section: Section, score: float, spans: tuple[tuple[int, int], ...]) -> LookupHit:
        policy = self._policy_of[section.doc]
        return LookupHit(policy, section, score, spans, read_out(policy, section, spans))

    def _department(self, department: str | None) -> str | None:
        if department is None or (isinstance(department, str) and not department.strip()):
            return None
        if department not in self.departments:
            raise LookupQueryError(f"department {department!r} is not named in the corpus; "
                                   f"valid: {list(self.departments)}")
        return department

    def _doc(self, doc: str | None) -> str | None:
        if doc is None or (isinstance(doc, str) and not doc.strip()):
            return None
        if doc not in self._policy_of:
            shown = list(self._policy_of)[:10]
            raise LookupQueryError(f"document {doc!r} is not indexed; indexed ids include {shown}")
        return doc

    @staticmethod
    def _serves(section: Section, department: str | None) -> bool:
        return department is None or department in section.units
