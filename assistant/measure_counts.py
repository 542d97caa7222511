"""A package of measures called by its count (「省里那34条」「江西十条」), in the other ways titles write the count.

Titles write the same count in digits or in Chinese and call the measures 条, 项, 措施 or 举措 (「出台34项具体措施」
「十条措施」「暖企十六条」「八项举措」): a caller's 「34条」 should find 「34项」. Only counts from 3 to 99, and not an item's
position (「第六条」「前三条」), the items asked for (「“三严格”是哪三条」) nor a thing counted in ones (「一条生产线」).
"""

from __future__ import annotations

import re

from assistant.quantities import number_or_none

_COUNT = re.compile(r"(?<![第每前后头哪\d零〇一二两三四五六七八九十百])(\d{1,2}|[二三四五六七八九十两]{1,3})(?:条|项)(?![例件线路腿道街款])")
_CHINESE = "零一二三四五六七八九"


def _in_chinese(n: int) -> str:
    tens, ones = divmod(n, 10)
    if not tens:
        return _CHINESE[ones]
    return f"{'' if tens == 1 else _CHINESE[tens]}十{_CHINESE[ones] if ones else ''}"


def count_variants(text: str) -> list[str]:
    """The other ways titles write each count of measures in `text` (「34条」 → 34项, 三十四条, 三十四项)."""
    found: list[str] = []
    for m in _COUNT.finditer(text):
        value = number_or_none(m.group(1))
        if value is None or value != value.to_integral_value() or not 3 <= value <= 99:
            continue
        n = int(value)
        found += [f"{form}{unit}" for form in (str(n), _in_chinese(n)) for unit in ("条", "项")]
    return [f for f in dict.fromkeys(found) if f not in text]
