"""Understand a document: kind, identity, sections, sentences and plan items.

Input: the raw text and its reflowed paragraphs.  Output: a :class:`Document`.
"""

from __future__ import annotations

import re
from collections import Counter

from . import segment
from .errors import NoStructure
from .model import Clause, DocKind, Document, Owners, Paragraph, PlanItem, RawText, Region, Section, Sentence
from .normalize import fold

__all__ = ("build_document", "parse_owners", "OWNER_LABELS")

_CN_NUM = "一二三四五六七八九十"
_L1 = re.compile(rf"^([{_CN_NUM}]+)[、.．]\s*")
_L2 = re.compile(rf"^[（(]([{_CN_NUM}]+)[）)]\s*")
_ITEM = re.compile(r"^(\d{1,3})(?:[.．、](?!\d)|\s)\s*")
_SUB = re.compile(r"^[（(](\d{1,3})[）)]\s*")
_LEAD = re.compile(r"^([\u4e00-\u9fff“][^，。；：,;！？]{1,21})[。：]")
_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DOCNO = re.compile(r"〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号")

#: owner field labels as written -> field of :class:`Owners`
OWNER_LABELS = {
    "牵头领导": "leaders",
    "责任领导": "leaders",
    "分管领导": "leaders",
    "牵头单位": "lead_units",
    "牵头部门": "lead_units",
    "责任单位": "partner_units",
    "配合单位": "partner_units",
    "协办单位": "partner_units",
    "参与单位": "partner_units",
}
_LABELS_RE = "|".join(sorted(OWNER_LABELS, key=len, reverse=True))
#: the bracket that opens an owner block: （牵头领导：…
_OWNER_START = re.compile(rf"[（(〔\[【]\s*(?=(?:{_LABELS_RE})\s*[：:])")
#: one owner field label followed by its colon
_OWNER_FIELD = re.compile(rf"({_LABELS_RE})\s*[：:]")

# what makes a commitments region start, and other parts of a work report
_TARGETS_START = re.compile(r"^(今年|\d{4}年)(全区|全县|全市|全省)?(经济社会发展)?的?主要(预期)?目标")
_REVIEW_HEAD = re.compile(r"回顾")
_GOALS_HEAD = re.compile(r"五年|新一届|奋斗目标|总体思路|目标要求|十四五")
_TASKS_HEAD = re.compile(r"(重点任务|重点工作|目标任务|自身建设|工作安排)")


def build_document(raw: RawText, paras: tuple[Paragraph, ...]) -> Document:
    """Build the document model from reflowed paragraphs.

    Raises :class:`NoStructure` when no sentence or item can be found.
    """
    kind, evidence = _detect_kind(raw.text, paras)
    builder = _Builder(raw, paras, kind)
    builder.run()
    if not builder.sentences and not builder.items:
        raise NoStructure(raw.path)
    government = _detect_government(raw.text)
    title = _detect_title(paras, kind)
    date = _detect_date(paras)
    year = _detect_year(title, date, raw.text, kind)
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
        sentences=tuple(builder.sentences),
        items=tuple(builder.items),
    )


def restore_original(doc: Document, raw: RawText) -> Document:
    """``doc`` was built from a same-length transform of ``raw.text`` (traditional
    characters made simplified, see :func:`reportdiff.normalize.to_simplified`):
    put the original characters back into every text, using the spans."""
    from dataclasses import replace

    view = doc.raw.text
    orig = raw.text

    def back(text: str, span: tuple[int, int]) -> str:
        # the text is the span with some characters (breaks, page numbers) deleted:
        # walk the span, keeping the positions whose transformed character comes next
        out, j = [], 0
        for k in range(span[0], span[1]):
            if j < len(text) and view[k] == text[j]:
                out.append(orig[k])
                j += 1
        return "".join(out) if j == len(text) else text

    def name(text: str, span: tuple[int, int] | None = None) -> str:
        lo, hi = span or (0, len(view))
        at = view.find(text, lo, hi) if text else -1
        return orig[at : at + len(text)] if at >= 0 else text

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
        kind_evidence=(*doc.kind_evidence, "繁体字文本：按简体字识别结构，原文照录"),
        government=name(doc.government),
        title=name(doc.title),
        paragraphs=tuple(replace(p, text="".join(orig[k] for k in p.offsets)) for p in doc.paragraphs),
        sections=tuple(replace(sec, title=back(sec.title, sec.span)) for sec in doc.sections),
        sentences=tuple(
            replace(st, text=back(st.text, st.span), clauses=tuple(replace(c, text=back(c.text, c.span)) for c in st.clauses)) for st in doc.sentences
        ),
        items=tuple(item(it) for it in doc.items),
    )


