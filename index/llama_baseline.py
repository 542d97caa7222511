"""A plain llama-index pipeline over the same Chroma collection and model: the baseline `make bench` compares.

VectorStoreIndex.from_vector_store + as_retriever(top-1), the model run the default way (sentence-transformers
on torch). No BM25, no fusion, no sentence choice: what one gets from llama-index out of the box.
"""

from __future__ import annotations

from corpus.records import Section
from index.embedder import Embedder
from index.hybrid import PolicyIndex
from index.llama_embedding import LlamaEmbedding
from index.store import SECTIONS, VectorStore


class PlainLlamaPipeline:
    def __init__(self, index: PolicyIndex, embedder: Embedder) -> None:
        from llama_index.core import VectorStoreIndex

        store = VectorStore(index.client, SECTIONS)
        self._retriever = VectorStoreIndex.from_vector_store(
            store.llama, embed_model=LlamaEmbedding(embedder)).as_retriever(similarity_top_k=1)
        self._by_key = {(s.doc, s.id): s for s in index.sections}

    def top_section(self, question: str) -> Section | None:
        nodes = self._retriever.retrieve(question)
        if not nodes:
            return None
        meta = nodes[0].node.metadata
        return self._by_key.get((meta.get("doc"), meta.get("section")))
