"""New and dropped initiatives between two years' reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np

from .. import quantities as qty
from ..align import Edge
from ..similarity import Cosine, pair_dots
from ..model import DocKind, Document, Finding, FindingType, Mode, Pair, PlanItem, Quantity, Region, Severity, Unit
from ..normalize import fold, match_key, to_simplified
from .base import _finding, is_rhetoric

#: an unaligned commitment whose best TF-IDF partner reaches this cosine is a
#: reworded initiative, not a new or dropped one.  Chosen on the tuning pairs of
#: ``tests/gold/yoy`` (keys built by reading): 0.10 -> 0.16 raises new/dropped recall
#: by about 0.1 for about 0.05 of precision (茌平 new P/R 0.86/0.50 -> 0.80/0.60,
#: 国务院 dropped 0.87/0.59 -> 0.84/0.73)
COSINE_RELATED = 0.16
#: an unaligned commitment whose mutual best partner among the other report's
#: commitments, by TF-IDF cosine of content words (:func:`reportdiff.tokens.content_words`),
#: reaches this value is a reworded initiative, not a new or dropped one.  Set at 0.21 on
#: the labelled sample of seeds 000/001 (reworded pairs there score 0.23-0.26); on the five
#: keys built by reading (``tests/gold/yoy``) that suppressed more new/dropped sentences than
#: reworded ones: 0.21 -> 0.40 raises new / dropped recall on all five pairs (+0.03 to +0.09)
#: for at most 0.02 of precision, so only near-verbatim rewordings are kept out now
#: (12345市民热线 reworded is reported as new/dropped again)
WORD_RELATED = 0.40
#: a quoted name (“事争一流、唯旗是夺”, 《…》): the author marked a campaign,
#: brand or plan; its pieces of this many characters or more identify it
_QUOTED = re.compile(r"[“「『《\"]([^”」』》\"]{2,40})[”」』》\"]")
MIN_NAME_LEN = 3
#: an unaligned sentence some of whose clauses have a partner in the other year is reported
#: by the runs of its other clauses only (:func:`_new_runs`)
SPLIT_SENTENCES = True
#: ... a clause has a partner when its best bigram or content-word cosine among the other
#: year's clauses reaches this value
CLAUSE_CONTINUED = 0.7
#: ... or when a clause of the five-year plan outline the other report carries (its goals part under
#: a heading naming the plan: ``regions.toml`` ``[heading] plan_outline``, 二、“十四五”时期主要目标任务)
#: restates it nearly as is (bigram or content-word cosine >= :data:`CLAUSE_CONTINUED`):
#: 推动成渝地区双城经济圈建设 in 2020's tasks, 推进成渝地区双城经济圈建设 in 2021's outline; the keys'
#: readers call it continued.  Session 10, on the eight pairs untouched until then: 47 of the 662
#: continued rows inside wrong new/dropped findings had their counterpart in the other report's goals
#: part.  Searching the whole goals part like the commitments (every bar) took mean new/dropped F1
#: 0.690 -> 0.682; nearly-as-is restatements in the whole goals part 0.690 -> 0.690 (a new term's
#: 今后五年 aims restate tasks the 吉林省 and 重庆市 readers call dropped / new); in the plan outline only
#: 0.691 (README)
GOALS_PARTNERS = True


@cache  # compiled once: is_framing runs for every commitments sentence and clause
def _framing() -> tuple[re.Pattern, re.Pattern, str, re.Pattern]:
    from .. import vocab

    f = vocab.load("rhetoric")["framing"]
    return (
        re.compile(f"^(?:{'|'.join(f['openers'])})"),
        re.compile(f"^(?:{'|'.join(f['openers'] + f['clause_openers'])})"),
        f["appeal_end"],
        re.compile(f["statement"]),
    )


def _area_ranks(doc: Document) -> dict[str, int]:
    """Each sentence's rank in its section's body (0 for the first)."""
    seen: dict[str, int] = {}
    out = {}
    for s in doc.sentences:
        out[s.id] = seen.get(s.section, 0)
        seen[s.section] = out[s.id] + 1
    return out


def is_framing(unit: Unit, doc: Document, ranks: dict[str, int] | None = None) -> bool:
    """A commitments sentence that frames the year's work (:func:`.base.is_rhetoric`, with the
    body of a task area framing only in its first sentences when ``ranks``
    (:func:`_area_ranks`) is given, or the framing openers, appeals and evaluative statements
    (…是…的必然选择) of ``data/rhetoric.toml``)."""
    if is_rhetoric(unit, doc, ranks.get(unit.id) if ranks is not None else None):
        return True
    sentence, _, appeal, statement = _framing()
    text = to_simplified(unit.text).strip()
    return bool(sentence.match(text)) or (bool(text) and text[-1] in appeal) or bool(statement.match(text)) or _general_heading(unit, doc) or _is_maxim(text)


#: a short sentence stating a rule of the genre (``rhetoric.toml`` ``[framing] maxim``: 产业兴则城市兴,
#: 抓创新就是抓发展, 经营主体活，…才能活, 民生无小事) and a clause that rallies, professes an attitude or
#: leads in (``view_clause``: 凝聚起…磅礴力量, …诠释绝对忠诚, 对标高标准国际经贸规则) frame rather than
#: commit, and a lead-in clause (``lead_in``: 按照/聚焦/对标… with no verb of action) is a piece of the run
#: after it, never a finding alone.  Used by new / dropped only.  Sixteen tuning pairs: mean new/dropped
#: P / R / F1 of 32 figures 0.661 / 0.801 / 0.720 -> 0.664 / 0.801 / 0.722; wrong findings citing only
#: rhetoric rows 372 -> 355 (README, session 9)
VIEWS = True
#: a maxim has at most this many clauses and characters of matching key
MAXIM_CLAUSES = 2
MAXIM_KEY = 30


@cache
def _views() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    from .. import vocab

    f = vocab.load("rhetoric")["framing"]
    return re.compile(f["maxim"]), re.compile(f["view_clause"]), re.compile(f["lead_in"])


def _is_maxim(text: str) -> bool:
    """``text`` (a sentence, simplified) is a maxim (:data:`VIEWS`)."""
    from .. import segment

    if not VIEWS or len(match_key(text)) > MAXIM_KEY or concrete(text) or not _views()[0].search(text):
        return False
    return len(segment.clauses(text)) <= MAXIM_CLAUSES


def _is_view_clause(text: str, lead_in: bool = False) -> bool:
    """``text`` (a clause, simplified) rallies or professes an attitude, or with ``lead_in`` only
    leads in to the act after it (按照/围绕/聚焦…: a piece, :data:`VIEWS`)."""
    t = text.strip("，,。；;、！ ")
    return VIEWS and "落实" not in t and not concrete(t) and bool(_views()[2 if lead_in else 1].search(t))


#: a sentence under a heading that names the year's general requirements (总体要求, 总体思路,
#: 指导思想, 政策取向: ``rhetoric.toml`` ``[framing] headings``) frames the year's work: the guiding
#: line and the method (要牢牢把握…的重大要求, 结构政策要着力畅通国民经济循环), not the year's
#: initiatives; the headline targets such a section holds are compared target by target.  Thirteen
#: tuning pairs: new / dropped F1 up on 4 of 26 figures, down on none (precision up on 4, recall
#: down on 2); the findings it takes away were 5 right and 17 wrong by the keys
GENERAL_HEADINGS = True


@cache
def _headings() -> re.Pattern:
    from .. import vocab

    return re.compile(vocab.load("rhetoric")["framing"]["headings"])


def _general_heading(unit: Unit, doc: Document) -> bool:
    """``unit`` lies under a heading (any level) naming the year's general requirements (:data:`GENERAL_HEADINGS`)
    and not its tasks too: under 二、2025年工作总体要求和重点任务 lies the whole of the year's work, as
    the regions read it (``regions.toml`` ``[heading] tasks``)."""
    return GENERAL_HEADINGS and _frames(to_simplified(doc.section_path(unit.section)))


def _frames(path: str) -> bool:
    """A heading of ``path`` (``a › b``) names the year's general requirements and not its tasks."""
    from ..structure.sections import _rx

    tasks = _rx("heading", "tasks")
    return any(_headings().search(h) and not tasks.search(h) for h in path.split(" › "))


