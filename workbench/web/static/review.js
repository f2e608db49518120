// The review page: choose a bead and a sentence, call the JSON API, show conflicts; keyboard shortcuts.
// Every change goes through the server (which checks the role, the CSRF token and the bead's version);
// after a change the page reloads, so what is shown is always what is stored.
(function () {
  "use strict";
  const table = document.getElementById("review");
  if (!table) return;
  const api = table.dataset.api;
  const canBeads = table.dataset.canBeads === "1";
  const canText = table.dataset.canText === "1";
  const token = document.querySelector('meta[name="csrf-token"]').content;
  const rows = Array.from(table.querySelectorAll("tr.bead"));
  const message = document.getElementById("message");
  const conflict = document.getElementById("conflict");
  // The page gives the texts in its language (data-texts: English text → translation, with {name} places);
  // a text it does not give is shown in English.
  let words = {};
  try { words = JSON.parse(table.dataset.texts || "{}"); } catch (e) { words = {}; }
  function t(text, values) {
    let out = words[text] || text;
    Object.keys(values || {}).forEach((k) => { out = out.split("{" + k + "}").join(String(values[k])); });
    return out;
  }
  let current = -1;
  let busy = false;

  function say(text, kind) {
    message.textContent = text;
    message.className = "flash " + (kind || "");
    message.hidden = !text;
  }

  function select(i, scroll) {
    if (!rows.length) return;
    i = Math.max(0, Math.min(rows.length - 1, i));
    if (current >= 0 && rows[current]) rows[current].classList.remove("current");
    current = i;
    rows[i].classList.add("current");
    if (scroll !== false) rows[i].scrollIntoView({ block: "nearest" });
  }

  function row() { return current >= 0 ? rows[current] : null; }
  function sentences(r) { return Array.from(r.querySelectorAll(".sent")); }
  function chosen(r) { return r.querySelector(".sent.chosen"); }

  function choose(r, sent) {
    r.querySelectorAll(".sent.chosen").forEach((s) => s.classList.remove("chosen"));
    if (sent) sent.classList.add("chosen");
  }

  function stepSentence(delta) {
    const r = row();
    if (!r) return;
    const all = sentences(r);
    if (!all.length) return;
    const at = all.indexOf(chosen(r));
    choose(r, all[(at + delta + all.length) % all.length]);
  }

  function neighbourVersion(r, step) {
    const other = rows[rows.indexOf(r) + step];
    if (other && Number(other.dataset.position) === Number(r.dataset.position) + step) {
      return Number(other.dataset.version);
    }
    return null;  // the neighbour is on another page: the server checks it is still there
  }

  // ``then``: the address to open after a success instead of reloading (confirm-and-next to the next page).
  async function post(path, body, focus, label, then) {
    if (busy) return;
    busy = true;
    conflict.hidden = true;
    try {
      const response = await fetch(api + path, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
        body: JSON.stringify(body || {}),
      });
      let data = {};
      try { data = await response.json(); } catch (e) { data = { error: t("the server answered {status}", { status: response.status }) }; }
      if (response.ok && data.status) {
        followJob(data.status);
        return;
      }
      if (response.ok) {
        const result = data.result;
        const text = typeof result === "string" ? result
          : typeof result === "number" ? t("Confirmed {n} beads.", { n: result }) : (label || t("Saved."));
        sessionStorage.setItem("review-message", text);
        // The bead to come back to after the reload (the URL is left alone: a change of its fragment
        // would be a navigation of its own).
        if (focus) sessionStorage.setItem("review-focus", String(focus));
        if (then) { location.href = then; return; }
        location.reload();
        return;
      }
      if (response.status === 409) {
        conflict.querySelector(".text").textContent = t("Conflict: {error}", { error: data.error });
        conflict.querySelector(".state").textContent = data.current ? describe(data.current) : "";
        conflict.hidden = false;
        conflict.scrollIntoView({ block: "nearest" });
      } else {
        say(data.error || t("The server answered {status}", { status: response.status }), "error");
      }
    } catch (e) {
      say(t("The server could not be reached; nothing was saved."), "error");
    } finally {
      busy = false;
    }
  }

  // Long work (re-aligning) runs as a job: show its progress bar, reload the page when it is done.
  function followJob(status) {
    const box = document.createElement("div");
    box.className = "job";
    box.dataset.status = status;
    box.dataset.state = "queued";
    box.setAttribute("role", "status");
    ["progress", "span", "span", "span", "span", "a"].forEach((tag, i) => {
      const el = document.createElement(tag);
      el.className = ["job-bar", "job-percent", "job-state", "job-message", "job-elapsed", "job-result"][i];
      if (tag === "progress") { el.max = 1; el.value = 0; }
      if (tag === "a") el.hidden = true;
      box.appendChild(el);
    });
    document.getElementById("jobs").replaceChildren(box);
    document.querySelectorAll("[data-job-button]").forEach((b) => { b.disabled = true; });
    window.watchJob(box);
  }
  const jobArea = document.getElementById("jobs");
  jobArea.addEventListener("job-done", (e) => {
    sessionStorage.setItem("review-message", e.detail.message);
    location.reload();
  });
  jobArea.addEventListener("job-failed", (e) => say(e.detail.message, "error"));

  function describe(state) {
    if (state.text !== undefined) return t("Current text: {text}", { text: state.text });
    const shape = (state.kk[1] - state.kk[0]) + "-" + (state.ru[1] - state.ru[0]);
    const lines = [t("Current state: bead {position}, {shape}, {status}", { position: state.position, shape: shape,
      status: t(state.status) }) + (state.updated_by ? t(", last changed by {user}", { user: state.updated_by }) : "")];
    (state.kk_text || []).forEach((t) => lines.push("kk: " + t));
    (state.ru_text || []).forEach((t) => lines.push("ru: " + t));
    return lines.join("\n");
  }

  function beadBody(r, extra) {
    return Object.assign({ version: Number(r.dataset.version) }, extra || {});
  }

  function act(name, r) {
    r = r || row();
    if (!r) return;
    const id = r.dataset.id;
    const pos = Number(r.dataset.position);
    const sel = chosen(r);
    if (name === "history") return showHistory(r);
    if (name === "edit") return editSentence(r, sel);
    if (!canBeads) { say(t("Your role may not change beads."), "error"); return; }
    if (name === "confirm") {
      if (r.classList.contains("confirmed")) {
        return post("/beads/" + id + "/unconfirm", beadBody(r), pos, t("Unconfirmed {bead}.", { bead: r.dataset.label }));
      }
      // Confirm and go on: to the next bead of the page, or to the next page after the last one.
      const next = rows[rows.indexOf(r) + 1];
      const then = next ? null : pageUrl(1);
      return post("/beads/" + id + "/confirm", beadBody(r), next ? next.dataset.position : null,
        t("Confirmed {bead}.", { bead: r.dataset.label }), then);
    }
    if (name === "pair") return openPair(r, sel || sentences(r)[0]);
    if (name === "merge") return post("/beads/" + id + "/merge", beadBody(r, { next_version: neighbourVersion(r, 1) }), pos,
      t("Merged {bead} with the next bead.", { bead: r.dataset.label }));
    if (name === "split") {
      const nk = Number(r.dataset.kk), nr = Number(r.dataset.ru);
      let k, m;
      if (sel) {
        const i = Number(sel.dataset.index) + 1;
        if (sel.dataset.side === "kk") { k = i; m = Math.min(i, nr); } else { m = i; k = Math.min(i, nk); }
      } else if (nk >= nr) { k = 1; m = Math.min(1, nr); } else { m = 1; k = Math.min(1, nk); }
      if (k === nk && m === nr) {
        say(t("Select a sentence that is not the last of the bead, then split."), "error");
        return;
      }
      return post("/beads/" + id + "/split", beadBody(r, { kk: k, ru: m }), pos, t("Split {bead}.", { bead: r.dataset.label }));
    }
    if (name === "prev" || name === "next") {
      const side = sel ? sel.dataset.side : (Number(r.dataset.kk) ? "kk" : "ru");
      const step = name === "prev" ? -1 : 1;
      return post("/beads/" + id + "/move", beadBody(r, { side: side, direction: name,
        neighbour_version: neighbourVersion(r, step) }), pos, t("Moved a sentence."));
    }
    if (name === "detach") {
      const target = sel || sentences(r)[0];
      if (!target) return;
      return post("/beads/" + id + "/detach", beadBody(r, { side: target.dataset.side,
        index: Number(target.dataset.index) }), pos, t("Detached a sentence."));
    }
    if (name === "comment") {
      const old = r.querySelector(".comment");
      return openDialog(t("Comment on {bead}", { bead: r.dataset.label }), "", old ? old.textContent : "", (text) =>
        post("/beads/" + id + "/comment", beadBody(r, { text: text }), pos, t("Comment saved.")));
    }
  }

  function editSentence(r, sel) {
    if (!canText) { say(t("Only editors may correct the text of a sentence."), "error"); return; }
    const target = sel || sentences(r)[0];
    if (!target) return;
    const text = target.querySelector(".text").textContent;
    openDialog(t("Edit the {side} sentence", { side: target.dataset.side }), t("Original: {text}", { text: target.dataset.original }), text,
      (value) => post("/segments/" + target.dataset.segment + "/text",
        { version: Number(target.dataset.version), text: value }, r.dataset.position, t("Sentence saved.")));
  }

  const dialog = document.getElementById("edit-dialog");
  const area = document.getElementById("edit-text");
  let onSave = null;
  function openDialog(title, note, value, save) {
    dialog.querySelector(".title").textContent = title;
    dialog.querySelector(".original").textContent = note;
    area.value = value;
    onSave = save;
    dialog.showModal();
    area.focus();
  }
  function saveDialog() {
    const save = onSave;
    onSave = null;
    dialog.close();
    if (save) save(area.value);
  }
  document.getElementById("edit-save").addEventListener("click", saveDialog);
  document.getElementById("edit-cancel").addEventListener("click", () => dialog.close());
  area.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); saveDialog(); } });

  // Pair with…: the selected sentence and one of the other side, found by number or words.
  const pairDialog = document.getElementById("pair-dialog");
  const pairQuery = document.getElementById("pair-query");
  const pairResults = document.getElementById("pair-results");
  let pairFrom = null;
  let pairTimer = null;
  function openPair(r, sent) {
    if (!sent) { say(t("Select a sentence first (click it, or h/l)."), "error"); return; }
    const other = sent.dataset.side === "kk" ? "ru" : "kk";
    pairFrom = { row: r, side: sent.dataset.side, n: Number(sent.dataset.n), other: other };
    pairDialog.querySelector(".pair-from").textContent = t("{side} {n}: {text} — pair it with {other} sentence…", { side: sent.dataset.side,
      n: sent.dataset.n, text: sent.querySelector(".text").textContent, other: other });
    pairQuery.value = "";
    pairResults.replaceChildren();
    pairDialog.showModal();
    pairQuery.focus();
  }
  async function searchPair() {
    const q = pairQuery.value.trim();
    if (!q || !pairFrom) { pairResults.replaceChildren(); return; }
    const response = await fetch(api + "/sentences?lang=" + pairFrom.other + "&q=" + encodeURIComponent(q),
      { credentials: "same-origin" });
    const data = await response.json();
    pairResults.replaceChildren();
    (data.sentences || []).forEach((s) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "pair-choice";
      b.dataset.n = s.n;
      b.textContent = pairFrom.other + " " + s.n + (s.page ? " · " + t("p.") + s.page : "") + ": " + s.text;
      li.appendChild(b);
      pairResults.appendChild(li);
    });
    if (!pairResults.children.length) {
      const li = document.createElement("li");
      li.textContent = t("No {side} sentence found.", { side: pairFrom.other });
      pairResults.appendChild(li);
    }
  }
  function pairWith(n) {
    const from = pairFrom;
    pairDialog.close();
    const kk = from.side === "kk" ? from.n : n;
    const ru = from.side === "ru" ? from.n : n;
    const body = { kk: kk, ru: ru, kk_version: null, ru_version: null };
    body[from.side + "_version"] = Number(from.row.dataset.version);
    post("/pair", body, null, t("Paired kk {kk} with ru {ru} as a confirmed bead.", { kk: kk, ru: ru }),
      pageUrl(0, { side: "kk", sentence: kk }));
  }
  pairQuery.addEventListener("input", () => { clearTimeout(pairTimer); pairTimer = setTimeout(searchPair, 200); });
  pairQuery.addEventListener("keydown", async (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    clearTimeout(pairTimer);
    await searchPair();
    const first = pairResults.querySelector("button.pair-choice");
    if (first && /^\d+$/.test(pairQuery.value.trim())) {
      const exact = pairResults.querySelector('button.pair-choice[data-n="' + pairQuery.value.trim() + '"]');
      if (exact) pairWith(Number(exact.dataset.n));
    } else if (first && pairResults.querySelectorAll("button.pair-choice").length === 1) {
      pairWith(Number(first.dataset.n));
    }
  });
  pairResults.addEventListener("click", (e) => {
    const b = e.target.closest("button.pair-choice");
    if (b) pairWith(Number(b.dataset.n));
  });
  document.getElementById("pair-cancel").addEventListener("click", () => pairDialog.close());

  const historyDialog = document.getElementById("history-dialog");
  async function showHistory(r) {
    const response = await fetch(api + "/beads/" + r.dataset.id + "/history", { credentials: "same-origin" });
    const data = await response.json();
    const body = historyDialog.querySelector("tbody");
    body.replaceChildren();
    (data.changes || []).forEach((c) => {
      const tr = document.createElement("tr");
      [c.at, c.user || "–", (c.what || c.action) + (c.state === "undone" ? " (" + t("undone") + ")" : ""), c.before, c.after].forEach((v) => {
        const td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (!body.children.length) {
      const tr = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = 5;
      td.textContent = t("No changes yet.");
      tr.appendChild(td);
      body.appendChild(tr);
    }
    historyDialog.showModal();
  }
  document.querySelectorAll("dialog .close").forEach((b) => b.addEventListener("click", () => b.closest("dialog").close()));

  table.addEventListener("click", (e) => {
    const r = e.target.closest("tr.bead");
    if (!r) return;
    select(rows.indexOf(r), false);
    const button = e.target.closest("button[data-act]");
    if (button) { act(button.dataset.act, r); return; }
    const sent = e.target.closest(".sent");
    if (sent) choose(r, sent.classList.contains("chosen") ? null : sent);
  });

  function bind(id, fn) { const el = document.getElementById(id); if (el) el.addEventListener("click", fn); }
  function focusPosition() { const r = row(); return r ? r.dataset.position : null; }
  bind("undo", () => post("/undo", {}, focusPosition()));
  bind("redo", () => post("/redo", {}, focusPosition()));
  bind("realign", () => { if (confirm(t("Re-align every unconfirmed stretch? Confirmed beads stay as they are."))) post("/realign", {}); });
  bind("confirm-above", async () => {
    // The field's text goes as it is: the server refuses an empty or out-of-range score (an empty field
    // read as a number would be 0, and offer to confirm every bead).
    const field = document.getElementById("threshold").value.trim();
    const response = await fetch(api + "/confirm-above/count?score=" + encodeURIComponent(field), { credentials: "same-origin" });
    const data = await response.json();
    if (!response.ok) { say(data.error, "error"); return; }
    const score = data.score;
    if (!data.count) { say(t("No unconfirmed bead is scored {score} or above.", { score: score }), "ok"); return; }
    if (confirm(t("Confirm {n} unconfirmed beads scored {score} or above? (one undo takes it back)", { n: data.count, score: score }))) {
      post("/confirm-above", { score: score }, focusPosition());
    }
  });
  bind("help-button", () => document.getElementById("help").showModal());
  conflict.querySelector(".reload").addEventListener("click", () => location.reload());

  // The address of the page ``delta`` pages on (null past the last), or with other query arguments.
  function pageUrl(delta, args) {
    const page = Number(table.dataset.page) + delta;
    if (page < 1 || page > Number(table.dataset.pages)) return null;
    const url = new URL(location.href);
    url.searchParams.set("p", page);
    Object.entries(args || {}).forEach(([k, v]) => url.searchParams.set(k, v));
    url.hash = "";
    return url.toString();
  }

  function goPage(delta) {
    const url = pageUrl(delta);
    if (url) location.href = url;
  }

  document.addEventListener("keydown", (e) => {
    if (e.target.closest("input, textarea, select") || document.querySelector("dialog[open]")) return;
    if (e.altKey || (e.metaKey && e.key !== "y")) return;
    const key = e.key;
    const handled = () => e.preventDefault();
    if (e.ctrlKey) {
      if (key === "y" || key === "Y") { handled(); if (canBeads) post("/redo", {}, focusPosition()); }
      return;
    }
    switch (key) {
      case "j": handled(); select(current + 1); break;
      case "k": handled(); select(current - 1); break;
      case "l": handled(); stepSentence(1); break;
      case "h": handled(); stepSentence(-1); break;
      case "c": handled(); act("confirm"); break;
      case "a": handled(); act("pair"); break;
      case "m": handled(); act("merge"); break;
      case "s": handled(); act("split"); break;
      case "[": handled(); act("prev"); break;
      case "]": handled(); act("next"); break;
      case "d": handled(); act("detach"); break;
      case "e": handled(); act("edit"); break;
      case "t": handled(); act("comment"); break;
      case "i": handled(); act("history"); break;
      case "u": handled(); if (canBeads) post("/undo", {}, focusPosition()); break;
      case "U": handled(); if (canBeads) post("/redo", {}, focusPosition()); break;
      case "n": handled(); goPage(1); break;
      case "p": handled(); goPage(-1); break;
      case "/": handled(); document.getElementById("search").focus(); break;
      case "g": handled(); document.getElementById("book-page").focus(); break;
      case "?": handled(); document.getElementById("help").showModal(); break;
      default: break;
    }
  });

  const note = sessionStorage.getItem("review-message");
  if (note) { sessionStorage.removeItem("review-message"); say(note, "ok"); }
  const stored = sessionStorage.getItem("review-focus");
  sessionStorage.removeItem("review-focus");
  const fromHash = location.hash.match(/^#b(\d+)$/);
  const wanted = stored || (fromHash && fromHash[1]);
  let start = 0;
  if (wanted) {
    const found = rows.findIndex((r) => r.dataset.position === wanted);
    if (found >= 0) start = found;
    // Keep the fragment in step, or the browser would scroll back to an old bead when loading ends.
    if (stored && fromHash) history.replaceState(null, "", "#b" + wanted);
  }
  if (rows.length) select(start, Boolean(wanted));
})();
