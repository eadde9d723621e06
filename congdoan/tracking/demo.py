"""The demo tracker: *Chương trình hành động số 02* carrying out Nghị quyết 02-NQ/TW.

The tasks are those the seed article names (the pilot of direct upper-level unions, the
digital-transformation project and online training, the procedure for introducing workers to
the Party, each department's progress plan) and a few more of the kind. Every date is counted
from the day the demo is loaded, and reports are chosen so that every status occurs and the
reminders have something to say. A public follow-up page is added under the home page, and one
demo account per department (*Cán bộ theo dõi*) plus a leader (*Lãnh đạo*).
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from congdoan.core.demo import DemoAccount, create_demo_account
from congdoan.core.models import HomePage
from congdoan.core.text import code_key
from congdoan.legal.models import LegalDocument

from .models import Program, ProgramPage, ProgressReport, Task, Unit
from .roles import LEADER, ROLE_NAMES, STAFF

PROGRAM_CODE = "CTHD-02"
PROGRAM_NAME = "Chương trình hành động số 02 thực hiện Nghị quyết 02-NQ/TW"
RESOLUTION_CODE = "02-NQ/TW"

# (key, name, short name, kind, demo username or "")
UNITS = (
    ("office", "Văn phòng", "VP", Unit.Kind.OFFICE, "vanphong"),
    ("organization", "Ban Tổ chức", "BTC", Unit.Kind.BAN, "bantochuc"),
    ("propaganda", "Ban Tuyên giáo", "BTG", Unit.Kind.BAN, "bantuyengiao"),
    ("policy", "Ban Chính sách – Pháp luật", "BCS-PL", Unit.Kind.BAN, "banchinhsach"),
    ("inspection", "Ủy ban Kiểm tra", "UBKT", Unit.Kind.BAN, "uybankiemtra"),
    ("luong_son", "LĐLĐ huyện Lương Sơn", "LĐLĐ Lương Sơn", Unit.Kind.DISTRICT, ""),
    ("mai_chau", "LĐLĐ huyện Mai Châu", "LĐLĐ Mai Châu", Unit.Kind.DISTRICT, ""),
    ("education", "Công đoàn ngành Giáo dục", "CĐN Giáo dục", Unit.Kind.SECTOR, ""),
)

LEADER_ACCOUNT = DemoAccount("lanhdao", LEADER, "Lãnh", "đạo", role_name=ROLE_NAMES[LEADER])
DEMO_ACCOUNTS = (
    LEADER_ACCOUNT,
    *(
        DemoAccount(username, STAFF, "Cán bộ", short, role_name=f"{ROLE_NAMES[STAFF]} – {name}")
        for _key, name, short, _kind, username in UNITS
        if username
    ),
)

PLAN_PARENT = "Các ban, Văn phòng xây dựng kế hoạch tiến độ triển khai nhiệm vụ"
# Each task: title, lead unit, cooperating units, priority, deadline (days from today),
# expected output, reason for delay, reports as (days from today, percent, text).
# Statuses on load: in progress, overdue, done on time, done late, not started.
TASKS = (
    {
        "title": "Thí điểm thành lập công đoàn cấp trên trực tiếp cơ sở",
        "lead": "organization",
        "cooperating": ("office", "luong_son"),
        "priority": Task.Priority.URGENT,
        "deadline": 45,
        "output": "Đề án thí điểm và báo cáo kết quả thí điểm tại hai huyện",
        "reports": (
            (-60, 20, "Đã khảo sát mô hình tại LĐLĐ huyện Lương Sơn."),
            (-10, 55, "Đã trình dự thảo đề án thí điểm lên Thường trực."),
        ),
    },
    {
        "title": "Xây dựng đề án chuyển đổi số trong hoạt động công đoàn",
        "lead": "office",
        "cooperating": ("propaganda",),
        "priority": Task.Priority.IMPORTANT,
        "deadline": 5,
        "output": "Đề án chuyển đổi số giai đoạn 2021–2025",
        "reports": ((-30, 40, "Đã lấy ý kiến các ban về dự thảo đề án."),),
    },
    {
        "title": "Tổ chức đào tạo trực tuyến cho cán bộ công đoàn cơ sở",
        "lead": "propaganda",
        "cooperating": ("office", "education"),
        "priority": Task.Priority.IMPORTANT,
        "deadline": -20,
        "output": "Ba khóa học trực tuyến, 500 lượt cán bộ tham gia",
        "reason": "Nền tảng học trực tuyến chưa được nghiệm thu.",
        "reports": (
            (-50, 30, "Đã biên soạn xong học liệu khóa thứ nhất."),
            (-25, 70, "Đã mở khóa thứ nhất, 210 học viên."),
        ),
    },
    {
        "title": "Xây dựng quy trình hướng dẫn giới thiệu, kết nạp đảng viên là công nhân",
        "lead": "organization",
        "cooperating": ("propaganda",),
        "priority": Task.Priority.URGENT,
        "deadline": -90,
        "output": "Hướng dẫn của Ban Thường vụ về quy trình giới thiệu đoàn viên ưu tú",
        "reports": (
            (-120, 50, "Đã hoàn thành dự thảo quy trình."),
            (-95, 100, "Ban Thường vụ đã ban hành hướng dẫn."),
        ),
    },
    {
        "title": PLAN_PARENT,
        "lead": "office",
        "priority": Task.Priority.URGENT,
        "deadline": -150,
        "output": "Kế hoạch tiến độ của từng ban, Văn phòng",
        "reports": ((-170, 60, "Bốn trên năm đơn vị đã gửi dự thảo kế hoạch."),),
        "reason": "Ủy ban Kiểm tra chưa gửi kế hoạch tiến độ.",
    },
    *(
        {
            "title": f"{short} xây dựng kế hoạch tiến độ triển khai nhiệm vụ được phân công",
            "parent": PLAN_PARENT,
            "lead": key,
            "priority": Task.Priority.URGENT,
            "deadline": -150,
            "output": "Kế hoạch tiến độ được lãnh đạo phê duyệt",
            "reports": reports,
            "reason": reason,
        }
        for key, short, reports, reason in (
            ("organization", "Ban Tổ chức", ((-155, 100, "Đã ban hành kế hoạch."),), ""),
            ("propaganda", "Ban Tuyên giáo", ((-152, 100, "Đã ban hành kế hoạch."),), ""),
            (
                "policy",
                "Ban Chính sách – Pháp luật",
                ((-160, 80, "Đang trình lãnh đạo ban."), (-140, 100, "Đã ban hành kế hoạch.")),
                "",
            ),
            ("office", "Văn phòng", ((-151, 100, "Đã ban hành kế hoạch."),), ""),
            (
                "inspection",
                "Ủy ban Kiểm tra",
                ((-165, 60, "Đã có dự thảo, chờ họp Ủy ban."),),
                "Chưa tổ chức được phiên họp Ủy ban để thông qua.",
            ),
        )
    ),
    {
        "title": (
            "Tuyên truyền, quán triệt Nghị quyết 02 và Chương trình hành động trong toàn hệ thống"
        ),
        "lead": "propaganda",
        "cooperating": ("luong_son", "mai_chau", "education"),
        "priority": Task.Priority.REGULAR,
        "deadline": 200,
        "output": "Chuyên mục trên cổng thông tin, tài liệu hỏi – đáp",
        "reports": (),
    },
    {
        "title": "Rà soát, sửa đổi quy chế phối hợp giữa công đoàn và chính quyền đồng cấp",
        "lead": "policy",
        "cooperating": ("office",),
        "priority": Task.Priority.IMPORTANT,
        "deadline": 2,
        "output": "Dự thảo quy chế phối hợp sửa đổi",
        "reports": (),
    },
    {
        "title": "Kiểm tra, giám sát việc thực hiện Nghị quyết 02 tại công đoàn cơ sở",
        "lead": "inspection",
        "cooperating": ("organization",),
        "priority": Task.Priority.REGULAR,
        "deadline": 120,
        "output": "Báo cáo kết quả kiểm tra tại 20 công đoàn cơ sở",
        "reports": ((-5, 10, "Đã ban hành kế hoạch kiểm tra."),),
    },
    {
        "title": "Đưa nội dung Nghị quyết vào sinh hoạt chi bộ và sinh hoạt chuyên môn",
        "lead": "mai_chau",
        "priority": Task.Priority.REGULAR,
        "deadline": -40,
        "output": "Báo cáo kết quả sinh hoạt chuyên đề",
        "reports": (
            (-70, 50, "Đã sinh hoạt chuyên đề tại 12 chi bộ."),
            (-30, 100, "Đã hoàn thành tại toàn bộ chi bộ, công đoàn cơ sở."),
        ),
    },
    {
        "title": "Phát triển đoàn viên, thành lập công đoàn cơ sở tại doanh nghiệp ngoài nhà nước",
        "lead": "luong_son",
        "cooperating": ("organization",),
        "priority": Task.Priority.IMPORTANT,
        "deadline": 300,
        "output": "Kết nạp 1.000 đoàn viên, thành lập 5 công đoàn cơ sở",
        "reports": ((-15, 25, "Đã kết nạp 260 đoàn viên, thành lập 1 công đoàn cơ sở."),),
    },
    {
        "title": "Sơ kết 6 tháng thực hiện Chương trình hành động số 02",
        "lead": "office",
        "cooperating": ("organization", "propaganda", "policy", "inspection"),
        "priority": Task.Priority.REGULAR,
        "deadline": -180,
        "output": "Báo cáo sơ kết 6 tháng gửi Tổng Liên đoàn",
        "reports": ((-185, 100, "Đã tổ chức hội nghị sơ kết và gửi báo cáo."),),
    },
)


def resolution():
    """The demo's Nghị quyết 02-NQ/TW in the document library (number in any spelling)."""
    return LegalDocument.objects.filter(code_key=code_key(RESOLUTION_CODE)).first()


