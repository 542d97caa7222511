"""A figure asked for that the quoted clause does not state (assistant.asked_figure), and the engine's answer then."""

from __future__ import annotations

import pytest

from assistant.asked_figure import figures_asked, unstated


def test_the_kind_of_figure_a_question_asks_for():
    assert figures_asked("政府性融资担保机构降低担保费率，具体降到百分之几了？") == ("rate",)
    assert figures_asked("后补助一家到底给多少钱啊？") == ("amount",)
    assert figures_asked("“百行进万企”活动是哪一年开始的？") == ("year",)  # a year, which 「上年度」 states; a day it does not
    assert figures_asked("返还批下来以后，一般多长时间能打到账上？") == ("duration",)
    assert figures_asked("房租能减免吗？") == () and figures_asked("找哪个部门？") == ()


def test_a_figure_of_the_asked_kind_or_the_rule_that_gives_it_counts_as_stated():
    assert unstated(("rate",), ["降低担保和再担保费率。"]) == ("rate",)
    assert unstated(("rate",), ["企业养老保险费率降至16%。"]) == ()
    assert unstated(("rate",), ["执行LPR利率减100—130个基点。"]) == ()
    assert unstated(("amount",), ["前两个月房租免收，第三个月房租减半。"]) == ()
    assert unstated(("amount",), ["按6个月的月人均失业保险金标准和参保职工人数实施补贴。"]) == ()
    assert unstated(("amount",), ["各类后补助支持政策。"]) == ("amount",)
    assert unstated(("year",), ["返还其上年度实际缴纳失业保险费的50%。"]) == ()
    assert unstated(("duration",), ["要在15分钟内通过电话报告。"]) == ()
    assert unstated(("duration", "date"), ["持续开展活动。"]) == ("duration", "date")


def test_the_engine_says_the_figure_is_not_written_and_quotes_the_clause(fake_engine):
    answer = fake_engine.answer("政府性融资担保机构降低担保费率，具体降到百分之几了？")
    assert answer.refused and answer.text.startswith("文件没有写明具体的比例或费率")
    assert not answer.citations  # a refusal cites nothing; the text names the clause
    assert "降低担保和再担保费率" in answer.text and "三、进一步发挥地方金融机构作用" in answer.text
    # the same clause asked without a figure answers as before
    plain = fake_engine.answer("政府性融资担保机构的担保费率有什么变化？")
    assert "文件没有写明" not in plain.text
    # a figure the clause states is answered
    stated = fake_engine.answer("企业养老保险费率现在降到百分之几？")
    assert not stated.refused and "16%" in stated.text


@pytest.mark.parametrize("question, kinds", [
    ("申请延期缴纳税款，在电子税务局里走哪个模块，要上传哪些材料？", ("materials", "channel")),
    ("返还失业保险费要准备什么资料", ("materials",)),
    ("稳岗补贴在哪个平台申报", ("channel",)),
    ("房租减免要交吗", ()), ("哪些企业能享受", ()),
    ("倒没赔多少钱，能申请减房产税不？", ()), ("也不差几天，能宽限吗", ()),
])
def test_how_to_apply_is_asked_like_a_figure(question, kinds):
    assert figures_asked(question) == kinds


def test_a_platform_named_for_something_else_states_no_channel():
    assert unstated(("channel",), ["落实企业技术创新平台各类后补助支持政策。"]) == ("channel",)
    assert unstated(("channel",), ["通过电子税务局网上办理。"]) == ()
    assert unstated(("materials",), ["企业凭营业执照复印件申请。"]) == ()
