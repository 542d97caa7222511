"""Which figure a question asks for (a rate, an amount, a date, a duration), and whether a quote states one.

「担保费率具体降到百分之几了？」 over a clause that only says 「降低担保和再担保费率」: the document does not state
the figure, and quoting the clause as if it answered would mislead. The engine then says the figure is not
written and quotes what the clause does say (assistant.engine, Tuning.unstated_figures).

A figure counts as stated when the quote has one of the asked kind, or a rule the kind is given by: 「减半」 and
「免收」 answer 「减多少」, 「上年度」 answers 「按哪一年」, 「按…标准」 answers 「给多少钱」 (the calculator's inputs).

How to apply is asked the same way (「要交哪些材料」「在哪个平台申报」): a clause that says what is given, and
names no material or channel, does not answer it.
"""

from __future__ import annotations

import re
from typing import Iterable

_NUMERAL = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千半]+)"

# a day or month stated (a year states a year, not a day)
_DAY_STATED = r"\d{1,2}\s*(月|日|号)|[一二三四五六七八九十]+月|月底|月初|即日|发布之日|印发之日"

# kind → (how a question asks for it, how a quote states it)
FIGURES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "rate": (re.compile(r"百分之几|几个点|(费率|比例|利率|比率|税率)(一般|大概|大约|通常|现在|目前)?(是|为|降到|降至|调到|定在|能有)?(多少|几)|"
                        r"多少(个点|%|％|比例)|几(%|％)"),
             re.compile(r"\d\s*[%％‰]|百分之|百分点|基点|[一二三四五六七八九]成|减半|全免|免收|免征|免于")),
    # 「单户最高能批多少」: a loan's ceiling
    "amount": (re.compile(r"多少钱|几块钱|多少元|多少块|(给|补|贴|奖|返|发|减|免)多少|多少万|多少额度|额度[是有]?多少|"
                          r"最高(能|可以|可)?(批|贷|借|给|拿|申请)?多少(?!个|年|天|次|期)|(一平米|每平米|每平方米|一平方米)[^。？?，,]{0,4}交多少"),
               re.compile(rf"\d[\d.,，]*\s*(元|万|亿|块)|{_NUMERAL}(元|万元|亿元)|减半|免收|全免|免征|\d\s*[%％]|"
                          r"按[^。；]{0,30}(标准|比例|计算|核定)")),
    # a day asked is not stated by a year (「上年度」 answers 「按哪一年」, not 「哪天截止」)
    "date": (re.compile(r"哪一?天|几号|几月几[日号]|(截止|截至|开始|结束)(时间|日期)|什么时候(开始|截止|结束|到期)"),
             re.compile(_DAY_STATED)),
    "year": (re.compile(r"哪一?年"), re.compile(rf"{_DAY_STATED}|\d{{1,4}}\s*年|上年度|上一年|去年|当年|本年度|今年|明年")),
    "duration": (re.compile(r"多久|多长时间|几个月|几天|几年|多少天|多长期限"),
                 re.compile(rf"{_NUMERAL}\s*(个月|天|日|年|周|小时|分钟|个工作日)|月底|年底")),
    # not figures, but details of the same kind: how to apply, asked of a clause that only says what is given
    "materials": (re.compile(r"(什么|哪些|啥|哪几样)(材料|资料|证明|手续材料)|(材料|资料)(清单|有哪些|要哪些|都有啥)|"
                             r"(交|带|提供|提交|上传|准备)(哪些|什么|啥)(东西|材料|资料)?[？?]?$"),
                  re.compile(r"材料|资料|证明|清单|提供|提交|凭|复印件|申请表")),
    "channel": (re.compile(r"(哪个|什么|啥)(平台|系统|模块|网站|入口|小程序|公众号|APP|app)|在哪(个|里|儿)?(平台|系统|网站|模块)"),
                re.compile(r"(申报|申请|办理|服务|政务)平台|平台(申报|申请|办理|提交|登录|上)|系统|网站|网上|线上|模块|入口|"
                           r"小程序|公众号|APP|app|https?://|www\.")),
}

# how the answer names what is missing
NAMES = {"rate": "比例或费率", "amount": "金额", "date": "日期", "year": "年份", "duration": "期限", "materials": "申请材料",
         "channel": "办理平台或系统"}


# 「倒没赔多少钱」「也不差几天」: a quantity said to be small, not asked for; 「这几个月」「前几天」「好几年」「有几天忘了填」
# tell of a time, and ask none (「提前几天」「还有几天」 do)
_NOT_ASKED = re.compile(r"(没|不|没有)[\u4e00-\u9fff]{0,2}(多少|几)(钱|块|天|个月)?|(这|那|(?<!提)前|头|好|隔)几(天|个月|年)|"
                        r"(?<!还)有几(天|个月|年)(?=忘|没|不|停|关|歇|耽|误|是|在|都)")


def figures_asked(question: str) -> tuple[str, ...]:
    """The kinds of figure the question asks for, in FIGURES order."""
    question = _NOT_ASKED.sub("", question)
    return tuple(kind for kind, (asks, _) in FIGURES.items() if asks.search(question))


# a rate or an amount belongs to what its clause is about: 「各负担50%」 is no 奖励 rate, nor the 再贷款利率
_TIED = ("rate", "amount")
_CLAUSE = re.compile(r"[，,；;。！!？?\n]")


def unstated(kinds: Iterable[str], quotes: Iterable[str], about: Iterable[str] = ()) -> tuple[str, ...]:
    """The asked kinds that none of the quoted texts states. With `about` (the topical words of the clause that asks),
    a rate or an amount counts only in a clause of the quotes that names one of them too."""
    quotes, about = list(quotes), [w for w in about if len(w) >= 2]
    text = "".join(quotes)
    clauses = [c for q in quotes for c in _CLAUSE.split(q) if any(w in c for w in about)]

    def stated(kind: str) -> bool:
        pattern = FIGURES[kind][1]
        if kind in _TIED and about:
            return any(pattern.search(c) for c in clauses)
        return bool(pattern.search(text))

    return tuple(kind for kind in kinds if not stated(kind))
