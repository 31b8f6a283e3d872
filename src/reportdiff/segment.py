"""Split running text into sentences and clauses: pure functions over strings.

Offsets returned are ``(start, end)`` into the string given.
"""

from __future__ import annotations

import re

__all__ = ("sentences", "clauses")

_ENDERS = "。！？；!?;"
_CLOSERS = "”’」』"
_OPEN = "（(〔【[《"
_CLOSE = "）)〕】]》"
#: longest run without an ender before a sentence is cut at a comma anyway
MAX_SENTENCE = 400
#: the characters the scans below act on
_SENTENCE_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE + _ENDERS) + "]")
_CLAUSE_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE + "，,、") + "]")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: ends after 。！？；(!?;) and any closing quotes,
    but not inside brackets; whitespace-only pieces are dropped."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = 0
    i, n = 0, len(text)
    for m in _SENTENCE_MARKS.finditer(text):  # other characters change nothing
        k = m.start()
        if k < i:
            continue  # passed over after an ender
        c = text[k]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:  # an ender
            j = k + 1
            while j < n and (text[j] in _ENDERS or text[j] in _CLOSERS):
                j += 1
            out.append((start, j))
            start = j
            i = j
    if start < n:
        out.append((start, n))
    # a run with no ender at all (tables, pasted lists) is cut at commas
    res: list[tuple[int, int]] = []
    for s, e in out:
        while e - s > MAX_SENTENCE:
            cut = max(text.rfind("，", s, s + MAX_SENTENCE), text.rfind(",", s, s + MAX_SENTENCE))
            cut = cut + 1 if cut > s else s + MAX_SENTENCE
            res.append((s, cut))
            s = cut
        res.append((s, e))
    return [(s, e) for s, e in res if text[s:e].strip()]


#: A clause shorter than this (characters) is merged into its neighbour: it
#: is a list element or an adverbial, not an action of its own.
MIN_CLAUSE = 6


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans of one sentence.

    Splits at ，, : (outside brackets) and at 、 between two quantified targets
    (``新建高标准农田2万亩、创建“吨半粮”7.5万亩以上``); pieces shorter than
    :data:`MIN_CLAUSE` are merged into the previous clause.
    """
    cuts: list[int] = []
    depth = 0
    for m in _CLAUSE_MARKS.finditer(sentence):  # other characters change nothing
        i = m.start()
        c = sentence[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and c in "，,":
            cuts.append(i + 1)
        elif depth == 0 and c == "、" and _quantified_both_sides(sentence, i):
            cuts.append(i + 1)
    bounds = [0, *cuts, len(sentence)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if sentence[a:b].strip("，,、 。；")]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        body = sentence[s:e].strip("，,、 。；！？")
        if merged and len(body) < MIN_CLAUSE:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    if len(merged) > 1 and len(sentence[merged[0][0] : merged[0][1]].strip("，,、 。；")) < MIN_CLAUSE:
        merged[0:2] = [(merged[0][0], merged[1][1])]
    return merged or [(0, len(sentence))]


_QTY = re.compile(r"\d")


#: a 、 between the values of one list after 分别 (服务业增加值分别增长4%、9%和6%左右): the figure after
#: it starts at once, and 分别 is earlier in the clause
_RESPECTIVE_VALUES = re.compile(r"分别[^，,；;。]*$")
#: ... or between the subjects of such a list (其中一产、二产、三产分别增长…): 分别 comes before any figure
_RESPECTIVE_SUBJECTS = re.compile(r"[^\d，,；;。]*分别")


def _quantified_both_sides(s: str, i: int) -> bool:
    if s[i + 1 : i + 2].isdigit() and _RESPECTIVE_VALUES.search(s[:i]):
        return False  # values of one 分别 list are one clause (the list reads one value per subject)
    if _RESPECTIVE_SUBJECTS.match(s[i + 1 :]):
        return False  # …，其中一产、二产、三产分别增长…: subjects of one 分别 list, not two targets
    left = s[max(0, i - 12) : i]
    right = s[i + 1 : i + 16]
    return bool(_QTY.search(left)) and bool(_QTY.search(right)) and len(re.sub(r"[\d.%]", "", left)) >= 3 and len(re.sub(r"[\d.%]", "", right)) >= 3
