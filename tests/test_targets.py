"""Headline targets against the next year's review: outcomes, status rules, ``reportdiff targets``
and the target findings of ``compare``, on three national reports bundled in tests/data/corpus."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import run_cli
from reportdiff.model import Outcome, Target, TargetStatus

DATA = Path(__file__).resolve().parent / "data" / "corpus"
N2021, N2022, N2023 = (DATA / f"national-{y}.txt" for y in (2021, 2022, 2023))


@pytest.fixture(scope="module")
def national():
    from reportdiff.api import load_document

    return {y: load_document(DATA / f"national-{y}.txt") for y in (2021, 2022, 2023)}


def _t(value, unit="%", qualifier="", canonical="地区生产总值增长", upper=None):
    return Target("m", canonical, value, unit, qualifier, "text", "s1", (0, 1), upper)


def _o(value, unit="%"):
    return Outcome("m", "地区生产总值增长", value, unit, "", "text", "s2", (0, 1))


@pytest.mark.parametrize(
    "target, outcome, direction, status",
    [
        (_t(6, qualifier="以上"), _o(8.1), "up", TargetStatus.MET),
        (_t(5.5, qualifier="左右"), _o(5.2), "up", TargetStatus.MET_WITH_QUALIFIER),
        (_t(5.5, qualifier="左右"), _o(4.9), "up", TargetStatus.MISSED),
        (_t(6, qualifier="以上"), _o(5.9), "up", TargetStatus.MISSED),  # 以上: no tolerance
        (_t(6, upper=6.5), _o(6.1), "up", TargetStatus.MET),  # a range: its lower end
        (_t(3, qualifier="左右"), _o(3.4), "down", TargetStatus.MET_WITH_QUALIFIER),  # a ceiling
        (_t(4.5, qualifier="以内"), _o(4.6), "down", TargetStatus.MISSED),
        (_t(1100, unit="万人", qualifier="左右"), _o(1050, "万人"), "up", TargetStatus.MET_WITH_QUALIFIER),  # 5% of the target
        (_t(1100, unit="万人", qualifier="左右"), _o(1040, "万人"), "up", TargetStatus.MISSED),
        (_t(1.3, unit="万亿斤", qualifier="以上"), _o(13700, "亿斤"), "up", TargetStatus.MET),  # units converted
        (_t(6), _o(114, "万亿元"), "up", TargetStatus.NOT_REPORTED),  # another measure
        (_t(None), _o(None, ""), "", TargetStatus.QUALITATIVE),
        (_t(6), None, "up", TargetStatus.NOT_REPORTED),
    ],
)
def test_status_rules(target, outcome, direction, status):
    from reportdiff.structure.outcomes import target_status

    assert target_status(target, outcome, direction) == status


def test_direction_from_metric_and_qualifier():
    from reportdiff.structure.outcomes import direction_of

    assert direction_of(_t(3, qualifier="左右", canonical="居民消费价格涨幅")) == "down"
    assert direction_of(_t(4.5, qualifier="以内", canonical="某指标")) == "down"
    assert direction_of(_t(3, qualifier="左右", canonical="单位生产总值能耗降低")) == "up"
    assert direction_of(_t(None)) == ""
    # 不低于 is a floor although it holds the ceiling word 低于
    assert direction_of(_t(5, qualifier="不低于", canonical="地区生产总值增长")) == "up"
    assert direction_of(_t(5, qualifier="力争+低于", canonical="某指标")) == "down"


def test_review_outcomes(national):
    from reportdiff.structure.outcomes import review_outcomes

    outs = review_outcomes(national[2022])
    first = {}
    for o in outs:
        first.setdefault(o.canonical, o)
    assert (first["地区生产总值增长"].value, first["地区生产总值增长"].unit) == (8.1, "%")
    assert (first["城镇新增就业"].value, first["城镇新增就业"].unit) == (1269, "万人")
    assert first["城镇调查失业率"].value == 5.1


def test_pairs_of_years(national):
    from reportdiff.structure.outcomes import pair_years

    checks = pair_years(list(national.values()))
    by = {(c.year, c.target.canonical): c for c in checks if c.target.value is not None}
    assert by[(2021, "地区生产总值增长")].status == TargetStatus.MET
    gdp22 = by[(2022, "地区生产总值增长")]
    assert gdp22.status == TargetStatus.MISSED and gdp22.outcome.value == 3
    assert by[(2022, "城镇新增就业")].status == TargetStatus.MET
    assert all(c.status == TargetStatus.PENDING for c in checks if c.year == 2023)


def test_targets_command(tmp_path):
    import shutil

    folder = tmp_path / "national"
    folder.mkdir()
    for p in sorted(DATA.glob("national-*.txt")):
        shutil.copy(p, folder / p.name)
    out = tmp_path / "t"
    code, stdout, err = run_cli(["targets", str(folder), "--out-dir", str(out), "-j", "1"])
    assert code == 0, err
    assert "读取报告 3 份" in stdout
    raw = (out / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    gdp = [r for r in rows if r["年份"] == "2022" and r["指标（统一名称）"] == "地区生产总值增长"]
    assert gdp and gdp[0]["状态"] == "missed" and gdp[0]["目标"] == "5.5%左右"
    from openpyxl import load_workbook

    wb = load_workbook(out / "targets.xlsx")
    assert wb.sheetnames[:2] == ["目标与完成情况", "指标×年份"]
    html = (out / "targets.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in html and "<svg" in html and "未完成" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html  # offline
    # deterministic: a second run writes the same files
    code, _, _ = run_cli(["targets", str(folder), "--out-dir", str(tmp_path / "u"), "-j", "1", "-q"])
    assert (tmp_path / "u" / "targets.csv").read_bytes() == raw
    assert (tmp_path / "u" / "targets.html").read_text(encoding="utf-8") == html.replace(str(out), str(tmp_path / "u"))


def test_targets_command_english_and_bad_path(tmp_path):
    code, _, err = run_cli(["targets", str(N2022), str(N2023), "--out-dir", str(tmp_path), "--lang", "en", "-q"])
    assert code == 0, err
    html = (tmp_path / "targets.html").read_text(encoding="utf-8")
    assert 'lang="en"' in html and "missed" in html
    code, _, err = run_cli(["targets", str(tmp_path / "nope"), "--out-dir", str(tmp_path)])
    assert code == 2 and "Traceback" not in err


def test_compare_lists_target_findings(tmp_path):
    from reportdiff.api import compare

    cmp = compare(N2022, N2023)
    types = [f.type.value for f in cmp.findings]
    assert "target_missed" in types and "target_met" in types
    missed = next(f for f in cmp.findings if f.type.value == "target_missed")
    assert missed.detail["metric"] == "地区生产总值增长" and missed.detail["outcome"] == "3%"
    # reports of years that do not follow each other give none
    assert not any(f.type.value in ("target_met", "target_missed") for f in compare(N2021, N2023).findings)
    from reportdiff.render import render_html

    html = render_html(cmp)
    assert "上年目标未完成" in html and "上年目标已完成" in html
    assert "last year&#39;s target missed" in render_html(cmp, "en") or "last year's target missed" in render_html(cmp, "en")


def test_targets_page_in_chromium_without_javascript(tmp_path):
    from test_browser import _need_browser

    _need_browser()
    import shutil

    from playwright.sync_api import sync_playwright

    code, _, err = run_cli(["targets", str(DATA), "--out-dir", str(tmp_path), "-q", "-j", "1"])
    assert code == 0, err
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or shutil.which("chromium-browser"))
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.goto((tmp_path / "targets.html").as_uri())
            assert page.locator("table tbody tr").count() > 20
            assert page.locator("svg.chart").count() >= 3
            page = browser.new_page()
            page.goto((tmp_path / "targets.html").as_uri())
            first = page.locator("table tbody tr td").first.inner_text()
            page.locator("th.sortable").first.click()
            page.locator("th.sortable").first.click()  # descending by year
            assert page.locator("table tbody tr td").first.inner_text() >= first
        finally:
            browser.close()


def test_targets_command_no_reports(tmp_path):
    (tmp_path / "x.txt").write_text("这不是政府工作报告。", encoding="utf-8")
    code, _, err = run_cli(["targets", str(tmp_path / "x.txt"), "--out-dir", str(tmp_path / "o")])
    assert code == 2 and err.startswith("错误：") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("地区生产总值突破2万亿元、增长7%左右", [("地区生产总值", 2.0), ("地区生产总值增长", 7.0)]),
        ("农业、规模以上工业、服务业增加值分别增长6%、10%以上、7.5%左右", [("第一产业增加值增长", 6.0), ("规模以上工业增加值增长", 10.0), ("服务业增加值增长", 7.5)]),
        ("城乡居民人均可支配收入分别增长7%和8%", [("城镇居民人均可支配收入增长", 7.0), ("农村居民人均可支配收入增长", 8.0)]),
        ("城镇和农村常住居民人均可支配收入分别增长7%和7.5%", [("城镇居民人均可支配收入增长", 7.0), ("农村居民人均可支配收入增长", 7.5)]),
        ("城镇登记失业率、城镇调查失业率控制在3.5%以内和5.5%左右", [("城镇登记失业率", 3.5), ("城镇调查失业率", 5.5)]),
        ("农村贫困人口减少1000万以上", [("农村贫困人口", 1000.0)]),
    ],
)
def test_target_lists(clause, expected):
    from reportdiff.structure.targets import targets_in

    assert [(t.canonical, t.value) for t in targets_in(clause, "s", (0, 1))] == expected


def test_list_qualifiers_not_shared_when_values_have_their_own():
    from reportdiff.structure.targets import targets_in

    got = [t.qualifier for t in targets_in("农业、规模以上工业、服务业增加值分别增长6%、10%以上、7.5%左右", "s", (0, 1))]
    assert got == ["", "以上", "左右"]
    got = [t.qualifier for t in targets_in("城镇和农村居民人均可支配收入分别增长7%、8%左右", "s", (0, 1))]
    assert got == ["左右", "左右"]


def test_review_figures_not_the_measure():
    """A share, a part of the measure, a fall, and a figure of another year."""
    from dataclasses import replace

    from reportdiff.model import Clause, Region, Sentence
    from reportdiff.structure.outcomes import review_outcomes

    def doc_with(*texts):
        from reportdiff.api import load_document

        base = load_document(N2022)
        sents = tuple(Sentence(f"s9.p1.s{k}", t, (0, len(t)), base.sentences[0].section, Region.REVIEW, (Clause(f"s9.p1.s{k}.c1", t, (0, len(t))),)) for k, t in enumerate(texts))
        return replace(base, sentences=sents, year=2024)

    outs = review_outcomes(doc_with("装备制造业占规上工业增加值的比重达到27.4%。", "跨境电商进出口增长25%。", "进出口总额下降15%。", "地区生产总值较2015年增长40%。"))
    got = {(o.canonical, o.value) for o in outs}
    assert ("规模以上工业增加值增长", 27.4) not in got
    assert ("外贸进出口", 25.0) not in got
    assert ("外贸进出口", -15.0) in got
    assert not any(o.value == 40 for o in outs)


# ---- rules of the genre added for issue 15 (excerpts: tests/data/README.md, "Excerpts in test_targets.py")


def _review_doc(paragraphs, sections=(), year=2024):
    """A document whose review is ``paragraphs`` (each a list of sentence texts, paragraph k
    numbered s9.p<k>), built on a bundled report; ``sections`` replace its sections."""
    from dataclasses import replace

    from reportdiff.api import load_document
    from reportdiff.model import Clause, Region, Sentence

    base = load_document(N2022)
    sec = sections[0].id if sections else base.sentences[0].section
    sents = tuple(
        Sentence(f"{sec}.p{k}.s{j}", t, (0, len(t)), sec, Region.REVIEW, tuple(Clause(f"{sec}.p{k}.s{j}.c{n}", c, (0, len(c))) for n, c in enumerate(_clauses(t))))
        for k, texts in enumerate(paragraphs, 1)
        for j, t in enumerate(texts, 1)
    )
    return replace(base, sentences=sents, sections=tuple(sections) or base.sections, targets=(), year=year)


def _clauses(text):
    import re

    return [c for c in re.split(r"(?<=[，；。])", text) if c]


@pytest.mark.parametrize(
    "clause, expected",
    [
        # two subjects sharing a head and one predicate; a target relative to last year in words
        ("粮食产量和播种面积不低于2020年水平", [("粮食产量", None), ("粮食播种面积", None)]),
        ("粮食总产、播种面积保持稳定", [("粮食产量", None), ("粮食播种面积", None)]),
        # a target stated as <metric>目标…; how a target is counted is no target
        ("能耗强度目标在“十四五”规划期内统筹考核", [("单位生产总值能耗降低", None)]),
        ("新增可再生能源和原料用能不纳入能源消费总量控制", []),
        # an aspiration qualifies the target before, unless it is the completion of a plan
        ("在实际工作中努力争取更好结果", []),
        ("努力完成“十三五”规划目标任务", [("“十三五”规划目标任务", None)]),
    ],
)
def test_targets_in_words(clause, expected):
    from reportdiff.structure.targets import targets_in

    assert [(t.canonical, t.value) for t in targets_in(clause, "s", (0, 1))] == expected


def test_targets_list_notes_parts_and_priorities():
    """A bracketed note is no target; 其中城镇和农村… are parts of the measure before; in a list
    without a lead-in (…预期目标作了适当调整。今年要…；) the priorities before the first ； are not targets."""
    from reportdiff.model import Clause, Region, Sentence
    from reportdiff.structure.targets import headline_targets

    def sents(*texts):
        return tuple(Sentence(f"s9.p1.s{k}", t, (0, len(t)), "s9", Region.COMMITMENTS, tuple(Clause(f"s9.p1.s{k}.c{n}", c, (0, len(c))) for n, c in enumerate(_clauses(t)))) for k, t in enumerate(texts, 1))

    got = headline_targets(sents("今年主要预期目标是：地区生产总值增长6%以上；一般公共预算收入增长1%以上（可比口径增长8%以上）；居民人均可支配收入增长7.5%左右，其中城镇和农村分别增长7%左右和7%以上。"))
    assert [(t.canonical, t.value, t.qualifier) for t in got] == [
        ("地区生产总值增长", 6.0, "以上"),
        ("一般公共预算收入增长", 1.0, "以上"),
        ("居民人均可支配收入增长", 7.5, "左右"),
        ("城镇居民人均可支配收入增长", 7.0, "左右"),
        ("农村居民人均可支配收入增长", 7.0, "以上"),
    ]
    got = headline_targets(sents("我们对疫情前考虑的预期目标作了适当调整。", "今年要优先稳就业保民生，坚决打赢脱贫攻坚战；城镇新增就业900万人以上，城镇调查失业率6%左右；居民消费价格涨幅3.5%左右。"))
    assert [t.canonical for t in got] == ["城镇新增就业", "城镇调查失业率", "居民消费价格涨幅"]


def test_targets_lead_after_the_year_framing_a_plan():
    """A lead-in after a clause saying what the year is (2026年是“十五五”开局之年) opens this year's
    list; a plan's name in the lead-in's own words (“十五五”时期主要目标是：) still makes it multi-year."""
    from reportdiff.structure.sections import is_targets_lead

    assert is_targets_lead("2026年是“十五五”开局之年，经济社会发展主要预期目标为：地区生产总值增长5%左右；") is not None
    assert is_targets_lead("今年是“十四五”开局之年，主要预期目标是：地区生产总值增长6%以上；") is not None
    assert is_targets_lead("“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右；") is None
    assert is_targets_lead("到2030年，主要目标是：地区生产总值达到1万亿元；") is None


def test_national_2020_list():
    """The State Council's 2020 list: no lead-in, priorities first, a plan's completion last."""
    from reportdiff.api import load_document

    doc = load_document(DATA / "国务院-2020.txt")
    names = [t.canonical for t in doc.targets]
    assert "坚决打赢脱贫攻坚战" not in names and "“十三五”规划目标任务" in names
    assert names[0] == "城镇新增就业" and doc.targets[0].value == 900


def test_review_several_years_passage():
    """In a passage about five years only what holds for each year is last year's; the
    passage runs over the ——paragraphs after it and ends with the next plain paragraph."""
    from reportdiff.structure.outcomes import review_clauses, review_outcomes

    doc = _review_doc(
        [
            ["各位代表，2025年是“十四五”收官之年。", "五年来，我们牢记嘱托，一心一意谋发展。"],
            ["——人民生活实现新跃升。", "居民人均可支配收入增长34.3%，城镇新增就业连年超过120万人，实际使用外资翻了近一番，节能减排目标全面完成。"],
            ["2025年，地区生产总值增长5.5%。"],
        ]
    )
    got = {(o.canonical, o.value) for o in review_outcomes(doc)}
    assert ("居民人均可支配收入增长", 34.3) not in got
    assert ("城镇新增就业", 120.0) in got and ("地区生产总值增长", 5.5) in got
    texts = [c[2] for c in review_clauses(doc)]
    assert any("节能减排目标全面完成" in t for t in texts) and not any("翻了近一番" in t for t in texts)


def test_review_parts_of_a_measure_and_from_to():
    from reportdiff.structure.outcomes import review_outcomes

    doc = _review_doc([["全体居民人均可支配收入27904元、增长8.4%，其中城镇38291元、农村15337元，分别增长7.2%和10.4%。"], ["城镇调查失业率从5.6%降到5.2%。"]])
    got = {(o.canonical, o.value, o.unit) for o in review_outcomes(doc)}
    assert ("城镇居民人均可支配收入增长", 7.2, "%") in got and ("农村居民人均可支配收入增长", 10.4, "%") in got
    assert ("居民人均可支配收入增长", 7.2, "%") not in got
    assert ("城镇调查失业率", 5.2, "%") in got and ("城镇调查失业率", 5.6, "%") not in got


def test_review_mentions():
    """A heading of the review states a result; the problems paragraph only its verdicts; a
    composite target is spoken of by its parts; a plan's completion answers a target to complete it."""
    from reportdiff.model import Region, Section
    from reportdiff.structure.outcomes import mention_of

    def words(canonical, value=None):
        return Target(canonical, canonical, value, "%" if value else "", "", "text", "s1", (0, 1))

    heading = Section("s9", 2, "（七）", "生态环境明显改善", (0, 8), Region.REVIEW, None)
    doc = _review_doc(
        [
            ["大气方面，PM2.5平均浓度改善15.2%。", "单位生产总值能耗持续下降。"],
            ["在肯定成绩的同时，我们也清醒看到，居民收入水平较低，地区生产总值、固定资产投资等指标未达到预期。"],
            ["“十三五”规划主要目标任务胜利完成。"],
        ],
        sections=[heading],
    )
    assert mention_of(words("生态环境质量"), doc).text == "生态环境明显改善"
    composite = _review_doc([["优化能耗、碳排放替代政策。", "单位生产总值能耗持续下降。"]])
    assert mention_of(words("节能减排约束性指标"), composite).text == "单位生产总值能耗持续下降。"
    risks = _review_doc([["我们稳妥化解地方政府债务风险，及时处置一批重大金融风险隐患。"]])
    assert mention_of(words("金融风险防控"), risks).text == "我们稳妥化解地方政府债务风险，"
    assert mention_of(words("居民人均可支配收入增长"), doc) is None
    assert mention_of(words("固定资产投资增长", 8.0), doc) is not None
    assert mention_of(words("“十三五”规划目标任务"), doc) is not None
    assert mention_of(words("“十四五”规划目标任务"), doc) is None


