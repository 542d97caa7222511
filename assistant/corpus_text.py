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


CHUNK = 4096  # candidate positions checked at a time with numpy when one occurrence is enough
FEW = 32  # candidates checked one by one in Python (cheaper than numpy's call overhead for so few)


class CorpusText:
    """The documents' texts joined by newlines, with a character-pair index over them."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.text = "\n".join(texts)
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        self._doc_starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(texts) else lengths
        codes = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32)
        # Characters as dense ids from 1 (a corpus uses a few thousand), so that a pair fits a uint32 key.
        used = np.flatnonzero(np.bincount(codes)) if len(codes) else np.zeros(0, dtype=np.int64)
        if len(used) >= 1 << 16:
            raise ValueError(f"the corpus uses {len(used)} distinct characters; at most {(1 << 16) - 1} fit")
        lut = np.zeros(int(used[-1]) + 1 if len(used) else 1, dtype=np.uint16)
        lut[used] = np.arange(1, len(used) + 1, dtype=np.uint16)
        self._ids = lut[codes]
        del codes
        self._char_id = {chr(c): i for i, c in enumerate(used.tolist(), start=1)}
        keys = (self._ids[:-1].astype(np.uint32) << 16) | self._ids[1:]
        self._order = np.argsort(keys, kind="stable").astype(np.int64 if len(keys) >= 1 << 31 else np.int32)
        keys = keys[self._order]
        # Per distinct pair, where its run of positions starts in _order (looked up per word, in plain Python).
        firsts = np.concatenate(([0], np.flatnonzero(np.diff(keys)) + 1)) if len(keys) else np.zeros(0, np.int64)
        self._pair_run = dict(zip(keys[firsts].tolist(), range(len(firsts))))
        self._run_starts = [*firsts.tolist(), len(keys)]

    def __contains__(self, word: str) -> bool:
        if len(word) < 2:
            return not word or word in self._char_id
        found = self._rarest_pair(word)
        if found is None:
            return False
        lo, hi, k = found
        if any(self.text.startswith(word, p - k) for p in self._order[lo:min(hi, lo + FEW)].tolist() if p >= k):
            return True  # a common word is usually found among its first candidates
        return hi - lo > FEW and len(self._matches(word, (lo + FEW, hi, k), enough=1)) > 0

    def documents_with(self, word: str) -> int:
        """How many of the texts contain `word` (a word holds no newline: that joins the texts)."""
        if not word:
            return len(self._doc_starts)
        return len(self.documents_containing(word))

    def documents_containing(self, word: str) -> np.ndarray:
        """The positions (in the order given) of the texts that contain a non-empty `word`, ascending."""
        if len(word) < 2:
            char = self._char_id.get(word)
            found = np.flatnonzero(self._ids == char) if char else np.zeros(0, dtype=np.int64)
        else:
            pair = self._rarest_pair(word)
            found = self._matches(word, pair) if pair else np.zeros(0, dtype=np.int64)
        return np.unique(np.searchsorted(self._doc_starts, found, side="right") - 1)

    # -- lookup --------------------------------------------------------------------------------------------
    def _rarest_pair(self, word: str) -> tuple[int, int, int] | None:
        """The run (lo, hi) in _order of the word's rarest character pair, and that pair's offset in the word;
        None when some pair never occurs."""
        ids = [self._char_id.get(ch) for ch in word]
        if None in ids:
            return None
        best = None
        for k in range(len(ids) - 1):
            run = self._pair_run.get((ids[k] << 16) | ids[k + 1])
            if run is None:
                return None
            lo, hi = self._run_starts[run], self._run_starts[run + 1]
            if best is None or hi - lo < best[1] - best[0]:
                best = (lo, hi, k)
        return best

    def _matches(self, word: str, pair: tuple[int, int, int], enough: int | None = None) -> np.ndarray:
        """Start positions of the occurrences of a word of two or more characters whose rarest pair is `pair`:
        all of them, or the first `enough` found."""
        lo, hi, k = pair
        ids = np.array([self._char_id[ch] for ch in word], dtype=np.uint16)
        at = self._order[lo:hi]
        step = CHUNK if enough else max(len(at), 1)
        found = []
        for first in range(0, len(at), step):
            starts = at[first:first + step].astype(np.int64) - k
            starts = starts[(starts >= 0) & (starts + len(ids) <= len(self._ids))]
            keep = np.ones(len(starts), dtype=bool)
            for j, c in enumerate(ids):
                if j not in (k, k + 1):
                    keep &= self._ids[starts + j] == c
            found.append(starts[keep])
            if enough and sum(map(len, found)) >= enough:
                break
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
