"""How owners and callers say things vs. how policy documents say them.

A question is searched with the user's words *plus* the document's terms for them, so 「社保晚交有罚金吗」
finds 「社会保险费…延迟…滞纳金」. English words common in mixed questions are mapped the same way. These are
general domain equivalences, not answers: retrieval still decides which clause applies, and a term the
documents never use (医保 → 医疗保险) stays missing, so the scope check can refuse.
"""

from __future__ import annotations

import re

from assistant.measure_counts import count_variants

# colloquial or abbreviated term → the term policy text uses
COLLOQUIAL = {
    "社保卡": "社会保障卡", "社保": "社会保险", "医保": "医疗保险", "养老金": "养老保险", "失业金": "失业保险金", "工伤险": "工伤保险",
    "公积金": "住房公积金", "交税": "缴纳税款", "报税": "纳税申报", "税款晚交": "延期缴纳税款", "晚交": "延迟缴纳",
    "缓交": "缓缴", "推迟": "延迟", "拖": "延期", "补交": "补缴", "罚金": "滞纳金", "罚息": "滞纳金",
    "员工": "职工", "工人": "职工", "裁员": "裁员", "国企": "国有企业", "国有的房子": "国有资产类经营用房",
    "门面": "经营用房", "店面": "经营用房", "铺面": "经营用房", "商铺": "经营用房", "办公室": "经营用房",
    "房子": "房产", "房东": "业主", "租金": "房租", "月租": "房租", "城管": "城市管理", "罚款": "违法违规",
    "利息": "利率", "降息": "下调贷款利率", "货款": "账款", "欠款": "账款", "欠钱": "拖欠", "退钱": "返还",
    "退": "返还", "激励": "奖励", "帮扶": "支持", "担保费": "担保费率", "反向担保": "反担保", "续贷": "续贷",
    "抽贷": "抽贷", "技改": "技术改造", "补贴": "补助", "园区": "创业载体", "创业园": "创业载体",
    "解释权": "解释", "小企业": "中小微企业", "小公司": "中小微企业",
    # Everyday words for what notices across the country regulate (checked on corpus-extra: documents use the
    # right-hand term more, or only it).
    "个税": "个人所得税", "个体户": "个体工商户", "养老院": "养老机构", "敬老院": "养老机构", "老人": "老年人",
    "孩子": "儿童", "小孩": "儿童", "过路费": "车辆通行费", "高速费": "车辆通行费", "快递费": "邮费", "看病": "就医",
    "医生": "医务人员", "护士": "医务人员", "饭店": "餐饮", "餐馆": "餐饮", "网课": "线上教学",
    "饭馆": "餐饮", "卖掉": "出售", "转卖": "出售", "转手": "出售", "借钱": "贷款", "不用抵押": "信用贷款",
    "无抵押": "信用贷款", "免抵押": "信用贷款", "不要抵押": "信用贷款", "没抵押": "信用贷款", "没有抵押": "信用贷款",
    "期限长点": "中长期贷款", "期限能长点": "中长期贷款", "期限长一点": "中长期贷款",
    "小贷公司": "小额贷款公司", "种地": "农业", "做生意": "生产经营", "缓缓再还": "延期还款", "晚点还": "延期还款",
    "缓还": "延期还款", "不给续": "断贷", "不续贷": "断贷", "提前还": "抽贷", "三险": "社会保险", "收回去": "抽贷",
    "收贷": "抽贷", "缩水": "下降", "降点": "下调",
    "降一点": "下调", "降一降": "下调", "发改委": "发展改革委",
    # owners' words for deadlines, debts, rented space and favours
    "宽限": "延期", "缓一缓": "延期", "晚点": "延迟", "欠着": "拖欠", "拖着不给": "拖欠", "工程款": "账款", "尾款": "账款",
    "少收": "减免", "少交": "减免", "工位": "经营用房", "手续费": "费率", "照顾": "政策倾斜",
    "网点": "线上业务", "跑银行": "线上业务", "私人的房子": "其他经营用房", "私人房东": "业主", "私房": "其他经营用房",
    # which of several policies applies: the document's answer is 从优执行
    "按哪个来": "从优执行", "按哪个算": "从优执行", "按哪个执行": "从优执行", "以哪个为准": "从优执行",
    "不减员": "不裁员", "减员": "裁员", "缓过来": "恢复有望", "困境": "困难",
    # what owners fear or cannot do: a gap in the social-insurance record, a loan called in, a return not filed
    "断缴": "个人权益记录", "断保": "个人权益记录", "往回收": "抽贷", "报不上": "申报", "报不了": "申报",
    "贴补": "补助", "二房东": "业主",
    # a tax said short, and a loan on one's good name
    "土地税": "城镇土地使用税", "凭信誉": "信用贷款", "凭信用": "信用贷款",
    # a tax said as one character beside 缓 (「这个月的税能缓三个月」「缓下来的税」), and a lapse that is not serious
    "税能缓": "延期缴纳税款", "税往后缓": "延期缴纳税款", "缓税": "延期缴纳税款", "税缓": "延期缴纳税款", "缓下来的税": "延期缴纳税款",
    "不严重的毛病": "轻微违法违规",
    # 「市里文件自个儿对上头的政策是咋说的？」: the higher levels' policies, which the closing says are applied if better
    "上头的政策": "中央、省出台相关支持政策", "上面的政策": "中央、省出台相关支持政策", "上级的政策": "中央、省出台相关支持政策",
    # owners' words for a minor violation, and for debts run up after the old ones are cleared
    "小毛病": "轻微违法违规", "新欠": "新的拖欠", "裁人": "裁员", "辞人": "裁员", "开人": "裁员",
    # what a late contribution might cost a worker, and a customer who holds back payment
    "缴费年限": "个人权益记录", "欠账": "拖欠", "旧账": "账款", "挂账": "账款", "压着不给": "拖欠", "拖着不付": "拖欠", "压款": "拖欠",
    # nothing to pledge, years to repay, borrowing dearer than last year, a reward for those who helped
    "能抵押": "信用贷款", "可抵押": "信用贷款", "拿不出抵押": "信用贷款", "慢慢还": "中长期贷款", "三五年": "中长期贷款",
    "比去年贵": "融资成本", "比去年高": "融资成本", "借钱贵": "融资成本", "贷款贵": "融资成本", "评估费": "融资成本",
    "出了力": "突出贡献", "出力": "突出贡献", "有什么表示": "奖励", "有啥表示": "奖励",
    # filing for money oneself rather than waiting for it: 申报
    "自己去报": "申报", "自己报": "申报", "去报": "申报", "降到": "降至",
    # an inspection and what it finds, and the soft handling the document promises for small lapses
    "查出来的问题": "违法违规", "指条道": "主动指导", "指条路": "主动指导",
    "改了就行": "及时纠正", "先提醒": "预先提醒",
    # the cost of borrowing, and money from the government said plainly
    "代价": "成本", "拿钱": "融资", "政府的钱": "财政支持", "政府一分钱": "财政支持", "私人老板": "业主",
    # a loan stopped halfway (「后两回先不放了」), and what banks lend, counted at a date (「贷款存量」)
    "不放了": "断贷", "先不放": "断贷", "停止放款": "断贷", "不给放": "断贷", "贷款存量": "信贷余额",
    # going to another district's hospital (「发烧了能不能跑去别的区的大医院看」): what notices forbid as 跨区就诊
    "别的区": "跨区", "另一个区": "跨区", "其他区": "跨区",
}

