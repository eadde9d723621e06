"""Demo library: real documents on labour and unions with their true numbers and dates, plus a
few of the demo federation's own. Idempotent: documents are found again by their import key."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from .linking import rebuild_citations
from .models import Area, DocumentType, DraftComment, Issuer, LegalDocument, LegalDocumentFile
from .sample_files import text_pdf
from .tasks import extract_document_text

D = datetime.date

TYPES = [
    "Luật",
    "Bộ luật",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Kế hoạch",
    "Hướng dẫn",
    "Công văn",
    "Thông báo",
]
ISSUERS = [
    "Ban Chấp hành Trung ương",
    "Bộ Chính trị",
    "Quốc hội",
    "Chính phủ",
    "Bộ Lao động – Thương binh và Xã hội",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Liên đoàn Lao động tỉnh Hòa Bình",
]
AREAS = [
    ("Công đoàn", ["Tổ chức công đoàn", "Tài chính công đoàn"]),
    ("Lao động – Việc làm", ["Tiền lương", "Hợp đồng lao động", "An toàn, vệ sinh lao động"]),
    ("Bảo hiểm xã hội", []),
    ("Xử phạt vi phạm hành chính", []),
    ("Công tác Đảng", []),
]

DOCUMENTS = [
    {
        "id": "demo-20-nq-tw-2008",
        "code": "20-NQ/TW",
        "type": "Nghị quyết",
        "issuer": "Ban Chấp hành Trung ương",
        "signer": "Nông Đức Mạnh",
        "areas": ["Công tác Đảng", "Công đoàn"],
        "summary": (
            "Về tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh "
            "công nghiệp hóa, hiện đại hóa đất nước"
        ),
        "issued_on": D(2008, 1, 28),
    },
    {
        "id": "demo-02-nq-tw-2021",
        "code": "02-NQ/TW",
        "type": "Nghị quyết",
        "issuer": "Bộ Chính trị",
        "signer": "Nguyễn Phú Trọng",
        "areas": ["Công tác Đảng", "Tổ chức công đoàn"],
        "summary": ("Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới"),
        "issued_on": D(2021, 6, 12),
        "pdf": [
            "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM",
            "Số 02-NQ/TW – Hà Nội, ngày 12 tháng 6 năm 2021",
            "",
            "NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ",
            "Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam",
            "trong tình hình mới",
            "",
            "Công đoàn Việt Nam là tổ chức chính trị – xã hội rộng lớn của giai cấp công nhân",
            "và của người lao động, được thành lập trên cơ sở tự nguyện.",
            "Đổi mới mạnh mẽ nội dung, phương thức hoạt động công đoàn; lấy đoàn viên,",
            "người lao động làm trung tâm; đại diện, bảo vệ quyền và lợi ích hợp pháp,",
            "chính đáng của đoàn viên, người lao động.",
            "",
            "(Bản trích giới thiệu trên trang thông tin điện tử.)",
        ],
    },
    {
        "id": "demo-10-2012-qh13",
        "code": "10/2012/QH13",
        "type": "Bộ luật",
        "issuer": "Quốc hội",
        "signer": "Nguyễn Sinh Hùng",
        "areas": ["Lao động – Việc làm"],
        "summary": "Bộ luật Lao động",
        "issued_on": D(2012, 6, 18),
        "effective_on": D(2013, 5, 1),
        "expires_on": D(2021, 1, 1),
        "is_replaced": True,
    },
    {
        "id": "demo-12-2012-qh13",
        "code": "12/2012/QH13",
        "type": "Luật",
        "issuer": "Quốc hội",
        "signer": "Nguyễn Sinh Hùng",
        "areas": ["Tổ chức công đoàn", "Tài chính công đoàn"],
        "summary": "Luật Công đoàn",
        "issued_on": D(2012, 6, 20),
        "effective_on": D(2013, 1, 1),
        "expires_on": D(2025, 7, 1),
        "is_replaced": True,
    },
    {
        "id": "demo-84-2015-qh13",
        "code": "84/2015/QH13",
        "type": "Luật",
        "issuer": "Quốc hội",
        "signer": "Nguyễn Sinh Hùng",
        "areas": ["An toàn, vệ sinh lao động"],
        "summary": "Luật An toàn, vệ sinh lao động",
        "issued_on": D(2015, 6, 25),
        "effective_on": D(2016, 7, 1),
    },
    {
        "id": "demo-45-2019-qh14",
        "code": "45/2019/QH14",
        "type": "Bộ luật",
        "issuer": "Quốc hội",
        "signer": "Nguyễn Thị Kim Ngân",
        "areas": ["Lao động – Việc làm", "Hợp đồng lao động", "Tiền lương"],
        "summary": "Bộ luật Lao động",
        "issued_on": D(2019, 11, 20),
        "effective_on": D(2021, 1, 1),
        "replaces": ["demo-10-2012-qh13"],
    },
    {
        "id": "demo-28-2020-nd-cp",
        "code": "28/2020/NĐ-CP",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "areas": ["Xử phạt vi phạm hành chính"],
        "summary": (
            "Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động, bảo hiểm xã hội, "
            "đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng"
        ),
        "issued_on": D(2020, 3, 1),
        "effective_on": D(2020, 4, 15),
        "expires_on": D(2022, 1, 17),
        "is_replaced": True,
    },
    {
        "id": "demo-10-2020-tt-bldtbxh",
        "code": "10/2020/TT-BLĐTBXH",
        "type": "Thông tư",
        "issuer": "Bộ Lao động – Thương binh và Xã hội",
        "areas": ["Hợp đồng lao động"],
        "summary": (
            "Quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về nội "
            "dung của hợp đồng lao động, Hội đồng thương lượng tập thể và nghề, công việc có "
            "ảnh hưởng xấu tới chức năng sinh sản, nuôi con"
        ),
        "issued_on": D(2020, 11, 12),
        "effective_on": D(2021, 1, 1),
        "related": ["demo-45-2019-qh14"],
    },
    {
        "id": "demo-135-2020-nd-cp",
        "code": "135/2020/NĐ-CP",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "areas": ["Lao động – Việc làm", "Bảo hiểm xã hội"],
        "summary": "Quy định về tuổi nghỉ hưu",
        "issued_on": D(2020, 11, 18),
        "effective_on": D(2021, 1, 1),
        "related": ["demo-45-2019-qh14"],
    },
    {
        "id": "demo-145-2020-nd-cp",
        "code": "145/2020/NĐ-CP",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "areas": ["Lao động – Việc làm", "Hợp đồng lao động"],
        "summary": (
            "Quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động "
            "về điều kiện lao động và quan hệ lao động"
        ),
        "issued_on": D(2020, 12, 14),
        "effective_on": D(2021, 2, 1),
        "related": ["demo-45-2019-qh14"],
    },
    {
        "id": "demo-12-2022-nd-cp",
        "code": "12/2022/NĐ-CP",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "areas": ["Xử phạt vi phạm hành chính"],
        "summary": (
            "Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động, bảo hiểm xã hội, "
            "người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng"
        ),
        "issued_on": D(2022, 1, 17),
        "replaces": ["demo-28-2020-nd-cp"],
    },
    {
        "id": "demo-38-2022-nd-cp",
        "code": "38/2022/NĐ-CP",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "areas": ["Tiền lương"],
        "summary": (
            "Quy định mức lương tối thiểu đối với người lao động làm việc theo hợp đồng lao động"
        ),
        "issued_on": D(2022, 6, 12),
        "effective_on": D(2022, 7, 1),
        "expires_on": D(2024, 7, 1),
        "is_replaced": True,
    },
    {
        "id": "demo-41-2024-qh15",
        "code": "41/2024/QH15",
        "type": "Luật",
        "issuer": "Quốc hội",
        "signer": "Trần Thanh Mẫn",
        "areas": ["Bảo hiểm xã hội"],
        "summary": "Luật Bảo hiểm xã hội",
        "issued_on": D(2024, 6, 29),
        "effective_on": D(2025, 7, 1),
    },
    {
        "id": "demo-74-2024-nd-cp",
        "code": "74/2024/NĐ-CP",
        "type": "Nghị định",
        "issuer": "Chính phủ",
        "areas": ["Tiền lương"],
        "summary": (
            "Quy định mức lương tối thiểu đối với người lao động làm việc theo hợp đồng lao động"
        ),
        "issued_on": D(2024, 6, 30),
        "effective_on": D(2024, 7, 1),
        "replaces": ["demo-38-2022-nd-cp"],
    },
    {
        "id": "demo-50-2024-qh15",
        "code": "50/2024/QH15",
        "type": "Luật",
        "issuer": "Quốc hội",
        "signer": "Trần Thanh Mẫn",
        "areas": ["Tổ chức công đoàn", "Tài chính công đoàn"],
        "summary": "Luật Công đoàn",
        "issued_on": D(2024, 11, 27),
        "effective_on": D(2025, 7, 1),
        "replaces": ["demo-12-2012-qh13"],
        "related": ["demo-02-nq-tw-2021"],
    },
    # The demo federation's own documents (the demo organization is fictional).
    {
        "id": "demo-ldld-kh-2025-12",
        "code": "12/KH-LĐLĐ",
        "type": "Kế hoạch",
        "issuer": "Liên đoàn Lao động tỉnh Hòa Bình",
        "signer": "Chủ tịch LĐLĐ tỉnh",
        "areas": ["Tổ chức công đoàn"],
        "summary": (
            "Kế hoạch tuyên truyền, phổ biến Luật Công đoàn năm 2024 đến đoàn viên, "
            "người lao động trong tỉnh"
        ),
        "issued_on": D(2025, 2, 10),
        "related": ["demo-50-2024-qh15"],
    },
    {
        "id": "demo-ldld-hd-2025-03",
        "code": "03/HD-LĐLĐ",
        "type": "Hướng dẫn",
        "issuer": "Liên đoàn Lao động tỉnh Hòa Bình",
        "signer": "Phó Chủ tịch LĐLĐ tỉnh",
        "areas": ["Tài chính công đoàn"],
        "summary": "Hướng dẫn thu, nộp kinh phí và đoàn phí công đoàn năm 2025",
        "issued_on": D(2025, 3, 5),
    },
    {
        "id": "demo-ldld-cv-2025-215",
        "code": "215/LĐLĐ-TG",
        "type": "Công văn",
        "issuer": "Liên đoàn Lao động tỉnh Hòa Bình",
        "signer": "Phó Chủ tịch LĐLĐ tỉnh",
        "areas": ["Tiền lương"],
        "summary": ("Về việc tuyên truyền mức lương tối thiểu vùng theo Nghị định 74/2024/NĐ-CP"),
        "issued_on": D(2024, 7, 8),
        "related": ["demo-74-2024-nd-cp"],
    },
    {
        "id": "demo-ldld-tb-2025-08",
        "code": "08/TB-LĐLĐ",
        "type": "Thông báo",
        "issuer": "Liên đoàn Lao động tỉnh Hòa Bình",
        "signer": "Chánh Văn phòng LĐLĐ tỉnh",
        "areas": ["Công đoàn"],
        "summary": "Thông báo lịch tiếp đoàn viên, người lao động năm 2025",
        "issued_on": D(2025, 1, 6),
    },
]


def ensure_lists() -> tuple[dict, dict, dict]:
    types = {}
    for order, name in enumerate(TYPES):
        types[name], _created = DocumentType.objects.get_or_create(
            name=name, defaults={"sort_order": order}
        )
    issuers = {}
    for order, name in enumerate(ISSUERS):
        issuers[name], _created = Issuer.objects.get_or_create(
            name=name, defaults={"sort_order": order}
        )
    areas = {}
    for order, (name, children) in enumerate(AREAS):
        parent, _created = Area.objects.get_or_create(
            name=name, parent=None, defaults={"sort_order": order}
        )
        areas[name] = parent
        for child_order, child in enumerate(children):
            areas[child], _created = Area.objects.get_or_create(
                name=child, parent=parent, defaults={"sort_order": child_order}
            )
    return types, issuers, areas


def ensure_document(data: dict, types, issuers, areas) -> LegalDocument:
    existing = LegalDocument.objects.filter(external_id=data["id"]).first()
    if existing:
        return existing
    document = LegalDocument(
        external_id=data["id"],
        code=data["code"],
        document_type=types[data["type"]],
        issuer=issuers[data["issuer"]],
        signer=data.get("signer", ""),
        summary=data["summary"],
        issued_on=data["issued_on"],
        effective_on=data.get("effective_on"),
        expires_on=data.get("expires_on"),
        is_replaced=data.get("is_replaced", False),
    )
    document.areas = [areas[name] for name in data["areas"]]
    if data.get("pdf"):
        item = LegalDocumentFile(
            sort_order=0, title=f"Toàn văn {data['type']} {data['code']} (PDF)"
        )
        file_name = f"{data['id']}.pdf"
        item.file.save(file_name, ContentFile(text_pdf(data["pdf"])), save=False)
        document.files = [item]
    document.save()
    if document.files.exists():
        # The demo reads its PDF at once instead of waiting for a task worker.
        extract_document_text.call(document.pk)
    return document


def load(stdout):
    types, issuers, areas = ensure_lists()
    documents = {data["id"]: ensure_document(data, types, issuers, areas) for data in DOCUMENTS}
    for data in DOCUMENTS:
        document = documents[data["id"]]
        replaces = {documents[key].pk for key in data.get("replaces", [])}
        related = {documents[key].pk for key in data.get("related", [])}
        missing_replaces = replaces - set(document.replaces.values_list("pk", flat=True))
        missing_related = related - set(document.related_documents.values_list("pk", flat=True))
        if missing_replaces or missing_related:
            document.replaces.add(*LegalDocument.objects.filter(pk__in=missing_replaces))
            document.related_documents.add(*LegalDocument.objects.filter(pk__in=missing_related))
            document.save()
    rebuild_citations()
    load_draft_consultation(types, issuers, areas)
    stdout.write(f"demo: {len(documents)} legal documents and a draft open for comments")


DRAFT = {
    "id": "demo-ldld-du-thao-quy-che-2026",
    "code": "01/DT-LĐLĐ",
    "type": "Hướng dẫn",
    "issuer": "Liên đoàn Lao động tỉnh Hòa Bình",
    "areas": ["Tổ chức công đoàn"],
    "summary": (
        "Dự thảo Hướng dẫn kết nạp đoàn viên là người lao động không có quan hệ lao động "
        "theo Luật Công đoàn năm 2024"
    ),
    "note": (
        "Văn bản đang ở dạng dự thảo, đăng để lấy ý kiến đoàn viên, người lao động và các "
        "công đoàn cơ sở trước khi ban hành."
    ),
}
DRAFT_COMMENTS = [
    (
        "Hoàng Văn Nam",
        "nam.hv@example.vn",
        "Công đoàn cơ sở Công ty CP May Lạc Thủy",
        "Đề nghị bổ sung hướng dẫn cách thu đoàn phí đối với lao động tự do không có thu nhập "
        "ổn định hằng tháng, ví dụ cho phép đóng theo quý.",
        True,
    ),
    (
        "Đinh Thị Mai",
        "mai.dinh@example.vn",
        "",
        "Tôi là người giúp việc gia đình, mong hướng dẫn nói rõ nghiệp đoàn nào tiếp nhận "
        "người lao động ở xã chưa có công đoàn cơ sở.",
        False,
    ),
    (
        "Bùi Quang Huy",
        "huy.bq@example.vn",
        "Liên đoàn Lao động huyện Kim Bôi",
        "Mục 3 nên quy định thời hạn công đoàn cấp trên trả lời đơn xin gia nhập, chẳng hạn "
        "15 ngày làm việc.",
        False,
    ),
]


def load_draft_consultation(types, issuers, areas) -> LegalDocument:
    """One draft open for comments (from a week ago to three weeks ahead), with comments."""
    today = timezone.localdate()
    data = {**DRAFT, "issued_on": today - datetime.timedelta(days=7)}
    document = ensure_document(data, types, issuers, areas)
    if not document.is_draft:
        document.note = DRAFT["note"]
        document.is_draft = True
        document.comments_open_on = today - datetime.timedelta(days=7)
        document.comments_close_on = today + datetime.timedelta(days=21)
        document.save()
    if not document.draft_comments.exists():
        for name, email, organization, comment, approved in DRAFT_COMMENTS:
            DraftComment.objects.create(
                document=document,
                name=name,
                email=email,
                organization=organization,
                comment=comment,
                approved=approved,
            )
    return document
