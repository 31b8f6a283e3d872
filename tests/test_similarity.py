"""similarity: the block-wise sparse cosine equals a dense computation, and the candidates hold every maximum."""

import numpy as np

from reportdiff import similarity as sim
from reportdiff.align import AlignParams, select_edges, select_pairs

TEXTS_A = ["推进人造板产业绿色发展", "加快建设聊城大外环", "实施城市更新行动", "发展数字经济", "推进乡村振兴", "发展发展发展"]
TEXTS_B = ["推动人造板产业高质量发展", "建设大外环", "城市更新", "数字经济", "全面推进乡村振兴战略", "", "加强就业帮扶"]


def _dense_cosine(a, b):
    vocab = sorted({t for k in a + b for t in sim._distinct_bigrams(k)})
    pos = {t: i for i, t in enumerate(vocab)}

    def mat(keys):
        x = np.zeros((len(keys), len(vocab)))
        for r, k in enumerate(keys):
            for t in sim._distinct_bigrams(k):
                x[r, pos[t]] = 1
        return x

    xa, xb = mat(a), mat(b)
    df = (xa > 0).sum(0) + (xb > 0).sum(0)
    idf = np.log((len(a) + len(b) + 1) / (df + 1))

    def unit(x):
        w = x * idf
        n = np.linalg.norm(w, axis=1, keepdims=True)
        n[n == 0] = 1
        return w / n

    return unit(xa) @ unit(xb).T


def test_block_cosine_matches_dense(monkeypatch):
    ref = _dense_cosine(TEXTS_A, TEXTS_B)
    cos = sim.Cosine(*sim.tfidf(*sim.bigram_matrices(TEXTS_A, TEXTS_B)))
    assert np.allclose(cos.dense(), ref, atol=1e-6)
    # tiny blocks and chunks, and every term through the dense product: same values
    monkeypatch.setattr(sim, "BLOCK_CELLS", 8)
    monkeypatch.setattr(sim, "CHUNK", 3)
    assert np.allclose(cos.dense(), ref, atol=1e-6)
    assert np.allclose(cos.T.dense(), ref.T, atol=1e-6)


def test_candidates_hold_row_and_column_maxima():
    cos = sim.Cosine(*sim.tfidf(*sim.bigram_matrices(TEXTS_A, TEXTS_B)))
    ref = cos.dense()
    i, j, v, row_max, col_max = cos.candidates(1)
    assert np.allclose(v, ref[i, j]) and np.allclose(row_max, ref.max(1)) and np.allclose(col_max, ref.max(0))
    assert all(ref[r].max() == 0 or ref[r].argmax() in j[i == r] for r in range(ref.shape[0]))
    mi, mj = cos.mutual_best(0.1)
    dense = (ref >= ref.max(1, keepdims=True)) & (ref >= ref.max(0, keepdims=True)) & (ref >= 0.1)
    assert set(zip(mi.tolist(), mj.tolist())) == set(zip(*[x.tolist() for x in np.nonzero(dense)]))
    rb, ra, cb, ca = cos.best(col_mask=np.arange(len(TEXTS_B)) % 2 == 0)
    masked = np.where(np.arange(len(TEXTS_B))[None, :] % 2 == 0, ref, 0)
    assert np.allclose(rb, masked.max(1)) and (ra == masked.argmax(1)).all() and (ca == ref.argmax(0)).all()


def test_select_pairs_equals_dense_selection():
    rng = np.random.default_rng(0)
    s = (rng.random((9, 7)) ** 3).astype(np.float32)
    groups = (np.array([0, 0, 1, 1, 2, 3, 3, 4, 5]), np.array([0, 1, 1, 2, 3, 4, 4]))
    for params in (AlignParams(0.85, 0.3, 0.2, "b"), AlignParams(0.5, 0.1, 0.3)):
        i, j = np.nonzero(s > 0)
        assert select_pairs(i, j, s[i, j], s.shape, params, groups) == select_edges(s, params, None, groups)


def test_candidate_alignment_equals_scoring_every_pair():
    """align() scores candidate pairs only (and skips partial_ratio below the
    thresholds); on the seed reports it selects what scoring every pair selects."""
    from pathlib import Path

    from reportdiff import align as A
    from reportdiff.api import load_document
    from reportdiff.model import Mode
    from reportdiff.units import areas_of, units_of

    ex = Path(__file__).resolve().parent.parent / "examples"
    a, b = load_document(ex / "chiping-2022-report.txt"), load_document(ex / "chiping-2024-report.txt")
    au, bu = units_of(a, Mode.REPORT_REPORT), units_of(b, Mode.REPORT_REPORT)
    aa, ba = areas_of(a, au), areas_of(b, bu)
    res = A.align(au, bu, Mode.REPORT_REPORT, a_areas=aa, b_areas=ba)
    scores = A.score_matrix(au, bu)
    ra = np.array([u.region.value for u in au])
    rb = np.array([u.region.value for u in bu])
    mask = ra[:, None] == rb[None, :]
    dense = A.select_edges(scores + A.section_prior(au, bu, aa, ba), A.PARAMS[Mode.REPORT_REPORT], mask, (A._paragraph_groups(au), A._paragraph_groups(bu)))
    c = np.where(mask, A.tfidf_cosine(au, bu), 0.0)
    mb = (c >= c.max(axis=1, keepdims=True)) & (c >= c.max(axis=0, keepdims=True)) & (c >= A.COSINE_MUTUAL)
    expected = {(e.a, e.b) for e in dense} | {(int(i), int(j)) for i, j in zip(*np.nonzero(mb))}
    assert {(e.a, e.b) for e in res.edges} == expected
    assert all(e.score == float(scores[e.a, e.b]) for e in res.edges)
    assert res.candidates < len(au) * len(bu) / 2
