"""Report -> plan coverage: uncovered commitments and clauses, plan items without a source."""

from __future__ import annotations

import re

import numpy as np

from .. import quantities as qty
from ..align import Edge
from ..similarity import Cosine
from ..model import DocKind, Document, Finding, FindingType, Mode, Pair, PlanItem, Quantity, Region, Severity, Unit
from ..normalize import fold, match_key, to_simplified
from .base import _finding, is_rhetoric

#: a clause of a covered sentence counts as covered when some aligned plan
#: item contains it at least this well (partial_ratio, 0..100)
CLAUSE_COVERED = 70


def _edges_by(edges: list[Edge], side: str) -> dict[int, list[Edge]]:
    out: dict[int, list[Edge]] = {}
    for e in edges:
        out.setdefault(e.a if side == "a" else e.b, []).append(e)
    return out


def _uncovered_clauses(sentence_text: str, item_texts: list[str]) -> list[str]:
    """Clauses of a report sentence that none of its aligned plan items contains."""
    from rapidfuzz import fuzz, process

    from .. import segment

    clauses = [sentence_text[s:e].strip("，,；;。") for s, e in segment.clauses(sentence_text)]
    keys = [match_key(c) for c in clauses]
    wanted = [i for i, k in enumerate(keys) if len(k) >= 6]
    if not wanted or not item_texts:
        return []
    scores = process.cdist([keys[i] for i in wanted], [match_key(t) for t in item_texts], scorer=fuzz.partial_ratio, workers=1)
    best = scores.max(axis=1)
    return [clauses[i] for i, s in zip(wanted, best) if s < CLAUSE_COVERED]


def _coverage(
    report: Document,
    r_units: tuple[Unit, ...],
    p_units: tuple[Unit, ...],
    edges_r: dict[int, list[Edge]],
    r_is_a: bool,
    plan: Document,
    ignored: frozenset[str] = frozenset(),
) -> tuple[list[Finding], dict]:
    findings: list[Finding] = []
    total = covered = 0
    total_s = covered_s = 0
    accepted = 0
    from .. import segment

    side = "a:" if r_is_a else "b:"
    for i, u in enumerate(r_units):
        if u.region != Region.COMMITMENTS:
            continue
        rhetoric = is_rhetoric(u, report)
        es = edges_r.get(i, [])
        # a gap the reviewer accepted (忽略) is not a commitment to count; its
        # finding is still made here, and dropped and counted by the caller
        accepted_gap = side + u.id in ignored and not es and not rhetoric
        accepted += accepted_gap
        n_clauses = max(1, len(segment.clauses(u.text)))
        if not es:
            ftype = FindingType.UNCOVERED_RHETORIC if rhetoric else FindingType.UNCOVERED
            sev = Severity.LOW if rhetoric else Severity.HIGH
            msg = "报告中的表述未分解到分工方案（无具体行动，可不分解）" if rhetoric else "报告承诺未分解到分工方案任务，没有责任单位"
            a_list, b_list = ([u], []) if r_is_a else ([], [u])
            fa, fb = (report, plan) if r_is_a else (plan, report)
            findings.append(_finding(ftype, sev, fa, fb, a_list, b_list, msg, {"clauses": n_clauses}))
            if not rhetoric and not accepted_gap:
                total += n_clauses
                total_s += 1
            continue
        items = [p_units[e.b if r_is_a else e.a] for e in es]
        missing = _uncovered_clauses(u.text, [it.text for it in items])
        if not rhetoric:
            total += n_clauses
            covered += n_clauses - min(len(missing), n_clauses)
            total_s += 1
            covered_s += 1
        if missing and not rhetoric:
            a_list, b_list = ([u], items) if r_is_a else (items, [u])
            fa, fb = (report, plan) if r_is_a else (plan, report)
            f = _finding(
                FindingType.UNCOVERED,
                Severity.MEDIUM,
                fa,
                fb,
                a_list,
                b_list,
                f"报告承诺中有 {len(missing)} 个分句未写入对应任务：{'；'.join(missing)}",
                {"clauses": missing, "partial": True},
            )
            findings.append(f)
    cov = {
        "commitment_sentences": total_s,
        "covered_sentences": covered_s,
        "commitment_clauses": total,
        "covered_clauses": covered,
        "coverage": round(covered / total, 4) if total else None,
    }
    if ignored:
        cov["accepted_gaps"] = accepted
    return findings, cov



def coverage_findings(
    a: Document,
    b: Document,
    report: Document,
    plan: Document,
    r_units: tuple[Unit, ...],
    p_units: tuple[Unit, ...],
    edges: list[Edge],
    r_is_a: bool,
    ignored: frozenset[str] = frozenset(),
) -> tuple[list[Finding], dict]:
    """Uncovered commitments (whole or in part) and plan items without a source, and the coverage figures."""
    edges_r = _edges_by(edges, "a" if r_is_a else "b")
    findings, cov = _coverage(report, r_units, p_units, edges_r, r_is_a, plan, ignored)
    linked_p = {e.b if r_is_a else e.a for e in edges}
    for j, u in enumerate(p_units):
        if j not in linked_p:
            a_list, b_list = ([], [u]) if r_is_a else ([u], [])
            findings.append(_finding(FindingType.NOT_IN_REPORT, Severity.MEDIUM, a, b, a_list, b_list, "分工方案任务在报告中找不到出处"))
    return findings, cov
