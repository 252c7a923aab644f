// Live word counts for the Write for us forms. The server enforces the same limits;
// this only tells the writer as they type. A static file, so it runs under the CSP.
(function () {
  "use strict";
  function words(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }
  function attach(area) {
    var limit = parseInt(area.getAttribute("data-word-limit"), 10);
    var output = document.getElementById(area.id + "_count");
    if (!output || !limit) return;
    function update() {
      var count = words(area.value);
      var over = count > limit;
      output.textContent = count + " of " + limit + " words" + (over ? ": " + (count - limit) + " too many" : "");
      output.classList.toggle("word-count--over", over);
      area.setAttribute("aria-invalid", over ? "true" : "false");
    }
    area.addEventListener("input", update);
    update();
  }
  document.querySelectorAll("textarea[data-word-limit]").forEach(attach);
})();
