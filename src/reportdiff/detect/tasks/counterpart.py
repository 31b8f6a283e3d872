"""The worded counterpart of a task target of one year (:func:`counterparts`), read by
:func:`.one_year.one_year_task_targets`: the other
year's figureless clause that names the same object, so that a figure the other year leaves out
is reported as a figure stated in words (``quant_to_qual`` / ``qual_to_quant``) citing both
clauses, instead of as a target of one year only or of nothing at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .objects import _verbs
from .pairing import _longest_run
from .worded import _figure_written, _items, _generic_run, _institution, _normalized, _said_in_words, _sought, _worded_clauses

#: the run a counterpart shares with the object: this many characters or more ...
MIN_COUNTERPART_RUN = 4
#: ... and this share of the object or more (利用外资 of 实际利用外资; 优良水体比例 of
#: 国考断面优良水体比例), so that a general word of a longer object names nothing
COUNTERPART_SHARE = 0.5
#: rapidfuzz partial_ratio below which a clause is not read further (a cheap first sieve: a run
#: of :data:`COUNTERPART_SHARE` of the object scores at least that share)
SIEVE = 100 * COUNTERPART_SHARE - 1


@dataclass(frozen=True)
class Clauses:
    """The other year's figureless clauses of its target regions, read once: (sentence index,
    clause, normalized clause)."""

    rows: list[tuple[int, str, str]]
    #: the sentences of ``rows``, normalized, by index
    sentences: dict[int, str] | None = None

    @classmethod
    def of(cls, units, skip_sections=frozenset()) -> "Clauses":
        rows = [(i, c, k) for i, u in enumerate(units) if u.section not in skip_sections for c, k in _worded_clauses(u)]
        return cls(rows, {i: _normalized(units[i].text) for i in {r[0] for r in rows}})


def counterparts(cores: list[str], clauses: Clauses, other_text: str, own_text: str, keys: list[str] | None = None, homes: list[str] | None = None, quoted: list[str] | None = None) -> list[tuple[int, str, str] | None]:
    """For each object ``cores[n]`` (normalized), the one figureless clause of ``clauses`` that
    names it (:func:`_names`), or None: no clause does, or more than one does (the object is
    named in several places; which one continues the task is not read).  The run shared must
    occur once in the other year's target regions ``other_text`` and once in the target's year's
    ``own_text`` (both normalized): a term either year writes in several places (提质增效, 重点实验室,
    科技领军企业) names a field of work, not the one task the figure counts; written several times in
    one sentence of a year (``homes``: the targets' sentences, normalized) it is still written in
    one place (拓宽职业技能培训资金使用范围，开展大规模、多层次职业技能培训: the first clause is cited).  ``keys``: the objects
    with their general endings (城镇社区养老幸福工程 of the core 城镇社区养老幸福); where no clause names
    the core, one clause that writes the key in short (:func:`_abridged`: 城镇社区养老工程) is its
    counterpart."""
    out: list[tuple[int, str, str] | None] = [None] * len(cores)
    if not cores or not clauses.rows:
        return out

    near_of = _sieve(cores, keys, [k for _, _, k in clauses.rows])
    for n, core in enumerate(cores):
        if not core:
            continue
        near = near_of[n]
        home = homes[n] if homes else ""
        there = clauses.sentences or {}
        hits = [m for m in near if _names(core, clauses.rows[m][2], other_text, own_text, clauses.rows[m][1], there.get(clauses.rows[m][0], ""), home)]
        if not hits and keys and keys[n]:
            hits = [m for m in near if _abridged(keys[n], clauses.rows[m][2], other_text, own_text, clauses.rows[m][1])]
        if not hits and quoted and quoted[n]:
            name = quoted[n]
            if other_text.count(_normalized(name)) == 1:
                hits = [m for m in range(len(clauses.rows)) if f"“{name}”" in clauses.rows[m][1] and not _figure_next(clauses.rows[m], clauses.sentences)]
        if len({clauses.rows[m][0] for m in hits}) == 1:
            out[n] = clauses.rows[hits[0]]
    return out


def _sieve(cores: list[str], keys: list[str] | None, texts: list[str]) -> list[list[int]]:
    """For each object, the clauses ``texts`` worth reading further, in order: those holding the
    object's last :data:`MIN_COUNTERPART_RUN` characters (a run that names it ends it:
    :func:`_names`) or its key's first ones (a short form starts with them: :func:`_abridged`), and
    whose rapidfuzz partial_ratio with the object reaches :data:`SIEVE`.  The first test, by an
    index of the clauses' character runs, leaves the partial_ratio to the few pairs that can name
    the object instead of every object against every clause."""
    from rapidfuzz import fuzz, process

    k = MIN_COUNTERPART_RUN
    index: dict[str, set[int]] = {}
    for m, t in enumerate(texts):
        for i in range(len(t) - k + 1):
            index.setdefault(t[i : i + k], set()).add(m)
    wanted: list[list[int]] = []
    for n, core in enumerate(cores):
        key = keys[n] if keys and keys[n] else ""
        found = index.get(core[-k:], set()) if len(core) >= k else set()
        if len(key) >= k:
            found = found | index.get(key[:k], set())
        wanted.append(sorted(found))
    rows = [n for n, w in enumerate(wanted) for _ in w]
    cols = [m for w in wanted for m in w]
    out: list[list[int]] = [[] for _ in cores]
    if not cols:
        return out
    scores = process.cpdist([cores[n] for n in rows], [texts[m] for m in cols], scorer=fuzz.partial_ratio, workers=1)
    for n, m, v in zip(rows, cols, scores.tolist()):
        if v >= SIEVE:
            out[n].append(m)
    return out


def sought_object(core: str) -> str:
    """The object ``core`` (normalized) as its counterpart is sought: without the words of size or
    the 等 closing it (``[worded] amounts``: 电子信息产业规模 -> 电子信息产业)."""
    from ... import vocab

    bare = vocab.pattern("tasks", "worded", "amounts").sub("", core)
    return bare if len(bare) >= MIN_COUNTERPART_RUN else core


#: characters after a clause naming a programme within which a figure makes the clause its heading
FIGURE_NEXT = 8


def _figure_next(row: tuple[int, str, str], sentences: dict[int, str] | None) -> bool:
    """Whether the clause ``row`` is followed in its sentence, within :data:`FIGURE_NEXT`
    characters, by a figure (做大做优“洪城科贷通”，争取全年放贷8.6亿元): the clause heads that figure,
    so the programme has a figure that year, not words only."""
    sent = (sentences or {}).get(row[0], "")
    at = sent.find(row[2])
    return at >= 0 and re.search(r"\d", sent[at + len(row[2]) : at + len(row[2]) + FIGURE_NEXT]) is not None


def _once(run: str, text: str, sentence: str) -> bool:
    """Whether ``run`` is written in one place of ``text``: once, or only in ``sentence`` (a
    sentence of ``text``, normalized)."""
    n = text.count(run)
    return n == 1 or (n > 1 and sentence.count(run) >= n)


def _names(core: str, clause: str, other_text: str, own_text: str, raw: str = "", other_sentence: str = "", own_sentence: str = "") -> bool:
    """Whether the normalized ``clause`` (``raw``: as written) names the object ``core``: a shared
    run of :data:`MIN_COUNTERPART_RUN` characters or more and :data:`COUNTERPART_SHARE` of the
    object, ending it (the head noun is shared: 背街小巷 of 治理背街小巷, not 智能 of 智能算力中心),
    that is no general term of the genre (:func:`_generic_run`), occurs once in each year's target
    regions (or only in the clause's sentence ``other_sentence`` and the target's ``own_sentence``), is not followed in the clause by the noun of an institution or site (``[worded]
    other_heads``) nor closes a list of examples (…等特色街区) and, when the object has words before
    it, follows an action verb or opens an item of the clause."""
    run = _longest_run(core, clause)
    if len(run) < max(MIN_COUNTERPART_RUN, COUNTERPART_SHARE * len(core)):
        return False
    if not core.endswith(run):
        return False
    if _generic_run(run) or not _once(run, other_text, other_sentence) or not _once(run, own_text, own_sentence):
        return False
    return _placed(run, core, raw or clause)


#: the start of an object written in short keeps this many characters or more, its end
#: :data:`MIN_SHORT_END` or more (城镇社区养老 + 工程 of 城镇社区养老幸福工程)
MIN_SHORT_END = 2


def _abridged(key: str, clause: str, other_text: str, own_text: str, raw: str = "") -> bool:
    """Whether the normalized ``clause`` (``raw``: as written) writes the object ``key`` in short:
    its start (:data:`MIN_COUNTERPART_RUN` characters or more, no general term of the genre) and
    its end (:data:`MIN_SHORT_END` or more) with the words between left out, together
    :data:`COUNTERPART_SHARE` of it or more (城镇社区养老幸福工程 / 新建改造一批城镇社区养老工程); the short
    form written once in the other year's target regions, the whole key once in its own year's,
    not opening a quoted name (科技领军企业“头雁”计划: a programme named after the thing) and placed
    in the clause as a counterpart is (:func:`_placed`)."""
    if key in clause:
        return False  # written whole: :func:`_names` reads it
    for i in range(len(key) - MIN_SHORT_END - 1, MIN_COUNTERPART_RUN - 1, -1):
        for k in range(len(key) - i - 1, MIN_SHORT_END - 1, -1):
            form = key[:i] + key[-k:]
            if len(form) < COUNTERPART_SHARE * len(key) or form not in clause:
                continue
            if _generic_run(key[:i]) or other_text.count(form) != 1 or own_text.count(key) != 1:
                return False
            if form + "“" in raw:
                return False  # 科技领军企业“头雁”计划: the short form opens the name of a programme
            return _placed(form, key, raw or clause, whole_start=True)
    return False


def _placed(run: str, core: str, raw: str, whole_start: bool = False) -> bool:
    """Whether ``run``, shared by the object ``core`` and the clause ``raw``, is placed there as a
    counterpart (:func:`_names`): not followed by the noun of an institution or site, not closing
    a list of examples, and, when the object has words before the run, after an action verb or
    opening an item.  ``whole_start``: the run starts the object (a short form of it)."""
    from ... import vocab

    other = vocab.pattern("tasks", "worded", "other_heads")
    items = [k for k in (_normalized(p) for p in _items(raw)) if run in k]  # the items writing the run, in order
    if any(other.search(k[k.find(run) + len(run) :]) for k in items):
        return False  # 技术创新项目 / 技术创新中心: another thing built under the name
    if any(k[: k.find(run)].endswith("等") for k in items):
        # the run closes a list of examples (推进民生路等特色街区改造, 加强集成电路…基础软件等关键技术
        # 突破): the clause speaks of the things it names, not of those the other year counts
        return False
    if whole_start or core.startswith(run):
        return True
    # the object has words before the run (实际利用外资, 果园提质增效, 省科技领军企业): the clause
    # writes the run after an action verb or at the start of an item (提升利用外资规模和质量), not
    # under a modifier of its own (促进外贸提质增效, 国家科技领军企业: another thing)
    if not items:
        return False
    before = items[0][: items[0].find(run)]
    return not before or re.search(f"(?:{_verbs().pattern})$", before) is not None


def stated_apart(q, clause: str, own_clause: str) -> bool:
    """Whether the worded ``clause`` is no statement in words of the figure ``q`` of ``own_clause``:
    it writes the figure or a count in words (:func:`_figure_written`, :func:`_said_in_words`),
    seeks a higher government's plans, or builds an institution the target's clause does not."""
    if _said_in_words(q, clause) or _figure_written(q, clause):
        return True
    if _sought(clause) and not _sought(own_clause):
        return True
    return _institution(clause) and not _institution(own_clause)


def quoted_in(clause: str, key: str) -> bool:
    """Whether ``clause`` writes a run of the object ``key`` only inside a longer quoted name
    (“环城健身步道越野赛”: a race, not the path the figure counts)."""
    from ... import quantities as qty

    def inside(name: str) -> bool:
        run = _longest_run(key, name)
        return len(run) >= MIN_COUNTERPART_RUN and len(name) > len(run)

    if not any(inside(qty.metric_key(n)) for n in re.findall(r"“([^”]+)”", clause)):
        return False
    return len(_longest_run(key, qty.metric_key(re.sub(r"“[^”]+”", "", clause)))) < MIN_COUNTERPART_RUN


#: a clause opening so after the figure's clause says what must be done about the figure: the figure
#: states the situation the task answers (今年高校毕业生超过1000万人，要加强就业创业指导), not a target
_DUTY_NEXT = re.compile(r"^[，,]\s*(?:要|必须|需要)")


def situation(t, text: str) -> bool:
    """Whether the clause of task target ``t`` in its sentence ``text`` is followed by one opening
    with 要 (:data:`_DUTY_NEXT`): the figure states a situation, so no counterpart is sought."""
    at = text.find(t.clause)
    return at >= 0 and _DUTY_NEXT.match(text[at + len(t.clause) :]) is not None
