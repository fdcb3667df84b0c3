"""The Chinese word segmenter of the search index (jieba, used by the theme's search plugin).

jieba keeps one dictionary per process and the search plugin adds the glossary to it on every
build, which shifts word frequencies: two builds in one process (``briefing serve``, the tests)
would segment differently. Before each build the dictionary is put back as it was first loaded.
Its cache is kept in the project's ``.cache/`` folder instead of the system's temporary folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

_pristine: tuple[dict[str, int], int] | None = None


def reset_segmenter(cache_dir: Path) -> None:
    """Load jieba's dictionary once per process (cached in ``cache_dir``), else restore it."""
    global _pristine
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency of the project
        return
    tokenizer = jieba.dt
    if _pristine is None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache_dir)
        jieba.setLogLevel(logging.WARNING)
        tokenizer.initialize()
        _pristine = (dict(tokenizer.FREQ), tokenizer.total)
        return
    tokenizer.FREQ = dict(_pristine[0])
    tokenizer.total = _pristine[1]
    tokenizer.user_word_tag_tab = {}
