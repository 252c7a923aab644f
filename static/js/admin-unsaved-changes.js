// Warn before leaving a change form with edits that were not saved, so no words are lost.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[id$='_form'][method='post']");
  if (!form) return;
  let dirty = false;
  let submitting = false;
  const markDirty = () => { dirty = true; };
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  form.addEventListener("submit", () => { submitting = true; });
  // Another form on the page (a note, a share link) leaves the page unless a script
  // posted it in place (it then cancelled the submit, and the page stays).
  document.addEventListener("submit", (event) => {
    if (event.target !== form && !event.defaultPrevented) submitting = !dirty;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
});
