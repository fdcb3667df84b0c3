/* Briefing search, part 2 of 2: the client. Loaded by boot.js when the reader starts searching.
   Index format and tokens: builder/search/ (tokens.py, index.py, emit.py); keep both in step. */
(function () {
  "use strict";
  if (window.__bs) return;
  var me = document.querySelector("script[data-base]");
  var BASE = me ? me.getAttribute("data-base") : "";
  var DATA = BASE + "search/";
  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var UNIT = new RegExp("[" + HAN + "]|[a-z0-9]+", "g");
  var DOCNUM = new RegExp("([" + HAN + "]+)\\s*[\\[〔【(]?\\s*((?:19|20)\\d{2})\\s*[\\]〕】)]?\\s*年?\\s*第?\\s*(\\d{1,5})\\s*号");
  var DOCNUM_NO_YEAR = new RegExp("([" + HAN + "]{2,})\\s*第?\\s*(\\d{1,5})\\s*号");
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var MAX_CODE = 8, TF_CAP = 4, PAGE_SIZE = 10;
  var store = { m: null, i: {}, p: {}, t: {} };
  var loads = {};

  /* ---- data files: <script> elements, so file:// works too ---- */
  window.__bs = {
    m: function (d) { store.m = d; },
    i: function (n, d) { store.i[n] = d; },
    p: function (n, d) { store.p[n] = d; },
    t: function (k, d) { store.t[k] = d; }
  };
  function load(name) {
    if (!loads[name]) {
      loads[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = DATA + name;
        s.onload = resolve;
        s.onerror = function () { delete loads[name]; reject(new Error(name)); };
        document.head.appendChild(s);
      });
    }
    return loads[name];
  }

  /* ---- tokens (same rules as builder/search/tokens.py) ---- */
  var normCache = {};
  function normChar(c) {
    var v = normCache[c];
    if (v === undefined) v = normCache[c] = c.normalize("NFKC").toLowerCase();
    return v;
  }
  /* Normalised text plus, for each of its characters, the index of the source character. */
  function normalizeMap(text) {
    var out = "", map = [], i = 0;
    for (var ch of text) {
      var n = normChar(ch);
      for (var k = 0; k < n.length; k++) map.push(i);
      out += n;
      i += ch.length;
    }
    map.push(i);
    return { text: out, map: map };
  }
  function normalize(text) { return normalizeMap(text).text; }
  function units(text) {
    var out = [], m;
    UNIT.lastIndex = 0;
    while ((m = UNIT.exec(text))) out.push([m[0], m.index, m.index + m[0].length]);
    return out;
  }
  function isHan(u) { return u.length === 1 && u.charCodeAt(0) > 127; }
  function textTokens(text) {
    var found = units(text), out = [];
    for (var i = 0; i < found.length; i++) {
      if (!isHan(found[i][0])) out.push(found[i][0]);
      if (i && found[i - 1][2] === found[i][1]) out.push(found[i - 1][0] + found[i][0]);
    }
    return out;
  }
  function docnumQuery(text) {
    var m = DOCNUM.exec(text);
    if (m) return { key: "#" + m[1].slice(-MAX_CODE) + "|" + m[2] + "|" + parseInt(m[3], 10), text: m[0] };
    m = DOCNUM_NO_YEAR.exec(text);
    if (m) return { key: "#" + m[1].slice(-MAX_CODE) + "||" + parseInt(m[2], 10), text: m[0] };
    return null;
  }
  function fnv1a(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function uniq(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  function parseQuery(raw) {
    var norm = normalize(raw.trim());
    var doc = docnumQuery(norm);
    var rest = doc ? norm.replace(doc.text, " ") : norm;
    var toks = uniq(textTokens(rest));
    var name = "=" + units(norm).map(function (u) { return u[0]; }).join("");
    var parts = rest.split(/\s+/).filter(Boolean);
    return { raw: raw.trim(), norm: norm, doc: doc, toks: toks, name: name, parts: parts };
  }

  /* ---- postings ---- */
  function decode(data) {
    var nums = [], v = 0, shift = 0, i, d;
    for (i = 0; i < data.length; i++) {
      d = ALPHABET.indexOf(data[i]);
      v |= (d & 31) << shift; shift += 5;
      if (d < 32) { nums.push(v); v = 0; shift = 0; }
    }
    var pages = {}, page = 0, k = 0;
    while (k < nums.length) {
      page += nums[k++];
      var count = nums[k++], slot = 0, slots = {};
      for (var j = 0; j < count; j++) { var c = nums[k++]; slot += Math.floor(c / TF_CAP); slots[slot] = c % TF_CAP + 1; }
      pages[page] = slots;
    }
    return pages;
  }
  var decoded = {};
  function postings(token) {
    if (decoded[token]) return decoded[token];
    var shard = store.i[fnv1a(token) % store.m.shards] || {};
    return (decoded[token] = shard[token] ? decode(shard[token]) : {});
  }
  function loadTokens(tokens) {
    var need = uniq(tokens.map(function (t) { return "i/" + (fnv1a(t) % store.m.shards) + ".js"; }));
    return Promise.all(need.map(load));
  }

  /* ---- ranking: title holds the whole query > body holds it > parts; terms only first by name ---- */
  function search(q) {
    var n = store.m.n, toks = q.toks, must = null;
    if (q.doc) {
      must = postings(q.doc.key);
      if (!Object.keys(must).length) { must = null; if (!toks.length) toks = uniq(textTokens(q.norm)); }
    }
    var idf = {}, total = 0, pages = {};
    toks.forEach(function (t) {
      var p = postings(t), df = Object.keys(p).length;
      idf[t] = Math.log(1 + n / (df || 1));
      if (df) total += idf[t];
      Object.keys(p).forEach(function (pg) { (pages[pg] = pages[pg] || {})[t] = p[pg]; });
    });
    if (must) Object.keys(must).forEach(function (pg) { pages[pg] = pages[pg] || {}; });
    var named = postings(q.name), wanted = toks.filter(function (t) { return idf[t] && Object.keys(postings(t)).length; });
    var out = [];
    Object.keys(pages).forEach(function (pg) {
      if (must && !must[pg]) return;
      var r = scorePage(+pg, pages[pg], wanted, idf, total, q, named, must);
      if (r) out.push(r);
    });
    var best = out.reduce(function (a, r) { return Math.max(a, r.tier); }, 0);
    if (best >= 2) out = out.filter(function (r) { return r.tier >= 1.5 || r.cover >= 0.5; });
    out.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return out;
  }

  function scorePage(page, hits, wanted, idf, total, q, named, must) {
    var slots = {}, union = 0;
    wanted.forEach(function (t) {
      if (!hits[t]) return;
      union += idf[t];
      Object.keys(hits[t]).forEach(function (s) {
        var e = slots[s] = slots[s] || { w: 0, tf: 0, n: 0 };
        e.w += idf[t]; e.n += 1; e.tf += idf[t] * Math.log(1 + hits[t][s]);
      });
    });
    var row = store.m.pages[page], kind = store.m.kindKeys[row[0]];
    var full = function (s) { return slots[s] && slots[s].n === wanted.length && wanted.length > 0; };
    var tier = 1, bestSlot = -1, best = null, tfsum = 0;
    Object.keys(slots).forEach(function (s) {
      var e = slots[s];
      if (full(s)) tfsum += e.tf;  /* repeats count only where the whole query is */
      if (+s >= 2 && (!best || e.w > best.w + 1e-9 || (Math.abs(e.w - best.w) < 1e-9 && e.tf > best.tf))) { best = e; bestSlot = +s; }
    });
    if (full(0) || full(1)) tier = 3; else if (bestSlot >= 0 && full(bestSlot)) tier = 2;
    var cover = total ? Math.max(best ? best.w : 0, slots[0] ? slots[0].w : 0, slots[1] ? slots[1].w : 0) / total : 0;
    if (must && must[page]) {
      tier = must[page][1] ? 5 : Math.max(tier, 2.5); cover = 1;
      Object.keys(must[page]).forEach(function (s) { if (+s >= 2 && !slots[s]) slots[s] = { w: 0, tf: must[page][s], n: 0 }; });
      if (bestSlot < 0) bestSlot = +(Object.keys(must[page]).filter(function (s) { return +s >= 2; })[0] || -1);
    }
    else if (named[page]) tier = 4;
    else if (!wanted.length) return null;
    if (kind === "term" && tier < 4) tier -= 1.5;  /* below articles that hold the whole query */
    if (kind === "issue" && tier < 4) tier -= 0.25;
    var within = 0.6 * cover + 0.3 * (total ? union / total : 0) + 0.08 * Math.min(1, tfsum / (total * 3 || 1));
    if (tier >= 3 && row[4]) within += 0.05 * Math.min(1, q.norm.length / row[4]);
    return { page: page, tier: tier, cover: cover, score: tier * 10 + within, slot: bestSlot, slots: slots, date: row[3] };
  }

  /* ---- filters and sorting ---- */
  var filters = { kind: "", issue: "", issuer: "", year: "", sort: "rel" };
  function applyFilters(results) {
    var rows = store.m.pages;
    var out = results.filter(function (r) {
      var row = rows[r.page];
      return (filters.kind === "" || row[0] === +filters.kind) &&
        (filters.issue === "" || row[1] === +filters.issue) &&
        (filters.issuer === "" || row[2] === +filters.issuer) &&
        (filters.year === "" || Math.floor(row[3] / 10000) === +filters.year);
    });
    if (filters.sort === "date") out = out.slice().sort(function (a, b) { return b.date - a.date || b.score - a.score; });
    return out;
  }

  /* ---- excerpts and highlighting ---- */
  function matchRanges(text, q, wholeOnly) {
    var nm = normalizeMap(text), hay = nm.text, ranges = [];
    if (q.doc) findDocnum(hay, q.doc.key, ranges);
    q.parts.forEach(function (part) { if (wholeOnly) addAll(hay, part, ranges); else findParts(hay, part, ranges); });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged.map(function (r) { return [nm.map[r[0]], nm.map[r[1]]]; });
  }
  /* The whole part where it occurs; else its longest pieces (≥ 2 characters) that occur. */
  function findParts(hay, part, ranges) {
    if (addAll(hay, part, ranges)) return;
    var i = 0;
    while (i < part.length - 1) {
      var j = part.length;
      while (j - i >= 2 && hay.indexOf(part.slice(i, j)) < 0) j--;
      if (j - i >= 2) { addAll(hay, part.slice(i, j), ranges); i = j; } else i++;
    }
  }
  /* Every 发文字号 in the text that has the query's key, in whatever form it is written. */
  function findDocnum(hay, key, ranges) {
    var re = new RegExp(DOCNUM.source + "|" + DOCNUM_NO_YEAR.source, "g"), m;
    while ((m = re.exec(hay))) {
      var d = docnumQuery(m[0]), code = key.slice(1).split("|")[0];
      if (!d) continue;
      var k = d.key.slice(1).split("|"), want = key.slice(1).split("|");
      if (k[2] !== want[2] || (want[1] && k[1] !== want[1]) || k[0].slice(-code.length) !== code) continue;
      ranges.push([m.index + m[0].lastIndexOf(code), m.index + m[0].length]);
    }
  }
  function addAll(hay, needle, ranges) {
    var at = hay.indexOf(needle), found = false;
    while (needle && at >= 0) { ranges.push([at, at + needle.length]); found = true; at = hay.indexOf(needle, at + needle.length); }
    return found;
  }
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function marked(text, ranges, from, to) {
    var out = "", at = from;
    ranges.forEach(function (r) {
      if (r[1] <= from || r[0] >= to) return;
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      out += esc(text.slice(at, a)) + "<mark>" + esc(text.slice(a, b)) + "</mark>";
      at = b;
    });
    return out + esc(text.slice(at, to));
  }
  function excerpt(text, q) {
    text = text.replace(/\s*\n\s*/g, " ");
    var ranges = matchRanges(text, q), first = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, first - 36), to = Math.min(text.length, from + 120);
    return (from > 0 ? "…" : "") + marked(text, ranges, from, to) + (to < text.length ? "…" : "");
  }

  /* ---- rendering ---- */
  var ui = {}, state = { seq: 0, results: [], shown: 0, active: -1, q: null };
  function el(tag, cls, html) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function buildUi(box) {
    ui.box = box; ui.input = box.querySelector(".bs-input"); ui.panel = box.querySelector(".bs-panel");
    ui.panel.innerHTML = "";
    ui.bar = el("div", "bs-filters");
    ui.status = el("div", "bs-status");
    ui.list = el("ol", "bs-results");
    ui.more = el("button", "bs-more", "显示更多结果");
    ui.more.type = "button";
    ui.panel.append(ui.bar, ui.status, ui.list, ui.more);
    ui.more.hidden = true;
  }
  function select(name, label, options) {
    var s = el("select", "bs-select");
    s.setAttribute("aria-label", label);
    s.name = name;
    s.appendChild(new Option(label + "：全部", ""));
    options.forEach(function (o) { s.appendChild(new Option(o[1], o[0])); });
    s.addEventListener("change", function () { filters[name] = s.value; render(); });
    ui.bar.appendChild(s);
  }
  function buildFilters() {
    var m = store.m, years = {};
    m.pages.forEach(function (r) { if (r[3]) years[Math.floor(r[3] / 10000)] = 1; });
    select("kind", "类型", m.kinds.map(function (k, i) { return [String(i), k]; }));
    select("issue", "期号", m.issues.map(function (k, i) { return [String(i), k]; }));
    select("issuer", "发文机关", m.issuers.map(function (k, i) { return [String(i), k]; }));
    select("year", "年份", Object.keys(years).sort().reverse().map(function (y) { return [y, y + "年"]; }));
    var s = el("select", "bs-select bs-sort");
    s.setAttribute("aria-label", "排序");
    s.append(new Option("按相关度", "rel"), new Option("按日期（新→旧）", "date"));
    s.addEventListener("change", function () { filters.sort = s.value; render(); });
    ui.bar.appendChild(s);
  }
  function link(doc, anchor, q) {
    return BASE + doc.u + "?h=" + encodeURIComponent(q.raw) + (anchor ? "#" + anchor : "");
  }
  function sectionOf(doc, slot) { return slot >= 2 ? doc.s[slot - 2] : null; }
  /* Among the sections that hold most of the query, prefer one whose heading holds it whole,
     then the one that repeats it most; tables derived from the text (责任单位, 引用文件) last. */
  var DERIVED = { departments: 1, citations: 1 };
  function pickSection(r, doc, q) {
    var whole = q.norm.replace(/\s+/g, ""), best = -1, bestScore = -Infinity, top = 0;
    Object.keys(r.slots).forEach(function (s) { if (+s >= 2) top = Math.max(top, r.slots[s].w); });
    Object.keys(r.slots).forEach(function (s) {
      var e = r.slots[s], sec = sectionOf(doc, +s);
      if (+s < 2 || !sec || e.w < top - 1e-9) return;
      var score = e.tf + (whole && normalize(sec[1]).indexOf(whole) >= 0 ? 100 : 0) - (DERIVED[sec[0]] ? 50 : 0);
      if (score > bestScore) { bestScore = score; best = +s; }
    });
    if (best >= 0) r.slot = best;
  }
  function pageFiles(r) {
    var names = ["p/" + r.page + ".js"];
    return Promise.all(names.map(load)).then(function () {
      var doc = store.p[r.page];
      if (!r.picked) { pickSection(r, doc, state.q); r.picked = true; }
      var sec = sectionOf(doc, r.slot) || doc.s[0];
      return sec ? load("t/" + r.page + "-" + sec[2] + ".js") : null;
    });
  }
  function sectionText(r, doc) {
    var sec = sectionOf(doc, r.slot) || doc.s[0];
    if (!sec) return "";
    var k = 0, idx = doc.s.indexOf(sec);
    for (var i = 0; i < idx; i++) if (doc.s[i][2] === sec[2]) k++;
    return (store.t[r.page + "-" + sec[2]] || [])[k] || "";
  }
  function item(r, q) {
    var m = store.m, row = m.pages[r.page], doc = store.p[r.page], sec = sectionOf(doc, r.slot);
    var li = el("li", "bs-item");
    var a = el("a", "bs-link");
    a.href = link(doc, sec ? sec[0] : "", q);
    var facts = [m.kinds[row[0]]];
    if (row[1] >= 0) facts.push(m.issues[row[1]]);
    if (row[3]) facts.push(String(row[3]).replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3"));
    if (row[2] >= 0) facts.push(m.issuers[row[2]]);
    facts = facts.concat(doc.f || []);
    var title = doc.t;
    a.innerHTML = '<span class="bs-title">' + marked(title, matchRanges(title, q), 0, title.length) + "</span>" +
      '<span class="bs-facts">' + facts.map(function (f, i) { return '<span class="bs-fact' + (i ? "" : " bs-kind") + '">' + (i ? marked(f, matchRanges(f, q), 0, f.length) : esc(f)) + "</span>"; }).join("") + "</span>" +
      (sec && sec[0] !== "top" ? '<span class="bs-section">§ ' + marked(sec[1], matchRanges(sec[1], q), 0, sec[1].length) + "</span>" : "") +
      '<span class="bs-excerpt">' + excerpt(sectionText(r, doc), q) + "</span>";
    li.appendChild(a);
    return li;
  }
  function showMore() {
    var q = state.q, seq = state.seq, batch = state.filtered.slice(state.shown, state.shown + PAGE_SIZE);
    return Promise.all(batch.map(pageFiles)).then(function () {
      if (seq !== state.seq) return;
      batch.forEach(function (r) { ui.list.appendChild(item(r, q)); });
      state.shown += batch.length;
      ui.more.hidden = state.shown >= state.filtered.length;
    });
  }
  function render() {
    if (!state.q) return;
    state.seq++;
    state.filtered = applyFilters(state.results);
    state.shown = 0; state.active = -1;
    ui.list.innerHTML = "";
    var n = state.filtered.length;
    ui.status.textContent = n ? "找到 " + n + " 个页面" + (n < state.results.length ? "（已筛选，共 " + state.results.length + " 个）" : "")
      : (state.results.length ? "筛选条件下没有结果" : "没有找到“" + state.q.raw + "”");
    var q = state.q;
    return showMore().then(function () { ui.box.setAttribute("data-bs-done", q.raw); });
  }

  /* ---- the box ---- */
  var timer = 0;
  function run(raw) {
    if (!store.m) return load("meta.js").then(function () { return run(raw); }, failed);
    var q = parseQuery(raw), seq = ++state.seq;
    if (!q.toks.length && !q.doc) {
      state.q = null; state.results = []; ui.list.innerHTML = ""; ui.more.hidden = true;
      ui.status.textContent = raw.trim() ? "请再多输入一个字：按两个字以上（或一个英文词、数字）查找" : "输入词语、简称、发文字号或日期，例如：专利、北交所、国办发〔2023〕37号、2023年10月";
      return Promise.resolve();
    }
    ui.status.textContent = "正在查找…";
    var tokens = q.toks.concat([q.name], q.doc ? [q.doc.key] : []);
    return loadTokens(tokens).then(function () {
      if (seq !== state.seq) return;
      state.q = q;
      state.results = search(q);
      return render();
    }, failed);
  }
  function failed() {
    ui.status.textContent = "搜索数据没有加载成功。请通过网址（http:// 或 https://）打开本站，或在站点文件夹中运行 python3 -m http.server 后访问 http://127.0.0.1:8000/。";
  }
  function open(on) {
    ui.box.classList.toggle("bs--open", on);
    ui.panel.hidden = !on;
    document.documentElement.classList.toggle("bs-opened", on);
  }
  function move(step) {
    var items = ui.list.querySelectorAll(".bs-link");
    if (!items.length) return;
    state.active = (state.active + step + items.length) % items.length;
    items.forEach(function (a, i) { a.classList.toggle("bs-active", i === state.active); });
    items[state.active].scrollIntoView({ block: "nearest" });
  }
  function onKey(e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") { open(false); ui.input.blur(); }
    else if (e.key === "Enter") {
      e.preventDefault();
      var a = ui.list.querySelectorAll(".bs-link")[Math.max(state.active, 0)];
      if (a) location.href = a.href;
    }
  }
  function wire() {
    ui.input.addEventListener("input", function () {
      open(true);
      clearTimeout(timer);
      timer = setTimeout(function () { run(ui.input.value); }, 120);
    });
    ui.input.addEventListener("focus", function () { open(true); if (!state.q) run(ui.input.value); });
    ui.input.addEventListener("keydown", onKey);
    ui.more.addEventListener("click", showMore);
    document.addEventListener("click", function (e) { if (!ui.box.contains(e.target)) open(false); });
    ui.box.querySelector(".bs-close").addEventListener("click", function () { open(false); });
  }

  /* ---- arriving from a result: mark the words on the page ---- */
  function highlightPage() {
    var m = /[?&]h=([^&#]*)/.exec(location.search);
    var root = document.querySelector(".md-content article") || document.querySelector("article");
    if (!m || !root) return;
    var q = parseQuery(decodeURIComponent(m[1].replace(/\+/g, " ")));
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [], node;
    while ((node = walker.nextNode())) if (node.nodeValue.trim() && !node.parentNode.closest(".headerlink")) nodes.push(node);
    /* Where the page holds the query whole, mark only that; else its longest pieces. */
    var whole = nodes.some(function (t) { return matchRanges(t.nodeValue, q, true).length; });
    var first = null;
    nodes.forEach(function (t) {
      var ranges = matchRanges(t.nodeValue, q, whole);
      for (var i = ranges.length - 1; i >= 0; i--) {
        var mid = t.splitText(ranges[i][0]);
        mid.splitText(ranges[i][1] - ranges[i][0]);
        var mark = el("mark", "bs-hl");
        mid.parentNode.replaceChild(mark, mid);
        mark.appendChild(mid);
        first = mark;
      }
    });
    if (first && !location.hash) first.scrollIntoView({ block: "center" });
  }

  /* For tests: the tokenizer must agree with builder/search/tokens.py. */
  window.__bs.api = { parse: parseQuery, tokens: textTokens, fnv1a: fnv1a, decode: decode, normalize: normalize };

  var box = document.querySelector(".bs");
  if (!box) return;
  buildUi(box);
  wire();
  highlightPage();
  load("meta.js").then(function () {
    buildFilters();
    if (document.activeElement === ui.input) { open(true); run(ui.input.value); }
  }, failed);
})();
