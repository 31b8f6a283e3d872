"""Task targets and headline targets of two years: rules of session 8 (issue 14), on small
synthetic text."""

from __future__ import annotations

from reportdiff import quantities as qty
from reportdiff.detect.tasks.objects import object_key
from reportdiff.model import FindingType as T


def _key(text: str, k: int = 0) -> str | None:
    qs = qty.extract(text)
    prev = qs[k - 1].start + len(qs[k - 1].text) if k else 0
    return object_key(qs[k], text, prev)


def _report(year: int, goals: str, tasks: str, five_year: str = "") -> str:
    years = f"\n二、今后五年目标任务\n\n{five_year}\n" if five_year else ""
    return f"""政府工作报告

——{year}年1月10日在某市第十六届人民代表大会第三次会议上

各位代表：

现在，我代表市人民政府向大会报告工作，请予审议。

一、{year - 1}年政府工作回顾

过去一年，地区生产总值增长5%。
{years}
三、{year}年政府工作总体思路和目标要求

今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业5万人以上{goals}。

四、重点任务

{tasks}
"""


def _compare(tmp_path, a: str, b: str):
    from reportdiff.api import compare

    pa, pb = tmp_path / "a.txt", tmp_path / "b.txt"
    pa.write_text(a, encoding="utf-8")
    pb.write_text(b, encoding="utf-8")
    return compare(pa, pb).findings


def test_the_last_qualifier_of_a_respective_list_is_every_value_s():
    from reportdiff.structure.targets import targets_in

    s = "居民消费价格涨幅、城镇调查失业率分别控制在3%和5%以内"
    assert [(t.value, t.qualifier) for t in targets_in(s, "s", (0, len(s)))] == [(3.0, "以内"), (5.0, "以内")]
    s = "登记失业率、调查失业率控制在4.5%以内和5.5%左右"  # own qualifiers: not shared
    assert [t.qualifier for t in targets_in(s, "s", (0, len(s)))] == ["以内", "左右"]


def test_units_of_containers_and_trains_are_read():
    assert [q.written for q in qty.extract("集装箱吞吐量突破2400万标准箱")] == [(2400.0, "万标准箱")]
    assert qty.extract("集装箱吞吐量1200万标箱")[0].unit == qty.extract("集装箱吞吐量突破2400万标准箱")[0].unit
    assert _key("国际班列开行数量达到500列以上") == "国际班列开行数量"


def test_a_general_ending_after_examples_keeps_the_examples():
    assert _key("推进金山大道改造、前横路改造等79个项目建设") == "金山大道改造前横路改造等项目建设"  # 项目 is a noun, not 项
    assert _key("开工长深高速改扩建等2个项目") == "长深高速改扩建等项目"
    assert _key("推进雄商、济滨等7个高铁项目") == "高铁项目"
    assert _key("实施好102个重点项目") == "重点项目"


def test_foreign_trade_totals_are_one_metric():
    assert qty.metric_key("全年外贸总额增长") == qty.metric_key("力争进出口总额增长")


def test_a_qualifier_opening_the_figure_s_clause_is_read(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "扩大对外开放，全年外贸总额增长10%以上。"),
        _report(2025, "", "落实对外开放措施，力争进出口总额增长10%以上。"),
    )
    got = [f for f in fs if f.type == T.NUMBER_CHANGED]
    assert [(f.detail["old"], f.detail["new"]) for f in got] == [("10%以上", "力争10%以上")]


def test_one_figure_for_each_of_several_objects_pairs_with_each(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "做优特色产品，力争旅游接待人次和收入分别增长30%和25%以上。"),
        _report(2025, "", "做优特色产品，旅游接待人次和收入均增长13%以上。"),
    )
    got = sorted(f.detail["old"] for f in fs if f.type == T.NUMBER_CHANGED)
    assert len(got) == 2 and any("25%" in g for g in got) and any("30%" in g for g in got)


def _old_new(fs) -> list[tuple[str, str]]:
    """The old and new figures of each number_changed finding of ``fs``."""
    return [(f.detail["old"], f.detail["new"]) for f in fs if f.type == T.NUMBER_CHANGED]


def test_the_share_of_things_a_threshold_defines_is_their_object(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "发展壮大农村集体经济，年内集体经济收入10万元以上的村达到50%以上。"),
        _report(2025, "", "着力壮大农村集体经济，集体经济年收入10万元以上村达到90%以上。"),
    )
    got = _old_new(fs)
    assert got == [("50%以上", "90%以上")]


