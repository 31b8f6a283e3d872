"""Pairing the task targets of two years: one to one by object and compatible unit
(:func:`pair_task_targets`), a metric redefined in another unit (:func:`pair_redefined`), kinds
and quoted names that keep two objects apart, a scope widened by 以上."""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from collections import Counter

import numpy as np

from ... import quantities as qty
from ...align import Edge
from .objects import _comparable, _counts, CONJUNCTIONS, _measures, _ONLY_TAIL, _verbs, generic, stages, TaskTarget, TOTAL


#: two objects are the same at or above this similarity (:func:`_similarity`, 0..100, plus
#: :data:`ALIGNED_BONUS`).  Chosen on the five tuning pairs of ``tests/gold/yoy``: 75 -> 70 adds
#: 1 target change on 茌平区 and 3 on 山东省 for 1 wrong pair, 65 adds 2 wrong pairs on 南宁市
#: and 茌平区 and nothing else
SAME_OBJECT = 70
#: second pass over the targets left unpaired: objects that end in the same head noun of
#: :data:`MIN_HEAD` characters or more and reach this similarity are the same object when the
#: alignment links their sentences (also when the value is the same: on the seven tuning pairs
#: that added 1 right pair and 2 wrong ones)
SAME_HEAD = 50
MIN_HEAD = 2
#: ... or, in two sentences the alignment links to nothing, that end in the same head noun of this
#: many characters (培育20个以上突破性新品种 / 培育优良动植物新品种20个; two characters, 项目 or 企业,
#: paired unrelated tasks on dev corpus pairs: 5 wrong of 6)
MIN_HEAD_ALONE = 3
#: what a link of the alignment between the two sentences adds to the similarity of their objects
ALIGNED_BONUS = 10
#: ... and, in the order pairs are taken, this many times as much
ALIGNED_RANK = 2.5
#: what naming the same stage of a project (:func:`stages`) adds to a pair's rank (not to its
#: similarity): it breaks ties between figures of one object (市级重大项目700个 / 其中新开工110个)
STAGE_RANK = 5
#: objects shorter than this are compared whole only (高铁 is in 高铁通车里程 but is not it)
MIN_PARTIAL = 4
#: weight of the shorter object's length in the in-order similarity (the rest: the longer's)
SHORT_WEIGHT = 0.75


def _names_nothing(key: str) -> bool:
    """Whether the object ``key`` is a general ending only (:func:`.objects.generic`: 项目) or one
    with a word of rank before it (重点项目建设, 重大工程: ``[worded] rank_ends`` of
    ``data/tasks.toml``): it names a rank of projects, not a thing of its own; in sentences the
    alignment does not link it pairs only with the same rank (市级重大项目 / 重大项目), not with
    another thing of that rank (252个重点项目建设 / “海上福州”重点项目100个, 102个重点项目 / 100个重点事项)."""
    from ... import vocab

    ends = vocab.pattern("tasks", "key", "generic_ends")
    rank = vocab.pattern("tasks", "worded", "rank_ends")
    return generic(key) or not ends.sub("", rank.sub("", ends.sub("", key)))


#: a run of this many characters or more that closes one object and stands inside the other
#: before a noun of its own (:func:`_qualifies_head`)
MIN_QUALIFIER_RUN = 3


def _qualifies_head(x: str, y: str) -> bool:
    """Whether one object, closing with :data:`MIN_QUALIFIER_RUN` characters or more, is written
    inside the other before another head noun (四星级村 / 星级村卫生所: the clinics of such villages;
    the two do not end alike, :func:`_head`): the other counts a thing the first only qualifies.
    A general ending, an action or a measure after it (高中 / 高中建设, 城中村 / 城中村改造项目,
    脱贫劳动力转移就业 / 脱贫劳动力转移就业规模: ``generic_ends``, ``[key] head`` verbs,
    ``redefined_measures`` of ``data/tasks.toml``) or a level closing the
    first (国家级省级 / 国家级省级高新区: ``shared_scope`` of ``data/tasks.toml``, a scope, not a thing)
    is no other head noun."""
    from ... import vocab

    if _head(x, y):
        return False
    ends = vocab.pattern("tasks", "key", "generic_ends")
    scope = vocab.pattern("tasks", "key", "shared_scope")
    measure = vocab.pattern("tasks", "key", "redefined_measures")
    for s, o in ((x, y), (y, x)):
        if scope.search(s):
            continue
        for n in range(len(s), MIN_QUALIFIER_RUN - 1, -1):
            at = o.rfind(s[-n:])
            if at < 0:
                continue
            rest = _verbs().sub("", ends.sub("", measure.sub("", o[at + n :])))
            if len(rest) >= MIN_HEAD and rest[0] not in CONJUNCTIONS:
                return True
            break
    return False


def _ends_alike(x: str, y: str) -> bool:
    """Whether one object is the other with words before it only (市级重大项目 / 重大项目)."""
    return x.endswith(y) or y.endswith(x)


