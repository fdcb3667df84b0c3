"""Link stage: everything that needs the whole archive (order, uniqueness, cross references)."""

from __future__ import annotations

from .model import Archive, Diagnostic, Issue, Severity

_PART_ORDER = {None: 0, "上": 1, "中": 2, "下": 3}


def link_archive(issues: list[Issue], diagnostics: list[Diagnostic]) -> Archive:
    """Order the issues newest first and check that no two share a folder."""
    ordered = sorted(issues, key=_issue_key, reverse=True)
    found = list(diagnostics)
    seen: dict[str, Issue] = {}
    for issue in ordered:
        if issue.slug in seen:
            other = seen[issue.slug]
            found.append(
                Diagnostic(issue.source, issue.title_span.start, Severity.ERROR, "duplicate-issue",
                           f"{issue.title} is also in {other.source}: both would be written to issues/{issue.slug}/")
            )
        seen[issue.slug] = issue
    return Archive(issues=ordered, diagnostics=found)


def _issue_key(issue: Issue) -> tuple[int, int, str]:
    return (issue.number if issue.number is not None else -1, _PART_ORDER.get(issue.part, 0), issue.source)
