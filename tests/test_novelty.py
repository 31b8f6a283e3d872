"""Clause-level new / dropped initiatives (detect/novelty.py): linked-sentence partners, cited spans."""

from __future__ import annotations

import math

import numpy as np

from reportdiff.align import Edge
from reportdiff.detect import novelty as N
from reportdiff.model import Region, Unit
from reportdiff.normalize import match_key
from reportdiff.similarity import Cosine, bigram_matrices, pair_dots, tfidf


def _units(texts: list[str]) -> list[Unit]:
    return [Unit(id=f"s{k}", text=t, key=match_key(t), section="s1", region=Region.COMMITMENTS, span=(0, len(t))) for k, t in enumerate(texts)]


def test_pair_dots_are_the_cosines_of_those_pairs():
    a = ["加快推进城市更新行动", "建设高标准农田5万亩", "深化国资国企改革"]
    b = ["实施城市更新行动", "深化国有企业改革", "建设高标准农田2万亩", "发展银发经济"]
    rows = tfidf(*bigram_matrices([match_key(t) for t in a], [match_key(t) for t in b]))
    dense = Cosine(*rows).dense()
    r = np.array([0, 0, 1, 2, 2, 1])
    c = np.array([0, 3, 2, 1, 0, 2])
    assert np.allclose(pair_dots(*rows, r, c), dense[r, c], atol=1e-6)


def test_linked_best_looks_only_at_the_linked_sentences():
    a = _units(["实施城市更新行动，加快推进伶俐、六景等水质净化厂开工建设", "深化国资国企改革，加快推进重点项目开工建设"])
    b = _units(["实施城市更新行动，改造城镇老旧小区300个", "发展银发经济，加快推进重点项目开工建设"])
    cc = N.clause_cosines(a, b)
    loc = cc.linked_best([Edge(0, 0, 0.5)])
    ka = cc.clauses_of("a", 0)
    assert math.isclose(loc["a"][ka[0]], 2.0, abs_tol=1e-5)  # the same clause in the linked sentence
    # the added clause: nothing of its linked sentence is near, though a clause elsewhere shares
    # its generic words (加快推进…开工建设), so its best partner overall is nearer
    assert loc["a"][ka[1]] < N.CLAUSE_SUM_LINKED
    assert sum(cc.best("a", ka[1])) > loc["a"][ka[1]]
    assert all(math.isnan(loc["a"][k]) for k in cc.clauses_of("a", 1))  # a sentence linked to nothing
    assert all(math.isnan(loc["b"][k]) for k in cc.clauses_of("b", 1))


def test_a_run_cites_the_sentence_as_written():
    units = _units(["新培育50家省级工业互联网平台、30家“产业大脑”，打造典型应用场景100个"])
    cl = N._commit_clauses(units)
    assert len(cl) == 3  # cut at the 、 between two targets
    assert N._run_text(units, cl, [0, 1]) == "新培育50家省级工业互联网平台、30家“产业大脑”"  # not re-joined with ，
    assert N._run_text(units, cl, [0, 1, 2]) == units[0].text


def test_learnt_rhetoric_needs_a_marker_and_nothing_concrete():
    # markers of data/rhetoric_learnt.toml (learnt from the tuning keys): 始终, 贯彻, 习近平 ...
    assert N._learnt_rhetoric("始终把人民放在心中最高位置")
    assert N._learnt_rhetoric("深入贯彻习近平强军思想")
    # a figure, a quoted name or a named initiative is concrete: never rhetoric by the markers
    assert not N._learnt_rhetoric("始终推进5个片区开发建设")
    assert not N._learnt_rhetoric("深入贯彻“千万工程”经验")
    # no marker: an act
    assert not N._learnt_rhetoric("扩大高校面向农村和贫困地区招生规模")
    assert N._is_framing_clause("坚持稳中求进工作总基调")


