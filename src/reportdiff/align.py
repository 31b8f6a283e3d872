"""Align two lists of units, order-free and many-to-many.

The whole computation is a handful of score matrices from
``rapidfuzz.process.cdist`` (no Python loop over pairs of units):

* sentence level, shape ``(len(A), len(B))``: ``ratio`` (global similarity)
  and ``partial_ratio`` (the shorter text found inside the longer one: a plan
  item cut out of a report sentence, or two sentences merged into one item);
* clause level, shape ``(clauses(A), clauses(B))``: ``ratio`` and the
  containment of character-bigram sets (a sparse matrix product: what
  ``token_set_ratio`` measures, 50x faster), then reduced to the unit
  matrix by taking, for each pair of units, their best pair of clauses (two
  years' reports reuse a clause inside otherwise new sentences).

Keys have their numbers masked (``#``) so a changed figure does not stop two
clauses from aligning; it becomes a ``number_changed`` finding downstream.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from . import segment
from .model import Mode, Pair, Unit
from .normalize import fold, match_key
from .similarity import Cosine, bigram_matrices, tfidf
from .tokens import tokenize

__all__ = ("AlignParams", "AlignResult", "Constraints", "PARAMS", "Edge", "pair_scores", "score_matrix", "unit_cosine", "tfidf_cosine", "select_pairs", "select_edges", "align", "beads")


@dataclass(frozen=True)
class AlignParams:
    """Decision thresholds on the 0..1 score (chosen on the seed gold files).

    A pair is aligned when its score reaches ``accept``; or when each unit is
    the other's best partner and the score reaches ``mutual``; or when one
    unit (of a side in ``fallback_sides``) has it as its best partner and the
    score reaches ``fallback``.  In report-plan mode only the plan side ("b")
    takes a one-sided fallback: every plan item finds its best report
    sentence, but a report sentence never takes a weak item, so gaps stay
    visible.
    """

    accept: float
    mutual: float
    fallback: float
    fallback_sides: str = "ab"


#: Defaults per mode.  Report-plan: plans copy the report nearly verbatim:
#: true pairs score >= 0.95 on seeds 001/003, the best wrong partner of an
#: item < 0.70.  Report-report: the same initiative is reworded between
#: years; on the 46 gold pairs of seeds 000/001 a grid over (accept, mutual,
#: fallback) put mutual best pairs at >= 0.55 as the knee (precision 0.925,
#: recall 0.80; at 0.60 recall falls to 0.70, at 0.65 to 0.67 for the same
#: precision), see tests/gold/README.md.
PARAMS = {
    Mode.REPORT_PLAN: AlignParams(accept=0.85, mutual=0.60, fallback=0.55, fallback_sides="b"),
    Mode.REPORT_REPORT: AlignParams(accept=0.92, mutual=0.55, fallback=0.80),
    Mode.PLAN_PLAN: AlignParams(accept=0.90, mutual=0.65, fallback=0.80),
    Mode.GENERIC: AlignParams(accept=0.90, mutual=0.65, fallback=0.80),
}

#: Units whose key is shorter than this many characters are matched with a
#: proportionally reduced partial score: a 4-character phrase is found inside
#: almost any long sentence.
MIN_PARTIAL_LEN = 12
#: Clauses with shorter keys do not take part in clause-level matching.
MIN_CLAUSE_LEN = 6
#: Weight of the clause-level evidence relative to the whole-unit evidence.
CLAUSE_WEIGHT = 0.95


@dataclass(frozen=True, order=True)
class Edge:
    """One aligned pair of units (indices into the unit lists) and its score."""

    a: int
    b: int
    score: float


def _kept(cache: list, key, make):
    """``make(key)``, kept in ``cache`` for the last two keys (by identity)."""
    for got_key, got in cache:
        if got_key is key:
            return got
    got = make(key)
    cache[:] = [(key, got)] + cache[:1]
    return got


def _clause_keys(units: tuple[Unit, ...]) -> tuple[list[str], np.ndarray]:
    """Clause keys of every unit and, for each unit, the index of its first clause
    (kept for the last two unit lists: :func:`align` scores the same units twice)."""
    return _kept(_CLAUSE_CACHE, units, _clause_keys_of)


_CLAUSE_CACHE: list = []
_OBJECTS_CACHE: list = []


def _objects_of(keys: list[str]) -> np.ndarray:
    """:func:`_objects` of a clause key list of :func:`_clause_keys` (kept for the
    last two lists, as those are)."""
    return _kept(_OBJECTS_CACHE, keys, _objects)


def _clause_keys_of(units: tuple[Unit, ...]) -> tuple[list[str], np.ndarray]:
    keys: list[str] = []
    starts = np.zeros(len(units), dtype=np.int64)
    for i, u in enumerate(units):
        starts[i] = len(keys)
        got = []
        for s, e in segment.sentences(u.text):
            sent = u.text[s:e]
            for cs, ce in segment.clauses(sent):
                k = match_key(sent[cs:ce])
                if len(k) >= MIN_CLAUSE_LEN:
                    got.append(k)
        keys.extend(got or [u.key])
    return keys, starts


#: candidate partners kept per unit (its best by TF-IDF cosine, on each side)
#: before the string scores are computed.  ``benchmarks/bench.py --only recall``
#: (16 seed, national and corpus pairs, 2,494 aligned pairs when every pair is
#: scored): 32 and 24 give exactly those pairs, 12 loses 4 and adds 3.
CANDIDATES = 32


def unit_cosine(a_units: tuple[Unit, ...], b_units: tuple[Unit, ...]) -> Cosine:
    """TF-IDF cosine of the units' character-bigram vectors (:class:`Cosine`, 0..1).

    Rare bigrams (names of industries, projects and policies: 人造板, 聊达化工,
    容缺受理) weigh most, so two sentences about the same named thing score
    high even when reworded around it.
    """
    return Cosine(*tfidf(*bigram_matrices([u.key for u in a_units], [u.key for u in b_units])))


def tfidf_cosine(a_units: tuple[Unit, ...], b_units: tuple[Unit, ...]) -> np.ndarray:
    """:func:`unit_cosine` as a dense matrix (small inputs and tests)."""
    return unit_cosine(a_units, b_units).dense()


def _bigram_codes(keys: list[str]) -> list[str]:
    """Each key's distinct character bigrams as a string of one code point per
    bigram (ids of a shared vocabulary, in order of first appearance), in increasing
    order; computed on the code points of all keys at once (no loop over bigrams)."""
    lens = np.array([len(k) for k in keys], dtype=np.int64)
    cp = np.frombuffer("".join(keys).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    nb = np.maximum(lens - 1, 0)
    row = np.repeat(np.arange(len(keys), dtype=np.int64), nb)
    pos = np.repeat(np.cumsum(lens) - lens, nb) + np.arange(int(nb.sum()), dtype=np.int64) - np.repeat(np.cumsum(nb) - nb, nb)
    code = (cp[pos] << 21) | cp[pos + 1]  # code points < 2**21
    # ids in order of first appearance over all keys
    _, first, inv = np.unique(code, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first), dtype=np.int64)
    # each key's distinct ids, increasing
    pairs = np.unique((row << 32) | rank[inv.ravel()])
    ids = pairs & 0xFFFFFFFF
    ids = np.where(ids < 0xD800, ids, ids + 0x800).astype(np.uint32)  # no surrogates
    text = ids.tobytes().decode("utf-32-le")
    ends = np.cumsum(np.bincount(pairs >> 32, minlength=len(keys))).tolist()
    return [text[e0:e1] for e0, e1 in zip([0] + ends[:-1], ends)]


def _containment(ca: list[str], cb: list[str], ci: np.ndarray, cj: np.ndarray) -> np.ndarray:
    """Bigram-set containment of the clause pairs ``(ca[ci[p]], cb[cj[p]])``, 0..100.

    |bigrams(a) & bigrams(b)| / min(|bigrams(a)|, |bigrams(b)|): 100 when the
    words of one clause all appear in the other, in any order (what
    ``token_set_ratio`` measures, much faster).  The intersection of two sets
    written as increasing sequences is their longest common subsequence,
    which rapidfuzz computes in parallel for all pairs.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    code_a, code_b, na, nb = _clause_codes(ca, cb)
    overlap = process.cpdist(code_a[ci], code_b[cj], scorer=LCSseq.similarity, workers=-1, dtype=np.int32)
    return 100.0 * overlap.astype(np.float32) / np.maximum(np.minimum(na[ci], nb[cj]), 1.0)