def test_figures_of_the_five_year_goals_are_no_year_s_targets(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "稳定粮食生产，建设高标准农田20万亩。", five_year="实现粮食产量突破110万吨，建成和美乡村1000个。"),
        _report(2025, "", "建设高标准农田20万亩，确保粮食产量保持100万吨以上。"),
    )
    assert not [f for f in fs if f.type == T.NUMBER_CHANGED and "110万吨" in f.a_text]


def test_a_target_moved_with_its_value_is_unchanged_and_a_redefined_one_is_not(tmp_path):
    same = _compare(
        tmp_path,
        _report(2024, "", "扩大有效投资，全年固定资产投资增长13%左右。"),
        _report(2025, "，固定资产投资增长13%左右", "扩大有效投资，推进重点项目建设。"),
    )
    assert not [f for f in same if f.type == T.TARGET_CHANGED and "固定资产投资" in f.b_text]
    assert not [f for f in same if f.type in (T.TARGET_ADDED, T.NUMBER_CHANGED) and "固定资产投资" in f.b_text]
    other = _compare(
        tmp_path,
        _report(2024, "，粮食综合生产能力稳定在1100亿斤以上", "抓好粮食生产，推进高标准农田建设。"),
        _report(2025, "", "抓好粮食生产，粮食总产稳定在1100亿斤以上。"),
    )
    moved = [f for f in other if f.type == T.TARGET_CHANGED and "粮食" in f.a_text]
    assert moved and "metric" in moved[0].detail["change"]


