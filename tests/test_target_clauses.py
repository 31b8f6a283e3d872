"""Headline-target clauses as reports write them: units, qualifiers, Chinese numerals, ranges."""

from __future__ import annotations

import pytest

from reportdiff.structure.targets import targets_in


@pytest.mark.parametrize(
    "clause, want",
    [
        ("粮食产量稳定在一千二百亿斤以上", ("粮食产量", 1200.0, "亿斤", "以上")),
        ("粮食产量保持在1.3万亿斤以上", ("粮食产量", 1.3, "万亿斤", "以上")),
        ("城镇新增就业十二万人", ("城镇新增就业", 12.0, "万人", "")),
        ("城镇调查失业率控制在5.5%以内", ("城镇调查失业率", 5.5, "%", "以内")),
        ("单位地区生产总值能耗下降3.5%左右", ("单位生产总值能耗降低", 3.5, "%", "左右")),
        ("能源消费总量控制在3000万吨标准煤以内", ("能源消费总量", 3000.0, "万吨标准煤", "以内")),
        ("研发经费投入强度提高0.1个百分点", ("研发经费投入强度", 0.1, "个百分点", "")),
        ("一般公共预算收入达到1.1万亿元", ("一般公共预算收入增长", 1.1, "万亿元", "")),
        ("规上工业增加值增长6%", ("规模以上工业增加值增长", 6.0, "%", "")),
        ("GDP增长5.5%左右", ("地区生产总值增长", 5.5, "%", "左右")),
    ],
)
def test_one_target(clause, want):
    (t,) = targets_in(clause, "s", (0, len(clause)))
    assert (t.canonical, t.value, t.unit, t.qualifier) == want


def test_range_and_qualitative():
    (t,) = targets_in("国内生产总值增长6%—6.5%", "s", (0, 1))
    assert (t.value, t.upper, t.unit) == (6.0, 6.5, "%")
    (q,) = targets_in("国际收支基本平衡", "s", (0, 1))
    assert q.value is None and q.canonical == "国际收支"
    assert targets_in("在实际工作中努力争取更好结果", "s", (0, 1)) == []
