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
  document.querySelectorAll("form").forEach((other) => {
    if (other !== form) other.addEventListener("submit", () => { submitting = !dirty; });
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
});
