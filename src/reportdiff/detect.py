"""Findings from two aligned documents, and the summary figures.

Input: both documents, the mode, the alignment units, the rows of the
alignment table and its edges.  Output: findings (most severe first), a
summary dict and warnings.  No I/O.
"""

from __future__ import annotations

import re

import numpy as np

from . import quantities as qty
from .align import Edge
from .similarity import Cosine
from .model import DocKind, Document, Finding, FindingType, Mode, Pair, PlanItem, Quantity, Region, Severity, Unit
from .normalize import fold, match_key, to_simplified
from .outcomes_detect import target_findings

__all__ = ("detect", "is_rhetoric", "documents_mismatch")

_SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_TYPE_ORDER = {t: i for i, t in enumerate(FindingType)}

#: a sentence that opens with an address or a slogan, not an action, possibly
#: after a connective (同时，我们将更加注重…)
def _rhetoric_start() -> re.Pattern:
    """Openers of framing sentences (``data/rhetoric.toml``)."""
    from . import vocab

    o = vocab.load("rhetoric")["openers"]
    return re.compile(rf"^(?:(?:{'|'.join(o['connectives'])})[，,]?)?({'|'.join(o['words'])})")


_RHETORIC_START = _rhetoric_start()
#: a sentence that ends by announcing a list (…重点做好七个方面工作：)
_LEAD_IN_END = re.compile(r"[：:]\s*$")
#: an unaligned commitment whose best TF-IDF partner reaches this cosine is a
#: reworded initiative, not a new or dropped one (seeds 000/001: reworded
#: 0.07-0.19, truly new 0.04-0.12; 0.10 keeps precision of ``new`` >= 0.9)
COSINE_RELATED = 0.10
#: an unaligned commitment whose mutual best partner among the other report's
#: commitments, by TF-IDF cosine of content words (:func:`reportdiff.tokens.content_words`),
#: reaches this value is a reworded initiative (聊城大外环, 12345市民热线, 安全生产…三年行动),
#: not a new or dropped one.  On the labelled sample of seeds 000/001 reworded
#: pairs score 0.23-0.26 and the mutual best partners of truly new initiatives
#: at most 0.19, but for one (第四次全国文物普查 vs 文物保护: 0.25), see tests/gold/README.md
WORD_RELATED = 0.21
#: a quoted name (“事争一流、唯旗是夺”, 《…》): the author marked a campaign,
#: brand or plan; its pieces of this many characters or more identify it
_QUOTED = re.compile(r"[“「『《\"]([^”」』》\"]{2,40})[”」』》\"]")
MIN_NAME_LEN = 3
#: report regions whose figures are targets (compared between years)
_TARGET_REGIONS = (Region.COMMITMENTS, Region.GOALS)
#: minimum matching-key length of a commitment: shorter sentences are slogans
MIN_COMMITMENT_LEN = 10
#: a clause of a covered sentence counts as covered when some aligned plan
#: item contains it at least this well (partial_ratio, 0..100)
CLAUSE_COVERED = 70
#: two metric names are the same metric at or above this similarity (ratio, 0..100)
SAME_METRIC = 85
#: ... and plausibly related (a renamed metric) at or above this
RELATED_METRIC = 55


def documents_mismatch(a: Document, b: Document, mode: Mode) -> list[str]:
    """Reasons why comparing ``a`` and ``b`` makes little sense (Chinese, empty if none)."""
    reasons = []
    if fold(a.raw.text) == fold(b.raw.text):
        reasons.append("两份文件内容相同（同一文件比对了两次）")
    if a.government and b.government and fold(a.government) != fold(b.government):
        reasons.append(f"两份文件属于不同政府：{a.government} / {b.government}")
    if mode == Mode.REPORT_PLAN and a.year and b.year and a.year != b.year:
        reasons.append(f"报告与分工方案年份不同：{a.year} / {b.year}")
    if mode == Mode.PLAN_PLAN and a.year and b.year and a.year != b.year and reasons:
        reasons.append(f"两份分工方案年份不同：{a.year} / {b.year}")
    if mode == Mode.GENERIC and a.kind != b.kind:
        names = {DocKind.REPORT: "政府工作报告", DocKind.PLAN: "任务分工方案", DocKind.OTHER: "其他文件"}
        reasons.append(f"文件类型不同：{names[a.kind]} / {names[b.kind]}，按普通文本比对")
    return reasons


