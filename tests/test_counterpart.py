"""A task target of one year whose object one figureless clause of the other year names: reported
as a figure stated in words there, citing both clauses (detect/tasks/counterpart.py, read by
one_year.py; synthetic text; session 10, issue 14)."""

from __future__ import annotations

from reportdiff import quantities as qty
from reportdiff.detect.tasks.counterpart import Clauses, _names, counterparts, quoted_in, sought_object
from reportdiff.model import FindingType as T

from test_tasks import _one_year_report


def _clauses(*texts: str) -> Clauses:
    return Clauses([(n, c, qty.metric_key(c)) for n, c in enumerate(texts, start=10)])


def test_a_clause_names_the_object_by_a_run_ending_it():
    """The run ends the object (its head noun) and covers half of it or more; words before the run
    in the clause are an action verb or nothing, not a modifier of another thing; nor is the run
    followed by the noun of an institution or site; and each year writes it once."""
    c = qty.metric_key("提升利用外资规模和质量")
    assert _names("实际利用外资", c, c, "实际利用外资", "提升利用外资规模和质量")
    c = qty.metric_key("促进外贸提质增效")
    assert not _names("果园提质增效", c, c, "果园提质增效", "促进外贸提质增效")
    c = qty.metric_key("力争国家科技领军企业实现零的突破")
    assert not _names("省科技领军企业", c, c, "省科技领军企业", "力争国家科技领军企业实现零的突破")
    c = qty.metric_key("新增一批技术创新中心")
    assert not _names("技术创新", c, c, "技术创新", "新增一批技术创新中心")
    c = qty.metric_key("巩固占道经营、背街小巷等治理成效")
    assert _names("治理背街小巷", c, c, "治理背街小巷", "巩固占道经营、背街小巷等治理成效")
    # written twice in the other year: a field of work, not the one task
    assert not _names("治理背街小巷", c, c + "背街小巷", "治理背街小巷", "巩固占道经营、背街小巷等治理成效")
    # a run not ending the object (空气质量 of 空气质量优良天数) names it not
    c = qty.metric_key("持续改善空气质量")
    assert not _names("空气质量优良天数", c, c, "空气质量优良天数", "持续改善空气质量")


def test_one_clause_only_is_a_counterpart_and_words_of_size_are_read_off():
    assert sought_object("电子信息产业规模") == "电子信息产业"
    assert sought_object("长春都市圈西环线等") == "长春都市圈西环线"
    one = _clauses("培育电子信息产业新优势", "推进城市更新")
    assert counterparts(["电子信息产业"], one, "培育电子信息产业新优势推进城市更新", "电子信息产业规模")[0][1] == "培育电子信息产业新优势"
    two = _clauses("培育电子信息产业新优势", "壮大电子信息产业集群")
    assert counterparts(["电子信息产业"], two, "", "电子信息产业规模") == [None]


def test_a_run_inside_a_longer_quoted_name_is_no_counterpart():
    assert quoted_in("办好“环城健身步道越野赛”等系列赛事", "环城健身步道")
    assert not quoted_in("深化“两江四岸”治理提升", "两江四岸治理提升")


_A = _one_year_report(
    2024,
    "全市地区生产总值增长5%，新建高标准农田3万亩。",
    "（一）扩大对外开放。实际利用外资增长20%，办好进出口商品交易会。\n"
    "（二）提升城市品质。治理背街小巷1100条，推进城市更新。\n"
    "（三）保障改善民生。新建口袋体育公园30个，办好民生实事。",
)
_B = _one_year_report(
    2025,
    "全市地区生产总值增长5.2%，新建高标准农田5万亩。",
    "（一）扩大对外开放。办好进出口商品交易会，拓展国际航线。\n"
    "（二）提升城市品质。推进城市更新，完善社区服务设施。\n"
    "（三）保障改善民生。建设智慧社区健身中心40个，办好民生实事。\n"
    "（四）深化改革创新。稳步推进要素市场化配置改革，提升利用外资规模和质量。\n"
    "（五）加强社会治理。巩固占道经营、违规停车、背街小巷等治理成效，建设平安城市。",
)


