"""Which words the corpus uses, and in how many documents, without scanning its whole text per word.

The engine asks this for every topical word of every question (the scope check, the spelling fixer, the
home-first rarity weights). A substring search through the joined documents costs time in proportion to the
corpus: a few milliseconds over ten thousand sections, tens over a hundred thousand. Instead every position of
the text is sorted by the character pair that starts there, once, in numpy arrays (8 bytes a character); a
word is then looked for only where its rarest pair occurs. Answers are exactly those of `word in text`.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np


CHUNK = 4096  # candidate positions checked at a time when one occurrence is enough


class CorpusText:
    """The documents' texts joined by newlines, with a character-pair index over them."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.text = "\n".join(texts)
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        self._doc_starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(texts) else lengths
        codes = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32)
        # Characters as dense ids (a corpus uses a few thousand), so that a pair fits a uint32 key; id 0 is
        # kept for characters the corpus never uses.
        used = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, dtype=np.int64)
        if len(used) >= 1 << 16:
            raise ValueError(f"the corpus uses {len(used)} distinct characters; at most {(1 << 16) - 1} fit")
        self._lut = np.zeros(int(used[-1]) + 1 if len(used) else 1, dtype=np.uint16)
        self._lut[used] = np.arange(1, len(used) + 1, dtype=np.uint16)
        self._ids = self._lut[codes]
        del codes
        keys = (self._ids[:-1].astype(np.uint32) << 16) | self._ids[1:]
        self._order = np.argsort(keys, kind="stable").astype(np.int64 if len(keys) >= 1 << 31 else np.int32)
        self._keys = keys[self._order]

    def __contains__(self, word: str) -> bool:
        if len(word) < 2:
            return word in self.text
        return len(self._matches(word, enough=1)) > 0

    def documents_with(self, word: str) -> int:
        """How many of the texts contain `word` (a word holds no newline: that joins the texts)."""
        if not word:
            return len(self._doc_starts)
        if len(word) < 2:
            ids = self._word_ids(word)
            found = np.flatnonzero(self._ids == ids[0]) if ids is not None else np.zeros(0, dtype=np.int64)
        else:
            found = self._matches(word)
        if not len(found):
            return 0
        return len(np.unique(np.searchsorted(self._doc_starts, found, side="right")))

    # -- lookup --------------------------------------------------------------------------------------------
    def _word_ids(self, word: str) -> np.ndarray | None:
        codes = np.frombuffer(word.encode("utf-32-le"), dtype=np.uint32)
        if (codes >= len(self._lut)).any():
            return None
        ids = self._lut[codes]
        return None if (ids == 0).any() else ids  # None: a character the corpus never uses

    def _rarest_pair(self, ids: np.ndarray) -> tuple[np.ndarray, int]:
        """Where the word's rarest character pair occurs, and that pair's offset within the word."""
        best, best_k = None, 0
        for k in range(len(ids) - 1):
            key = np.uint32((int(ids[k]) << 16) | int(ids[k + 1]))
            lo, hi = np.searchsorted(self._keys, key, "left"), np.searchsorted(self._keys, key, "right")
            if best is None or hi - lo < len(best):
                best, best_k = self._order[lo:hi], k
                if not len(best):
                    break
        return best, best_k

    def _matches(self, word: str, enough: int | None = None) -> np.ndarray:
        """Start positions of the occurrences of a word of two or more characters: all of them, or the first
        `enough` found."""
        ids = self._word_ids(word)
        if ids is None:
            return np.zeros(0, dtype=np.int64)
        at, k = self._rarest_pair(ids)
        step = CHUNK if enough else max(len(at), 1)
        found = []
        for lo in range(0, len(at), step):
            starts = at[lo:lo + step].astype(np.int64) - k
            starts = starts[(starts >= 0) & (starts + len(ids) <= len(self._ids))]
            keep = np.ones(len(starts), dtype=bool)
            for j, c in enumerate(ids):
                if j not in (k, k + 1):
                    keep &= self._ids[starts + j] == c
            found.append(starts[keep])
            if enough and sum(map(len, found)) >= enough:
                break
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