def is_rhetoric(unit: Unit, doc: Document) -> bool:
    """A commitments-part sentence that states no action of its own: an address,
    a slogan, the "四种思维" preamble, a lead-in that announces the list after
    it (…重点做好七个方面工作：), or the framing sentence of a task area."""
    text = to_simplified(unit.text)
    if len(unit.key) < MIN_COMMITMENT_LEN or _RHETORIC_START.match(text):
        return True
    if _LEAD_IN_END.search(text) and not qty.extract(unit.text):
        return True
    if "必须树牢" in text or "思维" in to_simplified(doc.section_path(unit.section).split(" › ")[-1]):
        return True
    sec = doc.section(unit.section)
    if sec is not None and sec.level == 2 and sec.number and not qty.extract(unit.text):
        # the body under a （一） heading before its lead-phrase subsections: the
        # area's framing (始终把园区作为发展的主战场…), when the area has subsections
        if any(s.parent == sec.id for s in doc.sections):
            return True
    return False


def _finding(
    ftype: FindingType,
    severity: Severity,
    a: Document,
    b: Document,
    a_units: list[Unit],
    b_units: list[Unit],
    message: str,
    detail: dict | None = None,
    a_text: str | None = None,
    b_text: str | None = None,
) -> Finding:
    return Finding(
        type=ftype,
        severity=severity,
        a_ids=tuple(u.id for u in a_units),
        b_ids=tuple(u.id for u in b_units),
        a_text=a_text if a_text is not None else "".join(u.text for u in a_units),
        b_text=b_text if b_text is not None else "".join(u.text for u in b_units),
        a_section=a.section_path(a_units[0].section) if a_units else "",
        b_section=b.section_path(b_units[0].section) if b_units else "",
        detail=detail or {},
        message=message,
    )


def _missing_owner(doc: Document, as_a: bool, other: Document) -> list[Finding]:
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


def _edges_by(edges: list[Edge], side: str) -> dict[int, list[Edge]]:
    out: dict[int, list[Edge]] = {}
    for e in edges:
        out.setdefault(e.a if side == "a" else e.b, []).append(e)
    return out


def _uncovered_clauses(sentence_text: str, item_texts: list[str]) -> list[str]:
    """Clauses of a report sentence that none of its aligned plan items contains."""
    from rapidfuzz import fuzz, process

    from . import segment

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
    from . import segment

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
    return q.text if not q.qualifier or q.qualifier in q.text else f"{q.qualifier}{q.text}"


def _number_changes(
    a: Document, b: Document, mode: Mode, a_units: tuple[Unit, ...], b_units: tuple[Unit, ...], edges: list[Edge]
) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple] = set()
    cache_a: dict[int, list[Quantity]] = {}
    cache_b: dict[int, list[Quantity]] = {}
    for e in edges:
        ua, ub = a_units[e.a], b_units[e.b]
        if mode == Mode.REPORT_REPORT and (ua.region not in _TARGET_REGIONS or ub.region not in _TARGET_REGIONS):
            continue  # figures of past years are results, not targets
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
                    {
                        "metric": _metric_label(x),
                        "new_metric": _metric_label(y),
                        "old": _fmt(x),
                        "new": _fmt(y),
                        "old_value": x.value,
                        "new_value": y.value,
                        "old_unit": x.unit,
                        "new_unit": y.unit,
                        "old_qualifier": x.qualifier,
                        "new_qualifier": y.qualifier,
                        "change": "+".join(kinds),
                    },
                )
            )
    return out


def _metric_label(q: Quantity) -> str:
    label = re.sub(r"\[\d+\]$", "", q.metric).strip("“”\"")
    return re.sub(r"^(力争|确保|全力|努力|争取)+", "", label) or q.metric


def _became_qualitative(q: Quantity, other_text: str) -> str:
    """The clause of ``other_text`` that speaks of ``q``'s metric without a number, or ''."""
    from . import segment

    mk = qty.metric_key(q.metric).split("#")[0]
    if len(mk) < 2 or not (q.unit in ("%", "个百分点") or "增长" in q.metric):
        return ""  # only rate targets (增长8%左右) turn qualitative (外资外贸促稳提质)
    for s, e in segment.clauses(other_text):
        clause = other_text[s:e].strip("，,；;。")
        if qty.extract(clause):
            continue
        ck = qty.metric_key(clause)
        if mk[:2] in ck or mk[-2:] in ck:
            return clause
    return ""


