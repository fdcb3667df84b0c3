"""The front matter writer gives PyYAML's bytes, and what it writes reads back as the same values."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.render.front import front_matter
from tests.support import SEED, link_files

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _pyyaml(meta: dict) -> str:
    return yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)


_KEYS = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
_ONE_LINE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x85\u2028\u2029"), max_size=12)
_SCALARS = st.none() | st.booleans() | st.integers(-10**6, 10**6) | _ONE_LINE | st.sampled_from(
    ["yes", "no", "on", "null", "~", "1.5", "0x1F", "2023-10-24", "- a", "a: b", "#x", "'q'", '"q"', "--- x", "... x",
     " lead", "trail ", "国办发〔2023〕37号", "简报·第268期(上)", "{a}", "[a]", "&a", "*a", "!a", "%a", "@a", "`a", "|", ">"])


def _values(scalars):
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=12)


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(_KEYS, _values(_SCALARS), min_size=1, max_size=6))
def test_the_bytes_are_pyyamls(meta):
    assert front_matter(meta) == _pyyaml(meta)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_KEYS, _values(_SCALARS | st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)), min_size=1, max_size=6))
def test_any_text_reads_back_as_written(meta):
    """Line breaks, control characters, BOMs and the rest: PyYAML's safe loader (as MkDocs reads
    front matter) gives back the same values."""
    assert yaml.safe_load(front_matter(meta)) == meta


def test_other_types_are_left_to_pyyaml():
    meta = {"date": dt.date(2023, 10, 24), "title": "标题"}
    assert front_matter(meta) == _pyyaml(meta)


def test_every_seed_page_has_pyyamls_front_matter():
    from builder.render import render_archive
    pages = render_archive(link_files(SEED))
    assert pages
    for page in pages:
        assert front_matter(page.meta) == _pyyaml(page.meta), page.path
