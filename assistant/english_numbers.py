"""English in mixed questions: numbers, units and the rules' own words as owners write them in English → the
Chinese the quantity parser reads (「paid 1.3万」 → 「缴1.3万」, 「100 employees」 → 「100名员工」, 「9,500 yuan」 →
「9,500元」). `from_english` is applied to each turn before parsing, so spans refer to the rewritten text.
Longest phrases first; whole words; any case.
"""

from __future__ import annotations

import re

_NUM = r"(\d(?:[\d,]*\d)?(?:\.\d+)?)"  # not a comma after it: 「¥6,400,000,合同…」 once ， is normalized to ,
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_EN_NUMBERED = tuple((re.compile(pattern, re.I), replacement) for pattern, replacement in (
    (rf"{_NUM}\s*k\b", r"\1千"), (rf"{_NUM}\s*thousand\b", r"\1千"), (rf"{_NUM}\s*million\b", r"\1百万"),
    (rf"{_NUM}\s*billion\b", r"\1十亿"),
    (rf"(?:RMB|CNY|[¥￥])\s*{_NUM}([万千百亿]*)", r"\1\2元"),
    (rf"{_NUM}([万千百亿]*)\s*(?:yuan|RMB|CNY|kuai)\b", r"\1\2元"),
    (rf"{_NUM}\s*(?:full[- ]time\s+)?(?:employees?|staff|workers?|people|persons?|heads?)\b", r"\1名员工"),
    (rf"{_NUM}\s*months?\b", r"\1个月"), (rf"{_NUM}\s*quarters?\b", r"\1个季度"), (rf"{_NUM}\s*years?\b", r"\1年"),
    # 「June 15」→「6月15日」; 「in June」→「6月」 (「May」 only as 「May 20」 or 「in May」: it is also a verb)
    (r"\b(" + "|".join(m for m in _EN_MONTHS if m != "may") + r"|(?-i:May))\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b",
     lambda m: f"{_EN_MONTHS.index(m.group(1).lower()) + 1}月{m.group(2)}日"),
    (r"\b(" + "|".join(m for m in _EN_MONTHS if m != "may") + r")\b",
     lambda m: f"{_EN_MONTHS.index(m.group(1).lower()) + 1}月"),
    (r"\b(in|by|to|on|until|till|before|after|from|since|of)\s+(?-i:May)\b", r"\1 5月"),
    (r"\bQ([1-4])\b", lambda m: "一二三四"[int(m.group(1)) - 1] + "季度"),
))
_EN_WORDS = {
    "unemployment insurance": "失业保险", "unemployment": "失业", "pension insurance": "养老保险",
    "pension": "养老保险", "endowment insurance": "养老保险", "work-injury insurance": "工伤保险",
    "work injury insurance": "工伤保险", "work-related injury": "工伤", "work-injury": "工伤", "work injury": "工伤",
    "occupational injury": "工伤", "medical insurance": "医疗保险", "health insurance": "医疗保险",
    "social insurance": "社保", "social security": "社保", "contributions": "缴费", "contribution": "缴费",
    "premiums": "保险费", "premium": "保险费", "contribution base": "缴费基数", "wage base": "缴费基数",
    "salary base": "缴费基数", "late fee": "滞纳金", "late fees": "滞纳金",
    "refund": "返还", "refunded": "返还", "rebate": "返还", "get back": "返还", "paid": "缴", "pay": "交",
    "no layoffs": "没裁员", "no lay-offs": "没裁员", "without layoffs": "没裁员", "no one laid off": "没裁员",
    "did not lay off": "没裁员", "didn't lay off": "没裁员", "layoffs": "裁员", "laid off": "裁员",
    "how much": "多少", "how many": "多少", "how long": "多久", "latest": "最晚",
    "last year": "去年", "this year": "今年", "annual": "年", "annually": "每年", "yearly": "每年",
    "per year": "每年", "a year": "一年", "monthly": "每月", "per month": "每月", "a month": "每月",
    "each month": "每月", "every month": "每月", "quarterly": "每季度", "per quarter": "每季度",
    "first quarter": "一季度", "half a year": "半年", "per person": "每人", "per head": "每人",
    "per employee": "每人", "each person": "每人", "each employee": "每人",
    "deferred": "缓缴", "defer": "缓缴", "postponed": "推迟", "postpone": "推迟", "delayed": "延迟",
    "delay": "延迟", "extend": "延期", "extended": "延期",
    "monthly rent": "月租", "rent": "房租", "landlord": "房东", "state-owned": "国有", "state owned": "国有",
    "private landlord": "私人房东",
    "interest subsidy": "贴息", "interest rate": "利率", "loan": "贷款", "principal": "本金", "tax": "税",
    "taxes": "税",
    "annual revenue": "年营业收入", "revenue": "营业收入", "turnover": "营业收入", "sales": "销售额",
    "total assets": "资产总额", "assets": "资产总额", "employees": "员工", "staff": "员工",
    "software company": "软件公司", "software": "软件", "restaurant": "饭店", "hotel": "酒店",
    "factory": "工厂", "manufacturer": "制造厂", "manufacturing": "制造", "supermarket": "超市",
    "retail": "零售", "retailer": "零售", "wholesale": "批发", "wholesaler": "批发", "logistics": "物流",
    "trucking": "货运", "warehouse": "仓库", "warehousing": "仓储", "courier": "快递", "construction": "建筑",
    "real estate developer": "房地产开发", "real estate": "房地产", "property developer": "房地产开发",
    "property management": "物业", "consulting": "咨询", "advertising": "广告", "farm": "农场",
    "hospital": "医院", "clinic": "诊所",
    "unemployment benefit standard": "失业保险金标准", "benefit standard": "失业保险金标准",
    "unemployment benefits": "失业保险金", "unemployment benefit": "失业保险金", "headcount": "人数",
    "what size": "什么规模", "which size": "什么规模", "size class": "规模", "small or micro": "小型还是微型",
    "micro or small": "微型还是小型", "medium or small": "中型还是小型", "small or medium": "小型还是中型",
}
_EN_WORD = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(map(re.escape, _EN_WORDS), key=len, reverse=True))
                      + r")(?![A-Za-z])", re.I)


def from_english(text: str) -> str:
    """`text` with the English numbers, units and rule words the calculator needs rewritten in Chinese."""
    if not re.search(r"[A-Za-z¥￥]", text):
        return text
    for pattern, replacement in _EN_NUMBERED:
        text = pattern.sub(replacement, text)
    return _EN_WORD.sub(lambda m: _EN_WORDS[m.group(1).lower()], text)