def create_units() -> dict[str, Unit]:
    units = {}
    for order, (key, name, short, kind, username) in enumerate(UNITS, start=1):
        units[key] = Unit.objects.create(
            name=name,
            short_name=short,
            kind=kind,
            order=order,
            email=f"{username or key.replace('_', '')}@ldldhoabinh.example.vn",
        )
    return units


def create_accounts(units: dict[str, Unit]) -> dict[str, object]:
    """The demo accounts, each staff account a member of its unit; returns {unit key: user}."""
    user_model = get_user_model()
    for account in DEMO_ACCOUNTS:
        if not user_model.objects.filter(username=account.username).exists():
            create_demo_account(account)
    reporters = {}
    for key, _name, _short, _kind, username in UNITS:
        if username:
            user = user_model.objects.get(username=username)
            units[key].members.add(user)
            reporters[key] = user
    return reporters


def create_tasks(program, units, reporters, today: datetime.date) -> None:
    day = datetime.timedelta(days=1)
    parents = {}
    for order, data in enumerate(TASKS, start=1):
        task = Task.objects.create(
            program=program,
            parent=parents.get(data.get("parent")),
            title=data["title"],
            lead_unit=units[data["lead"]],
            deadline=today + data["deadline"] * day,
            priority=data["priority"],
            expected_output=data["output"],
            overdue_reason=data.get("reason", ""),
            order=order,
        )
        task.cooperating_units.set([units[key] for key in data.get("cooperating", ())])
        parents[task.title] = task
        for offset, percent, text in data["reports"]:
            ProgressReport.objects.create(
                task=task,
                unit=task.lead_unit,
                reported_on=today + offset * day,
                percent=percent,
                text=text,
                created_by=reporters.get(data["lead"]),
            )


