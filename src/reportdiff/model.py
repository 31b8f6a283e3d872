"""Plain data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing here does I/O.
Offsets (``span``) always index the *original decoded text* of a document
(:attr:`RawText.text`), so any unit can be shown exactly as it was written.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass, field

__all__ = (
    "DocKind",
    "Region",
    "RawText",
    "Paragraph",
    "Section",
    "Clause",
    "Sentence",
    "Owners",
    "PlanItem",
    "Document",
    "Target",
    "Outcome",
    "TargetStatus",
    "TargetCheck",
    "Unit",
    "Pair",
    "Quantity",
    "Finding",
    "FindingType",
    "Severity",
    "Mode",
    "Comparison",
    "Options",
    "KeptRow",
    "ReviewOutcome",
)


class DocKind(str, enum.Enum):
    """What a document is."""

    REPORT = "report"
    PLAN = "plan"
    OTHER = "other"


class Region(str, enum.Enum):
    """Which part of a work report a passage belongs to."""

    FRONT = "front"  #: title, addressee, opening formula
    REVIEW = "review"  #: review of past year(s)
    GOALS = "goals"  #: multi-year (five-year) goals, and the year's framing before its targets
    COMMITMENTS = "commitments"  #: this year's targets, tasks and self-building
    CLOSING = "closing"  #: closing appeal
    APPENDIX = "appendix"  #: term definitions and attachments
    BODY = "body"  #: documents that are not reports


class Mode(str, enum.Enum):
    """How two documents are compared."""

    REPORT_PLAN = "report-plan"
    REPORT_REPORT = "report-report"
    PLAN_PLAN = "plan-plan"
    GENERIC = "generic"


@dataclass(frozen=True)
class RawText:
    """A document as decoded from disk, before any repair."""

    path: str  #: path as given by the caller
    text: str  #: the decoded text; every span in the model indexes this string
    encoding: str  #: encoding used to decode (``utf-8``, ``gb18030``, ``docx``...)
    fmt: str  #: source format: ``txt``, ``md``, ``docx`` or ``pdf``


@dataclass(frozen=True)
class Paragraph:
    """A reflowed paragraph: hard wraps, page numbers and markup removed.

    ``text`` is made only by *deleting* characters of the original, so
    ``text[i] == raw.text[offsets[i]]`` for every ``i``.
    """

    index: int  #: position in the document, from 0
    text: str  #: cleaned text (original characters, no substitutions)
    offsets: tuple[int, ...]  #: for each character of ``text``, its index in the raw text
    is_heading: bool = False  #: a standalone heading line

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) of the paragraph in the raw text."""
        return (self.offsets[0], self.offsets[-1] + 1) if self.offsets else (0, 0)

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span of ``text[start:end]``."""
        return (self.offsets[start], self.offsets[end - 1] + 1)


@dataclass(frozen=True)
class Section:
    """A heading of the document and what it contains."""

    id: str  #: stable id such as ``s3.2``
    level: int  #: 0 part heading, 1 一、, 2 （一）, 3 1. or lead phrase, 4 （1）
    number: str  #: the numbering as written (``一``, ``（一）``), or ``""``
    title: str  #: heading text without its numbering
    span: tuple[int, int]  #: raw-text span of the heading
    region: Region  #: which part of a report this section is in
    parent: str | None  #: id of the enclosing section


@dataclass(frozen=True)
class Clause:
    """Part of a sentence separated by ，、 that carries its own action."""

    id: str  #: ``<sentence id>.c<k>``
    text: str  #: cleaned text
    span: tuple[int, int]  #: raw-text span


@dataclass(frozen=True)
class Sentence:
    """A sentence (ended by 。！？；) of running text: the unit of alignment."""

    id: str  #: ``<section id>.p<n>.s<k>``, stable across runs
    text: str  #: cleaned text, original characters
    span: tuple[int, int]  #: raw-text span
    section: str  #: id of the innermost section
    region: Region  #: part of the report
    clauses: tuple[Clause, ...]  #: the sentence split at ，、 where each part acts


@dataclass(frozen=True)
class Owners:
    """Owners of a plan task, each a tuple of names as written."""

    leaders: tuple[str, ...] = ()  #: 牵头领导
    lead_units: tuple[str, ...] = ()  #: 牵头单位
    partner_units: tuple[str, ...] = ()  #: 责任单位 or 配合单位
    partner_label: str = ""  #: which label the plan used for partners (责任单位 / 配合单位)
    span: tuple[int, int] | None = None  #: raw-text span of the owner block

    @property
    def empty(self) -> bool:
        """True when no owner field is given."""
        return not (self.leaders or self.lead_units or self.partner_units)


@dataclass(frozen=True)
class PlanItem:
    """A numbered task of a division plan."""

    id: str  #: ``i<number>`` or ``i<number>.<sub>`` for sub-items
    number: str  #: number as written (``53``, ``6.2``)
    text: str  #: task text without the owner block
    span: tuple[int, int]  #: raw-text span of the whole item (text and owners)
    section: str  #: id of the enclosing section
    owners: Owners  #: parsed owners of this item
    children: tuple["PlanItem", ...] = ()  #: sub-items （1）（2）, each with its own owners
    parent: str | None = None  #: id of the parent item for sub-items
    deadline: str = ""  #: 完成时限 as written (``2024年12月底``), or ``""``

    def effective_owners(self) -> Owners:
        """Own owners, or for a parent item the union of its sub-items' owners."""
        if not self.owners.empty or not self.children:
            return self.owners

        def union(get):
            seen: dict[str, None] = {}
            for child in self.children:
                for name in get(child.owners):
                    seen.setdefault(name, None)
            return tuple(seen)

        return Owners(
            leaders=union(lambda o: o.leaders),
            lead_units=union(lambda o: o.lead_units),
            partner_units=union(lambda o: o.partner_units),
            partner_label=next((c.owners.partner_label for c in self.children if c.owners.partner_label), ""),
        )


