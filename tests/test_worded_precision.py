"""Figures stated in words the other year (detect/tasks/worded.py): clauses that are no statement
in words of the figure's task (synthetic text; session 8, issue 14)."""

from __future__ import annotations

from reportdiff import quantities as qty
from reportdiff.model import FindingType as T

from test_tasks import _one_year_report

_A = _one_year_report(
    2024,
    "全市地区生产总值增长5%，新建高标准农田3万亩。",
    "（一）繁荣农村市场。新建县级物流配送中心30个，完善农村流通体系。\n"
    "（二）推进绿色转型。加快钢铁、建材等9个重点行业节能降碳改造，推动产业绿色发展。\n"
    "（三）建设科创平台。加快8个重大科技基础设施建设，提升源头创新能力。\n"
    "（四）完善住房保障。建设配售型保障性住房3600套，健全住房保障制度。\n"
    "（五）办好民生实事。用心办好省20项民生工程和市10件民生实事。\n"
    "（六）发展数字经济。推动工业互联网平台建设，打造典型应用场景100个。",
)
_B = _one_year_report(
    2025,
    "全市地区生产总值增长5.2%，新建高标准农田5万亩。",
    "（一）繁荣农村市场。建设一批县级物流配送中心，完善农村流通体系。\n"
    "（二）推进绿色转型。实施节能降碳改造、绿色技术推广等10大绿色转型工程，推动产业绿色发展。\n"
    "（三）建设科创平台。争取一批重大科技基础设施纳入国家规划，提升源头创新能力。\n"
    "（四）完善住房保障。实施保障性住房项目9600套以上，建立以配售型保障性住房为主的住房保障体系。\n"
    "（五）办好民生实事。滚动实施民生工程和惠民实事。\n"
    "（六）发展低空经济。拓展低空物流航线，培育更多典型应用场景。",
)


def test_clauses_that_state_no_task_in_words(tmp_path):
    """A clause counting N大 items of its own, a clause seeking inclusion in a plan, a sentence whose
    figure counts the object's wider kind, and a general term shared (应用场景) give no
    quant_to_qual finding; a figure after another count in its item (市10件 after 省20项) gives none
    either, and is no target of one year only, its clause having a counterpart in words; the
    plain case (物流配送中心 30个 / 一批) is still found."""
    from reportdiff.api import compare

    (tmp_path / "a.txt").write_text(_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_B, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    worded = {f.detail["old"]: f.detail["new"] for f in cmp.findings if (f.detail or {}).get("change") == "quant_to_qual"}
    assert worded.get("30个") == "建设一批县级物流配送中心"
    assert not set(worded) & {"9个", "8个", "3600套", "10件", "100个"}, worded
    removed = {f.detail["old"] for f in cmp.findings if f.type == T.TARGET_REMOVED and (f.detail or {}).get("level") == "task"}
    assert "10件" not in removed
    assert not any((f.detail or {}).get("silent") for f in cmp.findings)


def test_helpers_of_clauses_that_state_no_task_in_words():
    from reportdiff.detect.tasks.worded import _COUNT, _after_figure, _sought

    assert _COUNT.search("实施节能降碳改造、绿色技术推广等10大绿色转型工程")
    assert not _COUNT.search("推进5G基站建设") and not _COUNT.search("力争大于3")
    s = "用心办好省20项民生工程和市10件民生实事"
    q = [x for x in qty.extract(s) if x.text.startswith("10")][0]
    assert _after_figure(q, s, "民生工程和市民生实事")
    s = "建强2个国家级和22个省级区域医疗中心"
    q = [x for x in qty.extract(s) if x.text.startswith("22")][0]
    assert not _after_figure(q, s, "省级区域医疗中心") and not _after_figure(q, s, "国家级和省级区域医疗中心")
    s = "新增高标准农田建设9.55万亩、改造提升3.9万亩"
    assert not any(_after_figure(x, s, "高标准农田") for x in qty.extract(s))
    assert _sought("争取农业微生物等重大科技基础设施纳入国家“十五五”规划")
    assert not _sought("争取更多项目落地") and not _sought("纳入统计")


def test_a_figure_of_the_wider_kind_in_the_worded_sentence():
    """配售型保障性住房3600套 against a sentence counting 保障性住房项目9600套: the other year states the
    thing with a figure (its wider kind), so its clause naming 配售型保障性住房 is no statement in words;
    a figure of another thing there (保障性租赁住房) does not count it."""
    from reportdiff.detect.tasks.objects import TaskTarget
    from reportdiff.detect.tasks.worded import _counted_there

    s = "实施保障性住房项目9600套以上"
    wider = TaskTarget(unit=0, quantity=qty.extract(s)[0], key="保障性住房项目", clause=s)
    s = "保障性租赁住房10万套"
    other = TaskTarget(unit=0, quantity=qty.extract(s)[0], key="保障性租赁住房", clause=s)
    assert _counted_there("配售型保障性住房", [wider])
    assert not _counted_there("配售型保障性住房", [other])


def test_a_direction_of_change_ending_the_object_is_read_off():
    """推进8个现代服务业高端化、国际化发展 counts 现代服务业: 高端化 is read off before a clause of the
    other year is sought (推动生产性服务业高端化发展 shares only 服务业 then); names of works keep theirs."""
    from reportdiff.detect.tasks.worded import _aim_off

    assert _aim_off("现代服务业高端化") == "现代服务业"
    assert _aim_off("城市绿化") == "城市绿化" and _aim_off("农业现代化") == "农业现代化"
    assert _aim_off("园区数字化") == "园区数字化"  # too short once read off


def test_a_worded_clause_with_a_closer_counterpart_in_the_target_sentence():
    """开展标志性产业链高质量发展行动 against 实施产业链高质量发展行动，整合建立18条标志性产业链: the
    action goes on in words beside the figure, so the figure is no statement of it; a clause of the
    target's sentence sharing a shorter part of the worded clause (落实永久基本农田保护制度) is no
    closer counterpart."""
    from reportdiff.detect.tasks.worded import _worded_at_home
    from reportdiff.model import Region

    class U:
        def __init__(self, text):
            self.text, self.region = text, Region.COMMITMENTS

    home = U("实施产业链高质量发展行动，突出高端化、智能化、绿色化，整合建立18条标志性产业链。")
    assert _worded_at_home("整合建立标志性产业链", "开展标志性产业链高质量发展行动", home)
    home = U("落实永久基本农田保护制度，新建高标准农田36万亩。")
    assert not _worded_at_home("高标准农田", "逐步把永久基本农田全部建成高标准农田", home)
    # the other clause's run lies apart from the object's; the worded clause is mostly the object
    home = U("持续打造3个热点门户城市，依托历史文化名城名镇名村，建设旅游名城名县名镇。")
    assert not _worded_at_home("热点门户城市", "建设热点门户城市和旅游名城名县名镇", home)
    home = U("不断扩大对非贸易规模，力争对非贸易增长30%以上。")
    assert not _worded_at_home("对非贸易", "稳步扩大对非贸易", home)
