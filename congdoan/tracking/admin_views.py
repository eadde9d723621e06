"""The tracker's admin screens (*Theo dõi thực hiện*): dashboard, task list, task page.

Every view starts from `permissions.visible_tasks(request.user)`: a task outside it is a 404,
and a user without the tracker's permissions gets 403 before anything is read.
Units, programs and tasks themselves are edited as snippets (leaders only: model permissions).
"""

import functools

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import dashboard
from .forms import ProgressReportForm, TaskFilterForm
from .models import Program, ProgressReport, ReminderSent, Task, Unit
from .permissions import (
    can_use_tracker,
    reporting_units,
    visible_programs,
    visible_tasks,
)
from .status import TaskStatus, percent_of, status_of, with_reports, with_status

TASKS_PER_PAGE = 50


def forbidden(request):
    """A 403 page in the admin's frame (Wagtail would turn PermissionDenied into a redirect to
    the dashboard, which hides why)."""
    return TemplateResponse(request, "tracking/admin/forbidden.html", status=403)


def tracker_view(view):
    """Refuse (403) anyone without the tracker's permissions."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_use_tracker(request.user):
            return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapped


def chosen_program(request):
    """The program asked for (`?program=<id>`) among those the user sees, else the latest."""
    programs = visible_programs(request.user)
    program_id = request.GET.get("program", "")
    if program_id.isdigit():
        program = programs.filter(pk=program_id).first()
        if program:
            return program, programs
    return programs.order_by("-period_start", "code").first(), programs


def recent_notices(user, limit=10):
    """The latest deadline reminders on tasks the user sees (the admin's notices)."""
    return list(
        ReminderSent.objects.filter(task__in=visible_tasks(user))
        .select_related("task", "task__lead_unit")
        .order_by("-sent_at", "-pk")[:limit]
    )


@tracker_view
def dashboard_view(request):
    program, programs = chosen_program(request)
    context = {
        "program": program,
        "programs": programs,
        "subtitle": program.code if program else "",
        "notices": recent_notices(request.user),
    }
    if program:
        context["board"] = dashboard.build(
            visible_tasks(request.user), program, timezone.localdate()
        )
        context["statuses"] = list(TaskStatus)
    return TemplateResponse(request, "tracking/admin/dashboard.html", context)


@tracker_view
def task_list_view(request):
    today = timezone.localdate()
    form = TaskFilterForm(request.GET or None, user=request.user)
    tasks = with_status(visible_tasks(request.user), today).select_related("program", "lead_unit")
    if form.is_bound and form.is_valid():
        tasks = filter_tasks(tasks, form.cleaned_data)
    tasks = tasks.order_by("deadline", "program", "order", "pk")
    page = Paginator(tasks, TASKS_PER_PAGE).get_page(request.GET.get("page"))
    for task in page.object_list:
        task.status_label = TaskStatus(task.status).label
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "tracking/admin/task_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_edit": request.user.has_perm("tracking.change_task"),
        },
    )


def filter_tasks(tasks, data):
    if data["q"]:
        tasks = tasks.filter(title__icontains=data["q"])
    if data["program"]:
        tasks = tasks.filter(program=data["program"])
    if data["unit"]:
        own = Task.objects.filter(lead_unit=data["unit"]) | Task.objects.filter(
            cooperating_units=data["unit"]
        )
        tasks = tasks.filter(pk__in=own.values("pk"))
    if data["status"]:
        tasks = tasks.filter(status=data["status"])
    if data["priority"]:
        tasks = tasks.filter(priority=data["priority"])
    if data["deadline_from"]:
        tasks = tasks.filter(deadline__gte=data["deadline_from"])
    if data["deadline_to"]:
        tasks = tasks.filter(deadline__lte=data["deadline_to"])
    return tasks


@tracker_view
def task_detail_view(request, pk):
    task = get_object_or_404(
        with_reports(visible_tasks(request.user))
        .select_related("program", "lead_unit", "parent")
        .prefetch_related("cooperating_units", "reports__unit", "reports__created_by"),
        pk=pk,
    )
    units = reporting_units(request.user, task)
    can_report = units.exists()
    form = None
    if request.method == "POST":
        if not can_report:
            return forbidden(request)
        form = ProgressReportForm(request.POST, request.FILES, units=units)
        if form.is_valid():
            report = form.save(commit=False)
            report.task = task
            report.created_by = request.user
            report.save()
            messages.success(request, _("The progress report has been saved."))
            return redirect("tracking_admin:task", pk=task.pk)
    elif can_report:
        form = ProgressReportForm(units=units)
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "tracking/admin/task_detail.html",
        {
            "task": task,
            "status": status_of(task, today),
            "percent": percent_of(task, today),
            "reports": task.reports.all(),
            "form": form,
            "can_edit": request.user.has_perm("tracking.change_task"),
        },
    )


@tracker_view
def evidence_view(request, pk):
    """A report's evidence file, for whoever may see its task."""
    report = get_object_or_404(ProgressReport, pk=pk, task__in=visible_tasks(request.user))
    if not report.evidence:
        raise Http404
    return FileResponse(report.evidence.open("rb"), as_attachment=True)


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    list_display = ["name", "short_name", "kind", "parent", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    search_backend_name = None


class ProgramViewSet(SnippetViewSet):
    model = Program
    icon = "list-ul"
    list_display = ["code", "name", "period_start", "period_end", "owner_unit", "is_public"]
    search_fields = ["code", "name"]
    search_backend_name = None


class TaskViewSet(SnippetViewSet):
    model = Task
    icon = "tasks"
    list_display = [
        "title",
        Column("lead_unit", label=gettext_lazy("lead unit")),
        "deadline",
        "priority",
    ]
    list_filter = ["program", "lead_unit", "priority"]
    search_fields = ["title"]
    search_backend_name = None


class TrackingViewSetGroup(SnippetViewSetGroup):
    """The *Theo dõi thực hiện* menu: the dashboard and the task list (added through
    `submenu_hook` by wagtail_hooks, for tracker users), then programs, tasks and units to edit
    (for those with the model permissions: leaders)."""

    items = (ProgramViewSet, TaskViewSet, UnitViewSet)
    menu_label = gettext_lazy("Action-program tracking")
    menu_icon = "tasks"
    menu_name = "tracking"
    menu_order = 260
    submenu_hook = "register_tracking_menu_item"
