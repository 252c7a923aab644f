// The admin widgets that JavaScript builds (the rich-text body editor and the
// autocomplete boxes) lose the name their field's <label> gave the original
// <textarea> or <select>, and neither library takes extra attributes from Python.
// Point each one back at that visible label, so screen readers announce
// "Body" or "Featured image" instead of an unnamed text box.
(() => {
  "use strict";

  // The field's visible <label for=…>, given an id so aria-labelledby can point at it.
  function labelOf(control) {
    if (!control.id) return null;
    const label = document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    if (label && !label.id) label.id = `${control.id}-label`;
    return label;
  }

  // django-prose-editor wraps the textarea and the editable area in one div.prose-editor.
  function nameBodyEditor(textarea) {
    const label = labelOf(textarea);
    const editable = textarea.closest(".prose-editor")?.querySelector("[contenteditable]");
    if (!label || !editable) return;
    editable.setAttribute("aria-labelledby", label.id);
  }

  // select2 puts its combobox right after the hidden <select>; the combobox reads out its
  // current choice (the "rendered" box), so name both after the label, choice included.
  function nameAutocomplete(select) {
    const label = labelOf(select);
    const widget = select.nextElementSibling;
    const combobox = widget?.querySelector(".select2-selection[role='combobox']");
    const choice = widget?.querySelector(".select2-selection__rendered");
    if (!label || !combobox || !choice?.id) return;
    choice.setAttribute("aria-labelledby", label.id);
    combobox.setAttribute("aria-labelledby", `${label.id} ${choice.id}`);
  }

  function nameAutocompletesIn(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(nameAutocomplete);
  }

  document.addEventListener("prose-editor:ready", (event) => nameBodyEditor(event.detail.textarea));
  document.querySelectorAll(".prose-editor > textarea").forEach(nameBodyEditor);

  // Django's autocomplete.js builds its widgets when jQuery is ready and on new inline
  // rows; it registered first, so these run after it.
  const jQuery = window.django?.jQuery;
  if (jQuery) jQuery(() => nameAutocompletesIn(document));
  document.addEventListener("formset:added", (event) => nameAutocompletesIn(event.target));
})();
