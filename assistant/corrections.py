"""A figure corrected within one message: 「月租七千二，哦不对，现在是八千四」 says the rent is 8400, not 7200.

A correction opens a clause (「，不对，」「。说错了，」「，应该是」; not 「对不对」 nor 「今年应该是」). The first figure after
it of a kind said before it replaces the last figure of that kind before it, the last one about the same thing
when the new figure's words say what it is about (「营收3000万，资产2000万，不对，营收是3500万」 corrects the
revenue). After a denial (不对, 说错了 …) the new figure may come later in the sentence (「不对，年初刚涨过，现在是
八千四」); after a restatement (应该是, 其实是 …) it must be in the same clause: 「应该是小微企业，月租5000」
corrects nothing. A restatement that is a guess (「应该是减免16000吧？」「应该是5000万以下算小型，对吧」) or a threshold
(「应该是100人以下」) corrects nothing either, and 不对 starting another word (「不对外营业」「不对口的岗位」) is no denial.
A denial that objects or adds a figure corrects nothing: not when the figure's clause says it is more or something
else (「不对，还有一间月租5000」「不对，第三个月房东收了6000」「不对，涨了500」, but 「不对，年初刚涨过，现在是八千四」
corrects), nor when its words name another thing (「社保1万5，不对，医保每月3000」), nor a breakdown after 其实是
(「员工50人，其实是30个正式工加20个临时工」). When in doubt, no correction.
Pure over anything with start/end, so `assistant.quantities` can use it without this module importing it.
"""

from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence, TypeVar

# 不对 denies only when followed by a break, another denial or a word starting what is meant (「不对，是…」「不对不对」
# 「不对是8400」「哦不对啊」): 「不对外营业」「不对口的岗位」「不对劲」 are other words
_DENIAL = (r"不对(?=$|[\s，,。；;！!？?\n、：:…—~～]|不对|是|应该|其实|[啊呀哦噢喔哈了嘛呢吧])"
           r"|错了|说错了?|[看记写搞算打弄听输填]错了|更正|纠正")
# (「经办窗口给的准数是1360」: the exact figure someone gave)
_RESTATEMENT = (r"应该是|其实是|改成|改为|准确(?:地)?说|确切(?:地)?说|(?:具体|准确|确切|精确)(?:地|来|点|数字?|的数)?(?:说|讲)?是"
                r"|(?:[\u4e00-\u9fff]{1,8}?(?:给|说|查|算)的)?(?:准数|确数|准确数|精确数)(?:字)?是")
# 「不对，是5400元」「应该是…」: words that correct an earlier figure
CORRECTION = re.compile(f"{_DENIAL}|{_RESTATEMENT}")
# 「哦不对」「哎呀，说错了」: an aside may come first
_ASIDE = r"(?:哦|噢|喔|哎呀|哎|唉|啊|呀|呃|额|嗯|诶|欸|等等|等一下|不好意思|抱歉)?[\s，,]*"
# (an ellipsis comes as …… or, once a question is normalized, as ......)
OPENING = re.compile(rf"(?:^|(?<=[，,。；;！!？?\n、：:—…])|(?<=\.\.))\s*{_ASIDE}(?:(?P<denial>{_DENIAL})|{_RESTATEMENT})")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n、]")
# 「应该是减免16000吧？」「应该是5000万以下算小型，对吧？」: a restatement asked as a question is a guess
_GUESS = re.compile(r"(?:[吧吗嘛呢]|[对是]不[对是]|不是)\s*$")
_TAG_QUESTION = re.compile(r"[，,]\s*(?:(?:对|是|没错)[吧吗嘛]|对不对|是不是|不是吗)\s*(?:[？?。，,]|$)")
# 「不对，还有一间月租5000」「不对，已经还了20万」「不对，第三个月房东收了6000」「不对，涨了500」: words saying the figure
# after them is something more or something else, not the earlier one restated. Looked for in the figure's own
# clause (「不对，年初刚涨过，现在是八千四」 still corrects; 「涨到了8400」 says the new figure, not a change by it)
# 「…不对，还有，另外一间是月租5000」: these anywhere between the denial and the figure
_MORE = re.compile(r"还有|另外|另有|其中|包括|包含|已经(?!涨|降|改|变|是)")
_OTHER_IN_CLAUSE = re.compile(rf"{_MORE.pattern}|已(?:交|缴|付|还|收)|又|再|额外|单独|另算|另计"
                              r"|[涨降增减扣退补加](?![到至成为])|[多少只][收交缴付退]|[收免减还交缴付退扣补]了"
                              r"|第.{1,3}个?月|上个?月|这个?月")
