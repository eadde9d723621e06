import datetime

import factory
from django.utils import timezone

from .models import Poll, PollChoice


class PollFactory(factory.django.DjangoModelFactory):
    """An open single-choice poll (a day old, closing in a week) with two choices."""

    question = "Bạn có biết mức lương tối thiểu vùng nơi mình làm việc không?"
    multiple_choice = False
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))

    class Meta:
        model = Poll
        skip_postgeneration_save = True

    @factory.post_generation
    def choices(poll, create, labels, **kwargs):
        if not create:
            return
        for order, label in enumerate(labels or ("Có", "Không")):
            PollChoice.objects.create(poll=poll, label=label, sort_order=order)
