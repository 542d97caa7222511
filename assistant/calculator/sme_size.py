"""结语 and 《中小企业划型标准规定》 (工信部联企业〔2011〕300号): industry + indicators → 大型/中型/小型/微型.

The policy supports 中小微企业 as that standard defines them, so 中型/小型/微型 are covered and 大型 is not.
Bands combine as the statistics bureau reads the standard: a band needs every indicator at or above its
lower bound ("以上" is ≥); missing one drops the firm to the next band; 微型 is whatever is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from assistant.calculator.results import NeedsInput
from assistant.calculator.values import (
    WAN, CalculatorError, UnknownIndustryError, choice, headcount, money, number, plain, short,
)
from corpus.records import Calculation

KIND = "sme_size"
CLAUSE = "closing"
STANDARD = "《中小企业划型标准规定》（工信部联企业〔2011〕300号）"
MAX_AMOUNT = Decimal(10) ** 13  # 元: ten trillion, above any firm's revenue or assets
X, Y, Z = "employees", "revenue_yuan", "assets_yuan"
LABEL = {X: "从业人员", Y: "营业收入", Z: "资产总额"}
UNIT = {X: "人", Y: "万元", Z: "万元"}
SIZES = ("大型", "中型", "小型", "微型")
_INPUT_NAME = {X: "employees", Y: "revenue_wan", Z: "assets_wan"}  # inputs are reported in the standard's units


@dataclass(frozen=True)
class SizeRule:
    industry: str
    indicators: tuple[str, ...]
    bands: tuple[tuple[Decimal, ...], ...]  # lower bounds of 大型, 中型, 小型, in `indicators` order


def _row(industry: str, indicators: tuple[str, ...], *bands: tuple[int, ...]) -> SizeRule:
    return SizeRule(industry, indicators, tuple(tuple(map(Decimal, band)) for band in bands))


# people for X; 万元 for Y and Z, as the standard writes them
RULES = {rule.industry: rule for rule in (
    _row("农、林、牧、渔业", (Y,), (20000,), (500,), (50,)),
    _row("工业", (X, Y), (1000, 40000), (300, 2000), (20, 300)),
    _row("建筑业", (Y, Z), (80000, 80000), (6000, 5000), (300, 300)),
    _row("批发业", (X, Y), (200, 40000), (20, 5000), (5, 1000)),
    _row("零售业", (X, Y), (300, 20000), (50, 500), (10, 100)),
    _row("交通运输业", (X, Y), (1000, 30000), (300, 3000), (20, 200)),
    _row("仓储业", (X, Y), (200, 30000), (100, 1000), (20, 100)),
    _row("邮政业", (X, Y), (1000, 30000), (300, 2000), (20, 100)),
    _row("住宿业", (X, Y), (300, 10000), (100, 2000), (10, 100)),
    _row("餐饮业", (X, Y), (300, 10000), (100, 2000), (10, 100)),
    _row("信息传输业", (X, Y), (2000, 100000), (100, 1000), (10, 100)),
    _row("软件和信息技术服务业", (X, Y), (300, 10000), (100, 1000), (10, 50)),
    _row("房地产开发经营", (Y, Z), (200000, 10000), (1000, 5000), (100, 2000)),
    _row("物业管理", (X, Y), (1000, 5000), (300, 1000), (100, 500)),
    _row("租赁和商务服务业", (X, Z), (300, 120000), (100, 8000), (10, 100)),
    _row("其他未列明行业", (X,), (300,), (100,), (10,)),
)}
INDUSTRIES = tuple(RULES)

# How owners name their business → the standard's row.
ALIASES = {
    # GB/T 4754 05 农、林、牧、渔专业及辅助性活动 is in this row too: 代耕代收, 农机作业, 植保
    "农、林、牧、渔业": "农业 林业 牧业 渔业 畜牧 养殖 种植 农场 农林牧渔 农林 牧场 渔场 林场 果园 苗圃 养猪 养鸡 养牛 养羊 "
                  "种苗 育苗 苗木 花卉 蔬菜 大棚 鱼塘 水产 种地 农机 代耕 植保 农业合作社 种植合作社 养殖合作社 养蜂 养鱼 养鸭 "
                  "养蛋鸡 养肉鸡 蛋鸡场 养鹅 养兔",
    # 电力、热力、燃气及水生产和供应业 is 工业 in the standard: 供热/供暖 companies too
    "工业": "工厂 制造 加工厂 厂家 厂子 厂 采矿 矿山 煤矿 电厂 发电 供电 热力 燃气 自来水 水生产 作坊 车间 印刷 "
          # workshops named by their goods + 坊: 醋坊 油坊 豆腐坊 (not 街坊, not a 茶坊 or 面坊 that serves)
          "醋坊 油坊 酒坊 豆腐坊 磨坊 染坊 粉坊 糖坊 酱坊 "
          "供热 供暖 集中供热 热电 供气 供水 水厂 钢铁 冶炼 铸造 化工 纺织 制药 酿造 "
          # GB/T 4754-2017 B–D by their divisions: 06–12 mining, 13–43 manufacturing (30 非金属矿物制品: 3021 水泥制品,
          # 3022 砼结构构件 — a 商品混凝土 batching plant is 3021), 44–46 utilities
          "采煤 洗煤 选煤 焦化 选矿 采石 砂石 石料 油田 "
          "农副食品加工 食品加工 食品厂 面粉厂 米厂 粮油加工 屠宰 肉制品 乳制品 饮料厂 酒厂 白酒 醋厂 烟厂 制衣 服装加工 "
          "制鞋 鞋厂 皮革 木材加工 木业 家具厂 家具制造 造纸 纸箱 包装厂 包装制品 印刷厂 文具厂 炼油 化肥 农药 涂料 "
          "油漆厂 日化 化纤 橡胶 塑料 注塑 塑胶 水泥 混凝土 商混 商砼 搅拌站 预拌 预制件 预制构件 预制板 构件厂 "
          "建材厂 砖厂 砖窑 瓷砖 陶瓷 玻璃厂 石材加工 耐火材料 轧钢 有色金属 铝材 金属制品 五金加工 五金厂 机加工 "
          "机械加工 机械制造 设备制造 模具 汽配厂 零部件 汽车制造 电机 电缆 线缆 电子厂 电子元件 仪器仪表 "
          "来料加工 代工 光伏组件 发电站 光伏电站 风电场 污水处理厂 "
          # GB/T 4754 4620 污水处理及其再生利用 is in 46 水的生产和供应业
          "污水处理 处理污水 处理生活污水 中水回用",
    # GB/T 4754 49 建筑安装业 (水电、管道、设备安装) is 建筑业 too
    "建筑业": "建筑 施工 装修 装饰 建设 工程队 施工队 装修队 建筑劳务 劳务分包 水电安装 安装工程 管道安装 设备安装",
    # GB/T 4754's 51 批发业 takes in 贸易经纪与代理 and 进出口: a trading firm is a wholesaler unless it says 零售
    # (not 经销商: a car dealer's 4S store is 5261 汽车新车零售)
    "批发业": "批发 贸易 商贸 外贸 进出口 批发商 供货商 分销 供货",
    "零售业": "卖 零售 超市 便利店 商店 小卖部 商场 药店 网店 淘宝 电商 网购 杂货店 小卖店 副食店 烟酒店 水果店 服装店 "
           "鞋店 母婴店 文具店 五金店 专卖店 门市部 加油站 药房 花店 书店 眼镜店 手机店 建材店 粮油店 家具店 瓷砖店 "
           "卫浴店 灯具店 涂料店 油漆店 用品店",
    # GB/T 4754-2017 5438 搬家运输 and 5910 装卸搬运 are 交通运输业 (道路货物运输; 装卸搬运和运输代理)
    "交通运输业": "交通运输 运输 物流 货运 客运 出租车 网约车 公交 搬家公司 装卸搬运 冷链配送 货车公司 车队 "
             # GB/T 4754 582 运输代理业 (5821 货物运输代理): a freight forwarder, 国际货代 too
             "国际货代 货代公司 做货代 搞货代 干货代 货运代理 运输代理 船代",
    "仓储业": "仓储 仓库 冷库",
    "邮政业": "邮政 快递",
    "住宿业": "住宿 宾馆 酒店 旅馆 民宿 招待所 旅店 客栈 青旅 hotel",
    # a 农家乐 or 渔家乐 serves meals and often rooms too: 住宿业's row has the same bands, so either reads alike
    "餐饮业": "餐饮 饭店 餐馆 餐厅 饭馆 小吃 火锅 快餐 酒楼 面馆 烧烤 奶茶 早餐店 食堂 咖啡馆 咖啡店 茶馆 酒吧 清吧 "
           "饺子馆 包子铺 大排档 农家乐 渔家乐 农家饭 团餐 配餐 中央厨房 盒饭 送餐 菜馆 restaurant",
    # The standard's 信息传输业 is GB/T 4754's 电信、广播电视和卫星传输服务 plus 互联网和相关服务.
    "信息传输业": "信息传输 电信 通信 宽带 互联网 有线电视 广播电视传输 电视传输 卫星传输 网络传输 互联网接入 宽带接入 "
             "移动通信 基站 数据中心 IDC",
    "软件和信息技术服务业": "软件 信息技术 IT公司 游戏开发 游戏研发 软件开发 APP开发 应用开发 网站开发 网站建设 "
                   "系统集成 信息系统 数据处理 小程序开发 开发小程序 开发APP 外包开发 软件外包 开发外包 APP 小程序",
    "房地产开发经营": "房地产 地产 开发商 房开 置业公司 房企 楼盘开发",
    "物业管理": "物业",
    "租赁和商务服务业": "租赁 商务服务 广告 咨询 中介 会展 旅行社 律师 律所 会计师 事务所 人力资源 劳务派遣 劳务公司 "
                  "猎头 代理记账 代账 保安公司 rental leasing 出租 "
                  # GB/T 4754 7292 办公服务 takes in 打字复印 and 图文 shops (not 印刷, a factory's trade)
                  "打印店 复印店 图文 打字复印 文印 "
                  # GB/T 4754 7281 会议、展览及相关服务: stands, stages and event set-up
                  "展会 展览 布展 舞台搭建 场地布置 活动策划 庆典",
    # Trades the table does not list (居民服务、修理、教育、卫生、文体娱乐…) are what this row is for; so is the rest of
    # GB/T 4754's 房地产业 beside 开发经营 and 物业管理: 7030 房地产中介服务 (a 房产中介 is no 商务服务 中介)
    "其他未列明行业": "其他行业 未列明 理发 美发 美容 洗浴 洗衣 干洗 家政 维修 修理 培训 教育 健身 诊所 摄影 网吧 KTV "
                 "医院 卫生院 门诊 医疗机构 养老院 幼儿园 托育 学校 影院 婚庆 汽修 洗车 足疗 按摩 驾校 "
                 # GB/T 4754's 90 娱乐业
                 "剧本杀 密室逃脱 桌游吧 桌游店 棋牌室 台球厅 台球室 桌球室 电玩城 游戏厅 游乐场 歌厅 影楼 婚纱摄影 "
                 "房产中介 房地产中介 房屋中介 租房中介 二手房中介 房产经纪 房地产经纪",
}
WORDS = {word: industry for industry, words in ALIASES.items() for word in (industry, *words.lower().split())}
# English words only as whole words, plurals too (「rental」, not inside 「parental」; 「app」 not in 「apply」); Chinese words
# anywhere.
_PATTERNS = {word: re.compile(rf"(?<![a-z]){re.escape(word)}(?:s|es)?(?![a-z])" if word.isascii() else re.escape(word),
                              re.I)
             for word in WORDS}
# 「卖机顶盒的」 sells (not 「外卖」「买卖」「拍卖」); 「建设」 builds (not 「建设银行」)
_RENTED_GOODS = r"机械|设备|机器|挖掘机|挖机|塔吊|吊车|铲车|叉车|脚手架|器材|工具|模板|钢模|发电机|服装|礼服|婚纱|帐篷|桌椅"
# a manufacturer's goods said before a shop (「瓷砖店」「家具城」) name the shop: retail, not 工业
_PATTERNS.update({word: re.compile(rf"{re.escape(word)}(?!店|铺|门市|专卖|城|商行)")
                  for word in ALIASES["工业"].split() if not word.endswith(("厂", "站"))})
_PATTERNS.update({"卖": re.compile(r"(?<![外买拍义])卖"), "建设": re.compile(r"建设(?!银行|局|厅|部|委)"),
                  "厂": re.compile(r"厂(?!房)"),  # 「盖厂房」 builds a building, not a factory
                  # 「做污水处理设备销售的」 sells equipment
                  "污水处理": re.compile(r"污水处理(?!设备|器材|药剂|剂|厂家)"),
                  # 「开搬家公司」「做搬家的」; not a firm that moved (「饭店刚搬家」)
                  "搬家公司": re.compile(r"搬家(?:公司|服务|运输|业务|队)|[做开干搞]搬家"),
                  "楼盘开发": re.compile(r"开发(?:的)?(?:楼盘|小区|商品房|住宅)|(?:楼盘|商品房|住宅)开发"),
                  # 出租 machines or goods is GB/T 4754's 71 租赁业: only with the machines or goods named right after
                  # it (「出租挖掘机、塔吊」); not 出租车/开出租/跑出租 (taxis), and not letting premises (「商铺出租」
                  # 「做仓库出租的」: 7040 房地产租赁经营, which the standard does not list)
                  "出租": re.compile(rf"(?<![开跑])出租(?!车)[^，,。；;！!？?]{{0,10}}?(?:{_RENTED_GOODS})|"
                                   rf"(?:{_RENTED_GOODS})的?出租(?!车)")})
# Verbs that name a trade by what they do to the goods or works after them: 「卖有线电视机顶盒的」 is retail,
# 「批发蔬菜」 wholesale, 「建设数据中心」 construction. Said after (「数据中心机房建设」) they head the phrase anyway.
TRADE_VERBS = frozenset("卖 批发 建设 施工 装修 装饰 出租".split())
# Words that name goods rather than a trade: 「蔬菜种植」 is farming, but 「蔬菜批发」 is wholesale and 「水产超市」
# retail, so these decide only when no other industry wording is present.
# 「APP」「小程序」 are products too (「做APP外包的」 is software, 「饭馆用小程序点餐」 is still a restaurant).
GOODS = frozenset("种苗 苗木 花卉 蔬菜 水产 app 小程序".split())
# A trade word qualified by another (「建筑机械租赁」「construction machinery rental」) names the business by its last
# word, as Chinese and English compounds do. The earlier word wins when more than a few characters or one English
# word stand between them, or words that close a noun phrase or join two (「物流公司的仓库」「饭店和超市」).
_SAME_PHRASE = re.compile(r"(?:(?!公司|企业|的|和|与|及|跟|或|也|还)[\u4e00-\u9fff]){0,4}|\s*[A-Za-z]+\s*|\s*")


# Words for trading in general, which give way when the firm says it sells at retail (「做服装贸易，主要是零售」)
GENERAL_TRADE = frozenset("贸易 商贸 分销 供货 供货商".split())
# Words that say what the firm does rather than whom it deals with: never a customer or a supplier themselves
ACTIVITIES = TRADE_VERBS | GENERAL_TRADE | frozenset("零售 批发商 外贸 进出口".split())
_CLAUSE_BEFORE = re.compile(r"[^，,。；;！!？?\n]*$")
# 「往工地和厂子里供货」「给饭店送菜」「从厂家进货」「客户主要是超市」: a word after these names a customer or a supplier,
# not the firm's own trade (not 「因为」「以往」「从事」)
_OTHERS = re.compile(r"(?:(?<![以过])往(?![年常来])|给|向|替|帮|(?<![因作认成以])为|服务于|从(?!事|前|小|来)|"
                     r"卖给|供给|供应给|销往|发往|送到|面向|客户|顾客|客人|客源|甲方|上游|下游|供应商|货源)"
                     r"(?:主要|大多|大部分|基本|一般|都|多半)?(?:是|为|有|在)?"
                     r"(?:(?!做|开|干|搞|是|经营|从事|自己|本身)[^，,。；;！!？?\n的]){0,8}$")
# 「做钢材贸易的」「开了家烧烤店」「我们是物流公司」「主营五金批发」: the words saying what the firm does
_OWN_TRADE = re.compile(r"(?:做|开|干|搞|经营|主营|从事|我们是|我是|我家是|我们家是|咱们是|咱是|俺们是|俺是|俺家是|公司是|本身是|自己是|"
                        r"^\s*(?:就|也|其实)?是)"
                        r"(?:了)?(?:个|一个|一家|家|间|一间)?(?:(?!给|往|向|帮|替|从)[^，,。；;！!？?\n]){0,10}$")


def _about_others(text: str, span: tuple[int, int, str]) -> bool:
    return span[2] not in ACTIVITIES and bool(_OTHERS.search(_CLAUSE_BEFORE.search(text, 0, span[0]).group(0)))


def _own_trade(text: str, span: tuple[int, int, str]) -> bool:
    return bool(_OWN_TRADE.search(_CLAUSE_BEFORE.search(text, 0, span[0]).group(0)))


def find_industry(text: str) -> tuple[str, str] | None:
    """(industry, the words that named it) for the industry wording `text` is about. A wording inside a longer one
    is the longer one (「房地产」 in 「房地产开发」); a wording that names a customer or supplier (「往厂子里供货」) gives
    way to one that does not, and any gives way to one in the words saying what the firm does (「做…的」「开…」「我们是…」);
    a trade wording wins over a goods word (GOODS); trading in general (GENERAL_TRADE) gives way to 零售; of
    wordings in one phrase the last (the head of the compound) wins, except over a trade verb before it
    (TRADE_VERBS), else the first said."""
    spans = sorted((m.start(), m.end(), word) for word, pattern in _PATTERNS.items() for m in pattern.finditer(text))
    whole = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    if any(s[2] == "零售" for s in whole):
        whole = [s for s in whole if s[2] not in GENERAL_TRADE]
    own = [s for s in whole if not _about_others(text, s)]
    if whole and not own and (sold_to := _SELLS_TO_TRADE.search(text)):
        return "批发业", sold_to.group(0)  # 「从厂家进饮料，再分送给小区超市和小卖部」: only suppliers and customers named
    whole = own or whole
    whole = [s for s in whole if _own_trade(text, s)] or whole
    trades = [s for s in whole if s[2] not in GOODS] or whole
    if not trades:
        return None
    chosen = trades[0]
    for later in trades[1:]:
        if later[0] < chosen[1]:
            continue  # overlapping wordings: the first said stands
        if not _SAME_PHRASE.fullmatch(text[chosen[1]:later[0]]):
            break
        if (chosen[2] in TRADE_VERBS and later[2] not in TRADE_VERBS) or later[2] == "卖":
            continue  # a verb and its object: the verb names the trade (「饭店卖菜」 is still a restaurant)
        chosen = later
    if WORDS[chosen[2]] == "零售业" and (sold_to := _SELLS_TO_TRADE.search(text)):
        return "批发业", sold_to.group(0)  # 「进货再卖给饭店和面馆」: sold on to businesses is wholesale
    return WORDS[chosen[2]], text[chosen[0]:chosen[1]]


# selling to businesses rather than to consumers (GB/T 4754 51 批发业: 「卖给饭店」「供给超市」「批给小卖部」)
_SELLS_TO_TRADE = re.compile(r"(?:卖给|批给|供给|供应给|销给|卖到|分送给|配送给|铺货给|铺到)[^，,。；;！!？?]{0,3}(?:饭店|餐馆|面馆|饭馆|食堂|超市|商店|"
                             r"小卖部|便利店|商家|商户|店铺|门店|厂|公司|单位|工地|学校|医院|酒店|宾馆)"
                             # 「往各家母婴用品店送货」「给全市用品店配送」: delivering goods to shops
                             r"|(?:往|给|向)[^，,。；;！!？?]{0,8}(?:店|超市|商店|小卖部|商家|商户|店铺|门店)[^，,。；;！!？?]{0,2}"
                             r"(?:送货|配送|供货|铺货|发货)")


def resolve_industry(name: Any) -> str:
    if isinstance(name, str) and (hit := find_industry(name.strip())):
        return hit[0]
    raise UnknownIndustryError(f"industry must be one of {list(INDUSTRIES)} "
                               f"(or a common wording such as 饭店, 超市, 工厂, 软件公司), got {name!r}")


@dataclass(frozen=True)
class SmeRequest:
    kind: ClassVar[str] = KIND
    industry: str | None = None
    employees: Decimal | None = None  # 从业人员, people
    revenue_yuan: Decimal | None = None  # 营业收入 (last year), 元
    assets_yuan: Decimal | None = None  # 资产总额, 元
    # Indicators said only roughly (「两百多万」「三十多个人」): (field, exclusive upper bound in 元 / people); the
    # field itself holds the lower bound. The class is given only when both ends of the range agree.
    ranges: tuple[tuple[str, Decimal], ...] = ()
    # 「一周流水3万」「每天营业额5000」: revenue said per "day", "week" or "month" (PER_YEAR), not for the year;
    # revenue_yuan (and its range) is then that period's, and the rule scales it to a year
    revenue_per: str | None = None


# periods a revenue may be said per → (periods in a year, the period's name in a step)
PER_YEAR = {"day": (365, "天"), "week": (52, "周"), "month": (12, "个月"), "quarter": (4, "个季度")}


def _yearly(revenue_yuan: Any, ranges: Any, per: Any) -> tuple[Any, Any, str | None]:
    """(a year's revenue, its ranges, the step saying how it was scaled) for revenue said per `per`."""
    if per is None or revenue_yuan is None:
        return revenue_yuan, ranges, None
    times, period = PER_YEAR[choice(per, "revenue_per", tuple(PER_YEAR))]
    said = money(revenue_yuan, "revenue_yuan", MAX_AMOUNT, label=f"每{period}{LABEL[Y]}")
    if isinstance(ranges, tuple):
        ranges = tuple((Y, money(pair[1], Y, MAX_AMOUNT, label=f"每{period}{LABEL[Y]}（约数的上限）") * times)
                       if isinstance(pair, tuple) and len(pair) == 2 and pair[0] == Y else pair for pair in ranges)
    step = (f"你说的是每{period}的{LABEL[Y]}，按一年{times}{period}折算为全年："
            f"{short(said)}×{times} = {short(said * times)}。")
    return said * times, ranges, step


def _values(employees: Any, revenue_yuan: Any, assets_yuan: Any) -> dict[str, Decimal | None]:
    """Given indicators, checked, in the standard's units (people, 万元)."""
    return {
        X: None if employees is None else headcount(employees, "employees", label=LABEL[X]),
        Y: None if revenue_yuan is None else money(revenue_yuan, "revenue_yuan", MAX_AMOUNT, label=LABEL[Y]) / WAN,
        Z: None if assets_yuan is None else money(assets_yuan, "assets_yuan", MAX_AMOUNT, label=LABEL[Z]) / WAN,
    }


def _ranges(ranges: Any, values: dict[str, Decimal | None]) -> dict[str, tuple[Decimal, Decimal]]:
    """{indicator: (the largest value inside its range, the exclusive upper bound)}, in the standard's units,
    checked against the lower bounds."""
    if not isinstance(ranges, tuple):
        raise CalculatorError(f"ranges must be a tuple of (indicator, upper bound) pairs, got {ranges!r}")
    tops: dict[str, tuple[Decimal, Decimal]] = {}
    for pair in ranges:
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str) and pair[0] in LABEL):
            raise CalculatorError(f"each range must be ({'/'.join(LABEL)}, upper bound), got {pair!r}")
        name, upper = pair
        if name == X:
            bound = headcount(upper, "employees", label=f"{LABEL[X]}（约数的上限）")
            top = bound - 1  # 「三十多人」 is at most 39
        else:
            bound = money(upper, name, MAX_AMOUNT, label=f"{LABEL[name]}（约数的上限）")
            top, bound = (bound - Decimal("0.01")) / WAN, bound / WAN  # the last fen below it
        if values[name] is None or top < values[name]:
            raise CalculatorError(f"the range of {name} needs a lower bound below its upper bound {upper!r}, "
                                  f"got {values[name]!r}")
        tops[name] = (top, bound)
    return tops