#: a clause naming nothing concrete (:func:`concrete`) that contains a word of
#: ``data/rhetoric_learnt.toml`` (words learnt from the readers' rhetoric rows of the tuning keys by
#: ``benchmarks/learn_rhetoric.py``: 我们, 始终, 习近平, 贯彻, 稳中求进, 扩大内需…) frames rather than
#: commits, and so does an unaligned sentence all of whose clauses (of :data:`MIN_PIECE_KEY` or more)
#: do.  Used by new / dropped only (not the report-plan coverage).  Nine tuning pairs, mean new/dropped
#: P / R / F1 of 18 figures 0.612 / 0.808 / 0.692 -> 0.620 / 0.806 / 0.697 (markers learnt on all nine),
#: 0.621 / 0.803 / 0.696 leave-one-pair-out (learnt on eight, scored on the ninth); wrong findings
#: citing only rhetoric rows 274 -> 243.  Dev reading (国务院 2020/2021, 安徽省, 长沙市 2024/2025): of 22
#: findings it takes away whole, 20 rhetoric, 2 real acts (README)
LEARNT_RHETORIC = True
#: markers that replace the data file's (set by ``benchmarks/learn_rhetoric.py --loo`` only)
_LEARNT_OVERRIDE: list[str] | None = None


@cache
def _learnt_markers() -> frozenset[str]:
    from .. import vocab

    return frozenset(_LEARNT_OVERRIDE if _LEARNT_OVERRIDE is not None else vocab.load("rhetoric_learnt")["markers"]["words"])


#: a clause with a figure, a quoted name or a named kind of initiative (``initiatives.toml``:
#: …工程, …行动, …平台) names something concrete: never rhetoric by the learnt markers
_CONCRETE = re.compile(r"[0-9０-９“”「」『』《》\"]")


def concrete(text: str) -> bool:
    """``text`` names a figure, a quoted name or an initiative (:data:`_CONCRETE`, ``initiatives.toml``)."""
    return bool(_CONCRETE.search(text) or _initiative().search(text))


