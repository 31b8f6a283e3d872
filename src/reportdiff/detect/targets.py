"""Changes of targets between two years' reports (and numbers between report and plan)."""

from __future__ import annotations

import re

import numpy as np

from .. import quantities as qty
from ..align import Edge
from ..similarity import Cosine
from ..model import DocKind, Document, Finding, FindingType, Mode, Pair, PlanItem, Quantity, Region, Severity, Target, Unit
from ..normalize import fold, match_key, to_simplified
from ..structure.targets import POST_QUALIFIERS, PRE_QUALIFIERS, shown_metric
from .base import _finding

#: two metric names are the same metric at or above this similarity (ratio, 0..100)
SAME_METRIC = 85
#: ... and plausibly related (a renamed metric) at or above this
RELATED_METRIC = 55


def _change_detail(metric: str, new_metric: str, old: str, new: str, x, y, kinds: list[str]) -> dict:
    """The detail of a change between two quantities or targets ``x`` and ``y``
    (both have value, unit and qualifier)."""
    return {
        "metric": metric,
        "new_metric": new_metric,
        "old": old,
        "new": new,
        "old_value": x.value,
        "new_value": y.value,
        "old_unit": x.unit,
        "new_unit": y.unit,
        "old_qualifier": x.qualifier,
        "new_qualifier": y.qualifier,
        "change": "+".join(kinds),
    }

def _pair_quantities(qa: list[Quantity], qb: list[Quantity]) -> list[tuple[Quantity, Quantity | None, float]]:
    """Match each quantity of A with the most similar metric of B (unit-compatible)."""
    from rapidfuzz import fuzz, process

    if not qa:
        return []
    if not qb:
        return [(q, None, 0.0) for q in qa]
    ka = [qty.metric_key(q.metric) for q in qa]
    kb = [qty.metric_key(q.metric) for q in qb]
    sim = process.cdist(ka, kb, scorer=fuzz.ratio, workers=1)
    part = process.cdist(ka, kb, scorer=fuzz.partial_ratio, workers=1)
    sim = np.maximum(sim, 0.9 * part * (np.minimum.outer([len(k) for k in ka], [len(k) for k in kb]) >= 4))
    out = []
    used: set[int] = set()
    for i in np.argsort(-sim.max(axis=1), kind="stable"):
        order = [j for j in np.argsort(-sim[i], kind="stable") if j not in used and qty.same_dimension(qa[i], qb[j])]
        if order and sim[i, order[0]] >= RELATED_METRIC:
            used.add(order[0])
            out.append((qa[i], qb[order[0]], float(sim[i, order[0]])))
        else:
            out.append((qa[i], None, 0.0))
    out.sort(key=lambda t: t[0].start)
    return out


def _fmt(q: Quantity) -> str:
    if not q.qualifier or q.qualifier in q.text:
        return q.text
    return f"{q.text}{q.qualifier}" if q.qualifier in POST_QUALIFIERS else f"{q.qualifier}{q.text}"


def number_changes(
    a: Document, b: Document, mode: Mode, a_units: tuple[Unit, ...], b_units: tuple[Unit, ...], edges: list[Edge]
) -> list[Finding]:
    """Numbers that differ between aligned units (report and plan), or, between two
    years' reports, task-level targets that changed (:mod:`.tasks`)."""
    if mode == Mode.REPORT_REPORT:
        # two years' reports: task-level targets paired by what they count over the whole
        # commitments parts (:mod:`.tasks`), not only inside aligned sentences
        from .tasks import task_target_changes

        return task_target_changes(a, b, a_units, b_units, edges)
    out: list[Finding] = []
    seen: set[tuple] = set()
    cache_a: dict[int, list[Quantity]] = {}
    cache_b: dict[int, list[Quantity]] = {}
    for e in edges:
        ua, ub = a_units[e.a], b_units[e.b]
        if e.a not in cache_a:  # (setdefault would extract again on every edge)
            cache_a[e.a] = qty.extract(ua.text)
        if e.b not in cache_b:
            cache_b[e.b] = qty.extract(ub.text)
        qa, qb = cache_a[e.a], cache_b[e.b]
        if not qa and not qb:
            continue
        # in a 1-n bead the longer side holds quantities of other partners too:
        # compare from the side with fewer quantities
        flip = len(qa) > len(qb)
        pairs = _pair_quantities(qb, qa) if flip else _pair_quantities(qa, qb)
        for q1, q2, sim in pairs:
            x, y = (q2, q1) if flip else (q1, q2)
            if x is None or y is None:
                continue
            kinds = []
            if abs(x.value - y.value) > 1e-9 * max(1.0, abs(x.value)):
                kinds.append("value")
            if x.unit != y.unit:
                kinds.append("unit")
            if (x.qualifier or "") != (y.qualifier or ""):
                kinds.append("qualifier")
            mk_x, mk_y = qty.metric_key(x.metric).split("#")[0], qty.metric_key(y.metric).split("#")[0]
            if sim < SAME_METRIC and mk_x != mk_y and not (mk_x in mk_y or mk_y in mk_x):
                kinds.append("metric")
            if not kinds:
                continue
            key = (e.a, x.start, e.b, y.start)
            if key in seen:
                continue
            seen.add(key)
            severity = Severity.HIGH if "value" in kinds or "metric" in kinds else Severity.MEDIUM
            what = "数字不一致"
            out.append(
                _finding(
                    FindingType.NUMBER_CHANGED,
                    severity,
                    a,
                    b,
                    [ua],
                    [ub],
                    f"{what}：{x.metric}{_fmt(x)} → {y.metric}{_fmt(y)}"
                    if "metric" in kinds
                    else f"{what}：{_metric_label(x)} {_fmt(x)} → {_fmt(y)}",  # noqa: E501
                    _change_detail(_metric_label(x), _metric_label(y), _fmt(x), _fmt(y), x, y, kinds),
                )
            )
    return out


