"""Repair extraction damage: raw text -> reflowed paragraphs, plus matching keys.

Two layers, deliberately kept apart:

* :func:`paragraphs` only *deletes* characters of the original (hard line
  breaks, blank lines, page numbers, running headers, markdown markers, spaces
  between numbers and units).  Every paragraph therefore keeps, for each of
  its characters, the offset of that same character in the original text, and
  what the reviewer sees is what the document says.
* :func:`fold` and :func:`match_key` *substitute* (full-width -> half-width,
  bracket styles) and are used for matching only, never for display.
* :func:`ocr_fold` folds OCR confusions (荏平 -> 茌平, ``data/ocr_folds.toml``) in a
  same-length view of a document that also writes the right form; the document
  is understood through that view and keeps its own characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .model import Paragraph

__all__ = ("paragraphs", "fold", "match_key", "ocr_fold", "display_width", "is_heading_text")

def _ocr_table() -> tuple[tuple[re.Pattern, str, str, str], ...]:
    """OCR confusions (``data/ocr_folds.toml``): (wrong, right, needs, why)."""
    from . import vocab

    return tuple((re.compile(f["wrong"]), f["right"], f["needs"], f["why"]) for f in vocab.load("ocr_folds")["fold"])


def ocr_fold(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with the OCR confusions of ``data/ocr_folds.toml`` folded, each only when the
    text also writes the right form (``needs``) somewhere, and only same-length replacements
    (so offsets hold); and the reasons of the folds applied."""
    applied = []
    for rx, right, needs, why in _ocr_table():
        if needs not in text:
            continue
        new = rx.sub(lambda m: right if len(right) == len(m.group(0)) else m.group(0), text)
        if new != text:
            applied.append(why)
            text = new
    return text, tuple(applied)


_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "［": "(", "］": ")", "[": "(", "]": ")", "﹙": "(", "﹚": ")"})

