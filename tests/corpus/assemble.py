"""Build the corpus bulletins (bulletins/*.txt + *.expected.yaml) from manifest.yaml.

Each item is a real public text stored in docs/<id>.txt or news/<id>.txt (first lines
`# source:` / `# note:` are stripped). The hand-read gold readings live in gold/docs.yaml and
gold/news.yaml; this script only adds what the assembly decides: the 1-based line of each
item's title in the bulletin, the issue number, part and section order.

Run: python tests/corpus/assemble.py   (deterministic; rewrites bulletins/)
"""
from __future__ import annotations

import datetime as dt
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
NBSP = "\xa0"
INDENTS = {"nbsp": "\xa0 \xa0 \xa0 \xa0", "ascii": "  ", "fullwidth": "\u3000\u3000"}
FULL_INDENT = "\u3000\u3000"
SEPARATOR = ["", NBSP, ""]


@dataclass
class Rendered:
    """An item's lines as they appear in the bulletin and the title's offset in them."""

    lines: list[str]
    title_offset: int


def read_text(ref: str) -> list[str]:
    """Lines of a corpus text without its `# ` header lines."""
    raw = (HERE / f"{ref}.txt").read_text(encoding="utf-8").split("\n")
    while raw and raw[0].startswith("# "):
        raw.pop(0)
    while raw and raw[-1] == "":
        raw.pop()
    return raw


def indent_line(line: str, indent: str) -> str:
    """Write a published paragraph indentation (　　) in the bulletin's style."""
    if line.startswith(FULL_INDENT):
        return indent + line[len(FULL_INDENT):]
    return line


def is_source_line(line: str) -> bool:
    """A 来源 line (at the end of an item, or printed under the headline)."""
    return "来源" in line[:40] and ("来源:" in line or "来源：" in line or "来源: " in line)


def render_news(lines: list[str], indent: str) -> Rendered:
    """Headline, blank, body (indented), blank, trailing 来源 line if any."""
    head, rest = lines[0], lines[1:]
    above: list[str] = []
    if rest and is_source_line(rest[0]):
        above.append(rest.pop(0))
    tail = [rest.pop()] if rest and is_source_line(rest[-1]) else []
    body = [ln if not ln or ln[0].isspace() else indent + ln for ln in rest]
    out = [head, ""] + above + body
    if tail:
        out += ["", tail[0]]
    return Rendered(out, 0)


def render_doc(lines: list[str], indent: str, title: str) -> Rendered:
    """First line, blank (seed style), then the text with indentation restyled; no blank inside a
    title wrapped over several lines."""
    wrapped = lines[0] != title and title.startswith(lines[0])
    out = [lines[0]] + ([] if wrapped else [""]) + [indent_line(ln, indent) for ln in lines[1:]]
    return Rendered(out, find_title(out, title))


def find_title(lines: list[str], title: str) -> int:
    """Index of the line where the (possibly wrapped) title starts."""
    for i, line in enumerate(lines):
        text = line.strip()
        if text and (text == title or (len(text) >= 6 and title.startswith(text))):
            return i
    raise ValueError(f"title not found: {title}")


def last_text_line(lines: list[str]) -> int:
    """1-based index of the last line holding text (the item's last line)."""
    return max(k for k, line in enumerate(lines, start=1) if line.strip(" \t\xa0\u3000"))


def iso(value: object) -> object:
    """Dates from YAML as ISO strings."""
    return value.isoformat() if isinstance(value, dt.date) else value


def gold_entry(ref: str, gold: dict, first_line: int) -> dict:
    """The expected reading of one item."""
    kind, ident = ref.split("/")
    entry = dict(gold["news" if kind == "news" else "docs"][ident])
    out = {"id": ident, "kind": "news" if kind == "news" else "policy",
           "title": entry.pop("title"), "first_line": first_line, "last_line": None}
    if kind == "docs":
        out["doc_kind"] = entry.pop("kind")
    for key, value in entry.items():
        out[key] = iso(value)
    return out


def build(spec: dict, gold: dict) -> tuple[str, dict]:
    """Bulletin text and its expected reading."""
    indent = INDENTS[spec["indent"]]
    lines: list[str] = []
    if spec.get("breadcrumb"):
        lines.append(spec["breadcrumb"])
    lines += [f"简报·第{spec['number']}期({spec['part']})", "", NBSP, ""]
    items: list[dict] = []
    for s_no, section in enumerate(spec["sections"]):
        if s_no:
            lines += SEPARATOR
        lines += [section["title"] + ("  " if s_no == 0 else ""), ""]
        for i_no, ref in enumerate(section["items"]):
            if i_no:
                lines += SEPARATOR
            rendered = render_item(ref, indent, gold)
            entry = gold_entry(ref, gold, len(lines) + rendered.title_offset + 1)
            entry["last_line"] = len(lines) + last_text_line(rendered.lines)
            items.append(entry)
            lines += rendered.lines
    expected = {"issue": spec["number"], "part": spec["part"],
                "breadcrumb": spec.get("breadcrumb"),
                "sections": [s["title"] for s in spec["sections"]], "items": items}
    return "\n".join(lines) + "\n", expected


def render_item(ref: str, indent: str, gold: dict) -> Rendered:
    """Render one corpus text for the bulletin."""
    kind, ident = ref.split("/")
    lines = read_text(ref)
    if kind == "news":
        return render_news(lines, indent)
    return render_doc(lines, indent, gold["docs"][ident]["title"])


def check(text: str, expected: dict) -> None:
    """Every expected title starts on its first_line."""
    lines = text.split("\n")
    for item in expected["items"]:
        line = lines[item["first_line"] - 1].strip()
        if not item["title"].startswith(line) or not line:
            raise ValueError(f"{item['id']}: line {item['first_line']} is {line!r}")


def main() -> int:
    """Rewrite bulletins/ from the manifest."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    manifest = yaml.safe_load((HERE / "manifest.yaml").read_text(encoding="utf-8"))
    gold = {k: yaml.safe_load((HERE / "gold" / f"{k}.yaml").read_text(encoding="utf-8"))
            for k in ("docs", "news")}
    out_dir = HERE / "bulletins"
    out_dir.mkdir(exist_ok=True)
    for spec in manifest["bulletins"]:
        text, expected = build(spec, gold)
        check(text, expected)
        (out_dir / f"{spec['name']}.txt").write_text(text, encoding="utf-8")
        dump = yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=1000)
        (out_dir / f"{spec['name']}.expected.yaml").write_text(dump, encoding="utf-8")
        log.info("%s: %d items", spec["name"], len(expected["items"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
