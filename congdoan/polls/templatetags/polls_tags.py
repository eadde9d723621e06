from django import template

from congdoan.polls.models import Poll

register = template.Library()


@register.inclusion_tag("polls/includes/current_poll.html")
def current_poll_widget():
    poll = Poll.objects.current()
    return {"poll": poll, "choices": list(poll.choices.all()) if poll else []}
