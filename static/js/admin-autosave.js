// Save the article form in the background every few seconds, so a crash, a closed tab
// or a lost connection never costs the writer their words. The server keeps the text
// as the writer's private autosave; the article itself and its state do not change.
// A static file with no inline script, so it runs under a strict Content Security Policy.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("autosave-status");
  const form = document.querySelector("form[id$='_form'][method='post']");
  if (!status || !form) return;

  const url = status.dataset.autosaveUrl;
  const seconds = Math.max(1, Number(status.dataset.autosaveSeconds) || 5);
  let lastSent = null;
  let stopped = false;
  let inFlight = false;

  const snapshot = () => {
    const data = new FormData(form);
    for (const [name, value] of [...data.entries()]) {
      if (value instanceof File) data.delete(name);
    }
    return data;
  };
  const fingerprint = (data) => JSON.stringify([...data.entries()].filter(([name]) => name !== "csrfmiddlewaretoken"));

  const show = (text, failing) => {
    status.textContent = text;
    status.classList.toggle("is-failing", Boolean(failing));
  };

  const save = async () => {
    if (stopped || inFlight) return;
    const data = snapshot();
    const print = fingerprint(data);
    if (lastSent === null) { lastSent = print; return; } // nothing typed yet
    if (print === lastSent) return;
    inFlight = true;
    try {
      const response = await fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        lastSent = print;
        show(`Draft saved in the background at ${answer.saved_at}.`, false);
      } else if (response.status === 409 || response.status === 403 || response.status === 404) {
        stopped = true;
        show(`Not saved in the background: ${answer.error || "this article can’t be saved now."}`, true);
      } else if (response.status === 400 || response.status === 413) {
        // The writing form's own limits: say which, and keep trying as the text changes.
        show(answer.error || "Not saved in the background: the form would refuse this text.", true);
      } else if (response.status !== 429) {
        show("Not saved — the server could not keep your text. Trying again…", true);
      }
    } catch (error) {
      show("Not saved — you are offline or the connection was lost. Your text is still here; saving resumes when the connection returns.", true);
    } finally {
      inFlight = false;
    }
  };

  // The first call only records the form as loaded, so an untouched page sends nothing.
  save();
  setInterval(save, seconds * 1000);
  window.addEventListener("online", save);
  form.addEventListener("submit", () => { stopped = true; });
  // A closing tab gets one last chance to hand over its text.
  window.addEventListener("pagehide", () => {
    if (stopped || lastSent === null) return;
    const data = snapshot();
    if (fingerprint(data) !== lastSent && navigator.sendBeacon) navigator.sendBeacon(url, data);
  });
});