def _similarity(ka: list[str], kb: list[str], need: np.ndarray | None = None) -> np.ndarray:
    """Similarity of two objects (0..100): the best of the edit ratio, 0.9 x the partial ratio
    (objects of :data:`MIN_PARTIAL` characters or more) and the characters both spell in order
    over a length between the shorter's and the longer's (老旧片区综合更新 / 片区更新).

    ``need`` (bool, ``len(ka)`` x ``len(kb)``): the pairs the caller reads; the partial ratio,
    the costly score, is computed for those only (the others may be lower than they are)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import LCSseq

    # each distinct object once (targets repeat their objects), spread back at the end
    ua, ia = np.unique(np.array(ka, dtype=object), return_inverse=True)
    ub, ib = np.unique(np.array(kb, dtype=object), return_inverse=True)
    ka, kb = ua.tolist(), ub.tolist()
    sim = process.cdist(ka, kb, scorer=fuzz.ratio, workers=-1)
    la, lb = np.array([len(k) for k in ka], dtype=float), np.array([len(k) for k in kb], dtype=float)
    short, long_ = np.minimum.outer(la, lb), np.maximum.outer(la, lb)
    if need is None:
        part = process.cdist(ka, kb, scorer=fuzz.partial_ratio, workers=-1)
    else:
        # the pairs of distinct objects some needed pair of targets has (same scores as cdist's)
        todo = np.zeros((len(ka), len(kb)), dtype=bool)
        r, c = np.nonzero(need)
        todo[ia[r], ib[c]] = True
        r, c = np.nonzero(todo & (short >= MIN_PARTIAL))
        part = np.zeros((len(ka), len(kb)), dtype=np.float32)
        part[r, c] = process.cpdist([ka[x] for x in r.tolist()], [kb[y] for y in c.tolist()], scorer=fuzz.partial_ratio, workers=-1, dtype=np.float32)
    lcs = process.cdist(ka, kb, scorer=LCSseq.similarity, workers=-1).astype(float)
    spelled = 100.0 * lcs / (SHORT_WEIGHT * short + (1 - SHORT_WEIGHT) * long_)
    return np.maximum.reduce([sim, 0.9 * part * (short >= MIN_PARTIAL), spelled])[ia[:, None], ib[None, :]]


#: a word of an object (:func:`_reordered`): a run of this many characters or more
MIN_WORD = 2
#: ... and an object is read as words in any order when it has this many characters or more
MIN_REORDERED = 6


def _reordered(x: str, y: str) -> float:
    """Similarity (0..100) of two objects read as words in any order: the runs of
    :data:`MIN_WORD` characters or more both write, longest first, each character used once
    (闲置农房盘活利用 / 激活利用闲置农房: 闲置农房 and 活利用, 7 of 8 characters each), over the same
    length as the in-order score of :func:`_similarity`.  Two runs at least, and objects of
    :data:`MIN_REORDERED` characters or more: one shared word is what the in-order scores read,
    and in shorter objects two words shared are most of what they say (企业技改 / 技改企业).
    A general ending (项目, 工程: ``generic_ends``) is no word of the thing, and an object that
    joins two things (城市更新项目和一批城中村, :data:`.objects.CONJUNCTIONS`) is not read in
    any order: its words belong to one thing or the other."""
    from ... import vocab

    if any(c in x or c in y for c in CONJUNCTIONS):
        return 0.0
    ends = vocab.pattern("tasks", "key", "generic_ends")
    x, y = ends.sub("", x), ends.sub("", y)
    if min(len(x), len(y)) < MIN_REORDERED:
        return 0.0
    import difflib

    a, b = list(x), list(y)
    shared = runs = 0
    while True:
        m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
        if m.size < MIN_WORD:
            break
        shared += m.size
        runs += 1
        # used characters are replaced by marks no object writes and no two of which match
        a[m.a : m.a + m.size] = ["\x00"] * m.size
        b[m.b : m.b + m.size] = ["\x01"] * m.size
    if runs < 2:
        return 0.0
    short, long_ = sorted((len(x), len(y)))
    return 100.0 * shared / (SHORT_WEIGHT * short + (1 - SHORT_WEIGHT) * long_)


def pair_task_targets(ta: list[TaskTarget], tb: list[TaskTarget], edges: list[Edge]) -> list[tuple[TaskTarget, TaskTarget, float]]:
    """One-to-one pairs of targets of the two years that count the same object in a
    compatible unit, most similar first (see :data:`SAME_OBJECT`, :data:`ALIGNED_BONUS`)."""
    if not ta or not tb:
        return []
    # which pairs of sentences the alignment linked, and which units compare (by unit
    # name only: one small table over the distinct names), as whole matrices
    ua = np.array([x.unit for x in ta], dtype=np.int64)
    ub = np.array([y.unit for y in tb], dtype=np.int64)
    pos_a = {u: k for k, u in enumerate(np.unique(ua).tolist())}
    pos_b = {u: k for k, u in enumerate(np.unique(ub).tolist())}
    link = np.zeros((len(pos_a), len(pos_b)), dtype=bool)
    for e in edges:
        if e.a in pos_a and e.b in pos_b:
            link[pos_a[e.a], pos_b[e.b]] = True
    la = np.array([pos_a[u] for u in ua.tolist()], dtype=np.int64)
    lb = np.array([pos_b[u] for u in ub.tolist()], dtype=np.int64)
    bonus = np.where(link[la[:, None], lb[None, :]], float(ALIGNED_BONUS), 0.0)
    names_a = {x.quantity.unit: x.quantity for x in ta}
    names_b = {y.quantity.unit: y.quantity for y in tb}
    na, nb = list(names_a), list(names_b)
    table = np.array([[_comparable(names_a[p], names_b[q]) for q in nb] for p in na], dtype=bool).reshape(len(na), len(nb))
    ka = {p: k for k, p in enumerate(na)}
    kb = {q: k for k, q in enumerate(nb)}
    dim = table[np.array([ka[x.quantity.unit] for x in ta], dtype=np.int64)[:, None], np.array([kb[y.quantity.unit] for y in tb], dtype=np.int64)[None, :]]
    sim = _similarity([t.key for t in ta], [t.key for t in tb], need=dim)  # read only where the units compare
    score = np.where(dim, sim + bonus, -1.0)
    # among eligible pairs, a pair of sentences the alignment linked goes first (34个在建项目 of
    # the motorway sentence is its 34个续建项目, not another sentence's 6个在建项目)
    # ... and, between objects alike, two that name the same stage of a project (开工, 建成)
    # (over the distinct stage sets, then spread: most targets name no stage)
    sa, sb = list(dict.fromkeys(x.stage for x in ta)), list(dict.fromkeys(y.stage for y in tb))
    ia, ib = {st: k for k, st in enumerate(sa)}, {st: k for k, st in enumerate(sb)}
    stage_table = np.array([[bool(p & q) for q in sb] for p in sa], dtype=bool).reshape(len(sa), len(sb))
    staged = stage_table[np.array([ia[x.stage] for x in ta], dtype=np.int64)[:, None], np.array([ib[y.stage] for y in tb], dtype=np.int64)[None, :]]
    # objects of linked sentences written with the same words in another order (闲置农房盘活利用 /
    # 激活利用闲置农房): the words they share, taken in any order (:func:`_reordered`)
    for i, j in zip(*np.nonzero(dim & (bonus > 0) & (sim + bonus < SAME_OBJECT))):
        r = _reordered(ta[i].key, tb[j].key)
        if r > sim[i, j]:
            sim[i, j] = r
            score[i, j] = r + bonus[i, j]
    rank = np.where(score >= SAME_OBJECT, sim + bonus * ALIGNED_RANK + STAGE_RANK * staged, -1.0)
    apart = _stages_apart(ta, tb)
    rank[apart] = -1.0
    out = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    count_a, count_b = Counter(k for k, _ in {(t.key, t.unit) for t in ta}), Counter(k for k, _ in {(t.key, t.unit) for t in tb})
    order = np.argsort(-rank, axis=None, kind="stable")
    for flat in order:
        i, j = divmod(int(flat), len(tb))
        if rank[i, j] < 0:
            break
        if i in used_a or j in used_b or _names_missing(ta[i], tb[j]) or _kinds_differ(ta[i].key, tb[j].key) or _kind_one_side(ta[i].key, tb[j].key):
            continue
        if not link[la[i], lb[j]] and (count_a[ta[i].key] > 1 or count_b[tb[j].key] > 1):
            continue  # an object several sentences count (年度投资 of each sector): the alignment says which
        if not link[la[i], lb[j]] and (generic(ta[i].key) or generic(tb[j].key)):
            continue  # 滚动推进163个项目 names no thing: only the alignment can say what it counts
        if not link[la[i], lb[j]] and (_names_nothing(ta[i].key) or _names_nothing(tb[j].key)) and not _ends_alike(ta[i].key, tb[j].key):
            continue  # 252个重点项目建设 / “海上福州”重点项目100个, 重点项目 / 重点事项: the same rank of another thing
        if not link[la[i], lb[j]] and _qualifies_head(ta[i].key, tb[j].key):
            continue  # 四星级村50个 / 星级村卫生所300家: the clinics of such villages, not the villages
        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], float(score[i, j])))
    # second pass: targets left over whose objects end in the same head noun (新品种, 片区,
    # 机构) and are otherwise alike, in sentences the alignment linked (新创建省级示范片区70个左右
    # -> 新增省级乡村振兴片区75个)
    linked_a, linked_b = {e.a for e in edges}, {e.b for e in edges}
    between = _between_links(edges, list(pos_a), list(pos_b))
    second = np.where(dim & (sim >= SAME_HEAD) & ~apart, sim + bonus * ALIGNED_RANK, -1.0)
    for flat in np.argsort(-second, axis=None, kind="stable"):
        i, j = divmod(int(flat), len(tb))
        if second[i, j] < 0:
            break
        if i in used_a or j in used_b or _head(ta[i].key, tb[j].key) < MIN_HEAD or _kinds_differ(ta[i].key, tb[j].key) or _kind_one_side(ta[i].key, tb[j].key):
            continue
        if _names_missing(ta[i], tb[j]) and not (link[la[i], lb[j]] and (_names_nothing(ta[i].key) or _names_nothing(tb[j].key))):
            continue  # ... unless one object names no thing in a sentence the alignment links: the link says what it counts
        if not link[la[i], lb[j]] and (ta[i].unit in linked_a or tb[j].unit in linked_b or (_head(ta[i].key, tb[j].key) < MIN_HEAD_ALONE and not between[la[i], lb[j]])):
            continue  # sentences the alignment linked, two it links to nothing between the same links, or sharing a longer head
        if not link[la[i], lb[j]] and (count_a[ta[i].key] > 1 or count_b[tb[j].key] > 1):
            continue

        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], float(score[i, j])))
    # third pass: in sentences the alignment linked, the one target left of each side that compares
    # with one left of the other (each the other's only such partner) and shares a head noun of
    # :data:`MIN_HEAD_ALONE` characters or more with it (创建美丽乡村示范村1000个以上 / 创建“千村示范村”
    # 1000个): the one task each year states there, named another way.  Two characters paired
    # 基础设施投资 / 工业技改投资 on a tuning pair (two sectors)
    sole = dim & ~apart & link[la[:, None], lb[None, :]] & _unused(len(ta), used_a)[:, None] & _unused(len(tb), used_b)[None, :]
    sole &= (sole.sum(axis=1) == 1)[:, None] & (sole.sum(axis=0) == 1)[None, :]
    for i, j in zip(*np.nonzero(sole)):
        x, y = ta[i], tb[j]
        if _head(x.key, y.key) < MIN_HEAD_ALONE or generic(_shared_end(x.key, y.key)) or _kinds_differ(x.key, y.key) or _kind_one_side(x.key, y.key):
            continue
        used_a.add(int(i))
        used_b.add(int(j))
        out.append((x, y, float(score[i, j])))
    # fourth pass: an object naming a kind against the other year's naming its broader kind
    # (风电光伏并网装机 / 可再生能源装机: ``[broader]`` of ``data/tasks.toml``), alike once the kind is
    # read as the broader one
    for i, j, sc in _broader_pairs(ta, tb, dim & ~apart, used_a, used_b):
        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], sc))
    # fifth pass: in sentences the alignment linked, targets left over that name one programme
    # (the same quoted name: “科创甬江2035”关键核心技术攻关200项 / “科创甬江2035”重点研发计划100项)
    # or one thing in words the other's clause all writes (燃气、供排水等地下管网新建改造3500公里 /
    # 燃气和供排水管网5200公里), each the other's only such partner
    for i, j in _named_alike(ta, tb, dim & ~apart & link[la[:, None], lb[None, :]], used_a, used_b):
        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], float(score[i, j])))
    # sixth pass: targets left over whose metrics are one known indicator under two names
    # (R&D经费支出占GDP比重 / 全社会研发投入强度: ``data/metrics.toml``), each the other's only one
    for i, j in _one_indicator(ta, tb, dim & ~apart, used_a, used_b):
        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], float(score[i, j])))
    # an object several sentences count (年度投资 of each sector) pairs where the two sentences
    # pair another object too (the sector's projects: 7200个重大产业项目 / 5500个重大项目, which may
    # be such an object itself) or where one of them counts nothing else (完成投资3250亿元 /
    # 交通、水利分别完成投资…); parallel sentences whose sectors were regrouped (970个新基建项目 /
    # 600个医教康育服务项目, 年度投资 of each) do not
    both = Counter((x.unit, y.unit) for x, y, _ in out)
    others_a, others_b = Counter(t.unit for t in ta), Counter(t.unit for t in tb)
    out = [
        (x, y, s)
        for x, y, s in out
        if (count_a[x.key] == 1 and count_b[y.key] == 1) or both[(x.unit, y.unit)] > 1 or others_a[x.unit] == 1 or others_b[y.unit] == 1
    ]
    out.sort(key=lambda p: (p[0].unit, p[0].quantity.start))
    return out


#: two sentences the alignment links to nothing are read as aligned (:func:`_between_links`) when
#: the links around them span this many sentences or fewer of each report
MAX_GAP = 12


def _between_links(edges: list[Edge], units_a: list[int], units_b: list[int]) -> np.ndarray:
    """Which pairs of sentences (``units_a`` x ``units_b``, indices of the two reports' units) the
    alignment links to nothing and sets between the same links: each sentence lies after the
    sentences the links of the other's nearest linked sentence before it reach and before those
    of its nearest linked sentence after it, within :data:`MAX_GAP` sentences (A 257 -> B 292,
    A 260 -> B 303: A 258 and B 301 stand where one another stood).  None with no link on one side."""
    to_b: dict[int, set[int]] = {}
    to_a: dict[int, set[int]] = {}
    for e in edges:
        to_b.setdefault(e.a, set()).add(e.b)
        to_a.setdefault(e.b, set()).add(e.a)
    sa, sb = sorted(to_b), sorted(to_a)

    def span(u: int, linked: list[int], links: dict[int, set[int]]) -> tuple[int, int]:
        k = bisect.bisect_left(linked, u)
        if (k < len(linked) and linked[k] == u) or k == 0 or k == len(linked):
            return (0, 0)  # linked itself, or no link on one side of it: an empty span
        lo, hi = min(links[linked[k - 1]]), max(links[linked[k]])
        return (lo, hi) if 0 < hi - lo <= MAX_GAP else (0, 0)

    ua, ub = np.array(units_a, dtype=int), np.array(units_b, dtype=int)
    sp_a = np.array([span(u, sa, to_b) for u in units_a], dtype=int).reshape(-1, 2)
    sp_b = np.array([span(v, sb, to_a) for v in units_b], dtype=int).reshape(-1, 2)
    # B's sentence inside A's span, and A's inside B's (an empty span (0, 0) holds nothing)
    b_in_a = (sp_a[:, :1] < ub[None, :]) & (ub[None, :] < sp_a[:, 1:])
    a_in_b = (sp_b[:, :1].T < ua[:, None]) & (ua[:, None] < sp_b[:, 1:].T)
    return b_in_a & a_in_b


def _programmes(t: TaskTarget) -> set[str]:
    """The quoted names that qualify the noun of the object of ``t`` (as :func:`_quoted_names`
    reads them), as its key writes them (figures left out: “科创甬江2035” -> 科创甬江)."""
    out = set()
    for m in re.finditer(r"“([^”]{2,})”([\u4e00-\u9fff])", t.clause):
        k = re.sub(r"[#\d.]", "", qty.metric_key(m.group(1)))
        if m.group(2) not in "各等和及与" and len(k) >= MIN_HEAD and k + m.group(2) in t.key:
            out.add(k)
    return out


#: verbs of building and renewal closing an object (地下管网新建改造): ``[key] head`` verbs at its end
@functools.lru_cache(maxsize=1)
def _closing_verbs() -> re.Pattern:
    return re.compile(_verbs().pattern + "+$")


def _thing(key: str) -> str:
    """``key`` without the verbs and general endings that close it (地下管网新建改造 -> 地下管网)."""
    from ... import vocab

    ends = vocab.pattern("tasks", "key", "generic_ends")
    for _ in range(3):
        nxt = ends.sub("", _closing_verbs().sub("", key))
        if nxt == key or not nxt:
            break
        key = nxt
    return key


#: an object is written in the other target's clause when runs of this many characters or more
#: of the clause spell all of it (燃气和供排水管网 in 完成燃气、供排水等地下管网新建改造: 燃气, 供排水, 管网)
MIN_WRITTEN_RUN = 2
#: ... and it has this many characters or more besides its conjunctions
MIN_WRITTEN = 4


def _written_in(key: str, clause: str) -> bool:
    """Whether the object ``key`` (its conjunctions left out) is spelled all through by runs of
    :data:`MIN_WRITTEN_RUN` characters or more of ``clause`` (normalized as keys are), longest first."""
    a = [c for c in key if c not in CONJUNCTIONS]
    if len(a) < MIN_WRITTEN:
        return False
    b = list(qty.metric_key(clause))
    covered = 0
    while True:
        m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
        if m.size < MIN_WRITTEN_RUN:
            break
        covered += m.size
        a[m.a : m.a + m.size] = ["\x00"] * m.size
        b[m.b : m.b + m.size] = ["\x01"] * m.size
    return covered == len([c for c in key if c not in CONJUNCTIONS])


def _named_alike(ta: list[TaskTarget], tb: list[TaskTarget], ok: np.ndarray, used_a: set[int], used_b: set[int]) -> list[tuple[int, int]]:
    """Unpaired targets (``ok``: may pair, in linked sentences) that name one thing: the same
    programme (:func:`_programmes`), or objects ending in one head noun once their closing verbs
    are read off (:func:`_thing`) of which one is written all through in the other's clause
    (:func:`_written_in`); kinds and names told apart as the other passes do.  Only pairs where
    each is the other's one such partner."""
    free = ok & _unused(len(ta), used_a)[:, None] & _unused(len(tb), used_b)[None, :]
    cand = np.zeros(free.shape, dtype=bool)
    for i, j in zip(*np.nonzero(free)):
        x, y = ta[i], tb[j]
        if _kinds_differ(x.key, y.key) or _kind_one_side(x.key, y.key) or _names_missing(x, y):
            continue
        if _programmes(x) & _programmes(y):
            cand[i, j] = True
            continue
        tx, ty = _thing(x.key), _thing(y.key)
        if _head(tx, ty) >= MIN_HEAD and not generic(_shared_end(tx, ty)) and (_written_in(tx, y.clause) or _written_in(ty, x.clause)):
            cand[i, j] = True
    cand &= (cand.sum(axis=1) == 1)[:, None] & (cand.sum(axis=0) == 1)[None, :]
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(cand))]


