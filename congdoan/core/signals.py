"""Events an app sends about its own content, for apps that react without being imported.

The app owning a page type sends `page_text_published` when such a page goes live (and
`page_text_withdrawn` when it is unpublished or deleted); an app that indexes what pages say
(e.g. the citations of the document library) listens. Neither names the other: both only know
this module. Receivers get `page` (a wagtailcore Page subclass instance) and, for
`page_text_published`, `html`: the rich text of the page's paragraphs, joined.
"""

from django.dispatch import Signal

page_text_published = Signal()
page_text_withdrawn = Signal()

# Something the public sees changed that is not a page (pages are followed through Wagtail's own
# signals): every cached page and side block is invalidated (`congdoan.core.content_version`).
# Send it with any sender; apps with a model to follow can call `content_version.watch(Model)`.
public_content_changed = Signal()
