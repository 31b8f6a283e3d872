"""Changes of targets between two years' reports (and numbers between report and plan)."""

from __future__ import annotations

import re

import numpy as np

from .. import quantities as qty
from ..align import Edge
from ..similarity import Cosine
from ..model import DocKind, Document, Finding, FindingType, Mode, Pair, PlanItem, Quantity, Region, Severity, Target, Unit
from ..normalize import fold, match_key, to_simplified
from .base import _finding

#: report regions whose figures are targets (compared between years)
_TARGET_REGIONS = (Region.COMMITMENTS, Region.GOALS)
#: two metric names are the same metric at or above this similarity (ratio, 0..100)
SAME_METRIC = 85
#: ... and plausibly related (a renamed metric) at or above this
RELATED_METRIC = 55
#: between two years' reports, metrics below this similarity are the same only when they
#: share a phrase of MIN_SHARED_RUN characters (家属院等老旧小区 yes; …服务中心 no: 新村党群服务中心 is
#: not 公共综合托育服务中心)
WEAK_METRIC = 65
MIN_SHARED_RUN = 5
#: a clause without a number names a metric when it shares this many characters of it
SHARED_METRIC_RUN = 4


#: what follows a number up to the next punctuation or number (20个「千万元以上技改项目」)
_AFTER = re.compile(r"^(?:以上|左右|以内|以下|多)?([^，,；;。：:、（()\d“”]{0,12})")



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

def _common_run(x: str, y: str) -> int:
    """Length of the longest run of characters ``x`` and ``y`` share."""
    import difflib

    return difflib.SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y)).size


def _context_key(q: Quantity, text: str) -> str:
    """The metric of ``q`` with what the sentence says right after the number:
    a count written before its noun (建设4个省级美丽乡村示范村, 20个千万元以上技改项目)
    names what it counts after the number."""
    m = _AFTER.match(text[q.start + len(q.text) :])
    after = m.group(1) if m else ""
    after = re.sub(rf"^[{qty._CN_DIGITS}元个项家处]+", "", after)
    return qty.metric_key(re.sub(r"\[\d+\]$", "", q.metric) + after)


def _pair_quantities(
    qa: list[Quantity], qb: list[Quantity], ka: list[str] | None = None, kb: list[str] | None = None
) -> list[tuple[Quantity, Quantity | None, float]]:
    """Match each quantity of A with the most similar metric of B (unit-compatible);
    ``ka``/``kb``: the keys to compare (default: the metrics' keys).  With keys given
    (two years' reports), weakly similar keys must share a phrase (:data:`MIN_SHARED_RUN`)."""
    strict = ka is not None
    from rapidfuzz import fuzz, process

    if not qa:
        return []
    if not qb:
        return [(q, None, 0.0) for q in qa]
    ka = ka or [qty.metric_key(q.metric) for q in qa]
    kb = kb or [qty.metric_key(q.metric) for q in qb]
    sim = process.cdist(ka, kb, scorer=fuzz.ratio, workers=1)
    part = process.cdist(ka, kb, scorer=fuzz.partial_ratio, workers=1)
    sim = np.maximum(sim, 0.9 * part * (np.minimum.outer([len(k) for k in ka], [len(k) for k in kb]) >= 4))
    out = []
    used: set[int] = set()
    for i in np.argsort(-sim.max(axis=1), kind="stable"):
        order = [j for j in np.argsort(-sim[i], kind="stable") if j not in used and qty.same_dimension(qa[i], qb[j])]
        if order and sim[i, order[0]] >= RELATED_METRIC and (not strict or sim[i, order[0]] >= WEAK_METRIC or _common_run(ka[i], kb[order[0]]) >= MIN_SHARED_RUN):
            used.add(order[0])
            out.append((qa[i], qb[order[0]], float(sim[i, order[0]])))
        else:
            out.append((qa[i], None, 0.0))
    out.sort(key=lambda t: t[0].start)
    return out


def _fmt(q: Quantity) -> str:
    if not q.qualifier or q.qualifier in q.text:
        return q.text
    return f"{q.text}{q.qualifier}" if q.qualifier in ("以上", "左右", "以内", "以下") else f"{q.qualifier}{q.text}"


#: a quoted name (“四好农村路”)
_QUOTED_NAME = re.compile(r"[“「『《]([^”」』》]{3,20})[”」』》]")


