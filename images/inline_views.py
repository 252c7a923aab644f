"""The library as the article form and the body editor use it: JSON, no popup window.

``upload`` makes an ``Image`` exactly as the image admin does (same form
validation, ``uploaded_by`` set, ``save_image``, files removed if the save
fails, a full or read-only disk reported in words); ``library`` searches the images with their thumbnails. Both answer
JSON, refusals included, so the page can show the validator's own words.
"""

import logging
from functools import wraps

from django import forms
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_POST

from opinion_blog.storage import storage_error_message, storage_error_status

from . import body, stored_files
from .changes import save_image
from .models import Image

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 100
PAGE_SIZE = 24


class InlineUploadForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "credit"]


def requires(permission):
    """Staff with ``permission`` only; anyone else gets a JSON 403, never a login page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not (user.is_active and user.is_staff and user.has_perm(permission)):
                return JsonResponse(
                    {"error": "You don’t have permission to use the picture library."}, status=403
                )
            return view(request, *args, **kwargs)

        return never_cache(csrf_protect(wrapped))

    return decorator


def as_json(image):
    return {
        "id": image.pk,
        "label": str(image),
        "alt_text": image.alt_text,
        "credit": image.credit,
        "thumbnail_url": image.thumbnail_url,
        "src": body.editor_src(image),
        "width": image.width,
        "height": image.height,
    }


@requires("images.add_image")
@require_POST
def upload(request):
    form = InlineUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = form.errors.get_json_data()
        message = " ".join(error["message"] for field in errors.values() for error in field)
        return JsonResponse({"errors": errors, "message": message}, status=400)
    image = form.save(commit=False)
    image.uploaded_by = request.user
    try:
        with stored_files.removed_if_failed(), transaction.atomic():
            save_image(image, by=request.user)
    except OSError as error:
        # A full or read-only disk: nothing was kept (no row, no file); say so in JSON.
        message = storage_error_message(error)
        if message is None:
            raise
        logger.error("Upload by %s not stored: %s", request.user.pk, error)
        return JsonResponse(
            {"errors": {"file": [{"message": message, "code": "storage"}]}, "message": message},
            status=storage_error_status(error),
        )
    return JsonResponse(as_json(image), status=201)


@requires("images.view_image")
@require_GET
def library(request):
    """Newest first; ``q`` matches every word in the alt text or credit; ``id`` fetches one."""
    images = Image.objects.all()
    if "id" in request.GET:
        wanted = request.GET["id"]
        usable = wanted.isascii() and wanted.isdigit() and len(wanted) <= 18
        images = images.filter(pk=int(wanted)) if usable else []
        return JsonResponse({"results": [as_json(image) for image in images[:1]], "more": False})
    query = request.GET.get("q", "").replace("\x00", "")[:MAX_QUERY_LENGTH]
    for word in query.split():
        images = images.filter(Q(alt_text__icontains=word) | Q(credit__icontains=word))
    page = Paginator(images, PAGE_SIZE).get_page(request.GET.get("page"))
    return JsonResponse(
        {
            "results": [as_json(image) for image in page],
            "page": page.number,
            "more": page.has_next(),
        }
    )
