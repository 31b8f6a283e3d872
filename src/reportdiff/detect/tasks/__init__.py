"""Task-level quantified targets of two years' reports (新改建农村公路7000公里 -> 新建改造农村公路5000公里).

Every quantity of each commitments part (outside the headline-target sentences, which
:func:`.targets.headline_target_changes` compares target by target) is read as a target of
a *counted object*: the metric before the number with its action verbs and time words
stripped, and for a count written before its noun the noun after it (改造提升1万个村卫生室 ->
村卫生室).  Targets of the two years are paired by that object and a compatible unit over
the whole commitments parts, not only inside sentences the alignment paired (a task moves
between sections from one year to the next), one to one, most similar first; a pair of
sentences the alignment linked counts as more similar.  Each pair whose value or qualifier
changed is one ``number_changed`` finding, so every target of a sentence is its own finding.
Figures of the review part (last year's results) are never read.

Modules: :mod:`.objects` (targets and their objects), :mod:`.pairing` (pairs of the two
years), :mod:`.worded` (figures stated in words the other year), :mod:`.one_year` (targets of
one year only); this module builds the findings from them.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from ... import quantities as qty
from ...align import Edge
from ...model import Document, Finding, FindingType, Severity
from ...normalize import to_simplified
from ..base import _finding
from .objects import common_value, _comparable, _fmt_task, _label, MIN_OBJECT, object_key, _same_qualifiers, task_targets, TaskTarget
from .pairing import pair_redefined, pair_task_targets, SAME_OBJECT, _scope_widened, _similarity
from .worded import in_name, worded_task_changes
from .one_year import one_year_task_targets


def task_target_changes(a: Document, b: Document, a_units, b_units, edges: list[Edge]) -> list[Finding]:
    """One ``number_changed`` finding per task-level target whose value or qualifier
    changed between the two years (each cites both sentences; ``detail`` names the
    clauses, values, units and qualifiers)."""
    from ..targets import _change_detail

    both = bool(a.targets and b.targets)
    skip_a = {t.sentence for t in a.targets} if both else set()
    skip_b = {t.sentence for t in b.targets} if both else set()
    ta = task_targets(a, a_units, skip_a)
    tb = task_targets(b, b_units, skip_b)
    # a figure that is part of a name (“万亩提升”, 千亿斤粮食产能提升行动) is no target of the year
    ta = [t for t in ta if not in_name(t, a_units[t.unit].text)]
    tb = [t for t in tb if not in_name(t, b_units[t.unit].text)]
    out = []
    pairs = pair_task_targets(ta, tb, edges)
    for x, y, sim in pairs:
        qx, qy = x.quantity, y.quantity
        kinds = []
        (vx, ux), (vy, uy) = common_value(qx), common_value(qy)
        if abs(vx - vy) > 1e-9 * max(1.0, abs(vx)):
            kinds.append("value")
        scope = _scope_widened(x.key, y.key)
        if not _same_qualifiers(x, y, a_units, b_units) or scope:
            kinds.append("qualifier")
        if not kinds:
            continue
        old, new = _fmt_task(x), _fmt_task(y)
        lx, ly = _label(x), _label(y)
        said = f"{old} → {new}" if not scope or "value" in kinds or old != new else f"{scope[0]} → {scope[1]}"
        # one clause states a plan period's total (完成“十四五”期间31万亩…任务), the other a year's amount
        period = [side for side, t in (("a", x), ("b", y)) if _period().search(to_simplified(t.clause))]
        total = period[0] if len(period) == 1 else ""  # the side stating the period's total, if one only
        head = f"目标口径调整（{'年度 → 规划期累计' if total == 'b' else '规划期累计 → 年度'}）" if total else "目标调整"
        msg = f"{head}：{x.clause} → {y.clause}（{said}）"
        detail = _change_detail(lx, ly, old, new, qx, qy, kinds) | {"object": x.key, "new_object": y.key, "a_clause": x.clause, "b_clause": y.clause, "similarity": round(sim, 1)}
        if scope:
            detail["scope"] = list(scope)
        if total:
            detail["period_total"] = total
        sev = Severity.HIGH if "value" in kinds else Severity.MEDIUM
        out.append(_finding(FindingType.NUMBER_CHANGED, sev, a, b, [a_units[x.unit]], [b_units[y.unit]], msg, detail))
    redefined = pair_redefined(ta, tb, pairs, edges)
    for x, y, sim in redefined:
        qx, qy = x.quantity, y.quantity
        old, new = _fmt_task(x), _fmt_task(y)
        msg = f"目标口径调整（计量方式改变）：{x.clause} → {y.clause}（{old} → {new}）"
        detail = _change_detail(_label(x), _label(y), old, new, qx, qy, ["unit"]) | {"object": x.key, "new_object": y.key, "a_clause": x.clause, "b_clause": y.clause, "similarity": round(sim, 1), "redefined": True}
        out.append(_finding(FindingType.NUMBER_CHANGED, Severity.MEDIUM, a, b, [a_units[x.unit]], [b_units[y.unit]], msg, detail))
    pairs = pairs + redefined
    worded = worded_task_changes(a, b, a_units, b_units, ta, tb, pairs, edges)
    paired = {"a": {(a_units[x.unit].text, x.quantity.start) for x, _, _ in pairs}, "b": {(b_units[y.unit].text, y.quantity.start) for _, y, _ in pairs}}
    for f in worded:
        if _figure_in_other_sentence(f, paired):
            f.detail["silent"] = True
    out.extend(f for f in worded if not f.detail.get("silent"))
    out.extend(one_year_task_targets(a, b, a_units, b_units, ta, tb, pairs, worded))
    return out


@functools.lru_cache(maxsize=1)
def _period() -> re.Pattern:
    """A clause stating the total of a plan period (``[structure] period_clause`` of ``data/tasks.toml``)."""
    from ... import vocab

    return vocab.pattern("tasks", "structure", "period_clause")


def _figure_in_other_sentence(f: Finding, paired: dict[str, set]) -> bool:
    """Whether the sentence of the figureless clause of a figure ↔ words finding states that very
    figure elsewhere, with the same qualifier, paired with no figure of the finding's year
    (加大财政资金和政府专项债券等投入，三年内每年统筹400亿元… / 继续统筹财政资金和政府专项债券400亿元):
    the figure is no less stated that year, only its object is read in another clause; the
    finding is silent (still no target of one year only).  ``paired``: (sentence, start) of the
    figures of each year paired with one of the other year."""
    d = f.detail or {}
    if d.get("change") == "quant_to_qual":
        value, own, other, side = d.get("old_value"), f.a_text, f.b_text, "b"
    elif d.get("change") == "qual_to_quant":
        value, own, other, side = d.get("new_value"), f.b_text, f.a_text, "a"
    else:
        return False
    if value is None:
        return False
    mine = {(common_value(q), q.qualifier) for q in qty.extract(own) if abs(q.value - value) <= 1e-9 * max(1.0, abs(value))}
    theirs = {(common_value(q), q.qualifier) for q in qty.extract(other) if (other, q.start) not in paired[side]}
    return bool(mine & theirs)


def task_counterpart(t, doc: Document, units, skip: set[str]) -> TaskTarget | None:
    """The task-level target of ``doc`` (sentences ``skip`` left out) that counts what the
    headline target ``t`` of the other report measures, in a compatible unit: a headline
    target one year that the next year states among its tasks (工业投资增长10% -> the task
    part's 工业投资增长5%).  None when there is none (:data:`SAME_OBJECT`)."""
    qs = qty.extract(t.text)
    if t.value is None or not qs:
        return None
    q = qs[0]
    key = object_key(q, t.text)
    cands = [c for c in task_targets(doc, units, skip) if _comparable(q, c.quantity)]
    if not key or len(key) < MIN_OBJECT or not cands:
        return None
    sim = _similarity([key], [c.key for c in cands])[0]
    from ...structure.targets import _known, canonical_metric

    if t.canonical in _known():
        # a task written with another name of the same known metric (粮食综合生产能力 / 粮食总产:
        # both 粮食产量 in ``data/metrics.toml``)
        same = np.array([canonical_metric(re.sub(r"\[\d+\]$", "", c.quantity.metric)) == t.canonical for c in cands], dtype=bool)
        sim = np.where(same, np.maximum(sim, float(SAME_OBJECT)), sim)
    k = int(np.argmax(sim))
    return cands[k] if sim[k] >= SAME_OBJECT else None


def without_moved_twice(findings: list[Finding]) -> list[Finding]:
    """``findings`` without the task-level ones that report again a task a headline target moved
    to (工业投资增长10% among the headline targets, the next year's task 工业投资增长5%: the
    ``target_changed`` finding of the move says it; the task's figure is not also a figure stated in
    words the year before, nor a task target of one year only, nor a metric redefined by another
    figure of the other year); a move that changes neither the
    value nor a qualifier is not reported at all: the target is unchanged."""
    moved = {"a": set(), "b": set()}
    for f in findings:
        d = f.detail or {}
        if f.type == FindingType.TARGET_CHANGED and "moved_to_tasks" in str(d.get("change", "")):
            moved["b"].add(f.b_text)
        elif f.type == FindingType.TARGET_CHANGED and "moved_to_headline" in str(d.get("change", "")):
            moved["a"].add(f.a_text)

    def again(f: Finding) -> bool:
        d = f.detail or {}
        if f.type == FindingType.NUMBER_CHANGED and d.get("change") == "qual_to_quant":
            return d.get("b_clause") in moved["b"]
        if f.type == FindingType.NUMBER_CHANGED and d.get("change") == "quant_to_qual":
            return d.get("a_clause") in moved["a"]
        if d.get("level") == "task":
            return d.get("b_clause") in moved["b"] if f.type == FindingType.TARGET_ADDED else d.get("a_clause") in moved["a"]
        if f.type == FindingType.NUMBER_CHANGED and d.get("redefined"):
            # 力争社零增长10%左右 among the tasks, then among the targets: the move says it; the
            # task 社零突破千亿元 beside it is no redefinition of the figure that moved
            return d.get("a_clause") in moved["a"] or d.get("b_clause") in moved["b"]
        return False

    def unchanged(f: Finding) -> bool:
        # a target moved with its value and qualifiers kept is no target change (it is where the
        # other year states it: 固定资产投资增长13%左右 among the tasks, then among the targets)
        return f.type == FindingType.TARGET_CHANGED and str((f.detail or {}).get("change", "")) in ("moved_to_tasks", "moved_to_headline")

    return [f for f in findings if not again(f) and not unchanged(f)] if moved["a"] or moved["b"] else findings
