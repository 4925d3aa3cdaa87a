// pressfacts review: keyboard shortcuts, text <-> fact scrolling, decisions posted without a reload.
// Every form also works without this script (the server redirects back to the page).
"use strict";
(function () {
  const main = document.querySelector("main.review");
  if (!main) return;
  const flash = document.getElementById("flash");
  let current = -1;

  const cards = () => Array.from(document.querySelectorAll("li.fact"));
  const marksOf = (id) => Array.from(document.querySelectorAll("mark.hl")).filter(
    (m) => m.dataset.facts.split(" ").includes(id));

  // The anti-forgery token of this page (also in every form): the server refuses a post without it.
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  const postHeaders = () => ({ Accept: "application/json", "X-CSRF-Token": csrf });

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

  async function post(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    let response;
    try {
      // getAttribute: `form.action` would be the field named "action".
      response = await fetch(form.getAttribute("action"), { method: "POST", body: data, headers: postHeaders() });
    } catch (err) {
      say("Could not reach the review server: the decision was not saved.", false);
      return null;
    }
    let body;
    try { body = await response.json(); } catch (err) { body = { ok: false, message: "Unexpected answer from the server." }; }
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

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!form.closest("li.fact")) return;
    event.preventDefault();
    const body = await post(form, event.submitter);
    if (body && body.ok && !body.conflict && form.classList.contains("actions")) next(1);
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
    say("Every fact of this article is reviewed.", true);
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
      if (event.key === "Escape" && field.closest("li.fact")) {
        const card = field.closest("li.fact");
        card.querySelector("details.edit").open = false;
        card.focus();
        event.preventDefault();
      }
      return;
    }
    const keys = {
      j: () => next(1), ArrowDown: () => next(1), k: () => next(-1), ArrowUp: () => next(-1),
      n: nextUnreviewed, a: () => act("accept"), r: () => act("reject"), u: () => act("clear"), e: edit,
    };
    const handler = keys[event.key];
    if (handler) { event.preventDefault(); handler(); }
  });

  document.getElementById("text").addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    if (mark) selectFact(mark.dataset.fact, { scrollText: false });
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
})();