def test_rhetoric_sentence_needs_every_clause_but_small_pieces():
    rhet, act = _units(["始终把人民放在心中最高位置，深入贯彻习近平强军思想。", "始终把人民放在心中最高位置，建设城市书房20处。"])
    assert N._rhetoric_sentence(rhet)
    assert not N._rhetoric_sentence(act)
    # a short clause of four characters or more counts (推广新能源汽车 is the act)
    assert not N._rhetoric_sentence(_units(["推广新能源汽车，激发社会活力。"])[0])


def test_an_outlook_frames_a_clause_and_a_sentence_that_ends_in_one():
    # a clause that foretells or weighs (rhetoric.toml [framing] outlook) is framing
    assert N._is_framing_clause("营商环境一定会越来越好")
    assert N._is_framing_clause("托育服务事关千家万户")
    assert not N._is_framing_clause("建设托育服务中心20个")
    view, call, act = _units(["持续深化园区改革，园区必将焕发新的生机活力。", "严禁新建楼堂馆所，一定要把资金用在民生急需上。", "持续深化园区改革，推动园区扩容提质。"])
    # a sentence ending in what will follow from the acts before it is a view as a whole
    assert N._rhetoric_sentence(view)
    # one ending in a call (一定要…) still holds its acts, and a sentence without an outlook is an act
    assert not N._rhetoric_sentence(call)
    assert not N._rhetoric_sentence(act)
    N.OUTLOOK = False
    try:
        assert not N._rhetoric_sentence(view)
    finally:
        N.OUTLOOK = True