def test_prefix_read_gives_the_same_targets():
    """``reportdiff targets`` reads a report up to a little past its targets list when that
    gives what the whole text gives (checked on the corpus; here on the bundled reports)."""
    from reportdiff.api import load_document
    from reportdiff.structure.outcomes import review_parts
    from reportdiff.targets_table import _load

    for path in sorted(DATA.glob("*.txt")):
        full, part = load_document(path), _load(str(path))
        assert (part.kind, part.government, part.year, part.targets) == (full.kind, full.government, full.year, full.targets), path
        assert review_parts(part) == review_parts(full), path


def test_targets_output_same_whatever_workers(tmp_path):
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(DATA.glob("*.txt")):  # more than 8 files: the pool is used
        shutil.copy(p, folder / p.name)
    outs = []
    for j in ("1", "2", "3"):
        out = tmp_path / f"j{j}"
        code, _, err = run_cli(["targets", str(folder), "--out-dir", str(out), "-j", j, "-q"])
        assert code == 0, err
        outs.append({name: (out / name).read_bytes().replace(str(out).encode(), b"OUT") for name in ("targets.csv", "targets.xlsx", "targets.html")})
    assert outs[0] == outs[1] == outs[2]


@pytest.mark.parametrize(
    "clause, expected",
    [
        # subjects listed with 、 sharing one predicate and one value: one target each
        ("地区生产总值、固定资产投资、社会消费品零售总额增长5%左右", [("地区生产总值增长", 5.0, "左右"), ("固定资产投资增长", 5.0, "左右"), ("社会消费品零售总额增长", 5.0, "左右")]),
        ("规模以上工业增加值、进出口总额分别增长6%", [("规模以上工业增加值增长", 6.0, ""), ("外贸进出口", 6.0, "")]),
        # not all known metrics: left as one target
        ("农业、文旅产业增长5%", [("农业、文旅产业增长", 5.0, "")]),
        # targets in words: a risk, a measure relative to another
        ("有效防范化解金融风险", [("金融风险防控", None, "")]),
        ("居民收入增速高于经济增速", [("居民人均可支配收入增长", None, "")]),
        ("居民消费价格涨幅与全国一致", [("居民消费价格涨幅", None, "")]),
    ],
)
def test_shared_predicates_and_targets_in_words(clause, expected):
    from reportdiff.structure.targets import targets_in

    assert [(t.canonical, t.value, t.qualifier) for t in targets_in(clause, "s", (0, 1))] == expected


