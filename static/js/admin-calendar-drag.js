// Drag a scheduled article to another day of the desk calendar to reschedule it.
// Progressive: each item keeps its form (and keyboard users the form alone); a drop only
// fills that form's date, keeping the time, and submits it, so the move is the same
// schedule transition with the same checks and messages as the form.
(function () {
  "use strict";

  function setUp(calendar) {
    let dragged = null;

    calendar.querySelectorAll(".desk-item[data-reschedule]").forEach(function (item) {
      item.setAttribute("draggable", "true");
      item.addEventListener("dragstart", function (event) {
        dragged = item;
        item.classList.add("is-dragged");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.dataset.reschedule);
      });
      item.addEventListener("dragend", function () {
        item.classList.remove("is-dragged");
        dragged = null;
      });
    });

    calendar.querySelectorAll(".desk-day[data-date]").forEach(function (day) {
      day.addEventListener("dragover", function (event) {
        if (dragged && !day.contains(dragged)) {
          event.preventDefault();
          day.classList.add("is-drop-target");
        }
      });
      day.addEventListener("dragleave", function () {
        day.classList.remove("is-drop-target");
      });
      day.addEventListener("drop", function (event) {
        event.preventDefault();
        day.classList.remove("is-drop-target");
        if (!dragged || day.contains(dragged)) return;
        const form = document.getElementById(dragged.dataset.reschedule);
        const when = form && form.querySelector("input[name=when]");
        if (!when) return;
        const time = (when.value.split("T")[1] || "09:00").slice(0, 5);
        when.value = day.dataset.date + "T" + time;
        form.requestSubmit();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".desk-calendar").forEach(setUp);
  });
})();