def _indicator(t: TaskTarget) -> str:
    """The known indicator (``data/metrics.toml``) the metric of ``t`` names, or '': only one it
    names whole, with nothing before its name but the verbs and time words that open a task
    (``[key] head`` of ``data/tasks.toml``) and a scope of the whole (``[key] whole_scope``:
    全社会): 城市更新固定资产投资 is part of 固定资产投资, not the indicator."""
    from ... import vocab
    from ...normalize import fold
    from ...structure.targets import _any_metric, _known, _NOT_KEY, _outer_group

    k = _NOT_KEY.sub("", fold(re.sub(r"\[\d+\]$", "", t.quantity.metric)))
    rx, names = _any_metric()
    m = rx.search(k)
    if m is None or names[_outer_group(m)] not in _known():
        return ""
    head, whole = vocab.pattern("tasks", "key", "head"), vocab.pattern("tasks", "key", "whole_scope")
    before = k[: m.start()]
    while True:
        nxt = whole.sub("", head.sub("", before))
        if nxt == before:
            break
        before = nxt
    return "" if before else names[_outer_group(m)]


#: a year written in a clause (2030年)
_YEAR = re.compile(r"(?:19|20)\d\d年")


def _one_indicator(ta: list[TaskTarget], tb: list[TaskTarget], ok: np.ndarray, used_a: set[int], used_b: set[int]) -> list[tuple[int, int]]:
    """Unpaired targets (``ok``: may pair) whose metrics name one known indicator (:func:`_indicator`),
    where each is the other's only such partner and neither report states that indicator again."""
    free = ok & _unused(len(ta), used_a)[:, None] & _unused(len(tb), used_b)[None, :]
    # a clause that names a year sets a target of that horizon (粮食综合生产能力2030年达到305亿斤),
    # not of the year of the report: it is no partner, but it still states the indicator
    ia, ib = [_indicator(x) for x in ta], [_indicator(y) for y in tb]
    dated_a = np.array([bool(_YEAR.search(x.clause)) for x in ta], dtype=bool)
    dated_b = np.array([bool(_YEAR.search(y.clause)) for y in tb], dtype=bool)
    free &= ~dated_a[:, None] & ~dated_b[None, :]
    na, nb = Counter(k for k in ia if k), Counter(k for k in ib if k)
    out = []
    for i, j in zip(*np.nonzero(free)):
        k = ia[i]
        if k and k == ib[j] and na[k] == 1 and nb[k] == 1 and not _kinds_differ(ta[i].key, tb[j].key):
            out.append((int(i), int(j)))
    return out