def test_a_general_ending_alone_pairs_only_in_linked_sentences():
    from reportdiff.detect.tasks.objects import TaskTarget, generic
    from reportdiff.detect.tasks.pairing import pair_task_targets

    assert generic("项目") and generic("项目建设") and not generic("晶圆项目")

    def t(unit: int, text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(unit, q, _key(text) or "", text)

    a, b = [t(0, "加快推动安意法、芯联等6个晶圆项目")], [t(0, "滚动推进163个重点项目")]
    assert not pair_task_targets(a, b, [])


def test_a_rate_and_its_change_in_points_are_two_measures():
    from reportdiff.detect.tasks.objects import _comparable

    x, y = qty.extract("生活污水治理率达55%")[0], qty.extract("生活污水治理率提高3个百分点")[0]
    assert not _comparable(x, y)
    assert _comparable(x, qty.extract("生活污水治理率达60%")[0])


def test_a_task_s_aim_word_counts_when_its_target_moves_to_the_headline(tmp_path):
    # 力争 opens the task's sentence, not the figure: dropped when the target moves to the
    # next year's list of targets with the same figure, a change of qualifier
    fs = _compare(
        tmp_path,
        _report(2024, "", "促进消费回暖，力争社会消费品零售总额增长8%左右。"),
        _report(2025, "，社会消费品零售总额增长8%左右", "促进消费回暖，推进商圈建设。"),
    )
    moved = [f for f in fs if f.type == T.TARGET_CHANGED and "社会消费品零售总额" in f.b_text]
    assert moved and "qualifier" in moved[0].detail["change"] and "value" not in moved[0].detail["change"]
    assert moved[0].detail["old"].startswith("力争")
    # the same aim word on both sides is no change
    same = _compare(
        tmp_path,
        _report(2024, "", "促进消费回暖，力争社会消费品零售总额增长8%左右。"),
        _report(2025, "，力争社会消费品零售总额增长8%左右", "促进消费回暖，推进商圈建设。"),
    )
    assert not [f for f in same if f.type == T.TARGET_CHANGED and "社会消费品零售总额" in f.b_text]


def test_a_ranked_general_ending_pairs_only_in_linked_sentences():
    from reportdiff.detect.tasks.objects import TaskTarget
    from reportdiff.detect.tasks.pairing import _names_nothing, pair_task_targets

    assert _names_nothing("重点项目建设") and _names_nothing("重大工程") and _names_nothing("项目")
    assert not _names_nothing("高铁项目") and not _names_nothing("重点事项") and not _names_nothing("示范片区")

    def t(unit: int, text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(unit, q, _key(text) or "", text)

    a, b = [t(0, "实施好102个重点项目")], [t(0, "抓好登记、报销等100个重点事项")]
    assert not pair_task_targets(a, b, [])
    from reportdiff.align import Edge

    # linked by the alignment, the two sentences may still pair them
    assert pair_task_targets([t(0, "实施好102个重点项目")], [t(0, "实施好110个重点项目")], [Edge(0, 0, 1.0)])


def test_an_object_that_only_qualifies_the_other_s_head_noun_pairs_only_in_linked_sentences():
    from reportdiff.align import Edge
    from reportdiff.detect.tasks.objects import TaskTarget
    from reportdiff.detect.tasks.pairing import _qualifies_head, pair_task_targets

    assert _qualifies_head("四星级村", "星级村卫生所")
    # a general ending, an action or a level after it is no other head noun
    assert not _qualifies_head("城中村", "城中村改造项目") and not _qualifies_head("高中", "高中建设")
    assert not _qualifies_head("国家级省级", "做强国家级省级高新区")
    assert not _qualifies_head("脱贫劳动力转移就业", "脱贫劳动力转移就业规模")

    def t(unit: int, text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(unit, q, _key(text) or "", text)

    a, b = [t(0, "四星级村50个")], [t(0, "星级村卫生所300家")]
    assert not pair_task_targets(a, b, [])
    assert pair_task_targets(a, b, [Edge(0, 0, 1.0)])


def test_a_quoted_name_the_other_year_drops_pairs_with_a_general_object_of_a_linked_sentence():
    from reportdiff.align import Edge
    from reportdiff.detect.tasks.objects import TaskTarget
    from reportdiff.detect.tasks.pairing import pair_task_targets

    def t(unit: int, text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(unit, q, _key(text) or "", text)

    a = [t(0, "实施风电检测基地等“蓝色港城”重点项目100个以上")]
    b = [t(0, "实施风电运维母船等重点项目150个以上")]
    assert pair_task_targets(a, b, [Edge(0, 0, 1.0)])
    # the alignment linking nothing, the name tells them apart
    assert not pair_task_targets(a, b, [])


def test_a_figure_that_moved_is_not_also_redefined_by_another_figure():
    """A task target that became a headline target (力争社零增长10%左右 → 社零增长10%左右) is reported
    by the move; a pairing of the same task clause with another figure of the next year (社零突破千亿元,
    a metric redefined) reports it twice and is left out; other findings stay (synthetic findings)."""
    from reportdiff.detect.tasks import without_moved_twice
    from reportdiff.model import Finding, FindingType, Severity

    def finding(ftype, a, b, **detail):
        return Finding(ftype, Severity.MEDIUM, ("a1",), ("b1",), a, b, "", "", detail)

    task = "力争社会消费品零售总额增长10%左右"
    moved = finding(FindingType.TARGET_CHANGED, task, "社会消费品零售总额增长10%左右", change="moved_to_headline+qualifier")
    again = finding(FindingType.NUMBER_CHANGED, task, "社会消费品零售总额突破千亿元", a_clause=task, b_clause="社会消费品零售总额突破千亿元", redefined=True)
    other = finding(FindingType.NUMBER_CHANGED, "技改投资增长10%", "技改投资突破200亿元", a_clause="技改投资增长10%", b_clause="技改投资突破200亿元", redefined=True)
    assert without_moved_twice([moved, again, other]) == [moved, other]


def test_the_sole_targets_left_of_linked_sentences_sharing_a_head_noun_pair(tmp_path):
    # session 10: one task each year in sentences the alignment links, its object named another way
    fs = _compare(
        tmp_path,
        _report(2024, "", "深入推进乡村建设行动，创建美丽乡村示范村1000个以上，改善农村人居环境。"),
        _report(2025, "", "深入推进乡村建设行动，创建“千村示范村”1000个，持续改善农村人居环境。"),
    )
    got = _old_new(fs)
    assert got == [("1000个以上", "1000个")]


def test_sole_leftovers_sharing_only_a_general_ending_do_not_pair(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "深入推进乡村建设行动，新建农村供水项目30个，改善农村人居环境。"),
        _report(2025, "", "深入推进乡村建设行动，培育电商直播基地项目20个，持续改善农村人居环境。"),
    )
    assert not [f for f in fs if f.type == T.NUMBER_CHANGED]


def test_verbs_of_renewal_are_read_off_the_object(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "实施城市更新行动，实施500个老旧小区综合整治。"),
        _report(2025, "", "持续推进城市更新，改造完工老旧小区300个以上。"),
    )
    got = _old_new(fs)
    assert got == [("500个", "300个以上")]


def test_lifts_counted_in_bu_and_tai_compare(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "推进老楼加装电梯完工600部。"),
        _report(2025, "", "实施老楼加装电梯800台以上。"),
    )
    got = _old_new(fs)
    assert got == [("600部", "800台以上")]


def test_a_bound_count_before_a_noun_is_no_threshold_of_the_next_list_item(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "深化医改，新建5个紧密型城市医疗集团。"),
        _report(2025, "", "深化医改，新建5个以上紧密型城市医疗集团、区级覆盖率达80%以上。"),
    )
    got = _old_new(fs)
    assert got == [("5个", "5个以上")]


