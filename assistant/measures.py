"""Relief measures a question asks about, and whether a document could speak of them at all.

A caller who names a place and asks for a measure (「石家庄…国有厂房房租能不能减免」) should be refused when that
place's documents never speak of it, not handed the place's one notice about vegetable stalls. A document speaks of a
measure when it uses any of the measure's cores: a notice that never writes 租 says nothing of rent, and 补贴 and
资助 both answer a question about 补助. The cores are characters where that is enough and words for relief (减免,
免收, 减半 …). The check is loose on purpose: over the many-document dev set it fired on no answerable case.
"""

from __future__ import annotations

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
