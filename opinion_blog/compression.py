"""Compression of text responses only (pages, feeds, JSON).

Django's GZipMiddleware, which also mitigates BREACH by padding each response
with random bytes, but kept off images and other uploads that are compressed
already: gzipping them again costs CPU and saves nothing.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript")
TEXT_SUFFIXES = ("+xml", "+json")


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type.startswith(TEXT_TYPES) or content_type.endswith(TEXT_SUFFIXES):
            return super().process_response(request, response)
        return response