def _unused(n: int, used: set[int]) -> np.ndarray:
    """Which of ``n`` targets no pass has paired yet (``used``: their indices)."""
    return np.array([i not in used for i in range(n)], dtype=bool)


@functools.lru_cache(maxsize=1)
def _broader() -> tuple[tuple[str, re.Pattern], ...]:
    from ... import vocab

    return tuple((broad, re.compile("|".join(sorted(map(re.escape, kinds), key=len, reverse=True)))) for broad, kinds in vocab.load("tasks").get("broader", {}).items())


def _widened(key: str) -> tuple[str, str]:
    """``key`` with the first kind it names read as its broader kind, and that broader kind
    (风电光伏并网装机 -> 可再生能源并网装机, 可再生能源); ("", "") when it names none."""
    for broad, rx in _broader():
        if broad not in key and rx.search(key):
            return rx.sub(broad, key, count=1), broad
    return "", ""


def _broader_pairs(ta: list[TaskTarget], tb: list[TaskTarget], ok: np.ndarray, used_a: set[int], used_b: set[int]) -> list[tuple[int, int, float]]:
    """Unpaired targets (``ok``: may pair) of which one names a kind and the other its broader
    kind, alike (:data:`SAME_OBJECT`) once the kind is read as the broader one; best first."""
    free = ok & _unused(len(ta), used_a)[:, None] & _unused(len(tb), used_b)[None, :]
    score = np.full(free.shape, -1.0)
    for xs, ys, flip in ((ta, tb, False), (tb, ta, True)):
        wide = [_widened(y.key) for y in ys]
        if not any(w for w, _ in wide):
            continue
        # pairs where the other side names the broader kind itself
        broad_of = np.array([b for _, b in wide], dtype=object)
        keys = [x.key for x in xs]
        cand = np.zeros((len(xs), len(ys)), dtype=bool)
        for b in set(broad_of.tolist()) - {""}:
            cand |= np.array([b in k for k in keys], dtype=bool)[:, None] & (broad_of == b)[None, :]
        mask = cand & (free.T if flip else free)
        if not mask.any():
            continue
        sim = _similarity(keys, [w or y.key for (w, _), y in zip(wide, ys)], need=mask)
        sim = np.where(mask, sim, -1.0)
        score = np.maximum(score, sim.T if flip else sim)
    out = []
    ua: set[int] = set()
    ub: set[int] = set()
    for flat in np.argsort(-score, axis=None, kind="stable"):
        i, j = divmod(int(flat), score.shape[1])
        if score[i, j] < SAME_OBJECT:
            break
        if i not in ua and j not in ub:
            ua.add(i)
            ub.add(j)
            out.append((i, j, float(score[i, j])))
    return out


