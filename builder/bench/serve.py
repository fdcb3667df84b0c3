"""How long ``briefing serve`` takes to show an edit of one bulletin in an archive of N issues.

    python -m builder.bench.serve 100 [--edits 3]

Makes a synthetic archive in a temporary folder, starts ``briefing serve`` on a free loopback port,
waits for the first build, then edits one bulletin (a word in a policy's text) several times and
measures, for each edit, the seconds from writing the file to the served page showing the new word.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .synthetic import write_archive

_WORD = "随着世界"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait(url: str, word: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if word in _get(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {word!r} within {limit:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder.bench.serve")
    parser.add_argument("issues", type=int)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    with tempfile.TemporaryDirectory(prefix="briefing-serve-bench-") as tmp:
        base = Path(tmp)
        paths = write_archive(root / "seeds" / "bulletin-268-1.txt", root / "seeds" / "glossary.yaml", base / "seeds", args.issues)
        bulletin = paths[len(paths) // 2]
        port = _free_port()
        command = [sys.executable, "-m", "builder", "--root", str(root), "--seeds", str(base / "seeds"),
                   "--content", str(base / "content"), "-q", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        start = time.perf_counter()
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            home = f"http://127.0.0.1:{port}/"
            _wait(home, "科技金融简报", 1800)
            print(f"{args.issues} issues: first build served after {time.perf_counter() - start:.1f} s")
            page = _page_of(base / "content", bulletin)
            seconds = []
            for k in range(args.edits):
                marker = f"随着第{k + 1}次编辑后的世界"
                text = bulletin.read_text(encoding="utf-8")
                previous = _WORD if k == 0 else f"随着第{k}次编辑后的世界"
                bulletin.write_text(text.replace(previous, marker, 1), encoding="utf-8")
                seconds.append(_wait(home + page, marker, 120))
                time.sleep(1.0)
            print(f"edit → page served: {', '.join(f'{s:.1f}' for s in seconds)} s "
                  f"(median {statistics.median(seconds):.1f} s)")
        finally:
            os.killpg(server.pid, signal.SIGINT)
            server.wait(timeout=30)
    return 0


def _page_of(content: Path, bulletin: Path) -> str:
    """The site address of the page holding the edited words (found in the generated Markdown)."""
    stem = bulletin.stem
    for md in sorted(content.rglob("*.md")):
        if "/news/" in md.as_posix() and _WORD in md.read_text(encoding="utf-8") and _issue_of(md) == stem:
            return md.relative_to(content).with_suffix(".html").as_posix()
    raise SystemExit(f"no page of {bulletin.name} holds {_WORD}")


def _issue_of(md: Path) -> str:
    """``bulletin-1050-1`` for a page of that bulletin (``source: seeds/bulletin-1050-1.txt:8-23``)."""
    for line in md.read_text(encoding="utf-8").splitlines():
        if line.startswith("source:"):
            return Path(line.split(":", 1)[1].strip().strip("'\"").rsplit(":", 1)[0]).stem
    return ""


if __name__ == "__main__":
    raise SystemExit(main())
