"""County-level divisions (districts, counties, county-level cities) and the city each belongs to.

A caller names the district they are in (「俺家在小店区开了个宾馆」): the documents speak of the city (太原), so a
district no document mentions is still covered when its city is. The table (`regions/districts.tsv`: district,
city, province) is derived from the administrative codes that the cpca package ships (resources/adcodes.csv, MIT
License, Copyright (c) 2018 QinYuan Du) and regenerated with
`python -m corpus.districts path/to/adcodes.csv > corpus/regions/districts.tsv`. A name several cities share
(朝阳区: 北京, 长春) lists each.
"""

from __future__ import annotations

import csv
import sys
from functools import lru_cache
from importlib import resources
from typing import Iterable

_COUNTY_LEVEL = ("区", "县", "市", "旗")


def parse_adcodes(rows: Iterable[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(district, city, province) for each county-level row of cpca's adcodes.csv (adcode, name, …). A district
    of a municipality (北京 朝阳区) has the municipality as its city."""
    names = {r["adcode"][:6]: r["name"] for r in rows if r.get("adcode") and r.get("name")}
    out = []
    for code, name in sorted(names.items()):
        if code[4:6] == "00" or not name.endswith(_COUNTY_LEVEL) or name in ("市辖区", "县"):
            continue
        province = names.get(code[:2] + "0000", "")
        city = names.get(code[:4] + "00", "")
        if city in ("", "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            city = province
        if province:
            out.append((name, city, province))
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[str, str], ...]]:
    table: dict[str, list[tuple[str, str]]] = {}
    text = resources.files("corpus").joinpath("regions/districts.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        district, city, province = line.split("\t")
        table.setdefault(district, []).append((city, province))
    return {k: tuple(v) for k, v in table.items()}


def cities_of(district: str) -> tuple[str, ...]:
    """The cities a county-level name belongs to, full names (小店区 → 太原市; 朝阳区 → 北京市, 长春市); () if the
    name is no county-level division."""
    return tuple(dict.fromkeys(city for city, _ in _table().get(district, ())))


def districts_in(text: str) -> list[tuple[str, str, bool, int]]:
    """The county-level divisions `text` names, left to right, the longest name at each place: (as said, full
    name, said by its stem, where). A stem (海淀 for 海淀区, 浦东 for 浦东新区) counts only when it belongs to one
    full name; whether a stem is meant as a place (新建, 平原 are words too) is the caller's to judge."""
    full_of, longest = _said()
    found, i = [], 0
    while i < len(text) - 1:
        for size in range(min(longest, len(text) - i), 1, -1):
            said = text[i:i + size]
            if said in full_of:
                found.append((said, *full_of[said], i))
                i += size
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=1)
def _said() -> tuple[dict[str, tuple[str, bool]], int]:
    """Every name as it may be said (full, or a stem one district has) → (full name, is a stem); the longest."""
    full_of: dict[str, tuple[str, bool]] = {name: (name, False) for name in _table()}
    stems: dict[str, set[str]] = {}
    for name in _table():
        for suffix in ("新区", *_COUNTY_LEVEL):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                stems.setdefault(name[: -len(suffix)], set()).add(name)
                break
    for stem, names in stems.items():
        if len(names) == 1 and stem not in full_of:
            full_of[stem] = (next(iter(names)), True)
    return full_of, max(map(len, full_of))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m corpus.districts path/to/adcodes.csv > corpus/regions/districts.tsv", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        rows = parse_adcodes(csv.DictReader(f))
    print("# district\tcity\tprovince: derived from cpca resources/adcodes.csv (MIT License, "
          "Copyright (c) 2018 QinYuan Du); see corpus/districts.py")
    for row in rows:
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
