"""A thing the document does not name, asked about beside the things it lists.

「医保也能缓吗？」 over item 五: the document never writes 医疗保险, but it lists that thing's kin
(「养老、失业和工伤保险费，可以延迟3个月补缴」), and that list answers by what it leaves out. Pure functions.
"""

from __future__ import annotations

import re
from typing import Iterable

from assistant.lexicon import COLLOQUIAL

_HAN = r"[\u4e00-\u9fff]"
MIN_HEAD = 2  # 「保险」 in 医疗保险; one character (税, 费) is the head of too many words to say kinship
# Heads that sort things along too many lines to make a list of kin: 「中小企业」 beside 「餐饮、住宿、旅游和公共交通
# 企业」 is a size of firm, those are trades.
BROAD_HEADS = frozenset("企业 单位 部门 人员 机构 工作 服务 政策 措施 资金".split())
_JOINT = r"(?:、|和|及|与|以及)"
# short names joined by at least two joints before the kind (「养老、失业和工伤」 + 保险费)
_NAMES_BEFORE = rf"{_HAN}{{1,4}}、{_HAN}{{1,4}}?(?:、{_HAN}{{1,4}}?)*{_JOINT}{_HAN}{{1,4}}?"


def kin_heads(words: Iterable[str], document: str, section: str) -> dict[str, str]:
    """Each word that the `document` never writes, in any form callers use for it (医保 for 医疗保险) → its
    shortest ending of at least MIN_HEAD characters that the document does write (医疗保险 → 保险, not 业保险 of
    失业保险 for 商业保险): the kind of thing it names. Only where the rest of the word is not in the answering
    `section` either: 「银行贷款」 over 「各银行业金融机构…信用贷款」 is any loan from those banks, not a kind of loan
    the clause leaves out. Words with no such ending, or a broad one (BROAD_HEADS), are left out."""
    heads: dict[str, str] = {}
    for word in words:
        if word in document or any(said in document for said, term in COLLOQUIAL.items() if term == word):
            continue
        cut = next((i for i in range(len(word) - MIN_HEAD, 0, -1) if word[i:] in document), None)
        if cut is not None and word[cut:] not in BROAD_HEADS and word[:cut] not in section:
            heads[word] = word[cut:]
    return heads


def lists_kin(sentence: str, heads: Iterable[str]) -> bool:
    """Whether `sentence` lists several things of one of these kinds: short names joined by at least two of 、和及与
    before the kind (「养老、失业和工伤保险费」), or the kind said after each (「信用贷款、中长期贷款」). One joint
    before a longer run (「工资正常调整、新进人员工资核定」) is no list."""
    return any(re.search(rf"{_NAMES_BEFORE}{re.escape(head)}|{re.escape(head)}费?{_JOINT}{_HAN}{{1,6}}?{re.escape(head)}",
                         sentence) for head in heads)
