"""Parse stage: decoded bulletin → ``Issue`` model plus diagnostics.

The grammar, top down:

* header — breadcrumb (``您当前所在位置:…``) and title (``简报·第268期(上)``);
* sections — a short standalone title (资讯传递, 政策速递, or any other) followed by items;
* items — where each starts and ends, and whether it is news or a policy, is decided from the
  shape of the whole item (:mod:`.segment`); each is then taken apart by :mod:`.news` or
  :mod:`.policy` (head, notice, 署名, attachments …), clauses by :mod:`.body`.

Every non-blank line ends up in exactly one model object; lines no rule recognises are kept as
``UNRECOGNISED`` blocks where they stood and reported.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import PurePosixPath

from ..model import BlockKind, Diagnostic, Issue, Item, Section, Severity
from . import rules
from .context import Context, Line, quote, source_lines
from .decode import SourceText
from .news import parse_news
from .policy import parse_policy
from .segment import ItemPlan, Kind, section_prior, split_items

log = logging.getLogger(__name__)


def parse_issue(source: SourceText) -> tuple[Issue, list[Diagnostic]]:
    """Parse one bulletin. Never raises on odd text: what is not understood is kept and reported."""
    ctx = Context(source.path)
    lines = source_lines(source.lines)
    starts = _find_sections(lines, ctx)
    header = _parse_header(lines[: starts[0] if starts else len(lines)], ctx)
    bounds = starts + [len(lines)]
    sections = tuple(_parse_section(lines, first, end, ctx) for first, end in zip(bounds, bounds[1:]))
    if not starts:
        ctx.report(1, Severity.ERROR, "no-sections", "no section title (资讯传递, 政策速递 …) found")
    return replace(header, sections=sections), ctx.diagnostics


def parse_item(lines: list[Line], kind: Kind, ctx: Context) -> Item:
    """One item of a known kind (also used by editor corrections that split or merge items)."""
    return parse_policy(lines, ctx) if kind is Kind.POLICY else parse_news(lines, ctx)


# --- header and sections -----------------------------------------------------------------------


def _parse_header(lines: list[Line], ctx: Context) -> Issue:
    breadcrumb, title_line, reading, front = None, None, None, []
    for line in lines:
        if not line.text:
            continue
        if breadcrumb is None and title_line is None and rules.match_breadcrumb(line.text):
            breadcrumb = ctx.block(line)
        elif title_line is None and (found := rules.match_issue_title(line.text)):
            title_line, reading = line, found
        else:
            front.append(ctx.block(line, BlockKind.UNRECOGNISED))
            ctx.warn(line.number, "unrecognised", f"text before the first section kept as is: {quote(line.text)}")
    if title_line is None:
        number = _number_from_filename(ctx.file)
        ctx.warn(1, "no-issue-title", f"no issue title like 简报·第268期(上); issue number taken from the file name: {number}")
        return Issue(ctx.file, "", number, None, ctx.span(Line(1, "")), breadcrumb, tuple(front))
    return Issue(ctx.file, title_line.text, reading.number, reading.part, ctx.span(title_line), breadcrumb, tuple(front))


def _number_from_filename(file: str) -> int | None:
    m = re.search(r"(\d+)", PurePosixPath(file).stem)
    return int(m.group(1)) if m else None


def _find_sections(lines: list[Line], ctx: Context) -> list[int]:
    """Indexes of section title lines."""
    starts = []
    for i, line in enumerate(lines):
        if not _standalone(lines, i):
            continue
        if rules.match_known_section(line.text):
            starts.append(i)
        elif _guessed_section(line.text) and _next_is_title(lines, i):
            starts.append(i)
            ctx.info(line.number, "section-guessed", f"read {quote(line.text)} as a section title")
    return starts


def _guessed_section(text: str) -> bool:
    """A short standalone line of Han characters that is not a body's name (a 版头 or a 署名)."""
    return (rules.looks_like_section_title(text) and not rules.looks_like_signature(text)
            and not rules.match_masthead_organ(text) and not rules.looks_like_document_title(text))


def _standalone(lines: list[Line], i: int) -> bool:
    """A non-blank line with a blank (or the file's edge) before and after it."""
    return bool(lines[i].text) and (i == 0 or not lines[i - 1].text) and (i + 1 == len(lines) or not lines[i + 1].text)


def _next_is_title(lines: list[Line], i: int) -> bool:
    j = next((j for j in range(i + 1, len(lines)) if lines[j].text), None)
    return j is not None and _standalone(lines, j) and "。" not in lines[j].text and len(lines[j].text) <= 80


def _parse_section(lines: list[Line], first: int, end: int, ctx: Context) -> Section:
    title = lines[first]
    plans = split_items(lines, first + 1, end, ctx, section_prior(title.text))
    items = tuple(_parse_planned(lines, plan, ctx) for plan in plans)
    return Section(title.text, ctx.span(title), items)


def _parse_planned(lines: list[Line], plan: ItemPlan, ctx: Context) -> Item:
    log.debug("%s:%d: %s item", ctx.file, lines[plan.start].number, plan.kind.value)
    return parse_item(lines[plan.start : plan.stop], plan.kind, ctx)
