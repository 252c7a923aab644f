"""A picture the disk cannot take: the picker says so in words, and the form stays usable."""

import errno

import pytest
from playwright.sync_api import expect

from images.models import Image
from tests.browser.conftest import sign_in
from tests.factories import make_columnist, png_bytes
from tests.images.media import snapshot
from tests.storage.test_full_disk import storage_refuses

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_picker_shows_that_the_disk_is_full(page, live_server, tmp_path):
    picture = tmp_path / "harbour.png"
    picture.write_bytes(png_bytes(900, 600))
    make_columnist("amara")
    sign_in(page, live_server, "amara")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    picker = page.locator("[data-image-picker]")
    picker.get_by_role("button", name="Upload a picture").click()
    page.set_input_files("[data-upload-file]", str(picture))
    page.fill("[data-upload-alt]", "The harbour at dawn")
    with storage_refuses(errno.ENOSPC):
        picker.get_by_role("button", name="Upload and use this picture").click()
        expect(page.locator("[data-upload-error]")).to_contain_text(
            "The picture could not be stored: the disk is full."
        )

    assert not Image.objects.exists()
    assert snapshot() == {}
    # Once there is room again, the same picture goes through.
    picker.get_by_role("button", name="Upload and use this picture").click()
    page.wait_for_selector("[data-preview]:has-text('The harbour at dawn')")
    assert Image.objects.get().alt_text == "The harbour at dawn"
