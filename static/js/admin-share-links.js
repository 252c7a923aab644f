// Share links: "Copy" beside each address, and "Make a share link" without leaving the
// form: the section is redrawn in place with the new address where the button was,
// ready to copy. Without a script the address can still be selected, and the form posts.
document.addEventListener("DOMContentLoaded", () => {
  const showCopyButtons = (root) => {
    if (!navigator.clipboard) return
    root.querySelectorAll("button[data-copy-from]").forEach((button) => {
      button.hidden = false
    })
  }
  const section = () => document.getElementById("share-links")
  if (!section()) return
  showCopyButtons(section())

  // Listen below the document, so the submit is cancelled before the unsaved-changes
  // guard (on the document) decides whether the page is being left.
  const container = section().parentElement
  container.addEventListener("click", async (event) => {
    const button = event.target.closest("#share-links button[data-copy-from]")
    if (!button) return
    const input = document.getElementById(button.dataset.copyFrom)
    if (!input) return
    try {
      await navigator.clipboard.writeText(input.value)
      button.textContent = "Copied"
    } catch {
      input.select()
      button.textContent = "Press Ctrl+C to copy"
    }
    setTimeout(() => { button.textContent = "Copy" }, 2500)
  })

  container.addEventListener("submit", async (event) => {
    const form = event.target
    if (!form.matches("#share-links form.share-link-new") || !window.fetch) return
    event.preventDefault()
    const button = form.querySelector("button[type=submit]")
    if (button) button.disabled = true
    let answer
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      answer = await response.json()
    } catch {
      if (button) button.disabled = false
      form.insertAdjacentHTML("beforebegin", '<p class="errornote" role="alert">The share link could not be made: check the connection and try again.</p>')
      return
    }
    const old = section()
    const holder = document.createElement("div")
    holder.innerHTML = answer.html
    const fresh = holder.firstElementChild
    old.replaceWith(fresh)
    showCopyButtons(fresh)
    const made = fresh.querySelector("#new-share-link")
    if (made) {
      made.focus()
      made.select()
    }
  })
})
