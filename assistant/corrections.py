"""A figure corrected within one message: 「月租七千二，哦不对，现在是八千四」 says the rent is 8400, not 7200.

A correction opens a clause (「，不对，」「。说错了，」「，应该是」; not 「对不对」 nor 「今年应该是」). The first figure after
it of a kind said before it replaces the last figure of that kind before it, the last one about the same thing
when the new figure's words say what it is about (「营收3000万，资产2000万，不对，营收是3500万」 corrects the
revenue). After a denial (不对, 说错了 …) the new figure may come later in the sentence (「不对，年初刚涨过，现在是
八千四」); after a restatement (应该是, 其实是 …) it must be in the same clause: 「应该是小微企业，月租5000」
corrects nothing. A restatement that is a guess (「应该是减免16000吧？」「应该是5000万以下算小型，对吧」) or a threshold
(「应该是100人以下」) corrects nothing either, and 不对 starting another word (「不对外营业」「不对口的岗位」) is no denial.
Pure over anything with start/end, so `assistant.quantities` can use it without this module importing it.
"""

from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence, TypeVar

# 不对 denies only when followed by a break, another denial or a word starting what is meant (「不对，是…」「不对不对」
# 「不对是8400」「哦不对啊」): 「不对外营业」「不对口的岗位」「不对劲」 are other words
_DENIAL = (r"不对(?=$|[\s，,。；;！!？?\n、：:…—~～]|不对|是|应该|其实|[啊呀哦噢喔哈了嘛呢吧])"
           r"|错了|说错了?|[看记写搞算打弄听输填]错了|更正|纠正")
_RESTATEMENT = r"应该是|其实是|改成|改为|准确(?:地)?说|确切(?:地)?说"
# 「不对，是5400元」「应该是…」: words that correct an earlier figure
CORRECTION = re.compile(f"{_DENIAL}|{_RESTATEMENT}")
# 「哦不对」「哎呀，说错了」: an aside may come first
_ASIDE = r"(?:哦|噢|喔|哎呀|哎|唉|啊|呀|呃|额|嗯|诶|欸|等等|等一下|不好意思|抱歉)?[\s，,]*"
OPENING = re.compile(rf"(?:^|(?<=[，,。；;！!？?\n、：:]))\s*{_ASIDE}(?:(?P<denial>{_DENIAL})|{_RESTATEMENT})")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n、]")
# 「应该是减免16000吧？」「应该是5000万以下算小型，对吧？」: a restatement asked as a question is a guess
_GUESS = re.compile(r"(?:[吧吗嘛呢]|[对是]不[对是]|不是)\s*$")
_TAG_QUESTION = re.compile(r"[，,]\s*(?:(?:对|是|没错)[吧吗嘛]|对不对|是不是|不是吗)\s*(?:[？?。，,]|$)")
_THRESHOLD = re.compile(r"\s*(?:以下|以上|以内|之内|之下|之上|及以下|及以上|或以下|或以上)")


def _scope(text: str, marker: re.Match) -> int | None:
    """Where the figures that `marker` (an OPENING) may correct end, or None when it corrects nothing: a restatement
    asked as a question (「应该是减免16000吧？」「…，对吧？」) is a guess, not a correction."""
    scope = (_SENTENCE_END if marker.group("denial") else _CLAUSE_END).search(text, marker.end())
    end = len(text) if scope is None else scope.start()
    if not marker.group("denial") and (_GUESS.search(text[marker.end():end]) or text[end:end + 1] in ("？", "?")
                                       or _TAG_QUESTION.match(text, end)):
        return None
    return end


def opens_with_correction(text: str) -> bool:
    """Whether `text` (an earlier turn) opens by correcting a figure said before it: 「哦不对，是8400元」, not
    「应该是8400吧？」."""
    marker = OPENING.match(text)
    return marker is not None and _scope(text, marker) is not None


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Q = TypeVar("Q", bound=_Spanned)


def superseded(text: str, found: Sequence[Q], about: Callable[[Q], frozenset[str]]) -> tuple[tuple[Q, Q], ...]:
    """(old, new) for each figure of `found` (in order) that a later one corrects; `about(q)` is the set of words
    saying what q is about (revenue, rent …), used to pick the corrected figure among several of its kind."""
    pairs: list[tuple[Q, Q]] = []
    for marker in OPENING.finditer(text):
        end = _scope(text, marker)
        if end is None:
            continue
        for new in (q for q in found if marker.end() <= q.start < end):
            if any(n is new for _, n in pairs):
                break  # 「不对，看错了，是…」: the second marker repeats the first's correction
            if not marker.group("denial") and _THRESHOLD.match(text, new.end):
                break  # 「应该是100人以下算小型」: a threshold, not the figure restated
            earlier = [q for q in found if q.end <= marker.start() and type(q) is type(new)
                       and not any(q is old for old, _ in pairs)]
            if earlier:  # else a figure of a kind not said before (「不对，3月起涨到8400」's month): look on
                same_thing = [q for q in earlier if about(q) & about(new)]
                pairs.append(((same_thing or earlier)[-1], new))
                break
    return tuple(pairs)