def _stage_groups() -> dict[str, str]:
    """Stages of a project that name one stage (``same_stage`` of ``data/tasks.toml``: 在建 is 续建)."""
    from ... import vocab

    return {k: v for v, ks in vocab.load("tasks").get("same_stage", {}).items() for k in ks}


def _stages_apart(ta: list[TaskTarget], tb: list[TaskTarget]) -> np.ndarray:
    """Pairs of targets that are not one task by the stage of the project they name
    (:func:`~.objects.stages`): two stages named and none shared (续建…7个项目 / 新开工…5个项目),
    or a figure naming no stage against one stage of a sentence that counts several
    (推进50个港航项目 / 开工…6个航运项目，续建…22个项目，建成…7个项目: the total is none of its
    parts).  Over the distinct stage sets, then spread (most targets name no stage)."""
    groups = _stage_groups()

    def norm(st: frozenset[str]) -> frozenset[str]:
        return frozenset(groups.get(x, x) for x in st)

    def several(ts: list[TaskTarget]) -> np.ndarray:
        # the stages the clauses of a sentence name before figures in one unit (开工…6个, 续建…22个,
        # 建成…7个项目; 续建新建地下管网3000公里 and 建成充电桩2万个 are two things)
        # figures, each its own stage: 建成和开工建设未来社区110个 is one figure of two stages
        by_unit: dict[tuple[int, str], set[frozenset[str]]] = {}
        for t in ts:
            st = norm(t.stage | stages(t.clause))
            if st and t.quantity.unit in _counts():  # counts of projects, not a grade (2000吨级航道)
                by_unit.setdefault((t.unit, t.quantity.unit), set()).add(st)
        return np.array([len(by_unit.get((t.unit, t.quantity.unit), ())) > 1 for t in ts], dtype=bool)

    na, nb = [norm(x.stage) for x in ta], [norm(y.stage) for y in tb]
    sa, sb = list(dict.fromkeys(na)), list(dict.fromkeys(nb))
    ia, ib = {st: k for k, st in enumerate(sa)}, {st: k for k, st in enumerate(sb)}
    disjoint = np.array([[bool(p) and bool(q) and not (p & q) for q in sb] for p in sa], dtype=bool).reshape(len(sa), len(sb))
    ra = np.array([ia[st] for st in na], dtype=np.int64)
    rb = np.array([ib[st] for st in nb], dtype=np.int64)
    out = disjoint[ra[:, None], rb[None, :]]
    # a running total is a level reached, as a figure naming no stage is
    none_a = np.array([not (st - {TOTAL}) for st in na], dtype=bool)
    none_b = np.array([not (st - {TOTAL}) for st in nb], dtype=bool)
    out |= none_a[:, None] & (~none_b & several(tb))[None, :]
    out |= (~none_a & several(ta))[:, None] & none_b[None, :]
    # a share of a total (高技术制造业增加值占规上工业增加值比重达13%) is not the total's own figure
    # (规上工业增加值增长8%); its part's may be (民间投资占比52% / 民间投资增长10%, a unit redefined)
    for i, x in enumerate(ta):
        m = _SHARE_OF.search(x.key)
        if m:
            out[i] |= np.array([not _SHARE_OF.search(y.key) and _total_of(m.group(0)) in y.key for y in tb], dtype=bool)
    for j, y in enumerate(tb):
        m = _SHARE_OF.search(y.key)
        if m:
            out[:, j] |= np.array([not _SHARE_OF.search(x.key) and _total_of(m.group(0)) in x.key for x in ta], dtype=bool)
    return out


