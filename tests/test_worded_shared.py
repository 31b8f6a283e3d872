"""Figures stated in words the other year (detect/tasks/worded.py): worded clauses that share words
with the figure's object outside the sentences the alignment links (synthetic text; session 8,
issue 14, round 3)."""

from __future__ import annotations

from reportdiff import quantities as qty
from reportdiff.detect.tasks.worded import (
    _Figureless,
    _items,
    _list_head,
    _names_alone,
    _run_counterpart,
)


def _figureless(*clauses: str) -> _Figureless:
    return _Figureless.of([(n, c, qty.metric_key(c)) for n, c in enumerate(clauses, start=10)])


def test_a_bracket_of_an_item_is_read_without_it():
    assert "推动特色现代农业园区建设" in _items("推动特色现代农业（产业）园区建设")
    assert _items("精品景区、精美旅游线路") == ["精品景区", "精美旅游线路"]


def test_a_far_run_of_four_names_the_thing_alone():
    """In a sentence the alignment links to nothing, a run of four characters is a counterpart when
    a part of the other year's clause is the run alone after its opening verb (深化强校扩优行动), not
    a word of a longer name nor after a modifier of another thing, the run names no action, and it
    is no general term of the genre (主导产业)."""
    assert _names_alone("深化强校扩优行动", "强校扩优")
    assert _names_alone("打造一批零碳园区、零碳工厂", "零碳园区")
    assert _names_alone("支持以企业为主体组建创新联合体", "创新联合体")
    assert _names_alone("培育一批“数字领航”企业和智能工厂", "智能工厂")
    assert not _names_alone("支持东南临深片区做强新一代电子信息产业基地", "产业基地")
    assert not _names_alone("提升“一老一小”服务能力", "服务能力")
    assert not _names_alone("健全项目谋划和生成储备机制", "项目谋划")
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


def test_a_list_shares_the_head_noun_of_its_last_item():
    """专精特新、单项冠军等优质潜力企业 names 单项冠军企业 (the list's head noun 企业); not when the
    run is the last item itself, nor when the list ends with another head."""
    c = "精心服务专精特新、单项冠军等优质潜力企业"
    assert _list_head(c, "单项冠军", "单项冠军企业")
    assert not _list_head("精心服务专精特新、单项冠军等优质潜力平台", "单项冠军", "单项冠军企业")
    assert not _list_head("做强单项冠军企业", "单项冠军", "单项冠军企业")
    fig = _figureless("推动数字化转型", c)
    other = qty.metric_key("推动数字化转型" + c)
    assert _run_counterpart("单项冠军企业", set(), fig, other, "新增单项冠军企业20家") == (11, c)
