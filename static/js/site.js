// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    // Move focus to the error summary so keyboard and screen reader users hear what went wrong.
    var summary = document.querySelector(".error-summary");
    if (summary) { summary.focus(); }
    // Close the account menu with Escape and return focus to its toggle.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      document.querySelectorAll("details.account-menu[open]").forEach(function (menu) {
        menu.removeAttribute("open");
        menu.querySelector("summary").focus();
      });
    });
    // A half-written reply survives a reload: kept in this browser only, gone once posted.
    keepDrafts(document);
    offerMentions(document);
    document.body.addEventListener("htmx:afterSettle", function () {
      keepDrafts(document);
      offerMentions(document);
    });
  });

  // Typing "@" and two letters in a post offers members' names; choosing one inserts a
  // Markdown link to their page, which the server reads as a mention.
  function offerMentions(root) {
    root.querySelectorAll("textarea[data-mentions]").forEach(function (area) {
      if (area.dataset.mentionsReady) { return; }
      area.dataset.mentionsReady = "1";
      var list = document.createElement("ul");
      list.className = "mention-list";
      list.id = area.id + "-mentions";
      list.setAttribute("role", "listbox");
      list.setAttribute("aria-label", area.dataset.mentionsLabel || "");
      list.hidden = true;
      area.insertAdjacentElement("afterend", list);
      area.setAttribute("aria-autocomplete", "list");
      area.setAttribute("aria-controls", list.id);
      var active = -1, start = -1, timer = null;
      function options() {
        return Array.prototype.filter.call(list.children, function (item) { return item.dataset.mention; });
      }
      function close() {
        list.hidden = true; list.innerHTML = ""; active = -1;
        area.removeAttribute("aria-activedescendant");
      }
      function highlight(index) {
        var items = options();
        items.forEach(function (item, n) { item.setAttribute("aria-selected", n === index ? "true" : "false"); });
        active = index;
        if (items[index]) { area.setAttribute("aria-activedescendant", items[index].id); }
      }
      function choose(item) {
        var before = area.value.slice(0, start), after = area.value.slice(area.selectionStart);
        var text = item.dataset.mention + " ";
        area.value = before + text + after;
        var caret = (before + text).length;
        area.setSelectionRange(caret, caret);
        close();
        area.focus();
        area.dispatchEvent(new Event("input"));
      }
      area.addEventListener("input", function () {
        var upto = area.value.slice(0, area.selectionStart);
        var match = /(^|\s)@([^\s@\[\]()]{2,30})$/.exec(upto);
        clearTimeout(timer);
        if (!match) { close(); return; }
        start = upto.length - match[2].length - 1;
        timer = setTimeout(function () {
          fetch(area.dataset.mentions + "?q=" + encodeURIComponent(match[2]), { credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : ""; })
            .then(function (html) {
              list.innerHTML = html;
              list.hidden = !html.trim();
              highlight(options().length ? 0 : -1);
            });
        }, 200);
      });
      area.addEventListener("keydown", function (event) {
        if (list.hidden) { return; }
        var count = options().length;
        if (event.key === "ArrowDown" && count) { event.preventDefault(); highlight((active + 1) % count); }
        else if (event.key === "ArrowUp" && count) { event.preventDefault(); highlight((active - 1 + count) % count); }
        else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) { event.preventDefault(); choose(options()[active]); }
        else if (event.key === "Escape") { event.stopPropagation(); close(); }
      });
      list.addEventListener("mousedown", function (event) {
        var item = event.target.closest("li[data-mention]");
        if (item) { event.preventDefault(); choose(item); }
      });
      area.addEventListener("blur", function () { setTimeout(close, 150); });
    });
  }

  function keepDrafts(root) {
    if (!window.localStorage) { return; }
    root.querySelectorAll("form[data-draft]").forEach(function (form) {
      var area = form.querySelector("textarea");
      if (!area || form.dataset.draftReady) { return; }
      form.dataset.draftReady = "1";
      var key = "commonplace-draft:" + form.dataset.draft;
      var saved = localStorage.getItem(key);
      if (saved && !area.value) { area.value = saved; }
      area.addEventListener("input", function () {
        if (area.value) { localStorage.setItem(key, area.value); } else { localStorage.removeItem(key); }
      });
      form.addEventListener("submit", function () { localStorage.removeItem(key); });
    });
  }
})();
