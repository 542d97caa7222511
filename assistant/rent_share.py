"""The part of a shared rent that the person asking pays: 「房租我俩三七开，我出七成」 → 0.7, 「跟发小对半摊」 → 0.5,
「我们三个人平摊」 → 1/3. The rent calculator states the whole premises' figures and then this part of them.

A split said without whose part is whose (「三七开」 alone) gives nothing: guessing would put the wrong figure first.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.quantities import CN_DIGITS, number_or_none

_ONE = rf"[\d{CN_DIGITS}十]"
# 「我出七成」, or with a partner who pays as much: 「我和老李各三成」
_OWN = (r"(?:我|俺|咱)(?:(?:这边|这头|自己|个人)?(?:只|就)?(?:出|占|掏|担|摊|承担|负担|拿)了?|"
        r"(?:和|跟|与)[\u4e00-\u9fff]{1,3}各(?:出|占|摊|掏|担)?)\s*")
# 「我出七成」「我占60%」「我担一半」「我掏三分之一」「我出七成半」
_OWN_PART = re.compile(rf"{_OWN}(?:(?P<tenths>{_ONE})\s*成(?P<and_half>半)?|(?P<percent>\d{{1,2}}(?:\.\d+)?)\s*[%％]|"
                       rf"百分之(?P<cn_percent>[{CN_DIGITS}十]{{1,3}})|(?P<half>一半)|"
                       rf"(?P<den>[二两三四五2-5])\s*分之\s*(?P<num>[一二两1-2]))")
# 「我俩平摊」「我们三个人AA」「跟发小对半分」「两家五五开」: an equal part among the people who share
_SHARERS = (rf"(?:我俩|我们俩|咱俩|俺俩|俩人|(?:我们|咱们|俺们)?(?<![\d{CN_DIGITS}十])(?P<count>[两二三四五2-5])\s*"
            rf"(?:个人|家|个合伙人|个股东))")
_EQUAL = re.compile(rf"{_SHARERS}[^，,。；;！!？?]{{0,6}}(?:平摊|均摊|平分|分摊|AA|aa|各出一半|各摊一半|各一半|对半|五五开)")
_HALVES = re.compile(r"对半(?:分|开|摊|出)|五五开|一人一半|各出一半|各摊一半")
_RENT = re.compile(r"租")
# someone the rent is shared with, said somewhere (a part said with nobody to share with is something else:
# 「第三个月我只交一半」 is the rule's half)
_SHARING = re.compile(r"俩|仨(?!月|个月|天|年|季)|合伙|合租|朋友|发小|亲戚|股东|股份|两家|几家|一起租|分摊|平摊|均摊|AA|aa|各[一二三四五六七八九]成|[一二三四五六七八九]\s*[一二三四五六七八九]\s*开|"
                      r"对半|各出|各摊|一人一半")
# the clause of a share must be about the rent (「房租我俩三七开，我出七成」), not another cost or the takings
_ABOUT_RENT = re.compile(r"租|摊|[一二三四五六七八九]\s*[一二三四五六七八九]\s*开|AA|aa")
_OTHER_COST = re.compile(r"装修|押金|水电|物业|维修|定金|利润|股(?!东)|入股|分红|赚|工资|货款|第[一二三1-3]个?月|减半|免")
_CLAUSE_END = "。！!？?；;，,\n"


def _around(text: str, m: re.Match, ends: str) -> str:
    """The stretch of `text` around the match between two of `ends`, the sentence before it too when a comma ends it
    (「房租我俩三七开，我出七成」: the split is said in the clause before)."""
    start = max(text.rfind(end, 0, m.start()) for end in ends) + 1
    after = [i for i in (text.find(end, m.end()) for end in ends) if i >= 0]
    return text[start:min(after, default=len(text))]


def _about_rent(text: str, m: re.Match) -> bool:
    clause = _around(text, m, _CLAUSE_END)
    if _OTHER_COST.search(clause):
        return False
    return bool(_ABOUT_RENT.search(clause) or _ABOUT_RENT.search(_around(text, m, "。！!？?；;\n")))


def caller_share(text: str) -> Decimal | None:
    """The caller's fraction of the rent, between 0 and 1 (exclusive), or None when the text names none."""
    if not (_RENT.search(text) and _SHARING.search(text)):
        return None
    if (m := _OWN_PART.search(text)) is not None and _about_rent(text, m):
        part = _part(m)
        return part if part is not None and 0 < part < 1 else None
    if (m := _EQUAL.search(text)) is not None and _about_rent(text, m):
        count = 2 if m.group("count") is None else number_or_none(m.group("count"))
        return None if count is None or count < 2 else Decimal(1) / count
    m = _HALVES.search(text)
    return Decimal("0.5") if m is not None and _about_rent(text, m) else None


def without_share(text: str) -> str:
    """The text with the words that say how the rent is shared blanked out (「三个人平摊」 asks no monthly average)."""
    for phrase in (_OWN_PART, _EQUAL, _HALVES):
        text = phrase.sub(lambda m: "，" * len(m.group(0)), text)
    return text


def _part(m: re.Match) -> Decimal | None:
    if m.group("tenths"):
        tenths = number_or_none(m.group("tenths"))
        return None if tenths is None else (tenths + (Decimal("0.5") if m.group("and_half") else 0)) / 10
    if m.group("percent"):
        return Decimal(m.group("percent")) / 100
    if m.group("cn_percent"):
        value = number_or_none(m.group("cn_percent"))
        return None if value is None else value / 100
    if m.group("half"):
        return Decimal("0.5")
    den, num = number_or_none(m.group("den")), number_or_none(m.group("num"))
    return None if not den or num is None else num / den
