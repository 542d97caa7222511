"""A thing the document does not name, asked about beside the things it lists.

「医保也能缓吗？」 over item 五: the document never writes 医疗保险, but it lists that thing's kin
(「养老、失业和工伤保险费，可以延迟3个月补缴」), and that list answers by what it leaves out. Pure functions.
"""

from __future__ import annotations

import re
from typing import Iterable

_HAN = r"[\u4e00-\u9fff]"
MIN_HEAD = 2  # 「保险」 in 医疗保险; one character (税, 费) is the head of too many words to say kinship


def kin_heads(words: Iterable[str], document: str, section: str) -> dict[str, str]:
    """Each word that the `document` never writes → the longest proper ending of it that the document does write
    (医疗保险 → 保险), at least MIN_HEAD characters: the kind of thing the word names. Only where the rest of the word
    is not in the answering `section` either: 「银行贷款」 over 「各银行业金融机构…信用贷款」 is any loan from the banks
    that clause is about, not a kind of loan it leaves out. Words with no such ending are left out."""
    heads: dict[str, str] = {}
    for word in words:
        if word in document:
            continue
        cut = next((i for i in range(1, len(word) - MIN_HEAD + 1) if word[i:] in document), None)
        if cut is not None and word[:cut] not in section:
            heads[word] = word[cut:]
    return heads


def lists_kin(sentence: str, heads: Iterable[str]) -> bool:
    """Whether `sentence` lists several things of one of these kinds: short names joined by at least two of 、和及与
    before the kind (「养老、失业和工伤保险费」), or the kind said after each (「信用贷款、中长期贷款」). One joint
    before a longer run (「工资正常调整、新进人员工资核定」) is no list."""
    for head in heads:
        kind = re.escape(head)
        joint = r"(?:、|和|及|与|以及)"
        if re.search(rf"{_HAN}{{1,4}}、{_HAN}{{1,4}}?(?:、{_HAN}{{1,4}}?)*{joint}{_HAN}{{1,4}}?{kind}", sentence) \
                or re.search(rf"{kind}费?{joint}{_HAN}{{1,6}}?{kind}", sentence):
            return True
    return False
