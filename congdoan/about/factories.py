import factory
import wagtail_factories

from congdoan.core.text import vietnamese_slugify

from .models import AboutPage, Department, EnglishPage, Leader, LeadershipPage, OrganizationPage


class DepartmentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ban số {n}")
    kind = Department.Kind.DEPARTMENT
    phone = "0218 3852 001"
    email = factory.Sequence(lambda n: f"ban{n}@ldld.example.vn")

    class Meta:
        model = Department


class AboutPageFactory(wagtail_factories.PageFactory):
    title = "Giới thiệu"
    slug = factory.LazyAttribute(lambda page: vietnamese_slugify(page.title))
    intro = "Liên đoàn Lao động tỉnh là tổ chức chính trị - xã hội của giai cấp công nhân."
    body = "<h2>Lịch sử</h2><p>Thành lập năm 1947.</p>"
    show_in_menus = True

    class Meta:
        model = AboutPage


class LeadershipPageFactory(wagtail_factories.PageFactory):
    title = "Lãnh đạo"
    slug = "lanh-dao"

    class Meta:
        model = LeadershipPage


class LeaderFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn An {n}")
    title = "Phó Chủ tịch"
    term = "Nhiệm kỳ 2023–2028"
    group = Leader.Group.STANDING

    class Meta:
        model = Leader


class OrganizationPageFactory(wagtail_factories.PageFactory):
    title = "Cơ cấu tổ chức"
    slug = "co-cau-to-chuc"

    class Meta:
        model = OrganizationPage


class EnglishPageFactory(wagtail_factories.PageFactory):
    title = "Hoa Binh Provincial Federation of Labour"
    slug = "en"
    body = "<p>The federation represents workers of the province.</p>"

    class Meta:
        model = EnglishPage
