"""Score the parser on bulletins with hand-read expected readings (the corpus in ``tests/corpus``).

Each ``<name>.txt`` bulletin has a ``<name>.expected.yaml`` beside it (format: ``tests/corpus/README.md``).
The score says, per field, how many expected values the parser reproduces exactly; the item
fields count items found at the expected line with the expected kind. Used by
``python -m builder.bench --corpus`` and by ``tests/read/test_corpus.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Issue, Item, NewsItem, Policy
from .read import decode_bytes, parse_issue

NEWS_FIELDS = ("outlet", "authors", "date")
POLICY_FIELDS = ("issuers", "doc_numbers", "date", "date_raw", "addressee", "doc_kind", "attachments",
                 "effective", "valid_until")
ITEM_FIELDS = ("boundaries", "kind", "title")
"""``boundaries``: an item starts on the expected line, and the bulletin has no other item."""


@dataclass
class Score:
    """Expected values and reproduced values per field, and every mismatch."""

    expected: Counter = field(default_factory=Counter)
    reproduced: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    bulletins: int = 0
    items: Counter = field(default_factory=Counter)

    def compare(self, name: str, want: object, got: object, where: str) -> None:
        self.expected[name] += 1
        if want == got:
            self.reproduced[name] += 1
        else:
            self.failures.append(f"{where} {name}: expected {want!r}, got {got!r}")

    def ratio(self, names: tuple[str, ...] | None = None) -> float:
        names = names or tuple(self.expected)
        total = sum(self.expected[n] for n in names)
        return sum(self.reproduced[n] for n in names) / total if total else 1.0

    def field_names(self, prefix: str) -> tuple[str, ...]:
        return tuple(n for n in self.expected if n.startswith(prefix))

    def table(self) -> str:
        """The per-field table, then the totals."""
        rows = [f"{'field':<24}{'reproduced':>12}{'':>8}"]
        for name in self.expected:
            got, want = self.reproduced[name], self.expected[name]
            rows.append(f"{name:<24}{got:>6} / {want:<5}{got / want:>7.0%}")
        fields = self.field_names("news.") + self.field_names("policy.")
        rows.append(f"{'all item fields':<24}{self.ratio(fields):>20.1%}")
        rows.append(f"bulletins: {self.bulletins}; items: {self.items['news']} news, {self.items['policy']} policies")
        return "\n".join(rows)


def score_corpus(folder: Path) -> Score:
    """Parse every ``*.txt`` bulletin of ``folder`` that has an ``.expected.yaml`` and compare."""
    score = Score()
    for path in sorted(folder.glob("*.txt")):
        expected_file = path.with_suffix(".expected.yaml")
        if expected_file.exists():
            issue, _ = parse_issue(decode_bytes(path.read_bytes(), path.name))
            score_issue(issue, yaml.safe_load(expected_file.read_text(encoding="utf-8")), score, path.name)
    return score


def score_issue(issue: Issue, expected: dict, score: Score, where: str) -> None:
    """Compare one parsed bulletin with its expected reading."""
    score.bulletins += 1
    for name, want, got in (("issue", expected["issue"], issue.number), ("part", expected["part"], issue.part),
                            ("sections", expected["sections"], [s.title for s in issue.sections])):
        score.compare(name, want, got, f"{where}:1")
    parsed = issue.items()
    by_line = {_title_line(item): item for item in parsed}
    wanted_lines = {want["first_line"] for want in expected["items"]}
    for item in parsed:
        if _title_line(item) not in wanted_lines:
            score.compare("boundaries", "no item", f"an item the gold does not have: {item.title[:30]}", f"{where}:{_title_line(item)}")
    for want in expected["items"]:
        score.items[want["kind"]] += 1
        _score_item(want, by_line.get(want["first_line"]), score, f"{where}:{want['first_line']}")


def _title_line(item: Item) -> int:
    span = item.title_span or item.span
    return span.start


def _score_item(want: dict, got: Item | None, score: Score, where: str) -> None:
    score.compare("boundaries", True, got is not None and _ends_as_expected(want, got), where)
    if got is None:
        return
    kind = "news" if isinstance(got, NewsItem) else "policy"
    score.compare("kind", want["kind"], kind, where)
    score.compare("title", want["title"], got.title_raw if isinstance(got, Policy) else got.title, where)
    if kind != want["kind"]:
        return
    reading = read_news(got) if isinstance(got, NewsItem) else read_policy(got)
    for name in NEWS_FIELDS if kind == "news" else POLICY_FIELDS:
        if name in want or name in ("effective", "valid_until"):
            score.compare(f"{kind}.{name}", _iso(want.get(name)), reading[name], where)


def _ends_as_expected(want: dict, got: Item) -> bool:
    return "last_line" not in want or got.span.end == want["last_line"]


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def read_news(item: NewsItem) -> dict:
    """The parser's reading of a news item in the gold file's terms."""
    src = item.source
    return {"outlet": src.outlet if src else None, "authors": list(item.authors), "date": _iso(item.date)}


def read_policy(item: Policy) -> dict:
    """The parser's reading of a policy in the gold file's terms."""
    return {
        "issuers": list(item.issuers),
        "doc_numbers": [n.normalized or n.raw for n in item.doc_numbers],
        "date": _iso(item.date),
        "date_raw": item.date_raw.text if item.date_raw else None,
        "addressee": item.addressee.text.rstrip(":：") if item.addressee else None,
        "doc_kind": item.kind,
        "attachments": [{"title": a.name} for a in item.attachments],
        "effective": _iso(item.validity.effective),
        "valid_until": _iso(item.validity.valid_until),
    }
