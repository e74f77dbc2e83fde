/* Self-check quizzes (rendered at build time by hooks/lindungi/quiz/quizrender.py). No framework, no network, no modules:
   works from file:// and under Material's instant navigation (listeners sit on the document; each new page's quizzes
   are set up through document$ when Material provides it).
   Nothing is checked until "Periksa jawaban" is pressed: no key or change handler ever submits.
   Storage: only where the quiz says data-storage="opt_in", and only after the learner ticks "Simpan kemajuan";
   keys are lpq:<schema>:<quiz>:<question>:<content hash>; every access is guarded, bad data is ignored.
   Each check dispatches "lpq:checked" (bubbling) with {quiz, score, max, percent, pass, passed, correct, count}. */
(function () {
  "use strict";
  if (window.lpQuiz) return;

  var SCHEMA = "1";
  var PREFIX = "lpq:";
  var OPTIN = PREFIX + SCHEMA + ":optin";

  // --- shared with quizrender.py: hashing, shuffling, normalising ------------------------------------------------
  function fnv1a(text) {
    var bytes = unescape(encodeURIComponent(text)), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes.charCodeAt(i), 0x01000193) >>> 0;
    return h >>> 0;
  }
  function shuffle(list, seed) {
    var a = list.slice(), s = fnv1a(seed);
    function draw() {
      s = (s + 0x6d2b79f5) >>> 0;
      var t = Math.imul(s ^ (s >>> 15), s | 1);
      t = (t ^ (t + Math.imul(t ^ (t >>> 7), t | 61))) >>> 0;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(draw() * (i + 1)), x = a[i];
      a[i] = a[j]; a[j] = x;
    }
    return a;
  }
  function normalise(text, abbr) {
    var s = String(text).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    s = " " + s.replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " ";
    for (var long in abbr) s = s.split(" " + long + " ").join(" " + abbr[long] + " ");
    return s.replace(/ /g, "");
  }

  // --- small helpers ------------------------------------------------------------------------------------------------
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function parse(text, fallback) {
    try { var v = JSON.parse(text); return v === null || v === undefined ? fallback : v; } catch (e) { return fallback; }
  }
  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function show(el, on) { if (el) el.hidden = !on; }
  function say(el, text) { if (el) el.textContent = text; }

  // Every storage access is guarded: storage may be missing, full, blocked or hold anything.
  function storage() { try { return window.localStorage || null; } catch (e) { return null; } }
  function load(key) { try { var s = storage(); return s ? s.getItem(key) : null; } catch (e) { return null; } }
  function save(key, value) { try { var s = storage(); if (s) s.setItem(key, value); } catch (e) { /* full or blocked */ } }
  function drop(test) {
    try {
      var s = storage();
      if (!s) return;
      for (var i = s.length - 1; i >= 0; i--) { var k = s.key(i); if (k && k.indexOf(PREFIX) === 0 && test(k)) s.removeItem(k); }
    } catch (e) { /* nothing to clear */ }
  }

  // --- one quiz -----------------------------------------------------------------------------------------------------
  function quizOf(el) { return el && el.closest ? el.closest(".lpq") : null; }
  function ui(quiz) { return parse(quiz.getAttribute("data-ui"), {}); }
  function canStore(quiz) { return quiz.getAttribute("data-storage") === "opt_in" && load(OPTIN) === "1"; }
  function keyOf(quiz, q) {
    return [PREFIX + SCHEMA, quiz.getAttribute("data-quiz"), q.getAttribute("data-q"), q.getAttribute("data-hash")].join(":");
  }
  function attemptKey(quiz) { return PREFIX + SCHEMA + ":" + quiz.getAttribute("data-quiz") + ":attempt"; }

  // How a question is graded: the grading kind its type declares (qtypes/ in the generator), written as data-grading
  // when it is not the type's own name; a type of the "choice" kind (options with a tick each) needs neither.
  function gradingOf(q) { return q.getAttribute("data-grading") || q.getAttribute("data-type"); }

  function answerOf(q) {
    var type = gradingOf(q), out = {};
    if (type === "ordering" || type === "matching") {
      all(q, ".lpq-row").forEach(function (row) {
        out[row.getAttribute("data-i") || row.getAttribute("data-p")] = row.querySelector("select").value;
      });
      return out;
    }
    if (type === "short_answer") return q.querySelector(".lpq-text").value;
    return all(q, ".lpq-opt input").filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }

  function isEmpty(q, answer) {
    if (typeof answer === "string") return !answer.trim();
    if (Array.isArray(answer)) return !answer.length;
    for (var k in answer) if (answer[k]) return false;
    return true;
  }

  function isRight(quiz, q, answer) {
    var type = gradingOf(q), key = parse(q.getAttribute("data-key"), null);
    if (type === "short_answer") {
      return Array.isArray(key) && key.indexOf(normalise(answer, parse(quiz.getAttribute("data-abbr"), {}))) >= 0;
    }
    if (type === "true_false") return answer.length === 1 && answer[0] === key;
    if (type === "matching") {
      for (var p in key) if (answer[p] !== key[p]) return false;
      return true;
    }
    if (type === "ordering") {
      var ids = Object.keys(answer).sort(function (a, b) { return answer[a] - answer[b]; });
      var used = {};
      for (var i = 0; i < ids.length; i++) {
        if (!answer[ids[i]] || used[answer[ids[i]]]) return false;
        used[answer[ids[i]]] = true;
      }
      return ids.join(" ") === (key || []).join(" ");
    }
    return answer.slice().sort().join(" ") === (key || []).slice().sort().join(" ");
  }

  function setAnswer(q, answer) {
    var type = gradingOf(q);
    if (type === "short_answer") {
      if (typeof answer === "string") q.querySelector(".lpq-text").value = answer.slice(0, 500);
    } else if (type === "ordering" || type === "matching") {
      if (!answer || typeof answer !== "object" || Array.isArray(answer)) return;
      all(q, ".lpq-row").forEach(function (row) {
        var select = row.querySelector("select"), value = answer[row.getAttribute("data-i") || row.getAttribute("data-p")];
        if (typeof value === "string" && all(select, "option").some(function (o) { return o.value === value; })) select.value = value;
      });
    } else if (Array.isArray(answer)) {
      all(q, ".lpq-opt input").forEach(function (i) { i.checked = answer.indexOf(i.value) >= 0; });
    }
  }

  function lock(q, locked) {
    all(q, "input, select").forEach(function (el) { el.disabled = locked; });
  }

  // One mark: an icon and a text. With `spoken`, the icon itself says it (for a screen reader) and `text` is the bank's
  // own feedback, shown once; without it, the icon is decoration and `text` is the verdict. An empty `text` leaves
  // the icon alone (a right step or pair inside a wrong question).
  function mark(el, right, text, spoken) {
    el.textContent = "";
    var icon = document.createElement("span");
    icon.className = "lpq-icon";
    icon.textContent = right ? "\u2713" : "\u2717";
    if (spoken) { icon.setAttribute("role", "img"); icon.setAttribute("aria-label", spoken); }
    else icon.setAttribute("aria-hidden", "true");
    el.appendChild(icon);
    if (text) el.appendChild(document.createTextNode(" " + text));
    el.className = el.className.replace(/ ?lpq-(right|wrong)/g, "") + (right ? " lpq-right" : " lpq-wrong");
    el.hidden = false;
  }

  function feedbackOf(q, id) {
    var fb = q.querySelector('.lpq-key li[data-o="' + id + '"] .lpq-key-fb');
    return fb ? fb.textContent : "";
  }

  // Feedback beside the answers, each piece once: the bank's feedback of a chosen option (or, without one, whether the
  // choice was right), the right answer the learner missed, and for steps and pairs of a wrong question the right
  // number or match in the learner's own terms ("Nomor yang tepat: 1"). The question's verdict is the status line.
  function markOptions(quiz, q, answer, s, ok) {
    var type = gradingOf(q), key = parse(q.getAttribute("data-key"), null);
    if (type === "ordering" || type === "matching") {
      if (ok) return;
      var order = type === "ordering" ? (key || []) : null;
      all(q, ".lpq-row").forEach(function (row) {
        var id = row.getAttribute("data-i") || row.getAttribute("data-p"), value = answer[id], out = row.querySelector(".lpq-ofb");
        var want = type === "ordering" ? String(order.indexOf(id) + 1) : key[id];
        if (value === want) { mark(out, true, "", s.opt_chosen_right); return; }
        var option = all(row, "option").filter(function (o) { return o.value === want; })[0];
        mark(out, false, type === "ordering" ? fill(s.pos_wrong, { n: want }) : fill(s.pair_wrong, { right: option ? option.textContent : "" }));
      });
      return;
    }
    if (type === "short_answer") return;
    var wanted = type === "true_false" ? [key] : (key || []);
    all(q, ".lpq-opt").forEach(function (opt) {
      var id = opt.getAttribute("data-o"), chosen = answer.indexOf(id) >= 0, correct = wanted.indexOf(id) >= 0;
      var out = opt.querySelector(".lpq-ofb"), feedback = feedbackOf(q, id);
      if (chosen && type !== "true_false") {
        var verdict = correct ? s.opt_chosen_right : s.opt_chosen_wrong;
        if (feedback) mark(out, correct, feedback, verdict);
        else mark(out, correct, verdict);
      } else if (correct && !chosen && !ok) mark(out, true, s.opt_missed);
    });
  }

  function check(quiz) {
    var s = ui(quiz), score = 0, max = 0, right = 0, qs = all(quiz, ".lpq-q");
    qs.forEach(function (q) {
      var answer = answerOf(q), points = parseInt(q.getAttribute("data-points"), 10) || 1;
      var empty = isEmpty(q, answer), ok = !empty && isRight(quiz, q, answer);
      max += points;
      if (ok) { score += points; right += 1; }
      var status = q.querySelector(".lpq-status");
      mark(status, ok, empty ? s.unanswered : ok ? s.right : s.wrong);
      markOptions(quiz, q, answer, s, ok);
      show(q.querySelector(".lpq-fb-right"), ok);
      show(q.querySelector(".lpq-fb-wrong"), !ok);
      show(q.querySelector(".lpq-accepted"), !ok);
      show(q.querySelector(".lpq-after"), true);
      q.classList.add("lpq-done");
      lock(q, true);
    });
    var percent = max ? Math.round(100 * score / max) : 0, pass = parseInt(quiz.getAttribute("data-pass"), 10) || 0;
    var values = { correct: right, count: qs.length, score: score, max: max, percent: percent, pass: pass };
    var result = quiz.querySelector(".lpq-result");
    result.textContent = "";
    var line = document.createElement("p");
    line.textContent = fill(s.score, values);
    result.appendChild(line);
    var said = fill(percent >= pass ? s.passed : s.not_passed, values);
    if (said) {  // a quiz for the public has no pass mark to announce
      var verdict = document.createElement("p");
      verdict.className = percent >= pass ? "lpq-right" : "lpq-wrong";
      verdict.textContent = said;
      result.appendChild(verdict);
    }
    quiz.classList.add("lpq--checked");
    // Announced for a learning platform (scorm.js in a SCORM package); nothing on the site listens.
    if (typeof window.CustomEvent === "function") {
      values.quiz = quiz.getAttribute("data-quiz");
      values.passed = percent >= pass;
      quiz.dispatchEvent(new CustomEvent("lpq:checked", { bubbles: true, detail: values }));
    }
    show(quiz.querySelector(".lpq-check"), false);
    show(quiz.querySelector(".lpq-retry"), true);
    result.focus();
  }

  function reorder(quiz, q, attempt) {
    var type = gradingOf(q), id = quiz.getAttribute("data-quiz") + "/" + q.getAttribute("data-q") + "/" + attempt;
    if (type === "ordering") {
      var key = parse(q.getAttribute("data-key"), []), ids = shuffle(key, id);
      if (ids.length > 1 && ids.join(" ") === key.join(" ")) ids.push(ids.shift());
      var list = q.querySelector(".lpq-items");
      ids.forEach(function (i) { var row = list.querySelector('[data-i="' + i + '"]'); if (row) list.appendChild(row); });
      return;
    }
    var order = parse(q.getAttribute("data-order"), null);
    if (!order || quiz.getAttribute("data-shuffle") !== "1") return;
    var wanted = shuffle(order, id);
    if (type === "matching") {
      all(q, ".lpq-match").forEach(function (select) {
        wanted.forEach(function (v) {
          var o = all(select, "option").filter(function (x) { return x.value === v; })[0];
          if (o) select.appendChild(o);
        });
      });
      return;
    }
    var box = q.querySelector(".lpq-opts");
    wanted.forEach(function (o) { var el = box.querySelector('[data-o="' + o + '"]'); if (el) box.appendChild(el); });
  }

  function reset(quiz, attempt) {
    all(quiz, ".lpq-q").forEach(function (q) {
      lock(q, false);
      q.classList.remove("lpq-done");
      all(q, "input[type=radio], input[type=checkbox]").forEach(function (i) { i.checked = false; });
      all(q, "select").forEach(function (el) { el.value = ""; });
      all(q, ".lpq-text").forEach(function (el) { el.value = ""; });
      all(q, ".lpq-ofb, .lpq-status, .lpq-fb, .lpq-after, .lpq-accepted").forEach(function (el) { el.hidden = true; });
      all(q, "details").forEach(function (d) { d.open = false; });
      reorder(quiz, q, attempt);
    });
    quiz.classList.remove("lpq--checked");
    say(quiz.querySelector(".lpq-result"), "");
    show(quiz.querySelector(".lpq-check"), true);
    show(quiz.querySelector(".lpq-retry"), false);
  }

  function retry(quiz) {
    var attempt = (parseInt(quiz.getAttribute("data-attempt"), 10) || 0) + 1;
    quiz.setAttribute("data-attempt", attempt);
    reset(quiz, attempt);
    if (canStore(quiz)) {
      var prefix = PREFIX + SCHEMA + ":" + quiz.getAttribute("data-quiz") + ":";
      drop(function (k) { return k.indexOf(prefix) === 0; });
      save(attemptKey(quiz), String(attempt));
    }
    var first = quiz.querySelector(".lpq-q input, .lpq-q select");
    if (first) first.focus();
  }

  function store(quiz, q) {
    if (canStore(quiz)) save(keyOf(quiz, q), JSON.stringify(answerOf(q)));
  }

  function restore(quiz) {
    var attempt = parseInt(load(attemptKey(quiz)), 10);
    if (attempt > 0 && attempt < 1000) {
      quiz.setAttribute("data-attempt", attempt);
      all(quiz, ".lpq-q").forEach(function (q) { reorder(quiz, q, attempt); });
    }
    var found = false, quizPrefix = PREFIX + SCHEMA + ":" + quiz.getAttribute("data-quiz") + ":";
    all(quiz, ".lpq-q").forEach(function (q) {
      var key = keyOf(quiz, q), raw = load(key), questionPrefix = quizPrefix + q.getAttribute("data-q") + ":";
      // Stored answers of an edited question (another content hash) are forgotten, the others kept.
      drop(function (k) { return k.indexOf(questionPrefix) === 0 && k !== key; });
      if (raw === null) return;
      var answer = parse(raw, null);
      if (answer === null) { drop(function (k) { return k === key; }); return; }
      setAnswer(q, answer);
      found = true;
    });
    // Data from an older schema is never read; it is removed.
    drop(function (k) { return k.indexOf(PREFIX + SCHEMA + ":") !== 0; });
    return found;
  }

  function setOptIn(quiz, on) {
    var s = ui(quiz);
    if (on) {
      save(OPTIN, "1");
      all(document, '.lpq[data-storage="opt_in"]').forEach(function (other) {
        all(other, ".lpq-save").forEach(function (box) { box.checked = true; });
        all(other, ".lpq-q").forEach(function (q) { if (!isEmpty(q, answerOf(q))) store(other, q); });
      });
      say(quiz.querySelector(".lpq-store-msg"), s.saved_on);
    } else {
      clearAll();
      say(quiz.querySelector(".lpq-store-msg"), s.saved_off);
    }
  }

  function clearAll() {
    drop(function () { return true; });
    all(document, ".lpq-save").forEach(function (box) { box.checked = false; });
  }

  // --- setup and events -----------------------------------------------------------------------------------------
  function setup() {
    all(document, ".lpq:not([data-ready])").forEach(function (quiz) {
      quiz.setAttribute("data-ready", "");
      quiz.classList.add("lpq--js");
      all(quiz, ".lpq-actions, .lpq-store").forEach(function (el) { el.hidden = false; });
      if (quiz.getAttribute("data-storage") !== "opt_in") return;  // public pages: storage is never touched
      var on = load(OPTIN) === "1";
      all(quiz, ".lpq-save").forEach(function (box) { box.checked = on; });
      if (on && restore(quiz)) say(quiz.querySelector(".lpq-store-msg"), ui(quiz).restored);
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target, quiz = quizOf(target);
    if (!quiz || !target.closest) return;
    if (target.closest(".lpq-check")) check(quiz);
    else if (target.closest(".lpq-retry")) retry(quiz);
    else if (target.closest(".lpq-clear")) { clearAll(); say(quiz.querySelector(".lpq-store-msg"), ui(quiz).cleared); }
  });

  function changed(event) {
    var target = event.target, quiz = quizOf(target);
    if (!quiz) return;
    if (target.classList.contains("lpq-save")) { if (event.type === "change") setOptIn(quiz, target.checked); return; }
    var q = target.closest(".lpq-q");
    if (q) store(quiz, q);
  }
  document.addEventListener("change", changed);
  document.addEventListener("input", changed);

  window.lpQuiz = { setup: setup, shuffle: shuffle, normalise: normalise, fnv1a: fnv1a };
  // Material's document$ announces every page of instant navigation; the plain load is covered too (setup runs once
  // per quiz), so quizzes work when Material's script is missing, fails or runs from file://.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
