"""Printing: the whole-issue print view, the PDFs (read back with poppler-utils and pypdf), the fonts."""

from __future__ import annotations

import html as htmllib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from builder.build import build
from builder.model import Policy
from builder.publish.pdf_fonts import FACES, covered_points
from tests.support import GLOSSARY, ROOT, SEED

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts"))
if not POPPLER and not os.environ.get("CI"):
    pytest.skip("poppler-utils (pdftotext, pdfinfo, pdffonts) not installed", allow_module_level=True)

FONTS = ROOT / "builder" / "fonts"
_FOOTER = re.compile(r"^— \d+ —$")
_FOOTNOTE = re.compile(r"^\d+\.\s+\S+\.html")


@pytest.fixture(scope="module")
def built(seed_site):
    """The seed built once (for /briefing/), PDFs included: (config, build result)."""
    return seed_site


@pytest.fixture(scope="module")
def issue(built):
    return built[1].archive.issues[0]


def _pdfs(built, issue) -> list[Path]:
    config, result = built
    addr = result.archive.addresses
    return [config.site_dir / addr.pdf(issue)] + [config.site_dir / addr.pdf(issue, p) for p in issue.policies()]


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_order(needle: str, haystack: str) -> int:
    """How many characters of ``needle`` are found in ``haystack`` in order (greedy)."""
    at = 0
    for found, char in enumerate(needle):
        at = haystack.find(char, at)
        if at < 0:
            return found
        at += 1
    return len(needle)


# --- the print view and the links ------------------------------------------------------------------------


def test_issue_home_and_policy_pages_link_print_view_and_pdfs(built, issue):
    config, _ = built
    home = (config.site_dir / "issues/268-shang/index.html").read_text(encoding="utf-8")
    assert '<a href="print.html">打印本期</a>' in home and '<a href="pdf/268-shang.pdf" download>下载 PDF</a>' in home
    addr = built[1].archive.addresses
    for policy in issue.policies():
        page = (config.site_dir / addr.url(addr.item(policy))).read_text(encoding="utf-8")
        assert f'<a href="../pdf/{addr.item_names[policy]}.pdf" download>下载 PDF</a>' in page
        assert (config.site_dir / addr.pdf(issue, policy)).stat().st_size > 10_000


def test_print_view_holds_cover_every_item_and_the_terms(built, issue):
    config, _ = built
    page = (config.site_dir / "issues/268-shang/print.html").read_text(encoding="utf-8")
    article = page.split('<article class="md-content__inner md-typeset">', 1)[1]
    assert '<p class="masthead">科技金融简报</p>' in article and "简报·第268期(上)" in article
    positions = [article.index(f'id="{built[1].archive.addresses.print_item_id(item)}"') for item in issue.items()]
    assert positions == sorted(positions)
    assert article.count('class="print-item print-policy"') == 4
    terms = article.split('id="terms"', 1)[1]
    assert 'id="t-kejijinrong"' in terms and "围绕科技创新活动提供的金融服务" in terms
    assert 'href="#t-kejijinrong"' in article and 'href="../../glossary/' not in article
    # Links between items of the issue stay inside the print view.
    assert 'href="#i-jzbf-2023-23"' in article


def test_every_page_carries_a_print_only_header_left_out_of_search(built):
    config, _ = built
    page = (config.site_dir / "issues/268-shang/policy/gbf-2023-37.html").read_text(encoding="utf-8")
    assert ('<p class="print-header">科技金融简报 · 简报·第268期(上) · '
            "issues/268-shang/policy/gbf-2023-37.html</p>") in page
    index = "".join(p.read_text(encoding="utf-8") for p in (config.site_dir / "search").rglob("*.js"))
    assert "print.html" not in index and "科技金融简报 · 简报·第268期(上) · " not in index


# --- the PDFs --------------------------------------------------------------------------------------------


def test_pdfs_are_a4(built, issue):
    for pdf in _pdfs(built, issue):
        info = _run("pdfinfo", "-f", "1", "-l", "9999", str(pdf))
        sizes = re.findall(r"Page\s+\d+ size:\s+(.*)", info)
        assert sizes and all(size.startswith("595.276 x 841.89 pts (A4)") for size in sizes), pdf.name


def test_pdfs_embed_only_the_shipped_cjk_fonts(built, issue):
    for pdf in _pdfs(built, issue):
        rows = _run("pdffonts", str(pdf)).splitlines()[2:]
        names = [row.split()[0] for row in rows]
        assert len(rows) == 3, rows
        assert all(re.fullmatch(r"[A-Z]{6}\+Briefing-(Serif|Sans)-SC(-Bold)?", name) for name in names), names
        assert all(" yes yes yes " in row for row in rows), rows


def test_every_character_of_each_item_is_in_its_pdf_text(built, issue):
    config, _ = built
    lines = SEED.read_text(encoding="utf-8").splitlines()
    issue_text = _squash(_run("pdftotext", str(config.site_dir / built[1].archive.addresses.pdf(issue)), "-"))
    for item in issue.items():
        source = _squash("".join(lines[item.span.start - 1 : item.span.end]))
        assert _in_order(source, issue_text) == len(source), item.title
        if isinstance(item, Policy):
            own = _squash(_run("pdftotext", str(config.site_dir / built[1].archive.addresses.pdf(issue, item)), "-"))
            assert _in_order(source, own) == len(source), item.title