def test_learnt_markers_file_is_what_the_learner_writes():
    """data/rhetoric_learnt.toml is what benchmarks/learn_rhetoric.py writes from the tuning keys it
    names (pairs that became tuning later are not in it until the learner is re-run)."""
    import importlib.util
    from pathlib import Path

    from reportdiff import vocab

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "learn_rhetoric.py"
    spec = importlib.util.spec_from_file_location("learn_rhetoric", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pairs = vocab.load("rhetoric_learnt")["markers"]["pairs"]
    assert len(pairs) >= 9 and set(pairs) <= set(mod.tuning_pairs())
    markers, _ = mod.learn(pairs)
    assert markers == vocab.load("rhetoric_learnt")["markers"]["words"]


def test_framing_openers_and_general_requirement_headings():
    """2023年，是…之年, 必须…, 一要…, 坚定不移… frame; sentences under a heading naming the year's general
    requirements (总体要求…) frame; a task under a task heading does not."""
    from reportdiff.api import load_bytes

    text = (
        "政府工作报告\n\n一、2023年工作回顾\n\n过去一年，我们建成10个园区。\n\n"
        "二、2024年工作总体要求和主要目标\n\n要牢牢把握稳中求进的重大要求，推动经济实现质的有效提升。\n\n"
        "三、2024年重点工作\n\n（一）致力科技创新引领，加快推进新型工业化\n\n"
        "增强科技创新能力。新建省级重点实验室5家，启动建设科学城二期。实施产业基础再造工程，建设中试平台10个。\n"
    ).encode("utf-8")
    doc = load_bytes(text, "x.txt")
    units = {s.text: Unit(id=s.id, text=s.text, key=match_key(s.text), section=s.section, region=s.region, span=s.span) for s in doc.sentences}
    general = next(u for t, u in units.items() if t.startswith("要牢牢把握"))
    task = next(u for t, u in units.items() if t.startswith("实施产业基础再造工程"))
    assert N.is_framing(general, doc)
    assert not N.is_framing(task, doc)
    lone = _units(["2023年，是全面贯彻党的二十大精神的开局之年。", "必须坚持党的全面领导，把决策部署贯彻到工作全过程。", "二要聚焦瓶颈制约，坚定推进重大改革。", "一是坚定不移贯彻新发展理念，树牢高质量发展思维。"])
    sentence = N._framing()[0]
    assert all(sentence.match(u.text) for u in lone)
    assert not sentence.match("建设高标准农田5万亩。") and not sentence.match("坚持过紧日子。")


def _year(year: int, long_clauses: list[str], short_clauses: list[str]):
    """A report whose commitments part holds a sentence of six clauses and one of two (synthetic)."""
    from reportdiff.api import load_bytes

    text = (
        f"政府工作报告\n\n一、{year - 1}年工作回顾\n\n过去一年，我们建成10个园区。\n\n三、{year}年重点工作\n\n（一）建设宜居城市\n\n"
        + "，".join(long_clauses) + "。" + "，".join(short_clauses) + "。\n"
    ).encode("utf-8")
    doc = load_bytes(text, f"{year}.txt")
    units = [Unit(id=s.id, text=s.text, key=match_key(s.text), section=s.section, region=Region.COMMITMENTS, span=s.span) for s in doc.sentences]
    return doc, units


def test_a_generic_detail_of_a_long_continued_sentence_is_not_new(monkeypatch):
    """MIN_RUN_SHARE: one clause naming nothing concrete among the six clauses of a sentence the
    other year states too is a detail of the task, not reported; the same clause in a sentence of
    two is reported, and so is a clause with a figure in the long sentence."""
    common = ["推进城市更新改造城镇老旧小区", "完善社区养老服务设施布局", "加快建设城市地下综合管廊", "整治背街小巷和城中村环境", "提升城市园林绿化养护水平"]

    def new_clauses(added: str) -> dict[str, list[str]]:
        a, au = _year(2024, common + ["规范城市户外广告设置管理"], ["加强农贸市场标准化改造", "扩大城市公交线网覆盖范围"])
        b, bu = _year(2025, common + [added], ["加强农贸市场标准化改造", added])
        long_a, short_a = (k for k, u in enumerate(au) if u.text.startswith(("推进城市更新", "加强农贸")))
        long_b, short_b = (k for k, u in enumerate(bu) if u.text.startswith(("推进城市更新", "加强农贸")))
        found = N.clause_new_dropped(a, b, au, bu, [Edge(long_a, long_b, 0.8), Edge(short_a, short_b, 0.6)], True)
        return {which: [f.detail["clause"] for f in found if f.type.value == "new" and bu[k].id in f.b_ids] for which, k in (("long", long_b), ("short", short_b))}

    assert new_clauses("健全基层应急救援协调机制") == {"long": [], "short": ["健全基层应急救援协调机制"]}
    assert new_clauses("新建社区应急救援站12个") == {"long": ["新建社区应急救援站12个"], "short": ["新建社区应急救援站12个"]}
    monkeypatch.setattr(N, "MIN_RUN_SHARE", 0)
    assert new_clauses("健全基层应急救援协调机制")["long"] == ["健全基层应急救援协调机制"]


def test_a_heading_of_requirements_and_tasks_frames_nothing():
    """Under 二、2025年工作总体要求和重点任务 lies the whole year's work: only a heading naming the
    general requirements alone (总体要求, 指导思想) frames the sentences under it."""
    from reportdiff.detect.novelty import _frames

    assert _frames("二、2024年工作总体要求和主要目标")
    assert _frames("三、2025年工作安排 › （一）总体要求")
    assert not _frames("二、2025年工作总体要求和重点任务 › （一）加快发展新质生产力")
    assert not _frames("三、2025年重点工作 › （二）扩大有效投资")


def test_maxims_rallying_and_attitude_clauses_frame_and_lead_ins_are_pieces():
    """VIEWS (rhetoric.toml [framing] maxim / view_clause / lead_in), synthetic text."""
    # a short sentence stating a rule of the genre (X则Y, X就是Y, X才能Y, …无小事) is framing
    for s in ("园区兴则县域兴，产业强则县域强。", "抓招商就是抓未来。", "园区活，县域经济才能活；", "安全无小事，事事连民心。"):
        assert N._is_maxim(s), s
    # 规则/原则 is no 则; a figure or quoted name makes it concrete; a long sentence is no maxim
    assert not N._is_maxim("加强与国际通行经贸规则对接，建设一流营商环境。")
    assert not N._is_maxim("抓招商就是抓未来，全年引进项目50个。")
    assert not N._is_maxim("抓招商就是抓未来，完善招商引资考核办法，健全项目跟踪服务机制，优化招商队伍结构。")
    # a clause that rallies or professes an attitude is framing; 落实…精神 and acts are not
    assert N._is_framing_clause("凝聚起团结奋斗的强大力量")
    assert N._is_framing_clause("以实干实绩诠释绝对忠诚")
    assert N._is_framing_clause("切实转变工作作风")
    assert not N._is_framing_clause("建立健全干部作风监督机制，开展作风专项整治20次")
    assert not N._is_framing_clause("加快建设城市应急救援力量体系")
    unit = _units(["坚持干字当头，切实转变工作作风。"])[0]
    assert N._rhetoric_sentence(unit)
    # a lead-in naming what the act is aimed at (按照/围绕/聚焦… and no verb of action) is a piece;
    # one with its own act (围绕…部署…, 按照…推进…) is not
    assert N._is_view_clause("聚焦研发设计、检测认证等领域", lead_in=True)
    assert N._is_view_clause("对标高标准国际经贸规则", lead_in=True)
    assert not N._is_view_clause("围绕产业链部署创新链", lead_in=True)
    assert not N._is_view_clause("按照市场化原则稳步推进战略性重组", lead_in=True)
    N.VIEWS = False
    try:
        assert not N._is_maxim("抓招商就是抓未来。") and not N._is_framing_clause("切实转变工作作风")
    finally:
        N.VIEWS = True


def test_a_lead_in_goes_with_the_run_after_it_never_alone():
    """A lead-in clause of a linked sentence is not a finding of its own; it heads the run after it
    and joins a short last piece after a run (…，聚焦…等领域，引育企业100家以上)."""
    common = ["推进城市更新改造城镇老旧小区", "完善社区养老服务设施布局", "加快建设城市地下综合管廊"]

    def found(a_clauses, b_clauses):
        a, au = _year(2024, common + a_clauses, ["加强农贸市场标准化改造", "扩大城市公交线网覆盖范围"])
        b, bu = _year(2025, common + b_clauses, ["加强农贸市场标准化改造", "扩大城市公交线网覆盖范围"])
        la = next(k for k, u in enumerate(au) if u.text.startswith("推进城市更新"))
        lb = next(k for k, u in enumerate(bu) if u.text.startswith("推进城市更新"))
        sa = next(k for k, u in enumerate(au) if u.text.startswith("加强农贸"))
        sb = next(k for k, u in enumerate(bu) if u.text.startswith("加强农贸"))
        fs = N.clause_new_dropped(a, b, au, bu, [Edge(la, lb, 0.8), Edge(sa, sb, 0.6)], True)
        return [f.detail["clause"] for f in fs if f.type.value == "new"]

    # a lead-in alone, its act continued: nothing new
    assert found(["整治背街小巷和城中村环境"], ["聚焦老城区和城乡接合部", "整治背街小巷和城中村环境"]) == []
    # a lead-in before a new act goes with it
    assert found(["整治背街小巷和城中村环境"], ["整治背街小巷和城中村环境", "聚焦老城区和城乡接合部", "新建口袋公园和街心游园30个"]) == ["聚焦老城区和城乡接合部，新建口袋公园和街心游园30个"]


def test_a_goal_of_the_other_years_plan_outline_is_a_counterpart(monkeypatch):
    """GOALS_PARTNERS: a task of one year that the other year's five-year plan outline restates
    nearly as is continues (not dropped); a new government's aims for its term (今后五年) do not
    count, and goals sentences themselves are never new / dropped."""
    from reportdiff.api import load_bytes
    from reportdiff.similarity import Cosine, bigram_matrices, tfidf

    def year(y: int, goals_heading: str, goals: str, tasks: str):
        text = f"政府工作报告\n\n一、{y - 1}年工作回顾\n\n过去一年，我们建成10个园区。\n\n二、{goals_heading}\n\n{goals}\n\n三、{y}年重点工作\n\n（一）建设宜居城市\n\n{tasks}\n".encode("utf-8")
        doc = load_bytes(text, f"{y}.txt")
        # the parts as the region reading gives them in a whole report (this text is too short to be read as one)
        part = {"二": Region.GOALS, "三": Region.COMMITMENTS}
        units = []
        for s in doc.sentences:
            region = part.get(doc.section_path(s.section).split(" › ")[1][0])
            if region is not None:
                units.append(Unit(id=s.id, text=s.text, key=match_key(s.text), section=s.section, region=region, span=s.span))
        return doc, units

    tasks_a = "推动成渝地区双城经济圈建设，打造内陆开放高地。实施城市更新行动，改造城镇老旧小区300个。发展银发经济，建设社区养老服务中心20个。"
    tasks_b = "实施城市更新行动，改造城镇老旧小区400个。建设海绵城市，新建雨水调蓄设施12处。"
    outline = "推进成渝地区双城经济圈建设，打造内陆开放高地。"

    def found(goals_heading: str) -> dict[str, list[str]]:
        a, au = year(2020, "今年发展主要目标", "今年发展主要预期目标是：城镇新增就业900万人以上。", tasks_a)
        b, bu = year(2021, goals_heading, outline, tasks_b)
        assert any(u.region == Region.GOALS and u.text == outline for u in bu)
        ia = next(k for k, u in enumerate(au) if u.text.startswith("实施城市更新"))
        ib = next(k for k, u in enumerate(bu) if u.text.startswith("实施城市更新"))
        cos = Cosine(*tfidf(*bigram_matrices([u.key for u in au], [u.key for u in bu])))
        fs = N.new_dropped(a, b, au, bu, [Edge(ia, ib, 0.9)], True, cos)
        return {t: [f.a_text or f.b_text for f in fs if f.type.value == t] for t in ("new", "dropped")}

    plan = found("“十四五”时期主要目标任务")
    assert not any("成渝" in t for t in plan["dropped"] + plan["new"])  # restated by B's outline
    assert any("银发经济" in t for t in plan["dropped"]) and any("海绵城市" in t for t in plan["new"])
    assert any("成渝" in t for t in found("今后五年目标任务")["dropped"])  # a term's aims: not an outline
    monkeypatch.setattr(N, "GOALS_PARTNERS", False)
    assert any("成渝" in t for t in found("“十四五”时期主要目标任务")["dropped"])


def test_confidence_tier_needs_a_figure_length_and_no_near_text():
    """A new / dropped finding is confident when it states a figure, is at least
    CONFIDENT_MIN_LEN characters long and its best cosine is below CONFIDENT_MAX_COSINE."""
    long_fig = "新建口袋公园和街心游园30个，改造提升城市绿道和滨水步道50公里"
    assert len(long_fig) >= N.CONFIDENT_MIN_LEN
    assert N.confidence(long_fig, 0.05) == "high"
    assert N.confidence(long_fig, None) == "high"  # nothing of the other year near at all
    assert N.confidence(long_fig, N.CONFIDENT_MAX_COSINE) == "check"  # something near: check it
    assert N.confidence("新建口袋公园30个", 0.0) == "check"  # too short
    assert N.confidence("改造提升城市绿道和滨水步道，推动公园城市建设提质增效，打造城市更新样板", 0.0) == "check"  # no figure
    assert N.confidence(" ".join(long_fig), 0.05) == "high"  # whitespace does not count


def test_clause_findings_carry_their_confidence_tier():
    common = ["推进城市更新改造城镇老旧小区", "完善社区养老服务设施布局", "加快建设城市地下综合管廊"]
    a, au = _year(2024, common + ["整治背街小巷和城中村环境"], ["加强农贸市场标准化改造", "扩大城市公交线网覆盖范围"])
    b, bu = _year(2025, common + ["整治背街小巷和城中村环境", "聚焦老城区和城乡接合部", "新建口袋公园和街心游园30个"], ["加强农贸市场标准化改造", "扩大城市公交线网覆盖范围"])
    la = next(k for k, u in enumerate(au) if u.text.startswith("推进城市更新"))
    lb = next(k for k, u in enumerate(bu) if u.text.startswith("推进城市更新"))
    fs = N.clause_new_dropped(a, b, au, bu, [Edge(la, lb, 0.8)], True)
    assert fs
    for f in fs:
        assert f.detail["confidence"] == N.confidence(f.detail["clause"], f.detail["best_cosine"])
