"""Choose the units that take part in alignment, and the comparison mode."""

from __future__ import annotations

from .model import DocKind, Document, Mode, Region, Unit
from .normalize import match_key

__all__ = ("detect_mode", "units_of", "areas_of", "ALIGNED_REGIONS")

#: Report regions compared in each mode.  A division plan splits the year's
#: commitments, so only that part of a report is held against a plan; two
#: reports are compared part by part (review with review, goals with goals...).
ALIGNED_REGIONS = {
    Mode.REPORT_PLAN: (Region.COMMITMENTS,),
    Mode.REPORT_REPORT: (Region.REVIEW, Region.GOALS, Region.COMMITMENTS),
}


def detect_mode(a: Document, b: Document) -> Mode:
    """The comparison mode implied by the two document kinds."""
    kinds = {a.kind, b.kind}
    if kinds == {DocKind.REPORT, DocKind.PLAN}:
        return Mode.REPORT_PLAN
    if kinds == {DocKind.REPORT}:
        return Mode.REPORT_REPORT
    if kinds == {DocKind.PLAN}:
        return Mode.PLAN_PLAN
    return Mode.GENERIC


def units_of(doc: Document, mode: Mode) -> tuple[Unit, ...]:
    """Alignment units: plan items for a plan, sentences otherwise.

    For a report in report-plan or report-report mode only the regions of
    :data:`ALIGNED_REGIONS` take part (all sentences if the report has none
    of them, e.g. a report without a recognizable commitments part).
    """
    if doc.kind == DocKind.PLAN and doc.items:
        out = []
        for it in doc.items:
            text = it.text + "".join(c.text for c in it.children)
            out.append(Unit(id=it.id, text=text, key=match_key(text), section=it.section, region=Region.COMMITMENTS, span=it.span))
        return tuple(out)
    sentences = doc.sentences
    regions = ALIGNED_REGIONS.get(mode) if doc.kind == DocKind.REPORT else None
    if regions:
        chosen = [s for s in sentences if s.region in regions]
        sentences = tuple(chosen) or sentences
    return tuple(Unit(id=s.id, text=s.text, key=match_key(s.text), section=s.section, region=s.region, span=s.span) for s in sentences)


def areas_of(doc: Document, units: tuple[Unit, ...]) -> list[str]:
    """The task-area heading of each unit: its nearest enclosing numbered
    heading of level 1 or 2 (一、 or （一）), or the 主要预期目标 part."""
    by_id = {s.id: s for s in doc.sections}
    cache: dict[str, str] = {}

    def area(sid: str) -> str:
        if sid in cache:
            return cache[sid]
        cur = by_id.get(sid)
        found = ""
        while cur is not None:
            if cur.level in (1, 2) and (cur.number or cur.title == "主要预期目标"):
                found = cur.title
                if cur.level == 2 or doc.kind == DocKind.PLAN:
                    break
            cur = by_id.get(cur.parent) if cur.parent else None
        cache[sid] = found
        return found

    return [area(u.section) for u in units]
