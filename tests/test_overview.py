"""``briefing check``: the at-a-glance table of every bulletin's items."""

from __future__ import annotations

from builder.cli import main
from builder.overview import format_overview
from tests.support import ROOT, parse_text


def test_check_prints_a_table_per_bulletin(project, capsys):
    config = project()
    (config.seeds_dir / "bulletin-268-1.fix.yaml").write_text("items:\n  - line: 100\n    doc_kind: 通知\n", encoding="utf-8")
    code = main(["--root", str(ROOT), "--seeds", str(config.seeds_dir), "--content", str(config.content_dir), "check"])
    out = capsys.readouterr().out
    assert code == 0
    assert "seeds/bulletin-268-1.txt — 简报·第268期(上): 4 篇资讯, 4 份政策文件" in out
    rows = [line for line in out.splitlines() if line[:1].isdigit()]
    assert len(rows) == 8
    assert rows[4].startswith("97*") and "财金〔2023〕89号" in rows[4] and "财政部" in rows[4] and "2023-10-25" in rows[4]
    assert "国办发〔2023〕37号" in rows[7] and "专利转化运用专项行动" in rows[7]
    assert "光明网" in rows[0] and "2023-11-11" in rows[0]


def test_rows_count_each_items_diagnostics():
    issue, diagnostics = parse_text("简报·第9期\n\n资讯传递\n\n无来源的消息\n\n  正文。\n")
    table = format_overview([issue], diagnostics)
    row = next(line for line in table.splitlines() if line.startswith("5 "))
    assert "（无来源）" in row and row.rstrip().endswith("1 (1)")
