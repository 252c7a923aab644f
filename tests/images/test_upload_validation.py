"""Image uploads: only readable web images of a sane size reach the library, with renditions."""

import os
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.template.defaultfilters import filesizeformat
from PIL import Image as PillowImage

from images import renditions
from images.models import Image
from images.validators import validate_image_file
from tests.factories import png_bytes, uploaded_png
from tests.images.media import stored_names

pytestmark = pytest.mark.django_db

ImageForm = modelform_factory(Image, fields=["file", "alt_text", "credit"])

UNREADABLE = (
    "This file is not a readable image, or it is corrupt. Upload a JPEG, PNG, WebP or GIF file."
)
DJANGO_NOT_AN_IMAGE = (
    "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
)


def noisy_png_bytes(width, height):
    """A PNG that does not compress, so its size on disk is predictable."""
    buffer = BytesIO()
    PillowImage.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(
        buffer, format="PNG"
    )
    return buffer.getvalue()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def image_form(file, alt_text="A harbour at dawn", credit="Photo: Desk"):
    return ImageForm(data={"alt_text": alt_text, "credit": credit}, files={"file": file})


BAD_UPLOADS = {
    "text file renamed .png": (
        lambda: upload("notes.png", b"Dear editor, this is not a picture.\n" * 20),
        [DJANGO_NOT_AN_IMAGE, UNREADABLE],
    ),
    "truncated PNG": (
        lambda: upload("cut.png", noisy_png_bytes(200, 200)[:3000]),
        [DJANGO_NOT_AN_IMAGE, UNREADABLE],
    ),
    "SVG with a script": (
        lambda: upload(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        [DJANGO_NOT_AN_IMAGE, UNREADABLE],
    ),
    "BMP": (
        lambda: upload("old.bmp", png_bytes(image_format="BMP"), "image/bmp"),
        ["BMP images are not supported. Upload a JPEG, PNG, WebP or GIF file."],
    ),
    "TIFF": (
        lambda: upload("scan.tiff", png_bytes(image_format="TIFF"), "image/tiff"),
        ["TIFF images are not supported. Upload a JPEG, PNG, WebP or GIF file."],
    ),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_bad_upload_is_a_form_error_with_a_clear_message_and_nothing_is_saved(settings, case):
    make_file, acceptable_messages = BAD_UPLOADS[case]

    form = image_form(make_file())

    assert not form.is_valid()
    assert len(form.errors["file"]) == 1
    assert form.errors["file"][0] in acceptable_messages
    assert not Image.objects.exists()
    assert stored_names() == []


def test_oversized_file_is_a_form_error_and_nothing_is_saved(settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 10 * 1024
    content = noisy_png_bytes(100, 100)

    form = image_form(upload("huge.png", content))

    assert not form.is_valid()
    assert form.errors["file"] == [
        f"This file is {filesizeformat(len(content))}; images may be at most 10.0\xa0KB."
    ]
    assert not Image.objects.exists()
    assert stored_names() == []


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_image_over_40_megapixels_is_a_form_error_and_nothing_is_saved(settings):
    buffer = BytesIO()
    PillowImage.new("1", (8000, 7000)).save(buffer, format="PNG")

    form = image_form(upload("panorama.png", buffer.getvalue()))

    assert not form.is_valid()
    assert form.errors["file"] == [
        "This image is 8000 × 7000 pixels, too large to process. "
        "Please upload one under 40 megapixels."
    ]
    assert not Image.objects.exists()
    assert stored_names() == []


def test_missing_alt_text_is_a_form_error_and_nothing_is_saved(settings):
    form = image_form(uploaded_png(), alt_text="")

    assert not form.is_valid()
    assert form.errors["alt_text"] == ["This field is required."]
    assert not Image.objects.exists()
    assert stored_names() == []


def test_valid_png_saves_with_its_size_and_renditions_below_its_width(settings):
    form = image_form(uploaded_png("harbour.png", width=1000, height=500))

    assert form.is_valid(), form.errors
    image = form.save()

    assert (image.width, image.height) == (1000, 500)
    assert default_storage.exists(image.file.name)
    for width in (480, 960):
        assert default_storage.exists(renditions.rendition_name(image.file.name, width))
    assert not default_storage.exists(renditions.rendition_name(image.file.name, 1600))


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP", "GIF"])
def test_validator_accepts_the_web_formats(image_format):
    validate_image_file(upload("picture", png_bytes(image_format=image_format)))


def test_validator_leaves_the_file_where_it_found_it():
    file = uploaded_png()
    file.seek(5)

    validate_image_file(file)

    assert file.tell() == 5


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not an image at all", "invalid_image"),
        (noisy_png_bytes(200, 200)[:3000], "invalid_image"),
        (png_bytes(image_format="BMP"), "unsupported_format"),
    ],
)
def test_validator_names_what_is_wrong(content, code):
    with pytest.raises(ValidationError) as raised:
        validate_image_file(upload("file.png", content))

    assert raised.value.code == code