def _metric_label(q: Quantity) -> str:
    label = re.sub(r"\[\d+\]$", "", q.metric).strip("“”\"")
    return re.sub(r"^(力争|确保|全力|努力|争取)+", "", label) or q.metric


#: two headline targets of different canonical metrics are the same target
#: redefined (规模以上工业总产值 -> 增加值, 城镇居民 -> 居民人均可支配收入) at or
#: above this similarity of their canonical names (rapidfuzz ratio, 0..100)
REDEFINED_METRIC = 70


def _base(t: Target) -> tuple[float | None, float | None, str]:
    """Value, upper end and base unit of a target (1.1万亿元 and 11000亿元 are equal)."""
    if t.value is None:
        return None, None, ""
    qs = qty.extract(f"{t.value:g}{t.unit}")
    if not qs:
        return t.value, t.upper, t.unit
    mult = qs[0].value / t.value if t.value else 1.0
    return qs[0].value, (t.upper * mult if t.upper is not None else None), qs[0].unit


def _target_text(t: Target) -> str:
    if t.value is None:
        return t.text
    num = f"{t.value:g}" + (f"—{t.upper:g}" if t.upper is not None else "")
    pre = t.qualifier.split("+")[0] if t.qualifier.split("+")[0] in PRE_QUALIFIERS else ""
    post = t.qualifier.split("+")[-1] if t.qualifier.split("+")[-1] in POST_QUALIFIERS else ""
    return f"{pre}{num}{t.unit}{post}"


def _key(canonical: str) -> str:
    """A canonical metric name with the synonyms of :func:`quantities.metric_key` folded (外资外贸, 进出口 -> 外贸)."""
    return re.sub(r"(\w\w)\1", r"\1", qty.metric_key(canonical))


def _pair_targets(ta: tuple[Target, ...], tb: tuple[Target, ...]) -> list[tuple[Target | None, Target | None]]:
    """Headline targets of two years paired by canonical metric, then by a
    redefined metric (similar canonical names, several A targets may share one B
    target: 城镇/农村居民 -> 居民); unpaired targets stand alone."""
    from rapidfuzz import fuzz

    pairs: list[tuple[Target | None, Target | None]] = []
    used_b: set[int] = set()
    paired_a: set[int] = set()
    for i, x in enumerate(ta):
        j = next((j for j, y in enumerate(tb) if j not in used_b and y.canonical == x.canonical), None)
        if j is not None:
            used_b.add(j)
            paired_a.add(i)
            pairs.append((x, tb[j]))
    shared: set[int] = set()
    for i, x in enumerate(ta):
        if i in paired_a:
            continue
        kx = _key(x.canonical)
        scores = [(100 + len(_key(y.canonical)), j) for j, y in enumerate(tb) if j not in used_b and len(_key(y.canonical)) >= 2 and (kx in _key(y.canonical) or _key(y.canonical) in kx)]
        scores += [(fuzz.ratio(x.canonical, y.canonical), j) for j, y in enumerate(tb) if j not in used_b and (x.value is None) == (y.value is None)]
        scores = [s for s in scores if s[0] >= REDEFINED_METRIC]
        if scores:
            j = max(scores)[1]
            shared.add(j)
            paired_a.add(i)
            pairs.append((x, tb[j]))
    used_b |= shared
    pairs += [(x, None) for i, x in enumerate(ta) if i not in paired_a]
    pairs += [(None, y) for j, y in enumerate(tb) if j not in used_b]
    return pairs


