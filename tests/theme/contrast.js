// WCAG 2 contrast of every visible piece of text on the page, against the backgrounds painted
// behind it (the element and its ancestors, composited). Returns the pieces below AA:
// 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Text that is transparent (opacity 0,
// such as a ¶ permalink before hover) or outside the viewport's width (a closed drawer) is skipped.
() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (fg, bg) => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat([1]);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };

  const chainOf = (el) => { const c = []; for (let e = el; e; e = e.parentElement) c.push(e); return c.reverse(); };
  const measure = (el) => {
    let bg = [255, 255, 255, 1], opacity = 1;
    for (const e of chainOf(el)) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== "none" && !s.backgroundImage.startsWith("url(\"data:")) return null;
      const c = parse(s.backgroundColor);
      if (c && c[3] > 0) bg = over(c, bg);
      opacity *= Number(s.opacity);
    }
    const s = getComputedStyle(el);
    const fg = parse(s.color);
    if (!fg || opacity === 0 || fg[3] === 0) return null;
    const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
    const large = size >= 24 || (size >= 18.66 && bold);
    return { ratio: ratio(over([fg[0], fg[1], fg[2], fg[3] * opacity], bg), bg), need: large ? 3 : 4.5, size, fg: s.color };
  };

  const seen = new Set(), failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || !el || seen.has(el) || el.closest("script, style, noscript, [hidden]")) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    if (s.visibility !== "visible" || !el.getClientRects().length) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= innerWidth) continue;
    const m = measure(el);
    if (m && m.ratio < m.need - 0.005) {
      failures.push({ text: node.data.trim().slice(0, 24), tag: el.tagName.toLowerCase(), cls: el.className && String(el.className),
                      ratio: Math.round(m.ratio * 100) / 100, need: m.need, size: m.size, fg: m.fg });
    }
  }
  return { checked: seen.size, failures };
}
