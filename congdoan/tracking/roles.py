"""The tracker's two roles (`core.Role` codes), created by migration `tracking.0002`.

- *Lãnh đạo* (`tracking_leader`): sees every unit's tasks (`tracking.view_all_tasks`), manages
  units, programs and tasks, and reports on any task.
- *Cán bộ theo dõi* (`tracking_staff`): reaches the tracker (`tracking.report_progress`) and
  sees and reports on the tasks of the units they are a member of.
"""

LEADER = "tracking_leader"
STAFF = "tracking_staff"

ROLE_NAMES = {LEADER: "Lãnh đạo", STAFF: "Cán bộ theo dõi"}

MANAGED_MODELS = ("unit", "program", "task", "progressreport")
ROLE_PERMISSIONS = {
    LEADER: (
        "view_all_tasks",
        "report_progress",
        *(f"{action}_{model}" for model in MANAGED_MODELS for action in ("add", "change", "view")),
        "delete_task",
        "delete_progressreport",
    ),
    STAFF: ("report_progress",),
}