def _learnt_rhetoric(text: str) -> bool:
    """``text`` (simplified) contains a learnt marker of rhetoric (:data:`LEARNT_RHETORIC`) and
    names nothing concrete (:func:`concrete`)."""
    from ..tokens import han_words

    return LEARNT_RHETORIC and not concrete(text) and not _learnt_markers().isdisjoint(han_words(text))


#: a clause with a word that foretells or weighs (``rhetoric.toml`` ``[framing] outlook``: 一定能,
#: 必将, 事关, 离不开…) frames rather than commits, and so does a sentence whose last clause does
#: (持续深化农村改革，广袤乡村必将焕发新的生机活力).  Used by new / dropped only (README, session 9)
OUTLOOK = True


@cache
def _outlook() -> tuple[re.Pattern, re.Pattern]:
    from .. import vocab

    f = vocab.load("rhetoric")["framing"]
    return re.compile(f["outlook"]), re.compile(f"{f['outlook']}|{f['outlook_clause']}")


def _is_outlook(text: str, call: bool = True) -> bool:
    """``text`` (simplified) foretells or weighs, or with ``call`` calls for a result (一定要…) (:data:`OUTLOOK`)."""
    return OUTLOOK and bool(_outlook()[1 if call else 0].search(text))


def _is_framing_clause(text: str) -> bool:
    t = to_simplified(text).strip()
    return bool(_framing()[1].match(t)) or _learnt_rhetoric(t) or _is_outlook(t) or _is_view_clause(t)


#: clauses shorter than this (matching key) are left out when a whole sentence is tested
MIN_PIECE_KEY = 4


def _rhetoric_sentence(unit: Unit) -> bool:
    """Every clause of ``unit`` of :data:`MIN_PIECE_KEY` characters or more carries a learnt marker of rhetoric."""
    from .. import segment

    clauses = [unit.text[s:e] for s, e in segment.clauses(unit.text)]
    if clauses and _is_outlook(to_simplified(clauses[-1]), call=False):
        return True
    if not LEARNT_RHETORIC:
        return False
    # every clause but the smallest pieces: a short clause is often the act (推广新能源汽车，激发新消费需求)
    pieces = [c for c in clauses if len(match_key(c)) >= MIN_PIECE_KEY]
    return bool(pieces) and all(_learnt_rhetoric(t) or _is_outlook(t) or _is_view_clause(t) or _is_view_clause(t, lead_in=True) for t in map(to_simplified, pieces))


def _word_related(a_units, b_units, cand_a: list[int], cand_b: list[int], commit_a: np.ndarray, commit_b: np.ndarray) -> tuple[set[int], set[int]]:
    """Candidates (indices) of A and of B that have a mutual best partner among
    the other report's commitments with a content-word cosine >= :data:`WORD_RELATED`."""
    from ..similarity import Cosine, pair_dots, tfidf, token_matrices
    from ..tokens import content_words_many

    ia = np.flatnonzero(commit_a)
    ib = np.flatnonzero(commit_b)
    if not (cand_a or cand_b) or not ia.size or not ib.size:
        return set(), set()
    words = content_words_many([fold(a_units[i].text) for i in ia] + [fold(b_units[j].text) for j in ib])
    xa, xb = token_matrices(words[: len(ia)], words[len(ia) :])
    mi, mj = Cosine(*tfidf(xa, xb)).mutual_best(WORD_RELATED)
    rel_a = {int(ia[k]) for k in mi}
    rel_b = {int(ib[k]) for k in mj}
    return rel_a & set(cand_a), rel_b & set(cand_b)


def _quoted_names(text: str) -> list[str]:
    """The names a sentence puts in quotes, split at enumeration commas
    (“双随机、一公开” -> 双随机, 一公开), of :data:`MIN_NAME_LEN` characters or more."""
    return [p for q in _QUOTED.findall(text) for p in re.split(r"[、，,；;]", q) if len(p) >= MIN_NAME_LEN]


def _named_in(units, cands: list[int], other_text: str) -> set[int]:
    """Candidates that name, in quotes, something the other report's
    commitments still name (2022 “事争一流、唯旗是夺” -> 2024 巩固拓展…事争一流…)."""
    return {i for i in cands if any(name in other_text for name in _quoted_names(fold(units[i].text)))}


#: Confidence tier of a new / dropped finding (``detail["confidence"]``): ``"high"`` when the
#: cited text states a figure (a digit), is at least :data:`CONFIDENT_MIN_LEN` characters long
#: (whitespace removed) and its best bigram cosine to the other year's commitments
#: (``detail["best_cosine"]``) is below :data:`CONFIDENT_MAX_COSINE`; ``"check"`` (待核) otherwise.
#: Findings of both tiers are reported; the tier only tells a reviewer which to trust first.
#: Chosen on the 24 tuning pairs of ``tests/gold/yoy`` among rules "a gate (figure; figure or
#: quoted name; figure or initiative; figure and initiative; initiative) and a length and a
#: cosine bar": the one keeping the most right findings at pooled precision >= 0.85 (0.853,
#: 509 of 4,296 right findings); leave-one-pair-out (rule chosen on 23 pairs, scored on the
#: 24th) gives mean held-out precision 0.816 and holds 11.2% of the right findings (README).
CONFIDENT_MIN_LEN = 25
CONFIDENT_MAX_COSINE = 0.2