def test_pitches_of_two_sports_are_two_things(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "完善全民健身设施，新建惠民篮球场100块。"),
        _report(2025, "", "完善全民健身设施，新建惠民门球场20块。"),
    )
    assert not [f for f in fs if f.type == T.NUMBER_CHANGED]


def test_zhongshui_is_reclaimed_water(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "加强节水型城市建设，推动再生水回用率达到25%以上。"),
        _report(2025, "", "加强节水型城市建设，力争年内中水利用率提升至34%。"),
    )
    got = _old_new(fs)
    assert got == [("25%以上", "力争34%")]


def test_a_headline_target_moved_with_its_words_reordered_is_unchanged(tmp_path):
    # 新增城镇就业 among the targets, 城镇新增就业 among the next year's tasks: the same measure
    fs = _compare(
        tmp_path,
        _report(2024, "，新增城镇就业23万人", "稳定扩大就业，推进创业带动就业。"),
        _report(2025, "", "稳定扩大就业，实现城镇新增就业23万人。"),
    )
    assert not [f for f in fs if f.type == T.TARGET_CHANGED and "就业" in f.a_text]
    from reportdiff.detect.targets import _reordered

    assert _reordered("新增城镇就业", "城镇新增就业[1]") and not _reordered("城镇就业", "城镇新增就业")
    # a time word opening the task's metric (全年新增城镇就业, dev pair 济南市 2024/2025; session 11)
    assert _reordered("城镇新增就业", "全年新增城镇就业")


def test_zhengqu_before_a_figure_is_the_same_aim_as_lizheng(tmp_path):
    # 争取2个县… one year, 力争2个县… the next: both "strive to", no change of qualifier
    fs = _compare(
        tmp_path,
        _report(2024, "", "加快推进义务教育优质均衡，争取2个县通过省义务教育优质均衡评估。"),
        _report(2025, "", "推动教育改革实验区建设，力争2个县通过省义务教育优质均衡县评估。"),
    )
    assert not [f for f in fs if f.type == T.NUMBER_CHANGED and "县" in f.a_text]
    # 确保 is a firmer aim than 争取: still a change
    firm = _compare(
        tmp_path,
        _report(2024, "", "加快推进义务教育优质均衡，争取2个县通过省义务教育优质均衡评估。"),
        _report(2025, "", "推动教育改革实验区建设，确保2个县通过省义务教育优质均衡县评估。"),
    )
    got = [f for f in firm if f.type == T.NUMBER_CHANGED and "县" in f.a_text]
    assert got and got[0].detail["change"] == "qualifier"


def test_a_power_word_with_people_before_a_noun_is_a_per_capita_denominator():
    qs = qty.extract("千人床位数、执业医师数分别达8张、3.66个")
    assert [q.text for q in qs] == ["8张", "3.66个"]
    assert _key("千人床位数、执业医师数分别达8张、3.66个") == "千人床位数"
    assert [q.text for q in qty.extract("每万人口高价值发明专利拥有量达到15件")] == ["15件"]
    assert [q.value for q in qty.extract("带动就业万人。")] == [10000.0]  # a count of people closing its clause
    # 名 and 户 are a denominator only after 每 (每千名老年人); without it they count (引进千名博士)
    assert [q.text for q in qty.extract("每千名老年人拥有养老床位40张")] == ["40张"]
    assert [q.text for q in qty.extract("每百户居民拥有汽车40辆")] == ["40辆"]
    assert [q.value for q in qty.extract("引进千名博士")] == [1000.0]


def test_the_reach_of_an_area_and_zero_in_characters_are_no_task_figures():
    assert _key("实施退水渠3公里范围内农村生活污水综合治理") is None  # where the task is done
    assert _key("新建改造农村公路500公里") == "农村公路"
    assert not qty.extract("推进空气弹簧、驱动电机等零部件配套项目建设")  # 零部件 is no 0 部


