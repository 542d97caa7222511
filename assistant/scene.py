"""Which words of a question only set the scene, and which belong to what it asks.

Owners tell a story before they ask (「整个疫情我一分钱没挣，房东还天天打电话催租子……我这仨月到底还得交多少？」).
The story's nouns (一分钱, 打电话, 街道, 合同) are rarely the documents' words, yet they say nothing about
whether the documents cover the question; a noun in the clause that asks (「契税有没有减免」「学费怎么算」) does.
"""

from __future__ import annotations

import re
from typing import Sequence

_CLAUSE = re.compile(r"[^，,。；;！!？?：:\n]+[？?]?")
# A clause asks when it ends with a question mark, carries a question word or particle, or makes a request.
# 「过期了几天」「干了几年」 say a few, they do not ask.
_ASKS = re.compile(
    r"[？?]$|吗|么|呢|吧|多少|(?<![这那前后好头了])几|怎么|怎样|咋|啥|什么|哪|谁|是否|能否|可否|能不能|可不可以|会不会|"
    r"是不是|有没有|要不要|算不算|行不行|够不够|[能会可要算行有]\S{0,6}不$|如何|请问|想(了解|知道|问|咨询)|介绍|"
    r"告诉我|帮我|请教|\b(how|what|which|when|where|who|can|could|is|are|do|does|will|should)\b",
    re.IGNORECASE,
)
# Greetings and thanks are neither story nor question.
_COURTESY = re.compile(r"^(您好|你好|哈喽|hello|hi|谢谢|多谢|感谢|麻烦了|麻烦您了|辛苦了|thanks?)[啊呀哈了您你]*[!！。.]?$",
                       re.IGNORECASE)
MIN_SCENE_CLAUSES = 2


def asking_clauses(text: str) -> tuple[list[str], list[str]]:
    """(clauses that ask, clauses that do not), in order, greetings and thanks left out; a question with no
    asking clause asks in all."""
    clauses = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
    clauses = [c for c in clauses if not _COURTESY.match(c)]
    asking = [c for c in clauses if _ASKS.search(c)]
    if not asking:
        return clauses, []
    return asking, [c for c in clauses if not _ASKS.search(c)]


def asked_part(text: str) -> str:
    """The clauses of `text` that ask, joined (all of it when none does)."""
    return "，".join(asking_clauses(text)[0]) or text


def scene_words(text: str, words: Sequence[str]) -> tuple[str, ...]:
    """The `words` that occur only in clauses of `text` that do not ask, when at least two clauses tell a story
    before (or around) the ask. One clause before the ask usually names its topic (「饭店的燃气费和水费，疫情期间
    有减免吗？」), and its nouns are what the question is about."""
    asking, scene = asking_clauses(text)
    if len(scene) < MIN_SCENE_CLAUSES:
        return ()
    return tuple(w for w in words if any(w in c for c in scene) and not any(w in c for c in asking))
