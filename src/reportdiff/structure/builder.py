"""Understand a document: kind, identity, sections, sentences and plan items.

Input: the raw text and its reflowed paragraphs.  Output: a :class:`Document`.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import segment
from ..errors import NoStructure
from ..model import Clause, DocKind, Document, Owners, Paragraph, PlanItem, RawText, Region, Section, Sentence
from . import identity, targets
from .owners import OWNER_FIELD as _OWNER_FIELD
from .owners import OWNER_START as _OWNER_START
from .owners import find_deadline, owner_phrase, parse_owners, split_item
from .sections import RegionTracker, closing_start
from .sections import is_targets_lead as targets_lead

__all__ = ("build_document", "restore_original")

_CN_NUM = "一二三四五六七八九十"
_L1 = re.compile(rf"^([{_CN_NUM}]+)[、.．]\s*")
_L2 = re.compile(rf"^[（(]([{_CN_NUM}]+)[）)]\s*")
_ITEM = identity.ITEM
_SUB = re.compile(r"^[（(](\d{1,3})[）)]\s*")
_LEAD = re.compile(r"^([\u4e00-\u9fff“][^，。；：,;！？]{1,21})[。：]")
_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DOCNO = re.compile(r"〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号")


def build_document(raw: RawText, paras: tuple[Paragraph, ...]) -> Document:
    """Build the document model from reflowed paragraphs.

    Raises :class:`NoStructure` when no sentence or item can be found.
    """
    kind, evidence = identity.detect_kind(raw.text, paras)
    government, gov_evidence = identity.detect_government(raw.text, raw.path)
    title = identity.detect_title(paras, kind)
    date = identity.detect_date(paras)
    year, year_evidence = identity.detect_year(title, date, raw.text, kind, paras)
    builder = _Builder(raw, paras, kind, year)
    builder.run()
    if not builder.sentences and not builder.items:
        raise NoStructure(raw.path)
    sentences = tuple(builder.sentences)
    found = targets.headline_targets(sentences, tuple(builder.sections)) if kind == DocKind.REPORT else ()
    warnings: list[str] = []
    if kind == DocKind.REPORT:
        if not any(s.region == Region.COMMITMENTS for s in sentences):
            warnings.append("未找到本年度工作部署（承诺）部分：无法核对覆盖、目标和新增/不再提及事项")
        elif not found:
            warnings.append("未找到本年度主要预期目标")
    if not government:
        warnings.append("未识别发文政府")
    if year is None:
        warnings.append("未识别年份")
    return Document(
        raw=raw,
        kind=kind,
        kind_evidence=tuple(evidence),
        government=government,
        year=year,
        date=date,
        title=title,
        paragraphs=paras,
        sections=tuple(builder.sections),
        sentences=sentences,
        items=tuple(builder.items),
        government_evidence=gov_evidence,
        year_evidence=year_evidence,
        targets=tuple(found),
        warnings=tuple(warnings),
    )


_SPACE = re.compile(r"\s")


def restore_original(doc: Document, raw: RawText, notes: tuple[str, ...] = ("繁体字文本：按简体字识别结构，原文照录",)) -> Document:
    """``doc`` was built from a same-length transform of ``raw.text`` (traditional
    characters made simplified, see :func:`reportdiff.normalize.to_simplified`):
    put the original characters back into every text, using the spans."""
    from dataclasses import replace

    view = doc.raw.text
    orig = raw.text

    def back(text: str, span: tuple[int, int]) -> str:
        if span[1] - span[0] == len(text) and view.startswith(text, span[0]):
            return orig[span[0] : span[1]]  # nothing deleted: what the walk below gives
        # the text is the span with some characters (breaks, page numbers) deleted:
        # walk the span, keeping the positions whose transformed character comes next
        out, j = [], 0
        for k in range(span[0], span[1]):
            if j < len(text) and view[k] == text[j]:
                out.append(orig[k])
                j += 1
        return "".join(out) if j == len(text) else text

    def name(text: str, span: tuple[int, int] | None = None) -> str:
        if span is None and text and text in orig:
            return text  # the document also writes it this way
        lo, hi = span or (0, len(view))
        if not text:
            return text
        if not _SPACE.search(view, lo, hi):  # nothing to skip: the pattern below is the text itself
            at = view.find(text, lo, hi)
            return text if at < 0 else orig[at : at + len(text)]
        # the name as it stands in the view, perhaps broken across lines
        m = re.compile(r"\s*".join(re.escape(c) for c in text)).search(view, lo, hi)
        if m is None:
            return text
        return "".join(orig[k] for k in range(m.start(), m.end()) if not view[k].isspace())

    def owners(o: Owners) -> Owners:
        return replace(
            o,
            leaders=tuple(name(x, o.span) for x in o.leaders),
            lead_units=tuple(name(x, o.span) for x in o.lead_units),
            partner_units=tuple(name(x, o.span) for x in o.partner_units),
        )

    def item(it: PlanItem) -> PlanItem:
        return replace(it, text=back(it.text, it.span), owners=owners(it.owners), children=tuple(item(c) for c in it.children))

    return replace(
        doc,
        raw=raw,
        kind_evidence=(*doc.kind_evidence, *notes),
        government=name(doc.government),
        title=name(doc.title),
        paragraphs=tuple(replace(p, text="".join(map(orig.__getitem__, p.offsets))) for p in doc.paragraphs),
        sections=tuple(replace(sec, title=back(sec.title, sec.span)) for sec in doc.sections),
        sentences=tuple(
            replace(st, text=back(st.text, st.span), clauses=tuple(replace(c, text=back(c.text, c.span)) for c in st.clauses)) for st in doc.sentences
        ),
        items=tuple(item(it) for it in doc.items),
        targets=tuple(replace(t, text=back(t.text, t.span) if len(t.text) == t.span[1] - t.span[0] else t.text) for t in doc.targets),
    )


# --- sections, sentences, items ----------------------------------------------


class _Builder:
    """Walks the paragraphs once, keeping a stack of open headings."""

    def __init__(self, raw: RawText, paras: tuple[Paragraph, ...], kind: DocKind, year: int | None = None) -> None:
        self.raw = raw
        self.paras = paras
        self.kind = kind
        self.sections: list[Section] = []
        self.sentences: list[Sentence] = []
        self.items: list[PlanItem] = []
        self.stack: list[Section] = []
        self.child_count: Counter[str] = Counter()
        self.para_count: Counter[str] = Counter()
        self.tracker = RegionTracker(year) if kind == DocKind.REPORT else None
        self.targets_opened = False
        self.in_items = False
        self.item_numbers: Counter[str] = Counter()
        self._open_item: dict | None = None  # the item being read, until the next one starts

    @property
    def region(self) -> Region:
        return self.tracker.region if self.tracker else Region.BODY

    # sections
    def current(self) -> str:
        return self.stack[-1].id if self.stack else "s0"

    def open_section(self, level: int, number: str, title: str, span: tuple[int, int]) -> Section:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1].id if self.stack else None
        key = parent or ""
        self.child_count[key] += 1
        sid = f"{parent}.{self.child_count[key]}" if parent else f"s{self.child_count[key]}"
        sec = Section(id=sid, level=level, number=number, title=title, span=span, region=self.region, parent=parent)
        self.sections.append(sec)
        self.stack.append(sec)
        return sec

    def run(self) -> None:
        for p in self.paras:
            self.paragraph(p)
        self.flush_item()
        if self.tracker:
            self.mark_closing()

    def mark_closing(self) -> None:
        """The closing appeal: the last paragraphs of the commitments part from the one that
        opens with 各位代表/同志们/让我们 and calls to action."""
        from dataclasses import replace

        def para(sid: str) -> str:
            return sid.rsplit(".s", 1)[0]

        texts: dict[str, list[str]] = {}  # each paragraph's sentences, joined once (no quadratic +=)
        for s in self.sentences:
            if s.region == Region.COMMITMENTS:
                texts.setdefault(para(s.id), []).append(s.text)
        order = list(texts)
        k = closing_start(["".join(texts[p]) for p in order])
        if k is None:
            return
        closing = set(order[k:])
        self.sentences = [replace(s, region=Region.CLOSING) if s.region == Region.COMMITMENTS and para(s.id) in closing else s for s in self.sentences]

    def paragraph(self, p: Paragraph) -> None:
        t = p.text
        if self.kind == DocKind.PLAN:
            m = _ITEM.match(t)
            if m and (self.in_items or _OWNER_FIELD.search(t) or owner_phrase(t)):
                self.in_items = True
                self.start_item(p, m)
                return
            m = _SUB.match(t)
            if m and self.items_open():
                self.add_sub_item(p, m)
                return
            if self.in_items and _OWNER_START.match(t) and self.items_open():
                self.extend_item_owners(p)
                return
        self.flush_item()
        m1, m2 = _L1.match(t), _L2.match(t)
        if m1 or m2:
            m = m1 or m2
            level = 1 if m1 else 2
            number = m.group(0).strip()
            rest = t[m.end() :]
            title_end = _title_end(rest)
            title = rest[:title_end].rstrip("。；：:")
            if self.tracker:
                if level == 1:
                    self.tracker.heading(title)
                else:
                    self.tracker.task_heading()
            self.open_section(level, number, title, p.span_of(0, min(len(t), m.end() + title_end)))
            body_start = m.end() + title_end
            if body_start < len(t):
                self.add_text(p, body_start)
            return
        if p.is_heading:
            if _DOCNO.search(t) or (_DATE.search(t) and len(t) < 20) or t.endswith("人民政府"):
                return  # document number, signature, date: not a section
            if self.tracker:
                self.tracker.heading(t)
            self.open_section(0, "", t, p.span)
            return
        if self.tracker:
            self.tracker.paragraph(t)
            lead_in = targets_lead(t)
            if lead_in and lead_in.start() <= 40 and self.region == Region.COMMITMENTS:
                if not self.targets_opened:
                    self.targets_opened = True
                    self.open_section(2, "", "主要预期目标", p.span_of(0, min(len(t), 12)))
        lead = _LEAD.match(t) if self.kind == DocKind.REPORT else None
        if lead and len(t) > lead.end() + 4 and not re.match(r"^(各位代表|同志们|这一年|这五年|刚刚过去)", t):
            self.open_section(3, "", lead.group(1), p.span_of(0, lead.end()))
            self.add_text(p, lead.end())
            return
        self.add_text(p, 0)

    # text
    def add_text(self, p: Paragraph, start: int) -> None:
        sec = self.current()
        self.para_count[sec] += 1
        pid = f"{sec}.p{self.para_count[sec]}"
        body = p.text[start:]
        for k, (s, e) in enumerate(segment.sentences(body), 1):
            s0, e0 = _strip_span(body, s, e)
            if s0 >= e0 or not re.search(r"[^\W_]", body[s0:e0]):
                continue  # punctuation only
            text = body[s0:e0]
            sid = f"{pid}.s{k}"
            cls = []
            for c, (cs, ce) in enumerate(segment.clauses(text), 1):
                cs0, ce0 = _strip_span(text, cs, ce)
                if cs0 < ce0:
                    cls.append(Clause(id=f"{sid}.c{c}", text=text[cs0:ce0], span=p.span_of(start + s0 + cs0, start + s0 + ce0)))
            self.sentences.append(
                Sentence(
                    id=sid,
                    text=text,
                    span=p.span_of(start + s0, start + e0),
                    section=sec,
                    region=self.region,
                    clauses=tuple(cls),
                )
            )

    # plan items
    def items_open(self) -> bool:
        return bool(self.items) or bool(self._open_item)

    def start_item(self, p: Paragraph, m: re.Match) -> None:
        self.flush_item()
        number = m.group(1)
        task, block = split_item(p.text[m.end() :])
        owners = parse_owners(block) if block else Owners()
        if block:
            bstart = m.end() + len(p.text[m.end() :]) - len(block)
            owners = Owners(**{**owners.__dict__, "span": p.span_of(bstart, len(p.text))})
        self._open_item = {
            "number": number,
            "task": task.strip(),
            "owners": owners,
            "span": p.span,
            "section": self.current(),
            "children": [],
            "deadline": find_deadline(p.text[m.end() :]),
        }

    def add_sub_item(self, p: Paragraph, m: re.Match) -> None:
        if self._open_item is None:
            return
        item = self._open_item
        sub = m.group(1)
        task, block = split_item(p.text[m.end() :])
        owners = parse_owners(block) if block else Owners()
        item["children"].append(
            PlanItem(
                id=f"i{item['number']}.{sub}",
                number=f"{item['number']}.{sub}",
                text=task.strip(),
                span=p.span,
                section=item["section"],
                owners=owners,
                parent=f"i{item['number']}",
                deadline=find_deadline(p.text[m.end() :]),
            )
        )
        item["span"] = (item["span"][0], p.span[1])

    def extend_item_owners(self, p: Paragraph) -> None:
        item = self._open_item
        if item is None:
            return
        if item["owners"].empty:
            item["owners"] = Owners(**{**parse_owners(p.text).__dict__, "span": p.span})
        item["span"] = (item["span"][0], p.span[1])

    def flush_item(self) -> None:
        item = self._open_item
        if item is None:
            return
        self._open_item = None
        number = item["number"]
        self.item_numbers[number] += 1
        seen = self.item_numbers[number]
        iid = f"i{number}" if seen == 1 else f"i{number}-{seen}"  # a repeated number keeps a distinct id
        self.items.append(
            PlanItem(
                id=iid,
                number=number,
                text=item["task"],
                span=item["span"],
                section=item["section"],
                owners=item["owners"],
                children=tuple(item["children"]),
                deadline=item["deadline"],
            )
        )


def _title_end(rest: str) -> int:
    """Where a numbered heading's title ends: at the first 。 (kept out), or the whole text."""
    depth = 0
    for i, c in enumerate(rest):
        if c in "（(“":
            depth += 1
        elif c in "）)”":
            depth = max(0, depth - 1)
        elif c in "。！？" and depth == 0:
            return i + 1
    return len(rest)


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t，,、；;":
        s += 1
    while e > s and text[e - 1] in " \t":
        e -= 1
    return s, e
