"""Chroma, reached through llama-index: where section and sentence vectors live between runs.

Ids are content hashes, so syncing twice adds nothing and a changed corpus only embeds what changed.
Chroma results are turned into plain ids and scores here; nothing outside `index/` sees them.
Which folder (or server database) is synced, and when, is index/generations.py's business.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from corpus.records import Policy, Section, Sentence
from corpus.segment import SEGMENTER_VERSION
from corpus.load import corpus_hash
from index.embedder import Embedder
from index.manifest import Manifest

log = logging.getLogger(__name__)

SECTIONS = "sections"
SENTENCES = "sentences"
Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """What opening the index did: `reasons` says why a new generation was built (empty: none was)."""
    rebuilt_from_scratch: bool
    added: int
    removed: int
    reasons: tuple[str, ...]
    generation: str = ""  # the generation served ("" for an in-memory index)
    interrupted: tuple[str, ...] = ()  # unfinished builds found and removed (killed half-way?)

    def __str__(self) -> str:
        served = f"generation {self.generation}" if self.generation else "in-memory index"
        done = (f"built {'from scratch' if self.rebuilt_from_scratch else 'incrementally'}: {self.added} added, "
                f"{self.removed} removed ({'; '.join(self.reasons)})" if self.reasons else "unchanged")
        found = f"; removed unfinished build(s) {', '.join(self.interrupted)}" if self.interrupted else ""
        return f"{served}, {done}{found}"


@dataclass(frozen=True)
class StoredVectors:
    """Every vector of one generation, by id: what search runs on, and what its manifest is checked against."""
    sections: dict[str, np.ndarray]
    sentences: dict[str, np.ndarray]

    def problem(self, manifest: Manifest, section_keys: Iterable[str] = ()) -> str | None:
        """Why these vectors do not match `manifest` (and hold every key of `section_keys`), or None."""
        for label, vectors, expected in ((SECTIONS, self.sections, manifest.sections),
                                         (SENTENCES, self.sentences, manifest.sentences)):
            if len(vectors) != expected:
                return f"the {label} collection holds {len(vectors)} vectors but the manifest says {expected}"
            dims = {v.shape[0] for v in vectors.values()} - {manifest.dimensions}
            if dims:
                return (f"the {label} collection holds {min(dims)}-dimensional vectors but the manifest says "
                        f"{manifest.dimensions}")
        missing = [k for k in section_keys if k not in self.sections]
        if missing:
            return f"{len(missing)} sections of the corpus have no vector (e.g. {missing[0]})"
        return None


def section_key(section: Section) -> str:
    return section.content_hash


def sentence_key(section: Section, sentence: Sentence) -> str:
    return f"{section.content_hash}:{sentence.start}-{sentence.end}"


def embedding_text(section: Section) -> str:
    """What a section is embedded as: its heading and body, without the department list (noise for meaning)."""
    heading = " ".join(section.heading_path)
    return f"{heading}\n{section.body}" if heading else section.body


# Chroma shares one system per folder between a process's clients, and that cache is not thread-safe: two
# threads opening (or one opening, one closing) the same folder can lose it mid-way (KeyError, no `bindings`).
_clients = threading.Lock()


def preload() -> None:
    """Import Chroma and llama-index now: a benchmark counts their import as start-up, not build time."""
    import chromadb  # noqa: F401
    import llama_index.vector_stores.chroma  # noqa: F401


def chroma_client(path: Path | None = None, host: str | None = None, port: int | None = None,
                  database: str | None = None):
    """A persistent (path), server (host; `database` on it) or in-memory client."""
    import chromadb
    from chromadb.config import DEFAULT_DATABASE, Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host:
        return chromadb.HttpClient(host=host, port=port or 8000, settings=settings,
                                   database=database or DEFAULT_DATABASE)
    if path is None:
        return chromadb.EphemeralClient(settings=settings)
    path.mkdir(parents=True, exist_ok=True)
    with _clients:
        return chromadb.PersistentClient(path=str(path), settings=settings)


def close_client(client) -> None:
    with _clients:
        client.close()


def chroma_admin(host: str, port: int | None):
    """The server's admin API: where a generation's database is created and dropped."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.AdminClient(ChromaSettings(
        anonymized_telemetry=False, chroma_api_impl="chromadb.api.fastapi.FastAPI",
        chroma_server_host=host, chroma_server_http_port=port or 8000))


def stored_vectors(client) -> StoredVectors:
    return StoredVectors(VectorStore(client, SECTIONS).vectors(), VectorStore(client, SENTENCES).vectors())


def copy_collections(source, target, page: int = 1000) -> None:
    """Copy both collections as they are (ids, vectors, texts, llama-index metadata): nothing is re-embedded."""
    for name in (SECTIONS, SENTENCES):
        src, dst = VectorStore(source, name).collection, VectorStore(target, name).collection
        for offset in range(0, src.count(), page):
            got = src.get(include=["embeddings", "documents", "metadatas"], limit=page, offset=offset)
            dst.add(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"],
                    metadatas=got["metadatas"])


