// The body editor's live word count and reading time, at the pace readers' pages use.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.querySelector("textarea#id_body");
  if (!body) return;
  const wordsPerMinute = Number(body.dataset.wordsPerMinute) || 230;
  const counter = document.createElement("p");
  counter.className = "word-count";
  counter.id = "id_body_word_count";
  counter.setAttribute("aria-live", "polite");
  // After the editor's frame when it is already built; otherwise after the textarea,
  // which the editor then wraps in place, leaving the count below it either way.
  (body.closest(".prose-editor") || body).after(counter);

  // A textarea parses what it is given as text, so decoding entities here runs no markup.
  const scratch = document.createElement("textarea");
  const countWords = (html) => {
    // Tags become spaces so paragraphs don't run together.
    scratch.innerHTML = html.replace(/<[^>]*>/g, " ");
    return scratch.value.split(/\s+/).filter(Boolean).length;
  };
  let timer = null;
  const update = () => {
    const words = countWords(body.value);
    const minutes = Math.ceil(words / wordsPerMinute);
    counter.textContent =
      `${words.toLocaleString()} word${words === 1 ? "" : "s"}` +
      (minutes ? ` · ${minutes} min read` : "");
  };
  body.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
  update();
});
