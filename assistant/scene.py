"""Which words of a question only set the scene, and which belong to what it asks.

Owners tell a story before they ask (「整个疫情我一分钱没挣，房东还天天打电话催租子……我这仨月到底还得交多少？」).
The story's nouns (一分钱, 打电话, 街道, 合同) are rarely the documents' words, yet they say nothing about
whether the documents cover the question; a noun in the clause that asks (「契税有没有减免」「学费怎么算」) does.
"""

from __future__ import annotations

import re
from typing import Sequence

_CLAUSE = re.compile(r"[^，,。；;！!？?：:\n]+[？?]?")
# A clause asks when it ends with a question mark or carries a question word or particle.
_ASKS = re.compile(
    r"[？?]$|吗|么|呢|吧|多少|几|怎么|怎样|咋|啥|什么|哪|谁|是否|能否|可否|能不能|可不可以|会不会|是不是|有没有|"
    r"要不要|算不算|行不行|够不够|[能会可要算行有]\S{0,6}不$|如何|\b(how|what|which|when|where|who|can|could|"
    r"is|are|do|does|will|should)\b",
    re.IGNORECASE,
)
MIN_SCENE_CLAUSES = 2


def asking_clauses(text: str) -> tuple[list[str], list[str]]:
    """(clauses that ask, clauses that do not), in order; a question with no asking clause asks in all."""
    clauses = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
    asking = [c for c in clauses if _ASKS.search(c)]
    if not asking:
        return clauses, []
    return asking, [c for c in clauses if not _ASKS.search(c)]


def scene_words(text: str, words: Sequence[str]) -> tuple[str, ...]:
    """The `words` that occur only in clauses of `text` that do not ask, when at least two clauses tell a story
    before (or around) the ask. One clause before the ask usually names its topic (「饭店的燃气费和水费，疫情期间
    有减免吗？」), and its nouns are what the question is about."""
    asking, scene = asking_clauses(text)
    if len(scene) < MIN_SCENE_CLAUSES:
        return ()
    return tuple(w for w in words if any(w in c for c in scene) and not any(w in c for c in asking))
