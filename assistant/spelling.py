"""Fix homophone typos against the documents' own vocabulary: 反单保 → 反担保, 社宝 → 社保, 滞纳今 → 滞纳金.

Chinese typos from pinyin input are mostly same-sound characters. A stretch of the question that the
documents never contain, and that sounds exactly like one of their words while differing in a single
character, is replaced by that word. Nothing is corrected towards a word the documents do not use, nor is
anything that is itself an everyday word (多长 is not a typo of 多张), nor a character that belongs to a longer
stretch the documents contain (in 交滞纳金 the 滞 is part of 滞纳金, so 交滞 is not a typo of 交织).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from pypinyin import lazy_pinyin

from assistant.corpus_text import CorpusText

_HAN = re.compile(r"[\u4e00-\u9fff]+")
MIN_LEN, MAX_LEN = 2, 6
# Particles, pronouns and 到 are typed on purpose, not by mistake: 「那税呢」 must not become 「纳税呢」, nor
# 「管到几月」 「管道几月」.
FUNCTION_CHARS = frozenset("那哪这的地得了吗呢啊吧呀么是在有和与就也都还又很把被给让向对从到")
# 不 before a verb says no on purpose: 「两个退休返聘的不交」 is no slip for 补交 (but 「社保不贴」 is one for 补贴)
NEGATED_VERBS = frozenset("交缴付退给收还办报用算享减免发扣领拿")


class SpellingFixer:
    def __init__(self, vocabulary: Iterable[str], corpus: CorpusText | str,
                 is_common_word: Callable[[str], bool] = lambda word: False,
                 is_name: Callable[[str], bool] = lambda word: False) -> None:
        # Stretches are looked up in a character-pair index, not by a substring search through the whole corpus
        # (which, over hundreds of documents, cost most of an answer).
        self._corpus = corpus if isinstance(corpus, CorpusText) else CorpusText([corpus])
        self._is_common = is_common_word
        self._is_name = is_name
        self._by_sound: dict[tuple[str, ...], list[str]] = {}
        for word in sorted(set(vocabulary)):
            if MIN_LEN <= len(word) <= MAX_LEN and _HAN.fullmatch(word):
                self._by_sound.setdefault(tuple(lazy_pinyin(word)), []).append(word)

    def fix(self, text: str) -> str:
        """The text with each homophone typo replaced by the documents' word (longest stretches first)."""
        out, pos = [], 0
        for run in _HAN.finditer(text):
            out.append(text[pos:run.start()])
            out.append(self._fix_run(run.group()))
            pos = run.end()
        out.append(text[pos:])
        return "".join(out)

    def _fix_run(self, run: str) -> str:
        sounds = lazy_pinyin(run)
        chars = list(run)
        kept, spans = self._inside_corpus_words(run)
        i = 0
        while i < len(chars):
            for n in range(min(MAX_LEN, len(chars) - i), MIN_LEN - 1, -1):
                gram = "".join(chars[i:i + n])
                if self._in_corpus(gram) or self._is_common(gram):
                    break  # a stretch the documents contain is not a typo, nor is anything inside it
                word = self._one_off(gram, tuple(sounds[i:i + n]))
                # Neither a kept character changes, nor does a stretch cut through a kept word (按定 in 按定期 is
                # no slip for 安定: 定期 is a word).
                if word and not any(kept[i + k] for k, (a, b) in enumerate(zip(gram, word)) if a != b) \
                        and not any(a < i + n and b > i and not (i <= a and b <= i + n) and not (a <= i and i + n <= b)
                                    for a, b in spans):
                    chars[i:i + n] = list(word)
                    i += n - 1
                    break
            i += 1
        return "".join(chars)

    def _inside_corpus_words(self, run: str) -> tuple[list[bool], list[tuple[int, int]]]:
        """Per character: does it lie inside a stretch of three or more characters that the documents contain, inside
        a name (阳泉 in 阳泉市: its 泉市 is not a typo of 全市), or inside an everyday word (预约 in 重新预约: its 新预 is
        not a typo of the city 新余, whatever the documents hold)? And those stretches, as (start, end)."""
        kept, spans = [False] * len(run), []
        for i in range(len(run)):
            for n in range(min(MAX_LEN, len(run) - i), 1, -1):
                gram = run[i:i + n]
                if (n > 2 and self._in_corpus(gram)) or self._is_name(gram) or self._is_common(gram):
                    kept[i:i + n] = [True] * n
                    spans.append((i, i + n))
                    break
        return kept, spans

    def _in_corpus(self, gram: str) -> bool:
        return gram in self._corpus

    def _one_off(self, gram: str, sound: tuple[str, ...]) -> str | None:
        candidates = []
        for word in self._by_sound.get(sound, ()):
            changed = [i for i, (a, b) in enumerate(zip(gram, word)) if a != b]
            if len(changed) == 1 and gram[changed[0]] not in FUNCTION_CHARS \
                    and not (gram[changed[0]] == "不" and gram[changed[0] + 1:changed[0] + 2] in NEGATED_VERBS):
                candidates.append(word)
        return candidates[0] if len(candidates) == 1 else None
