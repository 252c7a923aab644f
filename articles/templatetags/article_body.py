from django import template

from images import body

register = template.Library()


@register.filter
def with_responsive_images(html):
    """The sanitized body with its library pictures as responsive figures (one query at most)."""
    return body.render(html)
