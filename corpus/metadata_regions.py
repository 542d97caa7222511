"""Where a policy comes from: China's 34 provincial-level divisions and their prefecture-level divisions.

Data and one pure lookup, `region_in`. Prefecture-level names are listed without their suffix and match only
with one (太原市, 恩施州, 兴安盟, 阿里地区), so that 「朝阳」 or 「吉林」 alone is not taken for a city.
"""

from __future__ import annotations

import re

# Full name → the short forms the texts use (「广西：…」「山西省人社厅」).
PROVINCES: dict[str, tuple[str, ...]] = {
    "北京市": ("北京",), "天津市": ("天津",), "上海市": ("上海",), "重庆市": ("重庆",),
    "河北省": ("河北",), "山西省": ("山西",), "辽宁省": ("辽宁",), "吉林省": ("吉林",), "黑龙江省": ("黑龙江",),
    "江苏省": ("江苏",), "浙江省": ("浙江",), "安徽省": ("安徽",), "福建省": ("福建",), "江西省": ("江西",),
    "山东省": ("山东",), "河南省": ("河南",), "湖北省": ("湖北",), "湖南省": ("湖南",), "广东省": ("广东",),
    "海南省": ("海南",), "四川省": ("四川",), "贵州省": ("贵州",), "云南省": ("云南",), "陕西省": ("陕西",),
    "甘肃省": ("甘肃",), "青海省": ("青海",), "台湾省": ("台湾",),
    "内蒙古自治区": ("内蒙古",), "广西壮族自治区": ("广西",), "西藏自治区": ("西藏",),
    "宁夏回族自治区": ("宁夏",), "新疆维吾尔自治区": ("新疆",),
    "香港特别行政区": ("香港",), "澳门特别行政区": ("澳门",),
}
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})

# Province → its prefecture-level cities (市), then autonomous prefectures (州), leagues (盟) and areas (地区)
# after a "|", each by the short name the texts use with the suffix (恩施州, 湘西州).
_PREFECTURES = {
    "河北省": "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
    "山西省": "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
    "内蒙古自治区": "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 | 兴安 锡林郭勒 阿拉善",
    "辽宁省": "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
    "吉林省": "长春 吉林 四平 辽源 通化 白山 松原 白城 | 延边",
    "黑龙江省": "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 | 大兴安岭",
    "江苏省": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
    "浙江省": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
    "安徽省": "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
    "福建省": "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
    "江西省": "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
    "山东省": "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
    "河南省": "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源",
    "湖北省": "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 仙桃 潜江 天门 | 恩施",
    "湖南省": "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 | 湘西",
    "广东省": "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮",
    "广西壮族自治区": "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
    "海南省": "海口 三亚 三沙 儋州",
    "四川省": "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 | 阿坝 甘孜 凉山",
    "贵州省": "贵阳 六盘水 遵义 安顺 毕节 铜仁 | 黔西南 黔东南 黔南",
    "云南省": "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 | 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆",
    "西藏自治区": "拉萨 日喀则 昌都 林芝 山南 那曲 | 阿里",
    "陕西省": "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
    "甘肃省": "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 | 临夏 甘南",
    "青海省": "西宁 海东 | 海北 黄南 海南 果洛 玉树 海西",
    "宁夏回族自治区": "银川 石嘴山 吴忠 固原 中卫",
    "新疆维吾尔自治区": "乌鲁木齐 克拉玛依 吐鲁番 哈密 | 昌吉 博尔塔拉 巴音郭楞 克孜勒苏 伊犁 阿克苏 喀什 和田 塔城 阿勒泰",
}


def _city_table() -> dict[str, tuple[str, str]]:
    """Short name → (province, suffix pattern): cities take 市, the rest 州/自治州/盟/地区 and their full forms."""
    table: dict[str, tuple[str, str]] = {}
    for province, names in _PREFECTURES.items():
        cities, _, others = names.partition("|")
        for name in cities.split():
            table[name] = (province, "市")
        for name in others.split():
            table[name] = (province, r"(?:[\u4e00-\u9fff]{0,8}?自治州|州|盟|地区)")
    return table


CITIES = _city_table()
_PROVINCE_NAMES = sorted({n for full, short in PROVINCES.items() for n in (full, *short)}, key=len, reverse=True)
_SHORT_TO_FULL = {n: full for full, short in PROVINCES.items() for n in (full, *short)}
# Provinces, full and short (山西省, 山西), and prefecture-level cities (阳泉): names a question may use for a region.
PROVINCE_NAMES = frozenset(_SHORT_TO_FULL)
PLACE_NAMES = PROVINCE_NAMES | frozenset(CITIES)
_PROVINCE = re.compile("|".join(_PROVINCE_NAMES))
_CITY = re.compile("|".join(f"{re.escape(name)}{suffix}" for name, (_, suffix) in
                            sorted(CITIES.items(), key=lambda kv: len(kv[0]), reverse=True)))


