"""Demo Q&A: topics, the archive page, four published answers citing the demo library's
documents by their numbers, and two questions still waiting (with the asker's details, which
the archive never shows). Idempotent: nothing is added twice."""

import datetime

from django.utils import timezone

from congdoan.core.models import HomePage

from .models import LegalQuestion, QuestionArchivePage, QuestionTopic

TOPICS = [
    "Tiền lương",
    "Bảo hiểm xã hội",
    "Chế độ thai sản",
    "Thời giờ làm việc, nghỉ ngơi",
    "Hợp đồng lao động",
    "Công đoàn cơ sở",
]


def _at(year, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


PUBLISHED = [
    {
        "topic": "Tiền lương",
        "title": "Mức lương tối thiểu vùng áp dụng cho công nhân may ở huyện",
        "asker_name": "Nguyễn Thị Hoa",
        "email": "hoa.nguyen@example.vn",
        "question": (
            "Tôi là công nhân may ở huyện Lương Sơn, hợp đồng ghi lương 3.900.000 đồng/tháng. "
            "Chị Hoa ở tổ 3 nói mức này thấp hơn lương tối thiểu. Xin hỏi đúng không?"
        ),
        "public_question": (
            "Tôi là công nhân may làm việc tại một doanh nghiệp ở địa bàn vùng III, hợp đồng lao "
            "động ghi mức lương 3.900.000 đồng/tháng cho công việc giản đơn, làm đủ thời giờ "
            "làm việc bình thường. Xin hỏi mức lương này có thấp hơn lương tối thiểu vùng không?"
        ),
        "answer": (
            "<p>Theo Điều 91 Bộ luật Lao động 45/2019/QH14, mức lương tối thiểu là mức lương "
            "thấp nhất được trả cho người lao động làm công việc giản đơn nhất trong điều kiện "
            "lao động bình thường, được xác lập theo vùng và do Chính phủ công bố.</p>"
            "<p>Nghị định 74/2024/NĐ-CP (áp dụng từ ngày 01/7/2024) quy định mức lương tối "
            "thiểu tháng: vùng I 4.960.000 đồng; vùng II 4.410.000 đồng; vùng III 3.860.000 "
            "đồng; vùng IV 3.450.000 đồng. Vùng được xác định theo địa bàn nơi doanh nghiệp "
            "hoạt động (phụ lục kèm theo Nghị định).</p>"
            "<p>Nếu nơi làm việc của bạn thuộc vùng III thì mức 3.900.000 đồng/tháng cho công "
            "việc giản đơn, làm đủ thời giờ làm việc bình thường, không thấp hơn mức tối thiểu "
            "3.860.000 đồng. Khi Chính phủ điều chỉnh lương tối thiểu, doanh nghiệp phải trả "
            "không thấp hơn mức mới kể từ ngày nghị định mới có hiệu lực; bạn có thể tra cứu "
            "văn bản đang có hiệu lực trong mục Văn bản của Cổng.</p>"
            "<p>Nếu doanh nghiệp trả thấp hơn mức tối thiểu, bạn có thể đề nghị công đoàn cơ "
            "sở hoặc Liên đoàn Lao động huyện hỗ trợ đối thoại với người sử dụng lao động.</p>"
        ),
        "published_at": _at(2025, 3, 12),
    },
    {
        "topic": "Bảo hiểm xã hội",
        "title": "Nghỉ việc có được rút bảo hiểm xã hội một lần theo luật mới?",
        "asker_name": "",
        "email": "congnhan.kcn@example.vn",
        "question": (
            "Tôi đóng BHXH từ 2018 ở công ty điện tử, nay định nghỉ việc về quê. Luật BHXH mới "
            "còn cho rút một lần không? Số điện thoại của tôi 0912 000 111."
        ),
        "public_question": (
            "Tôi tham gia bảo hiểm xã hội bắt buộc từ năm 2018, nay dự định nghỉ việc. Từ khi "
            "Luật Bảo hiểm xã hội năm 2024 có hiệu lực, tôi còn được hưởng bảo hiểm xã hội một "
            "lần không?"
        ),
        "answer": (
            "<p>Luật Bảo hiểm xã hội 41/2024/QH15 có hiệu lực từ ngày 01/7/2025. Theo quy "
            "định về bảo hiểm xã hội một lần của Luật này, người lao động đã tham gia bảo hiểm "
            "xã hội <b>trước ngày 01/7/2025</b>, sau 12 tháng không thuộc đối tượng tham gia "
            "bảo hiểm xã hội bắt buộc mà cũng không tham gia bảo hiểm xã hội tự nguyện, có "
            "thời gian đóng chưa đủ 20 năm và có yêu cầu thì được hưởng bảo hiểm xã hội một "
            "lần.</p>"
            "<p>Bạn bắt đầu đóng từ năm 2018 nên thuộc trường hợp này: sau khi nghỉ việc đủ 12 "
            "tháng mà không tiếp tục đóng, bạn có thể nộp hồ sơ tại cơ quan bảo hiểm xã hội "
            "nơi cư trú.</p>"
            "<p>Tuy vậy, hãy cân nhắc kỹ: Luật mới giảm số năm đóng tối thiểu để hưởng lương "
            "hưu xuống 15 năm. Bảo lưu thời gian đã đóng giúp bạn giữ quyền hưởng lương hưu và "
            "thẻ bảo hiểm y tế khi về già; nhận một lần thì chấm dứt các quyền đó cho thời gian "
            "đã nhận.</p>"
        ),
        "published_at": _at(2025, 7, 18),
    },
    {
        "topic": "Chế độ thai sản",
        "title": "Lao động nữ sinh con được nghỉ bao lâu và hưởng chế độ gì?",
        "asker_name": "Trần Thu Trang",
        "email": "trang.tt@example.vn",
        "question": (
            "Em làm kế toán công ty TNHH Minh Phát, dự sinh tháng 10. Em được nghỉ mấy tháng, "
            "có được nghỉ trước khi sinh không ạ?"
        ),
        "public_question": (
            "Tôi làm việc theo hợp đồng lao động và đã đóng bảo hiểm xã hội hơn hai năm, dự "
            "sinh con vào tháng 10. Tôi được nghỉ thai sản bao lâu, có được nghỉ trước khi "
            "sinh không và được hưởng những khoản gì?"
        ),
        "answer": (
            "<p>Theo Điều 139 Bộ luật Lao động 45/2019/QH14, lao động nữ được nghỉ thai sản "
            "trước và sau khi sinh con là <b>06 tháng</b>; thời gian nghỉ trước khi sinh tối đa "
            "không quá 02 tháng. Sinh đôi trở lên thì từ con thứ hai, mỗi con được nghỉ thêm 01 "
            "tháng.</p>"
            "<p>Theo Luật Bảo hiểm xã hội 41/2024/QH15, khi đã đóng bảo hiểm xã hội bắt buộc "
            "từ đủ 06 tháng trở lên trong 12 tháng trước khi sinh, bạn được hưởng chế độ thai "
            "sản: mỗi tháng nghỉ được hưởng 100% mức bình quân tiền lương làm căn cứ đóng bảo "
            "hiểm xã hội của 06 tháng gần nhất trước khi nghỉ, và trợ cấp một lần khi sinh con "
            "bằng 02 lần mức tham chiếu cho mỗi con.</p>"
            "<p>Trong thời gian nghỉ thai sản, người sử dụng lao động không được đơn phương "
            "chấm dứt hợp đồng lao động với bạn vì lý do kết hôn, mang thai, nghỉ thai sản. "
            "Hãy báo trước cho công ty lịch nghỉ dự kiến và nộp giấy chứng sinh hoặc giấy khai "
            "sinh để công ty lập hồ sơ gửi cơ quan bảo hiểm xã hội.</p>"
        ),
        "published_at": _at(2025, 9, 4),
    },
    {
        "topic": "Thời giờ làm việc, nghỉ ngơi",
        "title": "Công ty được yêu cầu làm thêm giờ tối đa bao nhiêu và trả lương thế nào?",
        "asker_name": "Lê Văn Tuấn",
        "email": "tuan.le@example.vn",
        "question": (
            "Xưởng gỗ của chúng tôi tháng nào cũng tăng ca 3 tiếng mỗi tối, cả chủ nhật. Như vậy "
            "có vượt quá quy định không, và tiền tăng ca tính thế nào?"
        ),
        "public_question": (
            "Nơi tôi làm việc thường xuyên yêu cầu làm thêm 3 giờ mỗi tối, kể cả ngày chủ nhật "
            "là ngày nghỉ hằng tuần. Như vậy có vượt giới hạn làm thêm giờ không, và tiền lương "
            "làm thêm được tính thế nào?"
        ),
        "answer": (
            "<p>Theo Điều 107 Bộ luật Lao động 45/2019/QH14, người sử dụng lao động chỉ được "
            "sử dụng người lao động làm thêm giờ khi <b>được người lao động đồng ý</b>, và số "
            "giờ làm thêm không quá 50% số giờ làm việc bình thường trong 01 ngày, không quá 40 "
            "giờ trong 01 tháng và không quá 200 giờ trong 01 năm (một số ngành, nghề được làm "
            "đến 300 giờ/năm theo Nghị định 145/2020/NĐ-CP).</p>"
            "<p>Làm thêm 3 giờ mỗi tối trong một ngày làm 8 giờ là không vượt 50% trong ngày, "
            "nhưng nếu lặp lại thường xuyên thì rất dễ vượt 40 giờ/tháng.</p>"
            "<p>Theo Điều 98 của Bộ luật, tiền lương làm thêm giờ ít nhất bằng 150% vào ngày "
            "thường, 200% vào ngày nghỉ hằng tuần, 300% vào ngày nghỉ lễ, tết, ngày nghỉ có "
            "hưởng lương (chưa kể tiền lương của ngày đó); làm thêm vào ban đêm còn được trả "
            "thêm. Công đoàn cơ sở có quyền đề nghị người sử dụng lao động thực hiện đúng các "
            "giới hạn này.</p>"
        ),
        "published_at": _at(2025, 10, 21),
    },
]

WAITING = [
    {
        "topic": "Hợp đồng lao động",
        "asker_name": "Phạm Minh Đức",
        "email": "duc.pm@example.vn",
        "question": (
            "Công ty bắt tôi ký hợp đồng thử việc lần thứ hai cho cùng một công việc sau khi hết "
            "hai tháng thử việc. Như vậy có đúng luật không?"
        ),
        "consent_to_publish": True,
    },
    {
        "topic": "Công đoàn cơ sở",
        "asker_name": "",
        "email": "doanvien.cdcs@example.vn",
        "question": (
            "Người lao động làm việc không có hợp đồng lao động có được gia nhập công đoàn "
            "theo Luật Công đoàn 2024 không?"
        ),
        "consent_to_publish": False,
    },
]


def ensure_archive(home) -> QuestionArchivePage:
    existing = QuestionArchivePage.objects.first()
    if existing:
        return existing
    archive = QuestionArchivePage(
        title="Hỏi đáp pháp luật",
        slug="hoi-dap-phap-luat",
        show_in_menus=True,
        intro=(
            "Tư vấn pháp luật lao động, công đoàn miễn phí cho đoàn viên và người lao động. "
            "Câu trả lời do cán bộ pháp luật của Liên đoàn soạn và được duyệt trước khi gửi."
        ),
    )
    home.add_child(instance=archive)
    archive.save_revision().publish()
    return archive


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    topics = {}
    for order, name in enumerate(TOPICS):
        topics[name], _created = QuestionTopic.objects.get_or_create(
            name=name, defaults={"sort_order": order}
        )
    ensure_archive(home)
    if LegalQuestion.objects.exists():
        return
    for data in PUBLISHED:
        LegalQuestion.objects.create(
            topic=topics[data["topic"]],
            asker_name=data["asker_name"],
            email=data["email"],
            question=data["question"],
            consent_to_publish=True,
            created_at=data["published_at"] - datetime.timedelta(days=5),
            status=LegalQuestion.Status.PUBLISHED,
            title=data["title"],
            public_question=data["public_question"],
            answer=data["answer"],
            answered_at=data["published_at"] - datetime.timedelta(days=1),
            reply_sent_at=data["published_at"] - datetime.timedelta(days=1),
            published_at=data["published_at"],
        )
    for data in WAITING:
        LegalQuestion.objects.create(
            topic=topics[data["topic"]],
            **{key: value for key, value in data.items() if key != "topic"},
        )
    stdout.write(f"demo: {len(PUBLISHED)} published legal answers, {len(WAITING)} waiting")
