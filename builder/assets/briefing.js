/* Briefing site. Opened from disk (file://), the theme's search cannot load its index (browsers
   refuse web workers there) and hides its search box: say so where the box would be. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  var search = document.querySelector(".md-search");
  if (!search || document.querySelector(".briefing-offline-note")) return;
  var note = document.createElement("div");
  note.className = "briefing-offline-note";
  note.setAttribute("role", "note");
  note.textContent = "本地打开：搜索不可用";
  note.title = "从文件夹或压缩包直接打开时，浏览器不允许加载搜索索引；请通过网站服务器访问以使用搜索。导航与链接照常可用。";
  note.style.cssText = "font-size:.7rem;opacity:.85;margin:0 .8rem;white-space:nowrap;cursor:help";
  search.parentNode.insertBefore(note, search);
  var button = document.querySelector('.md-header label[for="__search"]');
  if (button) button.style.display = "none";
})();
