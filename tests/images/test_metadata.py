"""Readers get pixels, not the photographer's whereabouts: metadata is gone from every served file."""

import struct
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, IptcImagePlugin, PngImagePlugin
from PIL import Image as PillowImage

from images import renditions
from images.models import Image
from images.validators import MAX_PIXELS
from tests.factories import make_columnist, make_published
from tests.images.media import read, served_media, snapshot

pytestmark = pytest.mark.django_db

ADD_IMAGE = reverse("admin:images_image_add")
SECRETS = [b"SecretCam", b"SecretXMP", b"SecretComment", b"SecretIPTC", b"SecretText"]
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>SecretXMP</rdf:Description></x:xmpmeta>'
)


def camera_exif(orientation=1):
    exif = PillowImage.Exif()
    exif[ExifTags.Base.Make] = "SecretCam"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 26.0)
    return exif


def with_iptc(jpeg):
    """Splice a Photoshop APP13 segment with an IPTC by-line into a JPEG, as news tools do."""
    value = b"SecretIPTC"
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(value)) + value
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def photo_with_everything(width=1700, height=1000):
    """A JPEG from a camera: GPS, make, XMP, IPTC and a comment; stored sideways (orientation 6)."""
    picture = PillowImage.new("RGB", (width, height), (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, 100, 100))  # a red corner, top left as stored
    buffer = BytesIO()
    picture.save(buffer, "JPEG", exif=camera_exif(orientation=6), xmp=XMP, comment=b"SecretComment")
    return with_iptc(buffer.getvalue())


def png_with_text(width=1200, height=800):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "SecretText")
    info.add_itxt("Location", "SecretText near the harbour")
    buffer = BytesIO()
    PillowImage.new("RGB", (width, height), (0, 128, 0)).save(
        buffer, "PNG", pnginfo=info, exif=camera_exif()
    )
    return buffer.getvalue()


def upload_as_columnist(client, name, content, content_type):
    client.force_login(make_columnist())
    response = client.post(
        ADD_IMAGE,
        {"file": SimpleUploadedFile(name, content, content_type), "alt_text": "A picture"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Image.objects.get()


def test_the_fixtures_really_carry_the_metadata():
    assert all(secret in photo_with_everything() for secret in SECRETS[:4])
    assert b"SecretText" in png_with_text()
    with PillowImage.open(BytesIO(photo_with_everything())) as photo:
        assert IptcImagePlugin.getiptcinfo(photo)


@pytest.mark.parametrize(
    ("name", "make", "content_type"),
    [
        ("holiday.jpg", photo_with_everything, "image/jpeg"),
        ("chart.png", png_with_text, "image/png"),
    ],
)
def test_every_file_readers_are_served_has_no_metadata(client, name, make, content_type):
    image = upload_as_columnist(client, name, make(), content_type)
    article = make_published(featured_image=image)

    served = served_media(client.get(article.get_absolute_url()).content.decode())

    # The original (img src, og:image, srcset) and each rendition.
    assert len(served) == 1 + len(renditions.widths_for(image.width)) > 2
    for name in served:
        data = read(name)
        assert not [secret for secret in SECRETS if secret in data], name
        with PillowImage.open(BytesIO(data)) as picture:
            assert not picture.getexif()
            assert not {"exif", "xmp", "comment", "photoshop"} & set(picture.info)
            assert not getattr(picture, "text", {})
            assert not IptcImagePlugin.getiptcinfo(picture)


def test_the_orientation_is_applied_to_the_pixels_before_the_exif_goes(client):
    image = upload_as_columnist(
        client, "sideways.jpg", photo_with_everything(300, 200), "image/jpeg"
    )

    assert (image.width, image.height) == (200, 300)
    with PillowImage.open(BytesIO(read(image.file.name))) as stored:
        assert stored.size == (200, 300)
        red, _green, blue = stored.convert("RGB").getpixel((190, 10))  # turned a quarter clockwise
        assert red > 200 and blue < 60


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_49_megapixel_png_of_zeros_is_refused_before_it_is_decoded(client, monkeypatch):
    buffer = BytesIO()
    PillowImage.new("L", (7000, 7000)).save(buffer, "PNG")
    monkeypatch.setattr(
        PillowImage.Image, "load", lambda self: pytest.fail("decoded a refused image")
    )
    client.force_login(make_columnist())

    response = client.post(
        ADD_IMAGE,
        {
            "file": SimpleUploadedFile("zeros.png", buffer.getvalue(), "image/png"),
            "alt_text": "Nothing",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"] == [
        "This image is 7000 × 7000 pixels, too large to process. "
        "Please upload one under 40 megapixels."
    ]
    assert not Image.objects.exists()
    assert snapshot() == {}


def test_an_animation_counts_all_its_frames(client):
    frames = [PillowImage.new("P", (1000, 1000), color) for color in range(41)]
    buffer = BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    client.force_login(make_columnist())

    response = client.post(
        ADD_IMAGE,
        {
            "file": SimpleUploadedFile("loop.gif", buffer.getvalue(), "image/gif"),
            "alt_text": "A loop",
        },
    )

    assert response.context["adminform"].form.errors["file"] == [
        "This image is 1000 × 1000 pixels in 41 frames, too large to process. "
        "Please upload one under 40 megapixels."
    ]
    assert not Image.objects.exists()


def test_pillow_itself_refuses_decompression_bombs_and_the_cap_is_in_the_help_text(client):
    assert PillowImage.MAX_IMAGE_PIXELS == MAX_PIXELS == 40_000_000
    buffer = BytesIO()
    PillowImage.new("1", (9000, 9000)).save(buffer, "PNG")
    with pytest.raises(PillowImage.DecompressionBombError):
        PillowImage.open(BytesIO(buffer.getvalue()))

    client.force_login(make_columnist())
    assert "40 megapixels" in client.get(ADD_IMAGE).content.decode()


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment(client):
    frames = [PillowImage.new("RGB", (200, 100), color) for color in ("red", "green", "blue")]
    buffer = BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=120,
        loop=0,
        comment=b"SecretComment",
    )

    image = upload_as_columnist(client, "loop.gif", buffer.getvalue(), "image/gif")

    data = image.file.read()
    assert b"SecretComment" not in data
    with PillowImage.open(BytesIO(data)) as stored:
        assert stored.n_frames == 3
        assert stored.info["duration"] == 120
