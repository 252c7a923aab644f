from django import template

from opinion_blog.version_cache import cached, digest

register = template.Library()


@register.tag
def kept(parser, token):
    """``{% kept "name" value … %}…{% endkept %}``: the block, rendered once per content version.

    For parts of a public page that show only what readers may see, so that any change
    to them moves the version: the values (a page number, say) tell the kept copies apart.
    """
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not parts:
        raise template.TemplateSyntaxError("'kept' needs a name for what it keeps.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parts)


class KeptNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist, self.parts = nodelist, parts

    def render(self, context):
        values = ":".join(str(part.resolve(context)) for part in self.parts)
        return cached(f"fragment:{digest(values)}", lambda: self.nodelist.render(context))
