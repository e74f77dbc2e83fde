/* SCORM 1.2 runtime of a module package (scripts/scorm.py). Finds the learning platform's API by the standard search
   (this window's parents, then the opener's), calls LMSInitialize, marks the lesson "incomplete" unless an earlier
   launch already passed, completed or failed it, and listens for quiz.js's "lpq:checked": the score goes to
   cmi.core.score.raw as a percentage (min 0, max 100), the status becomes "passed" or "failed" against the self-check's
   pass mark, or "completed" where the bank has none, then LMSCommit. A later, lower result in the same launch never
   replaces a better one. LMSCommit and LMSFinish run once, when the page is hidden or closed. Without a platform
   (opened from a folder, file://) it does nothing and the page works as a plain offline page. Plain JS, no network. */
(function () {
  "use strict";
  if (window.lpScorm) return;

  function search(win) {
    for (var tries = 0; win && tries < 8; tries++) {
      try { if (win.API) return win.API; } catch (e) { return null; }  // another site's frame: stop there
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    var api = search(window);
    try { if (!api && window.opener) api = search(window.opener); } catch (e) { api = null; }
    return api && typeof api.LMSInitialize === "function" ? api : null;
  }

  var api = findApi(), live = false, done = false, best = -1;

  function call(name) {
    try { return String(api[name].apply(api, Array.prototype.slice.call(arguments, 1))); } catch (e) { return ""; }
  }
  function set(key, value) { return call("LMSSetValue", key, String(value)); }

  function finish() {
    if (!live || done) return;
    done = true;
    call("LMSCommit", "");
    call("LMSFinish", "");
  }

  if (api) {
    live = call("LMSInitialize", "") === "true";
    if (live) {
      var status = call("LMSGetValue", "cmi.core.lesson_status");
      if (status !== "passed" && status !== "completed" && status !== "failed") {
        set("cmi.core.lesson_status", "incomplete");
        call("LMSCommit", "");
      }
    }
  }

  document.addEventListener("lpq:checked", function (event) {
    var d = event.detail || {};
    if (!live || done || !(d.max > 0)) return;
    var percent = Math.max(0, Math.min(100, Math.round(d.percent)));
    if (percent <= best) return;
    best = percent;
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", percent);
    set("cmi.core.lesson_status", d.pass > 0 ? (d.passed ? "passed" : "failed") : "completed");
    call("LMSCommit", "");
  });

  window.addEventListener("pagehide", finish);
  window.addEventListener("unload", finish);
  window.lpScorm = { api: api, live: function () { return live; }, finish: finish };
})();
