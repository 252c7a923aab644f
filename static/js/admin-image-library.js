// The picture library's endpoints as the article form uses them (featured picture and
// body editor): upload with alt text and credit, search with thumbnails. Answers are
// JSON; a refusal carries the server's own message, which the caller shows.
"use strict";

window.OpinionImages = (function () {
  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  async function readJson(response) {
    try {
      return await response.json();
    } catch (error) {
      return {};
    }
  }

  async function upload(url, fields) {
    const data = new FormData();
    data.append("file", fields.file);
    data.append("alt_text", fields.altText || "");
    data.append("credit", fields.credit || "");
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      });
    } catch (error) {
      return { ok: false, message: "The upload failed: check your connection and try again." };
    }
    const body = await readJson(response);
    if (response.ok) return { ok: true, image: body };
    if (response.status === 413) {
      return { ok: false, message: "This file is too large to upload." };
    }
    return {
      ok: false,
      message: body.message || body.error || "The picture could not be uploaded.",
      errors: body.errors || {},
    };
  }

  async function search(url, params) {
    const query = new URLSearchParams(params);
    let response;
    try {
      response = await fetch(`${url}?${query}`, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
    } catch (error) {
      return { ok: false, message: "The library could not be reached." };
    }
    const body = await readJson(response);
    if (!response.ok) {
      return { ok: false, message: body.error || "The library could not be searched." };
    }
    return { ok: true, results: body.results || [], more: Boolean(body.more) };
  }

  // One result: a button showing the thumbnail, labelled by the alt text and credit.
  function resultItem(image, onChoose) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "image-library__choice";
    button.dataset.imageId = image.id;
    const thumbnail = document.createElement("img");
    thumbnail.src = image.thumbnail_url;
    thumbnail.alt = "";
    thumbnail.loading = "lazy";
    const label = document.createElement("span");
    label.textContent = image.alt_text + (image.credit ? ` (${image.credit})` : "");
    button.append(thumbnail, label);
    button.addEventListener("click", () => onChoose(image));
    item.append(button);
    return item;
  }

  // Reads a chosen file as a data: URL (the admin's CSP allows data: images, not blob:).
  function localPreview(file, img) {
    if (!file || !file.type.startsWith("image/")) {
      img.hidden = true;
      img.removeAttribute("src");
      return;
    }
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      img.src = reader.result;
      img.hidden = false;
    });
    reader.readAsDataURL(file);
  }

  return { upload, search, resultItem, localPreview };
})();
