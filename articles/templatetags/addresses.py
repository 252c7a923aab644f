from django import template

from opinion_blog.addresses import fixed_address

register = template.Library()


@register.simple_tag
def address(url_name):
    """``{% address "authors:list" as authors_url %}``: ``{% url %}`` for the site's fixed
    links, reversed once per process (``opinion_blog.addresses``); "" for a name that is
    not routed, as ``{% url … as … %}`` gives."""
    return fixed_address(url_name)