def _condition(rule: SizeRule, band: tuple[Decimal, ...]) -> str:
    return " 且 ".join(f"{LABEL[i]}≥{plain(b)}{UNIT[i]}" for i, b in zip(rule.indicators, band))


def _shortfall(rule: SizeRule, band: tuple[Decimal, ...], values: dict[str, Decimal]) -> list[str]:
    return [f"{LABEL[i]}{plain(values[i])}{UNIT[i]}<{plain(b)}{UNIT[i]}"
            for i, b in zip(rule.indicators, band) if values[i] < b]


def _classify(rule: SizeRule, values: dict[str, Decimal]) -> tuple[str, list[str], list[str]]:
    """(size, the steps that decide it, why) for indicators in the standard's units."""
    size, decided, steps, both = "微型", [], [], "同时" if len(rule.indicators) > 1 else ""
    for name, band in zip(SIZES, rule.bands):
        short_of = _shortfall(rule, band, values)
        if not short_of:
            size = name
            decided.insert(0, f"达到{name}标准：{_condition(rule, band)}")
            steps.append(f"{name}须{both}满足{_condition(rule, band)}：均已达到 → {name}企业。")
            break
        decided = [f"未达{name}标准：{'、'.join(short_of)}"]  # only the band just above explains the result
        steps.append(f"{name}须{both}满足{_condition(rule, band)}：{'、'.join(short_of)}，不是{name}。")
    else:
        steps.append("未达到小型企业标准 → 微型企业。")
    return size, steps, decided