def _target_change(x: Target, y: Target) -> list[str]:
    if x.quantitative != y.quantitative:
        return ["quant_to_qual" if x.quantitative else "qual_to_quant"]
    kinds = []
    if x.canonical != y.canonical:
        kinds.append("metric")
    if not x.quantitative:
        return kinds  # two wordings of one qualitative target (持续改善 / 稳定改善): not a change
    vx, ux, bx = _base(x)
    vy, uy, by = _base(y)
    if bx != by:
        kinds.append("unit")
    elif abs((vx or 0) - (vy or 0)) > 1e-9 * max(1.0, abs(vx or 0)) or (ux is None) != (uy is None) or (ux is not None and abs(ux - (uy or 0)) > 1e-9 * max(1.0, abs(ux))):
        kinds.append("value")
    from .tasks.objects import comparable_qualifiers

    if comparable_qualifiers(x.qualifier.split("+")) != comparable_qualifiers(y.qualifier.split("+")):
        kinds.append("qualifier")
    return kinds


def _whole_clause(t: Target | None, units: dict) -> Target | None:
    """``t`` citing its clause from the previous comma or stop on (其中一、二、三产增加值
    分别增长5%、6%、4.8%, where the target reads 三产增加值分别增长5%、6%、4.8%)."""
    from dataclasses import replace

    if t is None or t.sentence not in units:
        return t
    text = units[t.sentence].text
    at = text.find(t.text)
    if at <= 0:
        return t
    start = max(text.rfind(c, 0, at) for c in "，,；;。：:") + 1
    return replace(t, text=text[start : at + len(t.text)].strip())


def _moved(t: Target, other: Document, other_units, skip: set[str]):
    from .tasks import task_counterpart

    return task_counterpart(t, other, other_units, skip)


#: time words that may open a metric (全年, 年内, 今年): ``quantities._VERB_HEAD`` strips them with
#: the verbs after them
_TIME_HEAD = re.compile(r"^(?:全年|年内|今年)+")


def _reordered(x: str, y: str) -> bool:
    """Whether two metric names hold the same characters in another order (新增城镇就业 /
    城镇新增就业), read without a trailing index ([2]) and without marks, and each also without
    the verbs that may open it (实现城镇新增就业: ``quantities._VERB_HEAD``) or the time words
    alone (全年新增城镇就业)."""

    def forms(m: str) -> set[str]:
        m = re.sub(r"\[\d+\]$|[^\w]", "", m)
        # ... and without the time words alone (全年新增城镇就业 / 城镇新增就业: 新增 is kept)
        return {"".join(sorted(f)) for f in (m, qty._VERB_HEAD.sub("", m), _TIME_HEAD.sub("", m)) if len(f) >= 4}

    return bool(forms(x) & forms(y))


def _moved_finding(a: Document, b: Document, t: Target, task, la: list, lb: list, to_tasks: bool) -> Finding:
    """A headline target of one year that the other year states among its tasks (or the
    reverse): a ``target_changed`` finding when the value or qualifier changed, else a
    low-severity one saying where the target went."""
    from .tasks.objects import _fmt_task, _qualifiers, comparable_qualifiers

    q = task.quantity
    vt, _, _ = _base(t)
    kinds = ["moved_to_tasks" if to_tasks else "moved_to_headline"]
    if vt is not None and abs(vt - q.value) > 1e-9 * max(1.0, abs(vt)):
        kinds.append("value")
    # the task's qualifiers are its quantity's and its sentence's (力争社会消费品零售总额增长10%左右
    # among the tasks, 社会消费品零售总额增长10%左右 among the next year's targets: 力争 dropped)
    if comparable_qualifiers(t.qualifier.split("+")) != comparable_qualifiers(_qualifiers(task)):
        kinds.append("qualifier")
    mt, mq = qty.metric_key(t.metric), qty.metric_key(re.sub(r"\[\d+\]$", "", q.metric))
    # the same words in another order name the same measure (新增城镇就业 among the targets,
    # 城镇新增就业 among the tasks)
    if not (mt.endswith(mq) or mq.endswith(mt) or _reordered(t.metric, q.metric)):
        kinds.append("metric")  # 粮食综合生产能力 among the targets, 粮食总产 among the tasks: redefined
    head, other = _target_text(t), _fmt_task(task)
    old, new = (head, other) if to_tasks else (other, head)
    where = "后一年不再列为主要预期目标，改在年度任务中表述" if to_tasks else "上一年在年度任务中表述，后一年列为主要预期目标"
    a_text, b_text = (t.text, task.clause) if to_tasks else (task.clause, t.text)
    msg = f"目标调整（{where}）：{a_text} → {b_text}"
    detail = {"metric": t.canonical, "old": old, "new": new, "change": "+".join(kinds), "headline": True}
    sev = Severity.HIGH if "value" in kinds else Severity.LOW
    return _finding(FindingType.TARGET_CHANGED, sev, a, b, la, lb, msg, detail, a_text=a_text, b_text=b_text)


