"""Vocabulary data files (``reportdiff/data/*.toml``), read once each.

Word lists are data with provenance (see ``data/README.md``), not code.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ("load", "pattern")


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed ``data/<name>.toml``."""
    text = resources.files("reportdiff").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.lru_cache(maxsize=None)
def pattern(name: str, table: str, key: str) -> re.Pattern:
    """The compiled regular expression ``[table] key`` of ``data/<name>.toml``."""
    return re.compile(load(name)[table][key])