def confidence(text: str, best_cosine: float | None) -> str:
    """``"high"`` or ``"check"``: see :data:`CONFIDENT_MIN_LEN`."""
    t = re.sub(r"\s", "", text or "")
    figure = any(c.isdigit() for c in t)
    return "high" if figure and len(t) >= CONFIDENT_MIN_LEN and (best_cosine or 0.0) < CONFIDENT_MAX_COSINE else "check"


def new_dropped(a: Document, b: Document, a_units, b_units, edges, later_is_b: bool, cosine: Cosine, cc: ClauseCosines | None = None) -> list[Finding]:
    """Commitments of one report with no counterpart in the other.

    An unaligned unit is not reported when it is a reworded initiative: its
    best TF-IDF partner (character bigrams) among the other report's
    commitments reaches :data:`COSINE_RELATED`, or it and a commitment of the
    other report are each other's best partner by content words at
    :data:`WORD_RELATED` or more (they name the same project, hotline or campaign),
    or it names in quotes a campaign the other report still names.

    Each finding carries the other report's nearest commitment (``detail["nearest"]``,
    by bigram cosine) so a reviewer can check at a glance whether it was
    reworded beyond what these tests see.
    """
    out = []
    linked_a = {e.a for e in edges}
    linked_b = {e.b for e in edges}
    commit_a = np.array([u.region == Region.COMMITMENTS for u in a_units], dtype=bool)
    commit_b = np.array([u.region == Region.COMMITMENTS for u in b_units], dtype=bool)
    # each unit's best bigram cosine among the other report's commitments, and which one it is
    # (read below for commitments only: rows= / cols= let the alignment's pass serve)
    best, nearest = {}, {}
    best["a"], nearest["a"], best["b"], nearest["b"] = cosine.best(col_mask=commit_b, row_mask=commit_a, rows=commit_a, cols=commit_b)
    cands = {}
    for side, units, linked, doc in (("a", a_units, linked_a, a), ("b", b_units, linked_b, b)):
        ranks = _area_ranks(doc)
        cands[side] = [i for i, u in enumerate(units) if i not in linked and u.region == Region.COMMITMENTS and not is_framing(u, doc, ranks) and best[side][i] < COSINE_RELATED and not _rhetoric_sentence(u)]
    related = dict(zip("ab", _word_related(a_units, b_units, cands["a"], cands["b"], commit_a, commit_b)))
    commit_text = {
        "a": "".join(fold(u.text) for u in a_units if u.region == Region.COMMITMENTS),
        "b": "".join(fold(u.text) for u in b_units if u.region == Region.COMMITMENTS),
    }
    related["a"] |= _named_in(a_units, cands["a"], commit_text["b"])
    related["b"] |= _named_in(b_units, cands["b"], commit_text["a"])
    if cc is None and SPLIT_SENTENCES:
        cc = clause_cosines(a_units, b_units, a, b)
    for side, units, others in (("a", a_units, b_units), ("b", b_units, a_units)):
        is_later = (side == "b") == later_is_b
        for i in cands[side]:
            if i in related[side]:
                continue
            u = units[i]
            ftype = FindingType.NEW if is_later else FindingType.DROPPED
            a_list, b_list = ([u], []) if side == "a" else ([], [u])
            detail = {"best_cosine": round(float(best[side][i]), 3)}
            if best[side][i] > 0:
                near = others[int(nearest[side][i])]
                detail |= {"nearest": near.id, "nearest_text": near.text}
            runs = _new_runs(cc, side, i) if cc is not None and SPLIT_SENTENCES else None
            if runs is None:
                msg = "新增举措：上一份报告的年度任务中没有对应表述" if is_later else "不再提及：后一份报告的年度任务中没有对应表述"
                out.append(_finding(ftype, Severity.MEDIUM, a, b, a_list, b_list, msg, detail | {"confidence": confidence(u.text, detail["best_cosine"])}))
                continue
            # some clauses of the sentence continue a task of the other year: only the runs of
            # the others are new / dropped (each its own finding citing just those clauses)
            cl = cc.ca if side == "a" else cc.cb
            for run in runs:
                text = _run_text(units, cl, run)
                msg = f"新增举措（语句部分延续，此分句为新内容）：{text}" if is_later else f"不再提及（语句部分延续，此分句无对应）：{text}"
                d = detail | {"clause": text, "confidence": confidence(text, detail["best_cosine"])}
                out.append(_finding(ftype, Severity.MEDIUM, a, b, a_list, b_list, msg, d, a_text=text if side == "a" else "", b_text=text if side == "b" else ""))
    return out



