from django.core.management.base import BaseCommand
from django.utils import timezone

from congdoan.tracking.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the day's deadline reminders of the action-program tracker (each once)."

    def handle(self, *args, **options):
        sent = send_due_reminders(timezone.localdate())
        self.stdout.write(f"{sent} reminder(s) sent.")