def test_an_exchange_is_not_the_turnover_the_other_year_counts(tmp_path):
    # 数据交易所 (an institution) is not 数据交易额 in words; 推动数据交易 is
    a_exchange = _report(2024, "", "深化数据要素市场化配置改革，积极争创国家级数据交易所。")
    a_trade = _report(2024, "", "深化数据要素市场化配置改革，积极推动数据交易。")
    b = _report(2025, "", "培育数据标注、数据交易等数据业态，数据交易额达100亿元以上。")
    assert not [f for f in _compare(tmp_path, a_exchange, b) if f.type == T.NUMBER_CHANGED]
    worded = [f for f in _compare(tmp_path, a_trade, b) if f.type == T.NUMBER_CHANGED]
    assert worded and worded[0].detail["change"] == "qual_to_quant"


def test_per_thousand_people_and_per_thousand_population_are_one_denominator():
    from reportdiff.detect.tasks.worded import _syn

    assert _syn("每千人口托位数") == _syn("每千人托位数") and _syn("每万人口发明专利") == _syn("每万人发明专利")


def _task(text: str, unit: int = 0):
    from reportdiff.detect.tasks.objects import TaskTarget

    q = qty.extract(text)[0]
    return TaskTarget(unit, q, object_key(q, text) or "", text)


def test_two_sentences_linked_to_nothing_between_the_same_links_pair_on_a_head_noun():
    from reportdiff.align import Edge
    from reportdiff.detect.tasks.pairing import pair_task_targets

    a, b = [_task("新创建省级示范片区70个左右", 1)], [_task("新增省级乡村振兴片区75个", 2)]
    # A 0 -> B 0 and A 2 -> B 3: A 1 and B 2 stand where one another stood
    assert pair_task_targets(a, b, [Edge(0, 0, 0.5), Edge(2, 3, 0.5)])
    # a link on one side only, or links spanning more than MAX_GAP sentences, say nothing of where
    assert not pair_task_targets(a, b, [Edge(0, 0, 0.5)])
    assert not pair_task_targets(a, b, [Edge(0, 0, 0.5), Edge(2, 40, 0.5)])
    # a sentence linked to another one is not free
    assert not pair_task_targets(a, b, [Edge(0, 0, 0.5), Edge(1, 1, 0.5), Edge(2, 3, 0.5)])


def test_linked_sentences_pair_targets_of_one_programme_or_of_words_the_other_clause_writes():
    from reportdiff.align import Edge
    from reportdiff.detect.tasks.pairing import pair_task_targets

    linked = [Edge(0, 0, 0.5)]

    def paired(x: str, y: str) -> bool:
        return bool(pair_task_targets([_task(x)], [_task(y)], linked))

    # the same quoted programme name (its year left out), another task of it
    assert paired("开展“揭榜挂帅2035”关键核心技术攻关200项以上", "迭代实施“揭榜挂帅2035”重点研发计划100项以上")
    assert not paired("开展“揭榜挂帅”关键核心技术攻关200项以上", "迭代实施“赛马争先”重点研发计划100项以上")
    # the networks one clause names in full, the other as kinds (管网 the head noun of both)
    assert paired("完成燃气、供排水等地下管网新建改造3500公里", "建设改造燃气和供排水管网5200公里")
    # a head noun shared, the words of neither written in the other clause: two kinds of institution
    assert not paired("新增两证齐全医养结合机构30家", "培育社区嵌入式养老服务机构200家")
    # ... and nothing without the link
    assert not pair_task_targets([_task("完成燃气、供排水等地下管网新建改造3500公里")], [_task("建设改造燃气和供排水管网5200公里")], [])


def test_task_targets_naming_one_known_indicator_pair_wherever_they_stand():
    from reportdiff.detect.tasks.pairing import pair_task_targets

    a, b = [_task("力争R&D经费支出占GDP比重突破2%")], [_task("力争全社会研发投入强度达2.09%左右", 7)]
    assert pair_task_targets(a, b, [])
    # a part of the indicator (城市更新 before its name) is not the indicator; 全社会 is its whole
    from reportdiff.detect.tasks.pairing import _indicator

    assert _indicator(_task("全年完成城市更新固定资产投资1800亿元以上")) == ""
    assert _indicator(_task("完成全社会固定资产投资1万亿元")) == _indicator(_task("固定资产投资增长6%")) != ""
    # a clause naming a year sets a target of that horizon, not of the report's year
    assert not pair_task_targets([_task("确保粮食产量达到297.1亿斤")], [_task("粮食综合生产能力2030年达到305亿斤", 7)], [])
    # the indicator stated twice one year: the figure written alike is the one meant, no other
    assert [(x.clause, y.clause) for x, y, _ in pair_task_targets(a + [_task("研发投入强度达到2.5%", 3)], b, [])] == [("研发投入强度达到2.5%", b[0].clause)]


