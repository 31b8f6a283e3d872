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