#: a clause of an aligned sentence states something of one year only when its best
#: partner among the other year's commitments clauses has a character-bigram cosine plus a
#: content-word cosine (each at the clause's best partner by that cosine) below this bar.
#: A sum, not a bar on each: the two miss different rewordings (bigrams a task restated in
#: other characters, content words one whose words jieba cuts otherwise or that shares only
#: generic words), so a clause should be near by both to count as continued; with a bar on
#: each (0.16 / 0.25 until session 6) one cosine just above its bar kept out a clause the
#: other called new.  On the tuning keys' rows the sum separates continued from new/dropped
#: clauses better than either (AUC, mean of 14 figures: 0.817 against 0.806 / 0.800).
#: Chosen on the seven tuning pairs of ``tests/gold/yoy`` (keys built by reading): at 0.48,
#: 0.50 and 0.52 new/dropped F1 rises on 13 of 14 figures and falls on none (0.46: 12 up,
#: 1 down; 0.54: 12 up, 2 down); 0.50 is the middle of that range.  Mean P/R 0.664/0.644
#: -> 0.641/0.731; see the README's year-over-year section
CLAUSE_SUM_NEW = 0.50
#: ... or when, by the same sum, nothing among the clauses of the sentence(s) the alignment
#: links its sentence with comes near (below this bar) and its best partner in the whole
#: other commitments part is only loosely near (below :data:`CLAUSE_SUM_NEAR`): a clause added
#: to a continued sentence shares generic words (加快推进…建设, 重点项目) with some clause
#: elsewhere, which kept it out under the first bar alone, while its own sentence's
#: counterpart says nothing like it.  Chosen on the nine tuning pairs of ``tests/gold/yoy``: mean
#: new/dropped F1 of 18 figures 0.671 -> 0.686 at 0.40 / 0.80 (13 up, 4 down; with JOIN_SHORT
#: 14 up, 3 down), 0.40 / 0.90 and 0.50 / 0.80 alike; precision for recall (mean P 0.629 -> 0.610,
#: R 0.730 -> 0.797); on dev pairs about half the findings it adds are right (README)
CLAUSE_SUM_LINKED = 0.40
CLAUSE_SUM_NEAR = 0.80
#: shorter clauses (matching key) are pieces, not initiatives
MIN_CLAUSE_KEY = 8
#: a short clause of a linked sentence goes with a run of new / dropped clauses next to it in
#: the same sentence: between two of its clauses (…平台、30家“产业大脑”、…), right after its
#: last one when nothing new follows (a list's last piece), and right before its first one (a
#: lead-in naming the aim: 优化融资环境，创新金融伙伴机制), so that the finding cites the initiative
#: whole rather than stopping at a piece.  On the nine tuning pairs: mean new/dropped F1 0.688 ->
#: 0.692 (13 of 18 figures up, 3 down by at most 0.008)
JOIN_SHORT = True
#: a run of clauses of a linked sentence that names nothing concrete (no figure, quoted name or
#: named initiative: :func:`concrete`) and makes up less than this share of its sentence's clauses
#: (one clause of six or more: 强化要素保障 among the clauses of a task the other year states
#: too) is a detail of the continued task, not an initiative of one year: not reported.  On the
#: thirteen tuning pairs such findings were right 0.36 of the time (27 of 76) against 0.61 for clause
#: runs of linked sentences (0.53 for those naming nothing concrete).  Mean new/dropped P / R / F1 of
#: 26 figures 0.650 / 0.818 / 0.720 -> 0.657 / 0.812 / 0.722 (leave-one-pair-out picks 0.2 on all
#: thirteen); it lifts the precision–recall curve of :data:`CLAUSE_SUM_LINKED` by 0.005–0.008 of
#: precision at equal recall.  Dev reading: of 36 findings taken away, 25 wrong, 5 right (README)
MIN_RUN_SHARE = 0.2


def _initiative() -> re.Pattern:
    from .. import vocab

    return vocab.pattern("initiatives", "initiative", "pattern")


def _commit_clauses(units) -> list[tuple[int, str, int, int]]:
    """The commitments clauses: (unit index, text, start, end), the span in the unit's text."""
    from .. import segment

    out = []
    for i, u in enumerate(units):
        if u.region != Region.COMMITMENTS:
            continue
        for s, e in segment.clauses(u.text):
            out.append((i, u.text[s:e].strip("，,；;。 "), s, e))
    return out


def _run_text(units, cl: list, run: list[int]) -> str:
    """The text a run of clauses of one sentence cites: its span of the sentence as written
    (clauses cut at 、 between two targets keep their 、; the run is not re-joined with ，)."""
    u = units[cl[run[0]][0]]
    return u.text[cl[run[0]][2] : cl[run[-1]][3]].strip("，,、；;。 ")