def _word_related(a_units, b_units, cand_a: list[int], cand_b: list[int], commit_a: np.ndarray, commit_b: np.ndarray) -> tuple[set[int], set[int]]:
    """Candidates (indices) of A and of B that have a mutual best partner among
    the other report's commitments with a content-word cosine >= :data:`WORD_RELATED`."""
    from .similarity import Cosine, tfidf, token_matrices
    from .tokens import content_words_many

    ia = np.flatnonzero(commit_a)
    ib = np.flatnonzero(commit_b)
    if not (cand_a or cand_b) or not ia.size or not ib.size:
        return set(), set()
    words = content_words_many([fold(a_units[i].text) for i in ia] + [fold(b_units[j].text) for j in ib])
    xa, xb = token_matrices(words[: len(ia)], words[len(ia) :])
    mi, mj = Cosine(*tfidf(xa, xb)).mutual_best(WORD_RELATED)
    rel_a = {int(ia[k]) for k in mi}
    rel_b = {int(ib[k]) for k in mj}
    return rel_a & set(cand_a), rel_b & set(cand_b)


def _quoted_names(text: str) -> list[str]:
    """The names a sentence puts in quotes, split at enumeration commas
    (“双随机、一公开” -> 双随机, 一公开), of :data:`MIN_NAME_LEN` characters or more."""
    return [p for q in _QUOTED.findall(text) for p in re.split(r"[、，,；;]", q) if len(p) >= MIN_NAME_LEN]


def _named_in(units, cands: list[int], other_text: str) -> set[int]:
    """Candidates that name, in quotes, something the other report's
    commitments still name (2022 “事争一流、唯旗是夺” -> 2024 巩固拓展…事争一流…)."""
    return {i for i in cands if any(name in other_text for name in _quoted_names(fold(units[i].text)))}


def _new_dropped(a: Document, b: Document, a_units, b_units, edges, later_is_b: bool, cosine: Cosine) -> list[Finding]:
    """Commitments of one report with no counterpart in the other.

    An unaligned unit is not reported when it is a reworded initiative: its
    best TF-IDF partner (character bigrams) among the other report's
    commitments reaches :data:`COSINE_RELATED`, or it and a commitment of the
    other report are each other's best partner by content words at
    :data:`WORD_RELATED` or more (they name the same project, hotline or campaign),
    or it names in quotes a campaign the other report still names.

    Each finding carries the other report's nearest commitment (``detail["nearest"]``,
    by bigram cosine) so a reviewer can check at a glance whether it was
    reworded beyond what these tests see.
    """
    out = []
    linked_a = {e.a for e in edges}
    linked_b = {e.b for e in edges}
    commit_a = np.array([u.region == Region.COMMITMENTS for u in a_units], dtype=bool)
    commit_b = np.array([u.region == Region.COMMITMENTS for u in b_units], dtype=bool)
    # each unit's best bigram cosine among the other report's commitments, and which one it is
    best, nearest = {}, {}
    best["a"], nearest["a"], best["b"], nearest["b"] = cosine.best(col_mask=commit_b, row_mask=commit_a)
    cands = {}
    for side, units, linked, doc in (("a", a_units, linked_a, a), ("b", b_units, linked_b, b)):
        cands[side] = [i for i, u in enumerate(units) if i not in linked and u.region == Region.COMMITMENTS and not is_rhetoric(u, doc) and best[side][i] < COSINE_RELATED]
    related = dict(zip("ab", _word_related(a_units, b_units, cands["a"], cands["b"], commit_a, commit_b)))
    commit_text = {
        "a": "".join(fold(u.text) for u in a_units if u.region == Region.COMMITMENTS),
        "b": "".join(fold(u.text) for u in b_units if u.region == Region.COMMITMENTS),
    }
    related["a"] |= _named_in(a_units, cands["a"], commit_text["b"])
    related["b"] |= _named_in(b_units, cands["b"], commit_text["a"])
    for side, units, others in (("a", a_units, b_units), ("b", b_units, a_units)):
        is_later = (side == "b") == later_is_b
        for i in cands[side]:
            if i in related[side]:
                continue
            u = units[i]
            ftype = FindingType.NEW if is_later else FindingType.DROPPED
            msg = "新增举措：上一份报告的年度任务中没有对应表述" if is_later else "不再提及：后一份报告的年度任务中没有对应表述"
            a_list, b_list = ([u], []) if side == "a" else ([], [u])
            detail = {"best_cosine": round(float(best[side][i]), 3)}
            if best[side][i] > 0:
                near = others[int(nearest[side][i])]
                detail |= {"nearest": near.id, "nearest_text": near.text}
            out.append(_finding(ftype, Severity.MEDIUM, a, b, a_list, b_list, msg, detail))
    return out


def _owner_changes(a: Document, b: Document, a_units, b_units, edges) -> list[Finding]:
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