def _range_sizes(rule: SizeRule, values: dict[str, Decimal], tops: dict[str, tuple[Decimal, Decimal]]
                 ) -> tuple[str, str] | None:
    """(size at the lower ends, size at the upper ends) when a used indicator was given as a range, else None."""
    used = {i: top for i, (top, _) in tops.items() if i in rule.indicators}
    if not used:
        return None
    return _classify(rule, values)[0], _classify(rule, {**values, **used})[0]


def _range_said(i: str, low: Decimal, upper: Decimal, label: bool = True) -> str:
    """「从业人员在40人以上、不足50人」; 「从业人员不足300人」 when only the top was said (「不到300人」)."""
    name = LABEL[i] if label else ""
    if low == 0:
        return f"{name}不足{plain(upper)}{UNIT[i]}"
    return f"{name}{'在' if label else ''}{plain(low)}{UNIT[i]}以上、不足{plain(upper)}{UNIT[i]}"


def _range_text(values: dict[str, Decimal], tops: dict[str, tuple[Decimal, Decimal]], rule: SizeRule) -> str:
    return "；".join(_range_said(i, values[i], tops[i][1]) for i in rule.indicators if i in tops)


def _micro_condition(rule: SizeRule) -> str:
    """The standard's 微型 row: 「从业人员20人以下或营业收入300万元以下」 ("以下" is strictly below)."""
    return "或".join(f"{LABEL[i]}{plain(b)}{UNIT[i]}以下" for i, b in zip(rule.indicators, rule.bands[2]))


