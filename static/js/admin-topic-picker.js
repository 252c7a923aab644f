// The topic picker: suggestions from existing topics as the writer types, on top of the
// plain comma-separated input (which keeps working without this script). ARIA combobox
// pattern: arrows move through the list, Enter or a click chooses, Escape closes.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("input.topic-picker-input[data-suggest-url]");
  if (!input) return;

  const listbox = document.createElement("ul");
  listbox.id = `${input.id}_suggestions`;
  listbox.className = "topic-picker-list";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Topic suggestions");
  listbox.hidden = true;
  const status = document.createElement("p");
  status.className = "topic-picker-status";
  status.id = `${input.id}_status`;
  status.setAttribute("role", "status");
  const wrapper = document.createElement("div");
  wrapper.className = "topic-picker";
  input.before(wrapper);
  wrapper.append(input, listbox, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  const describedBy = input.getAttribute("aria-describedby");
  input.setAttribute("aria-describedby", describedBy ? `${describedBy} ${status.id}` : status.id);

  let active = -1;
  let timer = null;
  let request = 0;

  // The name being typed: the text between the commas around the caret.
  const currentPart = () => {
    const value = input.value;
    const caret = input.selectionStart ?? value.length;
    const start = value.lastIndexOf(",", caret - 1) + 1;
    let end = value.indexOf(",", caret);
    if (end === -1) end = value.length;
    return { start, end, text: value.slice(start, end).trim() };
  };
  const normal = (name) => name.split(/\s+/).filter(Boolean).join(" ").toLowerCase();
  const chosenNames = (except) => input.value
    .split(",")
    .map(normal)
    .filter((name) => name && name !== except);
  const options = () => Array.from(listbox.querySelectorAll("[role=option]"));

  const close = () => {
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (index) => {
    const items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  };

  const choose = (name) => {
    const part = currentPart();
    const before = input.value.slice(0, part.start).replace(/\s*$/, "");
    const after = input.value.slice(part.end).replace(/^\s*,?\s*/, "");
    // The chosen name takes the place of what was typed, so the order stays the writer's.
    const head = before ? `${before} ${name}` : name;
    input.value = after ? `${head}, ${after}` : `${head}, `;
    const caret = head.length + 2;
    input.setSelectionRange(caret, caret);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    close();
    status.textContent = `${name} added.`;
    input.focus();
  };

  const show = (names, typed, mayCreate) => {
    close();
    const taken = chosenNames(normal(typed));
    const fresh = names.filter((name) => !taken.includes(normal(name)));
    fresh.forEach((name, i) => {
      const item = document.createElement("li");
      item.id = `${listbox.id}_${i}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = name;
      // mousedown, not click: choosing must happen before the input loses focus.
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(name);
      });
      listbox.append(item);
    });
    if (fresh.length) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = `${fresh.length} topic${fresh.length === 1 ? "" : "s"} found; use the arrow keys to choose.`;
    } else if (names.some((name) => normal(name) === normal(typed))) {
      status.textContent = "";
    } else if (mayCreate) {
      status.textContent = `No topic yet called “${typed}”: saving creates it.`;
    } else {
      status.textContent = `No topic starts with “${typed}”. Choose an existing topic; an editor can add new ones.`;
    }
  };

  const lookUp = async () => {
    const typed = currentPart().text;
    if (!typed) {
      close();
      status.textContent = "";
      return;
    }
    const mine = ++request;
    try {
      const url = new URL(input.dataset.suggestUrl, window.location.href);
      url.searchParams.set("q", typed.slice(0, 100));
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok || mine !== request) return;
      const data = await response.json();
      if (mine === request) show(data.results || [], typed, Boolean(data.may_create));
    } catch {
      // Offline or signed out: the plain input still works.
    }
  };

  input.addEventListener("input", (event) => {
    if (!event.isTrusted) return;
    clearTimeout(timer);
    timer = setTimeout(lookUp, 150);
  });
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (open) highlight(active + 1);
      else lookUp();
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      // Enter chooses the highlighted topic instead of saving the form.
      event.preventDefault();
      choose(options()[active].textContent);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
});
