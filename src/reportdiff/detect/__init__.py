"""Findings from two aligned documents, and the summary figures.

Input: both documents, the mode, the alignment units, the rows of the
alignment table and its edges.  Output: findings (most severe first), a
summary dict and warnings.  No I/O.

One module per concern: :mod:`.owners` (plan owners and deadlines),
:mod:`.coverage` (report -> plan), :mod:`.targets` (targets and numbers),
:mod:`.novelty` (new and dropped initiatives, key terms); :mod:`.base` holds the
finding record, mismatch reasons and the rhetoric test.
"""

from __future__ import annotations

from .outcomes import target_findings
from ..align import Edge
from ..normalize import fold
from ..model import DocKind, Document, Finding, FindingType, Mode, Pair, Severity, Unit
from ..similarity import Cosine
from .base import documents_mismatch, is_rhetoric
from .coverage import coverage_findings
from .novelty import clause_cosines, clause_new_dropped, key_terms, new_dropped
from .owners import missing_owner, owner_changes
from .targets import headline_target_changes, number_changes
from .tasks import without_moved_twice

__all__ = ("detect", "is_rhetoric", "documents_mismatch")

_SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
#: findings are listed by type in this order (target changes right after number changes)
_TYPES = [FindingType.DOCUMENTS_MISMATCH, FindingType.MISSING_OWNER, FindingType.UNCOVERED, FindingType.UNCOVERED_RHETORIC,
          FindingType.NOT_IN_REPORT, FindingType.TARGET_CHANGED, FindingType.TARGET_ADDED, FindingType.TARGET_REMOVED]
_TYPE_ORDER = {t: i for i, t in enumerate(_TYPES + [t for t in FindingType if t not in _TYPES])}


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
    # two governments' documents: unit-by-unit findings would be noise, not facts
    foreign = bool(a.government and b.government and fold(a.government) != fold(b.government))
    if foreign:
        warnings.append(FOREIGN_NOTE)
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
            findings.extend(missing_owner(doc, as_a, other))
    coverage: dict = {}
    findings.extend(_comparison_findings(a, b, mode, a_units, b_units, edges, cosine, ignored, coverage) if not foreign else [])
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
    if mode == Mode.REPORT_REPORT and not foreign:
        summary["key_terms"] = key_terms(a_units, b_units, (b.year or 0) >= (a.year or 0))
    if ignored:
        summary["ignored_findings"] = n_ignored
    return tuple(findings), summary, tuple(warnings)


#: the one line said instead of the findings of two governments' documents
FOREIGN_NOTE = "两份文件属于不同政府，逐条比对没有意义：未给出覆盖率、目标调整、新增或不再提及等发现"


def _comparison_findings(a, b, mode, a_units, b_units, edges, cosine, ignored, coverage: dict) -> list[Finding]:
    """Findings that compare the two documents unit by unit (coverage, targets and
    numbers, new and dropped, owners).  This is the single place where producers of
    such findings are called; ``coverage`` receives the coverage figures."""
    findings: list[Finding] = []
    if mode == Mode.REPORT_PLAN:
        r_is_a = a.kind == DocKind.REPORT
        report, plan = (a, b) if r_is_a else (b, a)
        r_units, p_units = (a_units, b_units) if r_is_a else (b_units, a_units)
        cov_findings, cov = coverage_findings(a, b, report, plan, r_units, p_units, edges, r_is_a, ignored)
        findings.extend(cov_findings)
        coverage.update(cov)
    if mode == Mode.REPORT_REPORT:
        findings.extend(headline_target_changes(a, b, a_units, b_units))
    findings.extend(number_changes(a, b, mode, a_units, b_units, edges))
    findings = without_moved_twice(findings)
    later_is_b = (b.year or 0) >= (a.year or 0)
    if mode == Mode.REPORT_REPORT:
        cc = clause_cosines(a_units, b_units, a, b)
        findings.extend(new_dropped(a, b, a_units, b_units, edges, later_is_b, cosine, cc))
        findings.extend(clause_new_dropped(a, b, a_units, b_units, edges, later_is_b, cc))
        findings.extend(target_findings(a, b))  # last year's targets against this year's review
    if mode == Mode.PLAN_PLAN:
        findings.extend(owner_changes(a, b, a_units, b_units, edges))
    return findings


def _all_ignored(f: Finding, ignored: frozenset[str]) -> bool:
    cited = [f"a:{i}" for i in f.a_ids] + [f"b:{i}" for i in f.b_ids]
    return bool(cited) and f.type != FindingType.DOCUMENTS_MISMATCH and all(c in ignored for c in cited)


def _item_order(f: Finding) -> int:
    num = f.detail.get("number") if f.detail else None
    try:
        return int(str(num).split(".")[0])
    except (TypeError, ValueError):
        return 0