def province_of(place: str) -> str | None:
    """The full name of the province a province or prefecture name belongs to (「商洛」「商洛市」 → 陕西省, 「陕西」 →
    陕西省); None for other names."""
    if place in _SHORT_TO_FULL:
        return _SHORT_TO_FULL[place]
    short = next((n for n in _BY_LENGTH if place.startswith(n)
                  and (place == n or re.fullmatch(CITIES[n][1], place[len(n):]))),
                 None)
    return CITIES[short][0] if short else None


# Provinces' and municipalities' one-character short names: the code their bodies open a 文号 with (黔工信运行〔2020〕9号,
# 津商外资〔2020〕1号), and what callers say (「来京人员」). Left out where a city uses the same character (宁: 南京 and
# 宁夏, 青: 青岛 and 青海, 新, 云, 深).
PROVINCE_CODES = {"京": "北京市", "沪": "上海市", "津": "天津市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
                 "辽": "辽宁省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省",
                 "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省",
                 "琼": "海南省", "川": "四川省", "黔": "贵州省", "滇": "云南省", "陕": "陕西省", "甘": "甘肃省",
                 "藏": "西藏自治区", "桂": "广西壮族自治区"}


_MUNICIPALITY_CODES = "京沪津渝"


def region_of_number(doc_number: str, issuer: str = "") -> str:
    """The province whose code opens a 文号 (「黔工信运行〔2020〕9号」 → 贵州省), "" for any other. A city's own
    government may open with its province's character (苏州 苏府, 鄂尔多斯 鄂府, 甘孜 甘府, 辽源 辽府): a 「X府」
    number counts only for a provincial issuer, and a city-level issuer (「市商务局」) only for the municipalities."""
    if not re.match(r"[\u4e00-\u9fff]{2,}", doc_number):
        return ""
    code = doc_number[0]
    if doc_number[1] == "府" and not issuer.startswith("省"):
        return ""
    if issuer.startswith(("市", "州", "区", "县")) and code not in _MUNICIPALITY_CODES:
        return ""
    return PROVINCE_CODES.get(code, "")


def region_in(text: str) -> str:
    """The province and city `text` names first: 「太原市人民政府」 → 「山西省太原市」, 「广西：…」 → 「广西壮族自治区」.

    A listed city settles its province; a province named before a city of another province wins
    (「山西省支援黄冈市」 → 山西省). A city not in the table counts when it directly follows its province
    (「浙江省义乌市」). "" when no place is named. 「吉林市」 is the city, 「吉林省」 the province.
    """
    province = next((m for m in _PROVINCE.finditer(text) if not _is_city_name(text, m)), None)
    city = _CITY.search(text)
    if city:
        city_province = CITIES[_short_name(city.group())][0]
        if not province or province.start() > city.start() or _SHORT_TO_FULL[province.group()] == city_province:
            return city_province + city.group()
    if not province:
        return ""
    full = _SHORT_TO_FULL[province.group()]
    # 「湖北黄冈：…」「安徽阜阳开出…」: a city's bare name right after its province's.
    bare = next((n for n in _BY_LENGTH if text.startswith(n, province.end()) and CITIES[n][0] == full), None)
    if bare and not city:
        return full + bare + ("市" if CITIES[bare][1] == "市" else "")
    local = _LOCAL_CITY.match(text, province.end())
    if not city and full not in MUNICIPALITIES and local and local.group(1) not in _NOT_A_PLACE:
        return full + local.group(1)
    return full


# After a province: its county-level city (「义乌市」) or a prefecture the table lacks; not 「省市」-type words.
_LOCAL_CITY = re.compile(r"(?:省|自治区)?([\u4e00-\u9fff]{2,4}?(?:市|州|盟))")
_NOT_A_PLACE = frozenset({"各市", "全市", "本市", "我市", "城市", "省市", "各州", "全州"})


def _is_city_name(text: str, m: re.Match[str]) -> bool:
    # 「吉林市」 is a city of 吉林省; 「海南州」 a prefecture of 青海省.
    city = _CITY.match(text, m.start())
    return m.group() in CITIES and city is not None and city.group() != m.group()


def _short_name(city: str) -> str:
    return next(n for n in _BY_LENGTH if city.startswith(n))


_BY_LENGTH = sorted(CITIES, key=len, reverse=True)
