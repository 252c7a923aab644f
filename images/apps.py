from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Image library"

    def ready(self):
        from PIL import Image as PillowImage

        from .validators import MAX_PIXELS

        # Pillow warns above this and refuses twice this at open(), before decoding, for
        # any image opened anywhere in the project; the validator's own cap is the same.
        PillowImage.MAX_IMAGE_PIXELS = MAX_PIXELS
