"""The parts (regions) of a work report: front, review, goals, commitments, closing, appendix.

Goals hold the multi-year goals and the year's framing (``2024年是…``, ``做好今年工作，要…``,
a ``总体要求`` heading); the commitments start with the year's targets or its first task heading,
so that the commitments part holds what a division plan splits into tasks.

A report moves through its parts in that order.  A part starts at a heading that says what
it is (``2024年工作回顾``, ``今后五年的奋斗目标``, ``2025年工作安排``, ``名词解释``) or, where
the report has no such heading, at a paragraph that opens it (``现在，我代表…`` opens the
review, ``今年经济社会发展的主要预期目标是：…`` the year's commitments).  The cue words are
data (``data/regions.toml``).
"""

from __future__ import annotations

import re

from .. import vocab
from ..model import Region

__all__ = ("RegionTracker", "is_targets_lead", "closing_start")

#: lines of a report's head: its title, the date line, the speaker
_FRONT_LINE = re.compile(r"人民代表大会|政府工作报告|\d{1,2}月\d{1,2}日|代表大会")
#: the five-year plans: the Nth (from the 3rd, 1966–1970) runs from 1966 + 5 (N - 3)
_PLAN_NUMBERS = {"三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "十七": 17}
_PLAN = re.compile(r"“?(十[一二三四五六七]?|[三四五六七八九])五”?(时期|规划|期间|末)?")
#: "…预期目标作了适当调整。今年要…": the year's list right after a sentence about its targets
_LIST_AFTER_LEAD = re.compile(r"^(今年|全年)")
_ORDER = (Region.FRONT, Region.REVIEW, Region.GOALS, Region.COMMITMENTS, Region.CLOSING, Region.APPENDIX)


def _rx(table: str, key: str) -> re.Pattern:
    return vocab.pattern("regions", table, key)


def is_targets_lead(text: str) -> re.Match | None:
    """The lead-in of this year's headline targets in ``text`` (``主要预期目标是：``),
    unless the sentence sets multi-year goals (``今后五年…``, ``年均``)."""
    for m in _rx("targets", "lead").finditer(text):
        clause_start = max(text.rfind(c, 0, m.start()) for c in "。！？，,；;") + 1
        clause = text[clause_start : m.start()]
        sentence_start = max(text.rfind(c, 0, m.start()) for c in "。！？") + 1
        # 25 characters before the lead-in, without a clause saying what the year is
        # (2026年是“十五五”开局之年，经济社会发展主要预期目标为：)
        near = _rx("targets", "year_framing").sub("", text[sentence_start : m.start()])[-25:]
        after = text[m.end() : m.end() + 60]
        if not _rx("targets", "this_year").search(clause):
            if _rx("targets", "multi_year").search(near) or _rx("targets", "multi_year").search(clause):
                continue
        if re.search(r"年均|累计", after[:20]):
            continue
        if after.strip() and not re.search(r"\d|[一二三四五六七八九十]", after) and not text.rstrip().endswith(("；", ";")):
            continue
        return m
    return None


def closing_start(paragraphs: list[str], last: int = 4) -> int | None:
    """Index of the paragraph that opens the closing appeal among the commitments part's
    paragraphs (their texts), looking only at the last ``last`` of them."""
    rx = _rx("paragraph", "closing")
    for k in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 1 - last), -1):
        t = re.sub(r"\s+", "", paragraphs[k])
        if re.match(r"^(各位代表|同志们|让我们)", t) and (rx.search(t) or k + 1 < len(paragraphs) and rx.search(paragraphs[k + 1])):
            return k
    return None