_CODES_CACHE: list = []


def _objects(texts: list[str]) -> np.ndarray:
    """``texts`` as a numpy object array: ``arr[idx]`` picks many at once (rapidfuzz's
    ``cpdist`` takes it as it takes a list, with the same scores)."""
    out = np.empty(len(texts), dtype=object)
    out[:] = texts
    return out


def _clause_codes(ca: list[str], cb: list[str]):
    """:func:`_bigram_codes` of both clause lists (object arrays, picked by index arrays
    without a Python loop) and their sizes (kept for the last pair of lists:
    :func:`pair_scores` works through candidates in chunks)."""
    if _CODES_CACHE and _CODES_CACHE[0][0] is ca and _CODES_CACHE[0][1] is cb:
        return _CODES_CACHE[0][2]
    codes = _bigram_codes(ca + cb)
    code_a, code_b = codes[: len(ca)], codes[len(ca) :]
    got = (_objects(code_a), _objects(code_b), np.array([len(c) for c in code_a], dtype=np.float32), np.array([len(c) for c in code_b], dtype=np.float32))
    _CODES_CACHE[:] = [(ca, cb, got)]
    return got


#: unit pairs scored at once by :func:`pair_scores`
PAIRS_AT_ONCE = 50_000


def _partial_bound(ka: list[str], kb: list[str], la: np.ndarray, lb: np.ndarray) -> np.ndarray:
    """An upper bound of ``partial_ratio`` of each pair of keys: the shorter key
    shares at most M characters (as multisets) with any part of the longer, so
    no alignment scores more than 100 * 2M / (len(shorter) + M).  M is the
    longest common subsequence of the keys' sorted characters."""
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    sort_a = {k: "".join(sorted(k)) for k in set(ka)}
    sort_b = {k: "".join(sorted(k)) for k in set(kb)}
    m = process.cpdist([sort_a[k] for k in ka], [sort_b[k] for k in kb], scorer=LCSseq.similarity, workers=-1, dtype=np.int32).astype(np.float32)
    short = np.minimum(la, lb)
    return 200.0 * m / np.maximum(short + m, 1.0)


