// The featured picture's picker beside the autocomplete select (articles/admin/widgets.py):
// a preview of the chosen picture, an upload with alt text and credit, and a library
// search by thumbnail. Whatever is picked becomes the select's value, so the article
// form posts exactly what it would without this script.
"use strict";

(function () {
  function jq() {
    return window.django && window.django.jQuery;
  }

  function setup(picker) {
    const select = document.getElementById(picker.dataset.select);
    if (!select || !window.OpinionImages) return;
    const images = window.OpinionImages;
    const preview = picker.querySelector("[data-preview]");
    const removeButton = picker.querySelector("[data-remove]");
    const fileInput = picker.querySelector("[data-upload-file]");
    const altInput = picker.querySelector("[data-upload-alt]");
    const creditInput = picker.querySelector("[data-upload-credit]");
    const uploadError = picker.querySelector("[data-upload-error]");
    const uploadButton = picker.querySelector("[data-upload]");
    const localImage = picker.querySelector("[data-local-preview]");
    const searchInput = picker.querySelector("[data-search]");
    const results = picker.querySelector("[data-results]");
    const status = picker.querySelector("[data-library-status]");
    const moreButton = picker.querySelector("[data-more]");
    let page = 1;
    let lastQuery = "";

    function showPreview(image) {
      preview.replaceChildren();
      const details = document.createElement("p");
      details.className = "image-picker__details";
      if (image) {
        const img = document.createElement("img");
        img.className = "image-picker__image";
        img.src = image.thumbnail_url;
        img.alt = image.alt_text;
        details.append(`Alt text: ${image.alt_text}`, document.createElement("br"));
        details.append(`Credit: ${image.credit || "none"}`);
        preview.append(img, details);
      } else {
        details.textContent = "No picture chosen yet.";
        preview.append(details);
      }
      removeButton.hidden = !image;
    }

    function choose(image) {
      let option = Array.from(select.options).find((opt) => opt.value === String(image.id));
      if (!option) {
        option = new Option(image.label, image.id, true, true);
        select.append(option);
      }
      select.value = String(image.id);
      notifySelect();
      showPreview(image);
    }

    function notifySelect() {
      const $ = jq();
      if ($) $(select).trigger("change");
      else select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    // A choice made in the autocomplete select itself: fetch its thumbnail.
    async function onSelectChange() {
      const id = select.value;
      if (!id) {
        showPreview(null);
        return;
      }
      const answer = await images.search(picker.dataset.libraryUrl, { id });
      if (answer.ok && answer.results.length && select.value === id) showPreview(answer.results[0]);
    }

    function openPanel(name) {
      for (const button of picker.querySelectorAll("[data-open]")) {
        const open = button.dataset.open === name && button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        picker.querySelector(`[data-panel="${button.dataset.open}"]`).hidden = !open;
        if (open && name === "library" && !results.childElementCount) runSearch(true);
        if (open) picker.querySelector(`[data-panel="${name}"] input`)?.focus();
      }
    }

    function showUploadError(message) {
      uploadError.textContent = message;
      uploadError.hidden = !message;
    }

    async function upload() {
      const file = fileInput.files[0];
      const altText = altInput.value.trim();
      if (!file) return showUploadError("Choose a picture to upload.");
      if (!altText) {
        altInput.focus();
        return showUploadError("Write the alt text: describe the picture for readers who cannot see it.");
      }
      showUploadError("");
      uploadButton.disabled = true;
      uploadButton.textContent = "Uploading…";
      const answer = await images.upload(picker.dataset.uploadUrl, {
        file,
        altText,
        credit: creditInput.value.trim(),
      });
      uploadButton.disabled = false;
      uploadButton.textContent = "Upload and use this picture";
      if (!answer.ok) return showUploadError(answer.message);
      choose(answer.image);
      fileInput.value = "";
      altInput.value = "";
      creditInput.value = "";
      images.localPreview(null, localImage);
      results.replaceChildren();
      openPanel(null);
    }

    async function runSearch(fresh) {
      if (fresh) {
        page = 1;
        lastQuery = searchInput.value.trim();
      }
      status.textContent = "Searching…";
      const answer = await images.search(picker.dataset.libraryUrl, { q: lastQuery, page });
      if (!answer.ok) {
        status.textContent = answer.message;
        return;
      }
      if (fresh) results.replaceChildren();
      for (const image of answer.results) results.append(images.resultItem(image, choose));
      status.textContent = results.childElementCount
        ? `${results.childElementCount} picture${results.childElementCount === 1 ? "" : "s"} shown.`
        : "No picture matches.";
      moreButton.hidden = !answer.more;
      page += 1;
    }

    for (const button of picker.querySelectorAll("[data-open]")) {
      button.addEventListener("click", () => openPanel(button.dataset.open));
    }
    removeButton.addEventListener("click", () => {
      select.value = "";
      notifySelect();
      showPreview(null);
    });
    fileInput.addEventListener("change", () => images.localPreview(fileInput.files[0], localImage));
    uploadButton.addEventListener("click", upload);
    picker.querySelector("[data-search-button]").addEventListener("click", () => runSearch(true));
    moreButton.addEventListener("click", () => runSearch(false));
    // Enter in the picker's fields must act here, never save the whole article.
    picker.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.target.tagName !== "INPUT") return;
      event.preventDefault();
      if (event.target === searchInput) runSearch(true);
      else upload();
    });
    const $ = jq();
    if ($) $(select).on("change", onSelectChange);
    else select.addEventListener("change", onSelectChange);
    picker.hidden = false;
  }

  function start() {
    for (const picker of document.querySelectorAll("[data-image-picker]")) setup(picker);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