@dataclass(frozen=True)
class ClauseCosines:
    """The commitments clauses of both reports, (unit index, text) each, their match keys,
    and each clause's best partner among the other year's clauses: character-bigram cosine
    and which clause (``big_a``/``arg_a`` for A's clauses, ``big_b``/``arg_b`` for B's; first
    index on ties) and content-word cosine (``wrd_a``, ``wrd_b``).  Only the best partners are
    kept: the clause matrices themselves grow as the product of the two sides."""

    ca: list
    cb: list
    ka: list
    kb: list
    big_a: np.ndarray
    arg_a: np.ndarray
    big_b: np.ndarray
    arg_b: np.ndarray
    wrd_a: np.ndarray
    wrd_b: np.ndarray
    #: the TF-IDF rows of the clauses (A's, B's), character bigrams and content words, for
    #: :meth:`linked_best`
    big_rows: tuple | None = None
    wrd_rows: tuple | None = None
    #: each commitments clause's best bigram or content-word cosine (the larger) among the other
    #: report's goals clauses (:data:`GOALS_PARTNERS`; None: not searched)
    goal_a: np.ndarray | None = None
    goal_b: np.ndarray | None = None

    def best(self, side: str, k: int) -> tuple[float, float]:
        """Clause ``k`` of ``side``: its best bigram and content-word cosines among the other year's clauses."""
        return (float(self.big_a[k]), float(self.wrd_a[k])) if side == "a" else (float(self.big_b[k]), float(self.wrd_b[k]))

    def novel(self, side: str, k: int) -> bool:
        """Whether clause ``k`` of ``side`` has no partner among the other year's clauses
        (:data:`CLAUSE_SUM_NEW`)."""
        big, wrd = self.best(side, k)
        return big + wrd < CLAUSE_SUM_NEW

    def continued(self, side: str, k: int) -> bool:
        """Whether clause ``k`` of ``side`` is stated again, nearly as is, by a clause of the other
        year (its commitments, or its goals part: :meth:`in_goals`)."""
        big, wrd = self.best(side, k)
        return big >= CLAUSE_CONTINUED or wrd >= CLAUSE_CONTINUED or self.in_goals(side, k)

    def in_goals(self, side: str, k: int) -> bool:
        """Whether the other report's goals part restates clause ``k`` of ``side`` nearly as is (:data:`GOALS_PARTNERS`)."""
        g = self.goal_a if side == "a" else self.goal_b
        return g is not None and bool(g[k] >= CLAUSE_CONTINUED)

    @cached_property
    def _by_unit(self) -> dict[str, dict[int, list[int]]]:
        """Clause indices of each unit, per side, in order (computed once, not once per sentence)."""
        out: dict[str, dict[int, list[int]]] = {}
        for side, cl in (("a", self.ca), ("b", self.cb)):
            d: dict[int, list[int]] = {}
            for k, (j, *_) in enumerate(cl):
                d.setdefault(j, []).append(k)
            out[side] = d
        return out

    def clauses_of(self, side: str, i: int) -> list[int]:
        """Indices (into ``ca`` / ``cb``) of the clauses of unit ``i`` of ``side``, in order."""
        return self._by_unit[side].get(i, [])

    def linked_best(self, edges) -> dict[str, np.ndarray]:
        """Per side, each clause's best bigram cosine plus best content-word cosine among the
        clauses of the sentences the alignment links its sentence with (``edges``); NaN for
        clauses of sentences linked to nothing.  Computed for the linked clause pairs only
        (vectorized), not for the product of the two sides."""
        out = {"a": np.full(len(self.ca), np.nan), "b": np.full(len(self.cb), np.nan)}
        if self.big_rows is None or self.wrd_rows is None:
            return out
        pairs = [(k, l) for e in edges for k in self.clauses_of("a", e.a) for l in self.clauses_of("b", e.b)]
        if not pairs:
            return out
        r, c = np.array(pairs, dtype=np.int64).T
        big = pair_dots(*self.big_rows, r, c)
        wrd = pair_dots(*self.wrd_rows, r, c)
        for side, idx in (("a", r), ("b", c)):
            m = len(out[side])
            bb, ww = np.zeros(m), np.zeros(m)
            np.maximum.at(bb, idx, big)
            np.maximum.at(ww, idx, wrd)
            has = np.zeros(m, dtype=bool)
            has[idx] = True
            out[side] = np.where(has, bb + ww, np.nan)
        return out


def clause_cosines(a_units, b_units, a_doc: Document | None = None, b_doc: Document | None = None) -> ClauseCosines | None:
    """:class:`ClauseCosines` of the two reports (None when one has no commitments clause); with
    the documents, each commitments clause is also compared with the other's plan outline
    (:data:`GOALS_PARTNERS`)."""
    from ..similarity import bigram_matrices, token_matrices, tfidf
    from ..tokens import content_words_many

    ca, cb = _commit_clauses(a_units), _commit_clauses(b_units)
    if not ca or not cb:
        return None
    ka = [match_key(t) for _, t, *_ in ca]
    kb = [match_key(t) for _, t, *_ in cb]
    # each clause's best partner among the other side's (value, first index on ties),
    # block by block: the clause matrices themselves grow as the product of the sides
    big_rows = tfidf(*bigram_matrices(ka, kb))
    big_a, arg_a, big_b, arg_b = Cosine(*big_rows).best()
    words = content_words_many([fold(t) for _, t, *_ in ca] + [fold(t) for _, t, *_ in cb])
    wrd_rows = tfidf(*token_matrices(words[: len(ca)], words[len(ca) :]))
    wrd_a, _, wrd_b, _ = Cosine(*wrd_rows).best()
    goal_a = goal_b = None
    if GOALS_PARTNERS:
        from .. import segment

        ga = [fold(u.text[s:e]) for u in _outline(a_units, a_doc) for s, e in segment.clauses(u.text)]
        gb = [fold(u.text[s:e]) for u in _outline(b_units, b_doc) for s, e in segment.clauses(u.text)]
        goal_a = _best_among(ka, words[: len(ca)], gb)
        goal_b = _best_among(kb, words[len(ca) :], ga)
    return ClauseCosines(ca, cb, ka, kb, big_a, arg_a, big_b, arg_b, wrd_a, wrd_b, big_rows, wrd_rows, goal_a, goal_b)


