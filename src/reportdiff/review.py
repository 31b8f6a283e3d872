"""Reviewer corrections of an alignment, read from the alignment sheet.

The alignment table (``alignments/<A>__<B>.csv`` or the ``--xlsx`` workbook)
is the review sheet.  A reviewer marks rows in the ``审核`` column:

* ``确认`` - the pair is right: it is kept as is on every later run, and its
  finer-side unit (the plan item, or the later report's sentence) takes no
  other partner;
* ``错误`` - the pair is wrong: its units are never paired again;
* ``忽略`` - the row's findings are accepted: they leave the findings list, and
  an ignored uncovered commitment leaves the coverage denominator;

and may add rows of their own: ``A编号`` and ``B编号`` filled in, ``审核`` set to
``确认`` (or ``新增``), the text columns left empty: "this plan item comes from
that sentence".

Rows are keyed by content, not by row number or id: a reviewed row is found
again through its ``A原文``/``B原文`` texts (exactly, then fuzzily), so it
survives a re-extraction or a light edit that shifts ids.  Ids are only a
hint, and the key of added rows until the sheet is rewritten with their
texts.  A row that no longer matches anything is *stale*: it is reported and
written back to the sheet, never dropped.

Flow: :func:`read_review` (file -> :class:`Review`) then :func:`resolve`
(review + alignment units -> :class:`Resolution`, indices into the units).
"""

from __future__ import annotations

import csv
import enum
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReviewUnreadable
from .model import KeptRow, Pair, Unit

if TYPE_CHECKING:
    from .align import Constraints
from .normalize import fold

__all__ = (
    "Mark",
    "ReviewRow",
    "Review",
    "Resolved",
    "Resolution",
    "read_review",
    "has_marks",
    "SheetDocument",
    "content_digest",
    "sheet_document",
    "same_document",
    "mismatch",
    "bind",
    "parse_mark",
    "resolve",
    "constraints",
    "ignored_units",
    "apply_to_pairs",
    "FUZZY_SAME",
)


class Mark(str, enum.Enum):
    """What a reviewer said about a row."""

    CONFIRM = "确认"
    REJECT = "错误"
    IGNORE = "忽略"


#: words a reviewer may type in the 审核 column, by meaning (first match wins;
#: 不正确 must be tested before 正确)
_MARK_WORDS = (
    (Mark.REJECT, ("错误", "不正确", "不对", "否决", "错", "×", "✗", "wrong", "reject")),
    (Mark.IGNORE, ("忽略", "接受", "不处理", "ignore", "accept")),
    (Mark.CONFIRM, ("确认", "正确", "新增", "添加", "补充", "对", "是", "√", "✓", "ok", "confirm", "add")),
)

#: a row's text is found again when a unit (or a run of consecutive units)
#: reaches this similarity with it (rapidfuzz ratio, 0..100): a typo fixed or
#: a figure changed, not another sentence
FUZZY_SAME = 90


def parse_mark(cell: str) -> Mark | None:
    """The mark a 审核 cell holds, or None when it holds no known word."""
    text = cell.strip().lower()
    for mark, words in _MARK_WORDS:
        if any(text.startswith(w) for w in words):
            return mark
    return None


@dataclass(frozen=True)
class ReviewRow:
    """One marked row of a review sheet."""

    line: int  #: row number in the sheet as the reviewer sees it (header = 1)
    cell: str  #: the 审核 cell as written
    mark: Mark | None  #: its meaning, None when not understood
    a_ids: tuple[str, ...]  #: ids of A as written in the row (a hint)
    b_ids: tuple[str, ...]  #: ids of B
    a_text: str  #: A原文 (the key), "" in a row the reviewer added
    b_text: str  #: B原文
    note: str  #: 备注
    cells: dict = field(default_factory=dict, compare=False, hash=False)  #: the whole row as read


@dataclass(frozen=True)
class SheetDocument:
    """One of the two documents a sheet was made for, as the sheet records it."""

    name: str  #: file name
    digest: str  #: content hash (see :func:`content_digest`)
    kind: str = ""
    government: str = ""
    year: str = ""


@dataclass(frozen=True)
class Review:
    """The marked rows of one review sheet."""

    path: str
    rows: tuple[ReviewRow, ...]
    #: the documents the sheet was made for (A, B), None in a sheet written before they were recorded
    documents: tuple[SheetDocument, SheetDocument] | None = None
    #: the sheet holds reviewer content: a mark, a note, or a row the reviewer added
    has_content: bool = False