class RegionTracker:
    """Follows the region of a report paragraph by paragraph (regions only move forward)."""

    def __init__(self, year: int | None) -> None:
        self.year = year
        self.region = Region.FRONT
        self.pending: Region | None = None  # a region that starts after the current paragraph
        self.framing = False  # the year's framing was read under a commitments heading
        self.fresh = False  # a commitments heading was just read, no text under it yet
        self.lead_seen = False  # the last framing paragraph spoke of the year's targets

    def _advance(self, to: Region) -> bool:
        if _ORDER.index(to) > _ORDER.index(self.region) or to == self.region:
            self.region = to
            return True
        return False

    def _years(self, text: str) -> set[int]:
        ys = {int(y) for y in re.findall(r"(20\d\d)年", text)}
        if re.search(r"今年|本年度|明年", text) and self.year:
            ys.add(self.year)
        return ys

    def task_heading(self) -> None:
        """A task heading (（一）…) after the year's framing: the tasks begin."""
        if self.framing and self.region == Region.GOALS:
            self._advance_to_commitments()

    def _advance_to_commitments(self) -> None:
        self.region = Region.COMMITMENTS
        self.framing = False

    def heading(self, title: str) -> None:
        """A part heading (unnumbered, or numbered 一、): may start a region."""
        opened = False  # the opening formula was just read: this is the report's first part heading
        if self.pending is not None:
            self._advance(self.pending)  # the opening formula was read: the report has begun
            opened = self.pending == Region.REVIEW
            self.pending = None
        if self.region == Region.FRONT and _FRONT_LINE.search(re.sub(r"\s+", "", title)):
            return  # the title, the date line, the speaker: not a part of the report
        if self.framing and self.region == Region.GOALS:
            self._advance_to_commitments()
            return
        t = re.sub(r"\s+", "", title)
        if _rx("heading", "appendix").search(t) and len(t) <= 30:
            self._advance(Region.APPENDIX)
            return
        if self.region in (Region.CLOSING, Region.APPENDIX):
            return
        years = self._years(t)
        if _rx("heading", "review").search(t):
            self._advance(Region.REVIEW)  # "2019年和今年以来工作回顾" is a review too
            return
        this_year = bool(self.year and self.year in years)
        if this_year and _rx("heading", "commitments").search(t):
            # "今后五年的奋斗目标及2022年工作安排": the goals come first, the year's work after;
            # "2024年政府工作总体思路和目标要求": the year's framing, before its targets and tasks
            framing = _rx("heading", "overall").search(t) and not _rx("heading", "tasks").search(t)
            self._advance(Region.GOALS if framing or _rx("heading", "goals").search(t) else Region.COMMITMENTS)
            self.fresh = self.region == Region.COMMITMENTS
            self.framing = bool(framing) and self.region == Region.GOALS
            return
        if (years and self.year and max(years) < self.year) or _rx("heading", "review_weak").search(t) or self._past_plan(t):
            self._advance(Region.REVIEW)
            return
        if _rx("heading", "goals").search(t):
            if opened and self.region == Region.REVIEW and not _rx("heading", "ahead").search(t):
                return  # the first part names a plan without looking ahead: still the review
            self._advance(Region.GOALS)
            return
        if self.region in (Region.GOALS, Region.COMMITMENTS) and _rx("heading", "self_building").search(t):
            self._advance(Region.COMMITMENTS)

    def paragraph(self, text: str) -> None:
        """A paragraph of running text: may open a region (before or after itself)."""
        if self.pending is not None:
            self._advance(self.pending)
            self.pending = None
        if self.region in (Region.APPENDIX, Region.CLOSING):
            return
        t = re.sub(r"\s+", "", text)
        fresh, self.fresh = self.fresh, False
        if fresh and _rx("paragraph", "framing").match(t) and not is_targets_lead(t):
            # "2022年目标任务和重点工作" / "2022年是…，做好全年工作…": the year's framing,
            # kept with the goals until the targets or the first task heading
            self.region = Region.GOALS
            self.framing = True
            return
        if self.framing and self.region == Region.GOALS:
            if is_targets_lead(t) or _rx("targets", "bare").search(t) or _LIST_AFTER_LEAD.match(t) and self.lead_seen:
                self._advance_to_commitments()
            self.lead_seen = "预期目标" in t
            return
        if self.region == Region.FRONT and _rx("paragraph", "opening").search(t[:80]):
            self.pending = Region.REVIEW
            return
        if self.region == Region.COMMITMENTS:
            return  # the closing is found once the whole report is read (closing_start)
        if is_targets_lead(t):
            self._advance(Region.COMMITMENTS)
            return
        m = _rx("paragraph", "framing").match(t)
        if m:
            ys = [int(g) for g in m.groupdict().values() if g]
            if not ys or (self.year and ys[0] >= self.year):
                self._advance(Region.GOALS)
                return
        if self.region in (Region.FRONT, Region.REVIEW) and _rx("paragraph", "goals").match(t) and not self._past_plan(t):
            self._advance(Region.GOALS)

    def _past_plan(self, text: str) -> bool:
        """The paragraph opens on a five-year plan that ended before the report's year
        (“十三五”时期 in a 2021 report is a review)."""
        m = _PLAN.search(text[:12])
        if not m or not self.year:
            return False
        n = _PLAN_NUMBERS.get(m.group(1))
        return bool(n and n >= 3 and 1966 + 5 * (n - 3) + 4 < self.year)