def _named_quantity_edges(a_units, b_units, edges: list[Edge]) -> list[Edge]:
    """Sentence pairs the alignment left apart whose quantities measure the same
    quoted name (年内建设“四好农村路”60公里 / 实施“四好农村路”工程218公里): a name
    counted in one target sentence of each year's commitments only."""

    def named(units) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, u in enumerate(units):
            if u.region not in _TARGET_REGIONS:
                continue
            for name in {n for q in qty.extract(u.text) for n in _QUOTED_NAME.findall(q.metric)}:
                out.setdefault(name, []).append(i)
        return out

    na, nb = named(a_units), named(b_units)
    have = {(e.a, e.b) for e in edges}
    extra = {(na[n][0], nb[n][0]) for n in na.keys() & nb.keys() if len(na[n]) == 1 and len(nb[n]) == 1}
    extra |= _same_metric_pairs(a_units, b_units)
    return [Edge(i, j, 0.0) for i, j in sorted(extra - have)]


#: a metric named (nearly) alike in one sentence of each year's commitments pairs those
#: sentences even where the alignment left them apart (金融业增加值增长7.5% / …5.5%)
SAME_METRIC_ANYWHERE = 90
MIN_METRIC_KEY = 4


def _same_metric_pairs(a_units, b_units) -> set[tuple[int, int]]:
    """Sentence pairs (indices) whose quantities measure a metric that each year's
    commitments name once: keys of :data:`MIN_METRIC_KEY` characters or more, similar at
    :data:`SAME_METRIC_ANYWHERE` or more, one candidate on each side."""
    from rapidfuzz import fuzz, process

    def quantities(units):
        out = []
        for i, u in enumerate(units):
            if u.region not in _TARGET_REGIONS:
                continue
            for q in qty.extract(u.text):
                k = _context_key(q, u.text).split("#")[0]
                if len(k) >= MIN_METRIC_KEY:
                    out.append((i, q, k))
        return out

    qa, qb = quantities(a_units), quantities(b_units)
    if not qa or not qb:
        return set()
    sim = process.cdist([k for _, _, k in qa], [k for _, _, k in qb], scorer=fuzz.ratio, workers=1)
    ok = sim >= SAME_METRIC_ANYWHERE
    for r, c in zip(*np.nonzero(ok)):  # the units of similar metrics only
        ok[r, c] = qty.same_dimension(qa[r][1], qb[c][1])
    out = set()
    for r in np.flatnonzero(ok.sum(axis=1) == 1):
        c = int(np.flatnonzero(ok[r])[0])
        if ok[:, c].sum() == 1:
            out.add((qa[r][0], qb[c][0]))
    return out


def number_changes(
    a: Document, b: Document, mode: Mode, a_units: tuple[Unit, ...], b_units: tuple[Unit, ...], edges: list[Edge]
) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple] = set()
    cache_a: dict[int, list[Quantity]] = {}
    cache_b: dict[int, list[Quantity]] = {}
    # sentences of headline targets: compared target by target (:func:`headline_target_changes`)
    both = bool(a.targets and b.targets)
    headline_a = {t.sentence for t in a.targets} if both else set()
    headline_b = {t.sentence for t in b.targets} if both else set()
    if mode == Mode.REPORT_REPORT:
        edges = list(edges) + _named_quantity_edges(a_units, b_units, edges)
    for e in edges:
        ua, ub = a_units[e.a], b_units[e.b]
        if mode == Mode.REPORT_REPORT and (ua.region not in _TARGET_REGIONS or ub.region not in _TARGET_REGIONS):
            continue  # figures of past years are results, not targets
        if mode == Mode.REPORT_REPORT and (ua.id in headline_a or ub.id in headline_b):
            continue
        if e.a not in cache_a:  # (setdefault would extract again on every edge)
            cache_a[e.a] = qty.extract(ua.text)
        if e.b not in cache_b:
            cache_b[e.b] = qty.extract(ub.text)
        qa, qb = cache_a[e.a], cache_b[e.b]
        if not qa and not qb:
            continue
        # in a 1-n bead the longer side holds quantities of other partners too:
        # compare from the side with fewer quantities
        flip = len(qa) > len(qb) and mode != Mode.REPORT_REPORT
        if mode == Mode.REPORT_REPORT:
            pairs = _pair_quantities(qa, qb, [_context_key(q, ua.text) for q in qa], [_context_key(q, ub.text) for q in qb])
        else:
            pairs = _pair_quantities(qb, qa) if flip else _pair_quantities(qa, qb)
        for q1, q2, sim in pairs:
            x, y = (q2, q1) if flip else (q1, q2)
            if x is None or y is None:
                if mode == Mode.REPORT_REPORT and y is None and x is not None:
                    change = _became_qualitative(x, ub.text)
                    if change:
                        key = ("qual", e.a, x.start)
                        if key not in seen:
                            seen.add(key)
                            out.append(
                                _finding(
                                    FindingType.NUMBER_CHANGED,
                                    Severity.HIGH,
                                    a,
                                    b,
                                    [ua],
                                    [ub],
                                    f"量化目标变为定性表述：{x.metric}{_fmt(x)} → {change}",
                                    {"metric": x.metric, "old": _fmt(x), "new": change, "change": "became_qualitative"},
                                )
                            )
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
            what = "目标调整" if mode == Mode.REPORT_REPORT else "数字不一致"
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


