"""Tokenization for matching; the only module that imports jieba.

The default tokenizer is character bigrams: for Chinese policy text they
match about as well as words (measured on the seeds, see
``benchmarks/bench.py``) and cost nothing at start-up, while loading jieba's
dictionary costs 0.7-1.4 s.  jieba's full dictionary is loaded lazily, once,
only when asked for (``--tokenizer jieba``).

:func:`content_words` (new/dropped initiatives of two reports) segments with
jieba too, but without loading its whole dictionary: a segmentation of a text
only ever looks up substrings of that text, so a :class:`jieba.Tokenizer`
given just the dictionary entries whose first two characters occur in the
text cuts it exactly as the full dictionary does (same words, same
frequencies, same total).  The entries are read from an SQLite copy of
jieba's dictionary, made once per machine in the user's cache folder
(:func:`dictionary_db`); when that folder cannot be written, the full
dictionary is loaded as before.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

__all__ = ("bigrams", "words", "han_words", "content_words", "content_words_many", "tokenize", "TOKENIZERS", "GENERIC_WORDS")


def bigrams(key: str) -> str:
    """Space-separated character bigrams of a matching key (``"abc" -> "ab bc"``)."""
    if len(key) < 2:
        return key
    return " ".join(key[i : i + 2] for i in range(len(key) - 1))


def _import_jieba():
    """``import jieba`` without the 0.1 s import of ``pkg_resources`` that its
    ``_compat`` module makes only to open its own data files (it falls back
    to a plain ``open`` of the same files when the import fails)."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
    else:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes that import fail
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


@functools.lru_cache(maxsize=1)
def _jieba():
    jieba = _import_jieba()
    jieba.initialize()
    return jieba


#: SQLite copy of jieba's prefix dictionary: table ``w(k, word, freq)`` keyed by
#: the entry's first two characters, and ``meta(total)``
_DB_VERSION = 1


def dictionary_db() -> Path | None:
    """Path of the SQLite copy of jieba's dictionary, made on first use (about
    2 s, once per machine and jieba version); None when it cannot be written."""
    import sqlite3

    jieba = _import_jieba()
    source = Path(jieba.__file__).with_name("dict.txt")
    try:
        st = source.stat()
    except OSError:
        return None
    from .output import cache_dir

    base = cache_dir("jieba")
    if base is None:
        return None
    target = base / f"jieba-{jieba.__version__}-{st.st_size}-{int(st.st_mtime)}-v{_DB_VERSION}.sqlite"
    if target.exists():
        return target
    try:
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        full = _jieba().dt  # the default tokenizer, dictionary loaded
        con = sqlite3.connect(tmp)
        try:
            con.execute("CREATE TABLE w (k TEXT NOT NULL, word TEXT NOT NULL, freq INTEGER NOT NULL)")
            con.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            con.executemany("INSERT INTO w VALUES (?, ?, ?)", ((w[:2], w, f) for w, f in full.FREQ.items()))
            con.execute("INSERT INTO meta VALUES (?)", (full.total,))
            con.execute("CREATE INDEX w_k ON w (k)")
            con.commit()
        finally:
            con.close()
        os.replace(tmp, target)  # atomic: parallel workers may build it at once
    except (OSError, sqlite3.Error):
        return None
    return target


class _PartialTokenizer:
    """A jieba tokenizer that holds only the dictionary entries the texts it has
    cut can need (see the module docstring)."""

    def __init__(self, db: Path) -> None:
        import sqlite3

        jieba = _import_jieba()
        self.con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        self.tk = jieba.Tokenizer()
        self.tk.total = self.con.execute("SELECT total FROM meta").fetchone()[0]
        self.tk.initialized = True  # FREQ is filled below, text by text
        self.loaded: set[str] = set()
        self.ready: set[str] = set()  # texts whose entries are loaded

    def load(self, texts: list[str]) -> None:
        """Read the entries that cutting ``texts`` can look up (one query per 500 keys)."""
        keys: set[str] = set()
        for text in texts:
            if text in self.ready:
                continue
            keys.update(text[i : i + 2] for i in range(len(text)))  # bigrams, and the last character
            keys.update(text)
        self.ready.update(texts)
        todo = sorted(keys - self.loaded)
        self.loaded.update(todo)
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            self.tk.FREQ.update(self.con.execute(f"SELECT word, freq FROM w WHERE k IN ({','.join('?' * len(chunk))})", chunk))
        if len(self.ready) > WORDS_CACHE:
            self.ready.clear()  # only a shortcut: a text not in it has its keys looked at again

    def lcut(self, text: str) -> list[str]:
        if text not in self.ready:
            self.load([text])
        return _lcut(self.tk, text)


