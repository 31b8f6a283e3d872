"""Score an alignment against a hand-made gold file, with a difflib baseline.

Gold files are TSV with a header ``a_id  b_id  a_text  b_text``, one aligned
pair of units per row, named ``<A-stem>__<B-stem>.tsv``.  The texts are
there so a person can audit the gold and so :func:`check_gold` can tell when
a change of segmentation has moved the ids.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from pathlib import Path

from .model import Comparison, Mode
from .normalize import fold

__all__ = ("Scores", "read_gold", "check_gold", "predicted_pairs", "score_items", "score_pairs", "difflib_baseline")


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 with the counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    predicted: int
    gold: int

    @classmethod
    def of(cls, tp: int, predicted: int, gold: int) -> "Scores":
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(p, r, f, tp, predicted, gold)


def read_gold(path: str | Path) -> list[tuple[str, str, str, str]]:
    """Rows ``(a_id, b_id, a_text, b_text)`` of a gold file."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        next(reader)
        return [tuple(r[:4]) for r in reader if r]  # type: ignore[misc]


def check_gold(gold: list[tuple[str, str, str, str]], cmp: Comparison) -> list[str]:
    """Gold rows whose id no longer names the same text (empty when all agree)."""
    ta = {u.id: u.text for u in cmp.a_units}
    tb = {u.id: u.text for u in cmp.b_units}
    stale = []
    for a, b, at, bt in gold:
        if ta.get(a) != at or tb.get(b) != bt:
            stale.append(f"{a}|{b}")
    return stale


def predicted_pairs(cmp: Comparison) -> set[tuple[str, str]]:
    """All (a_id, b_id) pairs the alignment made."""
    return {(a, b) for p in cmp.pairs for a in p.a for b in p.b}


def _by_b(pairs: set[tuple[str, str]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def score_items(pred: set[tuple[str, str]], gold: set[tuple[str, str]]) -> Scores:
    """Item level (report-plan): a B unit is right when its set of A units equals the gold set."""
    pb, gb = _by_b(pred), _by_b(gold)
    tp = sum(1 for b, a in pb.items() if gb.get(b) == a)
    return Scores.of(tp, len(pb), len(gb))


def score_pairs(pred: set[tuple[str, str]], gold: set[tuple[str, str]]) -> Scores:
    """Pair level: precision over predicted pairs whose A unit is in the gold, recall over gold pairs."""
    gold_a = {a for a, _ in gold}
    considered = {p for p in pred if p[0] in gold_a}
    return Scores.of(len(considered & gold), len(considered), len(gold))


def difflib_baseline(cmp: Comparison, gold: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """For each B unit of report-plan mode (each plan item), or each gold A unit otherwise,
    the single most similar unit of the other side by ``difflib.SequenceMatcher.ratio``."""
    a_units, b_units = cmp.a_units, cmp.b_units
    out: set[tuple[str, str]] = set()
    if cmp.mode == Mode.REPORT_PLAN:
        for b in b_units:
            sm = difflib.SequenceMatcher(autojunk=False)
            sm.set_seq2(fold(b.text))
            best = max(a_units, key=lambda a: (_ratio(sm, fold(a.text)), a.id))
            out.add((best.id, b.id))
    else:
        wanted = {a for a, _ in gold}
        for a in a_units:
            if a.id not in wanted:
                continue
            sm = difflib.SequenceMatcher(autojunk=False)
            sm.set_seq2(fold(a.text))
            best = max(b_units, key=lambda b: (_ratio(sm, fold(b.text)), b.id))
            out.add((a.id, best.id))
    return out


def _ratio(sm: difflib.SequenceMatcher, text: str) -> float:
    sm.set_seq1(text)
    return sm.ratio()