def test_targets_set_by_the_level_above():
    """…完成省下达的目标任务 is the predicate: the metric is what comes before it; 均 (both) makes
    two targets of two subjects, without it the subjects are one task."""
    from reportdiff.structure.targets import targets_in

    got = targets_in("工业用水量和城市污水处理率均完成省下达的目标任务", "s", (0, 1))
    assert [t.metric for t in got] == ["工业用水量", "城市污水处理率"]
    got = targets_in("节能减排和碳排放强度下降完成国家下达任务", "s", (0, 1))
    assert [t.canonical for t in got] == ["节能减排约束性指标"]
    # the metric is the object of 完成: kept as written
    got = targets_in("按照国家要求坚决完成节能减排降碳任务", "s", (0, 1))
    assert [(t.metric, t.canonical) for t in got] == [("按照国家要求坚决完成节能减排降碳任务", "节能减排约束性指标")]


def test_list_closed_by_a_target_in_words():
    """…粮食产量600亿斤以上。生态环境质量持续改善。: a short sentence that is one target in words on
    a known metric still belongs to the list; another sentence does not."""
    from reportdiff.model import Clause, Region, Sentence
    from reportdiff.structure.targets import headline_targets

    def sents(*texts):
        return tuple(Sentence(f"s9.p1.s{k}", t, (0, len(t)), "s9", Region.COMMITMENTS, tuple(Clause(f"s9.p1.s{k}.c{n}", c, (0, len(c))) for n, c in enumerate(_clauses(t)))) for k, t in enumerate(texts, 1))

    got = headline_targets(sents("今年主要预期目标是：地区生产总值增长6%以上，城镇新增就业50万人。", "粮食产量600亿斤以上。", "生态环境质量持续改善。", "做好今年工作要把握好以下几点。"))
    assert [t.canonical for t in got] == ["地区生产总值增长", "城镇新增就业", "粮食产量", "生态环境质量"]