def _outline(units, doc: Document | None) -> list:
    """The goals units of ``doc`` under a heading naming a five-year plan's outline
    (``regions.toml`` ``[heading] plan_outline``; :data:`GOALS_PARTNERS`)."""
    from .. import vocab

    if doc is None:
        return []
    rx = vocab.pattern("regions", "heading", "plan_outline")
    return [u for u in units if u.region == Region.GOALS and rx.search(to_simplified(doc.section_path(u.section)))]


def _best_among(keys: list[str], words: list[list[str]], others: list[str]) -> np.ndarray:
    """Each clause's best character-bigram or content-word cosine (the larger) among ``others``
    (clause texts, folded), by TF-IDF over the two lists (zeros when ``others`` is empty)."""
    from ..similarity import bigram_matrices, token_matrices, tfidf
    from ..tokens import content_words_many

    if not others or not keys:
        return np.zeros(len(keys))
    big, _, _, _ = Cosine(*tfidf(*bigram_matrices(keys, [match_key(t) for t in others]))).best()
    wrd, _, _, _ = Cosine(*tfidf(*token_matrices(words, content_words_many(others)))).best()
    return np.maximum(big, wrd)


def _new_runs(cc: ClauseCosines, side: str, i: int) -> list[list[int]] | None:
    """The runs of clauses of sentence ``i`` (indices into ``cc.ca`` / ``cc.cb``) that have no
    partner in the other year, when some other clause of the sentence does (a sentence that
    continues a task and adds one: only the added clauses are new); None when no clause of the
    sentence has a partner.  Short and framing clauses go with their neighbours."""
    cl = cc.ca if side == "a" else cc.cb
    ks = cc.clauses_of(side, i)
    flags = []
    for k in ks:
        text = cl[k][1]
        if len(match_key(text)) < MIN_CLAUSE_KEY or _is_framing_clause(text):
            flags.append(None)
        else:
            flags.append(False if cc.continued(side, k) else True)
    if False not in flags:
        return None
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, f in zip(ks, flags):
        if f is False:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(k)
    if cur:
        runs.append(cur)
    flag = dict(zip(ks, flags))
    out = []
    for run in runs:
        while run and flag[run[0]] is None:
            run = run[1:]
        while run and flag[run[-1]] is None:
            run = run[:-1]
        if run:
            out.append(run)
    return out


def clause_new_dropped(a: Document, b: Document, a_units, b_units, edges, later_is_b: bool, cc: ClauseCosines | None = None) -> list[Finding]:
    """Clauses of sentences that continue (aligned) with no counterpart among the other
    year's commitments clauses (bigram + content-word cosine below :data:`CLAUSE_SUM_NEW`):
    each run of such clauses in one sentence is its own ``new`` / ``dropped`` finding
    citing its clauses and the other report's nearest clause.  ``detail["initiative"]``
    says whether the run names an initiative (:data:`initiatives.toml`: …工程, …行动, a quoted name)."""
    cc = cc or clause_cosines(a_units, b_units, a, b)
    if cc is None:
        return []
    ca, cb = cc.ca, cc.cb
    linked = {"a": {e.a for e in edges}, "b": {e.b for e in edges}}
    pat = _initiative()
    out = []
    local = cc.linked_best(edges)
    for side, cl, keys, other, units, doc, B, J, W in (("a", ca, cc.ka, cb, a_units, a, cc.big_a, cc.arg_a, cc.wrd_a), ("b", cb, cc.kb, ca, b_units, b, cc.big_b, cc.arg_b, cc.wrd_b)):
        L = local[side]
        is_later = (side == "b") == later_is_b
        runs: list[list[int]] = []
        prev = -2
        ranks = _area_ranks(doc)
        headline = {t.sentence for t in doc.targets}  # compared target by target (.targets)
        framing: dict[int, bool] = {}  # is_framing of each sentence, once (a sentence has several clauses)
        short: set[int] = set()  # short clauses of linked sentences (pieces: join a neighbouring run)
        lead: set[int] = set()  # lead-in clauses of linked sentences (join the run right after them)
        for k, (i, text, *_) in enumerate(cl):
            u = units[i]
            if i not in linked[side] or u.id in headline:
                continue
            f = framing.get(i)
            if f is None:
                f = framing[i] = is_framing(u, doc, ranks)
            if f or _is_framing_clause(text):
                continue
            if _is_view_clause(to_simplified(text), lead_in=True):
                lead.add(k)  # a lead-in (VIEWS): goes with a run right after it, never alone
                continue
            if len(keys[k]) < MIN_CLAUSE_KEY:
                short.add(k)
                continue
            if cc.in_goals(side, k):
                continue  # restated in the other report's goals part (GOALS_PARTNERS)
            if B[k] + W[k] >= CLAUSE_SUM_NEW and not (L[k] < CLAUSE_SUM_LINKED and B[k] + W[k] < CLAUSE_SUM_NEAR):
                continue
            if runs and prev == k - 1 and cl[prev][0] == i:
                runs[-1].append(k)
            elif runs and JOIN_SHORT and prev == k - 2 and cl[prev][0] == i and (k - 1 in short or k - 1 in lead):
                runs[-1] += [k - 1, k]
            else:
                runs.append([k])
            prev = k
        if JOIN_SHORT:
            for run in runs:
                i, after = cl[run[0]][0], run[-1] + 1
                if after in short and cl[after][0] == i and not any(r[0] == after + 1 for r in runs):
                    run.append(after)
                elif after in lead and after + 1 in short and cl[after + 1][0] == i and not any(r[0] == after + 2 for r in runs):
                    run += [after, after + 1]  # …，聚焦…等领域，引育企业100家以上: the list's last piece and its lead-in
                if run[0] - 1 in lead and cl[run[0] - 1][0] == i:
                    run.insert(0, run[0] - 1)
                if run[0] - 1 in short and cl[run[0] - 1][0] == i:
                    run.insert(0, run[0] - 1)
        for run in runs:
            i = cl[run[0]][0]
            u = units[i]
            text = _run_text(units, cl, run)
            if len(run) < MIN_RUN_SHARE * len(cc.clauses_of(side, i)) and not concrete(text):
                continue  # a detail of a task the sentence continues (MIN_RUN_SHARE)
            k = min(run, key=lambda k: B[k])
            j = int(J[k])
            near_unit = (b_units if side == "a" else a_units)[other[j][0]]
            ftype = FindingType.NEW if is_later else FindingType.DROPPED
            msg = f"新增举措（所在语句延续，此分句为新内容）：{text}" if is_later else f"不再提及（所在语句延续，此分句无对应）：{text}"
            a_list, b_list = ([u], []) if side == "a" else ([], [u])
            detail = {
                "clause": text,
                "initiative": bool(pat.search(text)),
                "best_cosine": round(float(max(B[k] for k in run)), 3),
                "nearest": near_unit.id,
                "nearest_text": other[j][1],
            }
            detail["confidence"] = confidence(text, detail["best_cosine"])
            out.append(_finding(ftype, Severity.LOW, a, b, a_list, b_list, msg, detail, a_text=text if side == "a" else "", b_text=text if side == "b" else ""))
    return out


