"""The benchmark's report: the table's summary names every run's builder share, not only the row's."""

from __future__ import annotations

from builder.bench.archive import builder_share, print_table


def _row(issues: int, builder: float, total: float, **extra: float) -> dict[str, float]:
    return {"issues": issues, "builder_s": builder, "total_s": total, "pdf_s": 0.0, "baseline_s": 10 * total, **extra}


def test_the_summary_gives_each_runs_share(capsys):
    row = _row(300, 6.0, 60.0) | {"shares": [builder_share(_row(300, 5.0, 62.5)), 10.0, builder_share(_row(300, 7.0, 63.0))]}
    print_table([row])
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary == ("N=300: builder 10.0 % of the build without PDFs (each run: 8.0, 10.0, 11.1 %); "
                       "build without PDFs / plain Material = 0.10")


def test_a_single_run_has_no_list(capsys):
    print_table([_row(10, 1.0, 20.0, shares=[5.0])])
    assert capsys.readouterr().out.splitlines()[-1].startswith("N=10: builder 5.0 % of the build without PDFs; ")
