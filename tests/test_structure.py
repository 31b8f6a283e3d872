"""Structure of the five seeds: kind, government, year, sections, items, owners, regions."""

from __future__ import annotations

import re

import pytest

from conftest import PLAN_2024, PLAN_DCF_2022
from reportdiff.model import DocKind, Region


@pytest.mark.parametrize(
    "stem, kind, government, year",
    [
        ("chiping-2022-report", DocKind.REPORT, "茌平区", 2022),
        ("chiping-2024-report", DocKind.REPORT, "茌平区", 2024),
        ("dongchangfu-2022-plan", DocKind.PLAN, "东昌府区", 2022),
        ("chiping-2024-plan", DocKind.PLAN, "茌平区", 2024),
        ("chiping-2022-press-conference", DocKind.OTHER, "茌平区", 2022),
    ],
)
def test_identity(docs, stem, kind, government, year):
    doc = docs[stem]
    assert (doc.kind, doc.government, doc.year) == (kind, government, year)
    assert doc.kind_evidence


def test_dates(docs):
    assert docs["chiping-2022-report"].date == "2022-01-21"
    assert docs["chiping-2024-report"].date == "2024-01-17"
    assert docs["chiping-2024-plan"].date == "2024-02-01"
    assert docs["dongchangfu-2022-plan"].date == "2022-03-23"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_plan_2024_has_105_items_with_lead_units_as_written(docs):
    """Each item's 牵头单位 equals what the raw text says after '牵头单位：' for that item."""
    doc = docs["chiping-2024-plan"]
    assert [it.number for it in doc.items] == [str(n) for n in range(1, 106)]
    flat = _flat(PLAN_2024.read_text(encoding="utf-8")).replace("**", "")
    # item N starts at "N." after the end of item N-1's owner block
    starts = []
    pos = flat.index("一、主要预期目标")
    for n in range(1, 106):
        pos = flat.index(f"{n}.", pos)
        starts.append(pos)
        pos += 1
    starts.append(len(flat))
    for it, a, b in zip(doc.items, starts, starts[1:]):
        chunk = flat[a:b]
        m = re.search(r"牵头单位[：:](.+?)(?:[；;]|[）)](?:#|$|\d|[（(]))", chunk)
        assert m, f"item {it.number} has no 牵头单位 in the text"
        assert "、".join(it.owners.lead_units) == m.group(1), it.number
        assert it.owners.leaders, it.number


def test_plan_2024_items_without_partner_units(docs):
    """Seed 003: a few items give no 责任单位."""
    missing = [it.number for it in docs["chiping-2024-plan"].items if not it.owners.partner_units]
    assert missing == ["26", "71", "78", "91", "92"]


def test_plan_dcf_2022_every_item_1_to_144(docs):
    doc = docs["dongchangfu-2022-plan"]
    assert [it.number for it in doc.items] == [str(n) for n in range(1, 145)]
    for it in doc.items:
        owners = it.effective_owners()
        assert owners.lead_units and owners.leaders, it.number
    item6 = next(it for it in doc.items if it.number == "6")
    assert item6.owners.empty and [c.number for c in item6.children] == ["6.1", "6.2"]
    assert item6.children[1].owners.lead_units == ("区生态环境分局",)
    assert item6.effective_owners().lead_units == ("区发展和改革局", "区生态环境分局")
    item1 = doc.items[0]
    assert item1.owners.leaders == ("张娅",) and item1.owners.partner_label == "配合单位"
    assert item1.owners.partner_units == ("区政府各部门（单位）", "各镇政府(街道办事处)", "园区管委会")
    item53 = next(it for it in doc.items if it.number == "53")  # numbered "53、"
    assert item53.text.startswith("坚持把双招双引作为经济工作的生命线")


def test_plan_dcf_owner_block_broken_across_lines(docs):
    raw = PLAN_DCF_2022.read_text(encoding="utf-8")
    assert re.search(r"牵头\n+单位：区发展和改革局", raw)  # the damage is really in the seed
    it = docs["dongchangfu-2022-plan"].items[0]
    assert it.owners.lead_units == ("区发展和改革局",)


