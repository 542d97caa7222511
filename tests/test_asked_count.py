"""Which count a question asks for, and whether a text states one (assistant.asked_count)."""

from __future__ import annotations

import pytest

from assistant.asked_count import counts_asked, states_count


@pytest.mark.parametrize("question, counted", [
    ("疫情期间北方有多少个城市参与了冬春蔬菜储备？一共储了多少？", ("个城市",)),
    ("新疆现在有多少家医疗机构开了发热门诊？定点救治医院有几家？", ("家",)),
    ("一共跑了多少趟、送回多少人？", ("趟", "人")),
    ("储了多少万吨蔬菜？", ("万吨",)),
    ("开了多少条心理援助专线？", ("条",)),
])
def test_a_count_asked_for_is_found_with_its_unit(question, counted):
    assert counts_asked(question) == counted


@pytest.mark.parametrize("question", [
    "缓缴能延期几个月？",  # a duration
    "利率能降几个点？",  # a rate
    "店里也没多少人来，房租能减吗？",  # told of, not asked
    "前几天交的社保能退吗？",
    "房租能减免多少？",  # an amount, no count
])
def test_no_count_is_asked_for_by_a_duration_a_rate_or_a_quantity_told_of(question):
    assert counts_asked(question) == ()


def test_a_count_is_stated_by_a_numeral_the_unit_follows():
    assert states_count("北方40多个城市参与冬春蔬菜储备", "个城市")
    assert states_count("共储有30多万吨耐储蔬菜", "万吨") and states_count("共储有30多万吨耐储蔬菜", "吨")
    assert states_count("全区共有一百二十家企业复工", "家")
    assert not states_count("北方大城市投放冬春蔬菜储备", "个城市")
    assert not states_count("延迟3个月补缴", "个城市")
