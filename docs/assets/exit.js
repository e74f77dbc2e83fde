/* Quick exit (GOV.UK "Exit this page" pattern): hide the page at once, then leave with location.replace, so the
   current page leaves the history and the neutral site gets no referrer (see the referrer meta in main.html).
   Shift pressed three times, each press within 5 seconds of the last, does the same; a Shift used with another key
   does not count and any other key starts again. Progress is announced in the status region. Stores nothing.
   Listeners sit on the document, so the control keeps working under Material's instant navigation. */
(function () {
  "use strict";
  if (window.lpExit) return;

  var TIMEOUT = 5000;
  var strings = {};
  var presses = 0;
  var timer = 0;
  var modified = false;
  var saved = null;  // what exit() changed, to undo when the page comes back from the back/forward cache

  try {
    strings = JSON.parse(document.getElementById("lp-strings").textContent);
  } catch (error) { /* no strings: the exit still works, silently */ }

  function announce(text) {
    var status = document.querySelector(".lp-exit__status");
    if (status) status.textContent = text || "";
  }

  function reset(text) {
    clearTimeout(timer);
    presses = 0;
    announce(text);
  }

  function exit(url) {
    if (saved) return;
    var overlay = document.createElement("div");
    saved = { title: document.title, hidden: [], overlay: overlay };
    document.documentElement.classList.add("lp-exiting");
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (!el.hidden) { el.hidden = true; saved.hidden.push(el); }
    });
    overlay.className = "lp-exit-overlay";
    overlay.textContent = strings.exit_loading || "";
    document.body.appendChild(overlay);
    document.title = strings.exit_loading || "\u200b";
    // Inside a frame (a SCORM package in a learning platform), the whole window leaves, not only the frame.
    try { if (window.top !== window) { window.top.location.replace(url); return; } } catch (error) { /* blocked */ }
    location.replace(url);
  }

  function restore() {
    reset("");
    if (!saved) return;
    document.documentElement.classList.remove("lp-exiting");
    saved.hidden.forEach(function (el) { el.hidden = false; });
    saved.overlay.remove();
    document.title = saved.title;
    saved = null;
  }

  function exitUrl() {
    var link = document.querySelector(".lp-exit__link");
    return link ? link.href : "about:blank";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".lp-exit__link");
    if (!link) return;
    event.preventDefault();
    exit(link.href);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") return;
    if (event.shiftKey) modified = true;
    if (presses) reset("");
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    if (modified) { modified = false; return; }
    clearTimeout(timer);
    presses += 1;
    if (presses >= 3) { reset(""); exit(exitUrl()); return; }
    announce(presses === 1 ? strings.exit_two_more : strings.exit_one_more);
    timer = setTimeout(function () {
      reset(strings.exit_timed_out);
      timer = setTimeout(function () { announce(""); }, TIMEOUT);
    }, TIMEOUT);
  }, true);

  // Deliberate choice (as GOV.UK): a page brought back from the back/forward cache is shown again and usable.
  // location.replace already took the exited page out of the history, so only the user's own Forward/Back leads here.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) restore();
  });

  window.lpExit = { exit: exit, restore: restore };
})();