def test_a_figure_the_next_year_states_in_words_cites_both_clauses(tmp_path):
    """实际利用外资增长20% / 提升利用外资规模和质量 and 治理背街小巷1100条 / …背街小巷等治理成效 are
    quant_to_qual findings citing both clauses, not targets of one year only nor nothing; a target
    the other year names nowhere (口袋体育公园) stays a target of one year only."""
    from reportdiff.api import compare
    from reportdiff.export import finding_dict

    (tmp_path / "a.txt").write_text(_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_B, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    worded = {f.detail["old"]: f for f in cmp.findings if (f.detail or {}).get("change") == "quant_to_qual"}
    assert set(worded) >= {"20%", "1100条"}
    f = finding_dict(worded["20%"])
    assert "实际利用外资增长20%" in f["a_text"] and "提升利用外资规模和质量" in f["b_text"]
    assert worded["1100条"].detail["b_clause"] == "巩固占道经营、违规停车、背街小巷等治理成效"
    assert all(f.type == T.NUMBER_CHANGED for f in worded.values())
    removed = {f.detail["old"] for f in cmp.findings if f.type == T.TARGET_REMOVED and (f.detail or {}).get("level") == "task"}
    assert "30个" in removed and not removed & {"20%", "1100条"}


def test_a_situation_a_task_answers_and_firms_for_projects_have_no_counterpart():
    """今年高校毕业生超过1000万人，要…: the figure states the situation, not a target; a clause
    naming firms (屠宰加工企业) does not state a count of projects (屠宰加工项目) in words."""
    from reportdiff.detect.tasks.counterpart import situation
    from reportdiff.detect.tasks.objects import TaskTarget

    text = "今年高校毕业生超过1000万人，要加强就业创业指导。"
    q = qty.extract(text)[0]
    assert situation(TaskTarget(0, q, "高校毕业生", "今年高校毕业生超过1000万人"), text)
    text = "力争全年高校毕业生就业10万人，加强就业创业指导。"
    q = qty.extract(text)[0]
    assert not situation(TaskTarget(0, q, "高校毕业生就业", "力争全年高校毕业生就业10万人"), text)
    c = qty.metric_key("引进培育一批屠宰加工企业")
    assert not _names("屠宰加工", c, c, "屠宰加工", "引进培育一批屠宰加工企业")


def test_a_run_closing_a_list_of_examples_names_those_examples():
    c = qty.metric_key("推进民生路等特色街区改造")
    assert not _names("酒商融合特色街区", c, c, "酒商融合特色街区", "推进民生路等特色街区改造")
    c = qty.metric_key("打造一批特色街区")
    assert _names("酒商融合特色街区", c, c, "酒商融合特色街区", "打造一批特色街区")


def test_a_clause_writing_the_object_in_short_is_its_counterpart():
    """城镇社区养老幸福工程 written 城镇社区养老工程 (start and end, the words between left out) names the
    object when no clause writes a run ending it; a general start (重点项目), a short form written
    twice, or one opening a quoted programme name (科技领军企业“头雁”计划) names nothing."""
    from reportdiff.detect.tasks.counterpart import _abridged

    raw = "新建改造一批城镇社区养老工程、农村区域养老中心"
    c = qty.metric_key(raw)
    assert _abridged("城镇社区养老幸福工程", c, c, "城镇社区养老幸福工程", raw)
    assert not _abridged("城镇社区养老幸福工程", c, c + "城镇社区养老工程", "城镇社区养老幸福工程", raw)
    raw = "实施科技型中小企业“成长”、科技领军企业“头雁”三大计划"
    c = qty.metric_key(raw)
    assert not _abridged("科技领军培育企业", c, c, "科技领军培育企业", raw)
    raw = "接续推进城市更新项目"
    c = qty.metric_key(raw)
    assert _abridged("城市更新试点示范项目", c, c, "城市更新试点示范项目", raw)
    assert not _abridged("城市更新试点示范项目", c, c, "城市更新试点示范项目城市更新试点示范项目", raw)
    # counterparts reads the short form only where no clause names the core itself
    one = _clauses("接续推进城市更新项目", "完善社区服务设施")
    got = counterparts(["城市更新试点示范"], one, c + "完善社区服务设施", "城市更新试点示范项目", ["城市更新试点示范项目"])
    assert got[0][1] == "接续推进城市更新项目"
    assert counterparts(["城市更新试点示范"], one, c + "完善社区服务设施", "城市更新试点示范项目") == [None]


def test_a_run_written_twice_in_one_sentence_is_written_in_one_place():
    from reportdiff.detect.tasks.counterpart import _once

    assert _once("职业技能培训", "甲职业技能培训乙", "")
    s = "拓宽职业技能培训资金使用范围开展大规模多层次职业技能培训"
    assert _once("职业技能培训", "前文" + s + "后文", s)
    assert not _once("职业技能培训", "加强农民职业技能培训" + s, s)
    assert not _once("职业技能培训", "其他", s)
    # two clauses of one sentence naming the object: the first is cited
    rows = [(3, "拓宽职业技能培训资金使用范围", qty.metric_key("拓宽职业技能培训资金使用范围")), (3, "开展大规模、多层次职业技能培训", qty.metric_key("开展大规模、多层次职业技能培训"))]
    got = counterparts(["职业技能培训"], Clauses(rows, {3: s}), s, "职业技能培训", None, ["职业技能培训"])
    assert got[0][1] == "拓宽职业技能培训资金使用范围"
    assert counterparts(["职业技能培训"], Clauses(rows), s, "职业技能培训") == [None]


def test_a_quoted_name_the_object_opens_with_is_its_counterpart(tmp_path):
    """“陆上风光三峡”新开工风光发电装机719万千瓦 / 全面推进“陆上风光三峡”项目建设: a programme's quoted
    name, written once in the other year, names the object it opens however long the rest is."""
    rows = [(4, "全面推进“陆上风光三峡”项目建设", qty.metric_key("全面推进“陆上风光三峡”项目建设")), (5, "加快建设新型电力系统", qty.metric_key("加快建设新型电力系统"))]
    other = "".join(k for _, _, k in rows)
    core = "陆上风光三峡新开工风光发电装机"
    assert counterparts([core], Clauses(rows), other, core) == [None]
    got = counterparts([core], Clauses(rows), other, core, None, None, ["陆上风光三峡"])
    assert got[0][1] == "全面推进“陆上风光三峡”项目建设"
    # written twice in the other year: not one programme's place
    assert counterparts([core], Clauses(rows), other + "陆上风光三峡", core, None, None, ["陆上风光三峡"]) == [None]
    # the clause heads a figure of its sentence (做大做优“洪城科贷通”，争取全年放贷8.6亿元): no words only
    rows = [(4, "做大做优“洪城科贷通”", qty.metric_key("做大做优“洪城科贷通”"))]
    sent = qty.metric_key("做大做优“洪城科贷通”，争取全年放贷8.6亿元")
    core = "洪城科贷通放款金额"
    assert counterparts([core], Clauses(rows, {4: sent}), sent, core, None, None, ["洪城科贷通"]) == [None]
    assert counterparts([core], Clauses(rows, {4: rows[0][2]}), sent, core, None, None, ["洪城科贷通"])[0] is not None


def test_a_clause_developing_a_field_states_no_figure_of_its_amount(tmp_path):
    """绿色能源产值达320亿元 / 大力发展绿色能源 (aligned sentences): the keys' readers call such a figure
    a target of one year only (昆明市, 江西省 tuning keys: 林下经济总产值 / …林下经济…等特色生态产业), so
    no quant_to_qual finding cites the clause developing the field (session 11: a counterpart read
    from aligned sentences was measured and reverted, README "Year over year")."""
    from reportdiff.api import compare

    a = _one_year_report(2024, "全市地区生产总值增长5%。", "（一）壮大实体经济。绿色能源产值达320亿元，推进储能电站建设，培育新型储能企业。\n（二）保障改善民生。新建口袋体育公园30个，办好民生实事。")
    b = _one_year_report(2025, "全市地区生产总值增长5.2%。", "（一）壮大实体经济。大力发展绿色能源，推进储能电站建设，培育新型储能企业。\n（二）保障改善民生。办好民生实事，完善社区服务设施。")
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    assert not [f for f in cmp.findings if (f.detail or {}).get("change") == "quant_to_qual" and f.detail.get("old") == "320亿元"]
