/* Briefing search, part 1 of 2 (on every page, < 1 kB): the keyboard shortcut, and loading the
   search client (search.js) only when the reader starts searching or arrives from a result. */
(function () {
  "use strict";
  var me = document.currentScript;
  var box = document.querySelector(".bs");
  if (!me || !box) return;
  var base = me.src.replace(/assets\/briefing-search\/boot\.js(\?.*)?$/, "");
  var input = box.querySelector(".bs-input");
  var loading = false;
  function load() {
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = base + "assets/briefing-search/search.js";
    s.setAttribute("data-base", base);
    document.head.appendChild(s);
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  window.addEventListener("keydown", function (e) {
    var t = document.activeElement, k = e.key;
    if (e.ctrlKey || e.metaKey || e.altKey || (k !== "/" && k !== "s" && k !== "S")) return;
    if (t && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    input.focus();
  }, true);
  if (/[?&]h=/.test(location.search)) load();
})();