def _below_small(rule: SizeRule, values: dict[str, Decimal | None],
                 tops: dict[str, tuple[Decimal, Decimal]]) -> list[str]:
    """Given indicators (a range by its top) below the 小型 bound. The 微型 row joins its indicators with 或, so one
    of them settles 微型 without the others; no other class can be read from part of the indicators."""
    below = []
    for i, b in zip(rule.indicators, rule.bands[2]):
        if values[i] is None or (tops[i][0] if i in tops else values[i]) >= b:
            continue
        if i not in tops:
            below.append(f"{LABEL[i]}{plain(values[i])}{UNIT[i]}<{plain(b)}{UNIT[i]}")
        else:  # 「不足300万元」 is itself 「300万元以下」
            upper = tops[i][1]
            below.append(f"{LABEL[i]}不足{plain(upper)}{UNIT[i]}" + ("" if upper == b else f"<{plain(b)}{UNIT[i]}"))
    return below


def sme_size(industry: Any, employees: Any = None, revenue_yuan: Any = None, assets_yuan: Any = None,
             ranges: Any = (), revenue_per: Any = None) -> Calculation:
    rule = RULES[resolve_industry(industry)]
    revenue_yuan, ranges, scaled = _yearly(revenue_yuan, ranges, revenue_per)
    values = _values(employees, revenue_yuan, assets_yuan)
    tops = _ranges(ranges, values)
    absent = [LABEL[i] for i in rule.indicators if values[i] is None]
    said = f"（{industry}）" if industry != rule.industry else ""
    given = "，".join(f"{LABEL[i]}{plain(values[i])}{UNIT[i]}" for i in rule.indicators if values[i] is not None)
    if absent:
        below = _below_small(rule, values, tops)
        if not below:
            raise CalculatorError(f"{rule.industry} needs {'、'.join(absent)}; indicators it uses: "
                                  f"{[LABEL[i] for i in rule.indicators]}")
        size, decided = "微型", [f"{below[0]}，低于小型标准；微型标准是{_micro_condition(rule)}，"
                                 f"一项低于即为微型，不需要{'、'.join(absent)}"]
        figures = "，".join(_range_said(i, values[i], tops[i][1]) if i in tops
                            else f"{LABEL[i]}{plain(values[i])}{UNIT[i]}"
                            for i in rule.indicators if values[i] is not None)
        steps = [f"行业：{rule.industry}{said}；{figures}；{'、'.join(absent)}未提供。",
                 f"微型企业标准：{_micro_condition(rule)}，满足其中一项即为微型企业。",
                 f"{'、'.join(below)} → 微型企业（不论{'、'.join(absent)}是多少）。"]
    else:
        size, decided_steps, decided = _classify(rule, values)
        both_ends = _range_sizes(rule, values, tops)
        if both_ends is not None and both_ends[0] != both_ends[1]:
            raise CalculatorError(f"{_range_text(values, tops, rule)}: the range spans {both_ends[0]} and "
                                  f"{both_ends[1]}; give the exact figure")
        steps = [f"行业：{rule.industry}{said}；{given}。"]
        if both_ends is not None:
            steps[0] = f"行业：{rule.industry}{said}；{given}（{_range_text(values, tops, rule)}，按区间下限计）。"
            decided_steps.append(f"区间上限一端同样是{size}：区间内任何数值结果都相同，不需要准确数字。")
        steps += decided_steps
    if scaled is not None and Y in rule.indicators:
        steps.insert(1, scaled)
    covered = size != "大型"
    steps.append(f"依据{STANDARD}。" + (
        f"{size}企业属于中小微企业，在本意见支持的企业范围内（重点支持受疫情影响较大、生产经营遇到困难的企业）。"
        if covered else "大型企业不属于中小微企业，不在本意见支持的范围内。"))
    inputs = {"industry": rule.industry, "industry_as_said": str(industry),
              **{_INPUT_NAME[k]: None if v is None else number(v) for k, v in values.items()}}
    if revenue_per is not None and revenue_yuan is not None:
        inputs["revenue_per"] = revenue_per
    if tops:
        inputs["ranges"] = {_INPUT_NAME[k]: [number(values[k]), number(bound)] for k, (_, bound) in tops.items()}
    result = {"size": size, "covered": covered, "decided_by": "；".join(decided)}
    return Calculation(kind=KIND, inputs=inputs, result=result, steps=tuple(steps), clause=CLAUSE)