def test_review_subject_of_a_clause_without_figure():
    """A figure that names no known metric takes the subject of the clause before it that has no
    figure (全年地区生产总值迈上新台阶，总量突破…，增长4.6%; 粮食再获丰收，总产达…); a clause without
    a figure inside a run of figures (…达到5.53万亿元、稳居全国前十强、增长4.8%) does not hide the subject."""
    from reportdiff.structure.outcomes import review_outcomes

    doc = _review_doc(
        [
            ["全年地区生产总值迈上新台阶，总量突破5万亿元，增长4.6%。"],
            ["粮食再获丰收，总产达613.6亿斤。"],
            ["外贸保持稳定，跨境电商增长20%。"],
        ]
    )
    got = {(o.canonical, o.value) for o in review_outcomes(doc)}
    assert ("地区生产总值增长", 4.6) in got and ("粮食产量", 613.6) in got
    assert ("外贸进出口", 20.0) not in got
    doc = _review_doc([["全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%。"]])
    assert ("地区生产总值增长", 4.8) in {(o.canonical, o.value) for o in review_outcomes(doc)}


def test_review_verdicts_on_listed_indicators():
    """The problems paragraph's verdict on a list of indicators speaks of each, short names
    included (投资 = 固定资产投资); 内外贸一体化 is no trade figure."""
    from reportdiff.structure.outcomes import mention_of, review_clauses

    doc = _review_doc([["我们也清醒看到，发展还面临不少困难和问题。", "地区生产总值、规模工业、投资、进出口等指标与年初预期存在一定差距。"], ["内外贸一体化发展稳步推进。"]])
    clauses = review_clauses(doc)
    assert mention_of(_t(7, canonical="固定资产投资增长"), doc, clauses).text.startswith("地区生产总值、")
    assert mention_of(_t(None, canonical="外贸进出口"), doc, [c for c in clauses if "内外贸" in c[2]]) is None


