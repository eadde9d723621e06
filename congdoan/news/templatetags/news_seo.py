import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from congdoan.news.seo import article_json_ld as build_article_json_ld

register = template.Library()

# As django's json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    data = json.dumps(build_article_json_ld(article, context["request"]), ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(_JSON_ESCAPES)),  # noqa: S308 - escaped above
    )