def _total_of(share: str) -> str:
    """The total a share is of (占规上工业增加值比重达 -> 规上工业增加值)."""
    return re.sub(r"(?:比重|比例)(?:超过|超|达到|达)?$", "", share[1:])


#: a metric redefined (:func:`pair_redefined`): the two objects, read without what measures them
#: (``redefined_measures`` of ``data/tasks.toml``), are the same at or above this similarity, and
#: the thing left has this many characters or more
SAME_REDEFINED = 90
MIN_REDEFINED = 4


#: the total a share is taken of, closing an object (占规模以上工业总产值比重超)
_SHARE_OF = re.compile(r"占[^占]{2,}?(?:比重|比例)(?:超过|超|达到|达)?$")


def _measured(key: str) -> str:
    """The thing an object measures (技术合同成交额 -> 技术合同, 农产品加工转化率 -> 农产品加工):
    ``key`` without its measure ending and general ending (项目, 工程)."""
    from ... import vocab

    rx = vocab.pattern("tasks", "key", "redefined_measures")
    ends = vocab.pattern("tasks", "key", "generic_ends")
    # a share of a total measures its own part (战略性新兴产业产值占规上工业总产值比重超35%: the
    # thing is 战略性新兴产业, which the other year may measure as an amount)
    thing = _SHARE_OF.sub("", key) or key
    # a qualifier after the measure (新能源汽车整车产量增速超40%: ``[key] tail`` reads 超过, not 超 or
    # 突破, which may end a noun, 商超); read off only where a measure stands before it
    q = vocab.pattern("tasks", "key", "measure_qualifier").search(thing)
    if q and rx.search(thing[: q.start()]):
        thing = thing[: q.start()]
    for _ in range(2):
        thing = ends.sub("", rx.sub("", _ONLY_TAIL.sub("", thing)))
    return thing