def pair_scores(
    a_units: tuple[Unit, ...], b_units: tuple[Unit, ...], i: np.ndarray, j: np.ndarray, tokenizer: str = "bigram", floor: float = 0.0
) -> np.ndarray:
    """Similarity of the unit pairs ``(a_units[i[p]], b_units[j[p]])``, float32 in 0..1.

    The largest of: ``ratio`` of the keys (global similarity), ``partial_ratio``
    (the shorter text found inside the longer one: a plan item cut out of a
    report sentence; scaled down for keys under :data:`MIN_PARTIAL_LEN`), and
    :data:`CLAUSE_WEIGHT` times the best pair of clauses (``ratio``, or 0.9 x
    bigram containment), since two years' reports reuse a clause inside
    otherwise new sentences.  ``tokenizer="jieba"`` adds a word-level
    ``token_set_ratio`` of the clauses (slower: it loads jieba).

    ``floor``: scores under it may be returned lower than they are (what
    :func:`align` needs to select pairs); ``partial_ratio``, the costly score,
    is then skipped where an upper bound of it (from the characters the two
    keys share) is under both ``floor`` and ``ratio``.
    """
    from rapidfuzz import fuzz, process

    i = np.asarray(i, dtype=np.int64)
    j = np.asarray(j, dtype=np.int64)
    if not len(i):
        return np.zeros(0, dtype=np.float32)
    if len(i) > PAIRS_AT_ONCE:  # bounds the clause-pair temporaries
        return np.concatenate([pair_scores(a_units, b_units, i[k : k + PAIRS_AT_ONCE], j[k : k + PAIRS_AT_ONCE], tokenizer, floor) for k in range(0, len(i), PAIRS_AT_ONCE)])
    ka = [a_units[x].key for x in i.tolist()]
    kb = [b_units[y].key for y in j.tolist()]
    ratio = process.cpdist(ka, kb, scorer=fuzz.ratio, workers=-1, dtype=np.float32)
    la = np.array([len(k) for k in ka], dtype=np.float32)
    lb = np.array([len(k) for k in kb], dtype=np.float32)
    scale = np.clip(np.minimum(la, lb) / MIN_PARTIAL_LEN, 0.0, 1.0)
    # partial_ratio counts only where it can reach 50 (its cutoff), beat ratio and reach the floor
    bound = _partial_bound(ka, kb, la, lb) + np.float32(1e-3)
    todo = (bound >= 50) & (bound * scale >= np.maximum(ratio, np.float32(100.0 * max(floor, 0.0))))
    partial = np.zeros(len(i), dtype=np.float32)
    if todo.any():
        idx = np.flatnonzero(todo).tolist()
        partial[todo] = process.cpdist([ka[x] for x in idx], [kb[x] for x in idx], scorer=fuzz.partial_ratio, workers=-1, dtype=np.float32, score_cutoff=50)
    partial *= scale
    whole = np.maximum(ratio, partial)

    ca, sa = _clause_keys(a_units)
    cb, sb = _clause_keys(b_units)
    na = np.diff(np.append(sa, len(ca)))
    nb = np.diff(np.append(sb, len(cb)))
    # every clause pair of every candidate pair, pair by pair
    per = na[i] * nb[j]
    first = np.cumsum(per) - per
    rep = np.repeat(np.arange(len(i)), per)
    offs = np.arange(int(per.sum()), dtype=np.int64) - first[rep]
    ci = sa[i][rep] + offs // nb[j][rep]
    cj = sb[j][rep] + offs % nb[j][rep]
    c = np.maximum(
        process.cpdist(_objects_of(ca)[ci], _objects_of(cb)[cj], scorer=fuzz.ratio, workers=-1, dtype=np.float32),
        0.9 * _containment(ca, cb, ci, cj),
    )
    if tokenizer == "jieba":
        ta, tb = tokenize(ca, "jieba"), tokenize(cb, "jieba")
        c = np.maximum(c, 0.9 * process.cpdist([ta[x] for x in ci.tolist()], [tb[y] for y in cj.tolist()], scorer=fuzz.token_set_ratio, workers=-1, dtype=np.float32))
    clause = np.maximum.reduceat(c, first)
    return (np.maximum(whole, CLAUSE_WEIGHT * clause) / 100.0).astype(np.float32)


