from wagtail import hooks

from congdoan.core.page_cache import allow_page_caching

# Every Wagtail page may be stored by the page cache; restricted ones are refused on the response.
hooks.register("before_serve_page", allow_page_caching)
