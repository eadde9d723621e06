import factory
import wagtail_factories

from congdoan.about.factories import DepartmentFactory

from .models import ContactMessage, ContactPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Liên hệ"
    slug = "lien-he"
    address = "Số 1 đường Trần Hưng Đạo, tỉnh Hòa Bình"
    phone = "0218 3852 000"
    email = "vanphong@ldld.example.vn"
    show_in_menus = True

    class Meta:
        model = ContactPage


class ContactMessageFactory(factory.django.DjangoModelFactory):
    department = factory.SubFactory(
        DepartmentFactory, receives_messages=True, message_recipients="ban@ldld.example.vn"
    )
    name = "Phạm Thị Lụa"
    email = "lua.pham@example.com"
    subject = "Hỏi về chế độ thai sản"
    message = "Tôi muốn hỏi về chế độ thai sản khi làm việc ở công ty may."
    ip_hash = "0" * 64

    class Meta:
        model = ContactMessage
