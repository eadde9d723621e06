import datetime

import factory

from .models import Program, ProgressReport, Task, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ban thử nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"Ban {n}")
    kind = Unit.Kind.BAN
    email = factory.Sequence(lambda n: f"ban{n}@congdoan.test")

    class Meta:
        model = Unit
        skip_postgeneration_save = True

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


class ProgramFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"CTHD-{n + 10:02d}")
    name = "Chương trình hành động thực hiện Nghị quyết"
    period_start = datetime.date(2021, 7, 1)
    period_end = datetime.date(2026, 12, 31)
    owner_unit = factory.SubFactory(UnitFactory, name="Văn phòng", kind=Unit.Kind.OFFICE)

    class Meta:
        model = Program


class TaskFactory(factory.django.DjangoModelFactory):
    program = factory.SubFactory(ProgramFactory)
    title = factory.Sequence(lambda n: f"Nhiệm vụ số {n + 1}")
    lead_unit = factory.SubFactory(UnitFactory)
    deadline = datetime.date(2021, 11, 30)
    priority = Task.Priority.REGULAR

    class Meta:
        model = Task
        skip_postgeneration_save = True

    @factory.post_generation
    def cooperating_units(self, create, extracted, **kwargs):
        if create and extracted:
            self.cooperating_units.set(extracted)


class ProgressReportFactory(factory.django.DjangoModelFactory):
    task = factory.SubFactory(TaskFactory)
    unit = factory.LazyAttribute(lambda report: report.task.lead_unit)
    reported_on = datetime.date(2021, 11, 15)
    percent = 50
    text = "Đã xây dựng dự thảo kế hoạch."

    class Meta:
        model = ProgressReport
