"""Property-based tests: arbitrary text never crashes a stage, and the invariants hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdiff import segment
from reportdiff.errors import NoStructure
from reportdiff.model import RawText
from reportdiff.normalize import fold, match_key, paragraphs
from reportdiff.quantities import extract
from reportdiff.structure import build_document

# CJK, punctuation used by the documents, digits, ASCII, control characters, emoji, extension B
ALPHABET = st.one_of(
    st.sampled_from(list("茌平区政府工作报告推进建设项目一二三四五六七八九十百千万亿元个家%。，、；：！？（）()〔〕“”《》#*- \n\n\t") + ["\u3000", "\r", "\x0c", "😀", "𠀀", "臺", "灣", "\x00"]),
    st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF, blacklist_categories=("Cs",)),
)
TEXT = st.text(alphabet=ALPHABET, max_size=400)
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_paragraph_offsets_point_at_original(text):
    for p in paragraphs(text):
        assert len(p.text) == len(p.offsets)
        assert all(text[o] == ch for ch, o in zip(p.text, p.offsets))


@SETTINGS
@given(TEXT)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
    match_key(text)


@SETTINGS
@given(TEXT)
def test_sentences_and_clauses_cover_slices(text):
    for s, e in segment.sentences(text):
        assert 0 <= s < e <= len(text)
        for cs, ce in segment.clauses(text[s:e]):
            assert 0 <= cs < ce <= e - s


@SETTINGS
@given(TEXT)
def test_quantities_are_substrings(text):
    for q in extract(text):
        assert text[q.start : q.start + len(q.text)] == q.text


def _document_or_none(text: str):
    """The document model of ``text``; None when it has no structure (the one
    error a stage may raise), and every sentence span inside the text."""
    raw = RawText(path="x.txt", text=text, encoding="utf-8", fmt="txt")
    try:
        doc = build_document(raw, paragraphs(text))
    except NoStructure:
        return None
    for s in doc.sentences:
        assert 0 <= s.span[0] < s.span[1] <= len(text)
    return doc


@SETTINGS
@given(TEXT)
def test_structure_never_crashes(text):
    _document_or_none(text)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["推进产业集群成势。", "实施技改项目80个以上，力争完成技改投资33亿元。", "1.地区生产总值增长6%左右。（牵头领导：甲；牵头单位：区发展改革局）", "各位代表！", "一、主要预期目标", "（一）坚持在产业提升上聚力攻坚"]), min_size=1, max_size=30))
def test_compare_covers_every_unit(lines):
    from reportdiff.api import compare_documents

    text_a = "\n".join(lines)
    text_b = "\n".join(reversed(lines))
    docs = []
    for t in (text_a, text_b):
        raw = RawText(path="x.txt", text=t, encoding="utf-8", fmt="txt")
        try:
            docs.append(build_document(raw, paragraphs(t)))
        except NoStructure:
            return
    cmp = compare_documents(*docs)
    assert {i for p in cmp.pairs for i in p.a} == {u.id for u in cmp.a_units}
    assert {i for p in cmp.pairs for i in p.b} == {u.id for u in cmp.b_units}


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_traditional_text_keeps_its_own_characters(text):
    """A text with traditional characters is structured through its simplified
    view, then every text of the model is the original's characters again."""
    from opencc import OpenCC

    from reportdiff.api import _build

    trad = OpenCC("s2t.json").convert(text)
    raw = RawText(path="x.txt", text=trad, encoding="utf-8", fmt="txt")
    try:
        doc = _build(raw)
    except NoStructure:
        return
    assert doc.raw.text == trad
    for s in doc.sentences:
        assert _subsequence(s.text, trad[s.span[0] : s.span[1]])
        for c in s.clauses:
            assert _subsequence(c.text, trad[c.span[0] : c.span[1]])
    for p in doc.paragraphs:
        assert all(trad[o] == ch for ch, o in zip(p.text, p.offsets))


# --- shapes of hostile input: huge lines, thousands of tiny lines, only numbers, surrogates ----

SURROGATES = st.sampled_from(["\ud800", "\udc80", "\udcff", "\udfff"])
LONG_LINE = st.tuples(st.text(alphabet=ALPHABET, min_size=1, max_size=12), st.integers(200, 1500)).map(lambda t: t[0] * t[1])
TINY_LINES = st.lists(st.text(alphabet=ALPHABET, max_size=3), min_size=500, max_size=1500).map("\n".join)
ONLY_NUMBERS = st.text(alphabet="0123456789.%,，。、;\n 一二三十百万亿", min_size=1, max_size=3000)
WITH_SURROGATES = st.lists(st.one_of(st.text(alphabet=ALPHABET, max_size=30), SURROGATES), max_size=30).map("".join)
HOSTILE = st.one_of(LONG_LINE, TINY_LINES, ONLY_NUMBERS, WITH_SURROGATES)
FEW = settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@FEW
@given(HOSTILE)
def test_hostile_shapes_through_every_stage(text):
    """normalize, segment, structure, quantities, align, detect and render on
    hostile text: no exception but NoStructure, spans slice the original,
    folding is idempotent, the alignment covers every unit exactly once."""
    from reportdiff.api import compare_documents
    from reportdiff.render import render_html

    assert fold(fold(text)) == fold(text)
    for p in paragraphs(text):
        assert all(text[o] == ch for ch, o in zip(p.text, p.offsets))
    for q in extract(text[:5000]):
        assert text[q.start : q.start + len(q.text)] == q.text
    doc = _document_or_none(text)
    if doc is None:
        return
    cmp = compare_documents(doc, doc)
    for side, units in (("a", cmp.a_units), ("b", cmp.b_units)):
        ids = [i for p in cmp.pairs for i in getattr(p, side)]
        # exactly once per row-grouping side, at least once on the other
        assert set(ids) == {u.id for u in units}
    assert render_html(cmp)


@FEW
@given(st.binary(max_size=300), st.integers(0, 2000))
def test_any_bytes_in_a_file_read_or_refused(junk, at):
    """Bytes spliced into a real document (broken UTF-8, encoded surrogates
    ED A0 80, NULs...) are either decoded or refused with a ReportdiffError."""
    from conftest import REPORT_2024

    from reportdiff.errors import ReportdiffError
    from reportdiff.read import read_bytes

    seed = REPORT_2024.read_bytes()[:4000]
    data = seed[:at] + junk + seed[at:]
    try:
        raw = read_bytes(data, "x.txt")
    except ReportdiffError:
        return
    raw.text.encode("utf-8")  # what was decoded can be written out again
