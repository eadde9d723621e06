"""S3 media storage keeping the protected folders (see `congdoan.core.media`) out of public reach.

Imported only when S3_BUCKET is set, so boto3 is not loaded by the embedded setup.
"""

from django.conf import settings
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .media import is_protected, protected_media_url


class ProtectedFoldersS3Storage(S3Storage):
    """Public files by their plain URL; protected folders only through the checking view.

    The URL of a file in a protected folder is the checking view (`/media/documents/…`), which
    redirects an accepted request to `signed_url()`, valid MEDIA_SIGNED_URL_SECONDS. Those
    objects are uploaded `private` even when a default ACL would make them public; the bucket
    policy in deploy/ grants public reading of the other folders only.
    """

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_protected(clean_name(name)):
            return protected_media_url(clean_name(name))
        return super().url(name, parameters, expire, http_method)

    def signed_url(self, name: str) -> str:
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket.name, "Key": self._normalize_name(clean_name(name))},
            ExpiresIn=settings.MEDIA_SIGNED_URL_SECONDS,
        )

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if is_protected(clean_name(name)) and self.default_acl:
            parameters["ACL"] = "private"
        return parameters