@dataclass(frozen=True)
class Target:
    """A headline target (主要预期目标) of a report, or an outcome stated in its review."""

    metric: str  #: the metric as written (``国内生产总值增长``)
    canonical: str  #: canonical metric name (``地区生产总值增长``), see ``data/metrics.toml``
    value: float | None  #: the number in the unit below (None for a qualitative target)
    unit: str  #: unit as written (``%``, ``万人``, ``亿斤``, ``个百分点``), ``""`` if none
    qualifier: str  #: 左右 / 以上 / 以内 / 力争 … as written, ``""`` if none
    text: str  #: the clause that states it
    sentence: str  #: id of the sentence it is in
    span: tuple[int, int]  #: raw-text span of the clause
    upper: float | None = None  #: upper end of a range (``6%—6.5%``), else None

    @property
    def quantitative(self) -> bool:
        """True when the target has a number."""
        return self.value is not None


@dataclass(frozen=True)
class Outcome:
    """A figure for last year stated in a report's review part (``国内生产总值增长8.1%``), or a
    statement in words about a metric (``国际收支基本平衡``: value None)."""

    metric: str  #: the metric as written (``国内生产总值增长``)
    canonical: str  #: canonical metric name, as for :class:`Target`
    value: float | None  #: the number as written, None for a statement in words
    unit: str  #: unit as written (``%``, ``万人``), ``""`` if none
    qualifier: str  #: 以下 / 超过 / 预计 / 左右 … as written, ``""`` if none
    text: str  #: the clause that states it
    sentence: str  #: id of the sentence it is in
    span: tuple[int, int]  #: raw-text span of the clause


class TargetStatus(str, enum.Enum):
    """How a target of year N fared in report N+1's review; values are stable for CSV and JSON."""

    MET = "met"
    MET_WITH_QUALIFIER = "met_with_qualifier"  #: short of the number but within the tolerance of 左右/约
    MISSED = "missed"
    QUALITATIVE = "qualitative"  #: target or outcome stated only in words
    NOT_REPORTED = "not_reported"  #: the next review says nothing on the metric (or another measure)
    PENDING = "pending"  #: the next year's report is not among the inputs


@dataclass(frozen=True)
class TargetCheck:
    """One headline target held against the next year's review."""

    government: str
    year: int  #: the year the target is for
    target: Target
    direction: str  #: ``up`` (more is better) or ``down`` (a ceiling), ``""`` when qualitative
    status: TargetStatus
    outcome: Outcome | None = None  #: the outcome used, if any
    path: str = ""  #: the report that sets the target
    outcome_path: str = ""  #: the report whose review states the outcome


