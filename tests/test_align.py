"""Alignment on the seeds, scored against the hand-made gold files."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import GOLD, PLAN_2024, REPORT_2022, REPORT_2024
from reportdiff.align import Edge, beads, score_matrix, select_edges, AlignParams
from reportdiff.api import compare
from reportdiff.evaluate import check_gold, difflib_baseline, predicted_pairs, read_gold, score_items, score_pairs
from reportdiff.model import Mode, Region, Unit




def test_report_plan_meets_item_f1_target_and_beats_difflib(rp):
    gold_rows = read_gold(GOLD / "chiping-2024-report__chiping-2024-plan.tsv")
    assert check_gold(gold_rows, rp) == []  # gold ids still name the same texts
    gold = {(r[0], r[1]) for r in gold_rows}
    ours = score_items(predicted_pairs(rp), gold)
    base = score_items(difflib_baseline(rp, gold), gold)
    assert ours.gold == 105
    assert ours.f1 >= 0.97
    assert ours.f1 > base.f1


def test_report_report_meets_precision_target(rr):
    gold_rows = read_gold(GOLD / "chiping-2022-report__chiping-2024-report.tsv")
    assert len(gold_rows) >= 40 and check_gold(gold_rows, rr) == []
    gold = {(r[0], r[1]) for r in gold_rows}
    ours = score_pairs(predicted_pairs(rr), gold)
    assert ours.precision >= 0.9
    assert ours.recall >= 0.8
    assert ours.f1 > score_pairs(difflib_baseline(rr, gold), gold).f1


def test_many_to_many(rp):
    """One report sentence split into items 69, 70, 71; item 66 merges three sentences."""
    by_item = {}
    for p in rp.pairs:
        for b in p.b:
            by_item[b] = set(p.a)
    assert by_item["i69"] == by_item["i70"] == by_item["i71"] and len(by_item["i69"]) == 1
    assert len(by_item["i66"]) == 3
    assert len(by_item["i1"]) == 1 and by_item["i1"] == by_item["i8"]  # eight targets, one sentence


def test_argument_order_gives_same_alignment(rp):
    swapped = compare(PLAN_2024, REPORT_2024)
    assert {(a, b) for a, b in predicted_pairs(rp)} == {(b, a) for a, b in predicted_pairs(swapped)}
    rr1 = compare(REPORT_2022, REPORT_2024)
    rr2 = compare(REPORT_2024, REPORT_2022)
    assert predicted_pairs(rr1) == {(b, a) for a, b in predicted_pairs(rr2)}


def test_every_unit_appears_in_a_row(rp, rr):
    for cmp in (rp, rr):
        seen_a = {i for p in cmp.pairs for i in p.a}
        seen_b = {i for p in cmp.pairs for i in p.b}
        assert seen_a == {u.id for u in cmp.a_units}
        assert seen_b == {u.id for u in cmp.b_units}
        for p in cmp.pairs:
            assert (p.status in ("only_a",)) == (not p.b) or p.status == "only_b"
            assert 0.0 <= p.score <= 1.0


def test_report_plan_aligns_only_commitments(rp):
    assert {u.region for u in rp.a_units} == {Region.COMMITMENTS}


def _unit(i: str, text: str) -> Unit:
    from reportdiff.normalize import match_key

    return Unit(id=i, text=text, key=match_key(text), section="s1", region=Region.BODY, span=(0, len(text)))


def test_score_matrix_shape_and_number_masking():
    a = (_unit("a1", "力争完成固定资产投资100亿元。"), _unit("a2", "加强困难群体就业兜底帮扶。"))
    b = (_unit("b1", "力争完成固定资产投资110亿元。"), _unit("b2", "推进人造板产业绿色发展。"), _unit("b3", "加强就业兜底帮扶。"))
    s = score_matrix(a, b)
    assert s.shape == (2, 3) and s.dtype == np.float32
    assert s[0, 0] == pytest.approx(1.0)  # numbers masked: same clause
    assert s[1, 2] > s[1, 1]


def test_select_edges_mutual_and_threshold():
    s = np.array([[0.9, 0.1], [0.2, 0.58]], dtype=np.float32)
    edges = select_edges(s, AlignParams(accept=0.95, mutual=0.55, fallback=0.8))
    assert {(e.a, e.b) for e in edges} == {(0, 0), (1, 1)}
    edges = select_edges(s, AlignParams(accept=0.95, mutual=0.6, fallback=0.8))
    assert {(e.a, e.b) for e in edges} == {(0, 0)}


def test_beads_rows_cover_units():
    a = (_unit("a1", "甲"), _unit("a2", "乙"))
    b = (_unit("b1", "甲"), _unit("b2", "丙"))
    rows = beads([Edge(0, 0, 1.0)], a, b, group_by="b")
    assert [(r.a, r.b, r.status) for r in rows] == [(("a1",), ("b1",), "matched"), ((), ("b2",), "only_b"), (("a2",), (), "only_a")] or len(rows) == 3
    assert {r.status for r in rows} == {"matched", "only_a", "only_b"}


def test_mismatched_governments_do_not_crash():
    from conftest import PLAN_DCF_2022

    cmp = compare(REPORT_2022, PLAN_DCF_2022)
    assert cmp.mode == Mode.REPORT_PLAN
    assert any("不同政府" in w and "茌平区" in w and "东昌府区" in w for w in cmp.warnings)
