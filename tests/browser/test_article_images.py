"""Pictures inside the article form in a real browser: upload or choose the featured picture
beside the select (no popup), refusals shown where the writer looks, and a picture placed
in the body from the editor's toolbar."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from images.models import Image
from tests.browser.conftest import sign_in
from tests.factories import make_columnist, make_editor, make_image, png_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "lighthouse.png"
    good.write_bytes(png_bytes(900, 600))
    corrupt = tmp_path / "broken.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 300)
    return {"good": str(good), "corrupt": str(corrupt)}


def test_columnist_uploads_and_chooses_pictures_without_leaving_the_form(page, live_server, files):
    make_columnist("amara")
    library_picture = make_image(alt_text="Cranes over the harbour", uploaded_by=make_editor())
    sign_in(page, live_server, "amara")
    popups = []
    page.on("popup", lambda popup: popups.append(popup))

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Pictures from the desk")
    picker = page.locator("[data-image-picker]")
    expect(picker).to_be_visible()  # shown by the script once it runs

    # Refusals are shown in the picker, in the server's words when it refused.
    picker.get_by_role("button", name="Upload a picture").click()
    page.set_input_files("[data-upload-file]", files["good"])
    expect(page.locator("[data-local-preview]")).to_be_visible()  # the immediate preview
    picker.get_by_role("button", name="Upload and use this picture").click()
    expect(page.locator("[data-upload-error]")).to_contain_text("Write the alt text")

    page.set_input_files("[data-upload-file]", files["corrupt"])
    page.fill("[data-upload-alt]", "A lighthouse at dusk")
    picker.get_by_role("button", name="Upload and use this picture").click()
    page.wait_for_selector("[data-upload-error]:has-text('corrupt')")
    assert not Image.objects.filter(alt_text="A lighthouse at dusk").exists()

    page.set_input_files("[data-upload-file]", files["good"])
    page.fill("[data-upload-credit]", "Photo: Amara")
    picker.get_by_role("button", name="Upload and use this picture").click()
    page.wait_for_selector("[data-preview]:has-text('A lighthouse at dusk')")
    uploaded = Image.objects.get(alt_text="A lighthouse at dusk")
    assert page.eval_on_selector("#id_featured_image", "s => s.value") == str(uploaded.pk)
    assert "Photo: Amara" in page.locator("[data-preview]").inner_text()

    # Or choose from the library by thumbnail.
    picker.get_by_role("button", name="Choose from the library").click()
    page.fill("[data-search]", "cranes")
    page.keyboard.press("Enter")  # searches; never submits the article form
    page.locator(f"[data-results] [data-image-id='{library_picture.pk}']").click()
    page.wait_for_selector("[data-preview]:has-text('Cranes over the harbour')")
    assert page.eval_on_selector("#id_featured_image", "s => s.value") == str(library_picture.pk)
    page.fill("#id_featured_image_caption", "The new cranes.")

    # A picture in the body, from the editor's toolbar.
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Look at this.")
    page.click("button[title='insert or edit a picture']")
    dialog = page.locator("dialog.body-image-dialog")
    dialog.get_by_label("Caption (optional)").fill("The light at dusk.")
    dialog.get_by_label("Picture").set_input_files(files["good"])
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(dialog.get_by_role("alert")).to_contain_text("Write the alt text")
    dialog.get_by_label("Alt text").fill("The lighthouse from the pier")
    dialog.get_by_role("button", name="Upload and insert").click()
    page.wait_for_selector(".ProseMirror figure.body-image img")

    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    in_body = Image.objects.get(alt_text="The lighthouse from the pier")
    assert article.featured_image == library_picture
    assert article.featured_image_caption == "The new cranes."
    assert f'data-image-id="{in_body.pk}"' in article.body
    assert "<figcaption>The light at dusk.</figcaption>" in article.body
    assert list(article.body_image_uses.values_list("image", flat=True)) == [in_body.pk]
    assert in_body.uploaded_by.username == "amara"
    assert popups == []
    assert not [e for e in page.console_errors if "Content Security Policy" in e]

    # Readers get the picture responsively.
    page.goto(live_server.url + reverse("articles:preview", kwargs={"pk": article.pk}))
    img = page.locator(".article-body figure.body-image img")
    assert img.get_attribute("srcset")
    assert img.get_attribute("loading") == "lazy"
    assert img.get_attribute("alt") == "The lighthouse from the pier"


def test_without_javascript_the_featured_picture_is_still_a_plain_select(browser, live_server):
    make_columnist("tomas")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.console_errors = []
    sign_in(page, live_server, "tomas")

    page.goto(f"{live_server.url}/admin/articles/article/add/")

    assert page.locator("#id_featured_image").is_visible()
    assert not page.locator("[data-image-picker]").is_visible()
    context.close()