@dataclass(frozen=True)
class Document:
    """A document understood: kind, identity, structure and text units."""

    raw: RawText  #: the original text
    kind: DocKind  #: report, plan or other
    kind_evidence: tuple[str, ...]  #: why this kind was chosen, in Chinese
    government: str  #: issuing government, e.g. 茌平区, or ``""``
    year: int | None  #: the year the document is about
    date: str  #: publication date as YYYY-MM-DD, or ``""``
    title: str  #: document title
    paragraphs: tuple[Paragraph, ...]  #: reflowed paragraphs
    sections: tuple[Section, ...]  #: headings in document order
    sentences: tuple[Sentence, ...]  #: running-text sentences (plan tasks excluded)
    items: tuple[PlanItem, ...] = ()  #: plan items (top level; sub-items are children)
    government_evidence: str = ""  #: why this government (Chinese)
    year_evidence: str = ""  #: why this year (Chinese)
    targets: tuple[Target, ...] = ()  #: this year's headline targets (reports)
    warnings: tuple[str, ...] = ()  #: what could not be understood (Chinese)

    def region_sizes(self) -> dict[str, int]:
        """Number of sentences per region."""
        out: dict[str, int] = {}
        for s in self.sentences:
            out[s.region.value] = out.get(s.region.value, 0) + 1
        return out

    # built once per document: section() and section_path() are called per unit and per finding
    @functools.cached_property
    def _first_section_by_id(self) -> dict[str, Section]:
        out: dict[str, Section] = {}
        for sec in self.sections:
            out.setdefault(sec.id, sec)
        return out

    @functools.cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        # built once per document (not a field: not compared, not part of the hash)
        return {s.id: s for s in self.sections}

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return self._first_section_by_id.get(section_id)

    def section_path(self, section_id: str) -> str:
        """Human-readable heading path of a section, e.g. ``（一）坚持… › 推进…``."""
        by_id = self._sections_by_id
        parts = []
        seen: set[str] = set()
        cur = by_id.get(section_id)
        while cur is not None and cur.id not in seen:
            seen.add(cur.id)
            label = f"{cur.number}{cur.title}" if cur.number and cur.level != 3 else cur.title
            parts.append(label)
            cur = by_id.get(cur.parent) if cur.parent else None
        return " › ".join(reversed(parts))

    def all_items(self) -> tuple[PlanItem, ...]:
        """Top-level items and their sub-items, in order."""
        out: list[PlanItem] = []
        for item in self.items:
            out.append(item)
            out.extend(item.children)
        return tuple(out)


@dataclass(frozen=True)
class Unit:
    """A piece of text that takes part in alignment (a sentence or a plan item)."""

    id: str  #: sentence or item id
    text: str  #: cleaned original text for display
    key: str  #: normalized matching key (half-width, OCR-folded, no punctuation)
    section: str  #: section id
    region: Region  #: report region, or BODY
    span: tuple[int, int]  #: raw-text span


@dataclass(frozen=True, order=True)
class Pair:
    """A bead of the alignment: units of A and units of B that say the same thing.

    ``a`` or ``b`` may be empty for a unit that has no counterpart.
    """

    a: tuple[str, ...]  #: unit ids in document A
    b: tuple[str, ...]  #: unit ids in document B
    score: float  #: calibrated similarity 0..1 (0 for unaligned units)
    status: str  #: matched / changed / only_a / only_b
    reviewed: str = ""  #: review mark applied to this pair (确认 / 忽略), if any
    note: str = ""  #: the reviewer's note (备注) carried over from the review sheet


@dataclass(frozen=True)
class Quantity:
    """A number found in a text with what it measures."""

    metric: str  #: what is measured (text before the number, trimmed)
    value: float  #: numeric value in the base unit
    unit: str  #: unit as normalized (``%``, ``亿元``, ``个``...)
    qualifier: str  #: 以上 / 左右 / 力争 / 不低于 / 超过 / ""
    text: str  #: the quantity as written
    start: int  #: offset of ``text`` in the clause text
    written: tuple[float, str] = (0.0, "")  #: (number, unit) as written: 1.3万亿斤 -> (1.3, 万亿斤)


