// The body editor's picture button (the "BodyImage" extension in articles/html.py).
// It uploads a picture to the library, or picks one there, and inserts
//   <figure class="body-image"><img src alt data-image-id><figcaption>…</figcaption></figure>
// which is exactly what the sanitizer keeps; readers get a responsive version of it
// built from the library (images/body.py). Uses window.OpinionImages
// (admin-image-library.js), which the article form loads first.
import { Node, pm } from "django-prose-editor/editor"

const FIGURE_CLASS = "body-image"

function element(tag, props = {}, children = []) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value
    else if (key in node && typeof value !== "string") node[key] = value
    else node.setAttribute(key, value)
  }
  node.append(...children)
  return node
}

let dialogCount = 0

// A modal dialog, appended to <body> so its form is not nested in the article form.
function openDialog({ uploadUrl, libraryUrl, current }) {
  const images = window.OpinionImages
  const n = ++dialogCount
  const id = (name) => `body-image-${n}-${name}`
  return new Promise((resolve) => {
    const caption = element("input", {
      type: "text",
      id: id("caption"),
      maxlength: "300",
      class: "vTextField",
      value: current?.caption || "",
    })
    const error = element("p", { class: "errornote", role: "alert", hidden: true })
    const fields = [
      element("p", { class: "image-picker__field" }, [
        element("label", { for: id("caption"), text: "Caption (optional)" }),
        caption,
      ]),
    ]
    const dialog = element("dialog", {
      class: "body-image-dialog",
      "aria-labelledby": id("title"),
    })
    const close = (value) => {
      dialog.close()
      dialog.remove()
      resolve(value)
    }
    const cancel = element("button", { type: "button", class: "button", text: "Cancel" })
    cancel.addEventListener("click", () => close(null))
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault()
      close(null)
    })

    if (current) {
      const save = element("button", { type: "submit", class: "button default", text: "Save caption" })
      const form = element("form", {}, [
        element("h2", { id: id("title"), text: "Edit the picture’s caption" }),
        ...fields,
        element("p", { class: "body-image-dialog__buttons" }, [save, cancel]),
      ])
      form.addEventListener("submit", (event) => {
        event.preventDefault()
        close({ ...current, caption: caption.value.trim() })
      })
      dialog.append(form)
    } else {
      const file = element("input", {
        type: "file",
        id: id("file"),
        accept: "image/jpeg,image/png,image/webp,image/gif",
      })
      const localImage = element("img", { class: "image-picker__local", alt: "", hidden: true })
      file.addEventListener("change", () => images.localPreview(file.files[0], localImage))
      const alt = element("input", { type: "text", id: id("alt"), maxlength: "250", class: "vTextField" })
      const credit = element("input", { type: "text", id: id("credit"), maxlength: "200", class: "vTextField" })
      const upload = element("button", { type: "submit", class: "button default", text: "Upload and insert" })
      const uploadForm = element("form", {}, [
        element("h2", { id: id("title"), text: "Insert a picture" }),
        ...fields,
        element("h3", { text: "Upload a new picture" }),
        element("p", { class: "image-picker__field" }, [
          element("label", { for: id("file"), class: "required", text: "Picture" }),
          file,
        ]),
        localImage,
        element("p", { class: "image-picker__field" }, [
          element("label", { for: id("alt"), class: "required", text: "Alt text" }),
          alt,
          element("span", { class: "help", text: "Describe the picture for readers who cannot see it." }),
        ]),
        element("p", { class: "image-picker__field" }, [
          element("label", { for: id("credit"), text: "Credit" }),
          credit,
        ]),
        error,
        element("p", { class: "body-image-dialog__buttons" }, [upload, cancel]),
      ])
      uploadForm.addEventListener("submit", async (event) => {
        event.preventDefault()
        const showError = (message) => {
          error.textContent = message
          error.hidden = !message
        }
        if (!file.files[0]) return showError("Choose a picture to upload.")
        if (!alt.value.trim()) {
          alt.focus()
          return showError("Write the alt text: describe the picture for readers who cannot see it.")
        }
        showError("")
        upload.disabled = true
        upload.textContent = "Uploading…"
        const answer = await images.upload(uploadUrl, {
          file: file.files[0],
          altText: alt.value.trim(),
          credit: credit.value.trim(),
        })
        upload.disabled = false
        upload.textContent = "Upload and insert"
        if (!answer.ok) return showError(answer.message)
        close({ image: answer.image, caption: caption.value.trim() })
      })

      const search = element("input", { type: "search", id: id("search"), maxlength: "100", class: "vTextField" })
      const searchButton = element("button", { type: "submit", class: "button", text: "Search" })
      const status = element("p", { class: "image-picker__status", "aria-live": "polite" })
      const results = element("ul", { class: "image-picker__results" })
      const libraryForm = element("form", { class: "body-image-dialog__library" }, [
        element("h3", { text: "Or choose from the library" }),
        element("p", { class: "image-picker__field" }, [
          element("label", { for: id("search"), text: "Search the library" }),
          search,
          searchButton,
        ]),
        status,
        results,
      ])
      libraryForm.addEventListener("submit", async (event) => {
        event.preventDefault()
        status.textContent = "Searching…"
        const answer = await images.search(libraryUrl, { q: search.value.trim() })
        if (!answer.ok) {
          status.textContent = answer.message
          return
        }
        results.replaceChildren(
          ...answer.results.map((image) =>
            images.resultItem(image, () => close({ image, caption: caption.value.trim() })),
          ),
        )
        status.textContent = answer.results.length
          ? `${answer.results.length} picture${answer.results.length === 1 ? "" : "s"} shown.`
          : "No picture matches."
      })
      dialog.append(uploadForm, libraryForm)
    }
    document.body.append(dialog)
    dialog.showModal()
    caption.focus()
  })
}