def _split_shared(targets: tuple[Target, ...]) -> tuple[Target, ...]:
    """Targets naming several indicators that share one value (地区生产总值、规模以上工业增加值、
    固定资产投资、社会消费品零售总额增长5%左右) as one target per indicator, each with the
    predicate the list ends in (``[headline] shared_predicate`` of ``data/tasks.toml``); the
    text stays the clause that states them."""
    from dataclasses import replace

    from .. import vocab
    from ..structure.targets import canonical_metric

    out = []
    for t in targets:
        items = t.metric.split("、")
        m = vocab.pattern("tasks", "headline", "shared_predicate").search(items[-1])
        if t.value is None or len(items) < 2 or "分别" in t.metric or m is None or any(len(x) < 2 for x in items[:-1]):
            out.append(t)
            continue
        pred = m.group(0)
        for x in items[:-1] + [items[-1][: m.start()]]:
            metric = x + pred
            out.append(replace(t, metric=metric, canonical=canonical_metric(metric)))
    return tuple(out)


def headline_target_changes(a: Document, b: Document, a_units, b_units) -> list[Finding]:
    """One finding per headline target that changed between the two years, and
    per target of one year only (``target_changed`` / ``target_added`` / ``target_removed``).
    Each cites the clause of its target."""
    if not a.targets or not b.targets:
        return []  # the other report's target list was not read: nothing to pair against
    ua = {u.id: u for u in a_units}
    ub = {u.id: u for u in b_units}
    skip_a = {t.sentence for t in a.targets}
    skip_b = {t.sentence for t in b.targets}
    out = []
    for x0, y0 in _pair_targets(_split_shared(a.targets), _split_shared(b.targets)):
        x = _whole_clause(x0, ua)
        y = _whole_clause(y0, ub)
        la = [ua[x.sentence]] if x is not None and x.sentence in ua else []
        lb = [ub[y.sentence]] if y is not None and y.sentence in ub else []
        if x is not None and y is not None:
            kinds = _target_change(x, y)
            if not kinds:
                continue
            old, new = _target_text(x), _target_text(y)
            label = x.metric if x.metric == y.metric else f"{x.metric} → {y.metric}"
            ma, mb = shown_metric(x.metric, old), shown_metric(y.metric, new)
            msg = f"目标调整：{ma}{old} → {mb}{new}" if x.metric != y.metric else f"目标调整：{label} {old} → {new}"
            if "quant_to_qual" in kinds:
                msg = f"量化目标变为定性表述：{ma}{old} → {y.text}"
            elif "qual_to_quant" in kinds:
                msg = f"定性目标变为量化目标：{x.text} → {mb}{new}"
            sev = Severity.HIGH if set(kinds) & {"value", "metric", "unit", "quant_to_qual", "qual_to_quant"} else Severity.MEDIUM
            detail = {
                **_change_detail(x.canonical, y.canonical, old if x.quantitative else x.text, new if y.quantitative else y.text, x, y, kinds),
                "headline": True,
            }
            out.append(_finding(FindingType.TARGET_CHANGED, sev, a, b, la, lb, msg, detail, a_text=x.text, b_text=y.text))
        elif x is not None and (moved := _moved(x, b, b_units, skip_b)) is not None:
            out.append(_moved_finding(a, b, x, moved, la, [b_units[moved.unit]], to_tasks=True))
        elif y is not None and (moved := _moved(y, a, a_units, skip_a)) is not None:
            out.append(_moved_finding(a, b, y, moved, [a_units[moved.unit]], lb, to_tasks=False))
        elif x is not None:
            detail = {"metric": x.canonical, "old": _target_text(x) if x.quantitative else x.text, "old_value": x.value, "headline": True}
            sev = Severity.MEDIUM if x.quantitative else Severity.LOW
            out.append(_finding(FindingType.TARGET_REMOVED, sev, a, b, la, [], f"后一年不再列出的目标：{x.text}", detail, a_text=x.text, b_text=""))
        elif y is not None:
            detail = {"metric": y.canonical, "new": _target_text(y) if y.quantitative else y.text, "new_value": y.value, "headline": True}
            sev = Severity.MEDIUM if y.quantitative else Severity.LOW
            out.append(_finding(FindingType.TARGET_ADDED, sev, a, b, [], lb, f"新列出的目标：{y.text}", detail, a_text="", b_text=y.text))
    return out