def add_public_page(program) -> None:
    home = HomePage.objects.first()
    if home is None or ProgramPage.objects.filter(program=program).exists():
        return
    page = ProgramPage(
        title="Tiến độ thực hiện Chương trình hành động số 02",
        slug="tien-do-chuong-trinh-02",
        program=program,
        intro="Đoàn viên theo dõi việc các ban, đơn vị thực hiện Nghị quyết 02-NQ/TW.",
        show_in_menus=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()


def load(stdout):
    if Program.objects.filter(code=PROGRAM_CODE).exists():
        return
    today = timezone.localdate()
    units = create_units()
    reporters = create_accounts(units)
    program = Program.objects.create(
        code=PROGRAM_CODE,
        name=PROGRAM_NAME,
        resolution=resolution(),
        period_start=today - datetime.timedelta(days=400),
        period_end=today + datetime.timedelta(days=800),
        owner_unit=units["office"],
        is_public=True,
        public_intro=(
            "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ "
            "Chính trị về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới."
        ),
        # The heading and signer of its periodic reports (tracking.reports).
        report_governing_body="Tổng Liên đoàn Lao động Việt Nam",
        report_issuing_unit="Liên đoàn Lao động tỉnh Hòa Bình",
        report_place="Hòa Bình",
        report_signer_authority="TM. Ban Thường vụ",
        report_signer_title="Chủ tịch",
        report_signer_name="Nguyễn Văn An",
        report_recipients=(
            "Tổng LĐLĐ Việt Nam (để b/c);\nThường trực Tỉnh ủy (để b/c);\n"
            "Các ban, Văn phòng LĐLĐ tỉnh;\nLĐLĐ các huyện, thành phố;"
        ),
    )
    create_tasks(program, units, reporters, today)
    add_public_page(program)
