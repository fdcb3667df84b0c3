"""The Lighthouse audit script's report reading (the audit itself needs npm and takes minutes:
run ``python tests/tools/lighthouse.py``)."""

from __future__ import annotations

from tests.tools import lighthouse


def _report(perf: float, a11y: float, contrast: float | None) -> dict:
    audits = {k: {"score": 1, "displayValue": "1 s"} for k in ("first-contentful-paint", "largest-contentful-paint",
                                                             "total-blocking-time", "cumulative-layout-shift")}
    audits["color-contrast"] = {"score": contrast}
    audits["aria-dialog-name"] = {"score": None}
    audits["unused-css-rules"] = {"score": 0}
    return {
        "categories": {
            "performance": {"score": perf, "auditRefs": [{"id": "first-contentful-paint", "weight": 10}, {"id": "unused-css-rules", "weight": 0}]},
            "accessibility": {"score": a11y, "auditRefs": [{"id": "color-contrast", "weight": 7}, {"id": "aria-dialog-name", "weight": 7}]},
        },
        "audits": audits,
    }


def test_scores_and_failing_audits_are_read_from_the_report():
    score = lighthouse.score_of("policy", _report(0.97, 0.93, 0))
    assert (score.performance, score.accessibility) == (0.97, 0.93)
    assert score.failing == ("color-contrast=0.00",)  # weightless and not-applicable audits do not count
    assert not score.meets_targets()
    assert lighthouse.score_of("term", _report(0.95, 1.0, 1)).meets_targets()


def test_table_has_a_row_per_page():
    table = lighthouse.format_table([lighthouse.score_of("issue home", _report(1.0, 1.0, 1))])
    assert table.splitlines()[2].startswith("| issue home | 1.00 | 1.00 | 1 s |")
    assert table.splitlines()[2].endswith("| — |")


def test_the_five_pages_of_the_issue_are_audited():
    assert list(lighthouse.PAGES) == ["issue home", "policy jzbf-2023-23", "news", "glossary", "term"]
    assert lighthouse.TARGETS == {"performance": 0.95, "accessibility": 1.0}