def _same_thing(x: str, y: str) -> bool:
    """Whether two things measured (:func:`_measured`) are one thing however their sentences are
    aligned: equal, or the longer one is the shorter with words before it only (巩固提升农村供水保障 /
    农村供水保障), :data:`MIN_REDEFINED` characters or more."""
    short, long_ = sorted((x, y), key=len)
    return len(short) >= MIN_REDEFINED and long_.endswith(short)


def pair_redefined(ta: list[TaskTarget], tb: list[TaskTarget], pairs, edges: list[Edge]) -> list[tuple[TaskTarget, TaskTarget, float]]:
    """Targets left unpaired by :func:`pair_task_targets` that quantify the same thing in units
    that do not compare (a growth rate one year, an amount the next: 技术合同成交额增长15%左右 ->
    技术合同成交额突破200亿元): the metric redefined.  The two sentences must be linked by the
    alignment, the things measured (:func:`_measured`) alike (:data:`SAME_REDEFINED`) and each the
    other's best such match; one to one.  Two sentences the alignment does not link are read when
    the things are one (:func:`_same_thing`)."""
    paired_a = {id(x) for x, _, _ in pairs}
    paired_b = {id(y) for _, y, _ in pairs}
    from ... import vocab

    size = set(vocab.load("tasks")["units"]["size_classes"])

    def unpaired(ts: list[TaskTarget], paired: set[int]) -> list[tuple[TaskTarget, str]]:
        """(target, the thing it measures) of the unpaired targets whose thing is long enough to compare."""
        measured = [(t, _measured(t.key)) for t in ts if id(t) not in paired and t.quantity.unit not in size]
        return [(t, th) for t, th in measured if len(th) >= MIN_REDEFINED]

    ma, mb = unpaired(ta, paired_a), unpaired(tb, paired_b)
    if not ma or not mb:
        return []
    la, things_a = [x for x, _ in ma], [th for _, th in ma]
    lb, things_b = [y for y, _ in mb], [th for _, th in mb]
    linked = {(e.a, e.b) for e in edges}
    sim = _similarity(things_a, things_b)
    ok = np.zeros(sim.shape, dtype=bool)  # read only where the things are alike enough to count
    for i, j in zip(*np.nonzero(sim >= SAME_REDEFINED)):
        x, y = la[i], lb[j]
        ok[i, j] = ((x.unit, y.unit) in linked or _same_thing(things_a[i], things_b[j])) and not _comparable(x.quantity, y.quantity)
    score = np.where(ok, sim, -1.0)
    out = []
    for i in range(len(la)):
        j = int(np.argmax(score[i]))
        if score[i, j] < 0 or int(np.argmax(score[:, j])) != i or _names_missing(la[i], lb[j]) or _kinds_differ(la[i].key, lb[j].key):
            continue
        if score[i, j] in np.delete(score[i], j) or score[i, j] in np.delete(score[:, j], i):
            continue  # two equally good partners: which one is meant is not said
        out.append((la[i], lb[j], float(score[i, j])))
    return out


def _quoted_names(t: TaskTarget) -> list[str]:
    """The quoted names that qualify the noun of the object of ``t`` (企业“四化”改造升级,
    “好房子”示范项目); a name that is the whole object or an item of a list (“四好农村路”,
    制造业单项冠军、“小巨人”各30家, “无废园区”“无废工厂”10个) is not one."""
    return [m.group(1) for m in re.finditer(r"“([^”]{2,})”([\u4e00-\u9fff])", t.clause) if m.group(2) not in "各等和及与" and qty.metric_key(m.group(1) + m.group(2)) in t.key]


def _names_missing(x: TaskTarget, y: TaskTarget) -> bool:
    """Whether the object of one target holds a quoted name (a programme's own name:
    企业“四化”改造升级) that the other target's clause does not write, nor :data:`MIN_HEAD_ALONE`
    characters of it in a run, and what follows the name in the object shares fewer than that
    many characters in a run with the other object: they count different things (中小企业数字化改造;
    “四首”产品 / 企业创新产品), unless the rest names the same thing (“百县千企万店”促消费重点活动 /
    促消费活动) or the other clause names part of it (“高效办成一件事”场景 / “一件事”应用场景)."""
    for s, o in ((x, y), (y, x)):
        other = qty.metric_key(o.clause.replace("“", "").replace("”", ""))
        for n in _quoted_names(s):
            k = qty.metric_key(n)
            rest = s.key[s.key.find(k) + len(k) :]
            if k not in other and _shared_run(k, other) < MIN_HEAD_ALONE and _shared_run(rest, o.key) < MIN_HEAD_ALONE:
                return True
    return False


@functools.lru_cache(maxsize=1)
def _kind_groups() -> tuple[tuple[re.Pattern, ...], ...]:
    from ... import vocab

    return tuple(tuple(re.compile(k) for k in g) for g in vocab.load("tasks")["kinds"]["groups"])


