"""``python -m builder.search [SITE [CONTENT]]``: (re)write the search index of a built site."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from . import build_search


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0]) if args else Path("site")
    content = Path(args[1]) if len(args) > 1 else Path("content")
    start = time.perf_counter()
    emitted = build_search(site, content)
    parts = ", ".join(f"{k} {v / 1e3:.0f} kB" for k, v in sorted(emitted.bytes.items()))
    print(f"search: {emitted.files} files, {sum(emitted.bytes.values()) / 1e3:.0f} kB ({parts}), "
          f"{emitted.shards} shards, {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
