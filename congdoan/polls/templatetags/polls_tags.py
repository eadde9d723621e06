from django import template

from congdoan.polls.models import current_poll_with_choices

register = template.Library()


@register.inclusion_tag("polls/includes/current_poll.html")
def current_poll_widget():
    poll, choices = current_poll_with_choices()
    return {"poll": poll, "choices": choices}
