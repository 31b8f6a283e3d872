"""Sparse term vectors, TF-IDF cosine, candidate pairs and mutual best, in numpy.

Two lists of texts become two :class:`Terms` matrices (CSR arrays: one row
per text, one column per token or character bigram of a shared vocabulary).
:class:`Cosine` gives the exact cosine of every row of A with every row of B
block by block: a block of rows of A against all of B, a bounded number of
cells at a time (:data:`BLOCK_CELLS`), so memory does not grow with
``len(A) * len(B)``.  Each block is the sum of

* the rare terms, through B's inverted index (one ``np.bincount`` over the
  products of the postings the block's terms meet), and
* the few most frequent terms (``发展``, ``推进``: each meets most rows of
  the other side), as one dense matrix product of small width.

What the callers keep from the blocks is small: the ``k`` best partners of
each row and of each column (:meth:`Cosine.candidates`), each row's best
partner among some columns (:meth:`Cosine.best`), the mutual best pairs
(:meth:`Cosine.mutual_best`).  The costly string scores of
:mod:`reportdiff.align` are computed on those candidates only.

No scipy: importing ``scipy.sparse`` costs 0.1-0.4 s, more than a whole
comparison of two reports spends in this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

__all__ = ("Terms", "Cosine", "token_matrices", "bigram_matrices", "tfidf", "pair_dots", "BLOCK_CELLS")

#: cells of one block (rows of A x rows of B): 2M float64 accumulators, 16 MiB
BLOCK_CELLS = 1 << 21
#: products of postings gathered at once inside a block (bounds the temporaries)
CHUNK = 1 << 22
#: at most this many frequent terms go through the dense product
MAX_DENSE_TERMS = 384


@dataclass(frozen=True, eq=False)
class Terms:
    """A sparse matrix in CSR arrays: row ``r`` holds terms
    ``indices[indptr[r]:indptr[r+1]]`` with weights ``data[...]``."""

    indptr: np.ndarray  #: int64, rows + 1
    indices: np.ndarray  #: int64 term ids
    data: np.ndarray  #: float32 weights
    n_terms: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def row_ids(self) -> np.ndarray:
        """The row of every stored entry."""
        return np.repeat(np.arange(self.n_rows, dtype=np.int64), np.diff(self.indptr))

    def row_sizes(self) -> np.ndarray:
        return np.diff(self.indptr)

    def with_data(self, data: np.ndarray) -> "Terms":
        return Terms(self.indptr, self.indices, data.astype(np.float32, copy=False), self.n_terms)


def token_matrices(a_docs: Iterable[Iterable[str]], b_docs: Iterable[Iterable[str]]) -> tuple[Terms, Terms]:
    """Count matrices of two lists of documents (each an iterable of tokens) over
    one shared vocabulary; a token repeated in a document is counted."""
    vocab: dict[str, int] = {}
    raw = []
    for docs in (a_docs, b_docs):
        indptr = [0]
        indices: list[int] = []
        for doc in docs:
            indices.extend(vocab.setdefault(t, len(vocab)) for t in doc)
            indptr.append(len(indices))
        raw.append((np.array(indptr, dtype=np.int64), np.array(indices, dtype=np.int64)))
    return _count_terms(raw[0], len(vocab)), _count_terms(raw[1], len(vocab))


def _count_terms(raw: tuple[np.ndarray, np.ndarray], n_vocab: int) -> Terms:
    """:class:`Terms` of documents given as CSR arrays of token ids (``indptr``, ``indices``):
    each row's distinct ids in increasing order, with their counts."""
    indptr, indices = raw
    v = max(n_vocab, 1)
    rows = np.repeat(np.arange(len(indptr) - 1, dtype=np.int64), np.diff(indptr))
    keys, counts = np.unique(rows * v + indices, return_counts=True)
    new_ptr = np.zeros(len(indptr), dtype=np.int64)
    np.cumsum(np.bincount(keys // v, minlength=len(indptr) - 1), out=new_ptr[1:])
    return Terms(new_ptr, keys % v, counts.astype(np.float32), n_vocab)


def _distinct_bigrams(key: str):
    return dict.fromkeys(key[i : i + 2] for i in range(len(key) - 1))


def bigram_matrices(a_keys: list[str], b_keys: list[str]) -> tuple[Terms, Terms]:
    """Binary matrices of the distinct character bigrams of each key.

    The same matrices as ``token_matrices`` of each key's :func:`_distinct_bigrams`
    (term ids in order of first appearance, A's keys then B's), computed on the
    code points of all keys at once: no Python loop over bigrams."""
    keys = list(a_keys) + list(b_keys)
    lens = np.array([len(k) for k in keys], dtype=np.int64)
    cp = np.frombuffer("".join(keys).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    nb = np.maximum(lens - 1, 0)  # bigrams of each key
    total = int(nb.sum())
    row = np.repeat(np.arange(len(keys), dtype=np.int64), nb)
    pos = np.repeat(np.cumsum(lens) - lens, nb) + np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(nb) - nb, nb)
    code = (cp[pos] << 21) | cp[pos + 1]  # code points < 2**21
    # each key's distinct bigrams, in order of first appearance (dict.fromkeys)
    _, first = np.unique((row << 42) | code, return_index=True)
    first.sort()
    row, code = row[first], code[first]
    # vocabulary ids in order of first appearance over all keys (vocab.setdefault)
    _, first_v, inv = np.unique(code, return_index=True, return_inverse=True)
    rank = np.empty(len(first_v), dtype=np.int64)
    rank[np.argsort(first_v, kind="stable")] = np.arange(len(first_v), dtype=np.int64)
    ids = rank[inv.ravel()]
    n_a = len(a_keys)
    split = int(np.searchsorted(row, n_a))
    out = []
    for rows, idx, n_rows, r0 in ((row[:split], ids[:split], n_a, 0), (row[split:], ids[split:], len(keys) - n_a, n_a)):
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows - r0, minlength=n_rows), out=indptr[1:])
        out.append(_count_terms((indptr, idx), len(first_v)))
    return out[0], out[1]


