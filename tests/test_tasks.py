"""Task-level targets of two years' reports (detect/tasks/) and clause-level novelty."""

from __future__ import annotations

from reportdiff import quantities as qty
from reportdiff.detect.tasks.objects import TaskTarget, object_key
from reportdiff.detect.tasks.pairing import pair_task_targets
from reportdiff.model import FindingType as T
from reportdiff.model import Region


def _key(text: str, k: int = 0) -> str | None:
    qs = qty.extract(text)
    prev = qs[k - 1].start + len(qs[k - 1].text) if k else 0
    return object_key(qs[k], text, prev)


def test_object_is_what_the_number_counts():
    assert _key("改造提升1万个村卫生室") == _key("新改造提升村卫生室2万个") == "村卫生室"
    assert _key("推进雄商、济滨等7个高铁项目") == "高铁项目"  # the examples before 等 are not the object
    assert _key("建成38个中小学幼儿园项目、新增4.1万个学位", 1) == "学位"  # not the previous figure's object
    assert _key("重点抓好以下十个方面的工作") is None  # the report's own parts
    assert _key("规模以上工业总产值年均增长8%左右") is None  # a target over several years
    assert _key("支持10个国家级和10个省级县城城镇化试点") is None  # shares the next count's object


def test_pairing_is_one_to_one_and_prefers_the_same_object():
    def t(unit: int, text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(unit, q, object_key(q, text) or "", text)

    a = [t(0, "新改建农村公路7000公里"), t(1, "建设旅游公路900公里")]
    b = [t(0, "新建改造农村公路5000公里")]
    pairs = pair_task_targets(a, b, [])
    assert [(x.clause, y.clause) for x, y, _ in pairs] == [("新改建农村公路7000公里", "新建改造农村公路5000公里")]
    # counts of things in different measure words are comparable (7个高铁项目 / 6条高铁), kilometres are not
    assert pair_task_targets([t(0, "推进7个高铁项目")], [t(0, "建设6条高铁项目")], [])
    assert not pair_task_targets([t(0, "建设高铁项目7个")], [t(0, "建设高铁项目60公里")], [])


def test_every_task_target_of_a_sentence_is_its_own_finding(rr):
    found = {(f.detail["old"], f.detail["new"]) for f in rr.findings if f.type == T.NUMBER_CHANGED}
    # one 2024 sentence: 技改投资 33亿元 and 技改项目 80个以上 (issue 14)
    # (力争完成技改投资30亿元以上: 力争 opens the figure's clause, so the old figure states it too)
    # (实施20个千万元以上技改项目: 以上 bounds the size of each project, not the count; session 11)
    assert ("力争30亿元以上", "力争33亿元") in found and ("20个", "80个以上") in found
    assert ("5万亩以上", "2万亩") in found  # 高标准农田, paired outside any aligned sentence pair


def test_no_review_figure_is_compared(rr):
    units = {u.id: u for u in rr.a_units + rr.b_units}
    for f in rr.findings:
        if f.type == T.NUMBER_CHANGED:
            assert all(units[i].region in (Region.COMMITMENTS, Region.GOALS) for i in f.a_ids + f.b_ids), f.message


def test_new_clause_of_a_continuing_sentence(rr):
    clauses = [f for f in rr.findings if f.type in (T.NEW, T.DROPPED) and "clause" in f.detail]
    assert clauses and all(f.detail["clause"] in (f.a_text or f.b_text) for f in clauses)
    assert all(f.detail["nearest_text"] for f in clauses)  # the other report's nearest clause is cited
    # headline targets have their own findings
    assert not any(set(f.a_ids) & {t.sentence for t in rr.a.targets} or set(f.b_ids) & {t.sentence for t in rr.b.targets} for f in clauses)


def test_rate_units_and_verbs_before_the_figure_are_not_the_object():
    assert _key("城市低保标准提高到700元/月") == "城市低保标准"  # /月 is the unit's, 提高到 the verb's
    assert _key("农村低保标准提高到不低于5400元/年") == "农村低保标准"
    # the second of two figures joined by 和 counts what the first counts
    from reportdiff.detect.tasks.objects import _metric_of

    text = "散居和集中养育孤儿补贴标准分别提高到1150元/月和1600元/月"
    qs = qty.extract(text)
    second = object_key(qs[1], text, qs[0].start + len(qs[0].text), _metric_of(qs[0], text, ""))
    assert second == "散居和集中养育孤儿补贴标准"
    # the first of two figures in the same rate joined by 和 has the metric before it as its own object
    assert _key("城乡低保标准提高到不低于740元/月和485元/月") == "城乡低保标准"
    assert _key("支持10个国家级和10个省级县城城镇化试点") is None  # not a rate: shares the next count's object


def test_a_quoted_name_that_qualifies_the_object_must_be_in_the_other_clause():
    from reportdiff.align import Edge

    def t(text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(0, q, object_key(q, text) or "", text)

    linked = [Edge(0, 0, 0.5)]
    assert not pair_task_targets([t("推动100家企业“四化”改造升级")], [t("累计完成350家以上中小企业数字化改造")], linked)
    # the rest of the object names the same thing: still paired
    assert pair_task_targets([t("举办促消费活动200场以上")], [t("组织“百县千企万店”促消费重点活动1000场")], linked)
    # the other clause writes part of the name
    assert pair_task_targets([t("深化24个“一件事”应用场景")], [t("升级10项特色“高效办成一件事”场景")], linked)
    # a name that is an item of a list, or the whole object, does not qualify it
    assert pair_task_targets([t("制造业单项冠军30家以上")], [t("新增制造业单项冠军、“小巨人”各30家")], linked)


def test_second_pass_pairs_objects_with_the_same_head_noun_in_linked_or_unlinked_sentences():
    from reportdiff.align import Edge

    def t(text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(0, q, object_key(q, text) or "", text)

    a, b = [t("培育20个以上突破性新品种")], [t("培育优良动植物新品种30个")]
    # alike only in their head noun: not when the alignment links the sentence to another one
    assert not pair_task_targets(a, b, [Edge(0, 1, 0.5)])
    assert pair_task_targets(a, b, [Edge(0, 0, 0.5)])
    # two sentences the alignment links to nothing: a head noun of three characters or more
    assert pair_task_targets(a, b, [])
    assert not pair_task_targets([t("新创建省级示范片区70个左右")], [t("新增省级乡村振兴片区75个")], [])
    assert pair_task_targets([t("新创建省级示范片区70个左右")], [t("新增省级乡村振兴片区75个")], [Edge(0, 0, 0.5)])
    # a measure (占比) is not a head noun
    assert not pair_task_targets([t("省一类以上幼儿园占比达到60%")], [t("公办幼儿园在园幼儿占比达到63%")], [Edge(0, 0, 0.5)])


def test_a_worded_clause_names_the_head_noun_of_the_object():
    from reportdiff.detect.tasks.worded import _names_head

    assert not _names_head("省级新兴产业集群", "培育壮大新兴产业")  # the industry, not its clusters
    assert _names_head("水库除险加固项目", "实施水库除险加固和中小河流治理")  # 项目 is a general ending
    assert _names_head("省重点实验室", "完成省重点实验室重组")


def test_targets_sharing_one_value_are_paired_one_indicator_at_a_time():
    from reportdiff.detect.targets import _split_shared
    from reportdiff.model import Target

    text = "地区生产总值、规模以上工业增加值、固定资产投资、社会消费品零售总额增长5%左右"
    shared = Target(text[:-4], "规模以上工业增加值增长", 5.0, "%", "左右", text, "s1", (0, len(text)))
    split = _split_shared((shared,))
    assert [t.metric for t in split] == ["地区生产总值增长", "规模以上工业增加值增长", "固定资产投资增长", "社会消费品零售总额增长"]
    assert all(t.text == text and t.value == 5.0 for t in split)
    assert split[0].canonical == "地区生产总值增长"
    one = Target("其中一、二、三产增加值分别增长", "x", 5.0, "%", "", "其中一、二、三产增加值分别增长5%", "s1", (0, 1))
    assert _split_shared((one,)) == (one,)  # values in order (分别) are read elsewhere


def test_a_bound_before_the_counted_noun_is_a_threshold_not_a_target():
    from reportdiff.detect.tasks.objects import _threshold

    def flags(text: str) -> list[bool]:
        qs = qty.extract(text)
        return [_threshold(q, text, qs) for q in qs]

    assert flags("力争引进投资5000万元以上项目超200个，其中工业项目超160个") == [True, False, False]
    assert flags("创建年收益50万元以上集体经济强村100个") == [True, False]
    assert flags("新增高技能人才4万人以上，培育10家") == [False, False]  # a count of its own clause
    assert flags("投资超5亿元工业项目新开工220个") == [True, False]
    assert flags("年收益超10万元，培育强村100个") == [False, False]


def test_a_qualifier_the_other_sentence_writes_less_closely_is_no_change():
    from reportdiff.detect.tasks.objects import _same_qualifiers
    from reportdiff.model import Region as R

    class U:
        def __init__(self, text):
            self.text, self.region = text, R.COMMITMENTS

    def t(text: str, clause: str) -> TaskTarget:
        q = next(q for q in qty.extract(text) if clause in text[max(0, q.start - len(clause)) : q.start + len(q.text)])
        from reportdiff.detect.tasks.objects import _sentence_qualifiers

        return TaskTarget(0, q, object_key(q, text) or "", clause, _sentence_qualifiers(q, text))

    a_text = "实施科技企业梯次培育工程，力争新增“瞪羚”企业2家、高新技术企业10家以上。"
    b_text = "强化创新主体培育，力争新增高新技术企业20家，认定瞪羚企业2家以上，争创全省科技创新强县。"
    x, y = t(a_text, "“瞪羚”企业2家"), t(b_text, "瞪羚企业2家以上")
    assert _same_qualifiers(x, y, [U(a_text)], [U(b_text)])
    # 以上 written on this figure only, 力争 nowhere: a change
    c_text = "认定瞪羚企业2家。"
    assert not _same_qualifiers(t(c_text, "瞪羚企业2家"), y, [U(c_text)], [U(b_text)])


def _one_year_report(year: int, review: str, tasks: str) -> str:
    """A small work report of year ``year`` (a review sentence, the same headline targets
    each year, three task areas)."""
    return f"""政府工作报告

——{year}年1月10日在某市第十六届人民代表大会第三次会议上

各位代表：

现在，我代表市人民政府向大会报告工作，请予审议。

{year - 1}年政府工作回顾

过去一年，{review}

{year}年政府工作总体思路和目标要求

今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业5万人以上。

重点任务

{tasks}
"""


_ONE_YEAR_A = _one_year_report(
    2024,
    "全市地区生产总值增长5%，新建高标准农田3万亩。",
    "（一）推进乡村振兴。新建高标准农田5万亩，完成农村改厕2万户。\n"
    "（二）扩大有效投资。实施重点项目300个，推进城市更新。\n"
    "（三）保障改善民生。新建口袋体育公园30个，今年已过去近5个月。",
)
_ONE_YEAR_B = _one_year_report(
    2025,
    "全市地区生产总值增长5.2%，新建高标准农田5万亩。",
    "（一）推进乡村振兴。完成农村改厕3万户，持续提升乡村面貌。\n"
    "（二）扩大有效投资。实施重点项目320个，推进城市更新。\n"
    "（三）保障改善民生。新增家庭养老床位2600张以上，建设智慧社区健身中心40个。",
)


def test_task_target_of_one_year_only(tmp_path):
    """A task target whose object the other year's commitments never name is a low-severity
    target_removed / target_added finding at the task level; a paired target is a change, and
    a fact (已过去近5个月) or a review figure is no target."""
    from reportdiff.api import compare
    from reportdiff.model import Severity

    (tmp_path / "a.txt").write_text(_ONE_YEAR_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_ONE_YEAR_B, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    task = [f for f in cmp.findings if (f.detail or {}).get("level") == "task"]
    assert all(f.severity == Severity.LOW for f in task)
    removed = {f.detail["old"] for f in task if f.type == T.TARGET_REMOVED}
    added = {f.detail["new"] for f in task if f.type == T.TARGET_ADDED}
    assert "5万亩" in removed and "30个" in removed  # 高标准农田, 口袋体育公园: B names neither
    assert {"2600张以上", "40个"} <= added  # 家庭养老床位, 智慧社区健身中心: A names neither
    assert not removed & {"5个", "2万户", "300个"} and not added & {"3万户", "320个"}
    assert all(f.message.startswith(("后一年不再列出的任务目标：", "新列出的任务目标：")) for f in task)
    # paired targets stay changes (农村改厕 2万户 -> 3万户)
    assert any(f.type == T.NUMBER_CHANGED and f.detail.get("old") == "2万户" for f in cmp.findings)
    again = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [f.message for f in again.findings] == [f.message for f in cmp.findings]


_WORDED_A = _one_year_report(
    2024,
    "全市地区生产总值增长5%，新建高标准农田3万亩。",
    "（一）繁荣农村市场。新建县级物流配送中心30个、乡镇商贸中心400家，完善农村流通体系。\n"
    "（二）保障粮食安全。支持12个产粮大县提升粮食生产能力，稳定粮食播种面积。\n"
    "（三）扩大有效投资。加快推进100个重大项目，推动城市更新。",
)
_WORDED_B = _one_year_report(
    2025,
    "全市地区生产总值增长5.2%，新建高标准农田5万亩。",
    "（一）繁荣农村市场。建设一批县级物流配送中心、乡镇商贸中心，完善农村流通体系。\n"
    "（二）保障粮食安全。支持有条件的县创建超级产粮大县，稳定粮食播种面积。\n"
    "（三）扩大有效投资。实施一批先进制造等重大项目，推动城市更新。",
)


def test_every_figure_stated_in_words_the_next_year_is_its_own_finding(tmp_path):
    """Two figures of one clause, each with its own object, that the next year names in words are
    two quant_to_qual findings (not target_removed); a shared run of the object's core is enough in
    a linked sentence (产粮大县); a general term of the genre (重大项目) is not."""
    from reportdiff.api import compare

    (tmp_path / "a.txt").write_text(_WORDED_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_WORDED_B, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    worded = {f.detail["old"]: f.detail["new"] for f in cmp.findings if (f.detail or {}).get("change") == "quant_to_qual"}
    assert worded.get("30个") == worded.get("400家") == "建设一批县级物流配送中心、乡镇商贸中心"
    assert worded.get("12个") == "支持有条件的县创建超级产粮大县"
    assert "100个" not in worded
    removed = {f.detail["old"] for f in cmp.findings if f.type == T.TARGET_REMOVED and (f.detail or {}).get("level") == "task"}
    assert not removed & {"30个", "400家", "12个"}


def test_a_shared_run_must_name_the_counted_thing():
    from reportdiff.detect.tasks.worded import _generic_run, _in_quotes, _said_in_words

    assert _generic_run("重大项目") and _generic_run("省级产业集群") and not _generic_run("产粮大县")
    text = "学习运用“千村示范、万村整治”工程经验"
    assert _in_quotes(qty.extract(text)[0], text)
    assert _said_in_words(qty.extract("每个县至少办好1所优质高中")[0], "支持每个县办好一所优质高中")
def test_a_respective_list_reads_one_subject_per_value():
    """过夜游客、入境游客分别增长8%和50%: each value counts its own subject (a 和 before the last
    value joins values, not counts sharing an object); one-character scopes (省、市) stay whole,
    as the other year may write them 省市 without a list."""
    assert [_key("过夜游客、入境游客分别增长8%和50%", k) for k in (0, 1)] == ["过夜游客", "入境游客"]
    assert _key("过夜游客增长10%以上") == "过夜游客"
    both = {_key(t, k) for t in ("力争省、市重点项目分别达到10个、20个以上", "力争省市重点项目分别达到10个、20个以上") for k in (0, 1)}
    assert both == {"省市重点项目"}


def test_a_respective_list_is_one_clause_and_its_sectors_are_known():
    from reportdiff.segment import clauses
    from reportdiff.structure.targets import targets_in

    text = "农业、规模以上工业、服务业增加值分别增长4%、9%和6%左右"
    assert len(clauses(text)) == 1
    assert len(clauses("全市生产总值增长6%左右，其中一产、二产、三产分别增长4%左右、8%以上、5.5%左右")) == 2
    assert len(clauses("新建高标准农田2万亩、创建“吨半粮”7.5万亩以上")) == 2  # two targets, as before
    got = [(t.canonical, t.value) for t in targets_in("其中一产、二产、三产分别增长4%左右、8%以上、5.5%左右", "s", (0, 1))]
    assert got == [("第一产业增加值增长", 4.0), ("第二产业增加值增长", 8.0), ("服务业增加值增长", 5.5)]


def _targets(texts: list[str]) -> list[TaskTarget]:
    from reportdiff.detect.tasks.objects import stages

    out = []
    for unit, text in enumerate(texts):
        qs = qty.extract(text)
        prev_end, prev_key = 0, ""
        for q in qs:
            key = object_key(q, text, prev_end, "", prev_key)
            prev_end, prev_key = q.start + len(q.text), key or prev_key
            if key:
                out.append(TaskTarget(unit, q, key, text, frozenset(), stages(q.metric)))
    return out


def test_a_part_named_by_its_stage_is_paired_by_that_stage():
    """其中新开工110个 counts the previous figure's object at a stage (开工): it pairs with the other
    year's 开工重大项目 rather than the whole 700个."""
    a = _targets(["实施市级重大项目700个以上，其中新开工110个以上、建成投用40个以上"])
    b = _targets(["全年开工重大项目180个以上，建成投用重大项目50个以上"])
    assert [x.key for x in a] == ["市级重大项目"] * 3
    pairs = {(x.quantity.value, y.quantity.value) for x, y, _ in pair_task_targets(a, b, [])}
    assert pairs == {(110.0, 180.0), (40.0, 50.0)}


def test_counts_of_enterprises_in_hu_and_jia_compare_but_households_do_not_with_ge():
    a = _targets(["培育50户以上省级专精特新中小企业", "启动改造城中村4万户"])
    b = _targets(["培育新增省级专精特新中小企业50家", "新开工城中村改造项目30个"])
    pairs = [(x.quantity.text, y.quantity.text) for x, y, _ in pair_task_targets(a, b, [])]
    assert ("50户以上", "50家") in pairs and not any(y == "30个" for _, y in pairs)


def test_a_metric_redefined_is_a_unit_change():
    """The same thing quantified in units that do not compare (a growth rate one year, an amount the
    next) is one number_changed finding of kind unit, in linked sentences or when the things measured
    are one; different things (投资 of a task) are not paired."""
    from reportdiff.align import Edge
    from reportdiff.detect.tasks.pairing import pair_redefined

    a = _targets(["技术合同成交额增长15%左右", "农产品加工转化率提升至66%", "新建高标准农田10万亩"])
    b = _targets(["技术合同成交额突破200亿元", "农产品加工总产值达1000亿元以上", "高标准农田建设投资5亿元"])
    got = {(x.quantity.text, y.quantity.text) for x, y, _ in pair_redefined(a, b, [], [])}
    assert got == {("15%左右", "200亿元"), ("66%", "1000亿元以上")}
    # a unit that compares is the ordinary pairing's, never a redefinition
    assert not pair_redefined(_targets(["技术合同成交额100亿元"]), _targets(["技术合同成交额突破200亿元"]), [], [Edge(0, 0, 1.0)])
    # two things alike but not one need sentences the alignment links
    x, y = _targets(["数字经济增加值增长15%以上"]), _targets(["数字经济核心产业增加值超过6000亿元"])
    assert not pair_redefined(x, y, [], []) and pair_redefined(x, y, [], [Edge(0, 0, 1.0)])


def test_a_metric_redefined_is_reported_once_as_a_unit_change(tmp_path):
    from reportdiff.api import compare

    (tmp_path / "a.txt").write_text(_one_year_report(2024, "全市地区生产总值增长5%。", "（一）推动科技创新。技术合同成交额增长15%左右，推进城市更新。\n（二）扩大有效投资。实施重点项目300个。\n（三）保障改善民生。完成农村改厕2万户。"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_one_year_report(2025, "全市地区生产总值增长5.2%。", "（一）推动科技创新。技术合同成交额突破200亿元，推进城市更新。\n（二）扩大有效投资。实施重点项目320个。\n（三）保障改善民生。完成农村改厕3万户。"), encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    unit = [f for f in cmp.findings if f.type == T.NUMBER_CHANGED and f.detail.get("change") == "unit"]
    assert [(f.detail["old"], f.detail["new"], f.detail["redefined"]) for f in unit] == [("15%左右", "突破200亿元", True)]
    # neither figure is also a target of one year only
    assert not any("技术合同" in (f.a_text + f.b_text) for f in cmp.findings if f.type in (T.TARGET_ADDED, T.TARGET_REMOVED))


def test_units_that_convert_are_compared_in_one_unit_and_size_classes_are_no_redefinition():
    from reportdiff.detect.tasks.objects import _comparable, common_value
    from reportdiff.detect.tasks.pairing import pair_redefined

    a, b = qty.extract("粮食产量38亿斤以上")[0], qty.extract("粮食产量190万吨以上")[0]
    assert _comparable(a, b) and common_value(a) == common_value(b)
    x, y = _targets(["打造4个产业集群"]), _targets(["打造百亿级产业集群"])
    assert not pair_redefined(x, y, [], [])


def test_keep_verbs_around_the_object_are_not_the_object():
    # 保持…在 brackets the object as 控制在 / 稳定在 close it
    assert _key("保持粮食播种面积在639.3万亩以上") == _key("粮食播种面积稳定在640万亩") == "粮食播种面积"


def test_keeping_a_level_is_as_firm_as_ensure():
    from reportdiff.detect.tasks.objects import _same_qualifiers, _sentence_qualifiers
    from reportdiff.model import Region as R

    class U:
        def __init__(self, text):
            self.text, self.region = text, R.COMMITMENTS

    def t(text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(0, q, object_key(q, text) or "", text, _sentence_qualifiers(q, text))

    a_text, b_text = "持续保持水质达标率100%。", "确保水质达标率100%。"
    assert _same_qualifiers(t(a_text), t(b_text), [U(a_text)], [U(b_text)])
    # no keep verb: 确保 added is a change of qualifier
    c_text = "水质达标率100%。"
    assert not _same_qualifiers(t(c_text), t(b_text), [U(c_text)], [U(b_text)])


def test_an_object_several_sentences_count_pairs_only_in_linked_sentences():
    from reportdiff.align import Edge

    def t(unit: int, text: str) -> TaskTarget:
        q = qty.extract(text)[-1]
        return TaskTarget(unit, q, object_key(q, text) or "", text)

    a = [t(0, "加快交通项目建设，年度投资3000亿元"), t(1, "加快新基建项目建设，年度投资2000亿元")]
    b = [t(0, "加快城市更新项目建设，年度投资8000亿元")]
    assert not pair_task_targets(a, b, [])  # which 年度投资 is which: the text does not say
    pairs = pair_task_targets(a, b, [Edge(1, 0, 0.5)])
    assert [(x.quantity.text, y.quantity.text) for x, y, _ in pairs] == [("2000亿元", "8000亿元")]
    # one sentence stating it once each year: paired as before
    assert pair_task_targets(a[:1], b, [])


def test_figures_joined_by_he_count_their_own_objects_unless_a_scope():
    text = "整合建立18条标志性产业链和66条重点产业链"
    assert _key(text, 1) == "重点产业链"  # not 标志性产业链和重点产业链
    assert "标志性产业链" in (_key(text) or "")  # the first figure counts its own object
    assert _key("支持10个国家级和10个省级县城城镇化试点") is None  # a scope the two counts share


def test_a_list_item_of_verbs_only_counts_the_previous_object():
    from reportdiff.detect.tasks.objects import _metric_of

    text = "新增高标准农田建设9.55万亩、改造提升3.9万亩"
    qs = qty.extract(text)
    first = object_key(qs[0], text)
    second = object_key(qs[1], text, qs[0].start + len(qs[0].text), _metric_of(qs[0], text, ""), first or "")
    assert first == "高标准农田建设" and second == "改造提升高标准农田"


def test_an_object_written_in_short_is_named():
    from reportdiff.detect.tasks.worded import _shortened

    assert _shortened("粮食播种面积", "力争粮食面积单产总产实现六连增")  # start + head noun
    assert _shortened("精品旅游景区", "着力打造一批精品景区")
    assert not _shortened("粮食播种面积", "稳定粮食生产")  # the head noun left out
    assert not _shortened("高标准农田", "建设高标准农田")  # written in full: an ordinary run
    assert not _shortened("粮食播种面积", "粮面")  # too short to name anything


def test_a_scope_widened_is_a_change_of_qualifier_and_levels_in_a_list_share_the_noun():
    from reportdiff.detect.tasks.pairing import _scope_widened

    assert _scope_widened("自治区级创新创业平台", "自治区级以上创新创业平台") == ("自治区级", "自治区级以上")
    assert _scope_widened("省级以上龙头企业", "省级龙头企业") == ("省级以上", "省级")
    assert _scope_widened("省级龙头企业", "市级以上龙头企业") is None  # another level: another object
    assert _key("力争全年新增2家国家级、20家自治区级创新创业平台") == "国家级创新创业平台"


def test_a_scope_widened_with_the_same_value_is_reported(tmp_path):
    from reportdiff.api import compare

    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(_one_year_report(2024, "去年新增企业10家。", "力争新增自治区级创新创业平台20家。"), encoding="utf-8")
    b.write_text(_one_year_report(2025, "去年新增企业12家。", "力争新增自治区级以上创新创业平台20家。"), encoding="utf-8")
    fs = [f for f in compare(a, b).findings if f.type == T.NUMBER_CHANGED and (f.detail or {}).get("scope")]
    assert [f.detail["scope"] for f in fs] == [["自治区级", "自治区级以上"]]


def test_a_headline_target_moved_to_the_tasks_is_reported_once(tmp_path):
    from reportdiff.api import compare

    head = "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业5万人以上。"
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(_one_year_report(2024, "去年新增企业10家。", "狠抓工业投资增长，推进技术改造。").replace(head, head[:-1] + "，工业投资增长10%。"), encoding="utf-8")
    b.write_text(_one_year_report(2025, "去年新增企业12家。", "扩大有效投资，工业投资增长5%。"), encoding="utf-8")
    fs = [f for f in compare(a, b).findings if "工业投资增长5%" in f.b_text]
    moved = [f for f in fs if f.type == T.TARGET_CHANGED]
    assert moved and "moved_to_tasks" in moved[0].detail["change"]
    assert [f.type for f in fs] == [T.TARGET_CHANGED]  # not also 狠抓工业投资增长 -> 5%


def test_the_noun_after_a_figure_ends_at_a_verb_with_its_own_object():
    assert _key("支持55个产粮大县提升粮食生产能力") == "产粮大县"
    assert _key("加快已开工的8个城中村改造项目建设").endswith("城中村改造项目建设")  # 项目建设 is no object
    assert _key("建成100家智慧农业应用基地") == "智慧农业应用基地"


def test_two_kinds_of_one_head_noun_are_not_paired():
    from reportdiff.detect.tasks.pairing import _kinds_differ, _kinds_unnamed

    def t(unit: int, text: str) -> TaskTarget:
        q = qty.extract(text)[0]
        return TaskTarget(unit, q, object_key(q, text) or "", text)

    # 党群服务中心 / 托育服务中心, 创新型 / 专精特新中小企业, 前沿技术 / 关键核心技术攻关: kinds of [kinds]
    assert not pair_task_targets([t(0, "建设31处新村党群服务中心")], [t(0, "建设1处公共综合托育服务中心")], [])
    assert not pair_task_targets([t(0, "新增创新型中小企业50家以上")], [t(0, "新增专精特新中小企业30家以上")], [])
    assert not pair_task_targets([t(0, "实施20项左右前沿技术攻关")], [t(0, "实施10项左右关键核心技术攻关")], [])
    # the same kind, or one naming the other's kind and more (a measure narrowed), still pair
    assert pair_task_targets([t(0, "新增专精特新中小企业50家")], [t(0, "新增专精特新中小企业60家")], [])
    assert not _kinds_differ("专精特新企业", "专精特新小巨人和单项冠军")
    assert not _kinds_differ("城市低保标准", "城乡低保标准")  # no kinds named: not read here
    assert _kinds_differ("规模以上服务业企业", "规模以上工业企业数智化转型")  # sectors of enterprise counts
    # a clause naming the head noun only does not state a kind's target in words
    assert _kinds_unnamed("创新型中小企业", "培育铺天盖地的中小企业")
    assert not _kinds_unnamed("创新型中小企业", "培育更多创新型中小企业")


def test_a_count_sized_by_an_amount_counts_that_size_class():
    from reportdiff.detect.tasks.objects import task_targets
    from reportdiff.model import Unit

    text = "力争新增产值超200亿元工业企业1家、60亿元企业2家，力争100家工业企业数字化水平达到二级以上。"
    units = [Unit(id="u0", text=text, key=text, section="s", region=Region.COMMITMENTS, span=(0, len(text)))]
    keys = {x.quantity.text: x.key for x in task_targets(None, units, set())}
    assert keys["1家"].startswith("200亿元") and keys["2家"] == "60亿元企业"  # told apart by their size
    other = "力争新增产值超200亿元工业企业2家。"
    units_b = [Unit(id="u0", text=other, key=other, section="s", region=Region.COMMITMENTS, span=(0, len(other)))]
    a = [x for x in task_targets(None, units, set()) if x.quantity.text != "100家"]
    pairs = pair_task_targets(a, task_targets(None, units_b, set()), [])
    assert [(x.quantity.text, y.quantity.text) for x, y, _ in pairs] == [("1家", "2家")]  # the same size class
    # a count sized by an amount is no object counted without one (100家工业企业数字化…)
    c = [x for x in task_targets(None, units, set()) if x.quantity.text == "100家"]
    assert not pair_task_targets(c, task_targets(None, units_b, set()), [])


def test_an_object_several_sentences_count_needs_its_sentences_to_pair_another_object():
    from reportdiff.align import Edge

    def ts(unit: int, text: str) -> list[TaskTarget]:
        qs = qty.extract(text)
        out, prev = [], 0
        for q in qs:
            out.append(TaskTarget(unit, q, object_key(q, text, prev) or "", text))
            prev = q.start + len(q.text)
        return out

    a = ts(0, "加快970个新基建项目建设，年度投资2000亿元") + ts(1, "加快7200个重大产业项目建设，年度投资8000亿元")
    b = ts(0, "加快600个医教康育服务项目建设，年度投资8000亿元") + ts(1, "加快5500个重大项目建设，年度投资7200亿元")
    pairs = pair_task_targets(a, b, [Edge(0, 0, 0.5), Edge(1, 1, 0.5)])
    # the sectors regrouped (新基建 / 医教康育: [kinds] sectors): neither their projects nor their 年度投资 pair
    assert sorted((x.quantity.text, y.quantity.text) for x, y, _ in pairs) == [("7200个", "5500个"), ("8000亿元", "7200亿元")]


def test_figures_of_names_and_scopes_of_rates_are_no_task_targets_of_one_year():
    from reportdiff.detect.tasks.one_year import _scope_of_rate

    def t(text: str, k: int = 0) -> TaskTarget:
        q = qty.extract(text)[k]
        return TaskTarget(0, q, object_key(q, text) or "", text)

    # 107条 rivers are where the rate is read; the rate is the target
    assert _scope_of_rate(t("107条纳入市级河湖名录管理的河流水质达标率100%"))
    assert not _scope_of_rate(t("新建5G基站2万个、千兆用户占比达到30%"))
    # the characters of the report's own words are counted, no target
    assert _key("聚焦“衣食住行、生老病死、安居乐业”12个字") is None


def test_what_a_worded_clause_must_name_of_the_object():
    """The worded search reads the object up to 和 after a general ending, 重点 of 重点项目 off a long
    name only, capacity nouns (载体, 交易量) off; a named project holding the counted thing is named
    by its whole name; synonyms (种植面积 / 播种面积) are one word; far from the target's sentence the
    clause must name the thing itself, not a longer name holding it."""
    from reportdiff.detect.tasks.worded import _core, _names_head, _names_whole, _object, _syn, _thing

    assert _object("城市更新项目和一批城中村") == "城市更新项目"
    assert _object("和美乡村示范村") == "和美乡村示范村"  # no general ending before 和
    assert _thing("新一轮工业园区标准化建设重点项目") == "新一轮工业园区标准化"
    assert _thing("海洋经济重点项目") == "海洋经济重点"  # a field of work, not one task
    assert _thing("科创走廊载体") == "科创走廊" and _thing("数字人民币交易量") == "数字人民币"
    assert _core("科创走廊载体") == "科创走廊载体"  # one_year's reading is left as it was
    assert _names_head("新一轮工业园区标准化建设重点项目", "持续开展工业园区标准化建设深化改革行动")
    assert _names_head("某某山绿化工程营造林", "加快实施某某山绿化")
    assert not _names_head("某某山绿化工程营造林", "加快实施绿化")
    assert _syn("确保粮食种植面积稳定") == "确保粮食播种面积稳定"
    assert _names_whole("科创走廊", "推进高新区、科创走廊建设")
    assert _names_whole("数字人民币", "推进数字人民币试点工作")
    assert not _names_whole("高校毕业生", "把促进高校毕业生就业工作摆在突出位置")
    assert not _names_whole("健身步道", "办好“环城健身步道越野赛”等赛事")


_SYNONYM_A = _one_year_report(
    2024,
    "全市地区生产总值增长5%，新建高标准农田3万亩。",
    "（一）保障粮食安全。全面落实粮食安全责任制，确保粮食种植面积、产量保持稳定。\n"
    "（二）发展数字经济。推进数字人民币试点工作，建设一批智慧工厂。\n"
    "（三）扩大有效投资。推进城市更新，完善城市功能。",
)
_SYNONYM_B = _one_year_report(
    2025,
    "全市地区生产总值增长5.2%，新建高标准农田5万亩。",
    "（一）保障粮食安全。落实粮食安全责任制，粮食播种面积稳定在124万亩以上。\n"
    "（二）扩大有效投资。推进城市更新，完善城市功能，推动数字人民币交易量突破2500亿元。\n"
    "（三）发展数字经济。建设一批智慧工厂，培育数字企业。",
)


def test_a_figure_stated_in_words_with_a_synonym_or_in_another_sentence(tmp_path):
    """播种面积 the next year, 种植面积 the year before: one thing stated in words, then as a figure;
    数字人民币, named once in each year, in a clause of the other year's sentence elsewhere."""
    from reportdiff.api import compare

    (tmp_path / "a.txt").write_text(_SYNONYM_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_SYNONYM_B, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    worded = {f.detail["new"]: f.detail["old"] for f in cmp.findings if (f.detail or {}).get("change") == "qual_to_quant"}
    assert worded.get("124万亩以上") == "确保粮食种植面积、产量保持稳定"
    assert worded.get("突破2500亿元") == "推进数字人民币试点工作"


def test_one_year_object_is_named_with_its_modifier_and_measure():
    """The other year names an object only with the words before its head noun (雨水管网 is not
    named by 污水管网, 创新型中小企业 not by 大中小企业), and an object ending in a measure (产值,
    增加值) only with that measure just after it (农业龙头企业产值 is not named by a count of
    农业龙头企业, 规上工业增加值 is by 规上工业和数字经济增加值)."""
    from reportdiff.detect.tasks.one_year import _measure, _named_in
    from reportdiff.detect.tasks.worded import _core

    other = qty.metric_key(
        "新建改造市政供水管网80公里、污水管网80公里。推动大中小企业融通发展。新建高标准农田5万亩。"
        "新增省级农业产业化龙头企业20家，规上工业和数字经济增加值均增长10%以上。"
    )

    def named(key: str) -> bool:
        return _named_in(_core(key), other, _measure(key))

    assert not named("雨水管网") and not named("创新型中小企业")
    assert named("污水管网") and named("高标准农田") and named("农业产业化龙头企业")
    assert not named("农业产业化龙头企业产值") and named("规模以上工业增加值")
    assert _named_in(_core("农业龙头企业产值"), qty.metric_key("农业龙头企业总产值突破1000亿元"), "产值")
    # the verbs that open the object name nothing (新打造 / 再启动 秀丽湖库); a long last run names it
    lake = qty.metric_key("再启动20个秀丽湖库建设，开展大规模职业技能培训")
    assert _named_in(_core("新打造秀丽湖库"), lake) and _named_in(_core("今明两年职业技能培训"), lake)
    assert not _named_in(_core("中央政府投资"), qty.metric_key("明确政府投资项目所在地"))


def test_project_sizes_and_annual_means_of_one_year():
    """A size written before a project's name is no target (年产30万吨铝扁锭项目); a figure of the
    annual mean of one year (PM2.5年均浓度) is the year's target, not one over several years."""
    from reportdiff.detect.tasks.one_year import _project_size

    text = "推动年产30万吨铝扁锭项目开工，新建改造雨水管网50公里"
    q1, q2 = qty.extract(text)
    assert _project_size(q1, text) and not _project_size(q2, text)
    text = "设立50亿元科创母基金"
    assert not _project_size(qty.extract(text)[0], text)
    assert _key("建成16个幸福河湖，PM2.5年均浓度降至38微克/立方米以下") == "幸福河湖"
    assert _key("地区生产总值年均增长6%，建成16个幸福河湖") is None


def test_one_year_finding_cites_the_item_that_names_its_object():
    from reportdiff.detect.tasks.one_year import _with_its_object

    text = "全面建设6个省级、60个市级示范点，推动文明实践"
    q = qty.extract(text)[0]
    t = TaskTarget(0, q, "省级示范点", "全面建设6个省级")
    assert _with_its_object(t, text) == "全面建设6个省级、60个市级示范点"
    t = TaskTarget(0, q, "省级示范点", "全面建设6个省级示范点")
    assert _with_its_object(t, "全面建设6个省级示范点，推动文明实践") == "全面建设6个省级示范点"


def test_ranges_units_and_nouns_opening_with_a_digit_are_read():
    """Session 8 (issue 14): a range of numerals is one figure read at its lower bound, measure
    words of concentration, cards and buildings are units, and a noun that opens with a digit
    and a Latin letter (5G) is the counted thing (synthetic text)."""
    (q,) = qty.extract("培育3-5个知名品牌")
    assert (q.text, q.value, q.unit) == ("3-5个", 3.0, "个")
    assert [q.text for q in qty.extract("举办大型会议30-50场、展会2—3次")] == ["30-50场"]
    assert qty.extract("每年5-3个") == []  # no range: the second number is smaller
    assert [(q.value, q.unit) for q in qty.extract("发放惠民卡5万张，改造户厕8.8万座，新改建公路1万公里")] == [(50000.0, "张"), (88000.0, "座"), (10000.0, "公里")]
    (q,) = qty.extract("细颗粒物年均浓度降至38微克／立方米以下")
    assert (q.value, q.unit, q.qualifier) == (38.0, "微克/立方米", "以下")
    assert qty.extract("培育商务楼宇10栋")[0].unit == "栋"
    assert _key("建成10个5G全连接工厂") == _key("新建5G全连接工厂20个") == "5G全连接工厂"
    assert _key("产值超200亿元工业企业5家", 1) == "工业企业"  # a figure inside still names no thing


def test_a_share_of_a_total_measures_its_part():
    """A share (X产值占Y总产值比重) measures X: an amount of X the other year is the metric
    redefined, not another thing (synthetic objects)."""
    from reportdiff.detect.tasks.pairing import _measured

    assert _measured("规模以上工业高技术产业产值占规模以上工业总产值比重超") == _measured("规模以上工业高技术产业总产值") == "规模以上工业高技术产业"
    assert _measured("高新技术企业数量") == "高新技术企业"


def test_a_respective_list_gives_every_subject_the_measure_of_the_last():
    t = "甘蔗、蔬菜（含食用菌）、水果产量分别达到1050万吨、794万吨、542.5万吨"
    qs = qty.extract(t)
    keys = [object_key(q, t, qs[k - 1].start + len(qs[k - 1].text) if k else 0) for k, q in enumerate(qs)]
    assert keys == ["甘蔗产量", "蔬菜含食用菌产量", "水果产量"]


def test_a_five_year_section_of_the_other_year_hides_no_target_of_the_year(tmp_path):
    """What the other year names only under a heading of five years (今后五年目标任务) is no
    target of its year: a task target naming it is still of one year only (synthetic text)."""
    from reportdiff.api import compare

    a = _one_year_report(2024, "全市地区生产总值增长5%。", "（一）扩大有效投资。加快推进重大项目建设。")
    a = a.replace("2024年政府工作总体思路", "今后五年的目标任务\n\n今后五年，全市招商引资到位资金年均300亿元以上。\n\n2024年政府工作总体思路")
    b = _one_year_report(2025, "全市地区生产总值增长5.2%。", "（一）扩大有效投资。加快推进重大项目建设，招商引资到位资金350亿元以上。")
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    added = [f for f in cmp.findings if f.type == T.TARGET_ADDED and (f.detail or {}).get("level") == "task"]
    assert [f.detail["new"] for f in added] == ["350亿元以上"]


def test_counts_of_people_in_ren_and_ming_compare():
    """名 counts persons as 人 does: 顶尖人才10人以上 one year, 8名 the next is a value changed."""
    a = _targets(["引进支持全球顶尖人才10人以上"])
    b = _targets(["新引育顶尖人才8名"])
    pairs = [(x.quantity.text, y.quantity.text) for x, y, _ in pair_task_targets(a, b, [])]
    assert pairs == [("10人以上", "8名")]


def test_a_list_mark_of_an_earlier_clause_does_not_widen_the_object():
    """推广“甲乙、丙丁”模式，…，确保粮食产量达436亿斤: the 、 inside an earlier clause lists other
    things; the figure counts 粮食产量, and pairs with the next year's 粮食总产."""
    a = _targets(["培育10家企业，推广“甲乙、丙丁”模式，实施单产提升行动，确保粮食产量达436亿斤"])
    assert [x.key for x in a if x.quantity.value == 4.36e10] == [x.key for x in _targets(["确保粮食产量达436亿斤"])]


def test_two_rates_of_penetration_share_no_head_noun():
    """直播电商渗透率 / 新能源汽车渗透率: two markets' shares, not one object."""
    a = _targets(["直播电商渗透率提升到30%"])
    b = _targets(["新能源汽车渗透率超过60%"])
    from reportdiff.align import Edge

    assert pair_task_targets(a, b, [Edge(0, 0, 1.0)]) == []


def test_objects_of_linked_sentences_written_in_another_order_pair():
    """The same words in another order (闲置农房盘活利用 / 激活利用闲置农房) are one object in
    sentences the alignment links, not in others; an object joining two things (城市更新项目和一批
    城中村) is not read in any order, nor are short objects (企业技改 / 技改企业)."""
    from reportdiff.align import Edge
    from reportdiff.detect.tasks.pairing import _reordered

    a, b = _targets(["新增闲置农房盘活利用2500宗以上"]), _targets(["新增激活利用闲置农房2000宗以上"])
    assert [x.key for x in a] == ["闲置农房盘活利用"] and [y.key for y in b] == ["激活利用闲置农房"]
    assert not pair_task_targets(a, b, [])
    assert [(x.quantity.text, y.quantity.text) for x, y, _ in pair_task_targets(a, b, [Edge(0, 0, 1.0)])] == [("2500宗以上", "2000宗以上")]
    assert _reordered("闲置农房盘活利用", "激活利用闲置农房") == 87.5  # 闲置农房, 活利用
    assert _reordered("城市更新项目和一批城中村", "城中村改造项目") == 0.0
    assert _reordered("企业技改", "技改企业") == 0.0
    c, d = _targets(["实施7个城市更新项目和一批城中村改造项目"]), _targets(["推进30个城中村改造项目"])
    assert not pair_task_targets(c, d, [Edge(0, 0, 1.0)])


def test_a_qualifier_after_the_measure_is_no_part_of_the_thing_measured():
    """产量增速超40% measures 产量 of the thing as a rate: read without 超 it is the other year's
    产量突破40万辆, a metric redefined; 超 closing a noun (商超) is kept."""
    from reportdiff.align import Edge
    from reportdiff.detect.tasks.pairing import _measured, pair_redefined

    assert _measured("新能源汽车整车产量增速超") == "新能源汽车整车产量"
    assert _measured("社区商超") == "社区商超"
    x, y = _targets(["新能源汽车产量突破40万辆"]), _targets(["新能源汽车整车产量增速超40%"])
    assert [(p.quantity.text, q.quantity.text) for p, q, _ in pair_redefined(x, y, [], [Edge(0, 0, 1.0)])] == [("40万辆", "40%")]


def test_two_actions_joined_before_the_object_are_no_part_of_it():
    """建成和开工建设未来社区110个 counts 未来社区: both actions and the 和 joining them are read off."""
    assert _key("建成和开工建设未来社区110个") == "未来社区"
    assert _key("新建和改造农村公路500公里") == "农村公路"


def _read(texts: list[str]) -> list[TaskTarget]:
    """Targets of sentences of a commitments part, read as :func:`task_targets` reads a report."""
    from types import SimpleNamespace

    from reportdiff.detect.tasks.objects import task_targets

    units = [SimpleNamespace(region=Region.COMMITMENTS, id=f"s{k}", section="x", text=t) for k, t in enumerate(texts)]
    return task_targets(None, units, set())


def test_a_running_total_counts_the_object_of_the_increment_before_it():
    """新增1000处信号灯联网、累计达8000处: the total counts 信号灯联网 and is the other year's level
    (实现7000处信号灯联网), not the increment; a bare 达 closes no object (设施蔬菜面积达125万亩)."""
    from reportdiff.align import Edge

    a, b = _read(["实现7000处信号灯联网。"]), _read(["新增1000处信号灯联网、累计达8000处。"])
    assert [(y.key, y.quantity.text) for y in b] == [("信号灯联网", "1000处"), ("信号灯联网", "8000处")]
    assert [(x.quantity.text, y.quantity.text) for x, y, _ in pair_task_targets(a, b, [Edge(0, 0, 1.0)])] == [("7000处", "8000处")]
    assert _key("设施蔬菜面积达125万亩") == "设施蔬菜面积"


def test_a_total_is_none_of_the_stages_its_parts_name():
    """推进50个港航项目 / 开工…6个航运项目，续建…22个项目，建成…7个项目: the total pairs with no part; two
    stages named on both sides and not shared are two tasks, 在建 is 续建."""
    from reportdiff.align import Edge

    a = _read(["推进50个港航项目。"])
    b = _read(["开工甲乙等6个航运项目，续建丙丁等22个项目，建成戊己等7个项目。"])
    assert not pair_task_targets(a, b, [Edge(0, 0, 1.0)])
    c, d = _read(["续建高速公路项目7个。"]), _read(["新开工高速公路项目5个。"])
    assert not pair_task_targets(c, d, [Edge(0, 0, 1.0)])
    e = _read(["在建高速公路项目9个。"])
    assert pair_task_targets(c, e, [Edge(0, 0, 1.0)])
    # one stage in a sentence counting other things elsewhere (续建新建地下管网 / 建成充电桩) is no part
    f, g = _read(["续建新建地下管网3000公里以上，建成充电桩2万个。"]), _read(["建设改造地下管网3500公里。"])
    assert [(x.quantity.text, y.quantity.text) for x, y, _ in pair_task_targets(f, g, [Edge(0, 0, 1.0)])] == [("3000公里以上", "3500公里")]
    # one figure of two stages is no sentence of several (建成和开工建设未来社区110个 / 新增未来社区建设项目50个)
    h, k = _read(["建成和开工建设未来社区110个。"]), _read(["新增未来社区建设项目50个。"])
    assert pair_task_targets(h, k, [Edge(0, 0, 1.0)])


def test_a_second_figure_after_the_first_ones_noun_measures_the_same_things():
    """续建甲乙等7个项目722公里: 722公里 is the length of the 7 projects, not of 项目 in general."""
    t = _read(["高速公路续建甲乙等7个项目722公里。"])
    assert [x.key for x in t] == ["高速公路续建甲乙等项目"] * 2


def test_a_bare_measure_is_the_thing_a_short_clause_before_names():
    """做强花卉，完成种植面积38万亩: the planting area of flowers, not any planting area."""
    assert [x.key for x in _read(["做强花卉，完成种植面积38万亩。"])] == ["花卉种植面积"]
    assert [x.key for x in _read(["加强管理，完成种植面积38万亩。"])] == ["种植面积"]


def test_a_share_is_not_the_figure_of_its_total():
    """高技术制造业增加值占规上工业增加值比重达13% / 规上工业增加值增长8%: the share of a part is no
    figure of the total; of its part it may be (民间投资占比…, a measure redefined elsewhere)."""
    from reportdiff.align import Edge

    a, b = _read(["高技术制造业增加值占规上工业增加值比重达13%。"]), _read(["规上工业增加值增长8%。"])
    assert a and b and not pair_task_targets(a, b, [Edge(0, 0, 1.0)])


def test_a_kind_pairs_with_the_other_years_broader_kind():
    """新增可再生能源装机1500万千瓦 / 新增风电光伏并网装机1300万千瓦以上: one task, its scope narrowed;
    two kinds of one broader kind (风电装机 / 光伏装机) are not."""
    a, b = _read(["新增可再生能源装机1500万千瓦。"]), _read(["新增风电光伏并网装机1300万千瓦以上。"])
    assert [(x.quantity.text, y.quantity.text) for x, y, _ in pair_task_targets(a, b, [])] == [("1500万千瓦", "1300万千瓦以上")]
    assert not pair_task_targets(_read(["新增风电装机500万千瓦。"]), _read(["新增光伏装机600万千瓦。"]), [])


def test_one_year_targets_under_a_planning_heading_with_short_objects_and_worded_figures(tmp_path):
    """Session 11: task targets of one year the tool never read. A heading of urban planning
    (统筹城市规划建设管理) is no plan period; an object of three characters that names a thing
    (托育点, not the bare measure 增加值), an object opening with a numeral of a word (一流学科, 零碳园区),
    kinds counted in 种, and shares or multiples in words (翻一番以上) are targets of the year; an
    amount in numerals (千亿元园区, 突破千亿元) is not."""
    from reportdiff.api import compare

    a = _one_year_report(2024, "全市地区生产总值增长5%。", "（一）扩大有效投资。实施重点项目300个。\n（二）统筹城市规划建设管理。新增城市绿地200公顷，新增230个托育点，建设10个左右一流学科，创建6个零碳园区。")
    b = _one_year_report(2025, "全市地区生产总值增长5.2%。", "（一）扩大有效投资。实施重点项目320个，力争千亿元园区达到3个。\n（二）提升开放水平。确保国际货邮吞吐量翻一番以上，推动加工贸易额突破千亿元，集中带量采购药品种类达到1000种。传统产业占全市规上工业企业总数的三成。")
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    task = [f for f in compare(tmp_path / "a.txt", tmp_path / "b.txt").findings if (f.detail or {}).get("level") == "task"]
    removed = {f.detail["object"] for f in task if f.type == T.TARGET_REMOVED}
    added = {f.detail["object"] for f in task if f.type == T.TARGET_ADDED}
    assert {"城市绿地", "托育点", "一流学科", "零碳园区"} <= removed
    assert "国际货邮吞吐量" in added and any("药品种类" in k for k in added)
    assert "加工贸易额" not in added  # 突破千亿元: an amount in numerals stays unread
    assert not any("园区" == k for k in added)
    assert not any("三成" in f.message for f in task)  # a share after 占: the structure as it is
    from reportdiff.detect.tasks.one_year import _short_object

    assert _short_object("主干道") and _short_object("托育点")
    assert not _short_object("增加值") and not _short_object("投资额") and not _short_object("大项目")


def test_a_size_joined_to_its_noun_by_de_is_no_target_of_one_year():
    """谋划建设160平方公里的临空产业园区: the area of the park (a size, 的, a noun); …5万亩的目标 is the target."""
    from reportdiff import quantities as qty
    from reportdiff.detect.tasks.one_year import _project_size

    def size(text):
        return _project_size(qty.extract(text)[0], text)

    assert size("谋划建设160平方公里的临空大型产业园区，发挥空铁联运优势")
    assert not size("完成新建高标准农田5万亩的目标任务") and not size("完成营造林260万亩")
    assert not size("对年应纳税所得额不到100万元的部分减半征收")  # money: a threshold, not a size


def test_a_sentence_of_several_years_does_not_hide_a_target_of_one_year(tmp_path):
    """The other year's 年均 sentence (城镇化率年均提高1个百分点) names no target of the year: a
    target of the year on the same object is one year's only."""
    from reportdiff.api import compare

    a = _one_year_report(2024, "全市地区生产总值增长5%。", "（一）扩大有效投资。实施重点项目300个。\n（二）推进城乡融合。全市城镇化率力争达到70%。")
    b = _one_year_report(2025, "全市地区生产总值增长5.2%。", "（一）扩大有效投资。实施重点项目320个。\n（二）推进城乡融合。常住人口城镇化率年均提高1个百分点。")
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    task = [f for f in compare(tmp_path / "a.txt", tmp_path / "b.txt").findings if (f.detail or {}).get("level") == "task"]
    assert any(f.type == T.TARGET_REMOVED and f.detail["object"] == "城镇化率" for f in task)


def test_the_same_figure_said_with_other_words_is_no_change_of_qualifier():
    """Session 11 (issue 14, unchanged targets flagged): 达到 X is X, 突破 is 超过, and an aim
    word opening a clause of its own that sets no figure is not the figure's qualifier."""
    from reportdiff.detect.tasks.objects import _same_qualifiers, _sentence_qualifiers, comparable_qualifiers
    from reportdiff.model import Region as R

    class U:
        def __init__(self, text):
            self.text, self.region = text, R.COMMITMENTS

    def same(a_text: str, b_text: str) -> bool:
        x, y = (TaskTarget(0, q, object_key(q, s) or "", s, _sentence_qualifiers(q, s)) for s in (a_text, b_text) for q in qty.extract(s)[-1:])
        return _same_qualifiers(x, y, [U(a_text)], [U(b_text)])

    assert same("合同引资额达到1000亿元。", "合同引资额1000亿元。")
    assert same("原煤产量达到1.45亿吨。", "原煤产量达1.45亿吨。")
    assert same("新备案境外企业超过100家。", "新备案境外企业突破100家。")
    assert same("新增停车位不低于10万个。", "新增停车位不少于10万个。")
    assert same("确保粮食稳产保供，实现粮食种植面积400万亩以上。", "实现粮食种植面积400万亩以上。")
    # a bound put on or taken off, an aim word on the figure's own clause: changes
    assert not same("新增停车位不少于10万个。", "新增停车位10万个。")
    assert not same("新增停车位10万个以上。", "新增停车位10万个。")
    assert not same("确保粮食种植面积400万亩以上。", "粮食种植面积400万亩以上。")
    assert not same("力争新增企业60家，其中工业企业20家。", "新增企业60家，其中工业企业20家。")
    assert comparable_qualifiers(["力争", "突破"]) == comparable_qualifiers(["超过", "力争", "达到"])


def test_a_count_written_before_a_size_does_not_take_the_sizes_bound():
    q = qty.extract("推进西港区3个20万吨以上泊位前期工作")
    assert (q[0].text, q[0].qualifier, q[1].qualifier) == ("3个", "", "以上")
    assert [x.qualifier for x in qty.extract("省、市重点项目分别为10个、20个以上")] == ["以上", "以上"]


def test_every_item_of_a_list_with_one_figure_each_is_its_own_target():
    """均 lists written with 、 give one target per item, each with the measure the last item
    writes (增速); an item of a 分别 or 均 list naming no measure takes the next item's (覆盖率,
    产量), not a total (固定资产投资、社会消费品零售总额 stay two indicators); 均 of a word (平均,
    人均) says no "each" (issue #14)."""
    got = [(t.quantity.text, t.key) for t in _read(["制造业中长期贷款、普惠小微贷款、科技型中小微企业贷款增速均达到25%以上。"])]
    assert got == [("25%以上", "制造业中长期贷款增速"), ("25%以上", "普惠小微贷款增速"), ("25%以上", "科技型中小微企业贷款增速")]
    got = [t.key for t in _read(["农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理率均提高3个百分点。"])]
    assert got == ["农村卫生户厕覆盖率", "生活垃圾处理设施覆盖率", "生活污水治理率"]
    got = [(t.quantity.text, t.key) for t in _read(["农村卫生厕所和生活垃圾处理设施覆盖率分别提高到75%、88%。"])]
    assert got == [("75%", "农村卫生厕所覆盖率"), ("88%", "生活垃圾处理设施覆盖率")]
    assert [t.key for t in _read(["甘蔗、蔬菜、水果产量分别达到1050万吨、794万吨、542.5万吨。"])] == ["甘蔗产量", "蔬菜产量", "水果产量"]
    assert [t.key for t in _read(["化工、有色行业增加值增速均超过30%。"])] == ["化工增加值增速", "有色行业增加值增速"]
    assert [t.key for t in _read(["游客人次、旅游收入均增长10%以上。"])] == ["游客人次", "旅游收入"]  # a head count of its own
    got = [t.key for t in _read(["固定资产投资、社会消费品零售总额、一般公共预算收入分别增长6%、5%、4%。"])]
    assert got[0] == "固定资产投资"
    assert len(_read(["群众就医自付费用、药品价格平均降低19%。"])) == 1  # 平均: one figure, one target


def test_one_year_target_states_every_figure_of_its_object(tmp_path):
    """A count and a length of the same projects (新开工甲乙等3个项目307公里) are one target of one
    year: its finding states both figures; one figure of a 均 list is one finding."""
    from reportdiff.api import compare

    a = _one_year_report(2024, "全市地区生产总值增长5%。", "（一）扩大有效投资。新开工甲线、乙线等3个高速公路项目307公里。\n（二）保障改善民生。新建社区食堂20个。")
    b = _one_year_report(2025, "全市地区生产总值增长5.2%。", "（一）扩大有效投资。推进城市更新。\n（二）保障改善民生。新建社区食堂30个。\n（三）繁荣文旅消费。游客人次、旅游收入均增长10%以上。\n（四）提升城市治理。新增1000处信号灯联网、累计达8000处。")
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    task = [f for f in compare(tmp_path / "a.txt", tmp_path / "b.txt").findings if (f.detail or {}).get("level") == "task"]
    assert [f.detail["old"] for f in task if f.type == T.TARGET_REMOVED] == ["3个、307公里"]
    # one figure holding for each item of a list (游客人次、旅游收入均增长10%以上): two targets, one finding
    added = [f.detail["new"] for f in task if f.type == T.TARGET_ADDED]
    assert added.count("10%以上") == 1
    assert not any("8000处" in x and "1000处" in x for x in added)  # an increment and a running total: apart