def score_matrix(a_units: tuple[Unit, ...], b_units: tuple[Unit, ...], tokenizer: str = "bigram") -> np.ndarray:
    """:func:`pair_scores` of every pair, shape ``(len(a_units), len(b_units))``
    (small inputs and tests: :func:`align` scores candidate pairs only)."""
    n, m = len(a_units), len(b_units)
    i, j = np.divmod(np.arange(n * m, dtype=np.int64), max(m, 1))
    return pair_scores(a_units, b_units, i, j, tokenizer).reshape(n, m)


def _first_max(keys: np.ndarray, others: np.ndarray, s: np.ndarray, top: np.ndarray, size: int) -> np.ndarray:
    """For each key, the smallest ``other`` whose value equals the key's maximum (0 when none)."""
    out = np.zeros(size, dtype=np.int64)
    hit = s >= top[keys]
    order = np.lexsort((-others[hit], keys[hit]))  # last of each key: smallest other
    k, o = keys[hit][order], others[hit][order]
    out[k] = o  # later writes win
    return out


def select_pairs(
    i: np.ndarray,
    j: np.ndarray,
    s: np.ndarray,
    shape: tuple[int, int],
    params: AlignParams,
    groups: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Edge]:
    """Pairs to align among scored pairs ``(i[p], j[p], s[p])`` (every other pair
    of the ``shape`` scores 0); see :class:`AlignParams`; symmetric in A and B.

    ``groups`` gives each unit of A and of B a paragraph number.  A unit whose
    best partner prefers a sibling of the unit (another sentence of the same
    paragraph) is aligned to it too at the ``mutual`` level: one document
    wrote as one sentence what the other split at ；(the 2022 targets are
    three sentences, the 2024 targets one).
    """
    n, m = shape
    if not len(s):
        return []
    s = np.asarray(s, dtype=np.float32)
    row_max = np.zeros(n, dtype=np.float32)
    col_max = np.zeros(m, dtype=np.float32)
    np.maximum.at(row_max, i, s)
    np.maximum.at(col_max, j, s)
    row_best = s >= row_max[i]
    col_best = s >= col_max[j]
    mutual = row_best & col_best
    keep = (s >= params.accept) | ((s >= params.mutual) & mutual)
    if groups is not None:
        ga, gb = groups
        # for each column, the paragraph of its best row; for each row, of its best column
        best_row_group = ga[_first_max(j, i, s, col_max, m)]
        best_col_group = gb[_first_max(i, j, s, row_max, n)]
        sibling_a = row_best & (ga[i] == best_row_group[j]) & ~col_best
        sibling_b = col_best & (gb[j] == best_col_group[i]) & ~row_best
        keep |= (s >= params.mutual) & (sibling_a | sibling_b)
    if "a" in params.fallback_sides:
        keep |= (s >= params.fallback) & row_best
    if "b" in params.fallback_sides:
        keep |= (s >= params.fallback) & col_best
    keep &= s > 0
    return [Edge(int(x), int(y), float(v)) for x, y, v in zip(i[keep], j[keep], s[keep])]


