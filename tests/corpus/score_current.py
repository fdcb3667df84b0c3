"""Score the current parser against the corpus gold readings (bulletins/*.expected.yaml).

Run: python tests/corpus/score_current.py [--failures]
Prints, per field, how many expected values the parser reproduces; with --failures also every
mismatch as `bulletin:line field expected | got`. Scoring only: it asserts nothing.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from builder.model import NewsItem, Policy  # noqa: E402
from builder.read import decode_bytes, parse_issue  # noqa: E402

HERE = Path(__file__).resolve().parent
NEWS_FIELDS = ("outlet", "authors", "date")
POLICY_FIELDS = ("issuers", "doc_numbers", "date", "date_raw", "addressee", "doc_kind",
                 "attachments", "effective", "valid_until")


def iso(value: object) -> object:
    """Dates as ISO strings, everything else unchanged."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def read_news(item: NewsItem) -> dict:
    """The parser's reading of a news item in gold terms."""
    src = item.source
    return {"outlet": src.outlet if src else None,
            "authors": list(src.authors) if src else [],
            "date": iso(src.date) if src else None}


def read_policy(item: Policy) -> dict:
    """The parser's reading of a policy in gold terms."""
    number = item.doc_number
    addressee = item.addressee.text.strip().rstrip(":：") if item.addressee else None
    return {"issuers": [s for s in (item.issuer or "").split("、") if s],
            "doc_numbers": [number.normalized or number.raw] if number else [],
            "date": iso(item.date),
            "date_raw": item.date_raw.text.strip() if item.date_raw else None,
            "addressee": addressee, "doc_kind": item.kind,
            "attachments": [{"title": item.attachment.title}] if item.attachment else [],
            "effective": iso(item.validity.effective),
            "valid_until": iso(item.validity.valid_until)}


def find(parsed: list, want: dict):
    """The parsed item for an expected one: same first line, else same title."""
    for item in parsed:
        if item.span.start == want["first_line"]:
            return item
    return next((p for p in parsed if p.title == want["title"]), None)


def score_item(want: dict, got, tally: Counter, hits: Counter, fails: list, where: str) -> None:
    """Compare one item field by field."""
    def compare(field: str, expected: object, actual: object) -> None:
        tally[field] += 1
        if expected == actual:
            hits[field] += 1
        else:
            fails.append(f"{where}:{want['first_line']} {field}: {expected!r} | {actual!r}")

    compare("found", True, got is not None)
    if got is None:
        return
    kind = "news" if isinstance(got, NewsItem) else "policy"
    compare("kind", want["kind"], kind)
    compare("title", want["title"], got.title)
    compare("first_line", want["first_line"], got.span.start)
    if kind != want["kind"]:
        return
    reading = read_news(got) if kind == "news" else read_policy(got)
    for field in NEWS_FIELDS if kind == "news" else POLICY_FIELDS:
        compare(f"{kind}.{field}", want.get(field), reading[field])


def score_bulletin(path: Path, tally: Counter, hits: Counter, fails: list) -> None:
    """Parse one bulletin and compare it with its expected reading."""
    expected = yaml.safe_load(path.with_suffix("").with_suffix(".expected.yaml").read_text("utf-8"))
    issue, _ = parse_issue(decode_bytes(path.read_bytes(), str(path)))
    where = path.name
    for field, want, got in (("issue", expected["issue"], issue.number),
                             ("part", expected["part"], issue.part),
                             ("sections", expected["sections"], [s.title for s in issue.sections])):
        tally[field] += 1
        hits[field] += want == got
        if want != got:
            fails.append(f"{where}:1 {field}: {want!r} | {got!r}")
    parsed = issue.items()
    tally["item count"] += 1
    hits["item count"] += len(parsed) == len(expected["items"])
    if len(parsed) != len(expected["items"]):
        fails.append(f"{where}:1 item count: {len(expected['items'])} | {len(parsed)}")
    for want in expected["items"]:
        score_item(want, find(parsed, want), tally, hits, fails, where)


def main() -> int:
    """Score every corpus bulletin and print the table."""
    tally: Counter = Counter()
    hits: Counter = Counter()
    fails: list[str] = []
    for path in sorted((HERE / "bulletins").glob("*.txt")):
        score_bulletin(path, tally, hits, fails)
    print(f"{'field':<22}{'reproduced':>12}")
    for field in tally:
        print(f"{field:<22}{hits[field]:>6} / {tally[field]:<4}")
    if "--failures" in sys.argv:
        print("\n".join(fails))
    return 0


if __name__ == "__main__":
    sys.exit(main())
