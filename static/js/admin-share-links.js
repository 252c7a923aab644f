// "Copy" beside each share link's address; without a script the address can still be selected.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button[data-copy-from]").forEach((button) => {
    const input = document.getElementById(button.dataset.copyFrom);
    if (!input || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(input.value);
        button.textContent = "Copied";
      } catch {
        input.select();
        button.textContent = "Press Ctrl+C to copy";
      }
      setTimeout(() => { button.textContent = "Copy"; }, 2500);
    });
  });
});
