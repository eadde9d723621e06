"""Demo *Giới thiệu* for the demo federation (LĐLĐ tỉnh Hòa Bình): history and functions,
leadership (initials avatars, no photos), departments and member units, and the English pages.
Loaded once: nothing is added when an about page already exists."""

from wagtail.models import Site

from .models import AboutPage, Department, EnglishPage, Leader, LeadershipPage, OrganizationPage

K = Department.Kind
PHONE_PREFIX = "0218 38"

# (name, English name, kind, head, phone suffix, email local part, children)
DEPARTMENTS = [
    ("Văn phòng", "Office", K.OFFICE, "Chánh Văn phòng Lê Thị Hồng", "52 000", "vanphong", []),
    (
        "Ban Tổ chức",
        "Organization Department",
        K.DEPARTMENT,
        "Trưởng ban Đinh Văn Hải",
        "52 011",
        "bantochuc",
        [],
    ),
    (
        "Ban Tuyên giáo",
        "Propaganda and Education Department",
        K.DEPARTMENT,
        "Trưởng ban Bùi Thị Lan",
        "52 012",
        "bantuyengiao",
        [],
    ),
    (
        "Ban Chính sách – Pháp luật",
        "Policy and Law Department",
        K.DEPARTMENT,
        "Trưởng ban Quách Văn Tùng",
        "52 013",
        "banchinhsach",
        [],
    ),
    (
        "Ban Tài chính",
        "Finance Department",
        K.DEPARTMENT,
        "Trưởng ban Hà Thị Mai",
        "52 014",
        "bantaichinh",
        [],
    ),
    (
        "Ủy ban Kiểm tra",
        "Inspection Committee",
        K.DEPARTMENT,
        "Chủ nhiệm Xa Văn Thành",
        "52 015",
        "ubkt",
        [],
    ),
    (
        "LĐLĐ huyện Lương Sơn",
        "Luong Son District Federation of Labour",
        K.DISTRICT_FEDERATION,
        "Chủ tịch Nguyễn Văn Dũng",
        "25 100",
        "ldld.luongson",
        [
            (
                "Công đoàn cơ sở Công ty TNHH May Lương Sơn",
                K.GRASSROOTS_UNION,
                "Chủ tịch công đoàn Trần Thị Hoa",
            )
        ],
    ),
    (
        "LĐLĐ huyện Kim Bôi",
        "Kim Boi District Federation of Labour",
        K.DISTRICT_FEDERATION,
        "Chủ tịch Bạch Công Minh",
        "71 200",
        "ldld.kimboi",
        [],
    ),
    (
        "Công đoàn ngành Giáo dục",
        "Education Sector Trade Union",
        K.SECTOR_UNION,
        "Chủ tịch Đặng Thị Thu",
        "52 300",
        "cd.giaoduc",
        [
            (
                "Công đoàn Trường THPT Chuyên Hoàng Văn Thụ",
                K.GRASSROOTS_UNION,
                "Chủ tịch công đoàn Lò Văn Khánh",
            )
        ],
    ),
    (
        "Công đoàn ngành Y tế",
        "Health Sector Trade Union",
        K.SECTOR_UNION,
        "Chủ tịch Vũ Minh Tâm",
        "52 400",
        "cd.yte",
        [],
    ),
]
EMAIL_DOMAIN = "ldld-hoabinh.example.vn"
ADDRESS = "Số 1 đường Trần Hưng Đạo, phường Phương Lâm, tỉnh Hòa Bình"

HISTORY = """
<h2>Lịch sử hình thành</h2>
<p>Trong những năm đầu kháng chiến chống thực dân Pháp, phong trào công nhân và tổ chức công đoàn
trong tỉnh được hình thành, gắn với sự ra đời của các tổ chức công đoàn cứu quốc. Trải qua các
thời kỳ xây dựng và phát triển, Liên đoàn Lao động tỉnh luôn là chỗ dựa tin cậy của công nhân,
viên chức, lao động trong tỉnh.</p>
<p>Qua các kỳ Đại hội, tổ chức công đoàn không ngừng lớn mạnh; đến nay toàn tỉnh có hàng nghìn
công đoàn cơ sở với hàng chục nghìn đoàn viên trong các cơ quan, đơn vị và doanh nghiệp.</p>
<h2>Chức năng</h2>
<ul>
<li>Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên
và người lao động.</li>
<li>Tham gia quản lý nhà nước, quản lý kinh tế – xã hội; tham gia thanh tra, kiểm tra, giám sát
hoạt động của cơ quan, tổ chức, đơn vị, doanh nghiệp.</li>
<li>Tuyên truyền, vận động người lao động học tập nâng cao trình độ, chấp hành pháp luật.</li>
</ul>
<h2>Nhiệm vụ</h2>
<ol>
<li>Phát triển đoàn viên, xây dựng công đoàn cơ sở vững mạnh.</li>
<li>Tư vấn pháp luật, đối thoại, thương lượng tập thể và ký kết thỏa ước lao động tập thể.</li>
<li>Chăm lo đời sống đoàn viên: Mái ấm Công đoàn, Tết Sum vầy, Tháng Công nhân.</li>
</ol>
"""

