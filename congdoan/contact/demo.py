"""Demo *Liên hệ*: the contact page, the departments that receive messages and the hotlines.
Loaded once: nothing is added when a contact page already exists."""

from wagtail.models import Site

from congdoan.about.models import Department

from .models import ContactPage, Hotline, HotlineSettings

ADDRESS = "Số 1 đường Trần Hưng Đạo, phường Phương Lâm, tỉnh Hòa Bình"
MAP_URL = "https://www.openstreetmap.org/search?query=Tr%E1%BA%A7n%20H%C6%B0ng%20%C4%90%E1%BA%A1o%20H%C3%B2a%20B%C3%ACnh"
# Department name -> the internal addresses its messages go to.
RECIPIENTS = {
    "Văn phòng": "vanphong@ldld-hoabinh.example.vn",
    "Ban Chính sách – Pháp luật": (
        "banchinhsach@ldld-hoabinh.example.vn, tuvanphapluat@ldld-hoabinh.example.vn"
    ),
    "Ban Tổ chức": "bantochuc@ldld-hoabinh.example.vn",
    "Ban Tuyên giáo": "bantuyengiao@ldld-hoabinh.example.vn",
}
HOTLINES = [
    ("Tư vấn pháp luật miễn phí", "1900 1234"),
    ("Đường dây nóng Chủ tịch LĐLĐ tỉnh", "0218 3852 001"),
    ("Văn phòng LĐLĐ tỉnh", "0218 3852 000"),
]


def load(stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page if site else None
    if home is None or ContactPage.objects.exists():
        return
    for name, recipients in RECIPIENTS.items():
        Department.objects.filter(name=name).update(
            receives_messages=True, message_recipients=recipients
        )
    home.add_child(
        instance=ContactPage(
            title="Liên hệ",
            intro=(
                "Mọi ý kiến, phản ánh, kiến nghị của đoàn viên, người lao động xin gửi về "
                "Liên đoàn Lao động tỉnh theo địa chỉ dưới đây hoặc qua mẫu liên hệ."
            ),
            address=ADDRESS,
            map_url=MAP_URL,
            phone="0218 3852 000",
            fax="0218 3852 099",
            email="vanphong@ldld-hoabinh.example.vn",
            show_in_menus=True,
        )
    )
    if site is not None:
        hotline_settings = HotlineSettings.for_site(site)
        if not hotline_settings.hotlines.exists():
            for order, (label, number) in enumerate(HOTLINES):
                Hotline.objects.create(
                    settings=hotline_settings, sort_order=order, label=label, number=number
                )
    stdout.write(
        f"Liên hệ: {len(RECIPIENTS)} departments receive messages, {len(HOTLINES)} hotlines"
    )
