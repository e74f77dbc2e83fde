/* Keyboard use on a phone-sized screen and with tables (WCAG 2.1.1, 2.4.7). Stores nothing, loads nothing.
   - Material opens its menu drawer and its search with <label for="__drawer|__search"> icons, which a keyboard cannot
     reach. They become buttons here (Enter or Space); Escape closes the drawer and returns to its button. While closed,
     the drawer and the phone search are hidden from the keyboard too (lindungi.css), not only pushed off screen.
   - A table wider than the screen scrolls inside its wrapper; the wrapper then takes the focus (arrow keys scroll it)
     and is named as a region. A table that fits gets no extra tab stop. Checked again when the window is resized. */
(function () {
  "use strict";
  if (window.lpKeyboard) return;
  window.lpKeyboard = true;

  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("lp-strings").textContent);
  } catch (error) { /* no strings: buttons keep Material's icons only */ }

  function toggle(id, on) {
    var input = document.getElementById(id);
    if (!input) return;
    input.checked = on;
    input.dispatchEvent(new Event("change"));
  }

  function button(label, id, name) {
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (name) label.setAttribute("aria-label", name);
    var input = document.getElementById(id);
    function state() { if (input) label.setAttribute("aria-expanded", input.checked ? "true" : "false"); }
    state();
    if (input) input.addEventListener("change", state);
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();  // Material clicks a focused label on Enter too: once is enough
      var open = !(input && input.checked);
      label.click();
      if (open && id === "__drawer") {
        var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
        if (first) setTimeout(function () { first.focus(); }, 50);
      }
      if (open && id === "__search") {
        var query = document.querySelector(".md-search__input");
        if (query) setTimeout(function () { query.focus(); }, 50);
      }
    });
  }

  var header = document.querySelector(".md-header");
  if (header) {
    var menu = header.querySelector("label.md-header__button[for='__drawer']");
    var search = header.querySelector("label.md-header__button[for='__search']");
    if (menu) button(menu, "__drawer", strings.menu_button);
    if (search) button(search, "__search", strings.search_button);
    document.addEventListener("keydown", function (event) {
      var drawer = document.getElementById("__drawer");
      if (event.key !== "Escape" || !drawer || !drawer.checked) return;
      toggle("__drawer", false);
      if (menu && getComputedStyle(menu).display !== "none") menu.focus();
    });
  }

  function tables() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", strings.table_region || "Tabel");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }
  var pending = 0;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(tables, 150);
  });
  if (document.readyState === "complete") tables();
  else window.addEventListener("load", tables);
  /* Material wraps tables from its own script, which may run after this one. */
  setTimeout(tables, 0);
})();
