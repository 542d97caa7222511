"""Which clauses name a body as responsible (「文件里到底哪几条把市财政局写进了责任单位？」).

A hotline operator or a bank clerk asks it the other way round from a department question: the body is given, the
clauses are asked for. The body is found among the document's own 责任单位 names, as callers say them: the name
itself, 太原市财政局 for 市财政局, 财政局 alone, 人民银行 for 人行.
"""

from __future__ import annotations

import re
from typing import Iterable

_ASKS_CLAUSES = re.compile(r"哪几条|哪些条|哪条|哪几项|哪些项|哪几款|哪些款|哪几个条款|哪些条款|条款都找出来|条款都列出来|"
                           r"哪些地方|几条里")
# the body's part in those clauses: named as responsible, not 「市财政局拨的钱在哪几条」
_AS_RESPONSIBLE = re.compile(r"责任单位|责任部门|负责(?!人)|牵头|点了|点名|写进|列为|列进|列了|列在|有它|有他们|没它")
# … and the clauses asked, not what one of them says (「市人社局负责的稳岗返还，哪条规定了返还比例？」「哪条写了由谁负责」)
_ASKS_CONTENT = re.compile(r"规定了?|写了|写着|写的|比例|多少|怎么|如何|几个月|哪天|由谁")


def said_forms(unit: str) -> tuple[str, ...]:
    """How callers name a 责任单位: 「市财政局」, 「太原市财政局」, 「财政局」; 「人行…」 as 「人民银行…」."""
    forms = [unit]
    if unit.startswith("市") and len(unit) >= 4:
        forms += [f"太原{unit}", unit[1:]]
    if unit.startswith("人行"):
        forms.append("人民银行" + unit[2:])
    return tuple(forms)


def unit_asked(text: str, units: Iterable[str]) -> str | None:
    """The 责任单位 a question asks the clauses of, when it asks that; None otherwise."""
    if not (_ASKS_CLAUSES.search(text) and _AS_RESPONSIBLE.search(text)) or _ASKS_CONTENT.search(text):
        return None
    named = [u for u in dict.fromkeys(units) if any(form in text for form in said_forms(u))]
    return named[0] if len(named) == 1 else None
