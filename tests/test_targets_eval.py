"""The targets eval: keys marked tuning / untouched (tests/gold/targets/keys.csv), and floors
on the untouched keys only (the tuning keys score what the rules were fitted on)."""

from pathlib import Path

import pytest

from reportdiff.evaluate import Scores
from reportdiff.targets_eval import _score_lines, read_uses, score_status, score_targets

GOLD = Path(__file__).parent / "gold" / "targets"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def test_every_key_says_whether_it_was_used_for_tuning():
    uses = read_uses(GOLD)
    keys = {p.name for p in GOLD.iterdir() if (p / "targets.tsv").is_file()}
    assert keys == set(uses)
    assert set(uses.values()) <= {"tuning", "untouched"}
    assert "untouched" in uses.values()


def test_score_lines_total_tuning_and_untouched_apart():
    results = {"甲": {"scores": Scores.of(9, 10, 10)}, "乙": {"scores": Scores.of(1, 2, 4)}}
    lines = _score_lines("主要预期目标", results, (), {"甲": "dev"}, 0, {"甲": "tuning", "乙": "untouched"})
    assert lines[0].startswith("   主要预期目标 甲（dev，调参用） P=0.900")
    assert lines[1].startswith("   主要预期目标 乙（未触碰） P=0.500 R=0.250")
    assert any(x.startswith("   主要预期目标 合计（未触碰） P=0.500") for x in lines)
    assert lines[-1].startswith("   主要预期目标 合计 P=0.833 R=0.714")


def _untouched(results: dict[str, dict]) -> Scores:
    uses = read_uses(GOLD)
    tp = predicted = gold = 0
    for gov, r in results.items():
        if uses.get(gov) == "untouched":
            sc = r["scores"]
            tp, predicted, gold = tp + sc.tp, predicted + sc.predicted, gold + sc.gold
    return Scores.of(tp, predicted, gold)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_floors_on_the_untouched_keys():
    # measured 2026-11-23 on 杭州市, 江苏省, 郑州市 (never tuned on): targets P 0.946 R 0.904,
    # outcome status P 0.815 R 0.772; after the rules of the 湖南省/广州市 tuning keys (session 5,
    # round 2): targets P 0.947 R 0.919, status P 0.836 R 0.807. The floors guard against a fall,
    # the goals (0.95 / 0.9) are not reached there (README "Targets and outcomes")
    t = _untouched(score_targets(GOLD, CORPUS))
    assert t.precision >= 0.90 and t.recall >= 0.85, t
    s = _untouched(score_status(GOLD, CORPUS))
    assert s.precision >= 0.75 and s.recall >= 0.70, s
