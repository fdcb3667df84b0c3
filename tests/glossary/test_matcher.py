"""The longest-match finder for Chinese text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.glossary import TermMatcher


def test_longest_match_inside_a_sentence():
    matcher = TermMatcher({"知识产权": "zscq", "知识产权质押融资": "zscqzyrz", "北交所": "bjs", "PE": "pe"})
    text = "推动知识产权质押融资扩面，推动北交所上市，知识产权保护；OPEN PE基金"
    got = [(text[m.start:m.end], m.key) for m in matcher.find(text)]
    assert got == [("知识产权质押融资", "zscqzyrz"), ("北交所", "bjs"), ("知识产权", "zscq"), ("PE", "pe")]


def test_skip_ranges_are_not_matched():
    matcher = TermMatcher({"北交所": "bjs"})
    text = "北交所与北交所"
    assert [m.start for m in matcher.find(text, [(0, 3)])] == [4]


# --- the compiled matcher against a plain reading of its rules ------------------------------------

_ALPHABET = "金融科技创投AbP1E 。"


def _reference(forms: dict[str, str], text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Left to right; at each position outside ``skip``, the longest form there that does not
    continue a Latin word and does not run into the next skipped range; then on after it."""
    latin = lambda ch: ch.isascii() and ch.isalnum()  # noqa: E731
    out, i = [], 0
    while i < len(text):
        inside = next((b for a, b in skip if a <= i < b), None)
        if inside is not None:
            i = inside
            continue
        fits = [f for f in forms if len(f) >= 2 and text.startswith(f, i)
                and not (latin(f[0]) and i > 0 and latin(text[i - 1]))
                and not (latin(f[-1]) and i + len(f) < len(text) and latin(text[i + len(f)]))]
        best = max(fits, key=len, default=None)
        if best and not any(i < a < i + len(best) for a, _ in skip):
            out.append((i, i + len(best), forms[best]))
            i += len(best)
        else:
            i += 1
    return out


@st.composite
def _cases(draw):
    """Forms (some the start of others), and a text made of forms, parts of forms and filler."""
    word = st.text(_ALPHABET, min_size=1, max_size=4)
    shared = draw(st.lists(word, max_size=8))
    shared += [f + draw(word) for f in draw(st.lists(st.sampled_from(shared), max_size=3))] if shared else []
    local = draw(st.lists(word, max_size=3))
    pieces = shared + local + [f[:-1] for f in shared if len(f) > 1] + list(_ALPHABET)
    text = "".join(draw(st.lists(st.sampled_from(pieces), max_size=12)))
    cuts = draw(st.lists(st.integers(0, len(text)), max_size=4))
    return shared, local, text, cuts


@settings(max_examples=500, deadline=None)
@given(_cases())
def test_matches_are_those_of_the_plain_rules(case):
    shared, local, text, cuts = case
    shared_forms = {f: f"s:{f}" for f in shared}
    local_forms = {f: f"l:{f}" for f in local}
    points = sorted(set(cuts))
    skip = [(a, b) for a, b in zip(points[::2], points[1::2]) if a < b]
    matcher = TermMatcher(shared_forms).extended(local_forms)
    got = [(m.start, m.end, m.key) for m in matcher.find(text, skip)]
    assert got == _reference({**shared_forms, **local_forms}, text, skip)
