// Progress bars of jobs: every element .job[data-status] polls its job's status until it is done or
// failed, then shows the result (or goes to it when data-follow="1") and enables the buttons that
// start such a job again. Forms of class job-form disable their button as soon as they are sent.
(function () {
  "use strict";

  function enableButtons() {
    document.querySelectorAll("[data-job-button]").forEach((b) => { b.disabled = false; });
  }

  // The page gives the texts in its language (data-job-texts, rendered by the template); English otherwise.
  function texts(box) {
    const holder = box.closest("[data-job-texts]") || document.querySelector("[data-job-texts]");
    try { return holder ? JSON.parse(holder.dataset.jobTexts) : {}; } catch (e) { return {}; }
  }

  function watch(box) {
    const words = texts(box);
    const t = (text) => words[text] || text;
    const bar = box.querySelector(".job-bar");
    const percent = box.querySelector(".job-percent");
    const state = box.querySelector(".job-state");
    const message = box.querySelector(".job-message");
    const elapsed = box.querySelector(".job-elapsed");
    const link = box.querySelector(".job-result");
    const started = Date.now();
    let delay = 400;

    let last = null;
    let still = Date.now();

    function show(data) {
      // While a step reports no progress of its own (the heartbeat says the job is alive), the bar
      // shows an indeterminate "working" animation instead of standing still.
      if (data.progress !== last) { last = data.progress; still = Date.now(); }
      if (data.state === "running" && Date.now() - still > 2500) bar.removeAttribute("value");
      else bar.value = data.progress;
      bar.textContent = Math.round(100 * data.progress) + " %";
      percent.textContent = Math.round(100 * data.progress) + " %";
      state.textContent = t(data.state);
      message.textContent = data.message;
      box.dataset.state = data.state;
      box.classList.toggle("failed", data.state === "failed");
    }

    async function poll() {
      let data;
      try {
        const response = await fetch(box.dataset.status, { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) throw new Error("status " + response.status);
        data = await response.json();
      } catch (e) {
        message.textContent = t("The server could not be reached; trying again.");
        setTimeout(poll, 2000);
        return;
      }
      show(data);
      if (data.state === "done") {
        if (data.url) { link.href = data.url; link.hidden = false; }
        box.dispatchEvent(new CustomEvent("job-done", { bubbles: true, detail: data }));
        if (box.dataset.follow === "1" && data.url) { location.href = data.url; return; }
        enableButtons();
        return;
      }
      if (data.state === "failed") {
        box.dispatchEvent(new CustomEvent("job-failed", { bubbles: true, detail: data }));
        enableButtons();
        return;
      }
      elapsed.textContent = "(" + Math.round((Date.now() - started) / 1000) + " s)";
      delay = Math.min(delay * 1.3, 2000);
      setTimeout(poll, delay);
    }

    if (box.dataset.state === "queued" || box.dataset.state === "running") poll();
  }

  window.watchJob = watch;
  document.querySelectorAll(".job[data-status]").forEach(watch);
  document.querySelectorAll("form.job-form").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    });
  });
})();