def test_review_parts_named_by_an_earlier_respectively():
    """城乡居民收入分别达…、…，分别增长5.4%、6.8%: the second 分别 takes the subjects of the first;
    a target in words on the whole measure is spoken of by its parts' figures."""
    from dataclasses import replace

    from reportdiff.structure.outcomes import check_targets, review_outcomes

    doc = _review_doc([["城乡居民收入分别达47301元、19546元，分别增长5.4%、6.8%，高于经济增速。"]])
    got = [(o.canonical, o.value) for o in review_outcomes(doc) if o.unit == "%"]
    assert got == [("城镇居民人均可支配收入增长", 5.4), ("农村居民人均可支配收入增长", 6.8)]
    earlier = replace(doc, targets=(_t(None, canonical="居民人均可支配收入增长"),), year=2023)
    (check,) = check_targets(earlier, doc)
    assert check.status == TargetStatus.QUALITATIVE and check.outcome.value == 5.4


def test_review_risks_handled_and_early_completion():
    """A risk target is spoken of by 处置…重点领域风险; a five-year target completed ahead of time
    (提前完成“十四五”…目标) is a result of last year, though it names the plan."""
    from reportdiff.structure.outcomes import mention_of, review_clauses

    doc = _review_doc([["精准处置房地产、P2P等重点领域风险。"], ["提前完成“十四五”能耗强度下降目标。"], ["“十四五”规划实施情况良好。"]])
    clauses = review_clauses(doc)
    assert mention_of(_t(None, canonical="金融风险防控"), doc, clauses).text.startswith("精准处置")
    assert mention_of(_t(None, canonical="节能减排约束性指标"), doc, clauses).text.startswith("提前完成")
    assert not any("规划实施" in c[2] for c in clauses)