class _Cutter:
    """``jieba.Tokenizer.lcut(text)`` (accurate mode, HMM on) of one tokenizer,
    the same words computed with less Python overhead: the word graph and the
    best route in one backward pass, each dictionary word's log frequency
    computed once.  Every float is computed as jieba computes it (``log(freq) -
    log(total) + route``, in that order) and ties are broken the same way (the
    larger end), so the route, and the words, are jieba's.  jieba cuts each run
    of CJK characters, letters and digits on its own: the words of each run
    are kept (:data:`WORDS_CACHE` runs)."""

    def __init__(self, tk) -> None:
        import math

        from jieba import finalseg

        self.tk = tk
        self.log = math.log
        self.logtotal = math.log(tk.total)
        self.weight: dict[str, float] = {}  # word -> log(freq or 1) - log(total)
        self.hmm_cut = finalseg.cut
        self.blocks: dict[str, list[str]] = {}  # words of each block cut so far

    def lcut(self, sentence: str) -> list[str]:
        import jieba

        re_han, re_skip = jieba.re_han_default, jieba.re_skip_default
        out: list[str] = []
        for blk in re_han.split(sentence):
            if not blk:
                continue
            if re_han.match(blk):
                # a block is cut on its own: the clauses of a sentence, and the
                # two years' reports, share most of theirs
                got = self.blocks.get(blk)
                if got is None:
                    got = []
                    self._cut_dag(blk, got)
                    if len(self.blocks) >= WORDS_CACHE:
                        self.blocks.clear()
                    self.blocks[blk] = got
                out.extend(got)
            else:
                for x in re_skip.split(blk):
                    if re_skip.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _cut_dag(self, sentence: str, out: list[str]) -> None:
        freq = self.tk.FREQ
        weight = self.weight
        n = len(sentence)
        route_v: list[float] = [0] * (n + 1)  # jieba's route[n] is (0, 0)
        route_x = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best_v = best_x = None
            i = k
            frag = sentence[k]
            while i < n:
                f = freq.get(frag)  # one lookup: None ends the prefixes, 0 is a prefix only
                if f is None:
                    break
                if f:
                    w = weight.get(frag)
                    if w is None:
                        w = weight[frag] = self.log(f) - self.logtotal
                    v = w + route_v[i + 1]
                    if best_v is None or v > best_v or (v == best_v and i > best_x):
                        best_v, best_x = v, i
                i += 1
                frag = sentence[k : i + 1]
            if best_v is None:  # no word starts here: the character alone
                best_v, best_x = self.log(freq.get(sentence[k]) or 1) - self.logtotal + route_v[k + 1], k
            route_v[k] = best_v
            route_x[k] = best_x
        x = 0
        buf = ""
        while x < n:
            y = route_x[x] + 1
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    self._flush(buf, out)
                    buf = ""
                out.append(sentence[x:y])
            x = y
        if buf:
            self._flush(buf, out)

    def _flush(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif not self.tk.FREQ.get(buf):
            out.extend(self.hmm_cut(buf))
        else:
            out.extend(buf)


_CUTTERS: dict[int, _Cutter] = {}


def _lcut(tk, text: str) -> list[str]:
    """``tk.lcut(text)`` through a :class:`_Cutter` of ``tk`` (a jieba.Tokenizer)."""
    cutter = _CUTTERS.get(id(tk))
    if cutter is None or cutter.tk is not tk:
        cutter = _CUTTERS[id(tk)] = _Cutter(tk)
    return cutter.lcut(text)


@functools.lru_cache(maxsize=1)
def _content_tokenizer():
    """The tokenizer of :func:`content_words`: a partial one, or jieba itself."""
    if "jieba" in sys.modules and sys.modules["jieba"].dt.initialized:
        return sys.modules["jieba"]  # the full dictionary is loaded already
    db = dictionary_db()
    return _PartialTokenizer(db) if db is not None else _jieba()


def words(key: str) -> str:
    """Space-separated jieba words (deterministic: HMM off)."""
    return " ".join(w for w in _jieba().lcut(key, HMM=False) if w.strip())


#: action words and qualifiers that every sentence of a work report uses: they
#: say nothing about *what* is done, so they are left out of :func:`content_words`
GENERIC_WORDS = frozenset(
    "推进 加快 实施 建设 开展 全面 持续 深入 强化 加强 完善 提升 推动 打造 项目 发展 工作 积极 不断 进一步 全力 坚持 "
    "落实 高质量 力争 深化 扎实 着力 大力 切实 有序 稳步 做好 确保 促进 一批 体系 机制 水平 能力 服务 管理 创建 重点 "
    "新增 以上 实现".split()
)


#: distinct texts whose :func:`content_words` are kept (emptied when full): a
#: batch cuts each report's sentences for the pair with the year before and
#: again for the year after (a pure function: the cache changes no output)
WORDS_CACHE = 1 << 15
_WORDS: dict[str, tuple[str, ...]] = {}


def content_words_many(texts: list[str]) -> list[list[str]]:
    """:func:`content_words` of each text (the dictionary entries they need read at once)."""
    tk = _content_tokenizer()
    todo = [t for t in texts if t not in _WORDS]
    if isinstance(tk, _PartialTokenizer) and todo:
        tk.load(todo)
    return [content_words(t) for t in texts]


def content_words(text: str) -> list[str]:
    """The words of ``text`` that name things: jieba words of two or more
    characters (its HMM on, so that unknown names such as 佳乡 stay whole),
    without :data:`GENERIC_WORDS` and short numbers (4-digit and longer
    numbers such as 12345 are names)."""
    got = _WORDS.get(text)
    if got is None:
        got = _content_words(text)
        if len(_WORDS) >= WORDS_CACHE:
            _WORDS.clear()
        _WORDS[text] = got
    return list(got)


#: content words of each piece of a text as jieba splits it (runs of CJK characters,
#: letters and digits, and what lies between): a clause's pieces are its sentence's
_PIECE_WORDS: dict[str, tuple[str, ...]] = {}


def _cutter(text: str):
    """The jieba tokenizer that cuts ``text``, with the dictionary entries of its pieces read."""
    tk = _content_tokenizer()
    if isinstance(tk, _PartialTokenizer):
        if text not in tk.ready:
            tk.load([text])  # the entries of the text's pieces
        return tk.tk
    return tk.dt


def _content_words(text: str) -> tuple[str, ...]:
    base = _cutter(text)
    out: list[str] = []
    # jieba cuts each piece on its own, and the filter keeps or drops each word on its
    # own: the words of a text are those of its pieces, in order
    for piece in sys.modules["jieba"].re_han_default.split(text):
        if not piece:
            continue
        got = _PIECE_WORDS.get(piece)
        if got is None:
            got = _keep_content(_lcut(base, piece))
            if len(_PIECE_WORDS) >= WORDS_CACHE:
                _PIECE_WORDS.clear()
            _PIECE_WORDS[piece] = got
        out.extend(got)
    return tuple(out)


def han_words(text: str) -> list[str]:
    """The jieba words of ``text`` (cut as :func:`content_words` cuts it) of two or more Chinese
    characters, :data:`GENERIC_WORDS` included (坚持, 不断 and the like are what rhetoric is made of)."""
    base = _cutter(text)
    out = []
    for piece in sys.modules["jieba"].re_han_default.split(text):
        if piece:
            out += [w for w in _lcut(base, piece) if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w)]
    return out


def _keep_content(words: list[str]) -> tuple[str, ...]:
    out = []
    for w in words:
        if w.isdigit() or w.replace(".", "").replace("%", "").isdigit():
            if w.isdigit() and len(w) >= 4:
                out.append(w)
        elif len(w) >= 2 and w not in GENERIC_WORDS and w.strip():
            out.append(w)
    return tuple(out)


TOKENIZERS = {"bigram": bigrams, "jieba": words}


def tokenize(keys: list[str], name: str = "bigram") -> list[str]:
    """Tokenize many keys with the named tokenizer."""
    fn = TOKENIZERS[name]
    return [fn(k) for k in keys]