def test_report_2024_commitments_start_at_targets(docs):
    doc = docs["chiping-2024-report"]
    commit = [s for s in doc.sentences if s.region == Region.COMMITMENTS]
    assert commit[0].text.startswith("今年经济社会发展主要预期目标是") or commit[0].text.startswith("地区生产总值增长6%左右")
    assert "地区生产总值增长6%左右" in commit[0].text
    review = [s for s in doc.sentences if s.region == Region.REVIEW]
    assert review and all("2023" not in s.id for s in review)
    assert all(s.region != Region.COMMITMENTS for s in doc.sentences if "刚刚过去的2023年" in s.text)
    # nine task sections （一）…（九） and the self-building part are commitments
    task_secs = [s for s in doc.sections if s.level == 2 and s.number.startswith("（") and s.region == Region.COMMITMENTS]
    assert len(task_secs) == 9
    assert any(s.title == "全面加强政府自身建设" and s.region == Region.COMMITMENTS for s in doc.sections)
    assert any(s.region == Region.APPENDIX for s in doc.sentences)
    assert all(s.region != Region.COMMITMENTS for s in doc.sentences if "DCMM贯标" in s.text and "是指" in s.text)


def test_report_2022_regions(docs):
    doc = docs["chiping-2022-report"]
    by_region = {}
    for s in doc.sentences:
        by_region.setdefault(s.region, []).append(s)
    assert by_region[Region.COMMITMENTS][0].text.startswith("今年全区经济社会发展的主要预期目标是") or "生产总值增长6.5%左右" in by_region[Region.COMMITMENTS][0].text
    assert any("地区生产总值突破460亿元" in s.text for s in by_region[Region.GOALS])  # five-year goals
    assert any("预计实现生产总值334亿元" in s.text for s in by_region[Region.REVIEW])  # "334\n亿元" repaired
    assert by_region[Region.CLOSING][0].text.startswith("同志们")


def test_lead_phrase_sections(docs):
    doc = docs["chiping-2024-report"]
    titles = {s.title for s in doc.sections if s.level == 3}
    assert {"推进主导产业集群成势", "守牢社会稳定底线", "强化生态修复"} <= titles


def test_ids_unique_and_spans_slice_back(docs):
    """Every sentence and clause id is unique; every span covers its text in the original."""
    for doc in docs.values():
        ids = [s.id for s in doc.sentences] + [c.id for s in doc.sentences for c in s.clauses]
        assert len(ids) == len(set(ids))
        raw = doc.raw.text
        for s in doc.sentences:
            assert _flat(raw[s.span[0] : s.span[1]]).replace("**", "") == _flat(s.text)
            for c in s.clauses:
                assert _flat(raw[c.span[0] : c.span[1]]).replace("**", "") == _flat(c.text)


def test_ocr_confusion_kept_for_display(docs):
    plan = docs["chiping-2024-plan"]
    item49 = next(it for it in plan.items if it.number == "49")
    assert "来荏创业" in item49.text  # displayed as written


def test_a_first_part_naming_a_plan_is_the_review(tmp_path):
    """A report's first part opens on the past: a first heading that names a five-year plan
    without looking ahead (“十四五”实现良好开局) heads the review, not multi-year goals; a later
    heading that looks ahead (今后五年) still heads the goals."""
    from reportdiff import load_document
    from reportdiff.model import Region

    text = "\n".join(
        [
            "政府工作报告",
            "——2022年1月20日在甲省第十三届人民代表大会第五次会议上",
            "各位代表：",
            "现在，我代表省人民政府，向大会报告政府工作，请予审议。",
            "一、攻坚克难，奋发作为，“十四五”实现良好开局",
            "2021年是党和国家历史上具有里程碑意义的一年。全省地区生产总值增长7.3%。",
            "二、今后五年的奋斗目标",
            "今后五年，要在高质量发展上取得新突破。",
            "三、2022年重点工作",
            "今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，城镇新增就业50万人，居民消费价格涨幅3%左右。",
            "（一）扩大有效投资。新开工重大项目300个。",
        ]
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    region = {s.text: s.region for s in doc.sentences}
    assert region["2021年是党和国家历史上具有里程碑意义的一年。"] == Region.REVIEW
    assert region["今后五年，要在高质量发展上取得新突破。"] == Region.GOALS


def test_a_numbered_part_heading_is_no_title():
    # a report whose text opens with its first part (一、2021年工作回顾: 40 corpus reports, their title
    # line left on the web page) has no title; the page names it by government, year and kind
    from reportdiff.normalize import paragraphs
    from reportdiff.model import DocKind
    from reportdiff.structure.identity import detect_title

    paras = paragraphs("一、2021年工作回顾\n\n过去一年，全省生产总值增长5%。\n")
    assert detect_title(paras, DocKind.REPORT) == ""
    paras = paragraphs("政府工作报告\n\n一、2021年工作回顾\n\n过去一年，全省生产总值增长5%。\n")
    assert detect_title(paras, DocKind.REPORT) == "政府工作报告"
