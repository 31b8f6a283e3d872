"""Figures stated in words the other year (detect/tasks/worded.py): worded clauses that share words
with the figure's object outside the sentences the alignment links (synthetic text; session 8,
issue 14, round 3)."""

from __future__ import annotations

from reportdiff import quantities as qty
from reportdiff.detect.tasks.worded import (
    _Figureless,
    _counts_things,
    _item_ends,
    _items,
    _run_counterpart,
    _short_counterpart,
)


def _figureless(*clauses: str) -> _Figureless:
    return _Figureless.of([(n, c, qty.metric_key(c)) for n, c in enumerate(clauses, start=10)])


def test_an_item_naming_the_thing_itself():
    """A list item ends with the shared run but for general endings (行动, 工程, 建设), or a part of
    it joined by 和 does; a run inside a longer name does not."""
    assert _item_ends("深化强校扩优行动", "强校扩优")
    assert _item_ends("资产盘活和债务偿还", "资产盘活")
    assert _item_ends("精美旅游线路", "旅游线路")
    assert not _item_ends("强校扩优课程体系", "强校扩优")
    # a bracket adds a variant of a name: the item is also read without it
    assert "推动特色现代农业园区建设" in _items("推动特色现代农业（产业）园区建设")


def test_a_far_run_of_four_names_the_thing_as_an_item():
    """In a sentence the alignment links to nothing, a run of four characters is a counterpart when
    the other year's item names it as the thing itself (深化强校扩优行动), not as a word of a longer
    name, and it is no general term of the genre (主导产业)."""
    own = "乡村中小学强校扩优覆盖率达到60"
    fig = _figureless("推进教育数字化", "深化强校扩优行动")
    other = "推进教育数字化深化强校扩优行动"
    assert _run_counterpart("乡村中小学强校扩优", set(), fig, other, own) == (11, "深化强校扩优行动")
    fig = _figureless("加快强校扩优课程体系建设")
    assert _run_counterpart("乡村中小学强校扩优", set(), fig, "加快强校扩优课程体系建设", own) is None
    fig = _figureless("因地制宜培育根植性主导产业")
    assert _run_counterpart("特色优势主导产业", set(), fig, "因地制宜培育根植性主导产业", "重点打造特色优势主导产业") is None


def test_a_run_reads_through_a_bracket_of_the_item():
    fig = _figureless("推动示范园等特色现代农业（产业）园区建设")
    other = qty.metric_key("推动示范园等特色现代农业（产业）园区建设")
    hit = _run_counterpart("四类特色现代农业园区", set(), fig, other, "新建四类特色现代农业园区70个")
    assert hit == (10, "推动示范园等特色现代农业（产业）园区建设")


def test_a_short_form_only_beside_a_figure_of_the_same_sentence():
    """精品景区 for 精品旅游景区 is a counterpart in the clause that already holds the worded
    counterpart of another figure of the target's sentence (精美旅游线路), not elsewhere; and only
    for a count of things (100家), not an amount (100亿元: 算力规模 is not 算力产业规模)."""
    c = "着力打造一批精品景区、精美旅游线路、精致旅游城市"
    fig = _figureless(c, "开展系列文化活动")
    other = qty.metric_key(c) + "开展系列文化活动"
    own = "精心打造10条精品旅游线路和100家精品旅游景区"
    assert _short_counterpart("精品旅游景区", fig, other, own, {(10, c)}) == (10, c)
    assert _short_counterpart("精品旅游景区", fig, other, own, set()) is None
    assert _short_counterpart("文化惠民活动", fig, other, "开展文化惠民活动300场", set()) is None
    assert _counts_things(qty.extract("100家精品旅游景区")[0])
    assert not _counts_things(qty.extract("算力产业规模突破100亿元")[0])
