from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.permissions import CONTRIBUTOR
from congdoan.newsroom.forms import MemberStoryForm, photo_count
from congdoan.newsroom.roles import has_role
from congdoan.newsroom.sections import member_news_section
from congdoan.newsroom.submissions import NoWorkflowError, create_story


def submit_story(request):
    """*Gửi tin*: contributors send a story; it becomes a draft waiting for approval."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    section = member_news_section()
    context = {"section": section, "max_photos": photo_count()}
    if not has_role(request.user, CONTRIBUTOR):
        context["refusal"] = _(
            "Only contributors (Cộng tác viên) can send news here. Ask the site's "
            "administrators to give your account that role."
        )
        return render(request, "newsroom/submit_story.html", context, status=403)
    if section is None:
        context["refusal"] = _(
            "Sending news is not open yet: the administrators have not chosen the section "
            "for member news."
        )
        return render(request, "newsroom/submit_story.html", context, status=503)

    form = MemberStoryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = create_story(section, request.user, form)
        except NoWorkflowError:
            form.add_error(
                None,
                _(
                    "The section for member news has no approval workflow, so nobody would "
                    "review your story. Please tell the site's administrators."
                ),
            )
        else:
            messages.success(
                request,
                _(
                    "Thank you. “%(title)s” was sent to the editors; it will be published "
                    "once approved."
                )
                % {"title": article.title},
            )
            return redirect("newsroom:submit_story")
    context["form"] = form
    status = 400 if form.errors else 200
    return render(request, "newsroom/submit_story.html", context, status=status)