def test_targets_listed_with_a_closing_conjunction():
    """A、B、C和D完成省定任务: a list of three or more subjects sharing one predicate in words is one
    target each when the items before the last are known metrics (two items inside one 、-item too);
    完成…指标 is such a predicate; two subjects joined by 和 alone stay one task."""
    from reportdiff.structure.targets import targets_in

    got = targets_in("城镇新增就业、粮食产量、节能减排和碳排放强度下降完成省定任务", "s", (0, 1))
    assert [t.metric for t in got] == ["城镇新增就业", "粮食产量", "节能减排", "碳排放强度下降"]
    got = targets_in("粮食产量和粮食播种面积、单位地区生产总值能耗降低及生态环境质量指标完成国家下达目标任务", "s", (0, 1))
    assert [t.canonical for t in got] == ["粮食产量", "粮食播种面积", "单位生产总值能耗降低", "生态环境质量"]
    assert [t.metric for t in targets_in("减排完成省定指标", "s", (0, 1))] == ["减排"]
    # items before the last that are no known metrics: one target
    assert len(targets_in("农业、文旅和消费完成省定任务", "s", (0, 1))) == 1


def test_review_caused_figure_and_comparable_basis():
    """有力推动全市规模以上工业增加值增长9.1%以上: a verb of cause leaves the measure whole;
    增长1.7%（同口径增长2.5%以上）: the comparable-basis figure comes first for the same measure."""
    from reportdiff.structure.outcomes import review_outcomes

    doc = _review_doc([["深入开展园区制造业提升行动，有力推动全市规模以上工业增加值增长9.1%以上。"], ["地方一般公共预算收入达3507.6亿元、增长1.7%（同口径增长2.5%以上），粮食产量突破620亿斤。"]])
    got = [(o.canonical, o.value) for o in review_outcomes(doc) if o.unit == "%"]
    assert got[0] == ("规模以上工业增加值增长", 9.1)
    assert [v for c, v in got if c == "一般公共预算收入增长"] == [2.5, 1.7]
    # another subject before the measure still makes a part of it
    doc = _review_doc([["促进跨境电商进出口增长20%。"]])
    assert ("外贸进出口", 20.0) not in {(o.canonical, o.value) for o in review_outcomes(doc)}


