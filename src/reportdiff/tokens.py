"""Tokenization for matching; the only module that imports jieba.

The default tokenizer is character bigrams: for Chinese policy text they
match about as well as words (measured on the seeds, see
``benchmarks/bench.py``) and cost nothing at start-up, while loading jieba's
dictionary costs 0.7-1.3 s.  jieba is loaded lazily, once, only when asked
for (``--tokenizer jieba``) or when a report explains a match with words.
"""

from __future__ import annotations

import functools
import logging

__all__ = ("bigrams", "words", "content_words", "tokenize", "TOKENIZERS", "GENERIC_WORDS")


def bigrams(key: str) -> str:
    """Space-separated character bigrams of a matching key (``"abc" -> "ab bc"``)."""
    if len(key) < 2:
        return key
    return " ".join(key[i : i + 2] for i in range(len(key) - 1))


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


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


def content_words(text: str) -> list[str]:
    """The words of ``text`` that name things: jieba words of two or more
    characters (its HMM on, so that unknown names such as 佳乡 stay whole),
    without :data:`GENERIC_WORDS` and short numbers (4-digit and longer
    numbers such as 12345 are names)."""
    out = []
    for w in _jieba().lcut(text):
        if w.isdigit() or w.replace(".", "").replace("%", "").isdigit():
            if w.isdigit() and len(w) >= 4:
                out.append(w)
        elif len(w) >= 2 and w not in GENERIC_WORDS and w.strip():
            out.append(w)
    return out


TOKENIZERS = {"bigram": bigrams, "jieba": words}


def tokenize(keys: list[str], name: str = "bigram") -> list[str]:
    """Tokenize many keys with the named tokenizer."""
    fn = TOKENIZERS[name]
    return [fn(k) for k in keys]
