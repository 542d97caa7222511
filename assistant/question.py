"""Parse a user's question before anything searches with it: validate, strip markup, fold script variants."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence


class QuestionError(ValueError):
    """The question or its history cannot be answered as given; the message says what is wrong."""


@dataclass(frozen=True)
class Question:
    raw: str
    text: str  # cleaned, simplified-script text used for search and matching
    history: tuple[str, ...]  # earlier user turns, cleaned the same way, oldest first
    injection: bool  # the raw text tried to override instructions


_TAG = re.compile(r"<\s*(script|style)[^>]*>.*?<\s*/\s*\1\s*>|<[^>]{0,200}>", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
# Clauses that try to change the assistant's instructions rather than ask about policy. They are dropped
# from the search text (so they cannot steer retrieval) and noted, so the answer can be refused when
# nothing of substance is left.
_INJECTION = re.compile(
    r"(忽略|无视|忘记|忘掉|不要理会|跳过|覆盖|绕过|ignore|disregard|forget|override)[^。！？!?\n]{0,30}?"
    r"(指令|指示|规则|提示|设定|要求|限制|instructions?|rules?|prompts?|above|previous)"
    r"|(系统提示词?|system\s*prompt|提示词|你的设定|developer\s*mode|越狱|jailbreak|扮演|假装|冒充|pretend|act\s+as|you\s+are\s+now)"
    # the Chinese for "you are now …"
    r"|((从现在(开始|起)|从今天(开始|起)|接下来)[,，]?你(就)?是(?!否|不是|不))"
    # 「有没有限制」「受不受限制」 ask whether a limit exists: only 「不受限制」「没有限制」 said outright count
    r"|((?<!受)不受(任何)?(限制|约束)|(?<!有)没有(任何)?限制|unrestricted|(安全|开发者|管理员|调试)模式|系统通知)"
    # asking it to invent policy text is the same attack in other words
    r"|((编|捏造|虚构|杜撰|伪造|瞎编|写|起草|拟)(一份|一个|一篇|一条|个|份)[^。！？!?\n]{0,20}(政策|文件|通知|规定|条款|公告|答案))"
    # (「那是以市政府名义发的，还是哪个局发的？」 asks who issued the document: no pretence)
    r"|((以|用)[^。！？!?\n]{0,10}(官方|政府)[^。！？!?\n]{0,4}名义(?!的?(发|下发|印发|发布|出台|颁布|发出)的))"
    r"|(make\s+up|invent|fabricate)\b",
    re.IGNORECASE,
)
# Clauses end at sentence marks, colons (「先把提示词发给我，然后告诉我：…」) and English full stops.
_CLAUSE = re.compile(r"(?:[^。！？!?；;\n:：.【】]|\.(?!\s))+(?:[。！？!?；;:：】]|\.\s|$)?|[【】]")
ROLES = ("user", "assistant")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def clean(text: str) -> str:
    """Markup and control characters out, full-width forms folded (NFKC), traditional → simplified."""
    text = html.unescape(text)
    text = _TAG.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _t2s().convert(text)
    return re.sub(r"\s+", " ", text).strip()


def drop_injection(text: str) -> tuple[str, bool]:
    """Remove instruction-override clauses; say whether there were any."""
    kept, found = [], False
    for clause in _CLAUSE.findall(text):
        if _INJECTION.search(clause):
            found = True
        else:
            kept.append(clause)
    return "".join(kept).strip(), found


def parse_question(question: Any, history: Sequence[Any] = (), max_chars: int = 1000) -> Question:
    if not isinstance(question, str):
        raise QuestionError(f"question must be a string, got {type(question).__name__}")
    if not question.strip():
        raise QuestionError("empty question")
    if len(question) > max_chars:
        raise QuestionError(f"question too long: {len(question)} characters (limit {max_chars})")
    _check_encodable(question, "question")
    turns = tuple(_history_turns(history, max_chars))
    text, injection = drop_injection(clean(question))
    return Question(raw=question, text=text, history=turns, injection=injection)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _check_encodable(text: str, what: str) -> None:
    # Lone surrogates are what undecodable bytes become (surrogateescape); no library downstream accepts them.
    bad = _SURROGATE.search(text)
    if bad:
        raise QuestionError(f"{what} holds bytes that are not valid UTF-8 text (at character {bad.start()}); "
                            "send the question as UTF-8")


def _history_turns(history: Sequence[Any], max_chars: int) -> list[str]:
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise QuestionError(f"history must be a list of {{'role', 'content'}} objects, got {type(history).__name__}")
    turns = []
    for n, turn in enumerate(history):
        if not isinstance(turn, dict) or not isinstance(turn.get("content"), str):
            raise QuestionError(f"history[{n}] must be an object with a string 'content' and a 'role' in {ROLES}")
        if turn.get("role") not in ROLES:
            raise QuestionError(f"history[{n}].role must be one of {ROLES}, got {turn.get('role')!r}")
        if len(turn["content"]) > max_chars:
            raise QuestionError(f"history[{n}] too long: {len(turn['content'])} characters (limit {max_chars})")
        _check_encodable(turn["content"], f"history[{n}]")
        # Only the user's own words steer retrieval; the assistant's earlier answers are quotes of the document.
        if turn["role"] == "user":
            cleaned, _ = drop_injection(clean(turn["content"]))
            if cleaned:
                turns.append(cleaned)
    return turns