// After inserting, the picture would stay selected and the next keystroke would
// replace it. Put the caret in the paragraph after it (adding one at the end), as
// other block editors do, so typing simply goes on.
function caretAfterPicture(tr, name) {
  const { selection } = tr
  let end = selection.to
  if (selection.node?.type.name !== name) {
    const before = tr.doc.resolve(selection.from).nodeBefore
    if (before?.type.name !== name) return true
    end = selection.from
  }
  const next = tr.doc.resolve(end).nodeAfter
  if (!next || !next.isTextblock) {
    tr.insert(end, tr.doc.type.schema.nodes.paragraph.create())
  }
  tr.setSelection(pm.state.TextSelection.create(tr.doc, end + 1))
  tr.scrollIntoView()
  return true
}

function countPictures(doc, name) {
  let count = 0
  doc.descendants((node) => {
    if (node.type.name === name) count += 1
  })
  return count
}

// Removing a picture is never silent: a notice says so, with a button that undoes it.
function watchRemovals(editor, name) {
  const notice = element("div", { class: "body-image-removed", role: "status", hidden: true })
  const text = element("span")
  const undo = element("button", { type: "button", class: "button", text: "Undo" })
  notice.append(text, " ", undo)
  editor.view.dom.closest(".prose-editor")?.after(notice)
  let hideTimer = null
  undo.addEventListener("click", () => {
    editor.chain().focus().undo().run()
    notice.hidden = true
  })
  editor.on("transaction", ({ transaction }) => {
    if (!transaction.docChanged) return
    const before = countPictures(transaction.before, name)
    const after = countPictures(transaction.doc, name)
    if (after < before) {
      const n = before - after
      text.textContent = n === 1 ? "A picture was removed from the body." : `${n} pictures were removed from the body.`
      notice.hidden = false
      clearTimeout(hideTimer)
      hideTimer = setTimeout(() => {
        if (!notice.contains(document.activeElement)) notice.hidden = true
      }, 30000)
    } else if (after > before) {
      notice.hidden = true
    }
  })
}

export const BodyImage = Node.create({
  name: "bodyImage",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { uploadUrl: null, libraryUrl: null }
  },

  addAttributes() {
    return {
      imageId: { default: null, rendered: false },
      src: { default: null, rendered: false },
      alt: { default: "", rendered: false },
      caption: { default: "", rendered: false },
    }
  },

  parseHTML() {
    return [
      {
        tag: `figure.${FIGURE_CLASS}`,
        getAttrs: (dom) => {
          const img = dom.querySelector("img[data-image-id]")
          if (!img) return false
          return {
            imageId: img.getAttribute("data-image-id"),
            src: img.getAttribute("src"),
            alt: img.getAttribute("alt") || "",
            caption: dom.querySelector("figcaption")?.textContent.trim() || "",
          }
        },
      },
    ]
  },

  renderHTML({ node }) {
    const { imageId, src, alt, caption } = node.attrs
    const img = ["img", { src, alt, "data-image-id": imageId }]
    return caption
      ? ["figure", { class: FIGURE_CLASS }, img, ["figcaption", {}, caption]]
      : ["figure", { class: FIGURE_CLASS }, img]
  },

  addCommands() {
    return {
      insertBodyImage:
        () =>
        ({ editor, state }) => {
          const selected = state.selection.node
          const current = selected?.type.name === this.name ? selected.attrs : null
          openDialog({
            uploadUrl: this.options.uploadUrl,
            libraryUrl: this.options.libraryUrl,
            current,
          }).then((chosen) => {
            if (!chosen) {
              editor.commands.focus()
              return
            }
            if (current) {
              editor.chain().focus().updateAttributes(this.name, { caption: chosen.caption }).run()
              return
            }
            const { image, caption } = chosen
            editor
              .chain()
              .focus()
              .insertContent({
                type: this.name,
                attrs: { imageId: String(image.id), src: image.src, alt: image.alt_text, caption },
              })
              .command(({ tr }) => caretAfterPicture(tr, this.name))
              .run()
          })
          return true
        },
    }
  },

  onCreate() {
    watchRemovals(this.editor, this.name)
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "bodyImage",
      groups: "nodes",
      command(editor) {
        editor.commands.insertBodyImage()
      },
      button: buttons.material("image", "insert or edit a picture"),
      active: (editor) => editor.isActive("bodyImage"),
      enabled: (editor) => editor.isEditable,
    })
  },
})
