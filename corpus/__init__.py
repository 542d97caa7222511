"""Policy text → `Policy` and `Section` records (pure functions; reading files is the only I/O)."""

from corpus.load import CorpusError, corpus_hash, load_corpus, load_policy, parse_policy
from corpus.records import Answer, Calculation, Citation, Hit, Policy, Section, Sentence
from corpus.segment import SEGMENTER_VERSION

__all__ = [
    "Answer", "Calculation", "Citation", "CorpusError", "Hit", "Policy", "SEGMENTER_VERSION", "Section",
    "Sentence", "corpus_hash", "load_corpus", "load_policy", "parse_policy",
]
