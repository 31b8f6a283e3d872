"""Shared pieces of the findings stage: the finding record, mismatch reasons, rhetoric."""

from __future__ import annotations

import re

import numpy as np

from .. import quantities as qty
from ..align import Edge
from ..similarity import Cosine
from ..model import DocKind, Document, Finding, FindingType, Mode, Pair, PlanItem, Quantity, Region, Severity, Unit
from ..normalize import fold, match_key, to_simplified

#: a sentence that opens with an address or a slogan, not an action, possibly
#: after a connective (同时，我们将更加注重…)
def _rhetoric_start() -> re.Pattern:
    """Openers of framing sentences (``data/rhetoric.toml``)."""
    from .. import vocab

    o = vocab.load("rhetoric")["openers"]
    return re.compile(rf"^(?:(?:{'|'.join(o['connectives'])})[，,]?)?({'|'.join(o['words'])})")


_RHETORIC_START = _rhetoric_start()
#: a sentence that ends by announcing a list (…重点做好七个方面工作：)
_LEAD_IN_END = re.compile(r"[：:]\s*$")
#: sentences of a task area's body that frame it (see :func:`is_rhetoric`)
AREA_FRAMING_SENTENCES = 2
#: minimum matching-key length of a commitment: shorter sentences are slogans
MIN_COMMITMENT_LEN = 10


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


def is_rhetoric(unit: Unit, doc: Document, area_rank: int | None = None) -> bool:
    """A commitments-part sentence that states no action of its own: an address,
    a slogan, the "四种思维" preamble, a lead-in that announces the list after
    it (…重点做好七个方面工作：), or the framing sentence of a task area.

    ``area_rank``: the sentence's rank in its section's body, when known; the body
    of a task area with subsections is then its framing only in its first
    :data:`AREA_FRAMING_SENTENCES` sentences (a body the subsection reading left
    whole holds the area's tasks after its framing)."""
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
        if any(s.parent == sec.id for s in doc.sections) and (area_rank is None or area_rank < AREA_FRAMING_SENTENCES):
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