#: how many terms each list of the key-term view holds
KEY_TERMS = 30
#: a term of this many characters or more (shorter words are too common to be a 提法)
MIN_TERM_LEN = 3


def _trigrams(text: str) -> set[str]:
    """The distinct 3-character pieces of ``text``."""
    return {text[i : i + 3] for i in range(len(text) - 2)}


def _absent(term: str, text: str, grams: set[str]) -> bool:
    """``term not in text`` for a term of 3 characters or more, where ``grams`` is
    :func:`_trigrams` of ``text``: a term with a piece that ``text`` lacks is absent
    without a search of ``text``."""
    return any(term[i : i + 3] not in grams for i in range(len(term) - 2)) or term not in text


def key_terms(a_units, b_units, later_is_b: bool) -> dict:
    """The key-term view (新提法 / 不再提及的提法): terms of one year's commitments
    part that the other year's commitments part does not contain at all, ranked
    as analysts compare reports: by how often the year uses the term, quoted
    names first among equals, then longer terms first.  Terms are content words (:func:`tokens.content_words`)
    and quoted names; each carries its count and the first sentence that uses it."""
    from ..tokens import content_words_many

    sides = {}
    for side, units in (("a", a_units), ("b", b_units)):
        commit = [u for u in units if u.region == Region.COMMITMENTS]
        texts = [fold(u.text) for u in commit]
        sides[side] = (commit, texts, "".join(texts))
    words_of = {side: content_words_many(sides[side][1]) for side in "ab"}
    out = {}
    for side, other in (("a", "b"), ("b", "a")):
        commit, texts, _ = sides[side]
        other_text = sides[other][2]
        words = words_of[side]
        seen: dict[str, list] = {}
        # a term's search of the other year's text, once per term; a word of the other
        # year's texts is a piece of its text: present without a search
        absent: dict[str, bool] = dict.fromkeys((w for ws in words_of[other] for w in ws), False)
        grams = _trigrams(other_text)
        for u, text, ws in zip(commit, texts, words):
            quoted = set(_quoted_names(text))
            for w in list(quoted) + ws:
                if len(w) < MIN_TERM_LEN or w.isdigit():
                    continue
                out_of_other = absent.get(w)
                if out_of_other is None:
                    out_of_other = absent[w] = _absent(w, other_text, grams)
                if not out_of_other:
                    continue
                entry = seen.setdefault(w, [w in quoted, 0, u.id, u.text])
                entry[0] = entry[0] or w in quoted
                entry[1] += 1
        # a term inside a longer listed term of the same count says nothing more
        ranked = sorted(seen.items(), key=lambda kv: (-kv[1][1], not kv[1][0], -len(kv[0]), kv[0]))
        terms = []
        for w, (quoted, n, uid, text) in ranked:
            if any(w in t["term"] and n <= t["count"] for t in terms):
                continue
            terms.append({"term": w, "count": n, "quoted": quoted, "unit": uid, "text": text})
            if len(terms) >= KEY_TERMS:
                break
        is_later = (side == "b") == later_is_b
        out["new_terms" if is_later else "dropped_terms"] = terms
    return out
