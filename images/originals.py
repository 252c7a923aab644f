"""The stored original: the upload's pixels, upright, with none of its metadata.

Cameras and editing tools write the photographer's GPS position, the camera's
serial number, XMP and IPTC records, comments and PNG text chunks into files.
Readers are served the original (the largest ``srcset`` entry and ``og:image``),
so it is re-encoded from its pixels alone: the EXIF orientation is applied to
the pixels and nothing else is copied, except what the pixels need to look
right (the colour profile, GIF/PNG transparency and animation timing).
"""

from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageSequence, JpegImagePlugin

from .validators import ALLOWED_FORMATS

# Stored format and file extension for each accepted upload format. MPO is how
# Pillow reads many phone JPEGs (a JPEG with extra preview frames).
STORED_AS = {"JPEG": ("JPEG", ".jpg"), "MPO": ("JPEG", ".jpg"), "PNG": ("PNG", ".png")}
STORED_AS |= {"WEBP": ("WEBP", ".webp"), "GIF": ("GIF", ".gif")}
assert set(STORED_AS) >= set(ALLOWED_FORMATS)

# How to turn the pixels so that EXIF orientation 2-8 reads as 1 (upright).
T = PillowImage.Transpose
TRANSPOSE_FOR_ORIENTATION = {
    2: T.FLIP_LEFT_RIGHT,
    3: T.ROTATE_180,
    4: T.FLIP_TOP_BOTTOM,
    5: T.TRANSPOSE,
    6: T.ROTATE_270,
    7: T.TRANSVERSE,
    8: T.ROTATE_90,
}

# What the pixels need to look right: the colour profile and the transparent colour.
PIXEL_KEYS = ("icc_profile", "transparency")

# Per-frame settings that belong to the picture rather than to its history.
ANIMATION_KEYS = ("duration", "disposal", "blend")


@dataclass
class CleanOriginal:
    content: ContentFile  # named ``original.<ext>``; the storage name is chosen elsewhere
    picture: PillowImage.Image  # the first frame, upright, for making renditions


def _upright(frame, orientation):
    """A copy of ``frame`` with the EXIF orientation applied and no metadata at all."""
    method = TRANSPOSE_FOR_ORIENTATION.get(orientation)
    upright = frame.transpose(method) if method is not None else frame.copy()
    upright.info = {key: frame.info[key] for key in PIXEL_KEYS if key in frame.info}
    return upright


def clean_original(file):
    """Decode an upload and encode it again without metadata. The file was validated."""
    file.seek(0)
    with PillowImage.open(file) as upload:
        source_format = upload.format
        image_format, extension = STORED_AS[source_format]
        orientation = upload.getexif().get(0x0112)
        keep = {"icc_profile": upload.info.get("icc_profile")}
        if "transparency" in upload.info:
            keep["transparency"] = upload.info["transparency"]
        if image_format == "JPEG":
            keep["qtables"] = upload.quantization  # about the upload's own quality
            keep["subsampling"] = JpegImagePlugin.get_sampling(upload)
            frames = [_upright(upload, orientation)]
        else:
            frames, timings = [], {key: [] for key in ANIMATION_KEYS}
            for frame in ImageSequence.Iterator(upload):
                for key in ANIMATION_KEYS:
                    timings[key].append(frame.info.get(key, 0))
                frames.append(_upright(frame, orientation))
            if len(frames) > 1:
                keep |= {key: values for key, values in timings.items() if any(values)}
                keep |= {"save_all": True, "append_images": frames[1:]}
                keep["loop"] = upload.info.get("loop", 0)
    if image_format == "JPEG" and frames[0].mode not in ("RGB", "L", "CMYK"):
        frames[0] = frames[0].convert("RGB")
    if image_format == "WEBP":
        keep |= {"quality": 90, "method": 4}
    buffer = BytesIO()
    frames[0].save(buffer, format=image_format, **{k: v for k, v in keep.items() if v is not None})
    return CleanOriginal(ContentFile(buffer.getvalue(), name=f"original{extension}"), frames[0])