def select_edges(
    scores: np.ndarray,
    params: AlignParams,
    mask: np.ndarray | None = None,
    groups: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Edge]:
    """:func:`select_pairs` on a dense score matrix (cells outside ``mask`` score 0)."""
    s = scores if mask is None else np.where(mask, scores, 0.0)
    if s.size == 0:
        return []
    i, j = np.nonzero(s > 0)
    return select_pairs(i, j, s[i, j], s.shape, params, groups)


def _same_text(a_text: str, b_text: str) -> bool:
    """Identical content, or one copied inside the other (numbers included)."""
    ka, kb = _content(a_text), _content(b_text)
    return ka == kb or (len(ka) >= MIN_CLAUSE_LEN and ka in kb) or (len(kb) >= MIN_CLAUSE_LEN and kb in ka)


@functools.lru_cache(maxsize=1 << 16)
def _content(text: str) -> str:
    import re

    return re.sub(r"[^\w.%]", "", fold(text))


def beads(edges: list[Edge], a_units: tuple[Unit, ...], b_units: tuple[Unit, ...], group_by: str) -> tuple[Pair, ...]:
    """Rows of the alignment table.

    Edges are grouped by the unit of side ``group_by`` ("a" or "b"): one row
    per unit of that side with all its partners (1-1 and 1-n beads; a
    partner shared by several rows gives the n-1 case).  Units without any
    edge get a row of their own (``only_a`` / ``only_b``).  Rows are ordered
    by document A.
    """
    groups: dict[int, list[Edge]] = {}
    for e in edges:
        groups.setdefault(e.b if group_by == "b" else e.a, []).append(e)
    rows: list[tuple[tuple[int, int], Pair]] = []
    for key, es in groups.items():
        a_idx = sorted({e.a for e in es})
        b_idx = sorted({e.b for e in es})
        a_text = "".join(a_units[i].text for i in a_idx)
        b_text = "".join(b_units[j].text for j in b_idx)
        same = all(_same_text(a_units[e.a].text, b_units[e.b].text) for e in es) or _same_text(a_text, b_text)
        pair = Pair(
            a=tuple(a_units[i].id for i in a_idx),
            b=tuple(b_units[j].id for j in b_idx),
            score=round(max(e.score for e in es), 4),
            status="matched" if same else "changed",
        )
        rows.append(((a_idx[0], b_idx[0]), pair))
    linked_a = {e.a for e in edges}
    anchors = _anchors(edges, len(b_units))
    for i, u in enumerate(a_units):
        if i not in linked_a:
            rows.append(((i, -1), Pair(a=(u.id,), b=(), score=0.0, status="only_a")))
    for j, u in enumerate(b_units):
        if anchors[j] is None:
            continue
        # place a B-only unit after the A unit aligned to the nearest earlier B unit
        rows.append(((anchors[j], j), Pair(a=(), b=(u.id,), score=0.0, status="only_b")))
    rows.sort(key=lambda r: r[0])
    return tuple(p for _, p in rows)


