"""Which count a question asks for (「多少个城市」「几家定点医院」「储了多少吨」) and whether a text states one.

Over many documents, news items on one subject often share its words while only one gives the figures: 「北方有多少个
城市参与了冬春蔬菜储备」 is answered by the item that says 「北方40多个城市参与冬春蔬菜储备」, not by the one that
only says 北方大城市 have such reserves. The engine prefers a retrieved section that states a count of the asked
kind (Tuning.count_bonus).
"""

from __future__ import annotations

import re

_NUMERAL = r"(?:\d[\d.,，]*|[一二两三四五六七八九十百千万]+)"
# measure words that count things; 个 only with the noun after it (「多少个城市」), since 个月 and 个点 are no count
_UNITS = "家|条|项|名|吨|辆|趟|批|所|座|款|户|场|台|套|张|支|只|头|例|人次|人"
_ASKS = re.compile(rf"(?:多少|几)(万|亿)?(?:(个)(?!月|工作日|小时|点|百分点|人)([\u4e00-\u9fff]{{2}})|({_UNITS}))")
# 「没多少人」「好几家」: a quantity told of, not asked for
_NOT_ASKED = re.compile(r"(没|不|没有)[\u4e00-\u9fff]{0,2}(多少|几)|(这|那|前|头|好|隔)几")


def counts_asked(question: str) -> tuple[str, ...]:
    """What the question asks to be counted, as a text states the count after its numeral: 「个城市」, 「万吨」, 「家」."""
    question = _NOT_ASKED.sub("", question)
    found = []
    for m in _ASKS.finditer(question):
        magnitude = m.group(1) or ""
        found.append(f"{magnitude}个{m.group(3)}" if m.group(2) else f"{magnitude}{m.group(4)}")
    return tuple(dict.fromkeys(found))


def states_count(text: str, counted: str) -> bool:
    """Whether `text` gives a number of `counted` (「40多个城市」「30多万吨」「1.2万家」)."""
    unit = counted.lstrip("万亿")
    return re.search(rf"{_NUMERAL}\s*(?:多|余)?\s*(?:万|亿)?\s*{re.escape(unit)}", text) is not None