# English words in mixed questions → Chinese policy terms (matched case-insensitively, whole words)
ENGLISH = {
    "social insurance": "社会保险", "unemployment insurance": "失业保险", "work injury": "工伤保险",
    "pension": "养老保险", "medical insurance": "医疗保险", "health insurance": "医疗保险",
    "rent": "房租", "rental": "房租", "landlord": "业主", "lease": "承租", "office": "经营用房",
    "state-owned": "国有", "state owned": "国有", "sme": "中小微企业", "smes": "中小微企业",
    "delay": "延迟", "defer": "延期", "deferral": "延期", "postpone": "延迟", "extend": "延期",
    "extension": "延期", "late fee": "滞纳金", "penalty": "滞纳金", "refund": "返还", "percent": "%",
    "rate": "费率", "tax": "税款", "taxes": "税款", "filing": "申报", "loan": "贷款", "loans": "贷款",
    "interest": "贷款利率", "interest rate": "贷款利率", "subsidy": "补贴", "guarantee": "担保", "counter-guarantee": "反担保",
    "department": "部门", "valid": "有效", "interpret": "解释", "interpretation": "解释", "interprets": "解释", "deadline": "期限",
    "bank": "银行", "bank loan": "银行贷款", "renew": "续贷", "renewal": "续贷", "credit": "信贷",
    "financing cost": "融资成本", "city management": "城市管理", "market regulation": "市场监管",
    "minor violation": "轻微违法违规", "violation": "违法违规", "fine": "处罚", "fined": "处罚",
    "r&d": "科技", "research": "科技", "talent": "人才", "special funds": "专项资金", "funds": "资金",
    "allocate": "拨付", "allocated": "拨付", "arrears": "拖欠", "unpaid bills": "拖欠账款",
    "covid": "疫情", "covid-19": "疫情", "epidemic": "疫情", "pandemic": "疫情", "outbreak": "疫情",
    "restaurant": "餐饮", "restaurants": "餐饮", "catch-up": "补缴", "catch up": "补缴", "back payment": "补缴",
    "waive": "免收", "waived": "免收", "rent-free": "房租免收", "rent free": "房租免收",
    "halved": "减半", "reduce": "减免", "reduced": "减免", "reduction": "减免", "cut": "下调", "lower": "下调",
    "layoff": "裁员", "layoffs": "裁员", "lay off": "裁员", "employees": "职工", "employee": "职工", "staff": "职工",
    "workers": "职工", "premium": "保险费", "premiums": "保险费", "microloan": "小额贷款公司",
    "micro-loan": "小额贷款公司", "small loan": "小额贷款公司", "technical upgrade": "技术改造",
    "technology upgrade": "技术改造", "online": "线上", "unsecured loan": "信用贷款", "credit loan": "信用贷款",
    "interest subsidy": "贴息", "unemployment benefit": "失业保险金", "job retention": "稳岗",
    "tax return": "纳税申报", "law enforcement": "执法", "enforcement": "执法", "warning": "预先提醒",
    "more favourable": "从优执行", "more favorable": "从优执行", "most favourable": "从优执行",
    "most favorable": "从优执行", "central government": "中央", "overdue payments": "拖欠账款", "owe": "拖欠", "owed": "拖欠", "owes": "拖欠", "owing": "拖欠", "loan renewal": "续贷", "financing": "融资", "late payment": "滞纳金",
    "property tax": "房产税", "land use tax": "城镇土地使用税", "premises": "经营用房",
    "tech upgrade": "技术改造", "upgrade": "技术改造", "fund": "资金", "transfer": "拨付", "transferred": "拨付",
    "county": "县", "company": "企业", "companies": "企业", "firm": "企业", "firms": "企业", "business": "企业",
    "big company": "大型企业", "large company": "大型企业", "large enterprise": "大型企业", "apply": "申请",
    "small business": "小微企业", "small businesses": "小微企业", "record": "记录", "personal record": "个人权益记录",
    "incubator": "孵化器", "startup": "创业", "guarantee fee": "担保费率", "private": "其他",
    # a document's particulars and the words of guarantees, credit and rewards
    "issue date": "发布日期", "date of issue": "发布日期", "document number": "文号", "doc number": "文号",
    "recovery": "追偿", "write off": "核销", "write-off": "核销", "written off": "核销", "loss": "损失",
    "losses": "损失", "guarantee agency": "政府性融资担保机构", "loan balance": "信贷余额", "reward": "奖励",
    "rewards": "奖励", "bonus": "奖励",
}