def _anchors(edges: list[Edge], n_b: int) -> list[int | None]:
    """For each B unit: None when it is aligned, else the A position to show it
    after (the largest A index aligned to the nearest earlier aligned B unit, -1
    before any).  One pass over the edges sorted by B."""
    last_a_of_b: dict[int, int] = {}
    for e in edges:
        last_a_of_b[e.b] = max(last_a_of_b.get(e.b, -1), e.a)
    out: list[int | None] = []
    anchor = -1
    for j in range(n_b):
        if j in last_a_of_b:
            anchor = last_a_of_b[j]
            out.append(None)
        else:
            out.append(anchor)
    return out


@dataclass(frozen=True)
class Constraints:
    """What a reviewer decided, as indices into the unit lists (see :mod:`reportdiff.review`).

    ``forced`` pairs are aligned whatever their score; ``rejected`` pairs never
    are; units in ``locked_a``/``locked_b`` take no automatic partner (their
    partners are exactly the forced ones).
    """

    forced: tuple[tuple[int, int], ...] = ()
    rejected: tuple[tuple[int, int], ...] = ()
    locked_a: tuple[int, ...] = ()
    locked_b: tuple[int, ...] = ()

    def swapped(self) -> "Constraints":
        """The same constraints with A and B exchanged."""
        return Constraints(
            forced=tuple((j, i) for i, j in self.forced),
            rejected=tuple((j, i) for i, j in self.rejected),
            locked_a=self.locked_b,
            locked_b=self.locked_a,
        )

    def allowed_rows(self, r0: int, r1: int, m: int) -> np.ndarray | None:
        """Rows ``r0:r1`` of :meth:`allowed` (for a block of A against all of B)."""
        if not (self.rejected or self.locked_a or self.locked_b):
            return None
        ok = np.ones((r1 - r0, m), dtype=bool)
        for x, y in self.rejected:
            if r0 <= x < r1:
                ok[x - r0, y] = False
        for x in self.locked_a:
            if r0 <= x < r1:
                ok[x - r0, :] = False
        ok[:, list(self.locked_b)] = False
        return ok

    def allowed(self, shape: tuple[int, int]) -> np.ndarray | None:
        """Boolean mask of the pairs automatic alignment may propose, or None (all)."""
        if not (self.rejected or self.locked_a or self.locked_b):
            return None
        ok = np.ones(shape, dtype=bool)
        if self.rejected:
            ii, jj = zip(*self.rejected)
            ok[list(ii), list(jj)] = False
        ok[list(self.locked_a), :] = False
        ok[:, list(self.locked_b)] = False
        return ok


