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

__all__ = ("bigrams", "words", "tokenize", "TOKENIZERS")


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


TOKENIZERS = {"bigram": bigrams, "jieba": words}


def tokenize(keys: list[str], name: str = "bigram") -> list[str]:
    """Tokenize many keys with the named tokenizer."""
    fn = TOKENIZERS[name]
    return [fn(k) for k in keys]
