"""The documents the settings point at: the corpus folder plus the optional extra folder (light: no index imports)."""

from __future__ import annotations

from assistant.settings import Settings
from corpus.load import CorpusError, load_corpus
from corpus.records import Policy


def home_and_extra(cfg: Settings) -> tuple[tuple[Policy, ...], tuple[Policy, ...]]:
    """(the corpus folder's documents, the extra folder's); ids must be unique across both."""
    home = load_corpus(cfg.corpus_dir)
    extra = load_corpus(cfg.extra_corpus_dir) if cfg.extra_corpus_dir is not None else ()
    seen = {p.doc for p in home}
    for p in extra:
        if p.doc in seen:
            raise CorpusError(f"document id {p.doc!r} is in both {cfg.corpus_dir} and {cfg.extra_corpus_dir}; "
                              "citations need one document per id: rename one file")
        seen.add(p.doc)
    return home, extra


def load_policies(cfg: Settings) -> tuple[Policy, ...]:
    home, extra = home_and_extra(cfg)
    return home + extra
