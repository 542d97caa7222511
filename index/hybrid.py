"""The hybrid index: dense vectors (stored in Chroma) fused with BM25 over jieba tokens.

`open_index` opens the index generation built from the corpus (building it aside first, embedding only what
changed), then keeps the vectors in memory for exact cosine search: at this corpus size an exact matrix
product is faster than an ANN query and never misses. Everything returned is a corpus record (`Hit`,
`Section`, `Sentence`) or a float.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import bm25s
import numpy as np

from corpus.records import Hit, Policy, Section, Sentence
from index.embedder import Embedder
from index.fusion import fuse, scaled
from index.generations import Home, open_current
from index.store import BuildReport, Progress, chroma_client, section_key, sentence_key, stored_vectors, sync_store
from index.tokenize import tokens

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentenceScore:
    sentence: Sentence
    dense: float
    lexical: float


class PolicyIndex:
    def __init__(self, policies: Sequence[Policy], embedder: Embedder, section_vectors: np.ndarray,
                 sentence_vectors: dict[str, np.ndarray], dense_weight: float, report: BuildReport | None = None,
                 client=None) -> None:
        self.policies = tuple(policies)
        self.sections: tuple[Section, ...] = tuple(s for p in self.policies for s in p.sections)
        self.embedder = embedder
        self.dense_weight = dense_weight
        self.report = report
        self.client = client
        self._section_vectors = section_vectors
        self._sentence_vectors = sentence_vectors
        self._section_tokens = [tokens(s.text) for s in self.sections]
        self._sentence_tokens = {(s.doc, s.id, snt.start): frozenset(tokens(snt.text))
                                 for s in self.sections for snt in s.sentences}
        # Inverse sentence frequency: a word found in one sentence (滞纳金) tells more than one in thirty (企业).
        counts: dict[str, int] = {}
        for toks in self._sentence_tokens.values():
            for t in toks:
                counts[t] = counts.get(t, 0) + 1
        n = max(1, len(self._sentence_tokens))
        self._idf = {t: math.log(1 + n / c) for t, c in counts.items()}
        self._unseen_idf = math.log(1 + n)
        self._bm25 = bm25s.BM25()
        self._bm25.index(self._section_tokens, show_progress=False)
        # Document-level text (title, issuer, region): which document a question is about, when there are several.
        self._doc_row = {p.doc: i for i, p in enumerate(self.policies)}
        self._doc_of_section = np.array([self._doc_row[s.doc] for s in self.sections], dtype=np.int64)
        self._title_bm25 = bm25s.BM25()
        self._title_bm25.index([tokens(self._doc_text(p)) or ["∅"] for p in self.policies], show_progress=False)

    @staticmethod
    def _doc_text(policy: Policy) -> str:
        return " ".join(str(getattr(policy, f, "") or "") for f in ("title", "issuer", "region"))

    def document_rows(self, docs: Iterable[str]) -> np.ndarray:
        """Positions of `docs` in `policies` (what a per-document array is indexed by)."""
        return np.fromiter((self._doc_row[d] for d in docs), dtype=np.int64)

    def vocabulary(self) -> set[str]:
        """Every BM25 token of the indexed sections (already computed for the lexical index)."""
        return {t for toks in self._section_tokens for t in toks}

    # -- queries -------------------------------------------------------------------------------------------
    def embed_query(self, text: str) -> np.ndarray:
        return self.embedder.encode([text])[0]

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, in one call to the model (a question's parts)."""
        return self.embedder.encode(list(texts))

    def dense_scores(self, vector: np.ndarray) -> np.ndarray:
        return self._section_vectors @ vector

    def lexical_scores(self, query_tokens: list[str]) -> np.ndarray:
        if not query_tokens:
            return np.zeros(len(self.sections), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(query_tokens), dtype=np.float32)

    def title_scores(self, query_tokens: list[str]) -> np.ndarray:
        """Per section, how well its document's title, issuer and region match (min-max over documents: a
        one-document corpus gets zeros, so this never reorders sections within one document)."""
        if len(self.policies) < 2 or not query_tokens:
            return np.zeros(len(self.sections), dtype=np.float32)
        per_doc = scaled(np.asarray(self._title_bm25.get_scores(query_tokens), dtype=np.float32))
        return per_doc[self._doc_of_section]

    def search(self, text: str, k: int = 3, vector: np.ndarray | None = None, dense_weight: float | None = None,
               title_weight: float = 0.0, doc_boost: np.ndarray | None = None) -> list[Hit]:
        """Sections ranked by fused dense + BM25 score, best first; plus `title_weight` × the document-title
        match and `doc_boost`, one value per document in `policies` order (e.g. for a region the question names;
        see document_rows)."""
        vector = self.embed_query(text) if vector is None else vector
        dense = self.dense_scores(vector)
        query_tokens = tokens(text)
        lexical = self.lexical_scores(query_tokens)
        weight = self.dense_weight if dense_weight is None else dense_weight
        fused = fuse(dense, lexical, weight)
        if title_weight:
            fused = fused + title_weight * self.title_scores(query_tokens)
        if doc_boost is not None:
            fused = fused + np.asarray(doc_boost, dtype=np.float32)[self._doc_of_section]
        order = top_k(fused, k)
        return [Hit(self.sections[i], float(fused[i]), float(dense[i]), float(lexical[i])) for i in order]

    def sentence_scores(self, section: Section, vector: np.ndarray, query_tokens: Sequence[str]) -> list[SentenceScore]:
        """Each sentence of `section` scored against the query: cosine, and the IDF-weighted share of query
        tokens it holds."""
        wanted = set(query_tokens)
        total = sum(self._idf.get(t, self._unseen_idf) for t in wanted)
        out = []
        for sentence in section.sentences:
            vec = self._sentence_vectors.get(sentence_key(section, sentence))
            dense = float(vec @ vector) if vec is not None else 0.0
            have = self._sentence_tokens.get((section.doc, section.id, sentence.start), frozenset())
            lexical = sum(self._idf.get(t, self._unseen_idf) for t in wanted & have) / total if total else 0.0
            out.append(SentenceScore(sentence, dense, lexical))
        return out

    def subset(self, docs: set[str] | frozenset[str]) -> "PolicyIndex":
        """The same vectors over only `docs` (its own BM25 statistics), as if only those were indexed."""
        unknown = set(docs) - {p.doc for p in self.policies}
        if unknown:
            raise KeyError(f"documents {sorted(unknown)} are not indexed")
        rows = [i for i, s in enumerate(self.sections) if s.doc in docs]
        return PolicyIndex([p for p in self.policies if p.doc in docs], self.embedder, self._section_vectors[rows],
                           self._sentence_vectors, self.dense_weight, self.report, self.client)

    def section(self, doc: str, section_id: str) -> Section:
        for p in self.policies:
            if p.doc == doc:
                return p.section(section_id)
        raise KeyError(f"document {doc!r} is not indexed; indexed: {[p.doc for p in self.policies]}")


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """The indices of the k best scores, best first, ties by position: what a stable argsort gives, without
    sorting every section (at 100k sections the full sort alone took ~8 ms a question)."""
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k >= len(scores):
        return np.argsort(-scores, kind="stable")
    kth = np.partition(scores, len(scores) - k)[len(scores) - k]  # the k-th best score
    tied_or_better = np.flatnonzero(scores >= kth)  # ascending positions, so a stable sort breaks ties by them
    if len(tied_or_better) < k:  # NaN scores compare false: leave those to the full sort's rules
        return np.argsort(-scores, kind="stable")[:k]
    return tied_or_better[np.argsort(-scores[tied_or_better], kind="stable")][:k]


def open_index(policies: Sequence[Policy], embedder: Embedder, data_dir: Path | None, dense_weight: float = 0.5,
               progress: Progress | None = None, chroma_host: str | None = None, chroma_port: int | None = None) -> PolicyIndex:
    """Open the index generation that matches `policies` (building it aside first when none does, see
    index/generations.py) and load its vectors for search. Without `data_dir`, an unrecorded store is synced."""
    if data_dir is None:
        client = chroma_client(None, chroma_host, chroma_port)
        added, removed = sync_store(client, policies, embedder, progress)
        vectors, report = stored_vectors(client), BuildReport(True, added, removed, ("in memory only",))
    else:
        opened = open_current(Home(data_dir, chroma_host, chroma_port), policies, embedder, progress)
        client, vectors, report = opened.client, opened.vectors, opened.report
    sections = [s for p in policies for s in p.sections]
    section_vectors = (np.stack([vectors.sections[section_key(s)] for s in sections]) if sections
                       else np.zeros((0, 1), np.float32))
    return PolicyIndex(policies, embedder, section_vectors, vectors.sentences, dense_weight, report, client)
