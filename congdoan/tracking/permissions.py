"""Who sees which tasks. Every tracker view and export filters through `visible_tasks`.

- Leaders (`tracking.view_all_tasks`, the *Lãnh đạo* role) and superusers see every task.
- Staff (`tracking.report_progress`, the *Cán bộ theo dõi* role) see the tasks that one of their
  units (`Unit.members`) leads or cooperates on, and report on them as that unit.
- Anyone else sees nothing, even with access to the admin.
"""

from django.db.models import Q

from .models import Program, Task, Unit

VIEW_ALL = "tracking.view_all_tasks"
REPORT = "tracking.report_progress"


def sees_all_tasks(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(VIEW_ALL))


def can_use_tracker(user) -> bool:
    """May open the tracker's screens at all."""
    return user.is_active and (sees_all_tasks(user) or user.has_perm(REPORT))


def visible_tasks(user):
    """The tasks `user` may see and report on, as a queryset (no duplicate rows, chainable)."""
    if not user.is_authenticated or not can_use_tracker(user):
        return Task.objects.none()
    if sees_all_tasks(user):
        return Task.objects.all()
    # A subquery rather than .distinct(): the result stays free to be annotated and grouped.
    units = Unit.objects.filter(members=user)
    own = Task.objects.filter(Q(lead_unit__in=units) | Q(cooperating_units__in=units))
    return Task.objects.filter(pk__in=own.values("pk"))


def visible_programs(user):
    """The programs holding a task `user` sees (every program for leaders)."""
    if sees_all_tasks(user):
        return Program.objects.all()
    return Program.objects.filter(pk__in=visible_tasks(user).values("program_id"))


def visible_units(user):
    """The units whose tasks `user` sees in full: all for leaders, else their own."""
    if sees_all_tasks(user):
        return Unit.objects.all()
    if not can_use_tracker(user):
        return Unit.objects.none()
    return Unit.objects.filter(members=user)


def reporting_units(user, task):
    """The units `user` may report for on `task`: the task's lead and cooperating units that
    the user belongs to (all of them for leaders)."""
    involved = Unit.objects.filter(Q(pk=task.lead_unit_id) | Q(cooperating_tasks=task)).distinct()
    if sees_all_tasks(user):
        return involved
    if not can_use_tracker(user):
        return Unit.objects.none()
    return involved.filter(members=user)
