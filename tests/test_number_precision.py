"""number_changed precision (issue 14, session 9): figures that are part of a name, worded clauses
that build an institution, kinds of one head noun, and 达 closing an object (synthetic text)."""

from __future__ import annotations

from reportdiff.detect.tasks.pairing import _head, pair_task_targets
from reportdiff.detect.tasks.worded import _institution, in_name

from test_tasks import _one_year_report, _targets

_A = _one_year_report(
    2024,
    "全市地区生产总值增长5%，新建高标准农田3万亩。",
    "（一）繁荣农村市场。新建县级物流配送中心30个，完善农村流通体系。\n"
    "（二）夯实粮食安全。改造提升高标准农田2万亩以上，确保粮食产量稳中有升。\n"
    "（三）完善住房保障。筹建配售型保障性住房1万套，统筹解决新市民住房问题。\n"
    "（四）盘活工业用地。完成低效工业区块改造提升6000亩，推进工业上楼。",
)
_B = _one_year_report(
    2025,
    "全市地区生产总值增长5.2%，新建高标准农田5万亩。",
    "（一）繁荣农村市场。建设一批县级物流配送中心，完善农村流通体系。\n"
    "（二）夯实粮食安全。完善高标准农田建设、验收、管护机制，确保粮食产量稳中有升。\n"
    "（三）完善住房保障。多渠道筹集建设保障性住房，统筹解决新市民住房问题。\n"
    "（四）盘活工业用地。深化低效工业区块“万亩提升”，推进工业上楼。",
)


def test_no_number_change_from_an_institution_a_wider_kind_or_a_name(tmp_path):
    """A mechanism for 高标准农田 states no 2万亩 in words; 保障性住房 of every kind is not the
    配售型 kind; 6000亩 does not pair with the 万亩 of a quoted name; the plain case (物流配送中心
    30个 / 一批) is still found."""
    from reportdiff.api import compare

    (tmp_path / "a.txt").write_text(_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_B, encoding="utf-8")
    cmp = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    worded = {f.detail["old"]: f.detail["new"] for f in cmp.findings if (f.detail or {}).get("change") == "quant_to_qual"}
    assert worded.get("30个") == "建设一批县级物流配送中心"
    assert not set(worded) & {"2万亩以上", "1万套"}, worded
    values = [(f.detail.get("old"), f.detail.get("new")) for f in cmp.findings if f.type.value == "number_changed"]
    assert not any("万亩" == n or "6000亩" == o and "万" in str(n) for o, n in values), values


def test_a_figure_in_a_name_is_no_target():
    """Inside quotes, or in words only before a programme that closes its clause."""
    quoted, action, plain, digits = _targets(
        ["深化低效工业区块“万亩提升”", "落实国家新一轮千亿斤粮食产能提升行动", "确保软件产业规模突破千亿元", "实施重点项目300个"]
    )[:4]
    texts = {0: "深化低效工业区块“万亩提升”", 1: "落实国家新一轮千亿斤粮食产能提升行动", 2: "确保软件产业规模突破千亿元", 3: "实施重点项目300个"}
    assert in_name(quoted, texts[quoted.unit]) and in_name(action, texts[action.unit])
    assert not in_name(plain, texts[plain.unit]) and not in_name(digits, texts[digits.unit])


def test_an_institution_clause():
    assert _institution("完善高标准农田建设、验收、管护机制") and _institution("健全终身职业技能培训体系，")
    assert not _institution("积极承接国家城中村改造增量政策") and not _institution("建设一批县级物流配送中心")


def test_a_sector_does_not_pair_with_a_bare_rank_of_projects_nor_a_housing_kind_with_another():
    a = _targets(["加快1100个重大交通物流项目建设", "建设保障性租赁住房1.2万套"])
    b = _targets(["加快3100个重大项目建设", "筹集配售型保障性住房3600套"])
    assert pair_task_targets(a, b, []) == []
    # the same rank of projects without a sector on either side still pairs (市级重大项目 / 重大项目)
    a = _targets(["实施市级重大项目700个"])
    b = _targets(["实施重大项目800个"])
    assert len(pair_task_targets(a, b, [])) == 1


def test_a_reach_verb_closing_the_object_is_no_head_noun():
    assert _head("公办幼儿园覆盖率达", "社区分类治理覆盖率达") == 0
    assert _head("突破性新品种", "优良动植物新品种") == 3