def needs(request: SmeRequest) -> NeedsInput | None:
    if request.industry is None:
        try:
            revenue, ranges, _ = _yearly(request.revenue_yuan, request.ranges, request.revenue_per)
            values = _values(request.employees, revenue, request.assets_yuan)
            tops = _ranges(ranges, values)
        except CalculatorError:
            values, tops = {}, {}
        given = "、".join(LABEL[i] + (_range_said(i, v, tops[i][1], label=False) if i in tops else f"{plain(v)}{UNIT[i]}")
                         for i, v in values.items() if v is not None)
        known = f"你给出的{given}还不够：" if given else ""
        return NeedsInput(kind=KIND, missing=("industry",), clause=CLAUSE,
                          inputs={_INPUT_NAME[k]: number(v) for k, v in values.items() if v is not None},
                          question_back=f"企业规模按{STANDARD}分行业划型，同样的人数和营业收入在不同行业结果不同。"
                                        f"{known}你没有说明所属行业，我不能按「其他未列明行业」代替——"
                                        f"那一行只适用于表中没有列出的行业。请告诉我企业所属行业"
                                        f"（{'、'.join(INDUSTRIES[:-1])}，或其他未列明行业），"
                                        f"以及该行业需要的指标（多数行业看从业人员和营业收入）。")
    rule = RULES[resolve_industry(request.industry)]
    missing = tuple(i for i in rule.indicators if getattr(request, i) is None)
    if not missing:
        return _range_needs(rule, request)
    revenue, ranges, _ = _yearly(request.revenue_yuan, request.ranges, request.revenue_per)
    values = _values(request.employees, revenue, request.assets_yuan)
    if _below_small(rule, values, _ranges(ranges, values)):
        return None  # 微型 already: one indicator under the 小型 bound settles it
    ask = "、".join(LABEL[i] + ("（人）" if i == X else "（元或万元）") for i in missing)
    question = f"{rule.industry}按{'、'.join(LABEL[i] for i in rule.indicators)}划型，请告诉我{ask}。"
    # One indicator below the 大型 line already settles eligibility, whatever the others are.
    below = [f"{LABEL[i]}{plain(values[i])}{UNIT[i]}低于大型标准{plain(b)}{UNIT[i]}"
             for i, b in zip(rule.indicators, rule.bands[0]) if values[i] is not None and values[i] < b]
    if below:
        question += f"仅凭{below[0]}，已可确定属于中小微企业；具体是中型、小型还是微型还要看上述指标。"
    known = {_INPUT_NAME[k]: number(v) for k, v in values.items() if v is not None}
    return NeedsInput(kind=KIND, missing=missing, clause=CLAUSE, question_back=question,
                      inputs={"industry": rule.industry, **known})