def test_a_verb_of_reaching_is_no_qualifier(tmp_path):
    # 达到 bounds nothing: the same figure with and without it is unchanged; 突破 is a change
    a = _report(2024, "", "深化招商引资，新签约亿元以上项目100个，合同引资额达到500亿元。")
    same = _report(2025, "", "深化招商引资，新签约亿元以上项目100个，合同引资额500亿元。")
    more = _report(2025, "", "深化招商引资，新签约亿元以上项目100个，合同引资额突破500亿元。")
    assert _old_new(_compare(tmp_path, a, same)) == []
    assert _old_new(_compare(tmp_path, a, more)) == [("达到500亿元", "突破500亿元")]


def test_a_figure_sizing_an_example_before_a_count_is_no_task_target(tmp_path):
    # 40万吨 is the class of one example project; the count after 等 is the target
    fs = _compare(
        tmp_path,
        _report(2024, "", "推进港区40万吨矿石码头、原油储备库等17个港口项目加快建设。"),
        _report(2025, "", "加快港区30万吨级矿石码头等6个港口项目建设。"),
    )
    assert _old_new(fs) == [("17个", "6个")]


def test_a_count_closing_one_list_of_examples_is_still_a_target():
    from reportdiff.detect.tasks.objects import _in_examples

    text = "建设甲等3个项目、乙等5个项目。"
    assert [_in_examples(q, text) for q in qty.extract(text)] == [False, False]


def test_a_figure_its_sentence_states_elsewhere_is_not_stated_in_words(tmp_path):
    # the figureless clause's sentence states 400亿元 in its next clause: no figure ↔ words finding
    fs = _compare(
        tmp_path,
        _report(2024, "", "加大财政资金和政府专项债券等投入，三年内每年统筹400亿元支持工业发展。"),
        _report(2025, "", "继续统筹财政资金和政府专项债券400亿元，推进工业项目300个。"),
    )
    assert not [f for f in fs if f.type == T.NUMBER_CHANGED and (f.detail or {}).get("change") == "qual_to_quant"]


def test_the_grade_of_a_work_is_no_task_target_unless_reached():
    from reportdiff.detect.tasks.objects import _grade

    text = "推进来宾至桂平2000吨级航道建设，培育3个千亿级产业集群，建设10万千瓦级储能电站2座。"
    assert [(q.text, _grade(q, text)) for q in qty.extract(text)] == [("2000吨", True), ("3个", False), ("千亿级", False), ("10万千瓦", True), ("2座", False)]
    reached = "实现15万吨级集装箱船通航，西江航道全线达到3000吨级。"  # the grade reached is the target
    assert [_grade(q, reached) for q in qty.extract(reached)] == [False, False]


def test_a_grade_one_year_lists_among_examples_is_no_target_of_one_year(tmp_path):
    fs = _compare(
        tmp_path,
        _report(2024, "", "加快推动甲至乙3000吨级航道工程开工。"),
        _report(2025, "", "推进甲至乙3000吨级航道等配套工程。"),
    )
    assert not [f for f in fs if f.type in (T.NUMBER_CHANGED, T.TARGET_ADDED, T.TARGET_REMOVED)]


def test_a_year_amount_against_a_plan_period_total_says_so(tmp_path):
    # the later year states the plan period's total of the same task: a change of scope, said as one
    fs = _compare(
        tmp_path,
        _report(2024, "", "整治集中连片耕地8万亩以上，新建高标准农田5万亩。"),
        _report(2025, "", "新建高标准农田6万亩，完成“十四五”期间31万亩集中连片整治任务。"),
    )
    period = [f for f in fs if f.type == T.NUMBER_CHANGED and (f.detail or {}).get("period_total")]
    assert period and all(f.message.startswith("目标口径调整（年度 → 规划期累计）") for f in period)
    assert all(f.detail["period_total"] == "b" for f in period)
    from reportdiff.messages import english

    assert all(english(f.message).startswith("Target redefined (a year's amount → the plan period's total)") for f in period)
    plain = [f for f in fs if f.type == T.NUMBER_CHANGED and "高标准农田" in f.message]
    assert plain and all(not (f.detail or {}).get("period_total") and f.message.startswith("目标调整：") for f in plain)
