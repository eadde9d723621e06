from django.conf import settings
from django.views.static import serve


def serve_media(request, path):
    """Uploaded files for the embedded setup; nginx or S3 serve them when scaled out."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=2592000"
    return response
