"""Demo polls: one open now (several answers allowed), one closed with its results.
Idempotent: polls are found again by their question."""

import datetime
import secrets

from django.utils import timezone

from .models import Poll, PollChoice, Vote

OPEN_POLL = {
    "question": "Bạn quan tâm nhất đến nội dung nào của Luật Công đoàn năm 2024?",
    "multiple_choice": True,
    "choices": [
        "Người lao động không có quan hệ lao động được gia nhập công đoàn",
        "Quyền, trách nhiệm của công đoàn cơ sở khi đối thoại, thương lượng",
        "Tài chính công đoàn, kinh phí và đoàn phí",
        "Bảo vệ cán bộ công đoàn không chuyên trách",
    ],
    "votes": [(0,), (0, 1), (1,), (0, 2), (3,), (0,), (1, 3), (2,)],
}
CLOSED_POLL = {
    "question": "Doanh nghiệp nơi bạn làm việc đã tổ chức hội nghị người lao động năm 2025 chưa?",
    "multiple_choice": False,
    "choices": ["Đã tổ chức", "Chưa tổ chức", "Tôi không biết"],
    "votes": [(0,)] * 41 + [(1,)] * 12 + [(2,)] * 9,
}


def ensure_poll(data, opens_at, closes_at) -> Poll:
    existing = Poll.objects.filter(question=data["question"]).first()
    if existing:
        return existing
    poll = Poll(
        question=data["question"],
        multiple_choice=data["multiple_choice"],
        opens_at=opens_at,
        closes_at=closes_at,
    )
    poll.choices = [
        PollChoice(sort_order=order, label=label) for order, label in enumerate(data["choices"])
    ]
    poll.save()
    choices = list(poll.choices.order_by("sort_order", "pk"))
    for picked in data["votes"]:
        # Demo readers: random ids hashed exactly as real readers' are.
        vote = Vote.objects.create(
            poll=poll,
            reader_key=poll.reader_key(secrets.token_urlsafe(16)),
            address_key=poll.address_key(f"192.0.2.{secrets.randbelow(250) + 1}"),
            created_at=opens_at,
        )
        vote.choices.set([choices[index] for index in picked])
    return poll


def load(stdout):
    now = timezone.now()
    ensure_poll(CLOSED_POLL, now - datetime.timedelta(days=60), now - datetime.timedelta(days=30))
    ensure_poll(OPEN_POLL, now - datetime.timedelta(days=3), now + datetime.timedelta(days=27))
    stdout.write("demo: 2 polls (one open, one closed)")