# --- identity ----------------------------------------------------------------


def _detect_kind(text: str, paras: tuple[Paragraph, ...]) -> tuple[DocKind, list[str]]:
    head = fold("".join(p.text for p in paras[:12]))
    owner_items = sum(1 for p in paras if _ITEM.match(p.text) and _OWNER_FIELD.search(p.text))
    evidence: list[str] = []
    if owner_items >= 3:
        evidence.append(f"{owner_items} 个编号条目带有牵头领导/牵头单位")
        if re.search(r"分工|分解|责任清单|任务清单", head):
            evidence.append("标题含“分工方案”")
        return DocKind.PLAN, evidence
    if "政府工作报告" in head and ("各位代表" in text or "人民代表大会" in head):
        evidence.append("标题为“政府工作报告”")
        evidence.append("向人民代表大会作报告（“各位代表”）")
        return DocKind.REPORT, evidence
    evidence.append("既无带责任单位的编号任务，也不是向人代会所作的政府工作报告")
    return DocKind.OTHER, evidence


_GOV_PATTERNS = (
    re.compile(r"([\u4e00-\u9fff]{2,4}?[区县市])人民政府"),
    re.compile(r"在([\u4e00-\u9fff]{2,4}?[区县])第[一二三四五六七八九十]+届"),
    re.compile(r"([\u4e00-\u9fff]{2,4}?[区县])代?[区县]长"),
    re.compile(r"聊城市([\u4e00-\u9fff]{2,3}[区县])"),
    re.compile(r"中共[\u4e00-\u9fff]{2,3}市([\u4e00-\u9fff]{2,3}[区县])委"),
)


def _detect_government(text: str) -> str:
    t = "\n".join(fold(line) for line in text[:6000].split("\n"))
    votes: Counter[str] = Counter()
    for rx in _GOV_PATTERNS:
        for m in rx.finditer(t):
            name = m.group(1)
            if name.endswith("市") and len(name) <= 2:
                continue
            name = re.sub(r"^(关于|印发|中共|聊城市)", "", name)
            if len(name) >= 2:
                votes[name] += 1
    if not votes:
        return ""
    # prefer a district/county over the city it belongs to when both appear
    best = max(votes.items(), key=lambda kv: (kv[1] + (2 if kv[0][-1] in "区县" else 0), kv[0]))
    return best[0]


def _detect_title(paras: tuple[Paragraph, ...], kind: DocKind) -> str:
    parts: list[str] = []
    for p in paras[:8]:
        t = p.text
        if _DOCNO.search(t) or _DATE.search(t) and len(t) < 20:
            if parts:
                break
            continue
        if p.is_heading and not t.startswith("——"):
            parts.append(t)
            if not t.endswith(("人民政府", "重点工作", "方")) and "印发" not in t or t.endswith("通知"):
                if len("".join(parts)) >= 6:
                    break
        elif parts:
            break
    title = "".join(parts)
    return re.sub(r"\s+", "", title)[:80]


def _detect_date(paras: tuple[Paragraph, ...]) -> str:
    for p in paras[:40]:
        m = _DATE.search(p.text)
        if m and len(p.text) < 40:
            y, mo, d = m.groups()
            return f"{y}-{int(mo):02d}-{int(d):02d}"
    return ""


#: A document without a date that says it was written on the eve of a Party
#: Congress (喜迎党的二十大) is from that congress's year.
_CONGRESS_YEARS = (
    (re.compile(r"(喜迎|迎接|召开之际).{0,6}二十一大|二十一大.{0,6}(召开之际|胜利召开)"), 2027),
    (re.compile(r"(喜迎|迎接).{0,6}二十大|二十大.{0,4}召开之际"), 2022),
    (re.compile(r"(喜迎|迎接).{0,6}十九大|十九大.{0,4}召开之际"), 2017),
)


def _detect_year(title: str, date: str, text: str, kind: DocKind) -> int | None:
    m = re.search(r"(20\d\d)\s*年", title)
    if m:
        return int(m.group(1))
    if date:
        return int(date[:4])
    for rx, y in _CONGRESS_YEARS:
        if rx.search(text):
            return y  # "on the eve of the Nth Party Congress": the congress year
    years = Counter(int(y) for y in re.findall(r"(20\d\d)\s*年", text))
    if not years:
        return None
    # a document talks about its own year or earlier ones; take the latest year
    # mentioned more than once (a single mention may be a distant target year)
    repeated = [y for y, c in years.items() if c >= 2]
    return max(repeated or years)