def detect(
    a: Document,
    b: Document,
    mode: Mode,
    a_units: tuple[Unit, ...],
    b_units: tuple[Unit, ...],
    pairs: tuple[Pair, ...],
    edges: list[Edge],
    cosine: Cosine,
    ignored: frozenset[str] = frozenset(),
) -> tuple[tuple[Finding, ...], dict, tuple[str, ...]]:
    """All findings, the summary and the warnings of one comparison.

    ``ignored`` holds units (``a:<id>`` / ``b:<id>``) of rows a reviewer marked
    忽略: a finding that cites only such units is dropped (and counted in
    ``summary["ignored_findings"]``); an ignored uncovered commitment leaves
    the coverage denominator.
    """
    findings: list[Finding] = []
    warnings = documents_mismatch(a, b, mode)
    if warnings:
        findings.append(
            Finding(
                type=FindingType.DOCUMENTS_MISMATCH,
                severity=Severity.HIGH,
                a_ids=(),
                b_ids=(),
                a_text=a.title,
                b_text=b.title,
                a_section="",
                b_section="",
                detail={"reasons": warnings},
                message="；".join(warnings),
            )
        )
    for doc, as_a, other in ((a, True, b), (b, False, a)):
        if doc.kind == DocKind.PLAN:
            findings.extend(_missing_owner(doc, as_a, other))
    coverage: dict = {}
    if mode == Mode.REPORT_PLAN:
        r_is_a = a.kind == DocKind.REPORT
        report, plan = (a, b) if r_is_a else (b, a)
        r_units, p_units = (a_units, b_units) if r_is_a else (b_units, a_units)
        edges_r = _edges_by(edges, "a" if r_is_a else "b")
        cov_findings, coverage = _coverage(report, r_units, p_units, edges_r, r_is_a, plan, ignored)
        findings.extend(cov_findings)
        linked_p = {e.b if r_is_a else e.a for e in edges}
        for j, u in enumerate(p_units):
            if j not in linked_p:
                a_list, b_list = ([], [u]) if r_is_a else ([u], [])
                findings.append(_finding(FindingType.NOT_IN_REPORT, Severity.MEDIUM, a, b, a_list, b_list, "分工方案任务在报告中找不到出处"))
    findings.extend(_number_changes(a, b, mode, a_units, b_units, edges))
    later_is_b = (b.year or 0) >= (a.year or 0)
    if mode == Mode.REPORT_REPORT:
        findings.extend(_new_dropped(a, b, a_units, b_units, edges, later_is_b, cosine))
        findings.extend(target_findings(a, b))  # last year's targets against this year's review
    if mode == Mode.PLAN_PLAN:
        findings.extend(_owner_changes(a, b, a_units, b_units, edges))
    n_ignored = 0
    if ignored:
        kept = [f for f in findings if not _all_ignored(f, ignored)]
        n_ignored = len(findings) - len(kept)
        findings = kept
    order_a = {u.id: i for i, u in enumerate(a_units)}
    order_b = {u.id: i for i, u in enumerate(b_units)}
    findings.sort(
        key=lambda f: (
            _TYPE_ORDER[f.type],
            _SEVERITY_ORDER[f.severity],
            order_a.get(f.a_ids[0], -1) if f.a_ids else -1,
            order_b.get(f.b_ids[0], -1) if f.b_ids else -1,
            _item_order(f),
            f.message,
        )
    )
    counts = {t.value: 0 for t in FindingType}
    for f in findings:
        counts[f.type.value] += 1
    status = {"matched": 0, "changed": 0, "only_a": 0, "only_b": 0}
    for p in pairs:
        status[p.status] += 1
    summary = {
        "mode": mode.value,
        "units": {"a": len(a_units), "b": len(b_units)},
        "aligned_pairs": len(edges),
        "rows": status,
        "findings": counts,
        "mismatch": bool(warnings),
        **coverage,
    }
    if ignored:
        summary["ignored_findings"] = n_ignored
    return tuple(findings), summary, tuple(warnings)


def _all_ignored(f: Finding, ignored: frozenset[str]) -> bool:
    cited = [f"a:{i}" for i in f.a_ids] + [f"b:{i}" for i in f.b_ids]
    return bool(cited) and f.type != FindingType.DOCUMENTS_MISMATCH and all(c in ignored for c in cited)


def _item_order(f: Finding) -> int:
    num = f.detail.get("number") if f.detail else None
    try:
        return int(str(num).split(".")[0])
    except (TypeError, ValueError):
        return 0