#: the 状态 of the row that records which documents a sheet was made for
DOCUMENTS_STATUS = "documents"


def content_digest(text: str) -> str:
    """Short content hash of a document's text (the same text in another encoding has the same hash)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def sheet_document(doc) -> SheetDocument:
    """How a sheet records a :class:`~reportdiff.model.Document`."""
    return SheetDocument(Path(doc.raw.path).name, content_digest(doc.raw.text), doc.kind.value, doc.government or "", str(doc.year or ""))


def documents_row_cells(doc) -> tuple[str, str, str]:
    """(编号, 章节, 原文) cells of the documents row for one side."""
    d = sheet_document(doc)
    return f"sha256:{d.digest}", f"{d.kind}|{d.government}|{d.year}", d.name


def _sheet_document(ids: str, section: str, name: str) -> SheetDocument | None:
    if not ids.startswith("sha256:"):
        return None
    kind, _, rest = section.partition("|")
    government, _, year = rest.partition("|")
    return SheetDocument(name.strip(), ids[7:].strip(), kind.strip(), government.strip(), year.strip())


def same_document(recorded: SheetDocument, doc) -> bool:
    """True when ``doc`` is the document the sheet recorded: the same content,
    or a revision of it (the same file name, and the same kind, government and
    year, both known)."""
    now = sheet_document(doc)
    if recorded.digest == now.digest:
        return True
    return bool(recorded.name == now.name and now.government and now.year and (recorded.kind, recorded.government, recorded.year) == (now.kind, now.government, now.year))


def mismatch(review: Review, doc_a, doc_b) -> str:
    """Why ``review`` was made for other documents than ``doc_a``/``doc_b`` (Chinese), or ""."""
    if review.documents is None:
        return ""
    why = []
    for side, rec, doc in (("A", review.documents[0], doc_a), ("B", review.documents[1], doc_b)):
        if not same_document(rec, doc):
            why.append(f"{side} 侧审核表记录的是 {rec.name}（内容 {rec.digest[:8]}），本次是 {Path(doc.raw.path).name}（内容 {content_digest(doc.raw.text)[:8]}）")
    return "；".join(why)


def bind(sheets: list[tuple[str, object]], doc_a, doc_b, force: bool = False, legacy: list[tuple[str, object]] = ()) -> tuple[str, "Review | None", str]:
    """Choose the output stem of a comparison among ``sheets`` (see
    :func:`reportdiff.output.read_sheets`): the first whose sheet does not
    exist or was made for these documents.  Returns the stem, that sheet (None
    when there is none) and a note (Chinese) when a sheet of other documents
    was passed over.  An unreadable sheet is raised (it may be a reviewer's
    work), or passed over with ``force``.

    ``legacy``: sheets under the names earlier versions gave the comparison
    (:func:`reportdiff.output.legacy_stems`).  When the chosen stem has no sheet
    yet, the first legacy sheet made for these documents that holds reviewer
    content is returned as the sheet to apply (its marks carry over into the
    sheet written under the new name; the old file is left as it is)."""
    notes = []
    for stem, sheet in sheets:
        if sheet is None:
            if not force:
                for old_stem, old in legacy:
                    if isinstance(old, Review) and old.has_content and not mismatch(old, doc_a, doc_b):
                        notes.append(f"沿用旧名比对表 {old.path} 的审核记录（输出名现为 {stem}，旧表未改动）")
                        return stem, old, "；".join(notes)
            break
        if isinstance(sheet, ReviewUnreadable):
            if force:
                notes.append(f"{sheet.path} 无法读取，未使用")
                continue
            raise sheet
        why = mismatch(sheet, doc_a, doc_b)
        if not why:
            return stem, sheet, "；".join(notes)
        notes.append(f"{sheet.path} 是另一对文件的比对表（{why}），其审核内容未应用，也不会被覆盖")
    else:
        stem = sheets[-1][0]
    if notes:
        notes.append(f"本次输出名为 {stem}")
    return stem, None, "；".join(notes)


def _split_ids(cell: str) -> tuple[str, ...]:
    return tuple(x for x in re.split(r"[\s,，、;；]+", cell.strip()) if x)


def _check_header(path: Path, header: list[str]) -> None:
    dup = sorted({h for h in header if h and header.count(h) > 1})
    if dup:
        raise ReviewUnreadable(str(path), reason=f"第 1 行：列名重复（{'、'.join(dup)}），无法确定以哪一列为准")


def _csv_rows(path: Path, text: str) -> list[dict[str, str]]:
    """Rows of a CSV sheet, read strictly: the delimiter is the one that splits
    the header into the sheet's columns (Excel and WPS may save with ``;`` or a
    tab); a malformed line (a stray quote, a wrong number of cells) refuses the
    whole sheet with its line number: a sheet is never half-read."""
    import io

    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=lambda d: ("审核" in [c.strip().strip('"') for c in first.split(d)], first.count(d)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1  # the line where the row being read starts (a quoted cell may span lines)
    try:
        header = [h.strip() for h in next(reader, [])]
        _check_header(path, header)
        out = []
        while True:
            start = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if not any(c.strip() for c in row):
                continue
            if len(row) != len(header):
                where = f"第 {start} 行" if reader.line_num == start else f"第 {start}–{reader.line_num} 行"
                raise ReviewUnreadable(str(path), reason=f"{where}：有 {len(row)} 个单元格，表头有 {len(header)} 列（可能有多余的引号或分隔符）")
            out.append(dict(zip(header, row)))
    except csv.Error as exc:
        raise ReviewUnreadable(str(path), reason=f"第 {start} 行：CSV 格式错误（{exc}），可能有多余的引号") from None
    return out


def _rows_of(path: Path) -> list[dict[str, str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
            raise ReviewUnreadable(str(path), reason=type(exc).__name__) from None
        try:
            ws = wb["对照表"] if "对照表" in wb.sheetnames else wb.worksheets[0]
            it = ws.iter_rows(values_only=True)
            header = [str(c or "").strip() for c in next(it, ())]
            _check_header(path, header)
            return [{h: "" if v is None else str(v) for h, v in zip(header, r)} for r in it]
        finally:
            wb.close()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewUnreadable(str(path), reason=exc.strerror or type(exc).__name__) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # WPS "save as CSV" may write GB18030
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise ReviewUnreadable(str(path), reason=type(exc).__name__) from None
    return _csv_rows(path, text.replace("\r\n", "\n"))


def read_review(path: str | Path) -> Review:
    """The marked rows of an alignment sheet (CSV in UTF-8 or GB18030, or xlsx),
    the documents it records, and whether it holds reviewer content."""
    from .tables import plain_cell

    p = Path(path)
    rows = [{k: plain_cell(v or "") for k, v in r.items() if k} for r in _rows_of(p)]
    if rows and not {"审核", "A编号", "B编号"} <= set(rows[0]):
        raise ReviewUnreadable(str(p), reason="缺少 审核 / A编号 / B编号 列")
    out = []
    documents = None
    content = False
    for n, r in enumerate(rows, 2):
        status = (r.get("状态") or "").strip()
        if status.startswith(DOCUMENTS_STATUS):
            a = _sheet_document(r.get("A编号", ""), r.get("A章节", ""), r.get("A原文", ""))
            b = _sheet_document(r.get("B编号", ""), r.get("B章节", ""), r.get("B原文", ""))
            documents = (a, b) if a and b else documents
            continue
        cell = (r.get("审核") or "").strip()
        note = own_note(status, (r.get("备注") or "").strip())
        content = content or bool(cell or note or (not status and (r.get("A编号") or r.get("B编号"))))
        if not cell:
            continue
        out.append(
            ReviewRow(
                line=n,
                cell=cell,
                mark=parse_mark(cell),
                a_ids=_split_ids(r.get("A编号") or ""),
                b_ids=_split_ids(r.get("B编号") or ""),
                a_text=(r.get("A原文") or "").strip(),
                b_text=(r.get("B原文") or "").strip(),
                note=note,
                cells=r,
            )
        )
    return Review(path=str(p), rows=tuple(out), documents=documents, has_content=content)


def has_marks(path: str | Path) -> bool:
    """True when ``path`` exists and holds reviewer content: a 审核 mark, a
    note in 备注, or a row the reviewer added (an unreadable file counts: it
    may be a reviewer's work)."""
    p = Path(path)
    if not p.is_file():
        return False
    try:
        return read_review(p).has_content
    except ReviewUnreadable:
        return True


@dataclass(frozen=True)
class Resolved:
    """A review row found in the current documents (indices into the units)."""

    row: ReviewRow
    a: tuple[int, ...]
    b: tuple[int, ...]


@dataclass(frozen=True)
class Resolution:
    """A review applied to two lists of units."""

    path: str
    resolved: tuple[Resolved, ...]  #: rows found again, in sheet order
    stale: tuple[tuple[ReviewRow, str], ...]  #: rows not found, with the reason (Chinese)

    def by_mark(self, mark: Mark) -> tuple[Resolved, ...]:
        return tuple(r for r in self.resolved if r.row.mark == mark)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


class _Finder:
    """Finds the units that a row's text and ids name."""

    def __init__(self, units: tuple[Unit, ...]) -> None:
        self.units = units
        self.norms = [_norm(u.text) for u in units]
        self.by_id = {u.id: i for i, u in enumerate(units)}
        self.by_norm: dict[str, list[int]] = {}
        self.by_head: dict[str, list[int]] = {}
        for i, n in enumerate(self.norms):
            self.by_norm.setdefault(n, []).append(i)
            self.by_head.setdefault(n[:4], []).append(i)

    def find(self, ids: tuple[str, ...], text: str) -> tuple[int, ...] | None:
        """Indices of the units, () for an empty side, None when not found."""
        if not text:
            # a row the reviewer added: ids are all there is
            if not ids:
                return ()
            got = [self.by_id.get(i) for i in ids]
            return None if None in got else tuple(sorted(got))  # type: ignore[arg-type]
        want = _norm(text)
        hinted = [self.by_id.get(i) for i in ids]
        if None not in hinted and hinted and "".join(self.norms[i] for i in hinted) == want:  # type: ignore[index]
            return tuple(sorted(hinted))  # type: ignore[arg-type]
        exact = self._decompose(want, hinted)
        if exact is not None:
            return exact
        return self._fuzzy(want, max(1, len(ids)))

    def _decompose(self, want: str, hinted: list[int | None]) -> tuple[int, ...] | None:
        """Units whose texts, in order, make up ``want`` exactly."""
        out: list[int] = []
        pos = 0
        while pos < len(want):
            rest = want[pos:]
            cands = [i for i in self.by_head.get(rest[:4], []) if rest.startswith(self.norms[i]) and self.norms[i]]
            if not cands:
                return None
            # the longest piece; among equal texts the hinted unit, then the one after the previous piece
            prev = out[-1] if out else -1
            cands.sort(key=lambda i: (-len(self.norms[i]), i not in hinted, i <= prev, i))
            out.append(cands[0])
            pos += len(self.norms[cands[0]])
        return tuple(sorted(set(out)))

    def _fuzzy(self, want: str, k: int) -> tuple[int, ...] | None:
        """The unit, or run of ``k`` consecutive units, most like ``want``."""
        from rapidfuzz import fuzz, process

        windows = ["".join(self.norms[i : i + k]) for i in range(max(0, len(self.norms) - k + 1))]
        best = process.extractOne(want, windows, scorer=fuzz.ratio, score_cutoff=FUZZY_SAME)
        if best is None:
            return None
        start = best[2]
        return tuple(range(start, start + k))


#: why a review row is written back apart (Chinese): stale rows, and a
#: review that no current row shows ("kept"); written into 备注 before the reviewer's note
STALE_REASONS = {
    "mark": "无法识别的审核标记“{cell}”（可用：确认 / 错误 / 忽略）",
    "empty": "没有编号也没有原文",
    "missing": "{side}侧内容在当前文件中找不到（文件可能已修改）",
    "one_side": "“错误”只能标在两侧都有内容的行上",
}
KEPT_REASON = "审核记录仍然有效，但当前没有完全对应的行"
_REASON_PREFIX = re.compile(
    "^(?:"
    + "|".join(re.escape(t).replace(re.escape("{cell}"), "[^”]*").replace(re.escape("{side}"), "[AB]") for t in (*STALE_REASONS.values(), KEPT_REASON))
    + ")(?:；|$)"
)


def own_note(status: str, note: str) -> str:
    """The reviewer's own note of a sheet row: a row written back as stale or
    kept carries the reason in front, which is not the reviewer's and is
    dropped (it is added again while the row stays apart)."""
    return _REASON_PREFIX.sub("", note, count=1) if status.startswith(("stale", "kept")) else note


def resolve(review: Review, a_units: tuple[Unit, ...], b_units: tuple[Unit, ...]) -> Resolution:
    """Find every marked row of ``review`` in the current units."""
    fa, fb = _Finder(a_units), _Finder(b_units)
    resolved: list[Resolved] = []
    stale: list[tuple[ReviewRow, str]] = []
    for row in review.rows:
        if row.mark is None:
            stale.append((row, STALE_REASONS["mark"].format(cell=row.cell)))
            continue
        if not (row.a_ids or row.a_text or row.b_ids or row.b_text):
            stale.append((row, STALE_REASONS["empty"]))
            continue
        a = fa.find(row.a_ids, row.a_text)
        b = fb.find(row.b_ids, row.b_text)
        if a is None or b is None:
            side = "A" if a is None else "B"
            stale.append((row, STALE_REASONS["missing"].format(side=side)))
            continue
        if row.mark == Mark.REJECT and not (a and b):
            stale.append((row, STALE_REASONS["one_side"]))
            continue
        resolved.append(Resolved(row=row, a=a, b=b))
    return Resolution(path=review.path, resolved=tuple(resolved), stale=tuple(stale))


def constraints(res: Resolution, group_side: str) -> "Constraints":
    """Alignment constraints from a resolved review, in the frame of the units.

    ``group_side`` ("a" or "b") is the finer side, whose units each make one
    row of the table: a confirmed row fixes the partners of its unit(s) of
    that side (the other side's unit may still pair with other rows, as one
    report sentence does with several plan items).  A confirmed one-sided row
    (a gap the reviewer agrees with) keeps its units unpaired.
    """
    from .align import Constraints

    forced: set[tuple[int, int]] = set()
    rejected: set[tuple[int, int]] = set()
    locked_a: set[int] = set()
    locked_b: set[int] = set()
    for r in res.by_mark(Mark.CONFIRM):
        forced.update((i, j) for i in r.a for j in r.b)
        if r.a and r.b:
            (locked_b if group_side == "b" else locked_a).update(r.b if group_side == "b" else r.a)
        else:
            locked_a.update(r.a)
            locked_b.update(r.b)
    for r in res.by_mark(Mark.REJECT):
        rejected.update((i, j) for i in r.a for j in r.b)
    rejected -= forced
    return Constraints(forced=tuple(sorted(forced)), rejected=tuple(sorted(rejected)), locked_a=tuple(sorted(locked_a)), locked_b=tuple(sorted(locked_b)))


def ignored_units(res: Resolution, a_units: tuple[Unit, ...], b_units: tuple[Unit, ...]) -> frozenset[str]:
    """Units of rows marked 忽略, as ``a:<id>`` / ``b:<id>`` (see :func:`reportdiff.detect.detect`)."""
    out = set()
    for r in res.by_mark(Mark.IGNORE):
        out.update("a:" + a_units[i].id for i in r.a)
        out.update("b:" + b_units[j].id for j in r.b)
    return frozenset(out)


def apply_to_pairs(pairs: tuple[Pair, ...], res: Resolution, a_units: tuple[Unit, ...], b_units: tuple[Unit, ...]) -> tuple[tuple[Pair, ...], tuple[KeptRow, ...]]:
    """Carry marks and notes onto the alignment rows; return the rows and the
    review rows to write back apart (rejected, stale, or shown by no row)."""
    from dataclasses import replace

    out = list(pairs)
    kept: list[KeptRow] = []
    index = {("a", x): n for n, p in enumerate(pairs) for x in p.a} | {("b", x): n for n, p in enumerate(pairs) for x in p.b}
    for r in res.resolved:
        ids_a = {a_units[i].id for i in r.a}
        ids_b = {b_units[j].id for j in r.b}
        a_ids = tuple(a_units[i].id for i in r.a)
        b_ids = tuple(b_units[j].id for j in r.b)
        texts = ("".join(a_units[i].text for i in r.a), "".join(b_units[j].text for j in r.b))
        if r.row.mark == Mark.REJECT:
            kept.append(KeptRow("rejected", r.row.cell, a_ids, b_ids, *texts, r.row.note, "审核人员判定为错误配对，不再自动配对", r.row.line))
            continue
        rows = {index[k] for k in [("a", x) for x in ids_a] + [("b", x) for x in ids_b] if k in index}
        hit = [n for n in sorted(rows) if set(out[n].a) <= ids_a and set(out[n].b) <= ids_b]
        for n in hit:
            note = out[n].note if not r.row.note or r.row.note in out[n].note else "；".join(x for x in (out[n].note, r.row.note) if x)
            out[n] = replace(out[n], reviewed=out[n].reviewed or r.row.mark.value, note=note)
        if not hit:
            kept.append(KeptRow("kept", r.row.cell, a_ids, b_ids, *texts, r.row.note, KEPT_REASON, r.row.line))
    for row, reason in res.stale:
        kept.append(KeptRow("stale", row.cell, row.a_ids, row.b_ids, row.a_text, row.b_text, row.note, reason, row.line))
    return tuple(out), tuple(kept)