@functools.lru_cache(maxsize=1)
def _levels() -> tuple[re.Pattern, ...]:
    from ... import vocab

    return tuple(re.compile(k) for k in vocab.load("tasks")["kinds"]["levels"])


def _levels_differ(x: str, y: str) -> bool:
    """Whether ``x`` and ``y`` each name a level of government of ``[kinds] levels`` that the other
    does not name (省科技领军企业 / 国家科技领军企业): things of different levels.  One naming no
    level, or the other's and more (国家级和省级), is not told apart."""
    kx = {i for i, k in enumerate(_levels()) if k.search(x)}
    ky = {i for i, k in enumerate(_levels()) if k.search(y)}
    return bool(kx - ky and ky - kx)


#: an amount of money opening an object: the size class of the things counted (50亿元以上农业全产业链)
_SIZE = re.compile(r"^(?:[\d.]+[万亿]*|[万亿]+)元(?:以上)?")


def _sizes_apart(x: str, y: str) -> bool:
    """Whether objects ``x`` and ``y`` both open with a size class (:data:`_SIZE`) and do not end
    in one head noun after it (50亿元以上农业全产业链 / 10亿元以上企业, / 亿元以上农业龙头企业): the
    shared 亿元以上 says nothing of what is counted."""
    mx, my = _SIZE.match(x), _SIZE.match(y)
    return bool(mx and my) and _head(x[mx.end() :], y[my.end() :]) < MIN_HEAD


def _kinds_differ(x: str, y: str) -> bool:
    """Whether objects ``x`` and ``y`` each name a kind of one group of ``[kinds]`` of
    ``data/tasks.toml`` that the other does not name (党群服务中心 / 托育服务中心, 创新型 / 专精特新
    中小企业), or levels of government that differ (:func:`_levels_differ`), or a measure per unit
    of land on one side only (``[kinds] per_area``: 亩均增加值 / 增加值): different things.
    One naming the other's kinds and more (专精特新企业 / 专精特新“小巨人”和单项冠军) is a measure
    narrowed, not told apart."""
    if _levels_differ(x, y) or _sizes_apart(x, y):
        return True
    from ... import vocab

    per = vocab.pattern("tasks", "kinds", "per_area")  # 亩均增加值 / 增加值: efficiency, not a total
    if bool(per.search(x)) != bool(per.search(y)):
        return True
    for group in _kind_groups():
        kx = {i for i, k in enumerate(group) if k.search(x)}
        ky = {i for i, k in enumerate(group) if k.search(y)}
        if kx - ky and ky - kx:
            return True
    return False


def _kind_one_side(x: str, y: str) -> bool:
    """Whether one of objects ``x`` and ``y`` names a kind of a group of ``[kinds]`` and the other
    names only a rank of projects (:func:`_names_nothing`: 重大交通物流项目 / 重大项目建设): one counts
    a sector's projects, the other those of every sector."""
    if not (_names_nothing(x) or _names_nothing(y)):
        return False
    for group in _kind_groups():
        kx = any(k.search(x) for k in group)
        ky = any(k.search(y) for k in group)
        if kx != ky:
            return True
    return False


def _kinds_unnamed(key: str, clause: str) -> bool:
    """Whether the object ``key`` names a kind of ``[kinds]`` of ``data/tasks.toml`` that the
    clause ``clause`` does not name (创新型中小企业50家 / 培育铺天盖地的中小企业): the clause speaks
    of the head noun, not of that kind, and does not state the target in words; nor does a clause
    naming another level of government (:func:`_levels_differ`: 省科技领军企业5家 / 力争国家科技领军
    企业实现零的突破)."""
    if _levels_differ(key, clause):
        return True
    return any(k.search(key) and not k.search(clause) for group in _kind_groups() for k in group)


#: 达 closing an object before its figure (覆盖率达70%以上)
_REACH = re.compile(r"达$")


def _head(x: str, y: str) -> int:
    """Length of the ending ``x`` and ``y`` share (their head noun: 突破性新品种 / 优良动植物新品种 -> 3);
    a measure at its end does not count (幼儿园占比 / 在园幼儿占比 -> 0: ``measures`` of ``data/tasks.toml``),
    nor a measure both close with 达 (公办幼儿园覆盖率达 / 社区分类治理覆盖率达 -> 0: ``[key] tail`` strips
    达到 only; an ending shared only once 达 is read off, 比重 / 比重达, stays unshared)."""
    shared = _shared_end(x, y)
    bare = _REACH.sub("", shared)
    m = _measures().search(bare) if bare else None
    return len(bare) - len(m.group(0)) if m else len(shared)


def _shared_end(x: str, y: str) -> str:
    """The ending ``x`` and ``y`` share (:func:`_head` counts its head noun)."""
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    return x[len(x) - n :]


def _scope_widened(x: str, y: str) -> tuple[str, str] | None:
    """The level of two objects when one writes 以上 after it and the other does not, the rest
    the same (自治区级创新创业平台 / 自治区级以上创新创业平台): a scope widened or narrowed, a change
    of qualifier even when the value is the same.  None otherwise."""
    for m in re.finditer(r"级以上", y):
        if y[: m.start() + 1] + y[m.end() :] == x:
            return y[: m.start() + 1].split("、")[-1][-4:], y[: m.end()].split("、")[-1][-6:]
    for m in re.finditer(r"级以上", x):
        if x[: m.start() + 1] + x[m.end() :] == y:
            return x[: m.end()].split("、")[-1][-6:], x[: m.start() + 1].split("、")[-1][-4:]
    return None


def _longest_run(x: str, y: str) -> str:
    """The longest run of characters ``x`` and ``y`` share (the first of equal length in ``x``)."""
    import difflib

    m = difflib.SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return x[m.a : m.a + m.size]


def _shared_run(x: str, y: str) -> int:
    """Length of the longest run of characters ``x`` and ``y`` share."""
    return len(_longest_run(x, y))
