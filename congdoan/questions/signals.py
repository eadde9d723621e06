from django.db.models.signals import post_delete, post_save

from congdoan.core.signals import public_content_changed


def _published_question_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    if instance.is_published or getattr(instance, "_was_published", False):
        public_content_changed.send(sender=sender)
    # The next save of this same object compares with what is stored now.
    instance._was_published = instance.is_published


def connect() -> None:
    from .models import LegalQuestion

    post_save.connect(
        _published_question_changed, sender=LegalQuestion, dispatch_uid="questions-public-save"
    )
    post_delete.connect(
        _published_question_changed, sender=LegalQuestion, dispatch_uid="questions-public-delete"
    )
