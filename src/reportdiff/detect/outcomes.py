"""``target_met`` / ``target_missed`` findings of a comparison of two consecutive work reports of
one government: last year's headline targets (the earlier report) against the outcomes stated
in the later report's review (:mod:`reportdiff.structure.outcomes`, the same rules as
``reportdiff targets``).  Pure: two documents in, findings out.

A target met within the tolerance of 左右 counts as met (its message says so); targets stated in
words, or not reported, give no finding (the ``targets`` command lists them).
"""

from __future__ import annotations

from ..model import DocKind, Document, Finding, FindingType, Severity, TargetStatus

__all__ = ("target_findings",)

_LABEL = {
    TargetStatus.MET: "完成",
    TargetStatus.MET_WITH_QUALIFIER: "基本完成（在“左右”幅度内）",
    TargetStatus.MISSED: "未完成",
}


def target_findings(a: Document, b: Document) -> list[Finding]:
    """Findings for each numeric target of the earlier report that the later one's review
    reports on; [] unless both are reports of one government for consecutive years."""
    from ..structure.outcomes import check_targets
    from ..structure.targets import shown_metric
    from ..targets_table import outcome_text, target_text

    if a.kind != DocKind.REPORT or b.kind != DocKind.REPORT or not a.year or not b.year:
        return []
    if not a.government or a.government != b.government or abs(a.year - b.year) != 1:
        return []
    a_earlier = a.year < b.year
    early, late = (a, b) if a_earlier else (b, a)
    sent_e = {s.id: s for s in early.sentences}
    sent_l = {s.id: s for s in late.sentences}
    out: list[Finding] = []
    for c in check_targets(early, late):
        if c.status not in _LABEL or c.outcome is None:
            continue
        t, o = c.target, c.outcome
        missed = c.status == TargetStatus.MISSED
        shown = target_text(c)
        msg = f"{early.year}年目标“{shown_metric(t.metric, shown)} {shown}”，{late.year}年报告回顾：{outcome_text(c)}（{_LABEL[c.status]}）"
        se, sl = sent_e.get(t.sentence), sent_l.get(o.sentence)
        e_ids, l_ids = ((t.sentence,) if se else ()), ((o.sentence,) if sl else ())
        e_text, l_text = t.text, o.text
        e_sec = early.section_path(se.section) if se else ""
        l_sec = late.section_path(sl.section) if sl else ""
        out.append(
            Finding(
                type=FindingType.TARGET_MISSED if missed else FindingType.TARGET_MET,
                severity=Severity.HIGH if missed else Severity.LOW,
                a_ids=e_ids if a_earlier else l_ids,
                b_ids=l_ids if a_earlier else e_ids,
                a_text=e_text if a_earlier else l_text,
                b_text=l_text if a_earlier else e_text,
                a_section=e_sec if a_earlier else l_sec,
                b_section=l_sec if a_earlier else e_sec,
                detail={
                    "metric": t.canonical,
                    "year": early.year,
                    "target": target_text(c),
                    "outcome": outcome_text(c),
                    "status": c.status.value,
                    "direction": c.direction,
                },
                message=msg,
            )
        )
    return out
