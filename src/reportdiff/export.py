"""Plain-dict views of the model for JSON output (stable keys, sorted order)."""

from __future__ import annotations

import dataclasses
import json
from .model import Comparison, Document, Finding, Owners, PlanItem, Region

__all__ = ("document_dict", "comparison_dict", "to_json", "KIND_ZH", "REGION_ZH")

KIND_ZH = {"report": "政府工作报告", "plan": "任务分工方案", "other": "其他文件"}
REGION_ZH = {
    Region.FRONT: "开头",
    Region.REVIEW: "工作回顾",
    Region.GOALS: "目标与思路",
    Region.COMMITMENTS: "本年度承诺",
    Region.CLOSING: "结束语",
    Region.APPENDIX: "附件",
    Region.BODY: "正文",
}


def _owners(o: Owners) -> dict:
    return {
        "leaders": list(o.leaders),
        "lead_units": list(o.lead_units),
        "partner_units": list(o.partner_units),
        "partner_label": o.partner_label,
    }


def _item(it: PlanItem) -> dict:
    return {
        "id": it.id,
        "number": it.number,
        "text": it.text,
        "span": list(it.span),
        "section": it.section,
        "owners": _owners(it.owners),
        "deadline": it.deadline,
        "children": [_item(c) for c in it.children],
    }


def document_dict(doc: Document) -> dict:
    """The whole document model as plain data."""
    return {
        "path": doc.raw.path,
        "encoding": doc.raw.encoding,
        "format": doc.raw.fmt,
        "kind": doc.kind.value,
        "kind_evidence": list(doc.kind_evidence),
        "government": doc.government,
        "government_evidence": doc.government_evidence,
        "year": doc.year,
        "year_evidence": doc.year_evidence,
        "date": doc.date,
        "title": doc.title,
        "warnings": list(doc.warnings),
        "regions": doc.region_sizes(),
        "targets": [
            {
                "metric": t.metric,
                "canonical": t.canonical,
                "value": t.value,
                "upper": t.upper,
                "unit": t.unit,
                "qualifier": t.qualifier,
                "text": t.text,
                "sentence": t.sentence,
                "span": list(t.span),
            }
            for t in doc.targets
        ],
        "counts": {
            "paragraphs": len(doc.paragraphs),
            "sections": len(doc.sections),
            "sentences": len(doc.sentences),
            "clauses": sum(len(s.clauses) for s in doc.sentences),
            "items": len(doc.items),
        },
        "sections": [
            {"id": s.id, "level": s.level, "number": s.number, "title": s.title, "region": s.region.value, "parent": s.parent, "span": list(s.span)}
            for s in doc.sections
        ],
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "span": list(s.span),
                "section": s.section,
                "region": s.region.value,
                "clauses": [{"id": c.id, "text": c.text, "span": list(c.span)} for c in s.clauses],
            }
            for s in doc.sentences
        ],
        "items": [_item(it) for it in doc.items],
    }


def finding_dict(f: Finding) -> dict:
    """A finding as plain data."""
    return {
        "type": f.type.value,
        "severity": f.severity.value,
        "a_ids": list(f.a_ids),
        "b_ids": list(f.b_ids),
        "a_text": f.a_text,
        "b_text": f.b_text,
        "a_section": f.a_section,
        "b_section": f.b_section,
        "message": f.message,
        "detail": f.detail,
    }


def comparison_dict(cmp: Comparison) -> dict:
    """The result of a comparison for other programs."""
    texts_a = {u.id: u for u in cmp.a_units}
    texts_b = {u.id: u for u in cmp.b_units}

    def doc(d: Document) -> dict:
        return {"path": d.raw.path, "kind": d.kind.value, "government": d.government, "year": d.year, "title": d.title, "encoding": d.raw.encoding}

    return {
        "documents": {"a": doc(cmp.a), "b": doc(cmp.b)},
        "mode": cmp.mode.value,
        "warnings": list(cmp.warnings) + list(cmp.unread),
        "unread": list(cmp.unread),
        "summary": cmp.summary,
        "pairs": [
            {
                "a": list(p.a),
                "b": list(p.b),
                "a_text": "".join(texts_a[i].text for i in p.a),
                "b_text": "".join(texts_b[i].text for i in p.b),
                "score": round(p.score, 4),
                "status": p.status,
                "reviewed": p.reviewed,
                "note": p.note,
            }
            for p in cmp.pairs
        ],
        "findings": [finding_dict(f) for f in cmp.findings],
        "review": None
        if cmp.review is None
        else {
            "path": cmp.review.path,
            "applied": cmp.review.applied,
            "ignored_findings": cmp.review.ignored_findings,
            "kept": [dataclasses.asdict(k) for k in cmp.review.kept],
        },
    }


def to_json(data: dict) -> str:
    """Deterministic JSON text (UTF-8, no ASCII escapes, fixed indentation)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