class FindingType(str, enum.Enum):
    """Kinds of findings; values are stable for JSON and CSV."""

    DOCUMENTS_MISMATCH = "documents_mismatch"
    MISSING_OWNER = "missing_owner"
    UNCOVERED = "uncovered"
    UNCOVERED_RHETORIC = "uncovered_rhetoric"
    NOT_IN_REPORT = "not_in_report"
    NUMBER_CHANGED = "number_changed"
    NEW = "new"
    DROPPED = "dropped"
    OWNER_CHANGED = "owner_changed"
    MISSING_DEADLINE = "missing_deadline"
    TARGET_MISSED = "target_missed"
    TARGET_MET = "target_met"
    TARGET_CHANGED = "target_changed"
    TARGET_ADDED = "target_added"
    TARGET_REMOVED = "target_removed"


class Severity(str, enum.Enum):
    """How urgent a finding is."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer should look at, with its evidence."""

    type: FindingType  #: kind of finding
    severity: Severity  #: urgency
    a_ids: tuple[str, ...]  #: unit ids cited in document A
    b_ids: tuple[str, ...]  #: unit ids cited in document B
    a_text: str  #: cited text of A (original)
    b_text: str  #: cited text of B (original)
    a_section: str  #: heading path in A
    b_section: str  #: heading path in B
    detail: dict = field(default_factory=dict, compare=False, hash=False)  #: type-specific facts
    message: str = ""  #: one Chinese sentence for the reviewer

    @property
    def nearest(self) -> tuple[str, str, str] | None:
        """For a new or dropped finding: the other document's nearest unit as
        (``"A"``/``"B"``, its id, its text), for the reader to check; else None."""
        if "nearest" not in self.detail:
            return None
        return ("B" if self.a_ids else "A"), self.detail["nearest"], self.detail["nearest_text"]


@dataclass(frozen=True)
class Options:
    """Knobs of a comparison; the defaults were chosen on the seed documents."""

    threshold: float = 0.0  #: override of the acceptance threshold (0..1); 0 = per-mode default
    encoding: str | None = None  #: force an input encoding
    max_bytes: int = 20 * 1024 * 1024  #: refuse inputs larger than this
    tokenizer: str = "bigram"  #: ``bigram`` (fast, default) or ``jieba`` words for clause matching
    #: refuse a comparison of more than this many pairs of units (sentences x
    #: items).  Memory no longer grows with this product (alignment scores
    #: candidate pairs, block by block); the time of the cosine pass does, at
    #: about 0.1 s per 10 million pairs.  16 reports per side: about 100
    #: million pairs (see benchmarks/bench.py)
    max_pairs: int = 2_000_000_000


@dataclass(frozen=True)
class KeptRow:
    """A review row written back to the sheet after the alignment rows: a
    rejected pair, a stale row, or a review no current row shows."""

    status: str  #: ``rejected``, ``stale`` or ``kept``
    mark: str  #: the 审核 cell as the reviewer wrote it
    a: tuple[str, ...]  #: unit ids of A (current ids when found, else as written)
    b: tuple[str, ...]  #: unit ids of B
    a_text: str  #: text of A
    b_text: str  #: text of B
    note: str  #: the reviewer's note
    reason: str  #: why the row is kept apart (Chinese)
    line: int  #: its row number in the review sheet

    @property
    def remark(self) -> str:
        """The reason followed by the reviewer's note (reading the sheet back
        takes the reason off again: :func:`reportdiff.review.own_note`)."""
        return f"{self.reason}；{self.note}" if self.note else self.reason


@dataclass(frozen=True)
class ReviewOutcome:
    """What applying a review sheet did."""

    path: str  #: the review sheet
    applied: dict  #: rows applied per mark, e.g. ``{"确认": 2, "错误": 1, "忽略": 0}``
    kept: tuple[KeptRow, ...]  #: rows written back apart from the alignment rows
    ignored_findings: int  #: findings dropped because their rows are marked 忽略
    stale: int  #: rows that match nothing in the current documents


@dataclass(frozen=True)
class Comparison:
    """Everything one comparison produced."""

    a: Document  #: first document as given
    b: Document  #: second document as given
    mode: Mode  #: how they were compared
    a_units: tuple[Unit, ...]  #: alignment units of A
    b_units: tuple[Unit, ...]  #: alignment units of B
    pairs: tuple[Pair, ...]  #: the alignment, one bead per row
    findings: tuple[Finding, ...]  #: findings, most severe first
    summary: dict  #: counts and coverage
    warnings: tuple[str, ...] = ()  #: human-readable warnings (Chinese)
    review: ReviewOutcome | None = None  #: the review applied, if any
    unread: tuple[str, ...] = ()  #: what could not be understood in A or B (Chinese); findings are then incomplete
