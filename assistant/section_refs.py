"""Sections a question points at by their place in the document: 「第六条」「文件开头」「最后一段」.

Hotline staff read the document along with the caller and name its parts by number or position. The pointed
section is where the answer is looked for first; what the question asks still decides the sentence.
"""

from __future__ import annotations

import re

from corpus.segment import chinese_number

_NUMBERED = re.compile(r"第([一二三四五六七八九十]{1,3}|\d{1,2})(?:条|项|点|部分)")
_OPENING = re.compile(r"(?:文件|意见|通知|正文)的?(?:开头|开篇|前言|导语|引言)|(?:开头|开篇|前言|导语|引言)(?:部分)?(?:说|写|讲|提)")
# What the document as a whole is for (「发这份文件主要想达到什么目标」): its opening says why it is issued (「为…，提出本意见」)
_PURPOSE = re.compile(r"(?:这份|这个|该|本|此|这|2号|二号)(?:文件|意见|文)[^。？?里中条款项]{0,8}?"
                      r"(?:目的|目标|宗旨|用意|初衷|想达到|要达到|想让\S{0,4}?(?:干|做)(?:啥|什么|甚)|图个?(?:啥|甚|什么)|为了(?:啥|什么))")
_CLOSING = re.compile(r"(?:文件|意见|通知|正文)的?(?:结尾|末尾|最后一段)|(?:结尾|末尾|最后一段)(?:部分)?(?:说|写|讲|提)")


def pointed_sections(text: str) -> tuple[str, ...]:
    """Section ids the text points at: item numbers as "1"…, the opening as "preamble", the end as "closing"."""
    found: list[str] = []
    for m in _NUMBERED.finditer(text):
        numeral = m.group(1)
        try:
            found.append(str(int(numeral) if numeral.isdigit() else chinese_number(numeral)))
        except ValueError:  # 「第五五条」: no item number
            continue
    if _OPENING.search(text) or asks_document_purpose(text):
        found.append("preamble")
    if _CLOSING.search(text):
        found.append("closing")
    return tuple(dict.fromkeys(found))


def asks_document_purpose(text: str) -> bool:
    """「这份文件主要想达到什么目标」: what the whole document is for, which its opening sentence states."""
    return bool(_PURPOSE.search(text))
