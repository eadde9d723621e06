"""The newsroom's two-step workflow: *Biên tập viên duyệt*, then *Tổng biên tập duyệt*.

It is assigned to the page tree's root, so to every section (a section created later is
covered too); it replaces Wagtail's one-step default (*Ban biên tập duyệt*) there. Pages
already in moderation finish the workflow they started. The newsroom settings (the section
for member news) go to the administrators.
"""

from django.db import migrations

from congdoan.core.permissions import CHIEF_EDITOR, EDITOR, grant_to_editors

WORKFLOW_NAME = "Duyệt tin bài hai bước"
STEPS = (("Biên tập viên duyệt", EDITOR), ("Tổng biên tập duyệt", CHIEF_EDITOR))


def create_workflow(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    group_model = apps.get_model("auth", "Group")
    page_model = apps.get_model("wagtailcore", "Page")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    task_model = apps.get_model("newsroom", "NewsroomApprovalTask")
    task_type, _ = content_type_model.objects.get_or_create(
        app_label="newsroom", model="newsroomapprovaltask"
    )

    workflow, _ = workflow_model.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, (name, role_code) in enumerate(STEPS):
        task = task_model.objects.filter(name=name).first()
        if task is None:
            task = task_model.objects.create(name=name, active=True, content_type=task_type)
        task.groups.set(group_model.objects.filter(role__code=role_code))
        workflow_task_model.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )

    root = page_model.objects.filter(depth=1).first()
    if root is not None:
        workflow_page_model.objects.update_or_create(page=root, defaults={"workflow": workflow})

    # Choosing the member-news section is a setting: the administrators' (Quản trị).
    grant_to_editors(apps, "newsroom", ["NewsroomSettings"], actions=("change",))


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("core", "0006_newsroom_roles"),
        ("core", "0003_vietnamese_workflow_names"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
