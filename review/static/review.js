// pressfacts review: keyboard shortcuts, text <-> fact scrolling, decisions posted without a reload,
// and adding a fact the pipeline missed (select text with the mouse or the keyboard, pick its kind).
// Every form also works without this script (the server redirects back to the page).
"use strict";
(function () {
  const main = document.querySelector("main.review");
  if (!main) return;
  const flash = document.getElementById("flash");
  const textEl = document.getElementById("text");
  const fullText = textEl.textContent;
  const addPanel = document.getElementById("add-panel");
  const addMenu = document.getElementById("add-menu");
  const KIND_BY_KEY = {};
  document.querySelectorAll("#add-menu .add-kind").forEach((b) => { KIND_BY_KEY[b.querySelector("kbd").textContent] = b.dataset.kind; });
  let current = -1;

  // The anti-forgery token of this page (also in every form): the server refuses a post without it.
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  const postHeaders = () => ({ Accept: "application/json", "X-CSRF-Token": csrf });

  const cards = () => Array.from(document.querySelectorAll("li.fact"));
  const marksOf = (id) => Array.from(document.querySelectorAll("mark.hl")).filter(
    (m) => m.dataset.facts.split(" ").includes(id));

  function say(message, good) {
    flash.textContent = message;
    flash.className = good ? "good" : "bad";
  }

  function select(index, opts) {
    const list = cards();
    if (!list.length) return;
    current = Math.max(0, Math.min(index, list.length - 1));
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    const card = list[current];
    card.classList.add("current");
    const marks = marksOf(card.dataset.fact);
    marks.forEach((m) => m.classList.add("current"));
    if (!opts || opts.scrollCard !== false) card.scrollIntoView({ block: "nearest" });
    if (marks.length && (!opts || opts.scrollText !== false)) {
      marks[0].scrollIntoView({ block: "center" });
      marks[0].classList.remove("flash");
      void marks[0].offsetWidth;
      marks[0].classList.add("flash");
    }
    if (!opts || opts.focus !== false) card.focus({ preventScroll: true });
  }

  function selectFact(id, opts) {
    const index = cards().findIndex((c) => c.dataset.fact === id);
    if (index >= 0) select(index, opts);
  }

  function currentCard() {
    const list = cards();
    return current >= 0 && current < list.length ? list[current] : null;
  }

  function updateProgress(counts) {
    if (!counts) return;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const done = total - counts.unreviewed;
    const el = document.querySelector("#progress .n-reviewed");
    if (el) el.textContent = String(done);
  }

  async function send(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    try {
      // getAttribute: `form.action` would be the field named "action".
      const response = await fetch(form.getAttribute("action"), { method: "POST", body: data, headers: postHeaders() });
      try { return await response.json(); } catch (err) { return { ok: false, message: "Unexpected answer from the server." }; }
    } catch (err) {
      return { ok: false, message: "Could not reach the review server: nothing was saved." };
    }
  }

  async function post(form, submitter) {
    const body = await send(form, submitter);
    if (body.reload && body.url) { window.location.assign(body.url); return body; }
    const card = form.closest("li.fact");
    if (body.card && card) {
      const id = card.dataset.fact;
      card.outerHTML = body.card;
      const fresh = document.getElementById("card-" + id);
      marksOf(id).forEach((m) => {
        if (m.dataset.fact === id) m.className = m.className.replace(/\bs-\w+/, "s-" + fresh.dataset.status);
      });
      selectFact(id, { scrollText: false });
      if (!body.ok) {
        const input = fresh.querySelector(".correct input, .correct select");
        if (input) input.focus();
      }
    }
    say(body.message || "", body.ok);
    updateProgress(body.counts);
    return body;
  }

  // --- adding a missed fact ---------------------------------------------------------------------

  // Words of the text (UTF-16 offsets into fullText): the keyboard selection moves by them.
  const words = Array.from(fullText.matchAll(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu), (m) => [m.index, m.index + m[0].length]);
  let pending = null; // {start, end} in UTF-16 offsets: the text picked, waiting for a kind
  let keySel = null; // {first, last} word indexes while selecting with the keyboard

  const codePoints = (i) => Array.from(fullText.slice(0, i)).length; // Python offsets count code points

  function domPoint(offset) {
    const walker = document.createTreeWalker(textEl, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (seen + node.length >= offset) return [node, offset - seen];
      seen += node.length;
    }
    return [textEl, textEl.childNodes.length];
  }

  function offsetOf(node, offset) {
    const range = document.createRange();
    range.setStart(textEl, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  // The span being added stays marked while its form is filled (the selection moves into the form).
  function markSpan(range) {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    if (range) CSS.highlights.set("pending-add", new Highlight(range));
    else CSS.highlights.delete("pending-add");
  }

  function showPending(start, end) {
    pending = { start, end };
    const range = document.createRange();
    range.setStart(...domPoint(start));
    range.setEnd(...domPoint(end));
    markSpan(range);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.getElementById("selection-text").textContent = "“" + fullText.slice(start, end) + "”";
    addMenu.hidden = false;
  }

  function clearPending() {
    pending = null;
    keySel = null;
    addMenu.hidden = true;
    markSpan(null);
    window.getSelection().removeAllRanges();
  }

  function showKeySel() {
    showPending(words[keySel.first][0], words[keySel.last][1]);
  }

  function startKeySelection() {
    if (!words.length) return;
    const card = currentCard();
    const mark = card && document.getElementById("t-" + card.dataset.fact);
    const from = mark ? offsetOf(mark.firstChild || mark, 0) : 0;
    const first = Math.max(0, words.findIndex((w) => w[1] > from));
    keySel = { first, last: first };
    showKeySel();
    say("Selecting: h/l move, ←/→ shorten or extend, Shift+←/→ move the start, then a kind key.", true);
  }

  function moveKeySelection(key, shift) {
    const n = words.length;
    let { first, last } = keySel;
    if (key === "ArrowRight" && shift) first = Math.min(first + 1, last);
    else if (key === "ArrowLeft" && shift) first = Math.max(0, first - 1);
    else if (key === "ArrowRight") last = Math.min(n - 1, last + 1);
    else if (key === "ArrowLeft") last = Math.max(first, last - 1);
    else if (key === "l" && last + 1 < n) { first += 1; last += 1; }
    else if (key === "h" && first > 0) { first -= 1; last -= 1; }
    keySel = { first, last };
    showKeySel();
  }

  function focusAddForm() {
    const input = addPanel.querySelector("input:not([type=hidden]), select");
    addPanel.scrollIntoView({ block: "nearest" });
    if (input) { input.focus(); if (input.select) input.select(); }
  }

  async function chooseKind(kind) {
    if (!pending) return;
    const params = new URLSearchParams({ kind, start: codePoints(pending.start), end: codePoints(pending.end) });
    let body;
    try {
      const response = await fetch(main.dataset.prefill + "?" + params, { headers: { Accept: "application/json" } });
      body = await response.json();
    } catch (err) {
      body = { ok: false, message: "Could not reach the review server." };
    }
    if (!body.ok) { say(body.message || "Cannot add this.", false); return; }
    pending = null; // the span stays marked (markSpan) while its form is filled
    keySel = null;
    addMenu.hidden = true;
    addPanel.innerHTML = body.form;
    say(body.message || "Check the values, then Enter saves the added fact.", !body.message);
    focusAddForm();
  }

  async function saveAdded(form) {
    const body = await send(form);
    if (body.ok && body.url) { window.location.assign(body.url); return; }
    if (body.form) { addPanel.innerHTML = body.form; focusAddForm(); }
    say(body.message || "", false);
  }

  function cancelAdd() {
    addPanel.innerHTML = "";
    clearPending();
    say("", true);
    const card = currentCard();
    if (card) card.focus();
  }

  textEl.addEventListener("mouseup", () => {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!textEl.contains(range.startContainer) || !textEl.contains(range.endContainer)) return;
    keySel = null;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (end > start) showPending(start, end);
  });

  addMenu.addEventListener("click", (event) => {
    const button = event.target.closest(".add-kind");
    if (button) chooseKind(button.dataset.kind);
  });

  addPanel.addEventListener("click", (event) => {
    if (event.target.closest(".cancel")) cancelAdd();
  });

  // --- done -------------------------------------------------------------------------------------

  async function toggleDone() {
    const form = document.querySelector("form.done-form");
    const button = form.querySelector("button[name=action]");
    const body = await send(form, button);
    if (body.ok) { window.location.assign(main.dataset.url); return; }
    document.getElementById("done-error").textContent = body.message || "";
    say(body.message || "", false);
  }

  // --- events -----------------------------------------------------------------------------------

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (form.id === "add-form") { event.preventDefault(); saveAdded(form); return; }
    if (form.classList.contains("done-form")) { event.preventDefault(); toggleDone(); return; }
    if (!form.closest("li.fact")) return;
    event.preventDefault();
    const body = await post(form, event.submitter);
    if (body && body.ok && !body.conflict && !body.reload && form.classList.contains("actions")) next(1);
  });

  function act(action) {
    const card = currentCard();
    if (!card) return;
    const button = card.querySelector(`.actions button[value="${action}"]`);
    if (button) button.form.requestSubmit(button);
  }

  function next(step) { select(current < 0 ? 0 : current + step); }

  function nextUnreviewed() {
    const list = cards();
    for (let i = 1; i <= list.length; i++) {
      const j = (Math.max(current, 0) + i) % list.length;
      if (list[j].dataset.status === "unreviewed") { select(j); return; }
    }
    say("Every fact of this article is reviewed: d marks it done.", true);
  }

  function edit() {
    const card = currentCard();
    if (!card) return;
    const details = card.querySelector("details.edit");
    details.open = true;
    const input = details.querySelector("input:not([type=hidden]), select");
    if (input) { input.focus(); if (input.select) input.select(); }
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = event.target.closest && event.target.closest("input, select, textarea");
    if (field) {
      if (event.key === "Escape" && field.closest("#add-form")) { cancelAdd(); event.preventDefault(); }
      else if (event.key === "Escape" && field.closest("li.fact")) {
        const card = field.closest("li.fact");
        card.querySelector("details.edit").open = false;
        card.focus();
        event.preventDefault();
      }
      return;
    }
    if (pending) {
      if (KIND_BY_KEY[event.key]) { event.preventDefault(); chooseKind(KIND_BY_KEY[event.key]); return; }
      if (event.key === "Escape") { event.preventDefault(); clearPending(); say("", true); return; }
      if (keySel && ["ArrowLeft", "ArrowRight", "h", "l"].includes(event.key)) {
        event.preventDefault();
        moveKeySelection(event.key, event.shiftKey);
        return;
      }
    }
    if (event.key === "Escape" && addPanel.firstElementChild) { event.preventDefault(); cancelAdd(); return; }
    const keys = {
      j: () => next(1), ArrowDown: () => next(1), k: () => next(-1), ArrowUp: () => next(-1),
      n: nextUnreviewed, a: () => act("accept"), r: () => act("reject"), u: () => act("clear"), e: edit,
      s: startKeySelection, d: toggleDone,
    };
    const handler = keys[event.key];
    if (handler) { event.preventDefault(); handler(); }
  });

  textEl.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    if (mark && window.getSelection().isCollapsed) selectFact(mark.dataset.fact, { scrollText: false });
  });

  document.querySelector(".facts-pane").addEventListener("click", (event) => {
    const goto = event.target.closest(".goto");
    if (goto) selectFact(goto.closest("li.fact").dataset.fact);
  });

  const focus = main.dataset.focus;
  if (focus) selectFact(focus);
  else {
    const first = cards().findIndex((c) => c.dataset.status === "unreviewed");
    select(first >= 0 ? first : 0, { scrollCard: false, scrollText: false });
  }
  if (addPanel.firstElementChild) focusAddForm(); // the add form rendered by the server (no script path, or an error)
})();