def test_outline_names_every_item_and_every_top_clause(built, issue):
    config, _ = built

    def titles(pdf: Path) -> list[str]:
        def walk(entries):
            for entry in entries:
                yield from walk(entry) if isinstance(entry, list) else [entry.title]
        return list(walk(PdfReader(pdf).outline))

    whole = titles(config.site_dir / built[1].archive.addresses.pdf(issue))
    for item in issue.items():
        assert item.title in whole
    checked = 0
    for policy in issue.policies():
        own = titles(config.site_dir / built[1].archive.addresses.pdf(issue, policy))
        assert own[0] == policy.title
        tops = [f"{c.marker}{c.title}" for c in policy.main.clauses if c.title and c.level == 1]
        assert all(top in own and top in whole for top in tops), policy.slug
        checked += len(tops)
    assert checked >= 10


def test_pdf_metadata(built, issue):
    config, _ = built
    addr = built[1].archive.addresses
    policy = next(p for p in issue.policies() if addr.item_names[p] == "gbf-2023-37")
    meta = PdfReader(config.site_dir / addr.pdf(issue, policy)).metadata
    assert meta.title == policy.title and meta.author == "国务院办公厅"
    assert meta.subject == "科技金融简报 · 简报·第268期(上) · 国务院办公厅 · 国办发〔2023〕37号"
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20231116000000+00'00"
    whole = PdfReader(config.site_dir / addr.pdf(issue)).metadata
    assert whole.title == "科技金融简报 简报·第268期(上)" and whole.author == "科技金融简报"


def test_no_page_ends_with_a_heading(built, issue):
    config, _ = built
    addr = built[1].archive.addresses
    sources = [addr.url(addr.print_view(issue))] + [addr.url(addr.item(p)) for p in issue.policies()]
    seen = 0
    for pdf, source in zip(_pdfs(built, issue), sources):
        page_html = (config.site_dir / source).read_text(encoding="utf-8")
        headings = {_squash(htmllib.unescape(re.sub(r"<[^>]+>", "", m))) for m in re.findall(r"<h[1-6][^>]*>(.*?)<a class=\"headerlink\"", page_html)}
        pages = _run("pdftotext", "-layout", str(pdf), "-").split("\f")
        seen += sum(1 for page in pages for line in page.splitlines() if _squash(line) in headings)
        for number, page in enumerate(pages[:-1], 1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            while lines and (_FOOTER.match(lines[-1]) or _FOOTNOTE.match(lines[-1])):
                lines.pop()
            for k in (1, 2, 3):
                assert _squash("".join(lines[-k:])) not in headings, f"{pdf.name} page {number} ends with a heading: {lines[-k:]}"
    assert seen >= 50, f"headings not recognised in the PDF text ({seen})"


def test_pdfs_are_identical_from_a_fresh_cache_without_system_fonts(built, issue, tmp_path):
    """Render again in a process whose fontconfig knows no font at all, into a new cache."""
    config, _ = built
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><cachedir>{tmp_path / "fc"}</cachedir></fontconfig>\n', encoding="utf-8")
    site = tmp_path / "site"
    shutil.copytree(config.site_dir, site)
    script = (
        "import sys, dataclasses; from pathlib import Path\n"
        "from builder.build import compile_archive, newest_date; from builder.config import BuildConfig\n"
        "from builder.publish.pdf import build_pdfs\n"
        "c = BuildConfig.from_root(Path(sys.argv[1]), seeds=Path(sys.argv[2]), content=Path(sys.argv[3]), site=Path(sys.argv[4]), base_url='/briefing/')\n"
        "a = compile_archive(c).archive\n"
        "r = build_pdfs(c, a, Path(sys.argv[4]), newest_date(a)); print(len(r.rendered))\n"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    run = subprocess.run([sys.executable, "-c", script, str(ROOT), str(config.seeds_dir), str(config.content_dir), str(site)],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "5"
    for pdf in _pdfs(built, issue):
        assert (site / pdf.relative_to(config.site_dir)).read_bytes() == pdf.read_bytes(), pdf.name


def test_unchanged_pdfs_come_from_the_cache(built):
    config, _ = built
    again = build(config)
    assert again.pdf is not None and len(again.pdf.reused) == 5 and not again.pdf.rendered


# --- the fonts -------------------------------------------------------------------------------------------


def test_shipped_fonts_cover_gb2312_tongyong_guifan_big5_and_the_seed():
    wanted = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                wanted.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    table = (FONTS / "tongyong-guifan-8105.txt").read_text(encoding="utf-8").splitlines()
    tgh = set("".join(line for line in table if not line.startswith("#")))
    assert len(tgh) == 8105
    big5 = {bytes((high, low)).decode("big5") for high in range(0xA4, 0xC7) for low in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
            if (high, low) <= (0xC6, 0x7E)}
    assert len(big5) == 5401 and "國" in big5 and "億" in big5
    wanted |= tgh | big5 | set(SEED.read_text(encoding="utf-8")) | set(GLOSSARY.read_text(encoding="utf-8"))
    wanted = {c for c in wanted if not c.isspace()}
    cmaps = [set(TTFont(FONTS / face.file).getBestCmap()) for face in FACES]
    for face, cmap in zip(FACES, cmaps):
        missing = sorted(c for c in wanted if ord(c) not in cmap)
        assert not missing, (face.file, "".join(missing[:20]))
    assert covered_points() == set.intersection(*cmaps), "coverage.txt does not match the fonts (run subset.py)"
    assert (FONTS / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE Version 1.1") == 1