class VectorStore:
    """One Chroma collection (cosine space) wrapped by llama-index's ChromaVectorStore."""

    def __init__(self, client, name: str) -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.client = client
        self.name = name
        self.collection = client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"})
        self.llama = ChromaVectorStore(chroma_collection=self.collection)

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def add(self, ids: Sequence[str], texts: Sequence[str], vectors: np.ndarray, metadata: Sequence[dict]) -> None:
        from llama_index.core.schema import TextNode

        # A thousand nodes at a time: a node holds its vector as Python floats (~12 KB each), so building them
        # all first took gigabytes at 100k sections.
        for start in range(0, len(ids), 1000):
            end = start + 1000
            self.llama.add([
                TextNode(id_=i, text=t, embedding=v.tolist(), metadata=m, excluded_embed_metadata_keys=list(m))
                for i, t, v, m in zip(ids[start:end], texts[start:end], vectors[start:end], metadata[start:end])
            ])

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            self.collection.delete(ids=ids)

    def vectors(self, page: int = 20000) -> dict[str, np.ndarray]:
        # Paged: Chroma hands the vectors back as float64, twice what we keep.
        out: dict[str, np.ndarray] = {}
        for offset in range(0, self.collection.count(), page):
            got = self.collection.get(include=["embeddings"], limit=page, offset=offset)
            out.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32)))
        return out

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        from llama_index.core.vector_stores.types import VectorStoreQuery

        result = self.llama.query(VectorStoreQuery(query_embedding=vector.tolist(), similarity_top_k=k))
        return list(zip(result.ids or [], result.similarities or []))


EMBED_CHUNK = 256  # texts per progress report; each chunk is length-sorted, so it also pads little


def progress_line(label: str, done: int, total: int, elapsed: float) -> str:
    """「sections [#######-------] 512/3673  41.2/s  ETA 1:17」: a text bar, since index/ never prints itself."""
    width = 20
    filled = round(width * done / total) if total else width
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 else 0.0
    return (f"{label} [{'#' * filled}{'-' * (width - filled)}] {done}/{total}  {rate:.1f}/s  "
            f"ETA {int(eta) // 60}:{int(eta) % 60:02d}")


def embed_all(embedder: Embedder, texts: Sequence[str], label: str, say: Progress) -> np.ndarray:
    """Embed in length-sorted chunks (little padding), reporting rate and ETA; vectors in the caller's order.

    Each distinct text is embedded once: policy documents repeat sentences (「特此通知。」, the same measure in a
    province's and a city's notice; 15% of corpus-extra's sentences, 9% of its sections), and the model gives a
    text one vector wherever it stands."""
    distinct = list(dict.fromkeys(texts))
    where = {text: i for i, text in enumerate(distinct)}
    order = sorted(range(len(distinct)), key=lambda i: len(distinct[i]))
    unique: np.ndarray | None = None
    started = time.perf_counter()
    for start in range(0, len(order), EMBED_CHUNK):
        idx = order[start:start + EMBED_CHUNK]
        vectors = embedder.encode([distinct[i] for i in idx])
        if unique is None:
            unique = np.zeros((len(distinct), vectors.shape[1]), dtype=np.float32)
        unique[idx] = vectors
        say(progress_line(label, min(start + EMBED_CHUNK, len(order)), len(order), time.perf_counter() - started))
    if unique is None:
        return np.zeros((0, int(embedder.dimensions)), dtype=np.float32)
    return unique[[where[t] for t in texts]]


def wanted_manifest(policies: Sequence[Policy], embedder: Embedder) -> Manifest:
    sections = [s for p in policies for s in p.sections]
    return Manifest(
        model=embedder.name,
        dimensions=int(embedder.dimensions),
        segmenter_version=SEGMENTER_VERSION,
        corpus_hash=corpus_hash(tuple(policies)),
        sections=len(sections),
        sentences=sum(len(s.sentences) for s in sections),
    )


def sync_store(client, policies: Sequence[Policy], embedder: Embedder,
               progress: Progress | None = None) -> tuple[int, int]:
    """Make the collections hold exactly the vectors of `policies`, embedding only what is missing;
    returns (sections added, sections removed)."""
    say = progress or (lambda msg: None)
    sections = [s for p in policies for s in p.sections]
    section_store, sentence_store = VectorStore(client, SECTIONS), VectorStore(client, SENTENCES)

    wanted_sections = {section_key(s): s for s in sections}
    have = section_store.ids()
    new = [s for k, s in wanted_sections.items() if k not in have]
    if new:
        say(f"embedding {len(new)} sections with {embedder.name}")
        vectors = embed_all(embedder, [embedding_text(s) for s in new], "sections", say)
        section_store.add([section_key(s) for s in new], [s.text for s in new], vectors,
                          [{"doc": s.doc, "section": s.id, "title": s.title} for s in new])
    stale = have - set(wanted_sections)
    section_store.delete(stale)

    wanted_sentences = {sentence_key(sec, snt): (sec, snt) for sec in sections for snt in sec.sentences}
    have = sentence_store.ids()
    new_s = [(k, sec, snt) for k, (sec, snt) in wanted_sentences.items() if k not in have]
    if new_s:
        say(f"embedding {len(new_s)} sentences")
        vectors = embed_all(embedder, [snt.text for _, _, snt in new_s], "sentences", say)
        sentence_store.add([k for k, _, _ in new_s], [snt.text for _, _, snt in new_s], vectors,
                           [{"doc": sec.doc, "section": sec.id, "start": snt.start, "end": snt.end}
                            for _, sec, snt in new_s])
    sentence_store.delete(have - set(wanted_sentences))
    return len(new), len(stale)