_TERMINAL = "。！？；：!?;:"
_CLOSERS = "”’」』）)〕】]》"
_OWNER_OPENER = re.compile(r"^[（(〔\[]?\s*(牵\s*头\s*领?|责任单位|配合单位|协办单位|责任领导)")
_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,3}(?:[.．、](?!\d)|\s)|[（(]\d{1,3}[）)]|[①-⑳]|第[一二三四五六七八九十]+[章节部分条])"
)
_PAGE_NO = re.compile(r"^\s*(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]|\d{1,4}|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LEAD_START = re.compile(r"^[\u4e00-\u9fff“][^，。；：,;]{1,21}[。：]")


class _Widths(dict):
    """Display width of each character met so far (see :func:`display_width`)."""

    def __missing__(self, c: str) -> int:
        # ambiguous-width characters (“”、…) are full width in Chinese typesetting
        w = self[c] = 2 if unicodedata.east_asian_width(c) in "WFA" else 1
        return w


_WIDTHS = _Widths()


def display_width(s: str) -> int:
    """Width of ``s`` in a monospace layout: CJK and full-width count 2."""
    return sum(map(_WIDTHS.__getitem__, s))


@functools.lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Traditional -> simplified, one character for one character (a
    ``str.translate`` table built once from OpenCC's ``t2s`` conversion of
    every CJK character on its own, so no phrase rule changes a length).
    Every target is a fixpoint, so applying the table twice changes nothing.

    Building it costs about 0.1 s; it is kept in the user's cache folder, keyed
    by the installed OpenCC package, and rebuilt when that changes."""
    import importlib.util
    import marshal
    import os

    from .output import atomic_write_bytes, cache_dir

    spec = importlib.util.find_spec("opencc")
    folder = cache_dir("opencc")
    target = None
    if spec is not None and spec.origin and folder is not None:
        st = os.stat(spec.origin)
        target = folder / f"t2s-{st.st_size}-{st.st_mtime_ns}-v1.marshal"
        try:
            table = marshal.loads(target.read_bytes())
            if isinstance(table, dict):
                return table
        except (OSError, ValueError, EOFError, TypeError):
            pass
    table = _build_t2s_table()
    if target is not None:
        try:
            atomic_write_bytes(target, marshal.dumps(table))
        except OSError:
            pass
    return table


def _build_t2s_table() -> dict[int, str]:
    import opencc

    ranges = ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF))
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1)]
    out = opencc.OpenCC("t2s.json").convert("\n".join(chars)).split("\n")
    pairs = {a: b for a, b in zip(chars, out) if a != b and len(b) == 1} if len(out) == len(chars) else {}
    for a in list(pairs):
        seen = {a}
        while pairs[a] in pairs and pairs[a] not in seen:  # chains (薴 -> 苧 -> 苎) to their end
            seen.add(pairs[a])
            pairs[a] = pairs[pairs[a]]
    return {ord(a): b for a, b in pairs.items() if a != b}


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones, same length."""
    return text.translate(t2s_table())


#: distinct texts whose :func:`fold` is kept: a batch compares each report with
#: the year before and the year after, and the stages fold the same sentences
#: and clauses again (a pure function: the cache changes no output)
FOLD_CACHE = 1 << 16


@functools.lru_cache(maxsize=FOLD_CACHE)
def fold(text: str) -> str:
    """Text for comparison: NFKC (full-width -> half-width), one bracket style,
    traditional characters as simplified, OCR confusions folded, no whitespace."""
    t = text
    table = _fold_table()
    # NFKC can produce spaces (´ -> space + combining accent) whose removal
    # lets characters compose anew: repeat until nothing changes (idempotent)
    for _ in range(4):
        if table is None:
            step = unicodedata.normalize("NFKC", t).translate(_BRACKETS).translate(t2s_table())
        else:
            step = unicodedata.normalize("NFKC", t).translate(table)
        step = re.sub(r"\s+", "", step)
        if step == t:
            break
        t = step
        if table is not None and unicodedata.is_normalized("NFKC", t):
            break  # the next step would give t again (see _fold_table)
    return t


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict[int, str] | None:
    """The bracket table and then the traditional -> simplified table, as one
    table; None when the tables do not allow it.

    They do when no bracket is traditional, no simplified character is a
    bracket and every simplified character is a fixpoint: then one
    translation does what the two do, and a text that has been through one
    step of :func:`fold` and is NFKC-normal is left as it is by the next step
    (its characters are brackets made round, simplified characters and
    characters of neither table, none of which the tables change, and it has
    no whitespace), so :func:`fold` stops there instead of checking it."""
    t2s = t2s_table()
    values = set(t2s.values())
    if any(t2s.get(ord(v), v) != v for v in values):
        return None
    if any(k in t2s or chr(k) in values for k in _BRACKETS) or any(ord(v) in t2s for v in _BRACKETS.values()):
        return None
    table = dict(t2s)
    table.update(_BRACKETS)
    return table


_NUM_RUN = re.compile(r"\d+(?:\.\d+)?")
_NON_WORD = re.compile(r"[^\w]|_", re.UNICODE)


@functools.lru_cache(maxsize=FOLD_CACHE)
def match_key(text: str) -> str:
    """Matching key: :func:`fold`, punctuation removed, numbers replaced by ``#``.

    Numbers are masked so that two clauses that differ only in a figure still
    align (the difference becomes a ``number_changed`` finding).
    """
    t = _NUM_RUN.sub("#", fold(text))
    return _NON_WORD.sub("", t.replace("#", "\x00")).replace("\x00", "#") if "#" in t else _NON_WORD.sub("", t)


def is_heading_text(text: str) -> bool:
    """A short line without sentence punctuation: a heading."""
    t = text.strip()
    if not t or len(t) > 40:
        return False
    if t[-1] in _TERMINAL or t[-1] in _CLOSERS:
        return False
    return "，" not in t and "," not in t


@dataclass
class _Line:
    chars: list[tuple[str, int]]  # kept characters and their raw offsets
    width: int  # display width of the raw line
    md_heading: bool  # the line was a markdown heading
    text: str = ""  # the kept characters (set from ``chars`` when not given)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = "".join(c for c, _ in self.chars)


_SPACE = re.compile(r"\s")  # what str.isspace() calls whitespace


def _clean_line(raw: str, start: int) -> _Line | None:
    """Delete markup and layout whitespace from one raw line; None if nothing remains."""
    if _MD_RULE.match(raw):
        return None
    m = _MD_HEADING.match(raw)
    skip_to = m.end() if m else 0
    md_heading = bool(m)
    if not m:
        q = re.match(r"^\s*>\s?", raw)
        skip_to = q.end() if q else 0
    dropped = set()
    for mm in re.finditer(r"\*\*|__", raw):
        dropped.update((mm.start(), mm.start() + 1))
    chars: list[tuple[str, int]] = []
    n = len(raw)
    # the characters between whitespace and dropped markup are kept as they are
    special = sorted({m.start() for m in _SPACE.finditer(raw, skip_to)} | {d for d in dropped if d >= skip_to})
    i = skip_to
    for s in special:
        if s > i:
            chars.extend(zip(raw[i:s], range(start + i, start + s)))
        i = s + 1
        if s in dropped:
            continue
        # whitespace: keep one space between two ASCII words ("GB/T 36073"), drop all others;
        # only a plain space is kept (the text holds original characters only)
        prev = chars[-1][0] if chars else ""
        nxt = next((raw[j] for j in range(s + 1, n) if not raw[j].isspace() and j not in dropped), "")
        if raw[s] == " " and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalnum():
            chars.append((" ", start + s))
    if i < n:
        chars.extend(zip(raw[i:n], range(start + i, start + n)))
    if not chars:
        return None
    return _Line(chars=chars, width=display_width(raw.strip()), md_heading=md_heading)


def _running_header(text: str) -> bool:
    """A repeated line that can be a page header: a bare title, not a fragment of an item."""
    return len(text) >= 4 and is_heading_text(text) and not re.search(r"[、()（）〔〕]", text)


def _ends_terminal(text: str, para_text: str) -> bool:
    t = text.rstrip()
    if not t or _open_brackets(para_text) > 0:
        return False  # an open bracket: the owner block or aside goes on
    if t[-1] in _TERMINAL:
        return True
    core = t.rstrip(_CLOSERS)
    if core and core[-1] in _TERMINAL:
        return True
    # an owner block closing the plan item: （…牵头单位：…）
    if t[-1] in "）)〕]" and re.search(r"牵头|责任单位|配合单位", para_text):
        return True
    return False


def _open_brackets(text: str) -> int:
    """How many brackets are opened and not closed in ``text``."""
    return sum(text.count(c) for c in "（(〔【[《") - sum(text.count(c) for c in "）)〕】]》")


def _wrap_width(lines: list[_Line]) -> int | None:
    """Width at which the text was hard-wrapped, or None for one-paragraph-per-line text."""
    widths = [ln.width for ln in lines if ln.width >= 30]
    if len(widths) < 8:
        return None
    common, _ = Counter(min(w, 200) for w in widths).most_common(1)[0]
    # lines wrapped at the same width scatter a few columns around it
    # (ASCII digits are narrower than CJK): take the densest window
    best_w, best_n = common, 0
    count = Counter(widths)
    for w in count:
        n = sum(count.get(x, 0) for x in range(w - 4, w + 1))
        if n > best_n or (n == best_n and w > best_w):
            best_w, best_n = w, n
    if best_n >= 0.3 * len(lines):
        return best_w
    return None


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Reflow ``text`` into paragraphs, dropping layout noise.

    Joins hard-wrapped lines (PDF extraction) without gluing headings to the
    next paragraph; drops blank lines, page numbers, markdown markers and
    running headers (short lines repeated three times or more).
    """
    if "<!--" in text:
        # a markdown/HTML comment (a photo caption of the web page the text came from) is not
        # text of the document: blanked, every character's offset kept
        text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip() and not _PAGE_NO.match(raw):
            ln = _clean_line(raw, pos)
            if ln is not None:
                lines.append(ln)
        pos += len(raw) + 1
    counts = Counter(ln.text for ln in lines if len(ln.text) <= 30 and not _MARKER.match(ln.text))
    lines = [ln for ln in lines if counts.get(ln.text, 0) < 3 or not _running_header(ln.text)]
    wrap = _wrap_width(lines)

    out: list[Paragraph] = []
    buf: list[_Line] = []

    def flush() -> None:
        if not buf:
            return
        chars = [c for ln in buf for c in ln.chars]
        # a space kept at a line edge has no neighbour word any more
        while chars and chars[0][0] == " ":
            chars.pop(0)
        while chars and chars[-1][0] == " ":
            chars.pop()
        if chars:
            letters, offsets = zip(*chars)
            body = "".join(letters)
            heading = len(buf) <= 2 and (buf[0].md_heading or is_heading_text(body))
            out.append(Paragraph(index=len(out), text=body, offsets=offsets, is_heading=heading))
        buf.clear()

    for ln in lines:
        if buf and _breaks_before(buf, ln, wrap):
            flush()
        buf.append(ln)
    flush()
    return tuple(out)


def _slack(wrap: int) -> int:
    """How much narrower than the wrap width a line may be and still be full:
    a paragraph's first line is indented, digits and Latin letters are narrow."""
    return max(8, wrap * 15 // 100)


def _breaks_before(buf: list[_Line], ln: _Line, wrap: int | None) -> bool:
    """Does line ``ln`` start a new paragraph after the lines in ``buf``?"""
    prev = buf[-1]
    para_text = "".join(b.text for b in buf)
    t = ln.text
    if _OWNER_OPENER.match(t) and not prev.md_heading:
        return False  # an owner block continues its plan item
    if prev.md_heading or ln.md_heading:
        return True
    if _MARKER.match(t) or t.startswith("——"):
        return True
    if _open_brackets(para_text) > 0 and len(buf) < 6:
        return False  # inside （…） or 《…》: the line goes on
    starts_para = bool(_LEAD_START.match(t)) or (wrap is not None and ln.width < wrap - _slack(wrap) and is_heading_text(t))
    if _ends_terminal(prev.text, para_text):
        if wrap and prev.width >= wrap - _slack(wrap):
            # a full line that happens to end a sentence: a new paragraph only
            # if the next line looks like the start of one
            return starts_para
        return True
    if wrap:
        if prev.width < wrap - _slack(wrap):
            return True  # a short line without end punctuation: a heading
        return False
    # one paragraph per line: only headings stand alone (a numbered one may hold a comma:
    # （三）致力深化改革开放，积极服务和融入新发展格局 is not the start of the next line's text)
    return len(buf) == 1 and (is_heading_text(prev.text) or _numbered_heading(prev.text)) and not _looks_continued(prev.text)


#: a line opening with a heading number of the genre (三、 / （三）)
HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _numbered_heading(text: str) -> bool:
    """A line of at most :data:`NUMBERED_HEADING_LEN` characters that opens with a heading number
    (三、 / （三）) and ends without sentence punctuation: a heading, though it holds a comma."""
    t = text.strip()
    return bool(t) and len(t) <= NUMBERED_HEADING_LEN and bool(HEADING_NUMBER.match(t)) and t[-1] not in _TERMINAL and t[-1] not in _CLOSERS


#: longest numbered heading line (（十）深入建设平安厦门，推动社会治理体系和治理能力现代化 is 29)
NUMBERED_HEADING_LEN = 50


def _looks_continued(text: str) -> bool:
    """A line cut in the middle of a clause (ends with 、, an open bracket or a number)."""
    return text[-1:] in "、（(〔《“" or text[-1:].isdigit()
