"""Plan findings about owners and deadlines: missing fields, changed lead units."""

from __future__ import annotations

import re

import numpy as np

from .. import quantities as qty
from ..align import Edge
from ..similarity import Cosine
from ..model import DocKind, Document, Finding, FindingType, Mode, Pair, PlanItem, Quantity, Region, Severity, Unit
from ..normalize import fold, match_key, to_simplified
from .base import _finding


def missing_owner(doc: Document, as_a: bool, other: Document) -> list[Finding]:
    """Items without an owner field the plan gives its other items (牵头单位 is always
    expected; 牵头领导 and 责任/配合单位 only when some item has them: a plan written with
    owner phrases, 「市发展改革委牵头」, names no leaders at all), and items without the
    deadline (完成时限) that other items carry."""
    out = []
    items = doc.items
    owners = {item.id: item.effective_owners() for item in items}
    has_leaders = any(o.leaders for o in owners.values())
    has_partners = any(o.partner_units for o in owners.values())
    has_deadlines = sum(bool(item.deadline or any(c.deadline for c in item.children)) for item in items)
    for item in items:
        o = owners[item.id]
        unit = Unit(id=item.id, text=item.text, key="", section=item.section, region=Region.COMMITMENTS, span=item.span)
        expected = (("牵头单位", o.lead_units, True), ("牵头领导", o.leaders, has_leaders), (o.partner_label or "责任单位", o.partner_units, has_partners))
        missing = [label for label, vals, wanted in expected if wanted and not vals]
        if missing:
            sev = Severity.HIGH if "牵头单位" in missing else Severity.MEDIUM if "牵头领导" in missing else Severity.LOW
            msg = f"第{item.number}项任务缺少{'、'.join(missing)}"
            detail = {"number": item.number, "missing": missing, "leaders": list(o.leaders), "lead_units": list(o.lead_units)}
            out.append(_finding(FindingType.MISSING_OWNER, sev, *((doc, other, [unit], []) if as_a else (other, doc, [], [unit])), msg, detail))
        if has_deadlines and not (item.deadline or any(c.deadline for c in item.children)):
            msg = f"第{item.number}项任务缺少完成时限（其他 {has_deadlines} 项任务写明了完成时限）"
            detail = {"number": item.number, "missing": ["完成时限"]}
            out.append(_finding(FindingType.MISSING_DEADLINE, Severity.MEDIUM, *((doc, other, [unit], []) if as_a else (other, doc, [], [unit])), msg, detail))
    return out


def owner_changes(a: Document, b: Document, a_units, b_units, edges) -> list[Finding]:
    items_a = {it.id: it for it in a.items}
    items_b = {it.id: it for it in b.items}
    out = []
    for e in edges:
        ia: PlanItem = items_a[a_units[e.a].id]
        ib: PlanItem = items_b[b_units[e.b].id]
        la = {fold(x) for x in ia.effective_owners().lead_units}
        lb = {fold(x) for x in ib.effective_owners().lead_units}
        if la and lb and la != lb:
            out.append(
                _finding(
                    FindingType.OWNER_CHANGED,
                    Severity.MEDIUM,
                    a,
                    b,
                    [a_units[e.a]],
                    [b_units[e.b]],
                    f"牵头单位变化：{'、'.join(ia.effective_owners().lead_units)} → {'、'.join(ib.effective_owners().lead_units)}",
                    {"old": list(ia.effective_owners().lead_units), "new": list(ib.effective_owners().lead_units)},
                )
            )
    return out