def test_rate_units():
    """全员劳动生产率16.8万元/人左右: the denominator is part of the unit, the qualifier after it
    the figure's; the review's figure gets the same unit."""
    from reportdiff.structure.outcomes import review_outcomes
    from reportdiff.structure.targets import targets_in

    got = targets_in("全员劳动生产率16.8万元/人左右", "s", (0, 1))
    assert [(t.value, t.unit, t.qualifier) for t in got] == [(16.8, "万元/人", "左右")]
    assert [(t.unit, t.qualifier) for t in targets_in("全员劳动生产率力争14.5万元/人", "s", (0, 1))] == [("万元/人", "力争")]
    doc = _review_doc([["全员劳动生产率达到16.2万元/人。"]])
    assert [(o.value, o.unit) for o in review_outcomes(doc)] == [(16.2, "万元/人")]


def test_canonical_of_an_unknown_relative_metric():
    """An unknown metric's canonical name drops a bracketed note and a predicate relative to
    another measure, as the target read from that clause does."""
    from reportdiff.structure.targets import canonical_metric, targets_in

    (t,) = targets_in("项目（不含房地产开发）投资增速高于全部投资增速".replace("（不含房地产开发）", ""), "s", (0, 1))
    assert canonical_metric("项目（不含房地产开发）投资增速高于全部投资增速") == t.canonical == "项目投资增速"


def test_two_subjects_share_a_measure_word():
    """制造业投资和民间投资占比稳步提升: the measure word of the last subject is the first's too."""
    from reportdiff.structure.targets import targets_in

    assert [t.metric for t in targets_in("制造业投资和民间投资占比稳步提升", "s", (0, 1))] == ["制造业投资占比", "民间投资占比"]


def test_a_qualifier_written_in_the_metric_is_shown_once():
    # 固定资产投资力争增长10%以上: the qualifier sits between the metric and its verb; the message
    # shows it once, before the figure (not 固定资产投资力争增长力争10%以上; seen on a dev-split pair)
    from reportdiff.structure.targets import shown_metric as _shown

    assert _shown("固定资产投资力争增长", "力争10%以上") + "力争10%以上" == "固定资产投资增长力争10%以上"
    assert _shown("固定资产投资增长", "7%左右") == "固定资产投资增长"
    assert _shown("力争", "力争5%") == "力争"
