"""``{% scrollable_table "caption-id" %}<table>…</table>{% endscrollable_table %}``: a wide table in a
region that scrolls sideways on a phone, named by the table's caption, keyboard-scrollable (it takes
focus), with a visible cue while part of it is out of view (static/js/site.js) and the first column
kept in view (static/css/site.css)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


class ScrollableTableNode(template.Node):
    def __init__(self, nodelist: template.NodeList, labelledby: template.base.FilterExpression):
        self.nodelist = nodelist
        self.labelledby = labelledby

    def render(self, context) -> str:
        return format_html(
            '<div class="table-scroll-wrap"><p class="table-scroll-cue" aria-hidden="true">{}</p>'
            '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{}">{}</div></div>',
            _("Scroll sideways to see the whole table"),
            self.labelledby.resolve(context),
            self.nodelist.render(context),
        )


@register.tag
def scrollable_table(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the id of the table's caption.")
    nodelist = parser.parse(("endscrollable_table",))
    parser.delete_first_token()
    return ScrollableTableNode(nodelist, parser.compile_filter(bits[1]))