def _range_needs(rule: SizeRule, request: SmeRequest) -> NeedsInput | None:
    """Ask for the exact figure when an indicator given as a range (「两百多万」) straddles a band's line."""
    revenue, ranges, _ = _yearly(request.revenue_yuan, request.ranges, request.revenue_per)
    values = _values(request.employees, revenue, request.assets_yuan)
    tops = _ranges(ranges, values)
    both_ends = _range_sizes(rule, values, tops)
    if both_ends is None or both_ends[0] == both_ends[1]:
        return None
    straddling = tuple(i for i in rule.indicators if i in tops)
    known = {_INPUT_NAME[k]: number(v) for k, v in values.items() if v is not None}
    return NeedsInput(kind=KIND, missing=straddling, clause=CLAUSE, inputs={"industry": rule.industry, **known},
                      question_back=f"{rule.industry}按{'、'.join(LABEL[i] for i in rule.indicators)}划型。"
                                    f"你说的{_range_text(values, tops, rule)}，这个区间跨过了划型界线："
                                    f"按下限是{both_ends[0]}，按上限是{both_ends[1]}。"
                                    f"请告诉我准确的{'、'.join(LABEL[i] for i in straddling)}。")


def solve(request: SmeRequest) -> Calculation:
    return sme_size(request.industry, request.employees, request.revenue_yuan, request.assets_yuan, request.ranges,
                    request.revenue_per)


def lead(calc: Calculation) -> str:
    size = calc.result["size"]
    verdict = ("属于中小微企业，在本意见支持的企业范围内" if calc.result["covered"]
               else "不属于中小微企业，不在本意见支持的范围内")
    return f"按{STANDARD}，该{calc.inputs['industry']}企业属于{size}企业，{verdict}。判定：{calc.result['decided_by']}。"
