"""Indexing and query cost as the corpus grows: `python -m evals bench-scale [--sizes 1000,10000,100000]`.

Each size runs in its own process, so its peak memory is its own. The sections are real: the seed and
corpus-extra, and for sizes beyond them, copies of those documents with variation (another region named,
another batch number in the title), parsed by the same code. Per size it reports: our build throughput
(sections per second, their sentences included, into a fresh Chroma store), warm answer latency p50/p95
over the gold questions, and peak memory. Beside it, the plain path (llama-index VectorStoreIndex over the
same sections, sentence-transformers on torch, as one would build it out of the box) is timed on a sample.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from corpus.load import parse_policy
from corpus.metadata_regions import PROVINCES
from corpus.records import Policy
from evals.metrics import percentile

_PROVINCE = re.compile("|".join(sorted((full for full in PROVINCES), key=len, reverse=True)))
PLAIN_SAMPLE = 300  # sections the plain path embeds: enough for a steady rate, short enough to wait for


def variant(policy: Policy, k: int) -> Policy:
    """Copy k of a document: another province where it names one, and the copy number after its first line."""
    provinces = list(PROVINCES)
    text = _PROVINCE.sub(lambda m: provinces[(provinces.index(m.group()) + k) % len(provinces)], policy.text)
    first, sep, rest = text.partition("\n") if "\n" in text else text.partition(" ")
    return parse_policy(f"{policy.doc}~{k}", f"{first}（第{k}批）{sep}{rest}")


def scaled_corpus(policies: list[Policy], sections: int) -> list[Policy]:
    """Whole documents, the originals first, then variants, until at least `sections` sections."""
    out, total, k = [], 0, 0
    while total < sections:
        for p in policies if k == 0 else (variant(p, k) for p in policies):
            out.append(p)
            total += len(p.sections)
            if total >= sections:
                break
        k += 1
    return out


def measure(size: int, cfg) -> dict:
    """One size, in this process: build into a fresh store, answer the gold questions, read peak memory."""
    from assistant.engine import Engine
    from assistant.policies import home_and_extra
    from assistant.runtime import make_embedder
    from evals.gold_set import load_gold
    from index.hybrid import open_index
    from index.store import embedding_text, preload

    home, extra = home_and_extra(cfg)
    policies = scaled_corpus(list(home + extra), size)
    embedder = make_embedder(cfg)
    embedder.encode(["预热"])  # model load and export are not build throughput
    preload()  # nor are library imports: the plain path's happen before its timer too
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        index = open_index(policies, embedder, Path(folder), cfg.dense_weight)
        build_s = time.perf_counter() - started
        engine = Engine(index, cfg)
        questions = [(c.question, list(c.history)) for c in load_gold()]
        for q, h in questions[:5]:
            engine.answer(q, h)
        times = []
        for q, h in questions:
            t = time.perf_counter()
            engine.answer(q, h)
            times.append((time.perf_counter() - t) * 1000)
    return {"size": size, "sections": len(index.sections), "documents": len(policies),
            "sentences": sum(len(s.sentences) for s in index.sections),
            # What the model actually ran on: each distinct text once (index/store.py's embed_all).
            "distinct_sections": len({embedding_text(s) for s in index.sections}),
            "distinct_sentences": len({t.text for s in index.sections for t in s.sentences}),
            "build_s": round(build_s, 1),
            "sections_per_s": round(len(index.sections) / build_s, 1), "p50_ms": round(median(times), 2),
            "p95_ms": round(percentile(times, 95), 2),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def plain_throughput(cfg, sample: int = PLAIN_SAMPLE) -> dict:
    """llama-index's own build over `sample` real sections with sentence-transformers: sections per second."""
    import chromadb
    from llama_index.core import StorageContext, VectorStoreIndex
    from llama_index.core.schema import TextNode
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.policies import home_and_extra
    from index.embedder import SentenceTransformerEmbedder
    from index.llama_embedding import LlamaEmbedding
    from index.store import embedding_text

    home, extra = home_and_extra(cfg)
    sections = [s for p in scaled_corpus(list(home + extra), sample) for s in p.sections][:sample]
    embed = LlamaEmbedding(SentenceTransformerEmbedder(cfg.model))
    embed.get_text_embedding("预热")
    client = chromadb.EphemeralClient(settings=chromadb.config.Settings(anonymized_telemetry=False))
    store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("plain"))
    nodes = [TextNode(text=embedding_text(s)) for s in sections]
    started = time.perf_counter()
    VectorStoreIndex(nodes, storage_context=StorageContext.from_defaults(vector_store=store), embed_model=embed)
    seconds = time.perf_counter() - started
    return {"sections": len(nodes), "sections_per_s": round(len(nodes) / seconds, 1), "build_s": round(seconds, 1)}


def render(rows: list[dict], plain: dict | None, backend: str) -> str:
    out = [f"{'sections':>9} {'docs':>6} {'sentences':>9} {'embedded':>15} {'build s':>8} {'sect/s':>7} {'p50 ms':>7} "
           f"{'p95 ms':>7} {'peak MB':>8}"]
    for r in rows:
        embedded = f"{r.get('distinct_sections', '?')}+{r.get('distinct_sentences', '?')}"
        out.append(f"{r['sections']:>9} {r['documents']:>6} {r['sentences']:>9} {embedded:>15} {r['build_s']:>8} "
                   f"{r['sections_per_s']:>7} {r['p50_ms']:>7} {r['p95_ms']:>7} {r['peak_mb']:>8}")
    out.insert(0, f"ours ({backend}; sections with their sentences, into a fresh Chroma store; embedded: the distinct "
                  "section + sentence texts the model ran on, each once; beyond the real documents' sections the "
                  "copies repeat most texts, so only the first row's rate compares with the plain path):")
    if plain:
        out.append(f"plain llama-index path (sentence-transformers, sections only, {plain['sections']} sections): "
                   f"{plain['sections_per_s']} sections/s")
        if rows:
            out.append(f"ratio at {rows[0]['sections']} sections: "
                       f"{rows[0]['sections_per_s'] / plain['sections_per_s']:.2f}× the plain path's throughput")
    return "\n".join(out)


def main(sizes: list[int], plain_sample: int, extra_dir: Path | None, say) -> int:
    import os

    from assistant.settings import settings

    cfg = settings() if extra_dir is None else settings().model_copy(update={"extra_corpus_dir": extra_dir})
    env = dict(os.environ, **({"POLICY_EXTRA_CORPUS_DIR": str(extra_dir)} if extra_dir else {}))
    rows = []
    for size in sizes:
        say(f"bench-scale: {size} sections (own process)")
        done = subprocess.run([sys.executable, "-m", "evals.bench_scale", str(size)], capture_output=True, text=True,
                              env=env)
        if done.returncode != 0:
            say(done.stderr[-2000:])
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        say(json.dumps(rows[-1], ensure_ascii=False))
    plain = plain_throughput(cfg, plain_sample) if plain_sample else None
    print(render(rows, plain, cfg.backend))
    return 0


if __name__ == "__main__":  # one size, in a child process: prints one JSON line
    from assistant.logs import configure_logging
    from assistant.settings import settings

    configure_logging(fmt="%(message)s")
    print(json.dumps(measure(int(sys.argv[1]), settings())))