_ENGLISH = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ENGLISH), key=len, reverse=True)) + r")\b", re.I)


# One-character words inside longer words that mean something else: 退休 is no refund, 拖欠 and 拖车 no delay
_PART_OF_ANOTHER = {"退": re.compile(r"退(?!休|役|伍|出|房|订|票|烧|热|租)"),
                    # 「税能往后缓缓」「这税往后拖拖」: the tax said apart from the delay
                    # (after the tax's name, which stays: 「土地税能不能往后缓缓」; not a tax break extended: 「免税期往后延」)
                    "税往后缓": re.compile(r"(?<=税)[^。？?，,收期惠优免]{0,3}往后(缓|拖|挪|推)"), "拖": re.compile(r"拖(?!欠|车|拉|累|鞋|把|地)"),
                    # a loan not paid out, not a holiday not given (「先不放假」「不给放假」)
                    "先不放": re.compile(r"先不放(?!假|心)"), "不给放": re.compile(r"不给放(?!假)"),
                    # another district, not 其他区域 or 其他区县 (any other area)
                    **{w: re.compile(rf"{w}(?![域县划])") for w in ("别的区", "另一个区", "其他区")}}


def _first_use(text: str, word: str) -> int:
    pattern = _PART_OF_ANOTHER.get(word)
    if pattern is None:
        return text.find(word)
    found = pattern.search(text)
    return found.start() if found else -1


def document_terms(text: str) -> list[str]:
    """The document's terms for the colloquial and English words in `text`, in order of appearance."""
    found: list[tuple[int, str]] = []
    for word, term in COLLOQUIAL.items():
        pos = _first_use(text, word)
        if pos >= 0 and term not in text:
            found.append((pos, term))
    found.extend((m.start(), ENGLISH[m.group(1).lower()]) for m in _ENGLISH.finditer(text))
    return [*dict.fromkeys(term for _, term in sorted(found)), *count_variants(text)]


def with_document_terms(text: str) -> str:
    """The question followed by the document's terms for its words (what retrieval searches with)."""
    terms = document_terms(text)
    return f"{text} {' '.join(terms)}" if terms else text


def english_as_chinese(text: str) -> str:
    """The glossary's English words replaced by the documents' Chinese (「官方 interpretation 找哪个 department」)."""
    return _ENGLISH.sub(lambda m: ENGLISH[m.group(1).lower()], text)


def in_document_terms(text: str) -> str:
    """The question rewritten in the document's terms (what the scope check measures coverage on)."""
    text = english_as_chinese(text)
    for word in sorted(COLLOQUIAL, key=len, reverse=True):
        # spaced, so the document's term stays a word of its own (银行利息 → 银行 利率, not one word 银行利率)
        pattern = _PART_OF_ANOTHER.get(word)
        text = text.replace(word, f" {COLLOQUIAL[word]} ") if pattern is None else pattern.sub(f" {COLLOQUIAL[word]} ", text)
    return text
