// Notes are added, answered, resolved and reopened without leaving the article form:
// the post goes by fetch and the notes are redrawn in place, so unsaved words in the
// body stay where they are and the browser never asks "Leave page?". Without a
// script the forms post and come back as before.
document.addEventListener("DOMContentLoaded", () => {
  const section = document.getElementById("review-notes")
  if (!section || !window.fetch) return
  const status = section.querySelector("[data-notes-status]")
  const thread = section.querySelector("[data-notes-thread]")

  const say = (message, ok) => {
    status.textContent = message
    status.classList.toggle("notes-status--error", !ok)
  }

  const redraw = (answer) => {
    thread.innerHTML = answer.thread_html
    document.querySelectorAll("[data-open-notes-banner]").forEach((banner) => {
      banner.innerHTML = answer.banner_html
    })
    document.querySelectorAll("[data-publish-confirm-notes]").forEach((list) => {
      list.innerHTML = answer.publish_notes_html
    })
    const publish = document.querySelector(".publish-confirm button[value=publish]")
    if (publish && answer.open_count === 0) publish.textContent = "Yes, publish now"
    document.dispatchEvent(new CustomEvent("review-notes:changed", { detail: answer }))
  }

  // "Resolve" beside a note in the publish confirmation: resolved in place, the
  // confirmation stays open and the article form is not submitted.
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-resolve-note]")
    if (!button) return
    event.preventDefault()
    button.disabled = true
    const data = new FormData()
    data.append("csrfmiddlewaretoken", section.querySelector("[name=csrfmiddlewaretoken]").value)
    data.append("resolve", button.dataset.resolveNote)
    let answer
    try {
      const response = await fetch(button.formAction, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      answer = await response.json()
    } catch {
      button.disabled = false
      say("The note could not be resolved: check the connection and try again.", false)
      return
    }
    if (answer.thread_html !== undefined) redraw(answer)
    say(answer.message, answer.ok)
    const panel = document.querySelector(".publish-confirm-panel")
    if (panel) {
      let note = panel.querySelector("[data-confirm-status]")
      if (!note) {
        note = document.createElement("p")
        note.setAttribute("role", "status")
        note.dataset.confirmStatus = ""
        panel.prepend(note)
      }
      note.textContent = answer.message
      note.tabIndex = -1
      note.focus()
    }
  })

  section.addEventListener("submit", async (event) => {
    const form = event.target
    if (!form.matches(".note-new-form, .note-reply-form")) return
    event.preventDefault()
    const submitter = event.submitter
    const data = new FormData(form, submitter)
    const buttons = form.querySelectorAll("button")
    buttons.forEach((button) => { button.disabled = true })
    say("Sending…", true)
    let answer
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      answer = await response.json()
    } catch {
      buttons.forEach((button) => { button.disabled = false })
      say("The note could not be sent: check the connection and try again. Your text is kept.", false)
      return
    }
    buttons.forEach((button) => { button.disabled = false })
    // The thread is redrawn either way (someone else may have written meanwhile);
    // a refused note keeps its text in the box it was written in.
    const kept = form.classList.contains("note-new-form") ? null : form.querySelector("textarea")
    const keptParent = form.querySelector("input[name=parent]")?.value
    const keptText = kept?.value
    if (answer.thread_html !== undefined) redraw(answer)
    if (answer.ok) {
      if (form.classList.contains("note-new-form")) form.reset()
    } else if (keptParent && keptText) {
      const box = thread.querySelector(`form input[name=parent][value="${CSS.escape(keptParent)}"]`)
        ?.form.querySelector("textarea")
      if (box) box.value = keptText
    }
    say(answer.message || (answer.ok ? "Done." : "That did not work."), answer.ok)
  })
})