def test_an_ending_shared_only_once_da_is_read_off_stays_unshared():
    assert _head("工业增加值占全省比重", "县域经济总量占全省比重达") == 0


def test_the_other_year_writing_the_same_figure_states_no_target_in_words():
    """2万人以上 / 新培育技能人才2万名以上 (名 unread as a measure): the same figure, not words."""
    from reportdiff import quantities as qty
    from reportdiff.detect.tasks.worded import _figure_written

    q = qty.extract("培育技能人才2万人以上")[0]
    assert _figure_written(q, "新培育技能人才2万名以上")
    assert not _figure_written(q, "新培育技能人才12万名") and not _figure_written(q, "建设一批技能人才基地")


def test_levels_of_government_tell_things_apart():
    """省科技领军企业 / 国家科技领军企业: another level's list; 国家级和省级 names both."""
    from reportdiff.detect.tasks.pairing import _kinds_differ, _kinds_unnamed

    assert _kinds_differ("省科技领军企业", "国家科技领军企业")
    assert _kinds_unnamed("省科技领军企业", "力争国家科技领军企业实现零的突破")
    assert not _kinds_differ("国家级和省级专精特新企业", "国家级专精特新企业")
    assert not _kinds_differ("市场主体", "国家高新技术企业") and not _kinds_unnamed("科技领军企业", "国家科技领军企业")
    a = _targets(["新培育省科技领军企业5家"])
    b = _targets(["新培育国家科技领军企业2家"])
    assert pair_task_targets(a, b, []) == []


def test_a_count_before_its_noun_after_a_verb_counts_the_noun():
    """引导各地聚力打造1-2个主导产业 / 支持各县集中资源发展1-2个主导产业: one object."""
    a = _targets(["引导各地因地制宜聚力打造1-2个主导产业"])
    b = _targets(["支持各县集中资源发展1-2个主导产业"])
    assert a[0].key == b[0].key == "主导产业"


def test_measure_words_of_funds_and_parcels_count():
    from reportdiff import quantities as qty
    from reportdiff.detect.tasks.objects import _comparable

    q = qty.extract("建立天使投资引导基金子基金3支")
    assert q and q[0].unit == "支"
    x, y = qty.extract("推动116个项目投产")[0], qty.extract("推动130宗项目投产")[0]
    assert _comparable(x, y)


def test_a_change_against_last_year_restating_a_rate_is_no_task_target():
    """赤字率拟按2.6%安排，比去年预算低0.4个百分点: the 0.4 restates the rate's change."""
    assert [t.quantity.text for t in _targets(["今年赤字率拟按2.6%安排，比去年预算低0.4个百分点"])] == ["2.6%"]
    # a change of points standing alone is still read
    assert _targets(["比去年提高1个百分点"])


def test_the_first_subject_of_a_respective_list_keeps_its_object():
    """大豆、油料种植面积分别达910万、850万亩 after an earlier figure: 910万 counts 大豆."""
    keys = [t.key for t in _targets(["发展优质专用粮食5700万亩，大豆、油料种植面积分别达910万、850万亩"])]
    assert keys[1].startswith("大豆") and keys[2].startswith("油料"), keys


def test_a_rate_named_by_its_word_is_sought_by_that_word():
    """新能源汽车渗透率 is not named by …新能源化改造，率先… (率 alone)."""
    from reportdiff.detect.tasks.one_year import _measure, _named_in

    assert _measure("新能源汽车渗透率") == "渗透率"
    assert not _named_in("新能源汽车", "实施城乡新能源化改造，率先实现公共领域车辆电动化", _measure("新能源汽车渗透率"))
    assert _named_in("新能源汽车", "新能源汽车渗透率提高到50%", _measure("新能源汽车渗透率"))


def test_a_shared_size_class_names_no_shared_thing():
    """50亿元以上农业全产业链 / 10亿元以上企业: 亿元以上 is all they share; 亿元以上项目 pairs."""
    from reportdiff.detect.tasks.pairing import _kinds_differ

    assert _kinds_differ("50亿元以上农业全产业链", "10亿元以上企业")
    assert _kinds_differ("50亿元以上农业全产业链", "亿元以上农业龙头企业")
    assert not _kinds_differ("10亿元以上产业项目", "5亿元以上产业项目") and not _kinds_differ("元宇宙企业", "元宇宙企业")