def tfidf(xa: Terms, xb: Terms) -> tuple[Terms, Terms]:
    """TF-IDF rows of unit length; the document frequency is counted over the rows
    of both (``idf = log((rows + 1) / (df + 1))``)."""
    df = np.bincount(xa.indices[xa.data > 0], minlength=xa.n_terms) + np.bincount(xb.indices[xb.data > 0], minlength=xb.n_terms)
    idf = np.log((xa.n_rows + xb.n_rows + 1) / (df + 1)).astype(np.float32)

    def unit_rows(x: Terms) -> Terms:
        w = x.data * idf[x.indices]
        norm = np.sqrt(np.bincount(x.row_ids(), weights=(w * w).astype(np.float64), minlength=x.n_rows))
        norm[norm == 0] = 1.0
        return x.with_data(w / norm[x.row_ids()])

    return unit_rows(xa), unit_rows(xb)


#: a mask of a block: (first row, end row) -> bool array (rows, columns of B), or None
BlockMask = Callable[[int, int], "np.ndarray | None"]


def pair_dots(xa: Terms, xb: Terms, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Dot products of row ``r[p]`` of ``xa`` with row ``c[p]`` of ``xb`` (:class:`Terms`,
    each row's terms distinct) for every ``p``, by matching (pair, term) keys: no loop over pairs."""
    n = max(xa.n_terms, xb.n_terms, 1)

    def entries(x, rows: np.ndarray):
        sizes = x.row_sizes()[rows]
        p = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
        idx = np.repeat(x.indptr[rows], sizes) + np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        return p, x.indices[idx], x.data[idx]

    pa, ta, va = entries(xa, r)
    pb, tb, vb = entries(xb, c)
    _, ia, ib = np.intersect1d(pa * n + ta, pb * n + tb, assume_unique=True, return_indices=True)
    return np.bincount(pa[ia], weights=va[ia].astype(np.float64) * vb[ib], minlength=len(r))


class Cosine:
    """Dot products of the rows of ``wa`` with the rows of ``wb`` (the cosine
    when both are :func:`tfidf` rows), block by block."""

    def __init__(self, wa: Terms, wb: Terms) -> None:
        self.wa, self.wb = wa, wb
        self.shape = (wa.n_rows, wb.n_rows)
        n_terms = max(wa.n_terms, wb.n_terms, 1)
        df_a = np.bincount(wa.indices, minlength=n_terms)
        df_b = np.bincount(wb.indices, minlength=n_terms)
        # the most frequent terms (by the products they would generate) go dense
        cost = df_a.astype(np.float64) * df_b
        budget = max(4_000_000.0, 16.0 * (len(wa.indices) + len(wb.indices)))
        order = np.argsort(-cost, kind="stable")
        excess = np.cumsum(cost[order][::-1])[::-1]  # cost of the terms from this rank on
        n_dense = int(min(np.searchsorted(-excess, -budget), MAX_DENSE_TERMS))
        dense = order[:n_dense][cost[order[:n_dense]] > 0]
        self.is_dense = np.zeros(n_terms, dtype=bool)
        self.is_dense[dense] = True
        col = np.full(n_terms, -1, dtype=np.int64)
        col[dense] = np.arange(len(dense))
        self.da = self._dense(wa, col, len(dense))
        self.db = self._dense(wb, col, len(dense))
        # B's inverted index over the sparse terms
        keep = ~self.is_dense[wb.indices]
        terms = wb.indices[keep]
        order_b = np.argsort(terms, kind="stable")
        self.b_rows = wb.row_ids()[keep][order_b]
        self.b_vals = wb.data[keep][order_b]
        self.b_count = np.bincount(terms, minlength=n_terms)
        self.b_start = np.concatenate(([0], np.cumsum(self.b_count)[:-1])).astype(np.int64)
        self.a_rows = wa.row_ids()
        #: (mask, row_best, row_arg, col_best, col_arg) of the blocks of the last
        #: :meth:`candidates`, for :meth:`best` to reuse (see there)
        self._seen: tuple | None = None

    @staticmethod
    def _dense(x: Terms, col: np.ndarray, width: int) -> np.ndarray:
        out = np.zeros((x.n_rows, width), dtype=np.float32)
        c = col[x.indices]
        hit = c >= 0
        out[x.row_ids()[hit], c[hit]] = x.data[hit]
        return out

    @property
    def T(self) -> "Cosine":
        """The same products with A and B exchanged."""
        return Cosine(self.wb, self.wa)

    def block_rows(self) -> int:
        return max(1, BLOCK_CELLS // max(self.shape[1], 1))

    def block(self, r0: int, r1: int) -> np.ndarray:
        """Exact products of rows ``r0:r1`` of A with every row of B, float32."""
        m = self.shape[1]
        n = r1 - r0
        # the first chunk's sums are the accumulator (0.0 + x is x: bincount never yields -0.0),
        # which spares a pass over the block's cells when one chunk holds all its products
        acc: np.ndarray | None = None
        lo, hi = int(self.wa.indptr[r0]), int(self.wa.indptr[r1])
        terms = self.wa.indices[lo:hi]
        keep = ~self.is_dense[terms]
        terms = terms[keep]
        vals = self.wa.data[lo:hi][keep]
        rows = self.a_rows[lo:hi][keep] - r0
        counts = self.b_count[terms]
        ends = np.cumsum(counts)
        start = 0
        while start < len(terms):
            # entries whose postings add up to about CHUNK products
            base = ends[start - 1] if start else 0
            stop = max(int(np.searchsorted(ends, base + CHUNK, side="right")), start + 1)
            c = counts[start:stop]
            total = int(c.sum())
            if total:
                rep = np.repeat(np.arange(start, stop), c)
                offs = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(c) - c, c)
                idx = self.b_start[terms[rep]] + offs
                part = np.bincount(rows[rep] * m + self.b_rows[idx], weights=vals[rep] * self.b_vals[idx], minlength=n * m)
                acc = part if acc is None else np.add(acc, part, out=acc)
            start = stop
        out = np.zeros((n, m), dtype=np.float32) if acc is None else acc.reshape(n, m).astype(np.float32)
        if self.da.shape[1]:
            out += self.da[r0:r1] @ self.db.T
        return out

    def blocks(self, mask: BlockMask | None = None) -> Iterator[tuple[int, int, np.ndarray]]:
        """``(r0, r1, block)`` over all rows of A; cells outside ``mask`` are 0."""
        step = self.block_rows()
        for r0 in range(0, self.shape[0], step):
            r1 = min(r0 + step, self.shape[0])
            blk = self.block(r0, r1)
            if mask is not None:
                keep = mask(r0, r1)
                if keep is not None:
                    blk = np.where(keep, blk, np.float32(0.0))
            yield r0, r1, blk

    def dense(self) -> np.ndarray:
        """The whole matrix (small inputs and tests only)."""
        out = np.zeros(self.shape, dtype=np.float32)
        for r0, r1, blk in self.blocks():
            out[r0:r1] = blk
        return out

    def best(self, col_mask: np.ndarray | None = None, row_mask: np.ndarray | None = None, rows: np.ndarray | None = None, cols: np.ndarray | None = None):
        """Each row's best value and column among the columns in ``col_mask``, and
        each column's best value and row among the rows in ``row_mask`` (first
        index on ties, 0 and index 0 when nothing is positive): ``(row_best,
        row_arg, col_best, col_arg)``.

        With ``rows`` and ``cols`` (bool) the caller reads only those rows' and
        columns' entries (the others may hold anything): when the mask of the last
        :meth:`candidates` is, on those rows, ``col_mask`` and, on those columns,
        ``row_mask``, the maxima that pass kept are those entries exactly (the same
        blocks, the same cells zeroed, the same first index on ties) and no block is
        computed again."""
        n, m = self.shape
        if rows is not None and cols is not None and self._seen is not None and self._same_mask(self._seen[0], col_mask, row_mask, rows, cols):
            return tuple(x.copy() for x in self._seen[1:])
        row_best = np.zeros(n, dtype=np.float32)
        row_arg = np.zeros(n, dtype=np.int64)
        col_best = np.zeros(m, dtype=np.float32)
        col_arg = np.zeros(m, dtype=np.int64)
        if not n or not m:
            return row_best, row_arg, col_best, col_arg
        for r0, r1, blk in self.blocks():
            b = blk if col_mask is None else np.where(col_mask[None, :], blk, np.float32(0.0))
            c = blk if row_mask is None else np.where(row_mask[r0:r1, None], blk, np.float32(0.0))
            _fold_best(r0, r1, b, c, row_best, row_arg, col_best, col_arg)
        return row_best, row_arg, col_best, col_arg

    def _same_mask(self, mask: BlockMask | None, col_mask: np.ndarray | None, row_mask: np.ndarray | None, rows: np.ndarray, cols: np.ndarray) -> bool:
        """Whether ``mask`` (of :meth:`blocks`) is ``col_mask`` on ``rows`` and ``row_mask`` on ``cols``."""
        n, m = self.shape
        cm = np.ones(m, dtype=bool) if col_mask is None else col_mask
        rm = np.ones(n, dtype=bool) if row_mask is None else row_mask
        step = self.block_rows()
        for r0 in range(0, n, step):
            r1 = min(r0 + step, n)
            keep = mask(r0, r1) if mask is not None else None
            if keep is None:
                keep = np.ones((r1 - r0, m), dtype=bool)
            if not (keep[rows[r0:r1]] == cm[None, :]).all() or not (keep[:, cols] == rm[r0:r1, None]).all():
                return False
        return True

    def candidates(self, k: int, mask: BlockMask | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The ``k`` best columns of each row and the ``k`` best rows of each
        column (positive values inside ``mask``), with the row and column maxima.

        Returns ``(i, j, value, row_max, col_max)``: the candidate pairs (sorted,
        distinct) and their exact values; every pair holding its row's or its
        column's maximum is among them (ties beyond ``k`` aside)."""
        n, m = self.shape
        row_max = np.zeros(n, dtype=np.float32)
        col_max = np.zeros(m, dtype=np.float32)
        if not n or not m:
            e = np.zeros(0, dtype=np.int64)
            return e, e, np.zeros(0, dtype=np.float32), row_max, col_max
        ii, jj, vv = [], [], []
        kc = min(k, n)
        kr = min(k, m)
        # running k best rows of each column, one row of these arrays per column
        top_rows = np.zeros((m, 0), dtype=np.int64)
        top_vals = np.zeros((m, 0), dtype=np.float32)
        ramp = -np.arange(1, max(m, self.block_rows()) + 1, dtype=np.float32) / np.float32(max(m, self.block_rows()) + 1)
        seen = (np.zeros(n, dtype=np.float32), np.zeros(n, dtype=np.int64), np.zeros(m, dtype=np.float32), np.zeros(m, dtype=np.int64))
        for r0, r1, blk in self.blocks(mask):
            _fold_best(r0, r1, blk, blk, *seen)
            row_max[r0:r1] = blk.max(axis=1)
            np.maximum(col_max, blk.max(axis=0), out=col_max)
            # zero cells (most of them) get distinct negative stand-ins: a selection
            # among many equal values is several times slower, and zeros never count
            part = np.argpartition(np.where(blk > 0, blk, ramp[None, :m]), m - kr, axis=1)[:, m - kr :] if kr < m else np.broadcast_to(np.arange(m), (r1 - r0, m))
            rows = np.repeat(np.arange(r0, r1), part.shape[1])
            cols = part.ravel()
            ii.append(rows)
            jj.append(cols)
            vv.append(blk[rows - r0, cols])
            # the block's k best rows of each column, merged with the running ones
            n_blk = r1 - r0
            # (computed on the block's own layout, then transposed once into rows: the
            # selection below reads each column of the block as one contiguous row)
            t = np.ascontiguousarray(np.where(blk > 0, blk, ramp[:n_blk, None]).T)
            if n_blk > kc:
                sel = np.argpartition(t, n_blk - kc, axis=1)[:, n_blk - kc :]
                t_vals, t_rows = np.take_along_axis(t, sel, axis=1), sel + r0
            else:
                t_vals, t_rows = t, np.broadcast_to(np.arange(r0, r1), (m, n_blk))
            vals2 = np.concatenate((top_vals, t_vals), axis=1)
            rows2 = np.concatenate((top_rows, t_rows), axis=1)
            if vals2.shape[1] > kc:
                sel = np.argpartition(vals2, vals2.shape[1] - kc, axis=1)[:, vals2.shape[1] - kc :]
                top_vals = np.take_along_axis(vals2, sel, axis=1)
                top_rows = np.take_along_axis(rows2, sel, axis=1)
            else:
                top_vals, top_rows = vals2, rows2
        ii.append(top_rows.ravel())
        jj.append(np.repeat(np.arange(m), top_rows.shape[1]))
        vv.append(top_vals.ravel())
        i, j, v = np.concatenate(ii), np.concatenate(jj), np.concatenate(vv)
        pos = v > 0
        i, j, v = i[pos], j[pos], v[pos]
        key, first = np.unique(i * m + j, return_index=True)
        self._seen = (mask, *seen)
        return key // m, key % m, v[first], row_max, col_max

    def mutual_best(self, floor: float, mask: BlockMask | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Pairs that are the best of their row and of their column (ties
        included) and reach ``floor``, inside ``mask``: ``(i, j)``."""
        i, j, v, row_max, col_max = self.candidates(4, mask)
        hit = (v >= row_max[i]) & (v >= col_max[j]) & (v >= floor)
        return i[hit], j[hit]


def _fold_best(r0: int, r1: int, b: np.ndarray, c: np.ndarray, row_best: np.ndarray, row_arg: np.ndarray, col_best: np.ndarray, col_arg: np.ndarray) -> None:
    """Fold block ``r0:r1`` into the running maxima of :meth:`Cosine.best`: each row's
    best of ``b`` and each column's best of ``c`` (the block with its masks applied;
    first index on ties, an earlier block kept on ties)."""
    row_arg[r0:r1] = b.argmax(axis=1)
    row_best[r0:r1] = b[np.arange(r1 - r0), row_arg[r0:r1]]
    arg = c.argmax(axis=0)
    val = c[arg, np.arange(c.shape[1])]
    better = val > col_best
    col_best[better] = val[better]
    col_arg[better] = arg[better] + r0
