// "Lena is editing this article (since 10:42)": while the form is open it beats every
// few seconds to keep its soft lock, shows who else holds it, lets an editor take over,
// and releases the lock when the tab closes. A courtesy: the version check on save is
// what refuses a stale save.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("edit-lock")
  if (!box || !box.dataset.heartbeatUrl) return
  const token = () => document.querySelector("[name=csrfmiddlewaretoken]")?.value || ""
  const seconds = Math.max(1, Number(box.dataset.seconds) || 30)
  let held = !box.querySelector(".edit-lock-notice")
  let wasMine = held

  const render = (answer) => {
    if (answer.mine) {
      // Someone else had it: say the article is now yours; otherwise leave the notice be.
      if (!wasMine) {
        box.innerHTML = '<p class="edit-lock-notice edit-lock-notice--mine">You are now editing this article.</p>'
      }
      wasMine = true
      held = true
      return
    }
    if (!answer.held) {
      box.replaceChildren()
      wasMine = false
      return
    }
    const notice = document.createElement("p")
    notice.className = "edit-lock-notice"
    const who = document.createElement("strong")
    who.dataset.editLockText = ""
    who.textContent = wasMine
      ? `${answer.name} took over editing at ${answer.since}. Your unsaved words are still here; saving will tell you if their version came first.`
      : `${answer.name} is editing this article (since ${answer.since}).`
    notice.append(who)
    if (!wasMine) notice.append(" Your changes can still be saved; if they save first, you will be told and your text kept.")
    if (answer.can_take_over) {
      const button = document.createElement("button")
      button.type = "button"
      button.className = "button"
      button.dataset.takeOver = ""
      button.textContent = "Take over"
      notice.append(" ", button)
    }
    box.replaceChildren(notice)
    wasMine = false
    held = false
  }

  const post = async (url) => {
    const data = new FormData()
    data.append("csrfmiddlewaretoken", token())
    data.append("page", box.dataset.page || "")
    const response = await fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
    return response.ok ? response.json() : null
  }

  const beat = async () => {
    try {
      const answer = await post(box.dataset.heartbeatUrl)
      if (answer) render(answer)
    } catch {
      // Offline: the autosave notice says so; the lock simply lapses.
    }
  }

  box.addEventListener("click", async (event) => {
    if (!event.target.closest("[data-take-over]")) return
    event.preventDefault()
    const answer = await post(box.dataset.takeOverUrl).catch(() => null)
    if (answer) {
      wasMine = false
      render(answer)
    }
  })

  setInterval(beat, seconds * 1000)
  window.addEventListener("pagehide", () => {
    if (!held) return
    const data = new FormData()
    data.append("csrfmiddlewaretoken", token())
    data.append("page", box.dataset.page || "")
    navigator.sendBeacon(box.dataset.releaseUrl, data)
  })
})
