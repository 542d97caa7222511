"""Hypothesis strategies for question-shaped text, and a reference spelling of numbers in Chinese, shared by
the quantity and request property tests."""

from __future__ import annotations

from hypothesis import strategies as st

_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """A plain reference spelling (一万零五百, 一百二十万) to check the parser against."""
    def below_10000(k: int) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = k // unit % 10
            if digit:
                out += ("零" if zero and out else "") + _DIGITS[digit] + name
                zero = False
            else:
                zero = True
        return out

    if n == 0:
        return "零"
    parts, out = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")], ""
    for i, (value, name) in enumerate(parts):
        if value:
            if out and value < 1000:
                out += "零"
            out += below_10000(value) + name
    return out


question_words = st.sampled_from(list(
    "房租月租金国有门面第三个月交多少省失业保险返还稳岗补贴养老费率基数工伤缓缴社保几月贴息利率贷款税延期晚交还有效执行期"
    "算不算属于小微中型饭店超市工厂人名员工营收万千百十元块两一二三四五六七八九零点%，。？年月日号0123456789.,"
    "多余几个亿季度半/-"
))
# question-shaped text: a topic, a number in some spelling, a unit, a question
numbers = st.one_of(st.integers(0, 10**10).map(str), st.integers(1, 10**9).map(lambda n: to_chinese(n)),
                    st.decimals(0, 10**6, places=2).map(str), st.sampled_from(["两万五", "8千", "1.2万", "1,200,000"]))
topics = st.sampled_from(["国有门面月租", "房租", "上年度失业保险费", "稳岗补贴，参保职工", "养老保险缴费基数", "工伤保险费率",
                          "社保每月", "养老", "贴息，贷款", "利率", "期限", "税款", "饭店员工", "营业收入", "资产", "超市",
                          "建筑公司营收", "", "那", "2020年"])
units = st.sampled_from(["", "元", "万元", "万", "人", "名员工", "%", "个月", "年", "月", "日", "月份", "号", "块"])
asks = st.sampled_from(["", "，能省多少", "，第三个月交多少", "，算不算小微", "，最晚延期到哪天", "还有效吗", "，能返还多少",
                        "，缓缴后4月交多少", "，贴息多少", "呢？", "，每月交多少"])
questions = st.lists(st.tuples(topics, numbers, units, asks).map("".join), min_size=1, max_size=3).map("".join)
texts = st.one_of(st.text(max_size=60), st.lists(question_words, max_size=40).map("".join), questions)