# (group, full name, title, portfolio, phone, email local part)
LEADERS = [
    (
        Leader.Group.STANDING,
        "Nguyễn Thị Thanh Hương",
        "Chủ tịch",
        "Phụ trách chung; công tác tổ chức, cán bộ và tài chính.",
        "0218 3852 001",
        "chutich",
    ),
    (
        Leader.Group.STANDING,
        "Trần Văn Quang",
        "Phó Chủ tịch Thường trực",
        "Công tác chính sách – pháp luật, quan hệ lao động, thi đua khen thưởng.",
        "0218 3852 002",
        "phochutich1",
    ),
    (
        Leader.Group.STANDING,
        "Bùi Thị Ngọc Anh",
        "Phó Chủ tịch",
        "Công tác tuyên giáo, nữ công, văn hóa – thể thao.",
        "0218 3852 003",
        "phochutich2",
    ),
    (
        Leader.Group.PRESIDIUM,
        "Đinh Văn Hải",
        "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức",
        "",
        "",
        "",
    ),
    (
        Leader.Group.PRESIDIUM,
        "Xa Văn Thành",
        "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra",
        "",
        "",
        "",
    ),
    (
        Leader.Group.PRESIDIUM,
        "Quách Văn Tùng",
        "Ủy viên Ban Thường vụ, Trưởng Ban Chính sách – Pháp luật",
        "",
        "",
        "",
    ),
    (
        Leader.Group.EXECUTIVE,
        "Nguyễn Văn Dũng",
        "Ủy viên Ban Chấp hành, Chủ tịch LĐLĐ huyện Lương Sơn",
        "",
        "",
        "",
    ),
    (
        Leader.Group.EXECUTIVE,
        "Đặng Thị Thu",
        "Ủy viên Ban Chấp hành, Chủ tịch Công đoàn ngành Giáo dục",
        "",
        "",
        "",
    ),
]
TERM = "Nhiệm kỳ 2023–2028"

ENGLISH_ROOT = (
    "Hoa Binh Provincial Federation of Labour",
    "en",
    "<p>The Hoa Binh Provincial Federation of Labour is the provincial body of the Vietnam "
    "General Confederation of Labour. It represents, protects and cares for the legitimate "
    "rights and interests of union members and workers in the province.</p>",
)
ENGLISH_PAGES = [
    (
        "Functions and tasks",
        "functions",
        "<ul><li>Representing and protecting the lawful rights and interests of union members "
        "and workers.</li><li>Taking part in state and socio-economic management, and in the "
        "inspection and supervision of agencies and enterprises.</li><li>Educating workers and "
        "encouraging them to study and to observe the law.</li></ul>"
        "<p>Its main services are free legal advice for workers, collective bargaining, and "
        "support for members in hardship.</p>",
        False,
    ),
    (
        "Organizational structure",
        "structure",
        "<p>The Federation's departments and member units (district federations, sector trade "
        "unions and grassroots trade unions):</p>",
        True,
    ),
    (
        "Contacts",
        "contacts",
        f"<p>Address: {ADDRESS}, Viet Nam<br>Phone: +84 218 3852 000<br>"
        f"Email: vanphong@{EMAIL_DOMAIN}</p>"
        "<h2>Contact officials</h2><ul>"
        f"<li>Ms Nguyen Thi Thanh Huong, President: +84 218 3852 001, chutich@{EMAIL_DOMAIN}</li>"
        "<li>Mr Tran Van Quang, Standing Vice President: +84 218 3852 002, "
        f"phochutich1@{EMAIL_DOMAIN}</li></ul>",
        False,
    ),
]


def load_departments() -> None:
    for order, (name, name_en, kind, head, phone, local, children) in enumerate(DEPARTMENTS):
        department = Department.objects.create(
            name=name,
            name_en=name_en,
            kind=kind,
            head=head,
            address=ADDRESS,
            phone=f"{PHONE_PREFIX}{phone}",
            email=f"{local}@{EMAIL_DOMAIN}",
            sort_order=order * 10,
        )
        for child_name, child_kind, child_head in children:
            Department.objects.create(
                name=child_name, kind=child_kind, head=child_head, parent=department
            )


def load(stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page if site else None
    if home is None or AboutPage.objects.exists():
        return
    if not Department.objects.exists():
        load_departments()
    about = home.add_child(
        instance=AboutPage(
            title="Giới thiệu",
            intro=(
                "Liên đoàn Lao động tỉnh Hòa Bình là tổ chức chính trị – xã hội của giai cấp "
                "công nhân và người lao động trong tỉnh."
            ),
            body=HISTORY,
            show_in_menus=True,
        )
    )
    first = home.get_first_child()
    if first is not None and first.pk != about.pk:
        about.move(first, pos="left")  # Giới thiệu opens the main menu, as on union portals
    leadership = about.add_child(
        instance=LeadershipPage(
            title="Lãnh đạo Liên đoàn",
            intro=f"Thường trực, Ban Thường vụ và Ban Chấp hành LĐLĐ tỉnh, {TERM.lower()}.",
            show_in_menus=True,
        )
    )
    for order, (group, full_name, title, portfolio, phone, local) in enumerate(LEADERS):
        Leader.objects.create(
            page=leadership,
            sort_order=order,
            group=group,
            full_name=full_name,
            title=title,
            term=TERM,
            portfolio=portfolio,
            phone=phone,
            email=f"{local}@{EMAIL_DOMAIN}" if local else "",
        )
    leadership.save_revision().publish()
    about.add_child(
        instance=OrganizationPage(
            title="Cơ cấu tổ chức",
            intro="Các ban, văn phòng và công đoàn cấp trên cơ sở trực thuộc LĐLĐ tỉnh.",
            show_in_menus=True,
        )
    )
    title, slug, body = ENGLISH_ROOT
    english = home.add_child(instance=EnglishPage(title=title, slug=slug, body=body))
    for title, slug, body, show_structure in ENGLISH_PAGES:
        english.add_child(
            instance=EnglishPage(title=title, slug=slug, body=body, show_structure=show_structure)
        )
    stdout.write(
        f"Giới thiệu: {len(LEADERS)} leaders, {Department.objects.count()} departments, "
        f"{1 + len(ENGLISH_PAGES)} English pages"
    )