def align(
    a_units: tuple[Unit, ...],
    b_units: tuple[Unit, ...],
    mode: Mode,
    threshold: float = 0.0,
    tokenizer: str = "bigram",
    a_areas: list[str] | None = None,
    b_areas: list[str] | None = None,
    constraints: Constraints | None = None,
) -> "AlignResult":
    """Score and select: returns an :class:`AlignResult`.

    Candidates first: each unit's :data:`CANDIDATES` best partners by TF-IDF
    cosine, on each side (:meth:`Cosine.candidates`, memory bounded whatever
    the input size); the string scores (:func:`pair_scores`) are computed on
    those pairs only, every other pair scores 0.

    ``a_areas``/``b_areas``: the task-area heading of each unit (see
    :func:`section_prior`).  ``threshold`` (0..1), when given, replaces the mode's ``accept`` value and
    lowers ``fallback`` to match if needed.  In report-plan mode B must be the
    plan: it is the side that takes one-sided fallback partners (the caller,
    ``api.compare_documents``, puts the documents in that order).
    """
    params = PARAMS[mode]
    if threshold:
        params = AlignParams(
            accept=threshold,
            mutual=min(params.mutual, threshold),
            fallback=min(params.fallback, threshold),
            fallback_sides=params.fallback_sides,
        )
    n, m = len(a_units), len(b_units)
    cosine = unit_cosine(a_units, b_units)
    region_a = region_b = None
    if mode == Mode.REPORT_REPORT:
        codes: dict = {}
        region_a = np.array([codes.setdefault(u.region, len(codes)) for u in a_units], dtype=np.int64)
        region_b = np.array([codes.setdefault(u.region, len(codes)) for u in b_units], dtype=np.int64)

    def allowed(r0: int, r1: int) -> np.ndarray | None:
        ok = None
        if region_a is not None:
            ok = region_a[r0:r1, None] == region_b[None, :]
        if constraints:
            c = constraints.allowed_rows(r0, r1, m)
            if c is not None:
                ok = c if ok is None else ok & c
        return ok

    i, j, cv, cos_row_max, cos_col_max = cosine.candidates(CANDIDATES, allowed)
    # a pair whose decision value cannot reach any threshold never counts (nor
    # does it change which pair is best of its row or column): its score may be approximate
    floor = min(params.accept, params.mutual, params.fallback) - SECTION_BONUS
    scores = pair_scores(a_units, b_units, i, j, tokenizer, floor=floor)
    decide = scores + section_prior_pairs(i, j, a_areas, b_areas)
    groups = (_paragraph_groups(a_units), _paragraph_groups(b_units))
    edges = select_pairs(i, j, decide, (n, m), params, groups)
    if mode == Mode.REPORT_REPORT:
        # reworded sentences about the same named thing: mutual best by TF-IDF
        known = {(e.a, e.b) for e in edges}
        hit = (cv >= cos_row_max[i]) & (cv >= cos_col_max[j]) & (cv >= COSINE_MUTUAL)
        edges += [Edge(int(x), int(y), 0.0) for x, y in zip(i[hit], j[hit]) if (int(x), int(y)) not in known]
    if constraints and constraints.forced:
        known = {(e.a, e.b) for e in edges}
        edges += [Edge(x, y, 0.0) for x, y in constraints.forced if (x, y) not in known]
    # report the similarity itself (exact), not the prior-boosted decision value
    edges.sort()
    exact = pair_scores(a_units, b_units, np.array([e.a for e in edges], dtype=np.int64), np.array([e.b for e in edges], dtype=np.int64), tokenizer)
    _CLAUSE_CACHE.clear()  # hold no document past its comparison (batch workers live long)
    _OBJECTS_CACHE.clear()
    _CODES_CACHE.clear()
    return AlignResult(cosine=cosine, edges=[Edge(e.a, e.b, float(v)) for e, v in zip(edges, exact.tolist())], candidates=len(i))


