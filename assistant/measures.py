"""Relief measures a question asks about, and whether a document could speak of them at all.

A caller who names a place and asks for a measure (「石家庄…国有厂房房租能不能减免」) should be refused when that
place's documents never speak of it, not handed the place's one notice about vegetable stalls. A document speaks of a
measure when it uses any of the measure's cores: a notice that never writes 租 says nothing of rent, and 补贴 and
资助 both answer a question about 补助. The cores are characters where that is enough and words for relief (减免,
免收, 减半 …). The check is loose on purpose: over the many-document dev set it fired on no answerable case.

A document that speaks of the measure may still speak of it for someone else: 西藏's one notice about 补贴 is for
tax terminals, not for 「个体户…一次性补贴」. So a measure the question asks for (in its asked part) must also be said
in one section together with one of the question's own specific words (said_with).
"""

from __future__ import annotations

import re
from typing import Sequence

# Relief is said in words, not by 减 or 免 alone: nearly every notice writes 减少人员聚集 or 免费发放口罩
_RELIEF = ("减免", "免收", "减收", "减半", "免征", "减征", "免除", "豁免", "免交", "免缴", "免于", "减按", "免租", "下调",
           "少收", "不收", "减轻")
# measure word → its cores, of which a document must use at least one: characters, or words for relief and the taxes
MEASURE_CORES: dict[str, tuple[str, ...]] = {
    "减免": _RELIEF, "减征": _RELIEF, "免征": _RELIEF, "免收": _RELIEF, "减收": _RELIEF,
    "减半": ("减",), "免税": ("免",), "退税": ("退",), "返还": ("返", "退"),
    "补助": ("补", "助", "贴"), "补贴": ("补", "助", "贴"), "奖励": ("奖",), "奖补": ("奖", "补"),
    "贴息": ("贴息",), "房租": ("租",), "租金": ("租",),
    "房产税": ("房产税",), "土地使用税": ("土地使用税",),
}


def measures_asked(words: Sequence[str]) -> tuple[str, ...]:
    """The measure words (keys of MEASURE_CORES) inside the question's topical words: 贷款贴息 asks 贴息."""
    return tuple(dict.fromkeys(m for w in words for m in MEASURE_CORES if m in w))


def unspoken(measures: Sequence[str], text: str) -> tuple[str, ...]:
    """The measures `text` cannot be about: it uses none of their core characters."""
    return tuple(m for m in measures if not any(core in text for core in MEASURE_CORES[m]))


def said_with(measures: Sequence[str], objects: Sequence[str], sections: Sequence[str]) -> bool:
    """Whether one of `sections` uses a core of one of `measures` together with one of `objects` (the question's
    specific words: whom or what the measure is for). Loose on purpose: any one word with any one core."""
    cores = [core for m in measures for core in MEASURE_CORES[m]]
    return any(any(c in text for c in cores) and any(o in text for o in objects) for text in sections)


def as_said(words: Sequence[str], text: str, most: int = 3) -> tuple[str, ...]:
    """`words` as `text` says them, for a message: words found side by side joined (个体 + 工商户 → 个体工商户),
    in the order said, at most `most`; a word with 了 is a verb phrase (开了个), never whom a measure is for."""
    spans = sorted((m.start(), m.end()) for w in words if w and "了" not in w for m in re.finditer(re.escape(w), text))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    said = list(dict.fromkeys(text[a:b] for a, b in merged))
    # a word said alone and again inside a longer phrase (个体户 … 个体工商户) is named once, by the phrase
    return tuple(w for w in said if not any(w != other and w in other for other in said))[:most]