def _became_qualitative(q: Quantity, other_text: str) -> str:
    """The clause of ``other_text`` that speaks of ``q``'s metric without a number, or ''."""
    from .. import segment

    mk = qty.metric_key(q.metric).split("#")[0]
    if len(mk) < 2 or not (q.unit in ("%", "个百分点") or "增长" in q.metric):
        return ""  # only rate targets (增长8%左右) turn qualitative (外资外贸促稳提质)
    for s, e in segment.clauses(other_text):
        clause = other_text[s:e].strip("，,；;。")
        if qty.extract(clause):
            continue
        ck = qty.metric_key(clause)
        # the clause names the metric (外资外贸促稳提质 for 进出口总额 via the synonyms), not
        # just a word of it (确保固定资产投资实现正增长 is not 高新技术产业投资增长)
        if mk in ck or _common_run(mk, ck) >= min(len(mk), SHARED_METRIC_RUN):
            return clause
    return ""



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
    pre = t.qualifier.split("+")[0] if t.qualifier.split("+")[0] in ("力争", "不低于", "不少于", "不超过", "高于", "低于", "超过", "约") else ""
    post = t.qualifier.split("+")[-1] if t.qualifier.split("+")[-1] in ("左右", "以上", "以内", "以下") else ""
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
    qx = {q for q in x.qualifier.split("+") if q}
    qy = {q for q in y.qualifier.split("+") if q}
    if qx != qy:
        kinds.append("qualifier")
    return kinds


def headline_target_changes(a: Document, b: Document, a_units, b_units) -> list[Finding]:
    """One finding per headline target that changed between the two years, and
    per target of one year only (``target_changed`` / ``target_added`` / ``target_removed``).
    Each cites the clause of its target."""
    if not a.targets or not b.targets:
        return []  # the other report's target list was not read: nothing to pair against
    ua = {u.id: u for u in a_units}
    ub = {u.id: u for u in b_units}
    out = []
    for x, y in _pair_targets(a.targets, b.targets):
        la = [ua[x.sentence]] if x is not None and x.sentence in ua else []
        lb = [ub[y.sentence]] if y is not None and y.sentence in ub else []
        if x is not None and y is not None:
            kinds = _target_change(x, y)
            if not kinds:
                continue
            old, new = _target_text(x), _target_text(y)
            label = x.metric if x.metric == y.metric else f"{x.metric} → {y.metric}"
            msg = f"目标调整：{x.metric}{old} → {y.metric}{new}" if x.metric != y.metric else f"目标调整：{label} {old} → {new}"
            if "quant_to_qual" in kinds:
                msg = f"量化目标变为定性表述：{x.metric}{old} → {y.text}"
            elif "qual_to_quant" in kinds:
                msg = f"定性目标变为量化目标：{x.text} → {y.metric}{new}"
            sev = Severity.HIGH if set(kinds) & {"value", "metric", "unit", "quant_to_qual", "qual_to_quant"} else Severity.MEDIUM
            detail = {
                **_change_detail(x.canonical, y.canonical, old if x.quantitative else x.text, new if y.quantitative else y.text, x, y, kinds),
                "headline": True,
            }
            out.append(_finding(FindingType.TARGET_CHANGED, sev, a, b, la, lb, msg, detail, a_text=x.text, b_text=y.text))
        elif x is not None:
            detail = {"metric": x.canonical, "old": _target_text(x) if x.quantitative else x.text, "old_value": x.value, "headline": True}
            sev = Severity.MEDIUM if x.quantitative else Severity.LOW
            out.append(_finding(FindingType.TARGET_REMOVED, sev, a, b, la, [], f"后一年不再列出的目标：{x.text}", detail, a_text=x.text, b_text=""))
        elif y is not None:
            detail = {"metric": y.canonical, "new": _target_text(y) if y.quantitative else y.text, "new_value": y.value, "headline": True}
            sev = Severity.MEDIUM if y.quantitative else Severity.LOW
            out.append(_finding(FindingType.TARGET_ADDED, sev, a, b, [], lb, f"新列出的目标：{y.text}", detail, a_text="", b_text=y.text))
    return out
