"""The content words of new/dropped come from a partial jieba dictionary: same cut as jieba's full one."""

from pathlib import Path

import pytest

from reportdiff import tokens
from reportdiff.normalize import fold

EX = Path(__file__).resolve().parent.parent / "examples"


def test_partial_dictionary_cuts_like_jieba(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    db = tokens.dictionary_db()
    if db is None:
        pytest.skip("cache folder not writable")
    assert db.parent == tmp_path / "reportdiff" / "jieba"
    texts = [fold(line) for line in (EX / "chiping-2024-report.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["12345市民热线和佳乡品牌", "聊城大外环", ""]
    part = tokens._PartialTokenizer(db)
    full = tokens._jieba()
    assert [part.lcut(t) for t in texts] == [full.lcut(t) for t in texts]