# 「…，其实是30个正式工加20个临时工」: a restatement broken down (numbers or 加/和 before the figure) restates nothing
_BREAKDOWN = re.compile(rf"[\d０-９零〇一二两三四五六七八九十百千万]|加|和|跟|与|及")
# … or a figure that the next part is added to (「其实是30个正式工加20个临时工」: the 30 is a part too)
_BREAKDOWN_AFTER = re.compile(r"[^，,。；;！!？?]{0,8}?(?:加上?|和|跟|与|及|、|\+)\s*[\d０-９零〇一二两三四五六七八九十]")
# what a figure is about beyond the words `about` knows (「医保每月3000」「押金是2万」), and words that say one thing
_TOPIC = re.compile(r"医保|医疗|生育|公积金|押金|保证金|定金|物业|水电|利息|兼职|临时工|外卖|门面|仓库|厂房")
_SAME = {"营业额": "营收", "销售额": "营收", "流水": "营收", "收入": "营收", "本金": "贷款", "借": "贷款",
         "职工": "员工", "人数": "员工", "从业人员": "员工", "雇员": "员工", "工人": "员工"}
_GENERIC = {"交", "缴", "付", "钱", "金额"}
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


def _clause_start(text: str, at: int, floor: int) -> int:
    """Where the clause holding `at` begins, not before `floor`."""
    breaks = [m.end() for m in _CLAUSE_END.finditer(text, floor, at)]
    return breaks[-1] if breaks else floor


def _topics(text: str, q: _Spanned, about: Callable) -> frozenset[str]:
    """What q is about, by `about` and the words of its clause before it, synonyms as one word, generic ones gone."""
    before = text[max(_clause_start(text, q.start, 0), q.start - 12):q.start]
    words = set(about(q)) | {m.group(0) for m in _TOPIC.finditer(before)}
    return frozenset(_SAME.get(w, w) for w in words if w not in _GENERIC)


def _restates(text: str, marker: re.Match, new: _Spanned) -> bool:
    """Whether the words between `marker` and `new` let it restate an earlier figure: not when they say it is more
    or something else (「不对，还有5个人没参保」「不对，涨了500」), nor a breakdown after 其实是 (「30个正式工加20个临时工」)."""
    gap = text[marker.end():new.start]
    own = text[_clause_start(text, new.start, marker.end()):new.start]
    if _MORE.search(gap) or _OTHER_IN_CLAUSE.search(own):
        return False
    return bool(marker.group("denial")) or not (_BREAKDOWN.search(gap) or _BREAKDOWN_AFTER.match(text, new.end))


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
                if not _restates(text, marker, new):
                    if marker.group("denial") and not _MORE.search(text[marker.end():new.start]):
                        continue  # 「不对，上个月走了4个，现在48个」: a change on the way; the figure may follow
                    break  # 「不对，还有一间月租5000」: another figure; when in doubt, no correction
                topics = _topics(text, new, about)
                same_thing = [q for q in earlier if topics & _topics(text, q, about)]
                if topics and not same_thing:
                    break  # 「社保1万5，不对，医保每月3000」: the new figure is about something else
                old = (same_thing or earlier)[-1]
                if old.value == new.value and marker.group("denial"):
                    continue  # 「一百二十万——哦说错了，一百二十万是前年的，去年只有九十三万」: said again, then corrected
                pairs.append((old, new))
                break
    return tuple(pairs)


def passed_over(text: str, found: Sequence[Q], pairs: Sequence[tuple[Q, Q]]) -> tuple[Q, ...]:
    """The figures of `found` that a correction of `pairs` (from `superseded`) went past on its way to the new figure:
    in 「员工52个，哦不对，上个月走了4个，现在48个」 the 4 is a change, not a headcount."""
    gone = []
    for old, new in pairs:
        marker = OPENING.search(text, old.end)
        if marker is not None and marker.end() <= new.start:
            gone += [q for q in found if type(q) is type(new) and marker.end() <= q.start and q.end <= new.start]
    return tuple(gone)