@dataclass(frozen=True)
class AlignResult:
    """What the align stage returns."""

    cosine: Cosine  #: TF-IDF cosine of bigrams of A's and B's units, 0..1, block by block
    edges: list[Edge]  #: aligned pairs, sorted
    candidates: int = 0  #: pairs whose string scores were computed


#: Two reworded sentences that are each other's best TF-IDF partner at or
#: above this cosine are aligned in report-report mode.  On seeds 000/001 the
#: right counterpart of a reworded initiative scores 0.11-0.19 and the best
#: partner of a truly new one 0.04-0.12 (see tests/gold/README.md).
COSINE_MUTUAL = 0.12


#: Bonus added to the decision value of two units whose task areas have the
#: same heading (the report's （一）坚持在产业提升上… is the plan's 二、坚持在产业
#: 提升上…; both reports have a 主要预期目标 part).  Small: it breaks ties
#: between similar sentences of different areas, it never makes a pair alone.
SECTION_BONUS = 0.08
#: headings at or above this similarity (ratio, 0..100) name the same area
SAME_HEADING = 80


def _area_match(a_areas: list[str] | None, b_areas: list[str] | None):
    """Each unit's area number on each side and the (areas of A x areas of B)
    table of headings that name the same area, or None."""
    from rapidfuzz import fuzz, process

    if not a_areas or not b_areas:
        return None
    ta = sorted(set(a_areas) - {""})
    tb = sorted(set(b_areas) - {""})
    if not ta or not tb:
        return None
    same = process.cdist([match_key(t) for t in ta], [match_key(t) for t in tb], scorer=fuzz.ratio, workers=-1) >= SAME_HEADING
    pos_a = {t: k for k, t in enumerate(ta)}
    pos_b = {t: k for k, t in enumerate(tb)}
    ia = np.array([pos_a.get(x, -1) for x in a_areas])
    ib = np.array([pos_b.get(x, -1) for x in b_areas])
    return ia, ib, same


def section_prior_pairs(i: np.ndarray, j: np.ndarray, a_areas: list[str] | None, b_areas: list[str] | None) -> np.ndarray:
    """:func:`section_prior` of the pairs ``(i[p], j[p])`` only."""
    out = np.zeros(len(i), dtype=np.float32)
    got = _area_match(a_areas, b_areas)
    if got is None or not len(i):
        return out
    ia, ib, same = got
    x, y = ia[i], ib[j]
    hit = (x >= 0) & (y >= 0) & same[np.maximum(x, 0), np.maximum(y, 0)]
    out[hit] = SECTION_BONUS
    return out


def section_prior(a_units: tuple[Unit, ...], b_units: tuple[Unit, ...], a_areas: list[str] | None, b_areas: list[str] | None) -> np.ndarray:
    """Section-level alignment as a prior, shape ``(len(a_units), len(b_units))``.

    ``a_areas``/``b_areas`` give each unit the heading of its task area; the
    headings are aligned first (one small cdist over distinct headings) and
    pairs of units under matching headings get :data:`SECTION_BONUS`.
    """
    n, m = len(a_units), len(b_units)
    i, j = np.divmod(np.arange(n * m, dtype=np.int64), max(m, 1))
    return section_prior_pairs(i, j, a_areas, b_areas).reshape(n, m)


def _paragraph_groups(units: tuple[Unit, ...]) -> np.ndarray:
    """A paragraph number per unit (sentence ids end in ``.p<n>.s<k>``; an item is its own group)."""
    index: dict[str, int] = {}
    return np.array([index.setdefault(u.id.rsplit(".s", 1)[0] if ".p" in u.id else u.id, len(index)) for u in units], dtype=np.int64)
