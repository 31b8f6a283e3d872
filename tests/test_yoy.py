"""Year-over-year findings measured on keys built by reading (``tests/gold/yoy``).

Twenty-eight keyed pairs are *tuning* pairs (see ``tests/gold/yoy/pairs.csv``): the rules of issue 14
were chosen while looking at their scores.  The first floors below are therefore tuning floors,
regression guards set a little below what was measured on 茌平区 2022/2024 and 山东省 2024/2025
when they were set; they say nothing about unseen pairs (天津市 2024/2025 too: untouched in session 7,
a tuning pair since session 8; 宁波市 2024/2025 and 江西省 2025/2026: untouched until session 8, tuning
pairs since session 9, so their floors are regression guards now; 北京市 2025/2026 and 河北省
2024/2025: untouched until session 9, tuning pairs since session 10; 辽宁省 2023/2024: untouched in
session 10, a tuning pair since session 11).  The untouched tests guard pairs whose keys the rules were
never tuned on (listed as ``untouched`` in pairs.csv: 南京市 2024/2025, keyed in session 10, and 江苏省
2024/2025, keyed in session 11).  The goals of issue 14 (target-change recall >= 0.95,
new/dropped P and R >= 0.85, number_changed P >= 0.9) are not reached: see the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.yoy_eval import _cites_target, _claims_row, score_pair

HERE = Path(__file__).parent
ROOT = HERE.parent


def _corpus_pair(government: str, a: str, b: str, split: str):
    """Scores of ``<government>-<a>-<b>`` from the reports copied to tests/data/corpus."""
    corpus = HERE / "data" / "corpus"
    pair = f"{government}-{a}-{b}"
    return score_pair(pair, corpus / f"{government}-{a}.txt", corpus / f"{government}-{b}.txt", HERE / "gold" / "yoy" / pair, split)


def _assert_floors(s, recall: float, new: tuple[float, float], dropped: tuple[float, float], number: float | None = None) -> None:
    """The floors of one keyed corpus pair: no unchanged target flagged, target recall, number_changed
    precision (when given), new and dropped precision / recall."""
    assert s.false_flags == 0
    assert s.target_recall.recall >= recall
    if number is not None:
        assert s.number_precision.precision >= number
    assert s.new.precision >= new[0] and s.new.recall >= new[1]
    assert s.dropped.precision >= dropped[0] and s.dropped.recall >= dropped[1]


@pytest.fixture(scope="module")
def shandong():
    return _corpus_pair("山东省", "2024", "2025", "tuning")


@pytest.fixture(scope="module")
def chiping():
    pair = "茌平区-2022-2024"
    ex = ROOT / "examples"
    return score_pair(pair, ex / "chiping-2022-report.txt", ex / "chiping-2024-report.txt", HERE / "gold" / "yoy" / pair, "tuning")


def test_target_changes_tuning_floors(shandong, chiping):
    # measured: 山东 0.692 (27/39), 0 unchanged flagged, number_changed P 0.733 (figure pairs
    # 0.867, figure <-> words 0.600); 茌平 0.958 (23/24), 1 flagged, P 0.800 (figure pairs 0.941)
    assert shandong.target_recall.recall >= 0.66
    assert shandong.false_flags <= 1
    assert shandong.number_precision.precision >= 0.68
    assert chiping.target_recall.recall >= 0.9
    assert chiping.false_flags <= 1
    assert chiping.number_precision.precision >= 0.75
    for s in (shandong, chiping):
        assert s.target_recall.recall > s.base_target_recall.recall  # difflib: 0.128 / 0.250


def test_new_and_dropped_tuning_floors(shandong, chiping):
    # measured (session 6, clause bar bigram + words < 0.50): 山东 new P 0.711 R 0.758,
    # dropped P 0.709 R 0.758; 茌平 new P 0.740 R 0.842, dropped P 0.654 R 0.791.  The sum
    # rule trades precision for recall (茌平 dropped was P 0.710 R 0.700): its precision floor
    # went from 0.67 to 0.63 and the recall floors up, so the recall it buys is held.
    # Session 7 (a clause of a linked sentence that nothing of its linked sentence comes near,
    # CLAUSE_SUM_LINKED / CLAUSE_SUM_NEAR): 山东 new 0.693/0.828, dropped 0.662/0.831; 茌平 new
    # 0.733/0.895, dropped 0.635/0.891 (with JOIN_SHORT: 山东 0.699/0.837, 0.664/0.847; 茌平
    # 0.743/0.902, 0.635/0.891).  Again precision for recall: 山东 precision floors 0.68 -> 0.66 (new) and 0.63 (dropped),
    # 茌平 dropped 0.63 -> 0.60; recall floors raised to hold what it buys
    assert shandong.new.precision >= 0.66 and shandong.new.recall >= 0.79
    assert shandong.dropped.precision >= 0.63 and shandong.dropped.recall >= 0.79
    assert chiping.new.precision >= 0.70 and chiping.new.recall >= 0.86
    assert chiping.dropped.precision >= 0.60 and chiping.dropped.recall >= 0.85
    # difflib flags nearly everything (R ~0.96) at P ~0.56-0.66
    for s in (shandong, chiping):
        assert s.new.precision > s.base_new.precision
        assert s.dropped.precision > s.base_dropped.precision


def test_a_finding_states_the_key_numbers_side_by_side():
    row = {"a_text": "企业2家", "b_text": "企业2家以上", "a_value": "2", "b_value": "2"}
    f = {"a_text": "瞪羚企业2家、单项冠军企业2家", "b_text": "瞪羚企业2家以上、单项冠军企业3家", "message": "", "detail": {"old": "2家", "new": "3家"}}
    assert not _cites_target(f, row)  # 2 -> 3 is not the 2 -> 2 row
    f["detail"] = {"old": "力争20家", "new": "2家以上"}
    assert not _cites_target(f, row)  # 20 does not state 2
    row = {"a_text": "", "b_text": "", "a_value": "12", "b_value": "12"}
    f = {"a_text": "十二项", "b_text": "12项", "message": "", "detail": {"old": "十二项", "new": "12项"}}
    assert not _cites_target(f, row)  # (a row with no excerpt is never cited)
    row = {"a_text": "十二项", "b_text": "12项", "a_value": "12", "b_value": "12"}
    assert _cites_target(f, row)  # Chinese numerals are read
    row = {"a_text": "新增高新技术企业1500家", "b_text": "突破1万家", "a_value": "1500家", "b_value": "10000家 超过"}
    f = {"a_text": "新增高新技术企业1500家", "b_text": "高新技术企业总量突破1万家", "message": "", "detail": {"old": "1500家", "new": "1万家"}}
    assert _cites_target(f, row)  # 1万家 states 10000家 (the key writes the base unit)


def test_a_change_finding_is_right_only_for_a_row_with_the_same_sides():
    # the reader says the later year drops the target; a finding naming a later clause that states
    # it in words cites the row's figure (recall) but claims what the reader does not (precision)
    row = {"a_text": "新建5G基站3000个", "b_text": "", "a_value": "3000个", "b_value": ""}
    f = {"a_text": "新建5G基站3000个", "b_text": "加快5G网络建设", "message": "", "detail": {"old": "3000个", "change": "quant_to_qual"}}
    assert _cites_target(f, row) and not _claims_row(f, row)
    row = dict(row, b_text="加快5G网络建设", b_value="")
    assert _claims_row(f, row)


@pytest.fixture(scope="module")
def ningbo():
    return _corpus_pair("宁波市", "2024", "2025", "tuning")


def test_floors_on_a_tuning_city(ningbo):
    # 宁波市 2024/2025 was keyed by a reader who never saw the tool, while the rules were written by
    # engineers who never saw the key.  Measured 2026-11-23: target recall 0.561 with no unchanged
    # target flagged, figure-pair number_changed P 0.808, new P/R 0.800/0.595, dropped P/R
    # 0.747/0.476 (before that round: 0.474, 2 flagged, new 0.838/0.396, dropped 0.820/0.344).
    # Session 5, round 2 (one final eval, rules not tuned on it): target recall 0.509, figure-pair
    # number_changed P 0.750, new 0.800/0.589, dropped 0.747/0.476; floors unchanged.
    # Session 7 end (2026-12-07, scored once): target recall 0.579, figure-pair number_changed P
    # 0.767, new 0.811/0.753, dropped 0.715/0.661; floors unchanged.  Session 8 end: 0.596, none
    # flagged, number_changed P 0.744, new 0.818/0.804, dropped 0.719/0.762.  A tuning pair since
    # session 9 (its misses are read): these floors are regression guards only.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(ningbo, 0.50, new=(0.72, 0.50), dropped=(0.65, 0.40))


@pytest.fixture(scope="module")
def jiangxi():
    return _corpus_pair("江西省", "2025", "2026", "tuning")


def test_floors_on_a_tuning_province(jiangxi):
    # 江西省 2025/2026 was keyed in session 6 by a reader who never saw the tool; the session's rules
    # were written by engineers who never saw the key.  Measured once at the end of session 6
    # (2026-12-07): target recall 0.262 before the task targets of one year only were reported, 0.662
    # after (that gap was found from this key's counts by kind of change, so 0.662 is not blind for
    # that kind of row), no unchanged target flagged, new P/R 0.709/0.670, dropped P/R 0.723/0.733;
    # task targets of one year only: 26 of 35 findings cite a key row.  Session 7 end (scored once):
    # target recall 0.723, new 0.700/0.809, dropped 0.728/0.825, 27 of 35; floors unchanged.
    # Session 8 end: 0.769, none flagged, number_changed P 0.857, new 0.729/0.789, dropped
    # 0.731/0.808.  A tuning pair since session 9: these floors are regression guards only.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(jiangxi, 0.60, new=(0.65, 0.60), dropped=(0.65, 0.65))
    assert jiangxi.only_precision is not None and jiangxi.only_precision.precision >= 0.65


@pytest.fixture(scope="module")
def tianjin():
    return _corpus_pair("天津市", "2024", "2025", "tuning")


def test_floors_on_a_tuning_municipality(tianjin):
    # 天津市 2024/2025 (a municipality) was keyed in session 7 by a reader who never saw the tool,
    # before the session's rules were written by engineers who never saw the key (it sat outside the
    # repository until they were merged).  Scored once, at the end (2026-12-07): target recall 0.677
    # (session start 0.677), no unchanged target flagged, number_changed P 1.000 (17/17), task targets
    # of one year only 18 of 24 cite a key row, new P/R 0.720/0.905 (start 0.701/0.785), dropped P/R
    # 0.592/0.894 (start 0.602/0.820).  From session 8 it is a tuning pair (its misses are read), so
    # these floors are regression guards only.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(tianjin, 0.60, new=(0.65, 0.80), dropped=(0.52, 0.80), number=0.85)


@pytest.fixture(scope="module")
def beijing():
    return _corpus_pair("北京市", "2025", "2026", "tuning")


def test_floors_on_a_second_tuning_municipality(beijing):
    # 北京市 2025/2026 (a municipality; the later report carries the 十五五 goals) was keyed in session
    # 8 by a reader who never saw the tool, and by a second reader (agreement new P/R 0.896/0.954,
    # dropped 0.936/0.964); the session's rules were written by engineers who never saw the keys.
    # Session start (62071da): target recall 0.586, none flagged, number_changed P 0.900, new P/R
    # 0.677/0.856, dropped 0.715/0.842.  End, scored once (2026-12-07): target recall 0.621, none
    # flagged, number_changed P 0.850, new 0.689/0.824, dropped 0/0: no dropped finding at all, since
    # a rule of the session read every sentence under 二、2025年工作总体要求和重点任务 as framing.  With
    # that fixed (the one fix this key led to): dropped 0.703/0.794.  These floors guard that class.
    # Session 9 end (daa0882, scored once): 0.638, none flagged, 0.900, new 0.701/0.824, dropped
    # 0.698/0.794.  A tuning pair since session 10: these floors are regression guards only.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(beijing, 0.55, new=(0.62, 0.75), dropped=(0.62, 0.70))


@pytest.fixture(scope="module")
def hebei():
    return _corpus_pair("河北省", "2024", "2025", "tuning")


def test_floors_on_a_second_tuning_province(hebei):
    # 河北省 2024/2025 (a province) was keyed in session 9 by a reader who never saw the tool; the
    # session's rules were written by engineers who never saw the key or the province's reports.
    # Session start (798cceb, score lines only): target recall 0.791 (34/43), none flagged,
    # number_changed P 1.000 (10/10), new P/R 0.548/0.767, dropped 0.573/0.737.  End, scored once
    # (2026-12-07): 0.791, none flagged, 1.000, new 0.554/0.767, dropped 0.589/0.737.  The reader cut
    # rows at every ，；。：！ (tests/gold/yoy/河北省-2024-2025/README.md).  A tuning pair since
    # session 10 (its misses are read): these floors are regression guards only.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(hebei, 0.70, new=(0.50, 0.70), dropped=(0.52, 0.68), number=0.85)


@pytest.fixture(scope="module")
def nanjing():
    return _corpus_pair("南京市", "2024", "2025", "untouched")


def test_floors_on_an_untouched_city(nanjing):
    # 南京市 2024/2025 (a city of the held-out split, whose reports no rule writer had read) was keyed in
    # session 10 by a reader who never saw the tool; the session's rules were written by engineers who
    # never saw the key or the city's reports.  Session start (08fb870, score lines only): target recall
    # 0.707, none flagged, number_changed P 0.900, new P/R 0.662/0.796, dropped 0.621/0.827.  End, scored
    # once (2026-12-07): 0.720, none flagged, 0.905, new 0.662/0.796, dropped 0.621/0.827.
    # Session 11 (still untouched; number_changed P by the session-11 measure): start 0.720, 0.857; end
    # (cb6f3a6) 0.787, none flagged, 0.857, new and dropped the same.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(nanjing, 0.62, new=(0.55, 0.70), dropped=(0.52, 0.72), number=0.80)


@pytest.fixture(scope="module")
def liaoning():
    return _corpus_pair("辽宁省", "2023", "2024", "tuning")


def test_floors_on_a_third_tuning_province(liaoning):
    # 辽宁省 2023/2024 (a province) was keyed in session 10 by two readers who never saw the tool
    # (agreement: new P/R 0.89/0.97, dropped 0.85/0.96, target changes 0.97), while the session's rules
    # were written by engineers who never saw the keys or the province's reports (a 2024/2025 pair of
    # it was read as a dev pair in session 7).  Session start (08fb870): target recall 0.800, none
    # flagged, number_changed P 1.000, new 0.579/0.727, dropped 0.589/0.799.  End, scored once: the same.
    # A tuning pair since session 11 (its misses are read): these floors are regression guards only.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(liaoning, 0.70, new=(0.48, 0.63), dropped=(0.49, 0.70), number=0.85)


@pytest.fixture(scope="module")
def jiangsu():
    return _corpus_pair("江苏省", "2024", "2025", "untouched")


def test_floors_on_an_untouched_province(jiangsu):
    # 江苏省 2024/2025 (a province of the held-out split, whose reports no rule writer had read) was
    # keyed in session 11 by two readers who never saw the tool (agreement: new P/R 0.90/0.94, dropped
    # 0.92/0.94, target changes 0.90 / 0.92), while the session's rules were written by engineers who
    # never saw the keys or the province's reports.  Session start (96b5dff, score lines only): target
    # recall 0.711, none flagged, number_changed P 0.818, new P/R 0.645/0.774, dropped 0.476/0.796.
    # End, scored once (cb6f3a6): 0.684 (one row fewer), none flagged, 0.818, new and dropped the same.
    # Floors guard against a fall; the goals of issue 14 are far above them.
    _assert_floors(jiangsu, 0.60, new=(0.55, 0.70), dropped=(0.40, 0.72), number=0.75)
