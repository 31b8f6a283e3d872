"""Score year-over-year findings against keys built by reading (``tests/gold/yoy``).

Each pair folder holds ``targets.tsv`` (every headline target and confidently paired task-level
target with its kind of change), ``a_commitments.tsv`` and ``b_commitments.tsv`` (every initiative
of both commitments parts, continued / dropped / new / rhetoric); ``pairs.csv`` names the
documents and whether a pair was used for tuning or kept untouched.

A finding *cites* a key row when the row's excerpt (whitespace, ``*`` and ``#`` removed) lies in
the finding's cited text and, where the key gives numbers, the finding states the A value as its
old value and the B value as its new one (whole numbers: ``2`` is not stated by ``20家``).  Scores:

* target changes: recall over key rows whose change is not ``unchanged`` (a row is found when a
  target finding cites its A and B excerpts and, where the key gives numbers, names them);
  ``false flags`` counts target findings citing an ``unchanged`` row.
* number_changed precision: findings citing a changed row over all number_changed findings; the
  same over number_changed and target_changed together (headline targets have their own type).
* new / dropped: precision over findings that cite at least one key row (right when one of them
  is new/dropped), recall over key rows marked new/dropped.
* task-level targets of one year only (``target_added`` / ``target_removed`` with
  ``detail["level"] == "task"``): precision against key rows whose change is ``only_a`` /
  ``only_b``, printed apart and counted in neither number_changed precision (keys differ in
  whether they list such rows).
* the confident tier of new / dropped (``detail["confidence"] == "high"``): the same
  precision and recall over its findings only, and the share of right findings it holds.
* a difflib baseline for new/dropped (a commitment sentence whose best
  ``difflib.SequenceMatcher`` ratio to the other commitments part is under 0.5) and for target
  changes (sentence pairs with ratio >= 0.6 whose numbers differ).
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .evaluate import Scores

__all__ = ("PairScores", "score_pair", "yoy_report", "TARGET_TYPES")

#: finding types that report a change of a target
TARGET_TYPES = {"number_changed", "target_changed", "target_added", "target_removed"}


def _norm(t: str) -> str:
    return re.sub(r"[\s*#]", "", t or "")


@dataclass(frozen=True)
class PairScores:
    """Scores of one pair."""

    name: str
    split: str
    target_recall: Scores
    false_flags: int
    number_precision: Scores
    new: Scores
    dropped: Scores
    base_target_recall: Scores
    base_new: Scores
    base_dropped: Scores
    change_precision: Scores | None = None  #: number_changed and target_changed findings together
    worded_precision: Scores | None = None  #: number_changed findings of a figure stated in words the other year
    continued_cited: tuple[int, int] = (0, 0)  #: continued key rows inside new / dropped findings
    #: task-level target_added / target_removed findings (``detail["level"] == "task"``) against key
    #: rows of one year only
    only_precision: Scores | None = None
    #: new / dropped findings of the confident tier (``detail["confidence"] == "high"``)
    new_high: Scores | None = None
    dropped_high: Scores | None = None


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _resolve(spec: str, repo: Path, corpus: Path) -> Path:
    where, _, rel = spec.partition(":")
    return (repo if where == "repo" else corpus) / rel


def _numbers(s: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", s or "")


def _cites_target(f: dict, row: dict) -> bool:
    a, b = _norm(row["a_text"]), _norm(row["b_text"])
    if a and a not in _norm(f["a_text"]):
        return False
    if b and b not in _norm(f["b_text"]):
        return False
    if not a and not b:
        return False
    d = f.get("detail") or {}
    if not d:
        return True
    for side, value in (("old", row.get("a_value", "")), ("new", row.get("b_value", ""))):
        said = _said(str(d[side])) if d.get(side) not in (None, "") else _said(f.get("message", ""))
        if any(float(v) not in said for v in _numbers(value)):
            return False
    return True


def _said(text: str) -> set[float]:
    """The numbers a finding states (whole numbers, not digits inside other numbers;
    Chinese numerals read too: 十二项 states 12), also in the key's unit when that is
    万/亿 times another (the key may write 1.1万亿元 as 11000 under a metric in 亿元) or the
    base unit itself (the key may write 突破1万家 as 10000家)."""
    from .quantities import extract

    said = {float(x) for x in _numbers(text)}
    for q in extract(text):
        said.add(q.written[0])
        said |= {round(q.value / 10**k, 6) for k in (0, 4, 8, 12)}
    return said


_WORDED = ("quant_to_qual", "qual_to_quant", "became_qualitative")


def _claims_row(f: dict, row: dict) -> bool:
    """A change finding is right only for a key row that states both years when it cites both
    (and one year when it cites one): a finding naming a clause of the other year for a target
    the reader says that year drops cites the row's figure, but says something the reader does
    not (it counted right before session 11)."""
    sides = (bool(_norm(row["a_text"])), bool(_norm(row["b_text"])))
    return sides == (bool(_norm(f["a_text"])), bool(_norm(f["b_text"]))) and _cites_target(f, row)


def _score_one_year(findings: list[dict], key: list[dict]) -> Scores:
    """Task-level targets of one year only (``target_added`` / ``target_removed`` with
    ``detail["level"] == "task"``): right when the finding cites a key row whose change is
    ``only_a`` / ``only_b``.  Keys differ in whether they list such rows (most list headline
    targets of one year only and few task-level ones; see each key's README), so this figure is
    printed apart and is a floor on the precision; it is in no other precision figure."""
    only = [r for r in key if r["change"] in ("only_a", "only_b")]
    mine = [f for f in findings if f["type"] in ("target_added", "target_removed") and (f.get("detail") or {}).get("level") == "task"]
    right = sum(any(_cites_target(f, r) for r in only) for f in mine)
    return Scores.of(right, len(mine), len(only))


def _score_targets(findings: list[dict], key: list[dict]) -> tuple[Scores, int, Scores, Scores, Scores]:
    targets = [f for f in findings if f["type"] in TARGET_TYPES]
    changed = [r for r in key if r["change"] != "unchanged"]
    unchanged = [r for r in key if r["change"] == "unchanged"]
    found = sum(any(_cites_target(f, r) for f in targets) for r in changed)
    false_flags = sum(any(_cites_target(f, r) for r in unchanged) for f in targets)
    # headline target changes are their own type (target_changed): precision over both, each
    # claim judged once
    claims = [f for f in findings if f["type"] in ("number_changed", "target_changed")]
    ok = [any(_claims_row(f, r) for r in changed) for f in claims]
    numbers = [(f, v) for f, v in zip(claims, ok) if f["type"] == "number_changed"]
    right, right_c = sum(v for _, v in numbers), sum(ok)
    # figures the other year states in words only: keys of some pairs list such task-level
    # changes and keys of others do not (see each key's README), so they are also scored apart
    worded = [v for f, v in numbers if (f.get("detail") or {}).get("change") in _WORDED]
    right_w = sum(worded)
    return (
        Scores.of(found, found, len(changed)),
        false_flags,
        Scores.of(right, len(numbers), len(changed)),
        Scores.of(right_c, len(claims), len(changed)),
        Scores.of(right_w, len(worded), len(changed)),
    )


def _score_novelty(cited: list[str], key: list[dict], status: str) -> Scores:
    """``cited``: the texts of predicted findings of one type."""
    rows = [(_norm(r["text"]), r["status"]) for r in key if _norm(r["text"])]
    judged = right = 0
    hit: set[int] = set()
    for text in cited:
        t = _norm(text)
        inside = [k for k, (x, _) in enumerate(rows) if x and x in t]
        if not inside:
            continue
        judged += 1
        good = [k for k in inside if rows[k][1] == status]
        if good:
            right += 1
            hit.update(good)
    gold = sum(1 for _, s in rows if s == status)
    return Scores(right / judged if judged else 0.0, len(hit) / gold if gold else 0.0, 0.0, right, judged, gold)


def _continued_cited(cited: list[str], key: list[dict]) -> int:
    """Key rows marked continued whose excerpt lies inside one of the ``cited`` texts: what a
    sentence-long finding calls new or dropped though the readers found it continues (the
    precision above counts such a finding right when one other row of it is new)."""
    texts = [_norm(t) for t in cited]
    return sum(1 for r in key if r["status"] == "continued" and _norm(r["text"]) and any(_norm(r["text"]) in t for t in texts))


def _baseline(a_commit: list[str], b_commit: list[str]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """difflib: unmatched sentences of each side, and matched pairs whose numbers differ."""

    def best(s: str, others: list[str]) -> tuple[float, str]:
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(s)
        top, arg = 0.0, ""
        for o in others:
            sm.set_seq1(o)
            if sm.real_quick_ratio() <= top or sm.quick_ratio() <= top:
                continue
            r = sm.ratio()
            if r > top:
                top, arg = r, o
        return top, arg

    new = [s for s in b_commit if best(s, a_commit)[0] < 0.5]
    dropped = [s for s in a_commit if best(s, b_commit)[0] < 0.5]
    changes = []
    for s in b_commit:
        r, o = best(s, a_commit)
        if r >= 0.6 and _numbers(s) != _numbers(o):
            changes.append((o, s))
    return new, dropped, changes


def score_pair(name: str, a: Path, b: Path, key_dir: Path, split: str) -> PairScores:
    """Compare ``a`` with ``b`` and score the findings against the key in ``key_dir``."""
    from .api import compare
    from .export import finding_dict
    from .model import Region

    cmp = compare(a, b)
    findings = [finding_dict(f) for f in cmp.findings]
    key_t = _rows(key_dir / "targets.tsv")
    key_a = _rows(key_dir / "a_commitments.tsv")
    key_b = _rows(key_dir / "b_commitments.tsv")
    target_recall, false_flags, number_precision, change_precision, worded_precision = _score_targets(findings, key_t)
    new_texts = [f["b_text"] for f in findings if f["type"] == "new"]
    dropped_texts = [f["a_text"] for f in findings if f["type"] == "dropped"]
    new = _score_novelty(new_texts, key_b, "new")
    dropped = _score_novelty(dropped_texts, key_a, "dropped")
    high = [f for f in findings if (f.get("detail") or {}).get("confidence") == "high"]
    new_high = _score_novelty([f["b_text"] for f in high if f["type"] == "new"], key_b, "new")
    dropped_high = _score_novelty([f["a_text"] for f in high if f["type"] == "dropped"], key_a, "dropped")
    a_commit = [s.text for s in cmp.a.sentences if s.region == Region.COMMITMENTS]
    b_commit = [s.text for s in cmp.b.sentences if s.region == Region.COMMITMENTS]
    b_new, b_dropped, b_changes = _baseline(a_commit, b_commit)
    base_found = sum(any(_norm(r["a_text"]) in _norm(o) and _norm(r["b_text"]) in _norm(n) for o, n in b_changes) for r in key_t if r["change"] != "unchanged" and r["a_text"] and r["b_text"])
    changed = sum(1 for r in key_t if r["change"] != "unchanged")
    return PairScores(
        name,
        split,
        target_recall,
        false_flags,
        number_precision,
        new,
        dropped,
        Scores.of(base_found, base_found, changed),
        _score_novelty(b_new, key_b, "new"),
        _score_novelty(b_dropped, key_a, "dropped"),
        change_precision,
        worded_precision,
        (_continued_cited(new_texts, key_b), _continued_cited(dropped_texts, key_a)),
        _score_one_year(findings, key_t),
        new_high,
        dropped_high,
    )


def yoy_report(gold_dir: str | Path, repo: str | Path, corpus: str | Path, only: str | None = None) -> str:
    """Printed lines for every pair of ``<gold_dir>/pairs.csv`` whose documents are present
    (``only``: just the pairs of that split, e.g. ``tuning`` while developing rules)."""
    gold = Path(gold_dir)
    lines = []
    with open(gold / "pairs.csv", encoding="utf-8", newline="") as fh:
        pairs = [p for p in csv.DictReader(fh) if only is None or p["split"] == only]
    for p in pairs:
        a, b = _resolve(p["a"], Path(repo), Path(corpus)), _resolve(p["b"], Path(repo), Path(corpus))
        if not (a.is_file() and b.is_file()):
            lines.append(f"== {p['name']}（{p['split']}）：文件不在，跳过（{a}）")
            continue
        s = score_pair(p["name"], a, b, gold / p["name"], p["split"])
        lines.append(f"== 逐年对比 {s.name}（{'调参用' if s.split == 'tuning' else '未触碰'}）")
        lines.append(f"   目标变化 召回 {s.target_recall.recall:.3f}（{s.target_recall.tp}/{s.target_recall.gold}），误报未变目标 {s.false_flags}；difflib基线 召回 {s.base_target_recall.recall:.3f}")
        c = s.change_precision
        lines.append(
            f"   number_changed 精确率 {s.number_precision.precision:.3f}（{s.number_precision.tp}/{s.number_precision.predicted}）"
            f"；连同 target_changed {c.precision:.3f}（{c.tp}/{c.predicted}）"
        )
        w, n = s.worded_precision, s.number_precision
        fig_p = (n.tp - w.tp) / (n.predicted - w.predicted) if n.predicted > w.predicted else 0.0
        lines.append(f"   其中 数字对数字 {fig_p:.3f}（{n.tp - w.tp}/{n.predicted - w.predicted}），数字↔定性表述 {w.precision:.3f}（{w.tp}/{w.predicted}）")
        o = s.only_precision
        # task-level targets of one year only: apart from number_changed and target_changed above
        # (keys differ in whether they list them, so this is a floor, read on dev pairs too)
        lines.append(f"   仅见一年的任务目标 精确率 {o.precision:.3f}（{o.tp}/{o.predicted}），金标准仅见一年行 {o.gold}（含主要目标；多数键不逐条列出任务级的仅见一年目标，此精确率只是下限）")
        for label, ours, base, cont in (("new", s.new, s.base_new, s.continued_cited[0]), ("dropped", s.dropped, s.base_dropped, s.continued_cited[1])):
            lines.append(
                f"   {label:<8} P={ours.precision:.3f} R={ours.recall:.3f}（{ours.tp}/{ours.predicted} 可判定预测，{ours.gold} 金标准）"
                f"，含延续条目 {cont}；difflib基线 P={base.precision:.3f} R={base.recall:.3f}"
            )
        for label, ours, hi in (("new", s.new, s.new_high), ("dropped", s.dropped, s.dropped_high)):
            # the confident tier (detail["confidence"] == "high") beside all findings of the type
            share = hi.tp / ours.tp if ours.tp else 0.0
            lines.append(
                f"   {label:<8} 较可信档 P={hi.precision:.3f} R={hi.recall:.3f}（{hi.tp}/{hi.predicted} 可判定预测，占正确发现 {share:.3f}）"
                f"；全部 P={ours.precision:.3f} R={ours.recall:.3f}"
            )
    return "\n".join(lines)