# --- owners ------------------------------------------------------------------


def parse_owners(block: str) -> Owners:
    """Parse an owner block such as ``（牵头领导：张娅；牵头单位：区财政局；配合单位：…）``."""
    inner = block.strip()
    inner = re.sub(r"^[（(〔\[【]", "", inner)
    inner = re.sub(r"[）)〕\]】]\s*[。.]?$", "", inner)
    fields: dict[str, list[str]] = {"leaders": [], "lead_units": [], "partner_units": []}
    label = ""
    matches = list(_OWNER_FIELD.finditer(inner))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(inner)
        value = inner[m.end() : end].strip(" ；;，,。")
        target = OWNER_LABELS[m.group(1)]
        if target == "partner_units":
            label = label or m.group(1)
        fields[target].extend(_split_names(value))
    return Owners(
        leaders=tuple(fields["leaders"]),
        lead_units=tuple(fields["lead_units"]),
        partner_units=tuple(fields["partner_units"]),
        partner_label=label,
    )


def _split_names(value: str) -> list[str]:
    """Split a list of names at 、，,；; outside brackets."""
    out, buf, depth = [], [], 0
    for c in value:
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and c in "、，,；;":
            if "".join(buf).strip():
                out.append("".join(buf).strip())
            buf = []
        else:
            buf.append(c)
    if "".join(buf).strip():
        out.append("".join(buf).strip())
    return out


def split_item(text: str) -> tuple[str, str]:
    """Split an item's text into (task text, owner block); block is ``""`` if absent."""
    m = None
    for m in _OWNER_START.finditer(text):
        pass  # the last owner block wins: task texts may contain brackets
    if m is None:
        f = _OWNER_FIELD.search(text)
        if f is None:
            return text, ""
        return text[: f.start()].rstrip(), text[f.start() :]
    return text[: m.start()].rstrip(), text[m.start() :]


# --- sections, sentences, items ----------------------------------------------


class _Builder:
    """Walks the paragraphs once, keeping a stack of open headings."""

    def __init__(self, raw: RawText, paras: tuple[Paragraph, ...], kind: DocKind) -> None:
        self.raw = raw
        self.paras = paras
        self.kind = kind
        self.sections: list[Section] = []
        self.sentences: list[Sentence] = []
        self.items: list[PlanItem] = []
        self.stack: list[Section] = []
        self.child_count: Counter[str] = Counter()
        self.para_count: Counter[str] = Counter()
        self.region = Region.FRONT if kind == DocKind.REPORT else Region.BODY
        self.in_items = False
        self.item_numbers: Counter[str] = Counter()
        self._open_item: dict | None = None  # the item being read, until the next one starts

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

    def update_region_for_heading(self, title: str) -> None:
        if self.kind != DocKind.REPORT:
            return
        if title.strip() in ("附件", "附录") or title.startswith(("附件", "名词解释")):
            self.region = Region.APPENDIX
        elif _REVIEW_HEAD.search(title):
            self.region = Region.REVIEW
        elif _TASKS_HEAD.search(title) and self.region in (Region.GOALS, Region.COMMITMENTS):
            self.region = Region.COMMITMENTS if "目标任务" not in title else Region.GOALS
        elif _GOALS_HEAD.search(title):
            self.region = Region.GOALS

    def paragraph(self, p: Paragraph) -> None:
        t = p.text
        if self.kind == DocKind.PLAN:
            m = _ITEM.match(t)
            if m and (self.in_items or _OWNER_FIELD.search(t)):
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
            self.open_section(level, number, title, p.span_of(0, min(len(t), m.end() + title_end)))
            body_start = m.end() + title_end
            if body_start < len(t):
                self.add_text(p, body_start)
            return
        if p.is_heading:
            if _DOCNO.search(t) or (_DATE.search(t) and len(t) < 20) or t.endswith("人民政府"):
                return  # document number, signature, date: not a section
            self.update_region_for_heading(t)
            self.open_section(0, "", t, p.span)
            return
        if self.kind == DocKind.REPORT and _TARGETS_START.match(t) and self.region in (Region.GOALS, Region.FRONT, Region.REVIEW):
            self.region = Region.COMMITMENTS
            self.open_section(2, "", "主要预期目标", p.span_of(0, min(len(t), 12)))
        elif self.kind == DocKind.REPORT and self.region == Region.COMMITMENTS and re.match(r"^(各位代表|同志们)[，,！!]", t) and "让我们" in t:
            self.region = Region.CLOSING
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
