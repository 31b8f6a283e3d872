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

__all__ = ("bigrams", "words", "content_words", "content_words_many", "tokenize", "TOKENIZERS", "GENERIC_WORDS")


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

    def load(self, texts: list[str]) -> None:
        """Read the entries that cutting ``texts`` can look up (one query per 500 keys)."""
        keys: set[str] = set()
        for text in texts:
            keys.update(text[i : i + 2] for i in range(len(text)))  # bigrams, and the last character
            keys.update(text)
        todo = sorted(keys - self.loaded)
        self.loaded.update(todo)
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            self.tk.FREQ.update(self.con.execute(f"SELECT word, freq FROM w WHERE k IN ({','.join('?' * len(chunk))})", chunk))

    def lcut(self, text: str) -> list[str]:
        self.load([text])
        return self.tk.lcut(text)


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


def _content_words(text: str) -> tuple[str, ...]:
    out = []
    for w in _content_tokenizer().lcut(text):
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
